"""``make bench``: run every benchmark script and print one table of medians and ratios.

Each ``bench/bench_*.py`` runs as its own process from the repository root (so one script's
imports and memory never colour another's figures), with its own output kept aside. Every
figure a script judges comes as a line ``BENCH-ROW {json}`` on its standard output, with the
keys ``work``, ``argmap``, ``unit``, ``baseline``, ``baseline_value``, ``ratio`` and ``target``;
the baseline was measured by the script itself, in the same process or command, so the ratio
holds even on a loaded machine. The load average before and after is printed with the table,
since figures from a busy 2-core machine are only comparable as ratios.

Usage: ``python bench/run_all.py [NAME ...] [--json PATH] [--timeout SECONDS]``, where NAME
picks scripts by part of their file name (``load``, ``semantics``); by default all run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PREFIX = "BENCH-ROW "


@dataclass
class Outcome:
    """What one script gave: its rows, and why it gave none if it failed."""

    script: str
    seconds: float
    rows: list[dict[str, Any]] = field(default_factory=list)
    problem: str | None = None


def scripts(names: list[str]) -> list[Path]:
    found = sorted(BENCH.glob("bench_*.py"))
    if names:
        found = [path for path in found if any(name in path.stem for name in names)]
    return found


def run(script: Path, timeout: float) -> Outcome:
    """Run one script, keeping its BENCH-ROW lines and a reason if anything went wrong."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(script)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Outcome(script.name, time.perf_counter() - start, problem=f"over {timeout:.0f} s")
    outcome = Outcome(script.name, time.perf_counter() - start)
    for line in done.stdout.splitlines():
        if line.startswith(PREFIX):
            try:
                row = json.loads(line[len(PREFIX) :])
            except json.JSONDecodeError as error:
                outcome.problem = f"unreadable BENCH-ROW line ({error.msg})"
                continue
            if isinstance(row, dict) and "work" in row:
                outcome.rows.append(row)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        outcome.problem = f"exit {done.returncode}: {last}"
    elif not outcome.rows:
        outcome.problem = "printed no BENCH-ROW lines"
    return outcome


def _number(value: Any, unit: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, int | float):
        if unit == "s":
            return f"{value * 1000:.2f} ms" if value < 1 else f"{value:.2f} s"
        text = f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
        return f"{text} {unit}".strip()
    return str(value)


def table(outcomes: list[Outcome], load_before: str, load_after: str) -> Table:
    grid = Table(
        title="argmap benchmarks: medians, and ratios against a baseline run alongside",
        caption=f"load average (1, 5, 15 min): {load_before} before, {load_after} after",
    )
    for column in ("script", "work", "argmap", "baseline", "baseline value", "ratio", "target"):
        grid.add_column(column, justify="right" if column in {"argmap", "ratio"} else "left")
    for outcome in outcomes:
        name = outcome.script.removesuffix(".py")
        for row in outcome.rows:
            unit = str(row.get("unit") or "")
            ratio = row.get("ratio")
            grid.add_row(
                name,
                str(row.get("work", "")),
                _number(row.get("argmap"), unit),
                str(row.get("baseline") or ""),
                _number(row.get("baseline_value"), unit),
                f"{ratio:.2f}x" if isinstance(ratio, int | float) else "",
                str(row.get("target") or ""),
            )
        if outcome.problem:
            grid.add_row(name, Text(outcome.problem, style="yellow"), "", "", "", "", "")
    return grid


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="run only scripts whose name contains one")
    parser.add_argument("--json", type=Path, help="also write every row to this JSON file")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per script")
    options = parser.parse_args(argv)
    # Piped (as under make into a log), Rich would wrap the table at 80 columns.
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 180)
    chosen = scripts(options.names)
    if not chosen:
        console.print(f"no bench/bench_*.py matches {' '.join(options.names)}")
        return 2
    before = load_average()
    outcomes = []
    for script in chosen:
        console.print(f"running {script.name} …", style="dim")
        outcome = run(script, options.timeout)
        outcomes.append(outcome)
        console.print(f"  {len(outcome.rows)} rows in {outcome.seconds:.0f} s", style="dim")
    after = load_average()
    console.print(table(outcomes, before, after))
    if options.json:
        rows = [{"script": o.script, **row} for o in outcomes for row in o.rows]
        options.json.write_text(
            json.dumps({"load_before": before, "load_after": after, "rows": rows}, indent=2),
            encoding="utf-8",
        )
    return 1 if any(outcome.problem for outcome in outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
