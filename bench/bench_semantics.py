"""Time argmap's semantics: grounded at scale, complete/preferred/stable against pygarg.

Run from the repository root: ``.venv/bin/python bench/bench_semantics.py``.

1. Grounded on random frameworks of 10,000 and 100,000 arguments with about two
   attacks per argument: median of 5 runs (building the framework is timed apart).
2. Complete, preferred and stable enumeration on the ICCMA instances (the shared corpus
   ``shared/corpora/iccma`` beside the checkout or its parent, and the ones bundled in
   ``tests/data/iccma``), against pygarg's SAT-based enumeration in the same process, runs
   interleaved.  pygarg's solver needs python-sat (module ``pysat``); without it that column
   says so instead of timing anything.
3. Twenty independent pairs of mutual attackers: preferred semantics has 2**20 extensions, so
   argmap stops at its budget with a count; the row times that refusal.

Each figure is also printed as a ``BENCH-ROW {json}`` line for ``make bench``.
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
from rows import bench_row

from argmap.analysis.framework import ArgumentationFramework, Label
from argmap.analysis.iccma import read_framework
from argmap.analysis.semantics import BudgetExceeded, extensions, grounded

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [base / "shared" / "corpora" / "iccma" for base in ROOT.parents[:2]]
RUNS = 5
CODES = {"complete": "CO", "preferred": "PR", "stable": "ST"}


def semantics_row(
    work: str, seconds: float, baseline: str, base: float | None, target: str
) -> None:
    bench_row(work, seconds, baseline=baseline, base=base, target=target, digits=6)


def paired_medians(
    ours: Callable[[], object], theirs: Callable[[], object], runs: int = RUNS
) -> tuple[float, float]:
    """Medians of both, run alternately so that load on the machine hits them alike."""
    mine: list[float] = []
    other: list[float] = []
    for _ in range(runs):
        for work, times in ((ours, mine), (theirs, other)):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
    return statistics.median(mine), statistics.median(other)


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
        semantics_row(f"grounded, random AF of {size:,} arguments", seconds, "none", None, "")
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
    found = {path.name: path for path in sorted((ROOT / "tests" / "data" / "iccma").glob("*.apx"))}
    corpus = next((c for c in CORPORA if c.is_dir()), None)
    if corpus is not None:
        for folder in ("iccma2019-small-result", "pygarg-generated"):
            found.update((path.name, path) for path in sorted(corpus.glob(f"{folder}/*.apx")))
    return list(found.values())


def enumeration_table() -> Table:
    solver = pygarg_solver()
    table = Table(title=f"enumeration against pygarg (median of {RUNS}, interleaved)")
    for column in ("instance", "semantics", "args", "#ext", "argmap ms", "pygarg ms", "ratio"):
        table.add_column(column, justify="right")
    for path in instances():
        framework = read_framework(path)
        args = list(framework.arguments)
        atts = [list(attack) for attack in framework.attacks]
        for semantics, code in CODES.items():
            ours = extensions(framework, semantics)
            if solver is None:
                argmap_s = median_seconds(partial(extensions, framework, semantics))
                pygarg_s: float | None = None
            else:
                theirs = {frozenset(e) for e in solver.extension_enumeration(args, atts, code)}
                assert theirs == set(ours), f"pygarg disagrees on {path.name} ({semantics})"
                argmap_s, pygarg_s = paired_medians(
                    partial(extensions, framework, semantics),
                    partial(solver.extension_enumeration, args, atts, code),
                )
            semantics_row(
                f"{semantics}, {path.stem} ({len(framework)} args)",
                argmap_s,
                "pygarg (python-sat)" if pygarg_s is not None else "pygarg: needs python-sat",
                pygarg_s,
                "at most 1.0x",
            )
            table.add_row(
                path.stem,
                semantics,
                str(len(framework)),
                str(len(ours)),
                f"{argmap_s * 1000:.2f}",
                "n/a" if pygarg_s is None else f"{pygarg_s * 1000:.2f}",
                "n/a" if pygarg_s is None else f"{argmap_s / pygarg_s:.2f}",
            )
    return table


def budget_row() -> None:
    names = [f"{side}{i}" for i in range(20) for side in "ab"]
    attacks = [(f"a{i}", f"b{i}") for i in range(20)] + [(f"b{i}", f"a{i}") for i in range(20)]
    framework = ArgumentationFramework(names, attacks)

    def refuse() -> None:
        try:
            extensions(framework, "preferred")
        except BudgetExceeded:
            return
        raise AssertionError("20 independent pairs should exceed the extension budget")

    semantics_row(
        "preferred on 20 mutual-attack pairs: refused with a count",
        median_seconds(refuse, 3),
        "none",
        None,
        "a few seconds, bounded memory",
    )


def main() -> None:
    console = Console()
    console.print(grounded_table())
    console.print(enumeration_table())
    budget_row()


if __name__ == "__main__":
    main()
