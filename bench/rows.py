"""What every benchmark shares: the one line it reports a figure in (``bench/run_all.py``
collects them), and the wall-clock and CPU median it times in-process work with.

``BENCH-ROW {"work", "argmap", "unit", "baseline", "baseline_value", "ratio", "target"}``: the
figure, what it was measured against in the same run, and the target it is judged by.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable


def bench_row(
    work: str,
    value: float,
    *,
    unit: str = "s",
    baseline: str = "",
    base: float | None = None,
    target: str = "",
    digits: int = 4,
) -> None:
    """Print one ``BENCH-ROW`` line (flushed, so a collector sees it as it comes)."""
    record = {
        "work": work,
        "argmap": round(value, digits),
        "unit": unit,
        "baseline": baseline,
        "baseline_value": None if base is None else round(base, digits),
        "ratio": round(value / base, 3) if base else None,
        "target": target,
    }
    print("BENCH-ROW " + json.dumps(record, ensure_ascii=False), flush=True)


def median_seconds(work: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``runs`` calls; CPU time stays honest when other
    work shares the machine."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)
