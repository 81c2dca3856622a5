"""Ctrl+S without a read-back on the way: the patch is written, then checked, and repaired.

``EditSession.save`` writes the patched text at once; ``confirm`` reads it back afterwards
(off the UI thread in the TUI). These tests make the patch writer wrong on purpose to show
that a save never ends with a file that reads differently from the edited debate.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.analysis.editing import Claim, add_claim
from argmap.io.load import load_debate, parse_debate
from argmap.tui import session as session_module
from argmap.tui.session import EditSession

SEED = Path(__file__).parent.parent / "arguments.yaml"


def _session(tmp_path: Path) -> tuple[EditSession, Path, str]:
    path = tmp_path / "debate.yaml"
    shutil.copy(SEED, path)
    text = path.read_text(encoding="utf-8")
    session = EditSession(path)
    session.start(parse_debate(text, str(path)), text)
    return session, path, text


def _objection(session: EditSession, title: str = "Sanctions take years") -> None:
    assert session.debate is not None
    parent = next(iter(session.debate.statements))
    session.apply(add_claim(session.debate, parent, "con", Claim(title)))


def test_a_patched_save_is_written_at_once_and_checked_after(tmp_path: Path) -> None:
    session, path, text = _session(tmp_path)
    _objection(session)
    saved = session.save()
    assert saved.kept_layout
    written = path.read_text(encoding="utf-8")
    assert written != text and "Sanctions take years" in written
    assert session.confirm() is None  # it reads back as the edited debate
    assert load_debate(path).debate == session.debate
    assert not session.dirty


def test_a_patch_that_reads_differently_is_replaced_by_the_whole_debate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, path, text = _session(tmp_path)
    # A broken patch writer: it "patches" by returning the file unchanged.
    monkeypatch.setattr(session_module, "patch_text", lambda text, loaded, new: text)
    _objection(session)
    assert session.save().kept_layout
    assert path.read_text(encoding="utf-8") == text  # the wrong text is on disk, for now
    fixed = session.confirm()
    assert fixed is not None and not fixed.kept_layout
    assert fixed.reason is not None and "differently" in fixed.reason
    assert load_debate(path).debate == session.debate
    assert session.confirm() is None  # checked once


def test_a_patch_that_does_not_load_is_replaced_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, path, _ = _session(tmp_path)
    monkeypatch.setattr(session_module, "patch_text", lambda text, loaded, new: text + "\n: [")
    _objection(session)
    session.save()
    fixed = session.confirm()
    assert fixed is not None and fixed.reason is not None and "would not load" in fixed.reason
    assert load_debate(path).debate == session.debate


def test_quitting_right_after_a_save_waits_for_its_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, path, _ = _session(tmp_path)
    monkeypatch.setattr(session_module, "patch_text", lambda text, loaded, new: text)
    _objection(session)
    session.save()
    session.flush()  # what quitting does
    assert load_debate(path).debate == session.debate


def test_only_the_last_of_two_saves_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, path, _ = _session(tmp_path)
    _objection(session, "First objection")
    session.save()
    # The second save's patch is wrong: checking it must repair the file as the second version.
    monkeypatch.setattr(session_module, "patch_text", lambda text, loaded, new: text)
    _objection(session, "Second objection")
    session.save()
    fixed = session.confirm()
    assert fixed is not None
    reread = load_debate(path).debate
    assert reread == session.debate
    assert {s.text for s in reread.statements.values()} >= {"First objection", "Second objection"}


def test_every_save_patches_the_authors_text_so_undoing_all_restores_its_bytes(
    tmp_path: Path,
) -> None:
    session, path, text = _session(tmp_path)
    _objection(session, "First objection")
    session.save()
    _objection(session, "Second objection")
    session.save()
    assert session.confirm() is None
    assert session.history is not None
    session.undo()
    session.undo()
    session.save()
    assert session.confirm() is None
    assert path.read_bytes() == text.encode("utf-8")
