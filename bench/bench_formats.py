"""Import time of Argdown, AIF JSON and Kialo files, against the Argdown CLI on the same file.

``python bench/bench_formats.py [--check-only] [SIZES...]`` (default 10,000 claims;
``--check-only`` runs only the whole-process comparison with the Argdown CLI). For each size
a seeded synthetic debate (bench/generate.py) is written with argmap's own writers as ``.argdown``,
``.json`` and ``.txt`` (Kialo's current and classic layouts); each file is imported through
:func:`argmap.formats.registry.read_debate`, as ``argmap check`` or ``argmap tui`` would
(median of 5, wall-clock and CPU seconds: the CPU time of the process is what other load on a
shared machine inflates least).

Baseline, in the same run: the Argdown CLI's ``json`` export of the same Argdown file (the
CLI is installed from npm into a cache folder on first use; the row says why when Node.js is
missing), against ``argmap check`` on that file, both as whole processes, run in turns (argmap,
CLI, argmap, CLI, …: 9 pairs after one untimed pair, so a change in the machine's load hits
both alike). Each child's own wall-clock time, CPU time (user + system, from ``os.wait4``:
every thread of the process, which for Node.js includes its garbage-collector and compiler
threads) and peak memory are taken; the rows give the medians and the ratio of the medians.
Target (issue 14): argmap at most half the CLI's time, in wall-clock and in CPU time.

Each judged figure is printed as one ``BENCH-ROW {json}`` line for ``make bench``'s table.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from argmap.formats.registry import read_debate, render_debate

sys.path.insert(0, str(Path(__file__).resolve().parent))
import argdown_cli
from generate import write
from rows import bench_row

RUNS = 5
PROCESS_RUNS = 9
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


@dataclass(frozen=True, slots=True)
class Child:
    """What one whole child process cost."""

    wall: float
    cpu: float  # user + system seconds of the process and every thread of it
    peak_mib: float


CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The children's environment: argmap as installed, with its modules' bytecode cached (an
environment that forbids writing ``.pyc`` files would make every run compile argmap anew)."""

LAUNCHER = """
import json, os, sys, time
start = time.perf_counter()
child = os.fork()
if child == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(child, 0)
wall = time.perf_counter() - start
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps([os.waitstatus_to_exitcode(status), wall, cpu, usage.ru_maxrss]))
"""
"""Runs one command and reports its exit status, wall-clock and CPU seconds and peak memory
(KiB). A small process of its own forks the command, because a forked child's peak memory
counts the pages of the process it was forked from: forked from this benchmark, which holds
whole debates, every command would seem to need as much."""


def run_child(command: list[str]) -> Child:
    """Run ``command`` to its end (its output discarded); what it alone cost."""
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run(
            [sys.executable, "-S", "-c", LAUNCHER, *command],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=CHILD_ENV,
            check=False,
        )
        status, wall, cpu, peak_kib = json.loads(done.stdout)
        if done.returncode != 0 or status not in (0, 1):
            errors.seek(0)
            tail = errors.read()[-500:].decode(errors="replace")
            raise RuntimeError(f"{command[0]} failed ({status}): {tail}")
    return Child(wall, cpu, peak_kib / 1024)


def paired(commands: list[list[str]], runs: int = PROCESS_RUNS) -> list[Child]:
    """Median wall, CPU and peak memory of each command, the commands run in turns."""
    results: list[list[Child]] = [[] for _ in commands]
    for command in commands:  # untimed: caches bytecode, warms the file cache for both
        run_child(command)
    for _ in range(runs):
        for command, into in zip(commands, results, strict=True):
            into.append(run_child(command))
    return [
        Child(
            statistics.median(c.wall for c in children),
            statistics.median(c.cpu for c in children),
            statistics.median(c.peak_mib for c in children),
        )
        for children in results
    ]


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
    target = "<= 0.5x the CLI"
    if executable is None:
        (alone,) = paired([argmap])
        row(f"{work}, wall", alone.wall, f"Argdown CLI: not run ({why})", None, target)
        row(f"{work}, CPU", alone.cpu, f"Argdown CLI: not run ({why})", None, target)
        return
    with tempfile.TemporaryDirectory() as out:
        ours, cli = paired([argmap, [str(executable), "json", str(argdown), out]])
    baseline = f"Argdown CLI {argdown_cli.VERSION} `json`, same file, in turns"
    row(f"{work}, wall", ours.wall, baseline, cli.wall, target)
    row(f"{work}, CPU", ours.cpu, baseline, cli.cpu, target)
    bench_row(
        f"{work}, peak memory",
        ours.peak_mib,
        unit="MiB",
        baseline=baseline,
        base=cli.peak_mib,
        digits=1,
    )


def main(sizes: list[int], check_only: bool) -> None:
    print(f"load average before: {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            files = write_files(size, Path(folder))
            if not check_only:
                imports(size, files)
            against_the_cli(size, files[".argdown"])
    print(f"load average after: {os.getloadavg()}", file=sys.stderr)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(
        [int(arg) for arg in arguments if arg != "--check-only"] or [10_000],
        "--check-only" in arguments,
    )
