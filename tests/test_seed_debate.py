"""The seed debate in arguments.yaml: valid, faithful to the article, and structured."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from argmap.analysis.graph import DebateIndex
from argmap.cli import main
from argmap.io.load import load_debate
from argmap.io.loaded import LoadedDebate
from argmap.model.debate import RelationKind, Side
from tests.conftest import REPO, SEED_ARTICLE


@pytest.fixture(scope="module")
def seed() -> LoadedDebate:
    return load_debate(REPO / "arguments.yaml")


def test_seed_checks_clean_with_no_warnings() -> None:
    result = CliRunner().invoke(main, ["check", str(REPO / "arguments.yaml")])
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr


def test_every_quote_is_verbatim_in_the_article() -> None:
    if not SEED_ARTICLE.exists():
        pytest.skip(
            f"source article not found at {SEED_ARTICLE} (../shared/seed is not beside "
            "this checkout)"
        )
    result = CliRunner().invoke(
        main, ["check", str(REPO / "arguments.yaml"), "--source", str(SEED_ARTICLE)]
    )
    assert result.exit_code == 0, result.stderr


def test_the_five_analysts_with_their_affiliations(seed: LoadedDebate) -> None:
    speakers = seed.debate.speakers
    assert {
        sid: (s.name, s.affiliation)
        for sid, s in speakers.items()
        if sid in {"lankov", "go", "yang", "choi", "kim-byung-yeon"}
    } == {
        "lankov": ("Andrei Lankov", "Kookmin University, Seoul"),
        "go": ("Go Myong Hyun", "Asan Institute for Policy Studies, Seoul"),
        "yang": ("Yang Moo Jin", "University of North Korean Studies, Seoul"),
        "choi": (
            "Choi Yoon Cheol",
            "North Korea Strategy Centre, a defector-led advocacy group based in Seoul",
        ),
        "kim-byung-yeon": ("Kim Byung Yeon", "Seoul National University"),
    }


def test_go_and_choi_concede_the_exposure_benefit_that_yang_asserts(seed: LoadedDebate) -> None:
    debate = seed.debate
    conceded = {s.id: set(s.conceded_by) for s in debate.statements.values() if s.conceded_by}
    assert conceded == {"exposure-benefit": {"go", "choi"}}
    assert debate.statements["exposure-benefit"].speakers == ("yang",)
    sides = DebateIndex(debate).sides
    assert sides["exposure-benefit"] is Side.CON
    assert sides["funds-wmd"] is Side.PRO


def test_yang_weighs_the_trade_off_against_go_and_choi(seed: LoadedDebate) -> None:
    relation = seed.debate.relations["costs-outweigh->benefit-outweighs"]
    assert relation.kind is RelationKind.CONTRADICTS
    assert seed.debate.statements["benefit-outweighs"].speakers == ("yang",)


def test_kim_byung_yeon_undercuts_the_revenue_link(seed: LoadedDebate) -> None:
    relation = seed.debate.relations["china-would-give-aid->cut-revenue->clamp-down"]
    assert relation.kind is RelationKind.UNDERCUTS
    assert seed.debate.statements["china-would-give-aid"].speakers == ("kim-byung-yeon",)


def test_journalists_sentences_are_not_put_in_analysts_mouths(seed: LoadedDebate) -> None:
    markets = seed.debate.statements["markets-weaken-control"]
    assert markets.speakers == ()
    assert [q.speaker for q in markets.quotes] == [None]
