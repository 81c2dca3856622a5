"""Time ``argmap evaluate`` on a synthetic debate: mapping and semantics, without I/O.

Run from the repository root: ``.venv/bin/python bench/bench_evaluate.py [N ...]``
(default 10000 claims).  The debate comes from ``bench/generate.py`` and is loaded once;
each row is the median of 5 runs of :func:`argmap.analysis.evaluation.evaluate` (mapping
the debate to a framework included), plus the mapping alone for comparison, in wall-clock
and in CPU seconds (the process's own time, which other load on the machine does not
inflate).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.table import Table

from argmap.analysis.evaluation import debate_framework, evaluate
from argmap.analysis.framework import Label
from argmap.formats.registry import read_debate
from argmap.model.debate import Debate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write
from rows import bench_row, median_seconds

RUNS = 5
CASES: tuple[tuple[str, str, bool], ...] = (
    ("mapping only", "", False),
    ("mapping only, bipolar", "", True),
    ("grounded", "grounded", False),
    ("grounded, bipolar", "grounded", True),
    ("preferred", "preferred", False),
)


def synthetic(claims: int) -> Debate:
    with tempfile.TemporaryDirectory() as folder:
        return read_debate(write(claims, Path(folder) / "debate.yaml")).debate


def table(claims: int) -> Table:
    debate = synthetic(claims)
    result = Table(title=f"evaluate, {claims:,}-claim synthetic debate (median of {RUNS})")
    for column in ("case", "arguments", "attacks", "wall s", "CPU s", "IN / OUT / UNDEC"):
        result.add_column(column, justify="right")
    for name, semantics, bipolar in CASES:
        framework = debate_framework(debate, bipolar=bipolar)
        work: Callable[[], object]
        if semantics:
            labels = list(evaluate(debate, semantics, bipolar=bipolar).labels.values())
            counts = " / ".join(str(labels.count(label)) for label in Label)
            work = partial(evaluate, debate, semantics, bipolar=bipolar)
        else:
            counts = ""
            work = partial(debate_framework, debate, bipolar=bipolar)
        wall, cpu = median_seconds(work)
        if semantics:  # the mapping alone is the part of each figure that is not semantics
            bench_row(
                f"evaluate {claims:,} claims: {name} (CPU)",
                cpu,
                baseline="mapping the debate to a framework alone (CPU)",
                base=median_seconds(partial(debate_framework, debate, bipolar=bipolar))[1],
            )
        result.add_row(
            name,
            f"{len(framework):,}",
            f"{len(framework.attacks):,}",
            f"{wall:.3f}",
            f"{cpu:.3f}",
            counts,
        )
    return result


def main() -> None:
    console = Console()
    for claims in [int(arg) for arg in sys.argv[1:]] or [10_000]:
        console.print(table(claims))


if __name__ == "__main__":
    main()
