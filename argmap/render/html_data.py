"""What the interactive HTML map knows about a debate, as one JSON-ready dict.

The page draws nothing itself: Graphviz's SVG is the map. This module gives the page's
script everything else a reader asks for (full texts, speakers, quotes with their sources,
critical questions, relations) and the debate's *argumentation framework template*, so the
page's what-if gives exactly ``argmap evaluate``'s grounded labels.

The template
------------
:func:`argmap.analysis.evaluation.map_debate` lets the room's verdicts act *before*
premises and supports pass attacks on, so the framework itself changes with every what-if.
The page therefore gets the pieces the mapping starts from, taken from ``map_debate``'s own
result so there is one definition of them: the arguments in framework order, the direct
attacks (origin ``relation``), what each argument and inference stands on, and the support
links (for ``bipolar``). ``map.js`` repeats only the last steps of the mapping (verdicts,
inheritance through premises and sources, the bipolar derivation) and then grounded
labelling; the browser tests compare its labels with ``argmap evaluate --format json``.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterable, Mapping

from argmap.analysis.evaluation import REVERSE, Inference, Via, map_debate
from argmap.analysis.graph import DebateIndex
from argmap.analysis.speakers import speaker_profiles
from argmap.analysis.tree import TreeShape
from argmap.analysis.weighing import DEFAULT_WEIGHT, Standard, bearings, issue_order
from argmap.io.schemes import scheme_catalogue
from argmap.model.debate import Argument, Debate, RelationKind, Statement
from argmap.model.inline import has_markup, joined, one_line
from argmap.model.schemes import Scheme

SAFE_SCHEMES = ("http", "https", "mailto")
"""Link schemes a source URL may use on the page; anything else (``javascript:``,
``data:``, ``file:``) is shown as plain text and never becomes a link."""

JsonDict = dict[str, object]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http, https or mailto link, else None."""
    if not url:
        return None
    try:
        scheme = urllib.parse.urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_SCHEMES else None


def page_data(
    debate: Debate,
    *,
    index: DebateIndex | None = None,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    show_labels: bool = False,
) -> JsonDict:
    """The page's data: the debate for reading, the framework template for the what-if.

    ``accept``/``reject`` are the what-if verdicts the page opens with (the room's, or
    export options).
    """
    index = index or DebateIndex(debate)
    tree = TreeShape(index)
    sides = index.sides
    catalogue = scheme_catalogue()
    claims: dict[str, JsonDict] = {}
    question = debate.question
    claims[question.id] = {
        "kind": "question",
        **_prose(title=question.title or question.text, text=question.text),
        "side": "pro",
        "depth": 0,
        "parent": None,
        "below": tree.descendants(question.id),
    }
    nodes: list[Statement | Argument] = [*debate.statements.values(), *debate.arguments.values()]
    for node in nodes:
        claims[node.id] = _claim(debate, node, catalogue) | {
            "side": sides.get(node.id, "neutral"),
            "depth": len(tree.path(node.id)) - 1,
            "parent": tree.parent(node.id),
            "below": tree.descendants(node.id),
        }
    profiles = {p.speaker.id: p for p in speaker_profiles(index)}
    return {
        "title": page_words(debate.title),
        "description": debate.description,
        "question": question.id,
        "claims": claims,
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "role": s.role,
                "affiliation": s.affiliation,
                "description": s.description,
                "side": profiles[s.id].side.value,
                "claims": list(profiles[s.id].claims),
                "concessions": list(profiles[s.id].concessions),
            }
            for s in debate.speakers.values()
        ],
        "sources": {
            s.id: {
                "title": s.title,
                "publisher": s.publisher,
                "author": s.author,
                "date": s.date.isoformat() if s.date else None,
                "url": safe_url(s.url),
                "shownUrl": s.url,
            }
            for s in debate.sources.values()
        },
        "relations": [
            {
                "id": r.id,
                "kind": r.kind.value,
                "source": r.source,
                "target": r.target,
                "note": r.note,
            }
            for r in debate.relations.values()
        ],
        "framework": framework_template(debate),
        "initial": {
            "accept": sorted(accept),
            "reject": sorted(reject),
            "showLabels": show_labels,
        },
    }


def _claim(debate: Debate, node: Statement | Argument, catalogue: dict[str, Scheme]) -> JsonDict:
    common: JsonDict = {
        "speakers": list(node.speakers),
        "concededBy": list(node.conceded_by),
        "tags": list(node.tags),
        "questions": list(node.questions),
    }
    if isinstance(node, Statement):
        return common | {
            "kind": "statement",
            **_prose(title=debate.label_of(node.id), text=node.text, notes=node.notes),
            "basis": node.basis.value if node.basis else None,
            "source": node.source,
            "quotes": [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "source": q.source or node.source or _only_source(debate),
                }
                for q in node.quotes
            ],
        }
    scheme = catalogue.get(node.scheme or "")
    return common | {
        "kind": "argument",
        **_prose(title=node.title, text=node.gist or node.title, notes=node.notes),
        "premises": list(node.premises),
        "scheme": scheme.name if scheme else node.scheme,
        "criticalQuestions": list(scheme.critical_questions) if scheme else [],
    }


def page_words(value: str) -> str:
    """A prose field's words as the page shows and searches them (its marks left out)."""
    return joined(one_line(value)) if has_markup(value) else value


def _prose(**fields: str | None) -> JsonDict:
    """Prose fields as the page shows them: the words without their inline Markdown marks,
    and, under ``styled``, the runs of any field with marks that style something (``[words,
    "b"|"i"|"c" flags, http/https/mailto address or null]``). The page builds those with
    ``textContent`` and ``<strong>``/``<em>``/``<code>``/``<a rel="noopener noreferrer">``
    elements, never from HTML; search and labels use the words."""
    out: JsonDict = {}
    styled: JsonDict = {}
    for name, value in fields.items():
        if value is None:
            out[name] = None
            continue
        parts = one_line(value) if has_markup(value) else ()
        out[name] = joined(parts) if parts else value
        if any(p.bold or p.italic or p.code or p.href for p in parts):
            styled[name] = [
                [p.text, "b" * p.bold + "i" * p.italic + "c" * p.code, p.href] for p in parts
            ]
    if styled:
        out["styled"] = styled
    return out


def _only_source(debate: Debate) -> str | None:
    """A quote may omit its source when the debate has just one."""
    return next(iter(debate.sources)) if len(debate.sources) == 1 else None


def framework_template(debate: Debate) -> JsonDict:
    """The pieces of :func:`map_debate` the page needs to redo it for any verdicts.

    Taken from ``map_debate``'s result without verdicts: its arguments, its direct attacks
    (which verdicts never add to, only filter), its inference arguments; premises and
    support carriers follow the mapping's definitions (module docstring of evaluation).
    """
    mapping = map_debate(debate)
    inferences = mapping.inferences
    direct = [
        [attacker, target]
        for (attacker, target), origin in mapping.origins.items()
        if origin.via is Via.RELATION
    ]
    stands_on = [[a.id, list(dict.fromkeys(a.premises))] for a in debate.arguments.values()]
    stands_on += [[i.id, [i.source]] for i in inferences.values()]
    supports = [
        [r.id if r.id in inferences else r.source, r.target]
        for r in debate.relations.values()
        if r.kind is RelationKind.SUPPORTS
    ]
    return {
        "arguments": list(mapping.framework.arguments),
        "direct": direct,
        "standsOn": stands_on,
        "supports": supports,
        "inferences": {
            i.id: {
                "relation": i.relation.id,
                "kind": i.relation.kind.value,
                "source": i.source,
                "target": i.target,
                "reverse": i.id.endswith(REVERSE),
            }
            for i in inferences.values()
        },
        "via": [v.value for v in Via],
        "weighing": weighing_template(debate, inferences),
    }


def weighing_template(debate: Debate, inferences: Mapping[str, Inference]) -> JsonDict:
    """What the page needs to decide at-issue claims as :class:`Weighing` does, no audience.

    The claims that may be at issue (the question and those marked ``at-issue``) in
    :func:`issue_order`, and each one's bearings with the weight of the reason giving it.
    Neither depends on the room's verdicts, which only drop claims from the list (an
    accepted or rejected one is not weighed); filtering keeps the order, and a claim's
    bearings do not depend on which others are at issue.  ``map.js`` does the rest.
    """
    marked = [
        node.id
        for nodes in (debate.statements, debate.arguments)
        for node in nodes.values()
        if node.at_issue
    ]
    order = issue_order(debate, [debate.question.id, *marked])
    links = {i.id: (i.relation.id, i.source) for i in inferences.values()}
    weights = {
        node.id: node.weight
        for nodes in (debate.statements, debate.arguments)
        for node in nodes.values()
    }
    return {
        "standard": Standard.PREPONDERANCE.value,
        "defaultWeight": DEFAULT_WEIGHT,
        "issues": list(order),
        "bearings": {
            node: [[b.node, b.carrier, b.pro, weights.get(b.node)] for b in found]
            for node, found in bearings(debate, links, set(order)).items()
        },
    }
