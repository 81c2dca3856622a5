"""Writing a map to a file: the one entry point the CLI, the TUI and the gallery share.

``export_map`` selects the view, builds the DOT, lays it out with the chosen renderer and
writes the result atomically, so an interrupted or failed export never leaves half a map
and never replaces a good one. Every failure is a :class:`RenderError` whose message is
meant for the person exporting.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from argmap.analysis.graph import DebateIndex
from argmap.io.atomic import atomic_write
from argmap.model.debate import Debate
from argmap.render.dot import dot_for_view
from argmap.render.errors import RenderError
from argmap.render.html import html_page
from argmap.render.options import MapOptions
from argmap.render.renderers import choose_renderer
from argmap.render.select import View, select_view

__all__ = ["FORMATS", "MAX_LAYOUT_CLAIMS", "RenderError", "export_map"]

FORMATS = ("svg", "png", "pdf", "dot", "html")

MAX_LAYOUT_CLAIMS = 1500
"""Above this many claims a map is not laid out (DOT is still written).

No page or screen shows 1,500 boxes readably, and Graphviz's layout time grows faster than
linearly (see ``bench/bench_render.py``): past this size an export would run for minutes to
produce a map nobody can read. ``--focus``/``--depth`` or ``--speaker`` give a readable part.
"""


def export_map(
    debate: Debate,
    out: Path,
    fmt: str,
    options: MapOptions = MapOptions(),  # noqa: B008 - frozen, so one shared default is safe
    renderer: str = "auto",
    *,
    max_claims: int | None = MAX_LAYOUT_CLAIMS,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> Path:
    """Draw ``debate`` as ``fmt`` (svg, png, pdf, dot, html) into ``out``; return ``out``.

    ``renderer`` is ``auto`` (system ``dot`` if on PATH, else WebAssembly), ``dot`` or
    ``wasm``. ``max_claims=None`` lifts the size limit (benchmarks). ``accept``/``reject``
    are the room's verdicts an ``html`` page opens with. Raises RenderError.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}", f"choose from: {', '.join(FORMATS)}")
    index = DebateIndex(debate)
    view = select_view(debate, options, index)
    if fmt == "dot":
        data = dot_for_view(debate, view, options, index).encode("utf-8")
    elif fmt == "html":  # the interactive page: large debates are split into small layouts
        data = html_page(debate, view, options, renderer, index, accept=accept, reject=reject)
    else:
        _check_size(view, max_claims)
        data = choose_renderer(renderer).render(
            lambda: dot_for_view(debate, view, options, index), fmt
        )
    try:
        atomic_write(out, data)
    except OSError as error:
        raise RenderError(f"could not write {out}: {error.strerror or error}") from None
    return out


def _check_size(view: View, max_claims: int | None) -> None:
    if max_claims is None or view.claim_count <= max_claims:
        return
    raise RenderError(
        f"this map has {view.claim_count:,} claims, too many for a readable layout "
        f"(at most {max_claims:,})",
        "draw part of it with --focus ID --depth N or --speaker ID, "
        "or write --format dot and lay it out yourself (e.g. with sfdp)",
    )
