"""Map rendering speed: ``python bench/bench_render.py [--sizes 100,1000,10000] [--repeat 5]``.

For each size it times, as medians: building the DOT; laying it out to SVG with the in-process
WebAssembly Graphviz; and, when Graphviz's ``dot`` is on PATH, argmap's SVG export through the
native renderer against ``dot -Tsvg`` run directly on the same DOT in the same run, alternating
the two so that machine load hits both alike. Targets: DOT for 10,000 claims under 1 s, and
the export at most 1.1x the bare ``dot``. Results are printed and saved to
``bench/results/render.json``.

Layouts of 10,000 claims take about a minute each, so that size is laid out ``--big-repeat``
times (1 by default); argmap itself refuses to lay out maps over
``argmap.render.export.MAX_LAYOUT_CLAIMS`` claims, and the benchmark lifts that limit.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write

from argmap.formats.registry import read_debate
from argmap.render.dot import build_dot
from argmap.render.export import export_map
from argmap.render.renderers import WasmGraphviz

BIG = 10_000


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench_size(claims: int, repeat: int, big_repeat: int, folder: Path) -> dict[str, Any]:
    debate = read_debate(write(claims, folder / f"debate-{claims}.yaml")).debate
    laps = repeat if claims < BIG else max(1, big_repeat)
    dot = build_dot(debate)
    result: dict[str, Any] = {
        "claims": claims,
        "dot_build_s": median_seconds(lambda: build_dot(debate), repeat),
        "dot_bytes": len(dot.encode("utf-8")),
    }
    wasm = WasmGraphviz()
    wasm.svg("digraph { a -> b }")  # compile the module once, outside the timing
    result["wasm_svg_s"] = median_seconds(lambda: wasm.svg(dot), laps)
    executable = shutil.which("dot")
    if executable is None:
        result["native"] = "dot is not on PATH: native renderer not measured"
        return result
    direct, exported = [], []
    out = folder / f"map-{claims}.svg"
    for _ in range(laps):
        started = time.perf_counter()
        subprocess.run(
            [executable, "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, check=True
        )
        direct.append(time.perf_counter() - started)
        started = time.perf_counter()
        export_map(debate, out, "svg", renderer="dot", max_claims=None)
        exported.append(time.perf_counter() - started)
    result["dot_tsvg_s"] = statistics.median(direct)
    result["argmap_export_svg_s"] = statistics.median(exported)
    result["export_over_dot_ratio"] = result["argmap_export_svg_s"] / result["dot_tsvg_s"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--big-repeat",
        type=int,
        default=1,
        help=f"layouts of {BIG:,}+ claims (about a minute each)",
    )
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for claims in (int(size) for size in args.sizes.split(",")):
            result = bench_size(claims, args.repeat, args.big_repeat, Path(tmp))
            results.append(result)
            print(json.dumps(result), flush=True)
    print()
    print(f"{'claims':>7} {'DOT':>8} {'wasm SVG':>9} {'dot -Tsvg':>10} {'export':>8} {'ratio':>6}")
    for r in results:
        native = [
            f"{r[k]:.2f}"
            for k in ("dot_tsvg_s", "argmap_export_svg_s", "export_over_dot_ratio")
            if k in r
        ] or ["-", "-", "-"]
        print(
            f"{r['claims']:>7} {r['dot_build_s']:>7.3f}s {r['wasm_svg_s']:>8.2f}s "
            f"{native[0]:>9}s {native[1]:>7}s {native[2]:>6}"
        )
    target = Path(__file__).resolve().parent / "results" / "render.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
