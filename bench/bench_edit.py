"""Authoring latency: Enter in the capture form to the tree showing the claim, and Ctrl+S.

    python bench/bench_edit.py [--claims 10000] [--runs 5]

On the seed debate and on a synthetic debate of ``--claims`` claims (``bench/generate.py``):

* **enter to tree**: the app runs headless under Textual's Pilot (120 x 40); the clock starts
  when Enter is pressed in the capture form (title typed, under the question's first claim)
  and stops when the main screen has drawn the frame in which the form is gone and the
  tree's cursor is on the new claim: what the person typing sees (Enter is the input's
  submit action, so Pilot's own settling time after a key press is not counted). Baseline:
  reading the file again (what a reload costs), so the ratio says how much cheaper an edit
  is than a reload.
* **Ctrl+S**: what the save key waits for, ``EditSession.save``: the patch writer turning the
  edits into the file's new text (from the positions the loader recorded) and the atomic
  write. Baseline: writing the whole debate with ``dump_debate`` (the layout-dropping
  alternative). **read-back check**: ``EditSession.confirm``, reading the written file back to
  check it gives exactly the edited debate, which runs after the write (in the save worker
  thread, not waited for); baseline: loading the file, which is most of it.

With ``--ruamel`` (and ``pip install ruamel.yaml``), the alternative the patch writer was
chosen over: ruamel.yaml's round trip with no edit at all, its time, and how many lines of the
file it changes (the patch writer changes none).

Medians over ``--runs``; every figure is one ``BENCH-ROW`` line (see COMMON rules).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import write
from rows import bench_row
from textual.widgets import Input

from argmap.analysis.editing import Claim, add_claim
from argmap.io.atomic import atomic_write
from argmap.io.load import load_debate, parse_debate
from argmap.io.patch import patch_text
from argmap.io.save import dump_debate
from argmap.tui import create_app
from argmap.tui.screens.capture import CaptureScreen
from argmap.tui.session import EditSession
from argmap.tui.view import load_view

SEED = Path(__file__).parent.parent / "arguments.yaml"


def row(work: str, value: float, baseline: str, base: float | None, target: str) -> None:
    bench_row(work, value, baseline=baseline, base=base, target=target)


async def enter_to_tree(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock times, and the process's CPU times over the same spans."""
    app = create_app(path, watch=False, export_dir=path.parent / "exports")
    times: list[float] = []
    cpu: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.session is None or app.view is None:
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        first = app.view.shape.children(app.view.debate.question.id)[0].node_id
        main = app.main
        shown: list[tuple[float, float]] = []  # when the main screen drew the new claim
        expected = [""]
        draw = main._compositor_refresh

        def drawn() -> None:
            draw()
            if app.screen is main and main.selected == expected[0] and not shown:
                shown.append((time.perf_counter(), time.process_time()))

        main._compositor_refresh = drawn  # type: ignore[method-assign]
        for run in range(runs):
            app.main.jump(first, record=False)
            await pilot.pause()
            await pilot.press("minus")
            while not isinstance(app.screen, CaptureScreen):
                await pilot.pause(0.01)
            title = f"Benchmark objection {run}"
            for key in title:
                await pilot.press(key if key != " " else "space")
            expected[0] = new = f"benchmark-objection-{run}"
            shown.clear()
            title_input = app.screen.query_one("#title", Input)
            await pilot.pause(0.1)  # the form's last keystroke is drawn
            # Enter's own action, without Pilot's wait for the screen to settle after it.
            started, started_cpu = time.perf_counter(), time.process_time()
            await title_input.action_submit()
            while not shown:
                await asyncio.sleep(0.0005)
            assert app.main.selected == new
            times.append(shown[0][0] - started)
            cpu.append(shown[0][1] - started_cpu)
    return times, cpu


def timed(work: object, runs: int) -> float:
    assert callable(work)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def measure(name: str, source: Path, runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-edit-"))
    try:
        path = folder / source.name
        shutil.copy(source, path)
        reload = timed(lambda: load_view(path), runs)
        wall, cpu = asyncio.run(enter_to_tree(path, runs))
        for what, samples in (("", wall), (", CPU time", cpu)):
            row(
                f"edit: Enter to tree shows the claim{what} ({name})",
                statistics.median(samples),
                "re-reading the file",
                reload,
                "< 50 ms",
            )
        text = path.read_text()
        loaded = parse_debate(text, str(path))
        session = EditSession(path)
        session.start(loaded, text)
        parent = next(iter(loaded.debate.statements))
        session.apply(add_claim(loaded.debate, parent, "con", Claim("Benchmark objection")))
        edited = session.debate
        assert edited is not None

        def save() -> None:
            assert session.save().kept_layout

        def check() -> None:
            session.save()  # untimed: the check needs a save to check
            started = time.perf_counter()
            assert session.confirm() is None
            checks.append(time.perf_counter() - started)

        checks: list[float] = []
        whole = timed(lambda: atomic_write(path, dump_debate(edited)), runs)
        row(
            f"edit: Ctrl+S ({name})", timed(save, runs), "dump_debate whole file", whole, "< 300 ms"
        )
        timed(check, runs)
        row(
            f"edit: read-back check after Ctrl+S, not waited for ({name})",
            statistics.median(checks),
            "loading the file",
            timed(lambda: load_debate(path), runs),
            "none (off the save's path)",
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def ruamel_round_trip(name: str, path: Path) -> None:
    """ruamel.yaml load + dump of an unedited file: seconds, and lines it changes."""
    import difflib
    import io

    try:
        from ruamel.yaml import YAML  # type: ignore[import-not-found]
    except ImportError:
        print("ruamel.yaml is not installed: pip install ruamel.yaml to compare", file=sys.stderr)
        return
    text = path.read_text()
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    started = time.perf_counter()
    out = io.StringIO()
    yaml.dump(yaml.load(text), out)
    seconds = time.perf_counter() - started
    changed = sum(
        1
        for line in difflib.unified_diff(text.splitlines(), out.getvalue().splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    )
    loaded = parse_debate(text, str(path))
    started = time.perf_counter()
    same = patch_text(text, loaded, loaded.debate) == text
    patch_seconds = time.perf_counter() - started
    row(
        f"save unedited: patch writer ({name})",
        patch_seconds,
        "ruamel.yaml round trip",
        seconds,
        "the author's text kept",
    )
    print(  # a count of lines, which bench_row's rounding of seconds does not fit
        "BENCH-ROW "
        + json.dumps(
            {
                "work": f"save unedited: lines changed by ruamel.yaml ({name})",
                "argmap": 0 if same else None,
                "unit": "lines",
                "baseline": "ruamel.yaml round trip",
                "baseline_value": changed,
                "ratio": None,
                "target": "0 lines changed",
            }
        ),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ruamel", action="store_true", help="also time ruamel.yaml")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    measure("seed", SEED, args.runs)
    if args.ruamel:
        ruamel_round_trip("seed", SEED)
    folder = Path(tempfile.mkdtemp(prefix="bench-edit-big-"))
    try:
        big = folder / "big.yaml"
        write(args.claims, big)
        measure(f"{args.claims:,} claims", big, args.runs)
        if args.ruamel:
            ruamel_round_trip(f"{args.claims:,} claims", big)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
