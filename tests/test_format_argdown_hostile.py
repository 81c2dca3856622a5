"""Hostile Argdown text costs time in proportion to its length (issue 15, item 5).

Each case runs in a subprocess under a CPU-time limit: the reader used to take minutes on
these files (a scan from every unclosed ``{`` or ``[a](b`` to the end of the paragraph), so
before the fix the child is killed by the limit and the test fails; after it, it reads them
in a fraction of a second. The limit bounds the test; it does not time it.
"""

from __future__ import annotations

import pytest

from tests.bounded import run_bounded

CASES = {
    "unclosed braces": "[A]: x " + "{a " * 40_000,
    "repeated link openings": "[A]: x " + "[a](b" * 40_000,
    "unclosed brackets": "[A]: x " + "[" * 60_000,
    "brackets and quotes inside data": "[A]: x {" + "[ 'a " * 30_000,
}

_CHILD = """
import sys
from argmap.formats.argdown_read import parse_argdown
from argmap.io.diagnostics import DebateLoadError
try:
    loaded = parse_argdown(sys.stdin.read(), "hostile.argdown")
    print("read", len(loaded.debate.statements))
except DebateLoadError as error:
    print("refused", error.errors[0].message)
"""


@pytest.mark.parametrize("text", CASES.values(), ids=list(CASES))
def test_hostile_text_reads_in_bounded_time_and_memory(text: str) -> None:
    child = run_bounded(_CHILD, text)
    assert child.returncode == 0, f"killed or crashed: {child.returncode} {child.stderr[-500:]}"
    assert child.stdout.startswith(("read", "refused"))
    assert "Traceback" not in child.stderr
