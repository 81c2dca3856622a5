"""The seed debate as a slide deck: every claim on a page, readable on a 16:9 slide."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli.main import main
from argmap.formats.registry import read_debate
from argmap.model.debate import Debate
from argmap.render.options import MapOptions
from argmap.render.slides import SLIDE_PT, render_slides
from tests.test_render_dot import debate as debate_of

SVG = "{http://www.w3.org/2000/svg}"
SEED = Path(__file__).parent.parent / "arguments.yaml"


@pytest.fixture(scope="module")
def seed() -> Debate:
    return read_debate(SEED).debate


@pytest.fixture(scope="module")
def deck(seed: Debate) -> list[ET.Element]:
    return [ET.fromstring(page.svg) for page in render_slides(seed, renderer="wasm")]


def claims(page: ET.Element) -> dict[str, ET.Element]:
    return {
        g.get("id", ""): g
        for g in page.iter(f"{SVG}g")
        if {"claim", "question"} & set(g.get("class", "").split())
    }


def heading(page: ET.Element) -> str:
    (block,) = [g for g in page.iter(f"{SVG}g") if g.get("id") == "title-block"]
    return " ".join(t.text or "" for t in block.iter(f"{SVG}text"))


def test_every_claim_of_the_debate_is_on_some_page(seed: Debate, deck: list[ET.Element]) -> None:
    shown = {node for page in deck for node in claims(page)}
    assert shown == set(seed.node_ids())


def test_the_overview_shows_the_question_and_its_reasons_with_what_lies_below(
    seed: Debate, deck: list[ET.Element]
) -> None:
    overview = claims(deck[0])
    top = {r.source for r in seed.relations.values() if r.target == seed.question.id}
    assert set(overview) == {seed.question.id, *top}
    badges = [t.text or "" for g in overview.values() for t in g.iter(f"{SVG}text")]
    assert any(re.fullmatch(r"\+\d+ below: \d+ pro(, \d+ con)?", b) for b in badges)


def test_each_page_is_titled_with_the_path_back_to_the_question(
    seed: Debate, deck: list[ET.Element]
) -> None:
    question = seed.label_of(seed.question.id)
    for number, page in enumerate(deck, start=1):
        assert heading(page).startswith(question)
        assert heading(page).endswith(f"{number} / {len(deck)}")
    assert all(len(claims(page)) <= 16 for page in deck)


def test_every_slide_reads_at_14_pt_on_a_16_9_slide(deck: list[ET.Element]) -> None:
    for page in deck:
        assert (page.get("width"), page.get("height")) == ("960.00pt", "540.00pt")
        scale = 960 / float(page.get("viewBox", "").split()[2])
        titles = [
            float(t.get("font-size", "0")) * scale
            for g in claims(page).values()
            for t in g.iter(f"{SVG}text")
            if t.get("class") == "title"
        ]
        assert min(titles) >= SLIDE_PT - 0.01  # the viewBox is written to 0.01 pt


def test_options_apply_to_every_page(seed: Debate) -> None:
    pages = render_slides(seed, MapOptions(theme="dark", speakers=("lankov",)), renderer="wasm")
    for page in pages:
        root = ET.fromstring(page.svg)
        assert "argmap-theme-dark" in root.get("class", "")
    shown = {n for page in pages for n in claims(ET.fromstring(page.svg))}
    assert "shaming-campaign" in shown and "bad-for-people" not in shown


def test_slides_cli_writes_one_pdf_with_a_page_per_slide_or_one_svg_a_page(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["export", str(SEED), "--slides", "-f", "pdf,svg", "-o", str(tmp_path) + "/"]
    )
    assert result.exit_code == 0, result.output
    pdf = (tmp_path / "arguments-slides.pdf").read_bytes()
    svgs = sorted(tmp_path.glob("arguments-slide-*.svg"))
    assert svgs[0].name == "arguments-slide-01.svg"
    assert len(re.findall(rb"/Type /Page\b", pdf)) == len(svgs) > 3
    assert b"ArgmapSans" in pdf  # the shipped font, embedded


def test_a_question_with_many_reasons_is_split_over_pages_that_stay_readable() -> None:
    from tests.test_render_pages import big_debate

    wide = big_debate(60)  # 10 top-level lines, each a chain of six claims
    lines = ["argmap: 1", "title: Wide", "question: {id: q, text: Should we?}", "statements:"]
    lines += [f"  - {{id: r{n}, text: Reason number {n} for it, supports: [q]}}" for n in range(30)]
    flat = debate_of("\n".join(lines) + "\n")
    for debate in (wide, flat):
        pages = [ET.fromstring(page.svg) for page in render_slides(debate, renderer="wasm")]
        assert {n for page in pages for n in claims(page)} == set(debate.node_ids())
        overviews = [page for page in pages if heading(page).startswith("Should we? 1 /")]
        assert len(overviews) == 1
        if debate is flat:  # thirty reasons do not fit one page at 14 pt: they share several
            assert len(pages) > 1 and all(heading(p).startswith("Should we? ") for p in pages)
        for page in pages:
            scale = 960 / float(page.get("viewBox", "").split()[2])
            titles = [
                float(t.get("font-size", "0")) * scale
                for g in claims(page).values()
                for t in g.iter(f"{SVG}text")
                if t.get("class") == "title"
            ]
            assert min(titles) >= SLIDE_PT - 0.01
