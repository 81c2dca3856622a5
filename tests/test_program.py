"""The ``argmap`` program as a shell runs it: status, output and exit hooks survive its quick exit.

:func:`argmap.cli.run` ends the process without Python's interpreter shutdown; these tests
run it in a child process (as the console script and ``python -m argmap`` do) and check that
nothing a caller relies on is lost by that.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

SEED = Path(__file__).resolve().parent.parent / "arguments.yaml"


def program(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m argmap ARGS``, or Python ``code`` that ends by calling ``run``."""
    command = ["-m", "argmap", *args] if code is None else ["-c", code, *args]
    return subprocess.run(
        [sys.executable, *command], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_exit_status_is_the_commands(tmp_path: Path) -> None:
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text("title: No question\n", encoding="utf-8")
    assert program("check", str(SEED)).returncode == 0
    refused = program("check", str(invalid))
    assert refused.returncode == 1
    assert "this debate file has no `question`" in refused.stderr
    assert program("no-such-command").returncode == 2


def test_all_of_a_long_output_reaches_a_pipe() -> None:
    expected = CliRunner().invoke(main, ["outline", str(SEED)]).stdout
    piped = program("outline", str(SEED))
    assert piped.returncode == 0
    assert len(expected) > 2000
    assert piped.stdout == expected


@pytest.mark.parametrize("closed", [1, 2], ids=["stdout", "stderr"])
def test_a_closed_output_still_gives_the_verdict_as_the_status(closed: int) -> None:
    """``argmap check FILE >&-`` (or ``2>&-``): the shell closed one output."""
    ran = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(SEED)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(closed),
    )
    assert ran.returncode == 0
    assert "Traceback" not in ran.stdout + ran.stderr


def test_exit_hooks_registered_before_the_command_still_run() -> None:
    ran = program(
        "check",
        str(SEED),
        code="import atexit, sys\n"
        "atexit.register(print, 'the hook ran')\n"
        "sys.argv[0] = 'argmap'\n"
        "from argmap.cli import run\n"
        "run()\n",
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "the hook ran"


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    done = tmp_path / "done"
    ran = program(
        "check",
        str(SEED),
        code="import sys, threading, time\n"
        "from pathlib import Path\n"
        "def finish():\n"
        "    time.sleep(0.5)\n"
        f"    Path({str(done)!r}).write_text('written')\n"
        "threading.Thread(target=finish).start()\n"
        "sys.argv[0] = 'argmap'\n"
        "from argmap.cli import run\n"
        "run()\n",
    )
    assert ran.returncode == 0, ran.stderr
    assert done.read_text() == "written"
