"""Import time of Argdown, AIF JSON and Kialo files, against the Argdown CLI on the same file.

``python bench/bench_formats.py [SIZES...]`` (default 10,000 claims). For each size a seeded
synthetic debate (bench/generate.py) is written with argmap's own writers as ``.argdown``,
``.json`` and ``.txt`` (Kialo's current and classic layouts); each file is imported through
:func:`argmap.formats.registry.read_debate`, as ``argmap check`` or ``argmap tui`` would
(median of 5, wall-clock and CPU seconds: the CPU time of the process is what other load on a
shared machine inflates least).

Baseline, in the same run: the Argdown CLI's ``json`` export of the same Argdown file (the
CLI is installed from npm into a cache folder on first use; the row says why when Node.js is
missing), against ``argmap check`` on that file, both as whole processes (median of 3).
Target (issue 14): argmap at most half the CLI's time.

Each judged figure is printed as one ``BENCH-ROW {json}`` line for ``make bench``'s table.
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from argmap.formats.registry import read_debate, render_debate

sys.path.insert(0, str(Path(__file__).resolve().parent))
import argdown_cli
from generate import write
from rows import bench_row

RUNS = 5
PROCESS_RUNS = 3
FORMATS = (
    ("argdown", ".argdown", "current"),
    ("aif", ".json", "current"),
    ("kialo", ".txt", "current"),
    ("kialo", "-classic.txt", "classic"),
)
"""(format, file ending, Kialo layout)."""


def row(work: str, value: float, baseline: str, base: float | None, target: str) -> None:
    bench_row(work, value, baseline=baseline, base=base, target=target, digits=3)


def median_seconds(work: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``runs`` calls in this process."""
    wall, cpu = [], []
    for _ in range(runs):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def process_seconds(command: list[str], runs: int = PROCESS_RUNS) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (user + system) of a whole child process."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{command[0]} failed: {done.stderr[-500:]}")
    return statistics.median(wall), statistics.median(cpu)


def write_files(size: int, folder: Path) -> dict[str, Path]:
    """The generated debate in every format: file ending → file."""
    debate = read_debate(write(size, folder / f"debate-{size}.yaml")).debate
    files = {}
    for fmt, ending, layout in FORMATS:
        path = folder / f"debate-{size}{ending}"
        path.write_text(render_debate(debate, fmt, kialo_format=layout).text, encoding="utf-8")
        files[ending] = path
    return files


def imports(size: int, files: dict[str, Path]) -> None:
    for fmt, ending, layout in FORMATS:
        path = files[ending]
        reader = partial(read_debate, path, fmt)
        assert len(reader().debate.statements) >= size, "the import lost claims"
        wall, cpu = median_seconds(reader)
        name = fmt if fmt != "kialo" else f"Kialo ({layout})"
        mib = path.stat().st_size / 2**20
        row(f"import {size:,}-statement {name} ({mib:.1f} MiB), wall", wall, "none", None, "")
        row(f"import {size:,}-statement {name}, CPU", cpu, "none", None, "")


def against_the_cli(size: int, argdown: Path) -> None:
    executable, why = argdown_cli.install()
    work = f"check {size:,}-statement Argdown (whole process)"
    argmap = [sys.executable, "-m", "argmap", "check", str(argdown)]
    wall, cpu = process_seconds(argmap)
    if executable is None:
        row(f"{work}, wall", wall, f"Argdown CLI: not run ({why})", None, "<= 0.5x the CLI")
        return
    with tempfile.TemporaryDirectory() as out:
        cli_wall, cli_cpu = process_seconds([str(executable), "json", str(argdown), out])
    baseline = f"Argdown CLI {argdown_cli.VERSION} `json`, same file, same run"
    row(f"{work}, wall", wall, baseline, cli_wall, "<= 0.5x the CLI")
    row(f"{work}, CPU", cpu, baseline, cli_cpu, "<= 0.5x the CLI")


def main(sizes: list[int]) -> None:
    print(f"load average before: {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            files = write_files(size, Path(folder))
            imports(size, files)
            against_the_cli(size, files[".argdown"])
    print(f"load average after: {os.getloadavg()}", file=sys.stderr)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000])
