"""Load + validate time for synthetic debates: ``python bench/bench_load.py [SIZES...]``.

For each size, a seeded debate (bench/generate.py) is written once, then loaded and validated
repeatedly in this process; we report the median, the peak memory of one load (tracemalloc),
and, as a baseline measured in the same run, PyYAML's own ``yaml.load`` with the C loader on
the same file, which parses without validating or keeping positions. Targets on a 2-core
machine: 10,000 claims under 1 s; 100,000 under 10 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml
from generate import write
from rich.console import Console
from rich.table import Table

from argmap.io.load import load_debate

TARGETS = {10_000: 1.0, 100_000: 10.0}


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mib(action: Callable[[], object]) -> float:
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main(sizes: list[int]) -> None:
    table = Table(title="argmap load + validate (median)")
    for column in ("claims", "file MiB", "argmap s", "yaml.load s", "ratio", "peak MiB", "target"):
        table.add_column(column, justify="right")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = write(size, Path(folder) / f"debate-{size}.yaml")
            runs = 5 if size <= 10_000 else 3
            text = path.read_text(encoding="utf-8")
            ours = median_seconds(lambda p=path: load_debate(p), runs)
            baseline = median_seconds(lambda t=text: yaml.load(t, Loader=yaml.CSafeLoader), runs)
            target = TARGETS.get(size)
            verdict = (
                "" if target is None else (f"< {target:g} s {'met' if ours < target else 'MISSED'}")
            )
            table.add_row(
                f"{size:,}",
                f"{path.stat().st_size / 2**20:.1f}",
                f"{ours:.3f}",
                f"{baseline:.3f}",
                f"{ours / baseline:.2f}x",
                f"{peak_mib(lambda p=path: load_debate(p)):.0f}",
                verdict,
            )
    Console().print(table)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1_000, 10_000, 100_000])
