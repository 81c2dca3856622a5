"""exports/ holds the seed debate's maps; these tests fail as soon as it goes stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.formats.registry import read_debate
from argmap.render import gallery
from argmap.render.dot import build_dot
from argmap.render.gallery import ANALYSTS, GalleryMap, gallery_maps, main
from argmap.render.options import MapOptions
from tests.conftest import REPO
from tests.test_render_dot import RELATIONS

SEED = REPO / "arguments.yaml"
EXPORTS = REPO / "exports"


def test_committed_dot_files_equal_what_the_code_draws_now() -> None:
    debate = read_debate(SEED).debate
    maps = [entry for entry in gallery_maps(debate, SEED.stem) if "dot" in entry.files]
    assert len(maps) >= 8
    stale = [
        entry.name
        for entry in maps
        if not (EXPORTS / f"{entry.name}.dot").exists()
        or (EXPORTS / f"{entry.name}.dot").read_text(encoding="utf-8")
        != build_dot(debate, entry.options)
    ]
    assert not stale, f"exports/ is stale for {stale}: run `make exports` and commit the result"


def test_every_map_in_the_gallery_is_committed_in_each_of_its_formats() -> None:
    debate = read_debate(SEED).debate
    entries = gallery_maps(debate, SEED.stem)
    assert {f"{SEED.stem}-{speaker}" for speaker in ANALYSTS} <= {e.name for e in entries}
    readme = (EXPORTS / "README.md").read_text(encoding="utf-8")
    for entry in entries:
        for fmt in entry.files:
            assert (EXPORTS / f"{entry.name}.{fmt}").stat().st_size > 0
            assert f"({entry.name}.{fmt})" in readme


def test_gallery_command_writes_maps_and_readme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    small = tmp_path / "small.yaml"
    small.write_text(RELATIONS, encoding="utf-8")
    one = [GalleryMap("small", "the whole debate", MapOptions(), ("svg",))]
    monkeypatch.setattr(gallery, "gallery_maps", lambda debate, stem: one)
    assert main([str(small), str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "README.md",
        "small.dot",
        "small.svg",
    ]
    assert main([str(tmp_path / "missing.yaml"), str(tmp_path / "out")]) == 1
    assert "missing.yaml" in capsys.readouterr().err
