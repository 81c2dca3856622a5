"""A debate as Graphviz DOT: boxes for claims, styled arrows for relations.

Reading a map: the question sits at the top (``direction="TB"``) and reasons grow away from
it; every arrow points from a reason to what it bears on. Graphviz ranks the head of an edge
after its tail, so for ``TB`` the graph is laid out bottom-to-top (``rankdir=BT``) and the
arrows need no reversing.

Each box gets the exact size its label block needs in the shipped font (``fixedsize``), as
measured by ``argmap.render.labels``; the SVG writer (``argmap.render.svg``) then writes the
text itself. The title block and legend are not in the DOT: they are drawn around the
layout, so they never widen the map.

The DOT is a pure function of the debate and the options: nodes and edges follow the order
the debate was written in, attributes are sorted, and nothing depends on hashing, the clock or
the machine, so the same file gives byte-identical DOT everywhere.
"""

from __future__ import annotations

import re
import urllib.parse
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

import graphviz

from argmap.analysis.graph import DebateIndex
from argmap.io.schemes import scheme_catalogue
from argmap.model.debate import Argument, Debate, Relation, RelationKind, Side, Statement
from argmap.model.inline import plain
from argmap.render.fonts import FAMILY
from argmap.render.labels import Block, Style, block
from argmap.render.options import MapOptions
from argmap.render.select import View, select_view
from argmap.render.text import (
    centred_lines,
    clean,
    css_class,
    literal,
    quoted_name,
    statement,
    tooltip,
)
from argmap.render.theme import RELATION_STYLE, SIDE_STYLE, THEMES, Theme

RANKDIR = {"TB": "BT", "BT": "TB", "LR": "RL", "RL": "LR"}
"""Where the question sits → Graphviz's rank direction (edges run from reason to target)."""

EVALUATION_TAG = {"in": "✓ IN (accepted)", "out": "\u00d7 OUT (defeated)", "undec": "? UNDECIDED"}

QUESTION_TITLE = Style(17.0, bold=True, role="title")
TITLE = Style(12.0, bold=True, role="title")
GROUP_TITLE = Style(12.0, bold=True, role="title")
"""A group's title, above its box's claims (``argmap.render.svg`` draws it)."""
TEXT = Style(10.5)
META = Style(9.0, role="meta")
SEE = Style(9.5, role="text")
BADGE = Style(9.0, bold=True, role="badge")
_QUESTION_WIDTH = 300.0
_TITLE_WIDTH = 140.0
_META_WIDTH = 200.0
"""Wrap widths in pt: a claim box stays narrow enough to sit beside its siblings."""
_SHORT_NAME = 22
"""A speaker's name is shown on a box when at most this long, else their id (the speakers
key under the map gives every full name and affiliation once)."""
_POINTS_PER_INCH = 72.0

SEE_COPIES_FROM = 12
"""Maps with fewer claims draw a reused claim's every arrow: none of them can be long."""
QUICK_LAYOUT_FROM = 300
_QUICK_LAYOUT = {"mclimit": "0.1", "nslimit": "1", "nslimit1": "1", "searchsize": "10"}
"""Above this many claims ``dot`` spends less effort on crossing reduction and network
simplex: a 2,000-claim map lays out in a third of the time, and no one reads its crossings."""

_STAGGER_FROM = 3
_THREE_ROWS_FROM = 5
"""A claim with 3 or 4 reasons gets them in two staggered rows, with 5 or more in three."""

_PLAIN_NAME = re.compile(r"[A-Za-z0-9_.-]+")
_SAFE_NAME = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"


def node_name(node_id: str) -> str:
    """The DOT name of a node: its id, percent-encoded outside ``[A-Za-z0-9_.-]``.

    Ids may hold any non-space character, but the ``graphviz`` package reads ``:`` in an edge
    end as a port and passes ``<...>`` through as HTML. Encoding is injective and leaves the
    usual ids alone; the real id goes into the SVG ``id`` attribute. Helper nodes (junctions,
    the legend) have a space in their names, which no encoded id contains.
    """
    if _PLAIN_NAME.fullmatch(node_id):
        return node_id
    return urllib.parse.quote(node_id, safe=_SAFE_NAME)


@dataclass
class Drawing:
    """What a map is made of before layout: the DOT, and what the SVG writer adds to it.

    ``blocks`` holds each box's lines by the box's SVG id, ``sides`` each claim's side (for
    the symbol on its corner), ``used`` what the legend must explain, ``speakers`` who the
    speakers key must name, in the debate's order, ``groups`` each group box's title by its
    SVG id.
    """

    dot: str
    blocks: dict[str, Block] = field(default_factory=dict)
    sides: dict[str, Side] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    speakers: list[str] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)


def build_dot(debate: Debate, options: MapOptions = MapOptions()) -> str:  # noqa: B008
    """The DOT source of the map ``options`` describe; raises RenderError for unknown ids."""
    index = DebateIndex(debate)
    return dot_for_view(debate, select_view(debate, options, index), options, index)


def dot_for_view(
    debate: Debate, view: View, options: MapOptions, index: DebateIndex | None = None
) -> str:
    """DOT for a view already selected (see :func:`argmap.render.select.select_view`)."""
    return drawing_for_view(debate, view, options, index).dot


def drawing_for_view(
    debate: Debate,
    view: View,
    options: MapOptions,
    index: DebateIndex | None = None,
    *,
    compact: bool = False,
) -> Drawing:
    """The DOT and label blocks for a view already selected; ``compact`` packs boxes closer
    (a slide, where every point of height is type size)."""
    drawing = _MapBuilder(debate, view, options, index or DebateIndex(debate)).drawing()
    if compact:
        drawing.dot = drawing.dot.replace("nodesep=0.2", "nodesep=0.05", 1).replace(
            "ranksep=0.4", "ranksep=0.3", 1
        )
    return drawing


def svg_id(node_id: str) -> str:
    """The ``id`` attribute Graphviz writes for a node (``literal`` drops control characters)."""
    return (
        node_id
        if node_id.isprintable()
        else "".join(c if c.isprintable() else " " for c in node_id)
    )


def short_name(debate: Debate, speaker_id: str) -> str:
    """How boxes name a speaker: the name, or the id when the name is too long for a box."""
    name = debate.speakers[speaker_id].name
    return name if len(name) <= _SHORT_NAME else speaker_id


def _inches(points: float) -> str:
    return f"{points / _POINTS_PER_INCH + 0.00005:.4f}"


class _MapBuilder:
    def __init__(self, debate: Debate, view: View, options: MapOptions, index: DebateIndex):
        self.debate = debate
        self.view = view
        self.options = options
        self.index = index
        self.theme: Theme = THEMES[options.theme]
        self.sides = index.sides
        self.labels = dict(options.labels or {})
        self.tree_links = _tree_links(debate, index)
        self.parents = _tree_parents(debate, self.tree_links)
        self.minlen = _staggered_reasons(view, index, self.tree_links)
        self.result = Drawing("")
        self.used = self.result.used
        """What the map contains, so the legend explains exactly that."""
        self._speakers: set[str] = set()

    # -- the graph ------------------------------------------------------------------------

    def drawing(self) -> Drawing:
        theme = self.theme
        graph = graphviz.Digraph(
            name="argmap",
            graph_attr={
                "rankdir": RANKDIR[self.options.direction],
                "bgcolor": "transparent",
                "fontname": FAMILY,
                "fontcolor": theme.text,
                "newrank": "true",
                "nodesep": "0.2",
                "ranksep": "0.4",
                "pad": "0.1",
                "outputorder": "edgesfirst",
                "class": css_class("argmap", "theme", theme.name),
            },
            node_attr={
                "shape": "box",
                "style": "filled",
                "fontname": FAMILY,
                "fontsize": "11",
                "fontcolor": theme.text,
                "fixedsize": "true",
                "penwidth": "1.4",
            },
            edge_attr={"fontname": FAMILY, "fontsize": "9", "penwidth": "1.4", "arrowsize": "0.8"},
        )
        if self.view.claim_count > QUICK_LAYOUT_FROM:
            graph.graph_attr.update(_QUICK_LAYOUT)
        if self.view.has_question:
            graph.graph_attr["root"] = node_name(self.debate.question.id)  # twopi's centre
            self._question(graph)
        self._claims(graph)
        for relation in self._pros_first():
            self._relation(graph, relation)
        for argument in self.debate.arguments.values():
            self._premises(graph, argument)
        self.result.dot = str(graph.source)
        self.result.speakers = [s for s in self.debate.speakers if s in self._speakers]
        return self.result

    def _pros_first(self) -> list[Relation]:
        """Relations with every claim's pro reasons before its con reasons; with
        ``ordering=in`` on each claim, pros sit on its left and cons on its right."""
        order = {Side.PRO: 0, Side.NEUTRAL: 1, Side.CON: 2}
        return sorted(
            self.debate.relations.values(),
            key=lambda r: order[self.sides.get(r.source, Side.NEUTRAL)],
        )

    def _sized(self, node_id: str, lines: Block) -> dict[str, str]:
        """Size attributes for a box holding ``lines``; remembers the block for the SVG."""
        self.result.blocks[svg_id(node_id)] = lines
        return {
            "label": centred_lines(lines.plain),
            "width": _inches(lines.width),
            "height": _inches(lines.height),
        }

    def _question(self, graph: graphviz.Digraph) -> None:
        question = self.debate.question
        label = self.labels.get(question.id)
        # Beside its reasons (LR, RL) the question is a narrower column, as they are.
        width = _QUESTION_WIDTH if self.options.direction in ("TB", "BT") else _TITLE_WIDTH + 40
        parts = [(question.title or question.text, QUESTION_TITLE, width)]
        if label is not None:
            parts.append((EVALUATION_TAG[label], META, width))
        lines = block(parts)
        lines = Block(
            lines.lines, lines.width + 12, lines.height + 8, lines.pad_x + 6, lines.pad_y + 4
        )
        graph.body.append(
            statement(
                quoted_name(node_name(question.id)),
                {
                    **self._sized(question.id, lines),
                    "id": literal(question.id),
                    "tooltip": tooltip([plain(question.text)]),
                    "shape": "box",
                    "style": "rounded,filled,bold",
                    "ordering": "in",
                    "penwidth": "2.5",
                    "color": self.theme.line,
                    "fillcolor": self.theme.question_fill,
                    "class": " ".join(
                        ["question", *([css_class("label", label)] if label else [])]
                    ),
                },
            )
        )

    def _claims(self, graph: graphviz.Digraph) -> None:
        claims = [n for n in self.view.shown if n != self.debate.question.id]
        if self.options.group_by == "section" and self.debate.groups:
            self._sections(graph, claims)
            return
        if self.options.group_by != "speaker":
            for claim in claims:
                self._claim(graph, claim)
            return
        by_speaker: dict[str | None, list[str]] = {}
        for claim in claims:
            speakers = self._node(claim).speakers
            by_speaker.setdefault(speakers[0] if speakers else None, []).append(claim)
        for claim in by_speaker.pop(None, []):
            self._claim(graph, claim)
        for number, speaker_id in enumerate(self.debate.speakers):
            if speaker_id not in by_speaker:
                continue
            speaker = self.debate.speakers[speaker_id]
            name = f"cluster_{number}"
            with graph.subgraph(name=name) as cluster:
                cluster.attr(
                    label=centred_lines([speaker.name]),
                    id=literal(f"speaker-{speaker_id}"),
                    style="rounded,dashed",
                    color=self.theme.context_line,
                    labelloc="b" if self.options.direction == "TB" else "t",  # top, as drawn
                    fontname=FAMILY,
                    fontsize="12",
                    **{"class": css_class("speaker", speaker_id)},
                )
                self._speakers.add(speaker_id)
                for claim in by_speaker[speaker_id]:
                    self._claim(cluster, claim)

    def _sections(self, graph: graphviz.Digraph, claims: list[str]) -> None:
        """One box per group around its claims, nested as the groups are (Argdown's map)."""
        groups = self.debate.groups
        members: dict[str | None, list[str]] = {}
        for claim in claims:
            named = self._node(claim).group
            members.setdefault(named if named in groups else None, []).append(claim)
        inside: dict[str | None, list[str]] = {}
        shown: set[str] = set()
        for member_of in members:
            while member_of is not None and member_of not in shown:
                shown.add(member_of)
                member_of = groups[member_of].parent
        for group_id, group in groups.items():
            if group_id in shown:
                inside.setdefault(group.parent, []).append(group_id)
        for claim in members.get(None, []):
            self._claim(graph, claim)
        number = iter(range(len(groups)))

        def draw(parent: graphviz.Digraph, group_id: str, depth: int) -> None:
            group = groups[group_id]
            title = clean(plain(group.title))  # a heading's words, not its Markdown marks
            self.result.groups[f"group-{group_id}"] = title
            with parent.subgraph(name=f"cluster_group_{next(number)}") as cluster:
                cluster.attr(
                    label=centred_lines([title]),
                    id=literal(f"group-{group_id}"),
                    style="rounded,filled",
                    color=self.theme.context_line,
                    fillcolor=self.theme.group_fill[depth % len(self.theme.group_fill)],
                    penwidth="1",
                    labelloc="b" if self.options.direction == "TB" else "t",  # top, as drawn
                    labeljust="l",
                    fontname=FAMILY,
                    fontsize=f"{GROUP_TITLE.size:g}",
                    margin="10",
                    **{"class": " ".join(["group", css_class("group", group_id)])},
                )
                for claim in members.get(group_id, []):
                    self._claim(cluster, claim)
                for child in inside.get(group_id, []):
                    draw(cluster, child, depth + 1)

        for top in inside.get(None, []):
            draw(graph, top, 0)
        if shown:
            self.used.add("group")

    def _node(self, node_id: str) -> Statement | Argument:
        node = self.debate.claim(node_id)
        assert node is not None, node_id  # only drawn claims are asked for
        return node

    def _claim(self, graph: graphviz.Digraph, node_id: str) -> None:
        node = self._node(node_id)
        side = self.sides.get(node_id, Side.NEUTRAL)
        is_argument = isinstance(node, Argument)
        conceded = bool(node.conceded_by)
        context = node_id in self.view.context
        label = self.labels.get(node_id)
        theme = self.theme
        styles = ["filled", SIDE_STYLE[side]]
        if is_argument:
            styles.insert(0, "rounded")
        elif label == "out":
            styles.append("diagonals")
        attrs = {
            **self._sized(node_id, self._label(node, label)),
            "id": literal(node_id),
            "class": " ".join(self._classes(node, side, label, context)),
            "tooltip": tooltip(self._tooltip(node)),
            "style": ",".join(styles),
            "color": theme.context_line if context else theme.side_line[side],
            "fillcolor": theme.context_fill if context else theme.side_fill[side],
        }
        if context:
            attrs["fontcolor"] = theme.context_text
        if conceded:
            attrs["peripheries"] = "2"
        if label == "in" or node_id == self.view.focus:
            attrs["penwidth"] = "3"
        url = self._url(node)
        if url:
            attrs.update(URL=literal(url), target="_blank")
        graph.body.append(statement(quoted_name(node_name(node_id)), attrs))
        self.result.sides[svg_id(node_id)] = side
        self.used.add(f"side:{side}")
        self.used.update(
            key
            for key, present in (
                ("argument", is_argument),
                ("conceded", conceded),
                ("context", context),
            )
            if present
        )

    def _label(self, node: Statement | Argument, label: str | None) -> Block:
        """Bold title, the text when the view shows it, one small grey line of who and how."""
        title = self.debate.label_of(node.id)
        parts = [(EVALUATION_TAG[label], BADGE, _META_WIDTH)] if label is not None else []
        parts.append((title, TITLE, _TITLE_WIDTH))
        text = self.debate.text_of(node.id)
        if self.options.show_text and text != title:
            parts.append((text, TEXT, _META_WIDTH))
        meta = self._meta(node)
        if meta:
            parts.append((meta, META, _META_WIDTH))
        below = self.view.below.get(node.id)
        if below is not None:
            parts.append((below.badge(), BADGE, _META_WIDTH))
            self.used.add("below")
        return block(parts)

    def _meta(self, node: Statement | Argument) -> str:
        """``Andrei Lankov · expert opinion · conceded by Go``: who, on what basis."""
        parts: list[str] = []
        speakers = list(node.speakers)
        if isinstance(node, Argument):
            # Premises that already say who argues it make the argument's own line redundant.
            carried = {s for p in node.premises if p in self.view for s in self._node(p).speakers}
            speakers = [s for s in speakers if s not in carried]
        parts += [self._short_name(s) for s in speakers]
        if isinstance(node, Argument):
            scheme = scheme_catalogue().get(node.scheme or "")
            if scheme is not None:
                parts.append(scheme.name.removeprefix("Argument from ").lower())
        elif node.basis is not None:
            parts.append(node.basis.value.replace("-", " "))
        if node.conceded_by:
            parts.append("conceded by " + ", ".join(map(self._short_name, node.conceded_by)))
        return " · ".join(parts)

    def _short_name(self, speaker_id: str) -> str:
        self._speakers.add(speaker_id)
        return short_name(self.debate, speaker_id)

    def _classes(
        self, node: Statement | Argument, side: Side, label: str | None, context: bool
    ) -> Iterator[str]:
        yield "claim"
        yield "argument" if isinstance(node, Argument) else "statement"
        yield side.value
        for speaker in node.speakers:
            yield css_class("speaker", speaker)
        for speaker in node.conceded_by:
            yield css_class("conceded-by", speaker)
        if isinstance(node, Statement) and node.basis is not None:
            yield css_class("basis", node.basis.value)
        if node.conceded_by:
            yield "conceded"
        if label is not None:
            yield css_class("label", label)
        if context:
            yield "context"
        if node.id == self.view.focus:
            yield "focus"

    def _tooltip(self, node: Statement | Argument) -> list[str]:
        paragraphs = [plain(self.debate.text_of(node.id))]
        if isinstance(node, Argument) and node.gist and node.title != node.gist:
            paragraphs.insert(0, plain(node.title))
        if isinstance(node, Statement):
            for quote in node.quotes:
                who = self.debate.speakers[quote.speaker].name if quote.speaker else None
                source = (
                    self._source_title(quote.source or node.source)
                    if len(self.debate.sources) > 1
                    else None
                )
                attribution = ", ".join(filter(None, [who, source]))
                paragraphs.append(f"“{quote.text}”" + (f" — {attribution}" if attribution else ""))
        return paragraphs

    def _source_title(self, source_id: str | None) -> str | None:
        """The quote's source, named only when the debate has several to tell apart."""
        return self.debate.sources[source_id].title if source_id is not None else None

    def _url(self, node: Statement | Argument) -> str | None:
        """The source's URL, only for web links: a file can't make the SVG run a script."""
        if not isinstance(node, Statement) or node.source is None:
            return None
        url = self.debate.sources[node.source].url
        if url and urllib.parse.urlsplit(url).scheme.lower() in ("http", "https"):
            return url
        return None

    # -- edges ---------------------------------------------------------------------------

    def _relation(self, graph: graphviz.Digraph, relation: Relation) -> None:
        if relation.kind is RelationKind.UNDERCUTS and relation.target in self.debate.relations:
            return  # drawn with the relation it undercuts, onto its junction
        if relation.source not in self.view or relation.target not in self.view:
            return
        undercuts = [u for u in self.index.undercutters(relation.id) if u.source in self.view]
        attrs = self._relation_attrs(relation)
        tail, head = node_name(relation.source), node_name(relation.target)
        if not undercuts and self._far(relation):
            tail = self._see_copy(graph, relation)
            attrs = {k: v for k, v in attrs.items() if k not in ("constraint", "weight")}
        if not undercuts:
            _edge(graph, tail, head, attrs)
            return
        # Split the arrow at a junction point, where the undercutting arrows land.
        junction = f"junction {node_name(relation.id)}"
        graph.body.append(
            statement(
                quoted_name(junction),
                {
                    "shape": "point",
                    "width": "0.09",
                    "label": "",
                    "color": self.theme.relation[relation.kind],
                    "id": literal(f"junction-{relation.id}"),
                    "class": "junction",
                    "tooltip": tooltip([f"the link {relation.source} → {relation.target}"]),
                },
            )
        )
        first = dict(attrs, arrowhead="none", id=literal(f"{relation.id}-first-half"))
        first.pop("label", None)  # an inference's label goes once, by the arrowhead
        _edge(graph, tail, junction, first)
        _edge(graph, junction, head, attrs)
        for undercut in undercuts:
            _edge(graph, node_name(undercut.source), junction, self._relation_attrs(undercut))

    def _far(self, relation: Relation) -> bool:
        """Whether a cross-link joins two different top-level lines of argument (or reaches
        back to the question): drawn whole it would be a long arrow across the map."""
        if relation.kind not in (RelationKind.SUPPORTS, RelationKind.ATTACKS):
            return False
        if relation.id in self.tree_links or relation.target in self.debate.relations:
            return False
        if self.view.claim_count < SEE_COPIES_FROM:
            return False  # on a small map every arrow is short
        return self._branch(relation.source) != self._branch(relation.target)

    def _branch(self, node: str) -> str:
        """The top-level line of argument a node hangs in (its ancestor next to the question)."""
        question = self.debate.question.id
        seen = {node}
        while self.parents.get(node, question) != question:
            node = self.parents[node]
            if node in seen:
                break
            seen.add(node)
        return node

    def _see_copy(self, graph: graphviz.Digraph, relation: Relation) -> str:
        """A small linked copy of a reused claim, beside the claim it also bears on."""
        source = relation.source
        name = f"see {node_name(relation.id)}"
        copy_id = f"see-{relation.id}"
        lines = block([(f"see: {self.debate.label_of(source)}", SEE, _TITLE_WIDTH)])
        side = self.sides.get(source, Side.NEUTRAL)
        graph.body.append(
            statement(
                quoted_name(name),
                {
                    **self._sized(copy_id, lines),
                    "id": literal(copy_id),
                    "class": f"see-copy {side.value}",
                    "tooltip": tooltip([plain(self.debate.text_of(source))]),
                    "style": "filled,dotted,rounded",
                    "color": self.theme.side_line[side],
                    "fillcolor": self.theme.background,
                    "URL": literal(f"#{svg_id(source)}"),
                },
            )
        )
        self.result.sides[copy_id] = side
        self.used.add("see-copy")
        return name

    def _relation_attrs(self, relation: Relation) -> dict[str, str]:
        kind = relation.kind
        style, arrowhead = RELATION_STYLE[kind]
        colour = self.theme.relation[kind]
        attrs = {
            "id": literal(relation.id),
            "class": f"relation {kind.value}",
            "color": colour,
            "style": style,
            "arrowhead": arrowhead,
            "tooltip": tooltip(
                [
                    f"{plain(self.debate.label_of(relation.source))} — {kind.value} → "
                    f"{self._target_label(relation.target)}",
                    relation.note or "",
                ]
            ),
        }
        if kind is RelationKind.UNDERCUTS:
            attrs["penwidth"] = "2"
        inference = self.labels.get(relation.id)
        if inference is not None:  # the link itself was evaluated (it is undercut)
            attrs.update(label=EVALUATION_TAG[inference], fontcolor=self.theme.text)
        if kind is RelationKind.CONTRADICTS:
            attrs.update(
                color=f"{colour}:{colour}", dir="both", arrowtail=arrowhead, constraint="false"
            )
        elif relation.id not in self.tree_links:
            # A cross-link: drawn, but it must not pull its ends out of their own branches.
            attrs.update(constraint="false", weight="0")
        elif relation.id in self.minlen:
            attrs["minlen"] = str(self.minlen[relation.id])
        self.used.add(f"relation:{kind.value}")
        return attrs

    def _target_label(self, target: str) -> str:
        relation = self.debate.relations.get(target)
        if relation is None:
            return plain(self.debate.label_of(target))
        return f"the link {relation.source} → {relation.target}"

    def _premises(self, graph: graphviz.Digraph, argument: Argument) -> None:
        if argument.id not in self.view:
            return
        for premise in argument.premises:
            if premise not in self.view:
                continue
            _edge(
                graph,
                node_name(premise),
                node_name(argument.id),
                {
                    "id": literal(f"premise-{premise}-{argument.id}"),
                    "class": "premise",
                    "arrowhead": "none",
                    "color": self.theme.premise,
                    "penwidth": "2.2",
                    "samehead": "premises",
                    "weight": "3",
                    "tooltip": tooltip([f"{premise} is a premise of {argument.id}"]),
                },
            )
            self.used.add("premise")


def _edge(graph: graphviz.Digraph, tail: str, head: str, attrs: dict[str, str]) -> None:
    graph.body.append(statement(f"{quoted_name(tail)} -> {quoted_name(head)}", attrs))


def _tree_links(debate: Debate, index: DebateIndex) -> set[str]:
    """Relation ids on a breadth-first tree from the question: the ones that rank the map.

    Every other relation is a cross-link and is drawn with ``constraint=false`` and no
    weight, so a claim stays under the claim nearest the question that it bears on, instead
    of every cross-link dragging claims across the map. (Hanging a claim under its deepest
    parent instead was tried on the seed debate: the map came out wider, with as many long
    arrows.)
    """
    question = debate.question.id
    seen = {question}
    links: set[str] = set()
    queue = deque([question])

    def reach(node: str, link: str | None) -> None:
        if node not in seen:
            seen.add(node)
            queue.append(node)
            if link is not None:
                links.add(link)

    while queue:
        node = queue.popleft()
        for relation in index.incoming.get(node, ()):
            if relation.kind is not RelationKind.CONTRADICTS:
                reach(relation.source, relation.id)
        for relation in index.outgoing.get(node, ()):
            for undercut in index.undercutters(relation.id):
                reach(undercut.source, undercut.id)
        argument = debate.arguments.get(node)
        for premise in argument.premises if argument else ():
            reach(premise, None)
    return links


def _tree_parents(debate: Debate, tree_links: set[str]) -> dict[str, str]:
    """Each node's parent on the tree :func:`_tree_links` ranks the map by."""
    parents: dict[str, str] = {}
    for relation_id in tree_links:
        relation = debate.relations[relation_id]
        target = debate.relations.get(relation.target)
        parents[relation.source] = target.target if target is not None else relation.target
    for argument in debate.arguments.values():
        for premise in argument.premises:
            parents.setdefault(premise, argument.id)
    return parents


def _staggered_reasons(view: View, index: DebateIndex, tree_links: set[str]) -> dict[str, int]:
    """``minlen`` for the links of claims with many reasons, so the reasons form two or three
    staggered rows instead of one row that makes the map many times wider than tall (what
    Graphviz's ``unflatten -f -l 3`` does). Premises are never staggered: they stay side by side.
    """
    minlen: dict[str, int] = {}
    for node in view.shown:
        links = [
            r.id for r in index.incoming.get(node, ()) if r.id in tree_links and r.source in view
        ]
        if len(links) < _STAGGER_FROM:
            continue
        rows = 2 if len(links) < _THREE_ROWS_FROM else 3
        for position, relation_id in enumerate(links):
            minlen[relation_id] = 1 + position % rows
    return minlen
