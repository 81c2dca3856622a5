"""argmap reads Argdown as the Argdown CLI does, and the CLI reads argmap's Argdown as argmap.

The reference is the Argdown CLI's ``json`` export (npm ``@argdown/cli``, see
``bench/argdown_cli.py``), which lists the statements, arguments and relations Argdown finds.
The tests run it when Node.js and the CLI are installed, and skip with the reason otherwise.

How the two models line up: Argdown draws a reconstructed argument's link to its conclusion in
the argument itself (its ``pcs``); argmap as a ``supports`` relation, one per inference step
(a reconstruction of several steps is one argmap argument per step). ``entails`` is
Argdown's strict-mode support; ``contrary`` and ``contradictory`` are argmap's symmetric
``contradicts``. Untitled paragraphs Argdown keeps as statements are argmap's description,
so statements are compared only where argmap writes the file.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.formats.argdown_read import parse_argdown, read_argdown
from argmap.formats.argdown_write import write_argdown
from argmap.formats.registry import read_debate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from argdown_cli import export_json, find  # noqa: E402

CLI, REASON = find()
needs_cli = pytest.mark.skipif(CLI is None, reason=REASON)

_KINDS = {
    "support": "supports",
    "entails": "supports",
    "attack": "attacks",
    "undercut": "undercuts",
    "contrary": "contradicts",
    "contradictory": "contradicts",
}


def cli_view(data: dict[str, Any]) -> tuple[int, Counter[str]]:
    """Arguments and relations by argmap kind, as the Argdown CLI reads them."""
    relations = Counter(_KINDS[r["relationType"]] for r in data["relations"])
    relations["supports"] += sum(1 for a in data["arguments"].values() if a.get("pcs"))
    return len(data["arguments"]), relations


@needs_cli
@pytest.mark.parametrize(
    "name",
    ["legalisation-softdrugs.argdown", "parser-mix.argdown", "semmelweis_betz.argdown"],
)
def test_argmap_reads_the_argdown_projects_files_as_the_cli_does(name: str) -> None:
    assert CLI is not None
    path = ROOT / "tests" / "data" / "argdown" / name
    arguments, relations = cli_view(export_json(CLI, path))
    debate = read_argdown(path).debate
    steps = [a for a in debate.arguments.values() if " (step " in a.title]
    relations["supports"] += len(steps)  # argmap's extra steps each support their conclusion
    assert (
        len(debate.arguments) - len(steps),
        Counter(r.kind.value for r in debate.relations.values()),
    ) == (
        arguments,
        relations,
    )


def _front_matter_relations(text: str) -> Counter[str]:
    """Relations argmap's writer put in the front matter, which Argdown's tools do not read."""
    front = yaml.safe_load(text.split("===\n")[1]) or {}
    own = front.get("argmap") or {}
    return Counter(r["kind"] for r in own.get("relations", []))


STRICT = """\
===
model:
    mode: strict
===

[Q]: Schools should require uniforms. {question: true}
  - [C]: Schools should let pupils choose.
  + <A>: Uniforms are cheap.

<A>

(1) [P1]: A uniform costs less than fashion.
(2) [P2]: Parents pay for clothes.
----
(3) [S]: Uniforms save parents money.
  +> [Q]
"""


@needs_cli
@pytest.mark.parametrize("source", ["seed", "strict"])
def test_the_cli_reads_argmaps_argdown_as_argmap_does(source: str, tmp_path: Path) -> None:
    assert CLI is not None
    debate = (
        read_debate(ROOT / "arguments.yaml").debate
        if source == "seed"
        else parse_argdown(STRICT, "strict.argdown").debate
    )
    written = write_argdown(debate).text
    path = tmp_path / "written.argdown"
    path.write_text(written, encoding="utf-8")
    data = export_json(CLI, path)
    assert len(data["statements"]) == len(debate.statements) + 1  # and the question
    arguments, relations = cli_view(data)
    expected = Counter(r.kind.value for r in debate.relations.values())
    expected.subtract(_front_matter_relations(written))
    assert arguments == len(debate.arguments)
    assert +relations == +expected
    # argmap reads its own file back equal.
    assert parse_argdown(written, "written.argdown").debate == debate
