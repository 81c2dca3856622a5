"""``argmap check`` against PyYAML's C ``compose``: ``python bench/bench_load.py [SIZES...]``.

For each size (default 10,000 and 100,000 claims) a seeded debate (bench/generate.py) is
written once; then, alternately, a fresh ``argmap check`` process and a fresh process running
``yaml.compose(text, Loader=yaml.CSafeLoader)`` on the same file, which only parses (no
validation, no graph) but keeps its node tree, as argmap once did. Whole processes are timed,
so start-up and import costs count on both sides, and each one's peak memory (ru_maxrss of the
finished child) is kept. Medians of the runs; the ratio is argmap's median over compose's.
Targets: at most 1.0x compose's time, under 400 MiB at 100,000 claims.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write
from rows import bench_row

ARGMAP = [sys.executable, "-m", "argmap", "check"]
COMPOSE = [
    sys.executable,
    "-c",
    "import sys, yaml; "
    "yaml.compose(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)",
]


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak MiB of one child process, reaped with ``wait4`` for its own peak."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            message = errors.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(command)} failed:\n{message}")
    return seconds, usage.ru_maxrss / 1024


def load_row(work: str, value: float, unit: str, base: float, target: str) -> None:
    bench_row(work, value, unit=unit, baseline="PyYAML C compose", base=base, target=target)


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = write(size, Path(folder) / f"debate-{size}.yaml")
            runs = 5 if size <= 10_000 else 3
            ours: list[tuple[float, float]] = []
            theirs: list[tuple[float, float]] = []
            for _ in range(runs):
                ours.append(timed([*ARGMAP, str(path)]))
                theirs.append(timed([*COMPOSE, str(path)]))
            mib = path.stat().st_size / 2**20
            seconds = statistics.median(s for s, _ in ours)
            base = statistics.median(s for s, _ in theirs)
            peak = statistics.median(m for _, m in ours)
            base_peak = statistics.median(m for _, m in theirs)
            print(
                f"{size:,} claims ({mib:.1f} MiB): argmap check {seconds:.2f} s, {peak:.0f} MiB; "
                f"compose {base:.2f} s, {base_peak:.0f} MiB; {seconds / base:.2f}x"
            )
            load_row(
                f"check a {size:,}-claim YAML debate ({mib:.0f} MB), time",
                seconds,
                "s",
                base,
                # The target; below 100,000 claims start-up weighs on both processes.
                "at most 1.0x" if size >= 100_000 else "",
            )
            load_row(
                f"check a {size:,}-claim YAML debate, peak memory",
                peak,
                "MiB",
                base_peak,
                "under 400 MiB" if size >= 100_000 else "",
            )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000, 100_000])
