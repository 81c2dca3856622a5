"""Hostile input read in a child process under CPU and memory limits.

A reader that backtracks or loops on crafted text must be caught by a limit, not by the test
run hanging: the child gets 20 s of CPU and 2 GiB of address space, and the test asserts on
its exit code and output. Nothing here is timed.
"""

from __future__ import annotations

import resource
import subprocess
import sys

CPU_SECONDS = 20
MEMORY = 2 * 2**30


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(code: str, text: str) -> subprocess.CompletedProcess[str]:
    """Run the Python ``code`` with ``text`` on its standard input, under the limits."""
    return subprocess.run(
        [sys.executable, "-c", code],
        input=text,
        capture_output=True,
        text=True,
        preexec_fn=_limits,
        check=False,
        timeout=120,
    )
