"""Import time of Argdown, AIF JSON and Kialo files: ``python bench/bench_formats.py [SIZES...]``.

For each size (default 10,000 claims), a seeded synthetic debate (bench/generate.py) is loaded
once and written with argmap's own writers as ``.argdown``, ``.json`` and ``.txt`` files; each
file is then imported through :func:`argmap.formats.registry.read_debate`, as ``argmap check`` or
``argmap tui`` would. Each row is the median of 5 imports, in wall-clock and in CPU seconds (the
process's own time, which other load on the machine does not inflate), and the median time
the writer took. Target, on a 2-core machine: importing 10,000 claims of Argdown or AIF in
under 1 s.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.table import Table

from argmap.formats.registry import read_debate, render_debate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write

RUNS = 5
FORMATS = (("argdown", ".argdown", 1.0), ("aif", ".json", 1.0), ("kialo", ".txt", None))
"""(format, extension, target import seconds for 10,000 claims or None)."""


def median_seconds(work: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``runs`` calls."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def write_files(size: int, folder: Path) -> dict[str, tuple[Path, float]]:
    """The generated debate in every format: format → (file, median seconds to write it)."""
    debate = read_debate(write(size, folder / f"debate-{size}.yaml")).debate
    files = {}
    for fmt, extension, _ in FORMATS:
        path = folder / f"debate-{size}{extension}"
        path.write_text(render_debate(debate, fmt).text, encoding="utf-8")
        writing, _ = median_seconds(partial(render_debate, debate, fmt))
        files[fmt] = (path, writing)
    return files


def main(sizes: list[int]) -> None:
    table = Table(title=f"Importing generated debates (median of {RUNS} runs)")
    for column in ("claims", "format", "MiB", "import s", "import CPU s", "write s", "target"):
        table.add_column(column, justify="right")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            files = write_files(size, Path(folder))
            gc.collect()  # time each import as a fresh `argmap check` would run it
            for fmt, _, target in FORMATS:
                path, writing = files[fmt]
                wall, cpu = median_seconds(partial(read_debate, path))
                assert len(read_debate(path).debate.statements) >= size, "the import lost claims"
                verdict = ""
                if target is not None and size == 10_000:
                    verdict = f"< {target:g} s {'met' if wall < target else 'MISSED'}"
                table.add_row(
                    f"{size:,}",
                    fmt,
                    f"{path.stat().st_size / 2**20:.1f}",
                    f"{wall:.3f}",
                    f"{cpu:.3f}",
                    f"{writing:.3f}",
                    verdict,
                )
    Console().print(table)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000])
