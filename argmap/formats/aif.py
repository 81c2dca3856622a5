"""AIF JSON, the Argument Interchange Format as AIFdb and OVA save it.

An AIF map is a graph of nodes joined by edges. I-nodes are propositions; scheme nodes say
how they relate: RA (inference), CA (conflict), MA (rephrase). L-nodes are what someone said
(``Lisa Nandy : I got worried``), tied to the proposition they express by a YA node
(illocution: asserting, conceding, questioning…) and to each other by TA nodes (dialogue
transitions). argmap reads:

* I-nodes as statements, keeping their node ids.
* An RA node with one premise as a ``supports`` relation. With several premises it is a linked
  argument: an argmap argument (id = the RA node's id) whose premises support the conclusion
  only together. Several RA nodes into one conclusion are convergent reasons.
* A CA node as ``attacks`` (``contradicts`` when its scheme says contradiction); a CA node aimed
  at another scheme node is an ``undercuts`` of that inference.
* An MA node (A rephrases B) as ``A supports B`` with the note ``rephrases``: argmap has no
  rephrase relation, and a restatement counts as agreement while keeping both wordings and
  the link between them. The writer turns such a relation back into an MA node.
* L-nodes through YA nodes as speakers: an asserting locution makes its speaker one of the
  statement's speakers, a conceding one a concession, and the words themselves, when they
  differ from the proposition, a quote. ``YA: Quoting`` marks a quote only. Locutions that
  reach no proposition, and TA nodes, are dialogue structure argmap does not model: they
  are counted in a warning.

AIF has no central question and no title, and cannot tell a one-premise argument from a plain
support: the writer records these three in a small ``"argmap"`` object beside the nodes
(``{"question": id, "title": …, "arguments": [ids]}``); a file without it gets the first
proposition that bears on nothing as its question, with a warning. The OVA save wrapper
``{"AIF": …, "OVA": …, "text": …}`` is read too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.formats.draft import ID, Draft, LineIndex, Position, slug
from argmap.formats.written import (
    WEIGHING_KINDS,
    Written,
    count_fields,
    describe,
    repeated_pairs,
)
from argmap.io.loaded import LoadedDebate, collector_paused
from argmap.io.schemes import scheme_catalogue
from argmap.io.untrusted import guarded
from argmap.io.yamlsource import read_text
from argmap.model.debate import Debate, Question, Quote, Relation, RelationKind, Speaker

REPHRASE_NOTE = "rephrases"
"""The note on a ``supports`` relation that stands for an AIF MA (rephrase) node."""

DEFAULT_INFERENCE = "Default Inference"
DEFAULT_CONFLICT = "Default Conflict"
CONTRADICTION = "Default Contradiction"
_GENERIC = {"", "ra", "ca", "ma", "default inference", "default conflict", "default rephrase"}
"""Scheme node texts that name no particular scheme."""
_SPEAKER_SEPARATOR = " : "
_SAID = re.compile(r"\s*([^:\n]{1,120}?)\s*:\s*(\S.*)", re.DOTALL)
"""``Name : words`` (AIFdb) or ``Name: words`` (OVA 3, QT30): the name before the first colon."""
_NAMED = re.compile(r"[ \t]*:[ \t]*")
_MAX_DIGITS = 4000
"""Longer JSON numbers stay text: Python refuses to convert over 4,300 digits to an int."""
_SCHEME_NODES = ("RA", "CA", "MA")


def read_aif(path: Path) -> LoadedDebate:
    """Read an AIF JSON file (AIFdb or OVA); DebateLoadError with a location if it is broken."""
    return parse_aif(read_text(path), str(path))


def parse_aif(text: str, name: str = "<aif>") -> LoadedDebate:
    """Parse AIF JSON text; ``name`` labels diagnostics."""
    with collector_paused(), guarded(text, name):
        return _Reader(text, name).read()


def write_aif(debate: Debate) -> Written:
    """The debate as AIF JSON, with what AIF could not hold."""
    return _Writer(debate).write()


# -- reading -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    node_id: str
    kind: str
    text: str
    scheme: str
    at: Position = (1, 1)
    into: list[str] = field(default_factory=list)  # ids of nodes with an edge to this one
    out: list[str] = field(default_factory=list)


_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]*)')


class _Reader:
    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.draft = Draft(name, report_duplicates=True)
        self.name = name
        self.where = LineIndex(text)
        self.nodes: dict[str, _Node] = {}
        self.became: dict[str, str] = {}  # scheme node id → relation or argument id
        self.catalogue = {s.name.casefold(): k for k, s in scheme_catalogue().items()}
        self.linked: set[str] = set()  # scheme nodes the writer marked as argmap arguments
        self.by_name: dict[str, Speaker] = {}  # speakers named in L-nodes without participants
        self.duplicates: list[tuple[str, bool]] = []  # (node id, same contents as the first)
        self.invalid: list[str] = []  # node ids argmap cannot use
        self.offsets: dict[str, int] = {}  # node id → where its "nodeID" is in the text
        self.roster: dict[str, Speaker] = {}  # participant id → speaker, said something or not
        self.keep: set[str] = set()  # participants argmap's writer listed as speakers all the same

    def read(self) -> LoadedDebate:
        data = self._json()
        draft = self.draft
        extension: dict[str, Any] = data["argmap"] if isinstance(data.get("argmap"), dict) else {}
        if isinstance(data.get("AIF"), dict):  # OVA's save file wraps the AIF map
            if data.get("text"):
                draft.warn(None, "the text OVA analysed is not imported; only its map is")
            data = data["AIF"]
        if not isinstance(data.get("nodes"), list):
            raise draft.fail(
                (1, 1),
                "this is not AIF JSON: there is no `nodes` list",
                'argmap reads AIF as AIFdb and OVA save it: {"nodes": […], "edges": […]}',
            )
        marked = extension.get("arguments")
        kept = extension.get("speakers")
        self.keep = {str(k) for k in kept} if isinstance(kept, list) else set()
        self.linked = {str(a) for a in marked} if isinstance(marked, list) else set()
        self._nodes(data["nodes"])
        self._edges(data.get("edges"))
        speakers = self._participants(_listed(draft, data, "participants"), data)
        for node in self.nodes.values():
            if node.kind == "I":
                self._statement(node)
        for node in self._scheme_nodes(undercuts=False):
            self._scheme(node)
        self._undercuts(list(self._scheme_nodes(undercuts=True)))
        self._locutions(speakers)
        self._isolated()
        title = extension.get("title")
        draft.title = title if isinstance(title, str) and title.strip() else Path(self.name).stem
        self._question(extension.get("question"))
        return draft.finish()

    def _json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.text, parse_int=_number)
        except json.JSONDecodeError as error:
            # A string never closed runs to the end of the file too.
            cut = error.pos >= len(self.text.rstrip()) or error.msg.startswith("Unterminated")
            raise self.draft.fail(
                (error.lineno, error.colno),
                f"not valid JSON: {error.msg}",
                "the file ends in the middle of the JSON: was it cut short?"
                if cut
                else "AIF files are JSON, as AIFdb and OVA save them",
            ) from None
        except RecursionError:
            raise self.draft.fail((1, 1), "the JSON is nested too deeply to read") from None
        if not isinstance(data, dict):
            raise self.draft.fail(
                (1, 1), 'this is not AIF JSON: it should be one object {"nodes": […], "edges": […]}'
            )
        return data

    def _nodes(self, items: list[Any]) -> None:
        nodes = self.nodes
        for index, item in enumerate(items):
            node_id = item.get("nodeID") if isinstance(item, dict) else None
            if not isinstance(node_id, str | int) or isinstance(node_id, bool):
                self.draft.warn(None, f"node {index + 1} has no `nodeID`; ignored")
                continue
            node_id = str(node_id)
            kind = str(item.get("type", ""))
            text = item.get("text")
            text = text if isinstance(text, str) else ""  # the model trims it
            if node_id in nodes:
                first = nodes[node_id]
                same = (first.kind, first.text) == (kind, text)
                self.duplicates.append((node_id, same))
                continue
            if not (node_id.isalnum() or ID.fullmatch(node_id)):
                self.invalid.append(node_id)
                continue
            nodes[node_id] = _Node(node_id, kind, text, str(item.get("scheme") or ""))
        self._locate()

    def _locate(self) -> None:
        """Where nodes were written (the first ``"nodeID": …`` naming them), for the nodes
        that become part of the debate or are reported; locutions only when reported."""
        wanted = {n.node_id for n in self.nodes.values() if n.kind in ("I", *_SCHEME_NODES)}
        wanted |= {*self.invalid, *(d for d, _ in self.duplicates)}
        offsets: dict[str, int] = {}
        for match in _NODE_ID.finditer(self.text):
            offsets.setdefault(match.group(1), match.start())
        self.offsets = offsets
        for node_id in wanted:
            node = self.nodes.get(node_id)
            if node is not None and node_id in offsets:
                node.at = self.where.at(offsets[node_id])
        for node_id, same in self.duplicates:
            self.draft.warn(
                self._where(node_id),
                f"node `{node_id}` appears twice"
                + ("" if same else " with different contents")
                + "; argmap keeps the first",
            )
        for node_id in self.invalid:
            self.draft.warn(
                self._where(node_id), f"node id `{node_id}` has spaces or is too long; ignored"
            )

    def _where(self, node_id: str) -> Position | None:
        offset = self.offsets.get(node_id)
        return None if offset is None else self.where.at(offset)

    def _edges(self, items: Any) -> None:
        nodes = self.nodes
        seen: set[tuple[str, str]] = set()
        for index, item in enumerate(items if isinstance(items, list) else []):
            source, target = (
                (item.get("fromID"), item.get("toID")) if isinstance(item, dict) else (None, None)
            )
            if not (type(source) is str and type(target) is str):  # AIFdb's ids are strings
                if not all(type(end) in (str, int) for end in (source, target)):
                    self.draft.warn(None, f"edge {index + 1} lacks `fromID` or `toID`; ignored")
                    continue
                source, target = str(source), str(target)
            start, end = nodes.get(source), nodes.get(target)
            if start is None or end is None:
                missing = source if start is None else target
                self.draft.warn(None, f"edge {index + 1} joins unknown node `{missing}`; ignored")
                continue
            if (source, target) in seen:
                self.draft.warn(
                    self._where(source),
                    f"the edge from `{source}` to `{target}` appears twice; kept once",
                )
                continue
            seen.add((source, target))
            start.out.append(target)
            end.into.append(source)

    def _scheme_nodes(self, *, undercuts: bool) -> Iterator[_Node]:
        """Scheme nodes; those aimed at other scheme nodes (undercuts) in a second round."""
        for node in self.nodes.values():
            if node.kind in _SCHEME_NODES:
                aims_at_scheme = any(self.nodes[t].kind in _SCHEME_NODES for t in node.out)
                if aims_at_scheme is undercuts:
                    yield node
            elif node.kind not in ("I", "L", "YA", "TA") and not undercuts:
                self.draft.warn(
                    self._where(node.node_id),
                    f"node `{node.node_id}` of type `{node.kind}` has no "
                    "counterpart in argmap; ignored",
                    "argmap reads I, RA, CA, MA, L, YA and TA nodes",
                )

    def _undercuts(self, pending: list[_Node]) -> None:
        """Scheme nodes aimed at scheme nodes, each once its target has been read."""
        while pending:
            ready = [
                n
                for n in pending
                if all(
                    self.nodes[t].kind not in _SCHEME_NODES
                    or t in self.became
                    or not self._leads_anywhere(t)
                    for t in n.out
                )
            ]
            for node in ready or pending:  # with no progress, read them to report them
                self._scheme(node)
            pending = [n for n in pending if n not in (ready or pending)]

    def _leads_anywhere(self, node_id: str) -> bool:
        return any(self.nodes[t].kind in ("I", *_SCHEME_NODES) for t in self.nodes[node_id].out)

    # -- propositions and their relations ------------------------------------------------------

    def _statement(self, node: _Node) -> None:
        text = node.text
        if not text.strip():
            text = "(no text)"
            self.draft.warn(node.at, f"I-node `{node.node_id}` has no text")
        self.draft.reserve(node.node_id)
        self.draft.statements[node.node_id] = {
            "text": text,
            "speakers": [],
            "conceded_by": [],
            "quotes": [],
        }
        self.draft.positions[node.node_id] = node.at

    def _scheme(self, node: _Node) -> None:
        draft, nodes = self.draft, self.nodes
        premises = [n for n in node.into if nodes[n].kind == "I"]
        targets = [n for n in node.out if nodes[n].kind == "I" or nodes[n].kind in _SCHEME_NODES]
        what = {"RA": "an inference (RA)", "CA": "a conflict (CA)", "MA": "a rephrase (MA)"}[
            node.kind
        ]
        if not targets:
            if node.kind == "RA":
                raise draft.fail(
                    node.at,
                    f"RA node `{node.node_id}` has no conclusion: no edge "
                    "leads from it to a proposition",
                    "add an edge from the RA node to the I-node it supports",
                )
            draft.warn(node.at, f"{what} `{node.node_id}` points at nothing; ignored")
            return
        if not premises:
            draft.warn(node.at, f"{what} `{node.node_id}` starts from no proposition; ignored")
            return
        if len(targets) > 1:
            draft.warn(
                node.at,
                f"{what} `{node.node_id}` points at {len(targets)} nodes; argmap "
                "reads one relation to each",
            )
        source = premises[0]
        if len(premises) > 1 or node.node_id in self.linked:
            source = node.node_id
            draft.reserve(source)
            draft.arguments[source] = {
                "title": self._argument_title(node, targets[0]),
                "premises": tuple(premises),
                "scheme": self.catalogue.get(node.text.casefold()),
            }
            draft.positions[source] = node.at
            if node.kind == "MA":
                draft.warn(
                    node.at,
                    f"rephrase `{node.node_id}` starts from {len(premises)} "
                    "propositions; argmap reads it as a linked argument",
                )
        for target in targets:
            self._relate(node, source, target)

    def _relate(self, node: _Node, source: str, target: str) -> None:
        draft = self.draft
        kind, note = RelationKind.SUPPORTS, None
        if node.kind == "CA":
            contradicts = "contradict" in f"{node.text} {node.scheme}".casefold()
            kind = RelationKind.CONTRADICTS if contradicts else RelationKind.ATTACKS
        elif node.kind == "MA":
            note = REPHRASE_NOTE
        elif node.text.casefold() not in _GENERIC and source not in draft.arguments:
            note = f"scheme: {node.text}"
        if self.nodes[target].kind in _SCHEME_NODES:
            aimed = self.became.get(target)
            if kind is RelationKind.SUPPORTS or aimed is None:
                draft.warn(
                    node.at,
                    f"`{node.node_id}` bears on the scheme node `{target}`; "
                    "argmap can only undercut an inference, so it is ignored",
                )
                return
            kind, target = RelationKind.UNDERCUTS, aimed
        rid = draft.relate(kind, source, target, node.at, note=note)
        if rid is not None:
            self.became.setdefault(node.node_id, source if source in draft.arguments else rid)

    def _argument_title(self, node: _Node, conclusion: str) -> str:
        if node.text.casefold() not in _GENERIC:
            return node.text
        target = self.nodes[conclusion].text or conclusion
        words = " ".join(target.split()[:8])
        linked = "Linked objection to" if node.kind == "CA" else "Linked reasons for"
        return f"{linked} “{words}{'…' if len(target.split()) > 8 else ''}”"

    # -- who said what -------------------------------------------------------------------------

    def _participants(self, roster: list[Any], data: dict[str, Any]) -> dict[str, Speaker]:
        """Locution node id → speaker, from ``participants`` and ``locutions`` when given.

        Only participants who say something in the map become speakers (see
        :meth:`_locutions`): OVA saves the session's whole roster.
        """
        people: dict[str, Speaker] = {}
        for item in roster:
            if not isinstance(item, dict) or item.get("participantID") is None:
                continue
            parts = (str(item.get(k) or "") for k in ("firstname", "surname"))
            name = " ".join(part for part in parts if part.strip())
            if name.strip():
                pid = str(item["participantID"])
                usable = ID.fullmatch(pid)
                people[pid] = Speaker(id=pid if usable else slug(name, "speaker"), name=name)
        self.roster = people
        speakers: dict[str, Speaker] = {}
        for item in _listed(self.draft, data, "locutions"):
            if isinstance(item, dict) and str(item.get("personID")) in people:
                speakers[str(item.get("nodeID"))] = people[str(item["personID"])]
        return speakers

    def _locutions(self, speakers: dict[str, Speaker]) -> None:
        """Speakers, concessions and quotes, from L → YA → I chains."""
        draft, nodes = self.draft, self.nodes
        by_kind: dict[str, list[_Node]] = {"L": [], "YA": [], "TA": []}
        for node in nodes.values():
            if node.kind in by_kind:
                by_kind[node.kind].append(node)
        unused = [n for n in by_kind["L"] if n.into or n.out]
        linked: set[str] = set()
        for ya in by_kind["YA"]:
            for said in (nodes[s] for s in ya.into if nodes[s].kind == "L"):
                for target in (t for t in ya.out if t in draft.statements):
                    speaker, words = self._speaker(said, speakers.get(said.node_id))
                    if speaker is None:
                        continue
                    linked.add(said.node_id)
                    self._attribute(draft.statements[target], ya, speaker.id, words)
        ignored = [n for n in unused if n.node_id not in linked]
        transitions = len(by_kind["TA"])
        if ignored or transitions:
            parts = [f"{len(ignored)} locutions (L) that assert no proposition"] if ignored else []
            parts += [f"{transitions} transitions (TA)"] if transitions else []
            at = self._where(ignored[0].node_id) if ignored else None
            draft.warn(
                at, f"{' and '.join(parts)} are dialogue structure argmap does not model; ignored"
            )
        for statement in draft.statements.values():
            for key in ("speakers", "conceded_by", "quotes"):
                statement[key] = tuple(statement[key])
        for person in self.roster.values():
            if person.id in self.keep:
                draft.speakers.setdefault(person.id, person)
        silent = [p.name for p in self.roster.values() if p.id not in draft.speakers]
        if silent:
            shown = ", ".join(silent[:5]) + (
                f" and {len(silent) - 5} more" if len(silent) > 5 else ""
            )
            draft.warn(
                None,
                f"{len(silent)} participant(s) say nothing in this map and are not made "
                f"speakers: {shown}",
            )

    def _speaker(self, node: _Node, known: Speaker | None) -> tuple[Speaker | None, str]:
        """Who speaks in an L-node (``Name : words``), and their words."""
        if known is not None:
            self.draft.speakers.setdefault(known.id, known)
            named = _NAMED.match(node.text, len(known.name))
            if node.text.startswith(known.name) and named is not None:
                return known, node.text[named.end() :]
            return known, node.text
        said = _SAID.fullmatch(node.text)
        name, words = (said.group(1), said.group(2)) if said else ("", "")
        if not name:
            self.draft.warn(
                self._where(node.node_id),
                f"locution `{node.node_id}` names no speaker (`Name : words` or "
                "`Name: words`); ignored",
            )
            return None, ""
        speaker = self.by_name.get(name)
        if speaker is None:
            base = speaker_id = slug(name, "speaker")
            number = 1
            while speaker_id in self.draft.speakers:
                number += 1
                speaker_id = f"{base}-{number}"
            speaker = self.by_name[name] = Speaker(id=speaker_id, name=name)
            self.draft.speakers[speaker_id] = speaker
        return speaker, words

    def _attribute(self, statement: dict[str, Any], ya: _Node, speaker: str, words: str) -> None:
        force = ya.text.casefold()
        if "quot" in force:
            if words.strip():
                statement["quotes"].append(Quote(text=words, speaker=speaker))
            return
        if "conced" in force:
            holders = statement["conceded_by"]
        elif any(word in force for word in ("question", "challeng")):
            holders = []
        else:
            holders = statement["speakers"]
        if speaker not in holders:
            holders.append(speaker)
        if words.strip() and words != statement["text"]:
            statement["quotes"].append(Quote(text=words, speaker=speaker))

    def _isolated(self) -> None:
        for node in self.nodes.values():
            if not node.into and not node.out and node.kind != "TA":
                kept = "kept as a statement" if node.kind == "I" else "ignored"
                self.draft.warn(
                    self._where(node.node_id),
                    f"{node.kind} node `{node.node_id}` is connected to nothing; {kept}",
                )

    # -- the question ------------------------------------------------------------------------

    def _question(self, marked: Any) -> None:
        """The marked question, else the first proposition that bears on nothing."""
        draft = self.draft
        chosen = self._question_id(marked)
        if not draft.statements:
            draft.question = Question(id=draft.unique_id("question"), text=draft.title or "?")
            draft.warn(
                None,
                "this AIF map holds no propositions (I-nodes); argmap made the question from "
                "the file name",
            )
            return
        if chosen is None:
            draft.question = Question(id=draft.unique_id("question"), text=draft.title or "?")
            draft.warn(
                None,
                "every proposition bears on another, so none can be the "
                "central question; argmap made one from the file name",
            )
            return
        statement = draft.statements.pop(chosen)
        if statement["speakers"] or statement["conceded_by"] or statement["quotes"]:
            draft.warn(
                draft.positions.get(chosen),
                f"the speakers and quotes of `{chosen}` are "
                "dropped: argmap's question has only a text",
            )
        draft.question = Question(id=chosen, text=statement["text"])

    def _question_id(self, marked: Any) -> str | None:
        draft = self.draft
        sources = {r.source for r in draft.relations.values()}
        sources |= {p for a in draft.arguments.values() for p in a["premises"]}
        if isinstance(marked, str) and marked in draft.statements:
            return marked
        targets = {r.target for r in draft.relations.values()}
        heads = [s for s in draft.statements if s not in sources]
        chosen = next((s for s in heads if s in targets), heads[0] if heads else None)
        if chosen is not None:
            draft.warn(
                draft.positions.get(chosen),
                "AIF has no central question; argmap takes "
                f"proposition `{chosen}`, the first that bears on nothing",
            )
        return chosen


def _number(digits: str) -> int | str:
    """A JSON integer; a huge one (a 5,000-digit node id) stays its digits."""
    return int(digits) if len(digits) <= _MAX_DIGITS else digits


def _listed(draft: Draft, data: dict[str, Any], key: str) -> list[Any]:
    """A top-level table (``participants``, ``locutions``) as a list; anything else is reported."""
    value = data.get(key)
    if value is None or isinstance(value, list):
        return value or []
    draft.warn(None, f"`{key}` should be a list, not {type(value).__name__}; ignored")
    return []


# -- writing -----------------------------------------------------------------------------------


class _Writer:
    """Builds the node and edge lists; every id is unique across both."""

    def __init__(self, debate: Debate) -> None:
        self.debate = debate
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, str]] = []
        self.locutions: list[dict[str, str]] = []
        self.taken: set[str] = {debate.question.id, *debate.statements, *debate.arguments}
        self.scheme_of: dict[str, str] = {}  # relation id → scheme node id
        self.premises: dict[str, list[str]] = {}  # scheme node id → propositions into it
        self.dropped: list[str] = []
        self.schemes = scheme_catalogue()
        self.schemed: set[str] = set()  # arguments whose scheme names an RA node
        self.linked: list[str] = []  # scheme nodes that stand for an argument's inference
        self.silent: list[str] = []  # speakers with no locution, kept by argmap's own extension

    def _id(self, wanted: str) -> str:
        candidate, number = wanted, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{wanted}~{number}"
        self.taken.add(candidate)
        return candidate

    def _node(self, node_id: str, kind: str, text: str) -> None:
        node: dict[str, Any] = {"nodeID": node_id, "text": text, "type": kind}
        if kind in _SCHEME_NODES:  # as OVA writes them; AIFdb reads the text alone too
            node["scheme"] = text
        self.nodes.append(node)

    def _edge(self, source: str, target: str) -> None:
        self.edges.append({"edgeID": f"e{len(self.edges) + 1}", "fromID": source, "toID": target})

    def write(self) -> Written:
        debate = self.debate
        self._node(debate.question.id, "I", debate.question.text)
        for statement in debate.statements.values():
            self._node(statement.id, "I", statement.text)
        sketched = [a for a in debate.arguments.values() if not a.premises]
        for argument in sketched:
            self._node(argument.id, "I", (argument.gist or "").strip() or argument.title)
        self._relations()
        unplaced = [a for a in debate.arguments.values() if a.scheme and a.id not in self.schemed]
        if unplaced:
            self.dropped.append(
                f"{len(unplaced)} scheme(s) not written: AIF names a scheme on the inference "
                "node of an argument with premises that supports something"
            )
        participants = self._speakers()
        document: dict[str, Any] = {
            "nodes": self.nodes,
            "edges": self.edges,
            "locutions": self.locutions,
            "participants": participants,
            "argmap": {
                "question": debate.question.id,
                "title": debate.title,
                "arguments": self.linked,
                "speakers": self.silent,
            },
        }
        if sketched:
            self.dropped.append(
                f"{len(sketched)} sketched argument(s) written as propositions: an AIF "
                "argument needs premises"
            )
        counts = count_fields(
            debate,
            (
                "description",
                "sources",
                "speaker roles and affiliations",
                "statement titles",
                "argument titles",
                "argument gists",
                "tags",
                "notes",
                "discussion questions",
                "bases",
                "statement sources",
                "declared sides",
                "quote sources",
                "quotes without a speaker",
                "custom relation ids",
                "teaching order",
                "groups",
                *WEIGHING_KINDS,
            ),
        )
        notes = sum(1 for r in debate.relations.values() if r.note and r.note != REPHRASE_NOTE)
        if notes:
            counts["relation notes"] = notes
        people = sum(len(a.speakers) + len(a.conceded_by) for a in debate.arguments.values())
        if people:
            counts["speaker attributions and concessions of arguments"] = people
        self.dropped[:0] = describe(counts, "AIF")
        repeated = repeated_pairs(
            debate, (RelationKind.SUPPORTS, RelationKind.ATTACKS, RelationKind.CONTRADICTS)
        )
        if repeated:
            self.dropped.append(repeated)
        return Written(_json(document), self.dropped)

    def _relations(self) -> None:
        debate = self.debate
        later: list[Relation] = []
        for relation in debate.relations.values():
            if relation.kind is RelationKind.UNDERCUTS or (
                relation.target in debate.arguments and debate.arguments[relation.target].premises
            ):
                later.append(relation)
            else:
                self._scheme(relation, relation.target)
        unreadable = 0
        while later:
            # An undercut of an undercut waits until the undercut it aims at is written.
            ready = [
                r for r in later if r.target not in debate.relations or r.target in self.scheme_of
            ]
            for relation in ready or later:
                target = self._undercut_target(relation)
                if target is None:
                    unreadable += 1
                else:
                    self._scheme(relation, target)
            later = [r for r in later if r not in (ready or later)]
        if unreadable:
            self.dropped.append(
                f"{unreadable} relations aimed at an inference AIF cannot draw are not written:"
                " a support of an argument, or an undercut of a missing link"
            )
        for argument in debate.arguments.values():
            uses = [r for r in debate.relations.values() if r.source == argument.id]
            if argument.premises and not uses:
                self.dropped.append(
                    f"argument `{argument.id}` supports nothing, so AIF cannot "
                    "draw its inference; only its premises are written"
                )
            if len(set(argument.premises)) < len(argument.premises):
                self.dropped.append(
                    f"argument `{argument.id}` names a premise twice; AIF draws it once"
                )
            if argument.premises and len(uses) > 1:
                self.dropped.append(
                    f"argument `{argument.id}` bears on {len(uses)} nodes; AIF "
                    "repeats its premises in one scheme node per node"
                )

    def _undercut_target(self, relation: Relation) -> str | None:
        """The node an undercut, or a relation aimed at an argument, points at; None if none."""
        target, kind = relation.target, relation.kind
        if target in self.debate.relations:  # an undercut of a link
            return self.scheme_of.get(target)
        argument = self.debate.arguments.get(target)
        if argument is None:
            self.dropped.append(f"the undercut of statement `{target}` is written as an attack")
            return target
        if not argument.premises:
            if kind is RelationKind.UNDERCUTS:
                self.dropped.append(
                    f"the undercut of sketched argument `{target}` is written as an attack on it"
                )
            return target
        scheme = self.scheme_of.get(target)
        if kind is RelationKind.SUPPORTS or scheme is None:
            return None
        if kind is not RelationKind.UNDERCUTS:
            self.dropped.append(
                f"the {kind} of argument `{target}` is written as an undercut of its inference"
            )
        return scheme

    def _scheme(self, relation: Relation, target: str) -> None:
        """One scheme node from the relation's source (or its premises) to ``target``."""
        debate = self.debate
        source = debate.arguments.get(relation.source)
        premises = (
            list(source.premises) if source is not None and source.premises else [relation.source]
        )
        kind, text = "RA", DEFAULT_INFERENCE
        if relation.kind is RelationKind.SUPPORTS and relation.note == REPHRASE_NOTE:
            kind, text = "MA", "Default Rephrase"
        elif relation.kind is RelationKind.CONTRADICTS:
            kind, text = "CA", CONTRADICTION
        elif relation.kind in (RelationKind.ATTACKS, RelationKind.UNDERCUTS):
            kind, text = "CA", DEFAULT_CONFLICT
        elif source is not None and source.scheme in self.schemes and source.premises:
            text = self.schemes[source.scheme].name
            self.schemed.add(source.id)
        if source is not None and source.premises:
            # The argument's inference; one more (`id~2`…) for each further node it bears on.
            node_id = source.id if source.id not in self.premises else self._id(source.id)
            self.linked.append(node_id)
        else:
            node_id = self._id(relation.id)
        self.premises[node_id] = premises
        self.scheme_of[relation.id] = node_id
        if source is not None and source.premises:
            self.scheme_of.setdefault(source.id, node_id)
        self._node(node_id, kind, text)
        for premise in dict.fromkeys(premises):
            self._edge(premise, node_id)
        self._edge(node_id, target)

    def _speakers(self) -> list[dict[str, str]]:
        """Participants, and one locution per speaker, concession and quote of a statement."""
        debate = self.debate
        for statement in debate.statements.values():
            said = [(s, "Asserting", statement.text) for s in statement.speakers]
            said += [(s, "Conceding", statement.text) for s in statement.conceded_by]
            said += [
                (q.speaker, "Quoting", q.text) for q in statement.quotes if q.speaker is not None
            ]
            for speaker, force, words in said:
                name = debate.speakers[speaker].name
                locution = self._id(f"{statement.id}/L")
                illocution = self._id(f"{statement.id}/YA")
                self._node(locution, "L", f"{name}{_SPEAKER_SEPARATOR}{words}")
                self._node(illocution, "YA", force)
                self._edge(locution, illocution)
                self._edge(illocution, statement.id)
                self.locutions.append({"nodeID": locution, "personID": speaker})
        spoken = {item["personID"] for item in self.locutions}
        self.silent = [s for s in debate.speakers if s not in spoken]
        return [
            {"participantID": s.id, "firstname": s.name, "surname": ""}
            for s in debate.speakers.values()
        ]


def _json(document: dict[str, Any]) -> str:
    """JSON with one node, edge or locution per line: readable, diffable, and quick to read."""
    lines = ["{"]
    for number, (key, value) in enumerate(document.items(), start=1):
        comma = "," if number < len(document) else ""
        if isinstance(value, list) and value:
            items = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in value)
            lines.append(f" {json.dumps(key)}: [\n{items}\n ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"
