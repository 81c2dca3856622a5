"""The one line every benchmark reports a figure in; ``bench/run_all.py`` collects them.

``BENCH-ROW {"work", "argmap", "unit", "baseline", "baseline_value", "ratio", "target"}``: the
figure, what it was measured against in the same run, and the target it is judged by.
"""

from __future__ import annotations

import json


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
