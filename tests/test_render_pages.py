"""Maps of large debates and maps fitted to pages, as the exported SVG shows them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.model.debate import Debate
from argmap.render.export import export_map
from argmap.render.options import MapOptions
from argmap.render.select import READABLE_CLAIMS
from tests.test_render_dot import debate

SVG = "{http://www.w3.org/2000/svg}"


def big_debate(claims: int) -> Debate:
    """A question with ten lines of argument, each a chain of pros and cons."""
    lines = [
        "argmap: 1",
        "title: A big debate",
        "question: {id: q, text: Should we?}",
        "statements:",
    ]
    for n in range(claims):
        target = "q" if n < 10 else f"c{n - 10}"
        kind = "supports" if n % 3 else "attacks"
        lines.append(f"  - {{id: c{n}, text: Claim number {n}, {kind}: [{target}]}}")
    return debate("\n".join(lines) + "\n")


def claim_groups(root: ET.Element) -> dict[str, ET.Element]:
    return {
        g.get("id", ""): g for g in root.iter(f"{SVG}g") if "claim" in g.get("class", "").split()
    }


def texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def test_a_large_debate_is_drawn_to_the_depth_that_fits_with_badges(tmp_path: Path) -> None:
    big = big_debate(400)
    root = ET.parse(export_map(big, tmp_path / "big.svg", "svg", renderer="wasm")).getroot()
    claims = claim_groups(root)
    assert 10 <= len(claims) <= READABLE_CLAIMS
    badges = [line for g in claims.values() for line in texts(g) if " below" in line]
    assert badges and all(line.startswith("+") for line in badges)
    hidden = sum(int(line.split()[0].lstrip("+")) for line in badges)
    assert len(claims) + hidden == 400  # every claim is either drawn or counted in a badge
    (title,) = [g for g in root.iter(f"{SVG}g") if g.get("id") == "title-block"]
    heading = " ".join(texts(title))
    assert "of 400 claims" in heading and "--all" in heading


def test_all_draws_every_claim_of_a_large_debate(tmp_path: Path) -> None:
    big = big_debate(400)
    out = export_map(big, tmp_path / "all.svg", "svg", MapOptions(everything=True), "wasm")
    claims = claim_groups(ET.parse(out).getroot())
    assert len(claims) == 400
    assert not [line for g in claims.values() for line in texts(g) if " below" in line]


@pytest.mark.parametrize(
    ("page", "portrait", "size"),
    [("16:9", False, (960, 540)), ("a4", True, (595.3, 841.9)), ("a3", False, (1190.6, 841.9))],
)
def test_page_sets_the_drawing_size_and_keeps_the_whole_map(
    tmp_path: Path, page: str, portrait: bool, size: tuple[float, float]
) -> None:
    options = MapOptions(page=page, portrait=portrait)  # type: ignore[arg-type]
    root = ET.parse(export_map(debate(), tmp_path / "p.svg", "svg", options, "wasm")).getroot()
    width, height = (float(root.get(key, "0").removesuffix("pt")) for key in ("width", "height"))
    assert (width, height) == pytest.approx(size, abs=0.1)
    view = [float(n) for n in root.get("viewBox", "").split()]
    assert view[2] / view[3] == pytest.approx(width / height, rel=1e-3)
    assert {"a", "b", "arg", "p1", "p2", "u", "v", "w"} <= set(claim_groups(root))


def test_a_page_as_pdf_is_the_page_size_and_as_png_a_sharp_slide(tmp_path: Path) -> None:
    import re

    pdf = export_map(debate(), tmp_path / "p.pdf", "pdf", MapOptions(page="a3"), "wasm")
    (box,) = re.findall(rb"/MediaBox \[([^\]]+)\]", pdf.read_bytes())[:1]
    assert [round(float(n)) for n in box.split()] == [0, 0, 1191, 842]
    png = export_map(debate(), tmp_path / "p.png", "png", MapOptions(page="16:9"), "wasm")
    width, height = int.from_bytes(png.read_bytes()[16:20]), int.from_bytes(png.read_bytes()[20:24])
    assert (width, height) == (1920, 1080)
