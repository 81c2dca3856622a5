"""Time argmap's semantics: grounded at scale, preferred against pygarg.

Run from the repository root: ``.venv/bin/python bench/bench_semantics.py``.

1. Grounded on random frameworks of 10,000 and 100,000 arguments with about two
   attacks per argument: median of 5 runs (building the framework is timed apart).
2. Preferred enumeration on the small ICCMA instances (``../shared/corpora/iccma``, or
   the two bundled in ``tests/data/iccma``), against pygarg's SAT-based enumeration in
   the same process.  pygarg's solver needs python-sat (module ``pysat``); without it
   that column says so instead of timing anything.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from argmap.analysis.framework import ArgumentationFramework, Label
from argmap.analysis.iccma import read_framework
from argmap.analysis.semantics import grounded, preferred_extensions

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "iccma"
RUNS = 5


def median_seconds(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def random_framework(size: int, seed: int) -> ArgumentationFramework:
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(size)]
    attacks = [(rng.choice(names), rng.choice(names)) for _ in range(2 * size)]
    return ArgumentationFramework(names, attacks)


def grounded_table() -> Table:
    table = Table(title=f"grounded, random frameworks (median of {RUNS})")
    for column in ("arguments", "attacks", "build s", "grounded s", "IN / OUT / UNDEC"):
        table.add_column(column, justify="right")
    for size in (10_000, 100_000):
        start = time.perf_counter()
        framework = random_framework(size, seed=size)
        build = time.perf_counter() - start
        labels = list(grounded(framework).values())
        counts = " / ".join(str(labels.count(label)) for label in Label)
        seconds = median_seconds(partial(grounded, framework))
        table.add_row(
            f"{size:,}", f"{len(framework.attacks):,}", f"{build:.3f}", f"{seconds:.4f}", counts
        )
    return table


def pygarg_solver() -> Any:
    """pygarg's solver module, or ``None`` when python-sat is missing."""
    try:
        from pygarg.dung import solver
    except ModuleNotFoundError:
        return None
    return solver


def instances() -> list[Path]:
    if CORPUS.is_dir():
        return sorted(CORPUS.glob("iccma2019-small-result/*.apx")) + sorted(
            CORPUS.glob("pygarg-generated/*.apx")
        )
    return sorted((ROOT / "tests" / "data" / "iccma").glob("*.apx"))


def preferred_table() -> Table:
    solver = pygarg_solver()
    table = Table(title=f"preferred enumeration (median of {RUNS})")
    for column in ("instance", "args", "atts", "#pr", "argmap ms", "pygarg ms", "argmap/pygarg"):
        table.add_column(column, justify="right")
    for path in instances():
        framework = read_framework(path)
        ours = preferred_extensions(framework)
        argmap_s = median_seconds(partial(preferred_extensions, framework))
        if solver is None:
            pygarg_cell, ratio = "n/a: needs python-sat", "n/a"
        else:
            args = list(framework.arguments)
            atts = [list(attack) for attack in framework.attacks]
            theirs = {frozenset(e) for e in solver.extension_enumeration(args, atts, "PR")}
            assert theirs == set(ours), f"pygarg disagrees on {path.name}"
            pygarg_s = median_seconds(partial(solver.extension_enumeration, args, atts, "PR"))
            pygarg_cell, ratio = f"{pygarg_s * 1000:.2f}", f"{argmap_s / pygarg_s:.2f}"
        table.add_row(
            path.stem,
            str(len(framework)),
            str(len(framework.attacks)),
            str(len(ours)),
            f"{argmap_s * 1000:.2f}",
            pygarg_cell,
            ratio,
        )
    return table


def main() -> None:
    console = Console()
    console.print(grounded_table())
    console.print(preferred_table())


if __name__ == "__main__":
    main()
