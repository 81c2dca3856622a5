"""The interactive HTML map: one self-contained file a student opens in any browser.

The page is Graphviz's SVG of the map (the same one ``-f svg`` writes, drawn without
evaluation marks, which the page draws itself), the debate's data as JSON in a
``<script type="application/json">`` block, and the stylesheet and script from
``argmap/render/assets`` inlined. Nothing is fetched: a Content-Security-Policy with
``default-src 'none'`` forbids every request, and only the page's own script (allowed by its
hash) may run, so a claim that reads ``<script>…`` stays text even if something upstream
went wrong.

User text reaches the page three ways, each safe on its own: inside the SVG, escaped by
Graphviz (comments, which carry node names, are dropped); in the JSON block, with ``<``,
``>`` and ``&`` written as ``\\u003c`` etc. so no ``</script>`` or ``<!--`` can appear; and
in the ``<title>``, escaped by :func:`html.escape`. The script only ever puts text into the
page with ``textContent``.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import json
import re
from collections.abc import Iterable
from importlib import resources

from argmap.analysis.evaluation import check_ids, debate_framework
from argmap.analysis.graph import DebateIndex
from argmap.analysis.tree import TreeShape
from argmap.model.debate import Debate
from argmap.render.draw import render_map
from argmap.render.errors import RenderError
from argmap.render.fonts import font_face_css
from argmap.render.html_data import page_data, page_words
from argmap.render.html_layers import home_layers, layers
from argmap.render.options import MapOptions
from argmap.render.select import View

_PROLOGUE = re.compile(r"\A(?:\s*<\?xml[^>]*\?>|\s*<!DOCTYPE[^>]*>|\s*<!--.*?-->)*\s*", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def html_page(
    debate: Debate,
    view: View,
    options: MapOptions = MapOptions(),  # noqa: B008 - frozen, so one shared default is safe
    renderer: str = "auto",
    index: DebateIndex | None = None,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> bytes:
    """The whole page for ``view`` of ``debate``, as UTF-8 bytes.

    ``options.labels`` (from ``--evaluate``) turns the page's labels on at opening; the page
    computes them itself, grounded, so they follow the reader's what-if verdicts.
    ``accept``/``reject`` are verdicts the page opens with. Raises RenderError.
    """
    index = index or DebateIndex(debate)
    accept, reject = _verdicts(debate, accept, reject)
    plain = dataclasses.replace(options, labels=None)
    found = layers(view, TreeShape(index), debate.question.id)
    drawn = "".join(
        _LAYER.format(
            name=html.escape(layer.name),
            hidden=" hidden" if number else "",
            svg=inline_svg(render_map(debate, plain, renderer, layer.view, index).svg),
        )
        for number, layer in enumerate(found)
    )
    data = page_data(
        debate,
        index=index,
        accept=accept,
        reject=reject,
        show_labels=options.labels is not None or bool(accept or reject),
    )
    data["layers"] = {
        layer.name: {"parent": layer.parent, "badges": layer.badges} for layer in found
    }
    data["layerOf"] = home_layers(found)
    script = _asset("map.js")
    style = font_face_css() + _asset("map.css")  # once for the page, not once a layer
    theme = "auto" if options.theme == "light" else options.theme
    policy = (
        "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{_digest(script)}'; form-action 'none'; base-uri 'none'"
    )
    page = _TEMPLATE.format(
        policy=html.escape(policy),
        title=html.escape(page_words(debate.title)),
        theme=theme,
        style=style,
        svg=drawn,
        data=json_for_script(data),
        script=script,
    )
    return page.encode("utf-8")


def _verdicts(
    debate: Debate, accept: Iterable[str], reject: Iterable[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The room's verdicts, checked as ``argmap evaluate`` checks them."""
    try:
        return check_ids(debate_framework(debate).arguments, accept, reject, noun="claim")
    except ValueError as error:  # UnknownIdError included: it says which id, with a hint
        raise RenderError(str(error), "`argmap outline` shows the claims' ids") from None


def inline_svg(svg: str) -> str:
    """A map's SVG document as an element for an HTML page: no prologue, no comments, and
    without its own copy of the font, which the page embeds once for all its layers.

    Comments hold node names; Graphviz escapes them, but a page has no use for them and
    an HTML parser ends a comment at the first ``-->``, so none is left to misread.
    """
    element = _COMMENT.sub("", _PROLOGUE.sub("", svg, count=1))
    return element.replace(f"<style>{font_face_css()}</style>", "", 1)


def json_for_script(data: object) -> str:
    """JSON that cannot end its ``<script>`` block or open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return resources.files("argmap.render").joinpath("assets", name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


_LAYER = """<div class="am-layer" data-layer="{name}"{hidden}>
{svg}
</div>
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="en" data-theme="{theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="generator" content="argmap">
<title>{title}</title>
<style>
{style}</style>
</head>
<body>
<header class="am-bar">
  <h1 class="am-title" id="am-title">{title}</h1>
  <div class="am-tools" role="toolbar" aria-label="Map tools">
    <label class="am-search">
      <span class="am-visually-hidden">Search claims, quotes, speakers and tags</span>
      <input id="am-search" type="search" placeholder="Search…" autocomplete="off"
        aria-controls="am-results" aria-describedby="am-search-count">
    </label>
    <span id="am-search-count" class="am-count" aria-live="polite"></span>
    <label class="am-speaker-pick">
      <span class="am-visually-hidden">Highlight a speaker's claims</span>
      <select id="am-speaker"><option value="">All speakers</option></select>
    </label>
    <label class="am-toggle"><input id="am-labels" type="checkbox"> Labels</label>
    <label class="am-toggle" id="am-bipolar-box" hidden
      title="Bipolar reading: who supports an attacker attacks too, and an attack on a claim
reaches what it supports (argmap evaluate --bipolar)"><input id="am-bipolar"
      type="checkbox"> Supports carry attacks</label>
    <button type="button" id="am-zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button>
    <button type="button" id="am-zoom-out" aria-label="Zoom out"
      title="Zoom out (&minus;)">&minus;</button>
    <button type="button" id="am-fit" aria-label="Fit the map to the window"
      title="Fit (0)">Fit</button>
    <button type="button" id="am-reset" hidden>Clear verdicts</button>
  </div>
  <nav id="am-trail" class="am-trail" aria-label="Where you are in the debate" hidden></nav>
  <ul id="am-results" class="am-results" aria-label="Search results" hidden></ul>
  <p id="am-status" class="am-status" aria-live="polite"></p>
</header>
<main class="am-main">
  <p id="am-help" class="am-visually-hidden">Drag or use the arrow keys to pan, + and &minus;
    to zoom, 0 to fit. Tab to a claim and press Enter to read it; / jumps to the search.</p>
  <div id="am-map" class="am-map" tabindex="0" role="region" aria-label="Debate map"
    aria-describedby="am-help">
{svg}  </div>
  <aside id="am-panel" class="am-panel" aria-label="Selected claim" aria-live="polite" hidden>
  </aside>
</main>
<noscript><p class="am-noscript">The map above is complete; searching, the claim panel and
the what-if need JavaScript.</p></noscript>
<script type="application/json" id="am-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
