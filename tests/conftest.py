"""Shared fixtures: small debates written as YAML text, the way authors write them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

# No hypothesis deadline anywhere: on a loaded machine one example can take longer than the
# default 200 ms, and a timing failure says nothing about behaviour (speed lives in bench/).
# Loaded here, before any test module builds its own @settings, so they all inherit it.
settings.register_profile("argmap", deadline=None)
settings.load_profile("argmap")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_ARTICLE = SHARED / "seed" / "000_96e58b1ed526ab91.txt"

SMALL_DEBATE = textwrap.dedent("""\
    argmap: 1
    title: School uniforms
    sources:
      - id: paper
        title: The uniform report
        date: 2020-05-01
    speakers:
      - id: ann
        name: Ann Example
        affiliation: Uniform Institute
      - id: bob
        name: Bob Example
    question:
      id: q
      text: Should schools require uniforms?
      pros:
        - id: equal
          text: Uniforms hide income differences.
          by: ann
          basis: expert-opinion
          quotes:
            - text: Nobody can tell who is poor.
              by: ann
          cons:
            - id: brands
              text: Pupils still show status through shoes and phones.
              by: bob
      cons:
        - id: cost
          text: Uniforms cost families money.
          by: bob
          conceded_by: ann
          pros:
            - argument: Cost burden
              id: cost-arg
              scheme: negative-consequences
              premises:
                - id: price
                  text: A uniform set costs 200 euros.
                  basis: statistic
                - id: budgets
                  text: Many families have tight budgets.
    """)


@pytest.fixture
def small_debate_text() -> str:
    return SMALL_DEBATE


@pytest.fixture
def write_debate(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write YAML text to a file in a fresh folder and return its path."""

    def write(text: str, name: str = "debate.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
