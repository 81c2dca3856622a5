"""Writing a map to a file: the one entry point the CLI, the TUI and the gallery share.

``export_map`` selects the view, builds the DOT, lays it out with the chosen renderer,
finishes the SVG (argmap's own measured text, title block, legend, page) and writes the
result atomically, so an interrupted or failed export never leaves half a map and never
replaces a good one. PNG and PDF are drawn from that same SVG by CairoSVG with the same font,
whichever renderer laid it out. Every failure is a :class:`RenderError` whose message is
meant for the person exporting.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from argmap.analysis.graph import DebateIndex
from argmap.io.atomic import write_output
from argmap.model.debate import Debate
from argmap.render.dot import drawing_for_view
from argmap.render.draw import layout_engine, render_map
from argmap.render.errors import RenderError
from argmap.render.html import html_page
from argmap.render.options import MapOptions
from argmap.render.renderers import convert_svg, pdf_pages
from argmap.render.select import select_view

__all__ = ["FORMATS", "RenderError", "export_map", "export_slides", "layout_engine", "render_map"]

FORMATS = ("svg", "png", "pdf", "dot", "html")


PAGE_PNG_SCALE = 1.5
"""A page or slide as PNG is drawn at 144 dpi: a 16:9 slide is 1920 x 1080 pixels."""


def export_map(
    debate: Debate,
    out: Path,
    fmt: str,
    options: MapOptions = MapOptions(),  # noqa: B008
    renderer: str = "auto",
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> Path:
    """Draw ``debate`` as ``fmt`` (svg, png, pdf, dot, html) into ``out``; return ``out``.

    ``renderer`` is ``auto`` (system ``dot`` if on PATH, else WebAssembly), ``dot`` or
    ``wasm``. ``accept``/``reject`` are the room's verdicts an ``html`` page opens with.
    Raises RenderError.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}", f"choose from: {', '.join(FORMATS)}")
    if fmt == "dot":
        index = DebateIndex(debate)
        view = select_view(debate, options, index)
        data = drawing_for_view(debate, view, options, index).dot.encode("utf-8")
    elif fmt == "html":  # the interactive page: large debates are split into small layouts
        index = DebateIndex(debate)
        view = select_view(debate, options, index)
        data = html_page(debate, view, options, renderer, index, accept=accept, reject=reject)
    else:
        svg = render_map(debate, options, renderer).svg.encode("utf-8")
        scale = PAGE_PNG_SCALE if options.page is not None and fmt == "png" else 1.0
        data = svg if fmt == "svg" else convert_svg(svg, fmt, scale)
    try:
        write_output(out, data)  # `-` is standard output
    except OSError as error:
        raise RenderError(f"could not write {out}: {error.strerror or error}") from None
    return out


def slide_paths(target: Path, fmt: str, pages: int) -> list[Path]:
    """Where a deck goes: ``target`` itself for one PDF, else ``<stem>-NN.<fmt>`` a page."""
    if fmt == "pdf":
        return [target]
    stem = target.with_suffix("")
    return [stem.with_name(f"{stem.name}-{n:02}.{fmt}") for n in range(1, pages + 1)]


def export_slides(
    debate: Debate,
    target: Path,
    fmt: str,
    options: MapOptions = MapOptions(),  # noqa: B008
    renderer: str = "auto",
) -> list[Path]:
    """Draw the deck (:mod:`argmap.render.slides`) as one multi-page PDF at ``target``, or as
    one SVG or PNG a page beside it (see :func:`slide_paths`); return the files written."""
    from argmap.render.slides import render_slides

    fmt = fmt.lower().lstrip(".")
    if fmt not in ("svg", "png", "pdf"):
        raise RenderError(f"a slide deck is drawn as svg, png or pdf, not {fmt!r}")
    pages = [page.svg.encode("utf-8") for page in render_slides(debate, options, renderer)]
    paths = slide_paths(target, fmt, len(pages))
    if fmt == "pdf":
        files = [(target, pdf_pages(pages))]
    else:
        files = [
            (p, svg if fmt == "svg" else convert_svg(svg, fmt, PAGE_PNG_SCALE))
            for p, svg in zip(paths, pages, strict=True)
        ]
    for path, data in files:
        try:
            write_output(path, data)
        except OSError as error:
            raise RenderError(f"could not write {path}: {error.strerror or error}") from None
    return paths
