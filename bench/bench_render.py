"""Maps as a reader meets them, and what they cost: ``python bench/bench_render.py``.

Readability, for the seed debate and two real Argdown files from ``tests/data`` (drawn with
the in-process WebAssembly Graphviz, what a fresh install uses): map size and aspect, edge
crossings, boxes whose text spills (measured with the SVG's embedded font), claim-title size
when the map is fitted to a 16:9 slide and to A3, words per box; for the seed's ``--slides``
deck, the smallest claim title of any page.

Cost, as medians of ``--repeat`` runs in this process or command: argmap's whole SVG export of
generated debates of 100, 1,000 and 2,000 claims (``--all``) against the WebAssembly layout
alone on the same DOT; ``argmap export`` of the seed against ``argmap check`` of it, whole
processes, alternated; and, where Node.js and the Argdown CLI are installed (see
``bench/argdown_cli.py``), ``argmap export --all`` of a 2,000-statement Argdown file against
``argdown map --format svg`` of it.

Each judged figure is printed as a ``BENCH-ROW {json}`` line (see the ``bench`` collector).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write
from rows import bench_row

from argmap.formats.registry import read_debate
from argmap.render.dot import drawing_for_view
from argmap.render.draw import layout_engine, render_map
from argmap.render.metrics import figures
from argmap.render.options import MapOptions
from argmap.render.renderers import WasmGraphviz
from argmap.render.select import select_view
from argmap.render.slides import TITLE_PT, render_slides
from argmap.render.svg import MARGIN, PAGES_PT

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "arguments.yaml"
READABILITY = [
    SEED,
    REPO / "tests/data/argdown/state-censorship.argdown",
    REPO / "tests/data/argdown/legalisation-softdrugs.argdown",
    REPO / "tests/data/yaml/inline-markdown.yaml",  # bold, italic, code runs (issue 12)
]
ARGMAP = [sys.executable, "-m", "argmap"]


def row(
    work: str, value: float, unit: str, target: str, baseline: str = "", base: float | None = None
) -> None:
    bench_row(work, value, unit=unit, baseline=baseline, base=base, target=target)


def fitted(width: float, height: float, page: str) -> float:
    """The claim-title size, in pt, of a map ``width`` x ``height`` pt fitted to ``page``."""
    page_w, page_h = PAGES_PT[page]
    return TITLE_PT * min((page_w - 2 * MARGIN) / width, (page_h - 2 * MARGIN) / height)


def readability() -> None:
    for path in READABILITY:
        debate = read_debate(path).debate
        name = path.name
        seed = path == SEED
        found = figures(render_map(debate, MapOptions(), "wasm").svg)
        size = f"{found.width / 72:.1f} x {found.height / 72:.1f} in"
        print(f"{name}: {found.boxes} boxes, {size}, aspect {found.aspect:.2f}", flush=True)
        row(f"{name}: map aspect (width / height)", found.aspect, "ratio", "")
        row(
            f"{name}: edge crossings",
            found.crossings,
            "count",
            "at most 9 (Argdown's count)" if seed else "",
            "Argdown's map of the seed" if seed else "",
            9.0 if seed else None,
        )
        row(f"{name}: boxes whose text spills", len(found.spilling), "count", "0")
        for page, target in (("16:9", ""), ("a3", "at least 6 pt" if seed else "")):
            row(
                f"{name}: claim title fitted to {page}",
                fitted(found.width, found.height, page),
                "pt",
                target,
            )
        row(f"{name}: words per box", found.words_per_box, "words", "")
    poster = render_map(read_debate(SEED).debate, MapOptions(page="a3", direction="LR"), "wasm")
    row(
        "arguments.yaml: claim title on the A3 poster (--page a3 --direction LR)",
        TITLE_PT * poster.scale,
        "pt",
        "at least 6 pt",
    )
    pages = render_slides(read_debate(SEED).debate, renderer="wasm")
    smallest = min(figures(page.svg).title_size for page in pages)
    row(
        f"arguments.yaml --slides: smallest claim title of {len(pages)} pages",
        smallest,
        "pt",
        "at least 14 pt",
    )


def timed(action: Callable[..., object], *args: object) -> float:
    started = time.perf_counter()
    action(*args)
    return time.perf_counter() - started


def render_times(sizes: Sequence[int], repeat: int, folder: Path) -> None:
    wasm = WasmGraphviz()
    wasm.layout("digraph { a -> b }")  # the module loaded (or compiled and cached) once
    for claims in sizes:
        debate = read_debate(write(claims, folder / f"debate-{claims}.yaml")).debate
        options = MapOptions(everything=True)
        view = select_view(debate, options)
        dot = drawing_for_view(debate, view, options).dot
        engine = layout_engine(view)
        ours, layout = [], []
        for _ in range(repeat):  # alternated, so that load hits both alike
            ours.append(timed(render_map, debate, options, wasm))
            layout.append(timed(wasm.layout, dot, "svg", engine))
        row(
            f"SVG map of {claims:,} claims (--all)",
            statistics.median(ours),
            "s",
            "",
            f"wasm {engine} layout alone, same DOT",
            statistics.median(layout),
        )


def whole_process(command: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def seed_export(repeat: int, folder: Path) -> None:
    out = folder / "seed.svg"
    export = [*ARGMAP, "export", str(SEED), "-o", str(out), "--renderer", "wasm"]
    check = [*ARGMAP, "check", str(SEED)]
    whole_process(export)  # fills the compiled-module cache, as any earlier export would
    exports, checks = [], []
    for _ in range(repeat):
        exports.append(whole_process(export))
        checks.append(whole_process(check))
    row(
        "export the seed as SVG (whole process)",
        statistics.median(exports),
        "s",
        "at most 1.5x",
        "argmap check of the seed",
        statistics.median(checks),
    )


def argdown_comparison(repeat: int, folder: Path) -> None:
    try:
        from argdown_cli import find  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        print("Argdown CLI comparison skipped: bench/argdown_cli.py is not here", flush=True)
        return
    executable, why = find()
    if executable is None:
        print(f"Argdown CLI comparison skipped: {why}", flush=True)
        return
    debate = write(2000, folder / "debate-2000.yaml")
    source = folder / "debate-2000.argdown"
    subprocess.run([*ARGMAP, "convert", str(debate), str(source)], check=True, capture_output=True)
    ours_cmd = [*ARGMAP, "export", str(source), "--all", "-o", str(folder / "ours.svg")]
    theirs_cmd = [str(executable), "map", "--format", "svg", str(source), str(folder / "argdown")]
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(whole_process(ours_cmd))
        theirs.append(whole_process(theirs_cmd))
    row(
        "SVG map of a 2,000-statement Argdown file (whole process)",
        statistics.median(ours),
        "s",
        "at most 0.5x",
        "Argdown CLI map --format svg",
        statistics.median(theirs),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,2000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}", flush=True)
    readability()
    with tempfile.TemporaryDirectory(prefix="argmap-bench-render-") as tmp:
        folder = Path(tmp)
        render_times([int(n) for n in args.sizes.split(",")], args.repeat, folder)
        seed_export(max(args.repeat, 5), folder)
        if shutil.which("node"):
            argdown_comparison(args.repeat, folder)
        else:
            print("Argdown CLI comparison skipped: Node.js is not installed", flush=True)
    print(f"load average after: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
