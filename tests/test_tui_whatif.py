"""What-if in the TUI: the room's assumptions relabel the map at once; speaker scorecards.

These run on the seed debate, ``arguments.yaml``: its undercut of the link from *Cuts the
regime's hard currency* to the question by *China would make it up in aid* is the what-if a
seminar asks first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis.evaluation import evaluate
from argmap.analysis.framework import Label
from argmap.formats.registry import read_debate
from argmap.tui import ArgmapApp, create_app
from argmap.tui.screens.scorecards import ScorecardScreen
from argmap.tui.widgets.detail_pane import DetailPane
from tests.test_tui_support import SIZE, loaded, screen_text

SEED = Path(__file__).parent.parent / "arguments.yaml"
CHINA = "china-would-give-aid"
LINK = "cut-revenue->clamp-down"

pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason="the seed debate arguments.yaml is absent"
)


def make_app(tmp_path: Path) -> ArgmapApp:
    return create_app(SEED, watch=False, export_dir=tmp_path / "exports")


async def test_labels_appear_only_after_the_first_what_if(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        assert dict(app.main.labels) == {}
        assert "[in]" not in screen_text(app) and "[out]" not in screen_text(app)


async def test_rejecting_china_would_give_aid_restores_the_revenue_link(tmp_path: Path) -> None:
    debate = read_debate(SEED).debate
    assert evaluate(debate).labels[LINK] is Label.OUT  # the undercut stands to begin with
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        app.main.jump(CHINA, record=False)
        await pilot.pause()
        assert app.main.selected == CHINA
        await pilot.press("a")
        assert app.main.room == {CHINA: "reject"}
        assert app.main.labels[CHINA] == "out"
        assert app.main.labels[LINK] == "in"
        text = screen_text(app)
        assert "Why out: rejected by the room" in text  # the detail pane of the rejected claim
        assert f"room rejects: {CHINA}" in text  # the status line
        app.main.jump("cut-revenue", record=False)
        await pilot.pause()
        assert "supports ◆ Clamp down on labour exports?  [link in]" in screen_text(app)


async def test_the_what_if_key_cycles_reject_accept_neutral(tmp_path: Path) -> None:
    debate = read_debate(SEED).debate
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        app.main.jump(CHINA, record=False)
        await pilot.pause()
        await pilot.press("a", "a")
        assert app.main.room == {CHINA: "accept"}
        accepted = evaluate(debate, accept=[CHINA]).labels
        assert app.main.labels == {k: str(v) for k, v in accepted.items()}
        await pilot.press("a")
        assert app.main.room == {}
        assert app.main.labels == {k: str(v) for k, v in evaluate(debate).labels.items()}


async def test_an_out_claim_says_why_in_the_detail_pane(tmp_path: Path) -> None:
    debate = read_debate(SEED).debate
    rejected = evaluate(debate, reject=[CHINA])
    out = next(n for n in rejected.with_label(Label.OUT) if n != CHINA and n in debate.statements)
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        app.main.jump(CHINA, record=False)
        await pilot.pause()
        await pilot.press("a")
        app.main.jump(out, record=False)
        await pilot.pause()
        pane = app.query_one(DetailPane)
        assert pane.node_id == out and pane.reasons[out] == rejected.reasons[out]
        assert "Why out:" in screen_text(app)


async def test_the_scorecards_follow_the_room_and_clearing_restores(tmp_path: Path) -> None:
    debate = read_debate(SEED).debate
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        app.main.jump(CHINA, record=False)
        await pilot.pause()
        await pilot.press("a", "c")
        assert isinstance(app.screen, ScorecardScreen)
        rows = _rows(screen_text(app))
        for card in evaluate(debate, reject=[CHINA]).speaker_scorecard()[:5]:
            claims = [str(len(card.claims[label])) for label in Label]
            standing = str(len(card.concessions[Label.IN]))
            assert rows[card.speaker.name] == [str(card.side), *claims, standing]
        await pilot.press("escape")
        assert not isinstance(app.screen, ScorecardScreen)
        await pilot.press("A")
        assert app.main.room == {}
        baseline = evaluate(debate)
        assert app.main.labels[LINK] == "out"
        assert app.main.labels == {k: str(v) for k, v in baseline.labels.items()}
        await pilot.press("c")
        rows = _rows(screen_text(app))
        card = baseline.speaker_scorecard()[0]
        assert rows[card.speaker.name][1:4] == [str(len(card.claims[label])) for label in Label]


def _rows(text: str) -> dict[str, list[str]]:
    """Scorecard rows by speaker name: side (without symbol), then the four counts."""
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip(" █▊▎").split("  ") if c.strip()]
        if len(cells) == 6 and cells[-1].isdigit():
            rows[cells[0]] = [cells[1].split()[-1], *cells[2:]]
    return rows


async def test_labels_can_be_hidden_and_shown_and_the_question_has_its_own(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path).run_test(size=SIZE, notifications=True) as pilot:
        app = await loaded(pilot)
        app.main.jump(CHINA, record=False)
        await pilot.pause()
        await pilot.press("a")
        question = app.main.labels[app.main.view.debate.question.id] if app.main.view else ""
        lines = screen_text(app).splitlines()
        assert any(f"◆ Clamp down on labour exports? [{question}]" in line for line in lines)
        status = next(line for line in lines if "What-if:" in line)
        assert f"room rejects: {CHINA}" in status  # not covered by the toast it raised
        await pilot.press("L")
        assert dict(app.main.labels) == {} and app.main.room == {CHINA: "reject"}
        text = screen_text(app)
        assert "[out]" not in text and "[in]" not in text and "labels hidden" in text
        await pilot.press("L")
        assert app.main.labels[CHINA] == "out"
