"""Drawing one map: select the view, build the DOT, lay it out, finish the SVG.

The one way every output gets its SVG (files, slides' overview, the HTML page's layers), so a
map looks the same wherever it is shown.
"""

from __future__ import annotations

from argmap.analysis.graph import DebateIndex
from argmap.model.debate import Debate
from argmap.render.dot import drawing_for_view
from argmap.render.options import MapOptions
from argmap.render.renderers import Renderer, choose_renderer
from argmap.render.select import View, select_view
from argmap.render.svg import Finished, finish


def render_map(
    debate: Debate,
    options: MapOptions = MapOptions(),  # noqa: B008 - frozen, so one shared default is safe
    renderer: str | Renderer = "auto",
    view: View | None = None,
    index: DebateIndex | None = None,
) -> Finished:
    """The finished SVG of the map ``options`` describe (with the figures it was judged by);
    ``view`` draws a view already selected (the HTML page's layers, a slide)."""
    index = index or DebateIndex(debate)
    view = view or select_view(debate, options, index)
    drawing = drawing_for_view(debate, view, options, index)
    engine = choose_renderer(renderer) if isinstance(renderer, str) else renderer
    raw = engine.render(drawing.dot, "svg", layout_engine(view))
    return finish(raw, drawing, debate, options, view)


RADIAL_FROM = 3000
"""Above this many claims the map is laid out radially (``twopi``, seconds) instead of in
ranks (``dot``, which would take minutes): only ``--all`` asks for a map that large."""


def layout_engine(view: View) -> str:
    """``dot`` for a readable map, ``twopi`` for one too big for ``dot`` to lay out quickly."""
    return "twopi" if view.claim_count > RADIAL_FROM else "dot"
