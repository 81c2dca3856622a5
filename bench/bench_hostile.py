"""What the hostile-file defences cost, and that the text paths they guard stay linear.

``python bench/bench_hostile.py`` prints one ``BENCH-ROW`` line per figure (see COMMON.md's
benchmark protocol), each a median of several runs in this process with its baseline measured
in the same run:

1. Loading a 10,000-claim debate with the model's control-character check against the same
   load with it switched off (``reject_controls`` patched out of ``argmap.model.debate``): the
   price every ordinary debate pays. Target: at most 10% slower.
2. An ASPARTIX file with every fact on one line, read at N and 2N facts: linear reading doubles
   the time (ratio about 2; the old reader, which copied the rest of the line per fact, took
   about 4).
3. ``check --source``'s closest-passage search on a hostile source (one repeated character) at
   1 MB and 2 MB: bounded by the budget, so about linear, never the minutes difflib would take.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import patch

from generate import write
from rows import bench_row

from argmap.analysis.iccma import parse_framework
from argmap.analysis.quotes import closest_passage
from argmap.io.limits import QUOTE_SEARCH
from argmap.io.load import load_debate
from argmap.model import debate


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(work: str, value: float, baseline: str, baseline_value: float, target: str) -> None:
    bench_row(work, value, baseline=baseline, base=baseline_value, target=target)


@contextmanager
def controls_unchecked() -> Iterator[None]:
    """Switch the model's control-character check off, for the baseline of figure 1.

    The YAML reader's own check stays on in both: it costs one ``str.isprintable`` per scalar.
    """
    with patch.object(debate, "reject_controls", lambda fields: None):
        yield


def load_cost(folder: Path) -> None:
    path = write(10_000, folder / "debate-10000.yaml")
    load_debate(path)  # warm up imports and caches
    checked, unchecked = [], []
    for _ in range(5):  # interleaved, so a noisy neighbour slows both alike
        checked.append(median_seconds(lambda: load_debate(path), 1))
        with controls_unchecked():
            unchecked.append(median_seconds(lambda: load_debate(path), 1))
    row(
        "load 10,000 claims with the model's control-character check",
        statistics.median(checked),
        "the same load, check switched off",
        statistics.median(unchecked),
        "ratio <= 1.10",
    )


def one_line_apx(facts: int) -> str:
    arguments = [f"arg(a{n})." for n in range(facts // 2)]
    attacks = [f"att(a{n},a{n + 1})." for n in range(facts // 2 - 1)]
    return " ".join(arguments + attacks) + "\n"


def apx_scaling() -> None:
    small, large = one_line_apx(40_000), one_line_apx(80_000)
    row(
        "read an apx file with 80,000 facts on one line",
        median_seconds(lambda: parse_framework(large, name="x.apx"), 3),
        "the same with 40,000 facts",
        median_seconds(lambda: parse_framework(small, name="x.apx"), 3),
        "ratio about 2 (linear)",
    )


def quote_search_scaling() -> None:
    quote = "a" * 5000 + "b"
    budget = QUOTE_SEARCH.value()
    small, large = "a" * 1_000_000, "a" * 2_000_000
    row(
        "closest passage for a 5,000-character quote in 2 MB of one repeated character",
        median_seconds(lambda: closest_passage(quote, large, budget), 3),
        "the same in 1 MB",
        median_seconds(lambda: closest_passage(quote, small, budget), 3),
        "ratio about 2 (bounded, linear)",
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        load_cost(Path(folder))
    apx_scaling()
    quote_search_scaling()


if __name__ == "__main__":
    sys.exit(main())
