"""The interactive HTML map: ``python bench/bench_html.py [--repeat 5]``.

For the seed debate and a generated 2,000-claim debate (``bench/generate.py``) it measures,
as medians over ``--repeat`` runs:

* export time of ``-f html`` against ``-f svg`` of the same debate, alternated in one process
  (a small debate's page lays out the same map; a large one, one small map per layer);
* file size of the page against the plain SVG map;
* time to interactive in Debian's Chromium, headless: from navigation start to the moment the
  page's script has wired up the map (``window.argmapReadyAt``, set after the first labels,
  panel hooks and search index exist), against the time the same Chromium takes to load and
  paint the plain SVG file (its ``loadEventEnd``). First contentful paint is reported too.

Every figure is printed as a ``BENCH-ROW`` line. Without Chromium (or Playwright) the browser
rows are skipped with a message; the size and export rows are still printed. The machine is
shared, so the load average is printed with the results.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write
from rows import bench_row

from argmap.io.load import load_debate
from argmap.model.debate import Debate
from argmap.render.export import export_map
from argmap.render.options import MapOptions

EVERYTHING = MapOptions(everything=True)
"""The whole debate on one map, however large: the page is timed, not a readable excerpt."""

REPO = Path(__file__).resolve().parents[1]
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TARGETS = {
    "seed": ("interactive within 1 s", "page under 400 KB"),
    "2000": ("interactive within 3 s", "page at most 1.5x the SVG"),
}


def row(work: str, value: float, unit: str, baseline: str, base: float | None, target: str) -> None:
    bench_row(work, value, unit=unit, baseline=baseline, base=base, target=target)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def chromium() -> str | None:
    chosen = os.environ.get("ARGMAP_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_times(
    executable: str, html: Path, svg: Path, repeat: int
) -> tuple[list[float], list[float], list[float]]:
    """Seconds to interactive and to first paint for the page, and to load the SVG."""
    from playwright.sync_api import sync_playwright

    ready: list[float] = []
    paint: list[float] = []
    svg_load: list[float] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        for _ in range(repeat):
            for path in (html, svg):  # alternated, so load hits both alike
                context = browser.new_context(viewport={"width": 1366, "height": 768})
                page = context.new_page()
                page.route("**/*", _only_files)
                page.goto(path.resolve().as_uri(), wait_until="load")
                if path == html:
                    page.wait_for_selector("html[data-ready]", state="attached")
                    ready.append(page.evaluate("window.argmapReadyAt") / 1000)
                    paint.append(
                        page.evaluate(
                            "performance.getEntriesByName('first-contentful-paint')[0].startTime"
                        )
                        / 1000
                    )
                else:
                    svg_load.append(
                        page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                        / 1000
                    )
                context.close()
        browser.close()
    return ready, paint, svg_load


def _only_files(route: Any) -> None:
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


def bench(name: str, debate: Debate, folder: Path, repeat: int, executable: str | None) -> None:
    html, svg = folder / f"{name}.html", folder / f"{name}.svg"
    html_times, svg_times = [], []
    export_map(debate, svg, "svg", EVERYTHING)  # warm the WebAssembly Graphviz
    for _ in range(repeat):
        html_times.append(timed(lambda: export_map(debate, html, "html", EVERYTHING)))
        svg_times.append(timed(lambda: export_map(debate, svg, "svg", EVERYTHING)))
    claims = len(debate.statements) + len(debate.arguments)
    label = f"{name} ({claims:,} claims)"
    row(
        f"html export {label}",
        statistics.median(html_times),
        "s",
        "svg export, same debate",
        statistics.median(svg_times),
        "within 2x the SVG export (a small layout per layer)",
    )
    interactive_target, size_target = TARGETS[name]
    row(
        f"html page size {label}",
        html.stat().st_size / 1000,
        "KB",
        "svg map file",
        svg.stat().st_size / 1000,
        size_target,
    )
    if executable is None:
        print(f"{name}: no Chromium found; time to interactive not measured", file=sys.stderr)
        return
    ready, paint, svg_load = browser_times(executable, html, svg, repeat)
    row(
        f"html time to interactive {label}",
        statistics.median(ready),
        "s",
        "Chromium loading the svg map",
        statistics.median(svg_load),
        interactive_target,
    )
    row(
        f"html first contentful paint {label}",
        statistics.median(paint),
        "s",
        "Chromium loading the svg map",
        statistics.median(svg_load),
        "first paint before the map is wired up",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    executable = chromium()
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("Playwright is not installed: pip install -e '.[dev]'", file=sys.stderr)
        executable = None
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        bench("seed", load_debate(REPO / "arguments.yaml").debate, folder, args.repeat, executable)
        big = load_debate(write(2000, folder / "2000.yaml", seed=0)).debate
        bench("2000", big, folder, max(1, args.repeat // 2), executable)
    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
