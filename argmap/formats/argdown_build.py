"""From what the Argdown reader found to a debate: ids, merged occurrences, the question.

:mod:`argmap.formats.argdown_read` turns the text into :class:`Parsed`: every place a
statement or argument is written (:class:`Occurrence`), the relations between them
(:class:`Link`), the reconstructions (:class:`Step`), the prose and the front matter, all keyed
by Argdown titles. :func:`build` makes the debate of them, as Argdown's own model does:
same-titled statements are one claim, the last text wins, data merges; and it decides what
Argdown leaves open, such as ids and the central question (see the reader's docstring).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from argmap.formats.argdown import (
    CONCLUSION_MARK,
    DISPLAY_KEYS,
    FRONT_MATTER_KEYS,
    QUESTION_MARK,
    implied_title,
)
from argmap.formats.draft import ID, Draft, Position, slug
from argmap.formats.plain import deferred, made, made_from
from argmap.io.loaded import LoadedDebate
from argmap.io.yamlsource import YamlDocument
from argmap.model.debate import (
    Audience,
    Basis,
    Group,
    Question,
    Quote,
    RelationKind,
    Side,
    Source,
    Speaker,
    Value,
)

if TYPE_CHECKING:
    from argmap.model.schemes import Scheme

_M = TypeVar("_M", bound=BaseModel)

Kind = Literal["statement", "argument"]
_BY_ID_QUOTES = frozenset({"by", "id", "quotes"})


@dataclass(slots=True)
class Occurrence:
    """One place a statement or argument is written."""

    kind: Kind
    key: str  # the node it is: `s:Title`, `a:Title`, or `s#3` for an untitled statement
    title: str | None
    text: str | None  # None for a reference like `[Title]`
    data: dict[str, Any]
    data_at: Position | None
    tags: list[str]
    at: Position
    group: str | None  # the key of the section it is written in (`Section.key`)


@dataclass(slots=True)
class Section:
    """A heading and what it says about grouping; ``parent`` is the enclosing heading's key."""

    key: str
    title: str
    level: int
    parent: str | None
    is_group: bool
    at: Position
    id: str | None = None  # `# Title {id: sanctions}`: the group's id, else one from the title


@dataclass(slots=True)
class Step:
    """One inference of a reconstruction: premises, an inference line, a conclusion."""

    premises: list[str]  # keys
    conclusion: str
    rules: str
    data: dict[str, Any]
    at: Position


@dataclass(slots=True)
class Link:
    """A relation line: the node keys at its two ends, and where it was written."""

    kind: RelationKind
    source: str  # a key, or an inference key (see `inference_key`)
    target: str
    at: Position


def inference_key(argument: str, step: int) -> str:
    """The key of a reconstruction's step-th inference, as the target of an undercut."""
    return f"inference\x00{argument}\x00{step}"


@dataclass(slots=True)
class Parsed:
    """Everything the reader found in one file, before ids and the question are decided."""

    draft: Draft
    name: str
    occurrences: dict[str, list[Occurrence]]  # key → every place the node is written
    links: list[Link]
    reconstructions: dict[str, list[Step]]  # argument key → its inference steps
    prose: list[str]
    front: dict[str, Any]
    front_doc: YamlDocument | None
    front_line: int
    first_heading: str | None = None
    sections: list[Section] = field(default_factory=list)
    reconstruction_groups: dict[str, str | None] = field(default_factory=dict)  # by argument


def build(parsed: Parsed) -> LoadedDebate:
    """The debate the parsed file describes; DebateLoadError when it cannot be one."""
    return _Builder(parsed).build()


@dataclass(slots=True)
class _Fields:
    """What all occurrences of one title say together."""

    text: str
    data: dict[str, Any]
    data_at: Position | None
    tags: list[str]
    at: Position
    group: str | None = None  # the section key of the first definition


class _Builder:
    """Turns the reader's occurrences, links and reconstructions into a debate."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.draft = parsed.draft
        self.ids: dict[str, str] = {}  # occurrence key → node id
        self.display: dict[str, list[int]] = {}
        self.invented: dict[str, str] = {}  # invented conclusion key → its argument's key
        self.inferences: dict[str, str] = {}  # inference key → the relation it draws
        self.strict = False  # Argdown's strict mode: `-` between statements is contrariety
        self.premise_data: dict[str, tuple[Any, Position]] = {}  # argument → `premises:` data
        self.group_depth = 2  # Argdown's default: the two deepest heading levels are groups
        self.group_of: dict[str, str] = {}  # section key → group id

    @property
    def catalogue(self) -> dict[str, Scheme]:
        """Read (and imported) only for a file with inference rules or schemes."""
        from argmap.io.schemes import scheme_catalogue

        return scheme_catalogue()

    def build(self) -> LoadedDebate:
        parsed, draft = self.parsed, self.draft
        self._front_matter()
        if not parsed.occurrences:
            return self._prose_only()
        self._groups()
        self._find_invented_conclusions()
        self._ids()
        question = self._marked_question()
        for key, occurrences in parsed.occurrences.items():
            if key in self.invented or key == question:
                continue
            if occurrences[0].kind == "statement":
                self._statement(key, occurrences)
            else:
                self._argument(key, occurrences)
        self._steps()
        self._premise_data()
        for link in parsed.links:
            self._relate(link)
        self._loose_relations()
        self._question(question)
        self._drop_empty_groups()
        self._report_display_keys()
        if parsed.prose:
            prose = "\n\n".join(parsed.prose)
            draft.description = f"{draft.description}\n\n{prose}" if draft.description else prose
        return draft.finish()

    def _prose_only(self) -> LoadedDebate:
        """A file of prose only: read as Argdown reads it, with a warning saying so."""
        draft, parsed = self.draft, self.parsed
        prose = "\n\n".join(parsed.prose)
        draft.description = (
            f"{draft.description}\n\n{prose}" if draft.description else (prose or None)
        )
        draft.question = made(
            Question, id=draft.unique_id("question"), text=draft.title or "What is the question?"
        )
        held = f"{len(parsed.prose)} paragraph(s) of prose, kept as the description"
        draft.warn(
            None,
            f"this Argdown file holds no statements or arguments, only {held}"
            if parsed.prose
            else "this Argdown file holds no statements or arguments",
            "write `[Title]: text` statements to map the debate; argmap made the question "
            "from the title",
        )
        return draft.finish()

    def _relate(self, link: Link) -> None:
        """One relation line, as Argdown's model reads it.

        A relation drawn from a reconstructed argument is its main conclusion's (Argdown
        moves it there, so ``[C]`` with ``+ <A>`` below and ``+> [C]`` under A's conclusion
        are one relation); an undercut of an inference line undercuts the step it draws; in
        strict mode ``-`` between two statements is a contrariety, symmetric.
        """
        kind = link.kind
        source, source_key = self._node(link.source), link.source
        if kind is not RelationKind.UNDERCUTS and link.source in self.parsed.reconstructions:
            conclusion = self.parsed.reconstructions[link.source][-1].conclusion
            if conclusion not in self.invented:
                source, source_key = self._node(conclusion), conclusion
        target = self.inferences.get(link.target) or self._node(link.target)
        if source == target and link.source in self.parsed.reconstructions:
            return  # `+ <A>` under A's own conclusion: the reconstruction says it already
        if (
            self.strict
            and kind is RelationKind.ATTACKS
            and source_key[0] == "s"  # statement keys: `s:Title`, `s#3`
            and link.target[0] == "s"
        ):
            kind = RelationKind.CONTRADICTS
        self.draft.relate(kind, source, target, link.at)

    def _premise_data(self) -> None:
        """``{premises: [ids]}`` on an argument without a reconstruction: argmap's writer
        puts there the premises of an argument that supports no statement."""
        for node_id, (value, at) in self.premise_data.items():
            if isinstance(value, list) and all(
                isinstance(v, str) and v in self.draft.statements for v in value
            ):
                self.draft.arguments[node_id]["premises"] = tuple(value)
            else:
                self.draft.warn(
                    at,
                    f"`premises: {value}` does not list statement ids of this file; ignored",
                    "or reconstruct the argument with numbered premises `(1)` … `----`",
                )

    # -- sections ------------------------------------------------------------------------------

    def _groups(self) -> None:
        """Sections become groups as in Argdown's map: not ``{isGroup: false}``, and only the
        ``groupDepth`` deepest heading levels (``sectionLevel <= maxLevel - groupDepth`` is
        left out); a claim in a section left out is in the nearest group around it."""
        sections = {section.key: section for section in self.parsed.sections}
        if not sections:
            return
        deepest = max(section.level for section in sections.values())
        kept = {
            key
            for key, section in sections.items()
            if section.is_group and section.level > deepest - self.group_depth
        }
        taken: set[str] = set()
        for key in sections:
            if key in kept:
                wanted = sections[key].id or slug(sections[key].title, "section")
                group_id, number = wanted, 1
                while group_id in taken:
                    number += 1
                    group_id = f"{wanted}-{number}"
                taken.add(group_id)
                self.group_of[key] = group_id
        for key, section in sections.items():
            around = section.parent
            while around is not None and around not in kept:
                around = sections[around].parent
            if key not in kept:
                if around is not None:
                    self.group_of[key] = self.group_of[around]
                continue
            self.draft.groups[self.group_of[key]] = Group(
                id=self.group_of[key],
                title=section.title,
                parent=self.group_of[around] if around is not None else None,
            )

    def _drop_empty_groups(self) -> None:
        """A heading over prose only is no box on the map: keep the groups that hold claims."""
        groups = self.draft.groups
        if not groups:
            return
        used: set[str] = set()
        for node in (*self.draft.statements.values(), *self.draft.arguments.values()):
            group_id = node.get("group")
            while group_id is not None and group_id not in used:
                used.add(group_id)
                group_id = groups[group_id].parent
        for group_id in [g for g in groups if g not in used]:
            del groups[group_id]

    # -- the front matter --------------------------------------------------------------------

    def _front_matter(self) -> None:
        parsed, draft = self.parsed, self.draft
        front = parsed.front
        at = (parsed.front_line, 1)
        title = front.get("title")
        draft.title = (
            str(title)
            if title and str(title).strip()
            else parsed.first_heading or Path(parsed.name).stem
        )
        draft.title = draft.title or "Argdown debate"
        # Argdown's byline keys have no field of their own: they join the description.
        about = [str(front["subTitle"]).strip()] if front.get("subTitle") else []
        about += [
            f"{label}: {front[k]}"
            for k, label in (("author", "Author"), ("date", "Date"))
            if front.get(k)
        ]
        description = front.get("description")
        if isinstance(description, str):
            about.insert(0, description)
        draft.description = "\n\n".join(about) if about else None
        model = front.get("model")
        if isinstance(model, dict) and model.get("mode") in ("strict", "loose"):
            self.strict = model["mode"] == "strict"
            if set(model) == {"mode"}:
                front = {k: v for k, v in front.items() if k != "model"}  # fully understood
        group = front.get("group")
        if isinstance(group, dict) and isinstance(group.get("groupDepth"), int):
            self.group_depth = max(1, group["groupDepth"])
            if set(group) == {"groupDepth"}:
                front = {k: v for k, v in front.items() if k != "group"}  # fully understood
        settings = [k for k in front if k not in FRONT_MATTER_KEYS]
        if settings:
            draft.warn(
                at,
                f"front matter settings {', '.join(f'`{k}`' for k in settings)} "
                "configure Argdown's rendering; argmap ignores them",
            )
        own = front.get("argmap") or {}
        if not isinstance(own, dict):
            raise draft.fail(at, "`argmap:` in the front matter must be `key: value` lines")
        for index, item in enumerate(_listed(own, "speakers")):
            speaker = self._model(Speaker, item, ("argmap", "speakers", index), "speaker")
            draft.speakers[speaker.id] = speaker
        for index, item in enumerate(_listed(own, "sources")):
            source = self._model(Source, item, ("argmap", "sources", index), "source")
            draft.sources[source.id] = source
        for index, item in enumerate(_listed(own, "values")):
            value = self._model(Value, item, ("argmap", "values", index), "value")
            draft.values[value.id] = value
        for index, item in enumerate(_listed(own, "audiences")):
            audience = self._model(Audience, item, ("argmap", "audiences", index), "audience")
            draft.audiences[audience.id] = audience
        draft.order = [str(item) for item in _listed(own, "order")]
        own_keys = ("speakers", "sources", "values", "audiences", "order", "relations")
        unknown = [k for k in own if k not in own_keys]
        if unknown:
            draft.warn(at, f"unknown `argmap:` front matter keys {', '.join(unknown)}; ignored")

    def _model(self, model: type[_M], item: Any, path: tuple[str | int, ...], what: str) -> _M:
        try:
            return made_from(model, item)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            field = ".".join(str(part) for part in first["loc"]) or what
            raise self.draft.fail(
                self._front_at(path),
                f"{what} {int(path[-1]) + 1} in the front matter: `{field}`: {first['msg']}",
            ) from None

    def _front_at(self, path: tuple[str | int, ...]) -> Position:
        document = self.parsed.front_doc
        if document is None:
            return (1, 1)
        line, column = document.locate(path)
        return (self.parsed.front_line + line - 1, column)

    def _loose_relations(self) -> None:
        """Relations listed in the front matter: what Argdown's indented lines cannot say."""
        own = self.parsed.front.get("argmap") or {}
        if not _listed(own, "relations"):
            return
        from argmap.model.document import RelationDoc  # argmap's YAML form of a relation

        for index, item in enumerate(_listed(own, "relations")):
            path = ("argmap", "relations", index)
            relation = self._model(RelationDoc, item, path, "relation")
            self.draft.relate(
                relation.kind,
                relation.source,
                relation.target,
                self._front_at(path),
                rid=relation.id,
                note=relation.note,
            )

    # -- ids and the question ----------------------------------------------------------------

    def _find_invented_conclusions(self) -> None:
        """Conclusions the writer had to invent (``{argmap: conclusion}``) stand for their
        argument: they are not claims of their own."""
        mark_key, mark_value = CONCLUSION_MARK
        for argument, steps in self.parsed.reconstructions.items():
            conclusion = steps[-1].conclusion
            if any(
                o.data.get(mark_key) == mark_value
                for o in self.parsed.occurrences.get(conclusion, [])
            ):
                self.invented[conclusion] = argument

    def _ids(self) -> None:
        """Explicit ``{id: …}`` first, so that a title never takes an id the file names."""
        draft = self.draft
        # One pass over every occurrence rather than one per node: few nodes name their id.
        named = {
            o.key for written in self.parsed.occurrences.values() for o in written if "id" in o.data
        }
        later: list[tuple[str, Occurrence]] = []
        for key, occurrences in self.parsed.occurrences.items():
            if key in self.invented:
                continue
            if key in named:
                value, occurrence = [(o.data["id"], o) for o in occurrences if "id" in o.data][-1]
                where = occurrence.data_at or occurrence.at
                if isinstance(value, str | int) and ID.fullmatch(str(value)):
                    if draft.reserve(str(value)):
                        self.ids[key] = str(value)
                        continue
                    raise draft.fail(
                        where,
                        f"id `{value}` is used twice",
                        "give each statement and argument its own id",
                    )
                draft.warn(
                    where,
                    f"`id: {value}` is not a valid id (ids have no spaces); "
                    "argmap makes one from the title",
                )
            later.append((key, occurrences[0]))
        for key, occurrence in later:
            basis = occurrence.title or " ".join((occurrence.text or "").split()[:6])
            self.ids[key] = draft.unique_id(slug(basis, occurrence.kind))
        for key, steps in self.parsed.reconstructions.items():
            for number in range(1, len(steps)):
                self.ids[f"{key}\x00{number}"] = draft.unique_id(f"{self.ids[key]}-{number}")

    def _marked_question(self) -> str | None:
        occurrences = self.parsed.occurrences
        flagged = {
            o.key
            for written in occurrences.values()
            for o in written
            if o.data.get(QUESTION_MARK) is True
        }
        marked = [
            key for key in occurrences if key in flagged and occurrences[key][0].kind == "statement"
        ]
        for extra in marked[1:]:
            self.draft.warn(
                self.parsed.occurrences[extra][0].at,
                "a second statement is marked "
                "`{question: true}`; argmap keeps the first as the question",
            )
        return marked[0] if marked else None

    def _question(self, key: str | None) -> None:
        """The marked question, else the statement heading the largest tree, else the title."""
        draft = self.draft
        if key is not None:
            occurrences = self.parsed.occurrences[key]
            fields = self._merged(occurrences)
            dropped = sorted(set(fields.data) - {"id", "title", "text", QUESTION_MARK})
            if fields.tags:
                dropped.append("tags")
            if dropped:
                draft.warn(
                    fields.at,
                    f"the question's {', '.join(dropped)} are dropped: "
                    "argmap's question has only an id, a title and a text",
                )
            node_id = self.ids[key]
            draft.question = made(
                Question, id=node_id, text=fields.text, title=self._title(key, occurrences, fields)
            )
            draft.positions[node_id] = fields.at
            return
        roots = self._roots()
        candidate = roots[0] if len(roots) == 1 else None
        if candidate is not None:
            statement = draft.statements.pop(candidate)
            dropped = [
                k
                for k in (
                    "speakers",
                    "conceded_by",
                    "quotes",
                    "tags",
                    "notes",
                    "questions",
                    "basis",
                    "source",
                    "side",
                )
                if statement.get(k)
            ]
            draft.question = made(
                Question, id=candidate, text=statement["text"], title=statement["title"]
            )
            label = statement["title"] or candidate
            draft.warn(
                draft.positions.get(candidate),
                "no statement is marked "
                f"`{{question: true}}`; argmap takes `{label}`, the one statement that others "
                "bear on and that bears on nothing, as the central question"
                + (f" (its {', '.join(dropped)} are dropped)" if dropped else ""),
                "add `{question: true}` to the statement that is the central question",
            )
            return
        draft.question = made(
            Question, id=draft.unique_id("question"), text=draft.title or "What is the question?"
        )
        labels = [f"`{draft.statements[r]['title'] or r}`" for r in roots[:3]]
        shown = ", ".join(labels) + (f" and {len(roots) - 3} more" if len(roots) > 3 else "")
        draft.warn(
            None,
            (
                f"no statement is marked `{{question: true}}`, and {len(roots)} statements "
                f"head their own trees ({shown}); argmap sets no central question: the "
                "positions stand side by side under a question made from the title"
            )
            if roots
            else "no statement is marked `{question: true}`, and every statement that others "
            "bear on bears on another itself; argmap sets no central question: the positions "
            "stand side by side under a question made from the title",
            "add `{question: true}` to the statement that is the central question",
        )

    def _roots(self) -> list[str]:
        """Statements that others bear on, that bear on nothing and are no premise: the
        heads of trees. Only a single one is promoted to the question; promoting one of
        several (or a piece of evidence that bears on something) would turn the rest neutral.
        """
        targets: set[str] = set()
        sources: set[str] = set()
        for relation in self.draft.relations.values():
            targets.add(relation.target)
            sources.add(relation.source)
        used = {p for a in self.draft.arguments.values() for p in a.get("premises", ())}
        return [
            s for s in self.draft.statements if s in targets and s not in sources and s not in used
        ]

    def _node(self, key: str) -> str:
        if key.startswith("inference\x00"):
            _, argument, step = key.split("\x00")
            number = int(step) + 1
            last = number == len(self.parsed.reconstructions[argument])
            return self.ids[argument] if last else self.ids[f"{argument}\x00{number}"]
        return self.ids[self.invented.get(key, key)]

    # -- nodes -------------------------------------------------------------------------------

    def _merged(self, occurrences: list[Occurrence]) -> _Fields:
        """What all occurrences of one title say together, merged as Argdown merges them."""
        if len(occurrences) == 1:  # the common case, quickly
            only = occurrences[0]
            tags = list(only.tags)
            text = only.text or only.title or ""
            if (
                "text" in only.data
                and isinstance(only.data["text"], str)
                and only.data["text"].strip()
            ):
                text = only.data["text"]
            group = only.group
            if "isInGroup" in only.data:
                group = only.group if only.data["isInGroup"] is not False else None
                only.data = {k: v for k, v in only.data.items() if k != "isInGroup"}
            return _Fields(text, only.data, only.data_at, tags, only.at, group)
        data: dict[str, Any] = {}
        tags = []
        data_at: Position | None = None
        texts = [o for o in occurrences if o.text]
        for occurrence in occurrences:
            data.update(occurrence.data)
            data_at = data_at or occurrence.data_at
            tags.extend(t for t in occurrence.tags if t not in tags)
        for other in texts[:-1]:
            if other.text != texts[-1].text:
                self.draft.warn(
                    other.at,
                    f"this text of `{other.title}` is dropped: argmap "
                    f"keeps the one on line {texts[-1].at[0]}, as Argdown does",
                    "Argdown makes same-titled statements one claim: give a "
                    "different claim a different title",
                )
        definition = texts[0] if texts else occurrences[0]
        text = (texts[-1].text if texts else None) or occurrences[0].title or ""
        if isinstance(data.get("text"), str) and data["text"].strip():
            text = data["text"]  # the exact text, where one Argdown line cannot hold it
        group = _group(occurrences, definition)
        data.pop("isInGroup", None)
        return _Fields(text, data, data_at, tags, definition.at, group)

    def _title(self, key: str, occurrences: list[Occurrence], fields: _Fields) -> str | None:
        if "title" in fields.data:
            value = fields.data["title"]
            return None if value is None else str(value)
        return implied_title(occurrences[0].title, self.ids[key], fields.text)

    def _statement(self, key: str, occurrences: list[Occurrence]) -> None:
        fields = self._merged(occurrences)
        node_id = self.ids[key]
        data = fields.data
        by = data.get("by")
        if data.keys() <= _BY_ID_QUOTES and (
            by is None or (isinstance(by, str) and by in self.draft.speakers)
        ):
            # The common case, quickly: no data, or a declared speaker (and the id, quotes).
            statement: dict[str, Any] = {
                "text": fields.text,
                "title": self._title(key, occurrences, fields),
                "speakers": () if by is None else (by,),
                "tags": tuple(fields.tags),
                "group": self.group_of.get(fields.group or ""),
            }
            if "quotes" in data:  # read as below: the other fields' readers would find nothing
                values = _Values(self, fields.data, fields.data_at or fields.at, "statement")
                statement["speakers"] = values.speakers("by")
                statement["quotes"] = values.quotes()
                statement["notes"] = values.notes()
            self.draft.statements[node_id] = statement
            self.draft.positions[node_id] = fields.at
            return
        values = _Values(self, fields.data, fields.data_at or fields.at, "statement")
        statement = {
            "text": fields.text,
            "title": self._title(key, occurrences, fields),
            "speakers": values.speakers("by"),
            "conceded_by": values.speakers("conceded_by"),
            "source": values.source(),
            "basis": values.choice("basis", Basis),
            "side": values.choice("side", Side),
            "tags": values.tags(fields.tags),
            "quotes": values.quotes(),
            "questions": values.texts("questions"),
            "group": self.group_of.get(fields.group or ""),
            **values.weighing(),
        }
        statement["notes"] = values.notes()
        self.draft.statements[node_id] = statement
        self.draft.positions[node_id] = fields.at

    def _argument(self, key: str, occurrences: list[Occurrence]) -> None:
        fields = self._merged(occurrences)
        node_id = self.ids[key]
        if "premises" in fields.data and key not in self.parsed.reconstructions:
            fields.data = dict(fields.data)
            where = fields.data_at or fields.at
            self.premise_data[node_id] = (fields.data.pop("premises"), where)
        values = _Values(self, fields.data, fields.data_at or fields.at, "argument")
        descriptions = [o for o in occurrences if o.text]
        gist = descriptions[-1].text if descriptions else None
        if isinstance(fields.data.get("gist"), str):
            gist = fields.data["gist"]  # the exact gist, where one Argdown line cannot hold it
        title = fields.data.get("title")
        # A reconstructed argument is in the section of its premise-conclusion structure.
        section = self.parsed.reconstruction_groups.get(key, fields.group)
        argument: dict[str, Any] = {
            "title": str(title) if title else occurrences[0].title or node_id,
            "gist": gist,
            "scheme": values.scheme(),
            "speakers": values.speakers("by"),
            "conceded_by": values.speakers("conceded_by"),
            "side": values.choice("side", Side),
            "tags": values.tags(fields.tags),
            "questions": values.texts("questions"),
            "group": self.group_of.get(section or ""),
            **values.weighing(),
        }
        argument["notes"] = values.notes()
        self.draft.arguments[node_id] = argument
        self.draft.positions[node_id] = fields.at

    def _steps(self) -> None:
        """Premises and conclusions of each reconstruction: one argument per inference."""
        for key, steps in self.parsed.reconstructions.items():
            argument = self.ids[key]
            base = self.draft.arguments[argument]
            for number, step in enumerate(steps, start=1):
                last = number == len(steps)
                step_id = argument if last else self.ids[f"{key}\x00{number}"]
                if not last:
                    self.draft.arguments[step_id] = {
                        "title": f"{base['title']} (step {number})",
                        "group": base.get("group"),
                    }
                    self.draft.positions[step_id] = step.at
                fields = self.draft.arguments[step_id]
                fields["premises"] = tuple(self._node(k) for k in step.premises)
                self._rules(step, fields)
                if step.conclusion not in self.invented:
                    rid = self.draft.relate(
                        RelationKind.SUPPORTS, step_id, self._node(step.conclusion), step.at
                    )
                    if rid is not None:
                        self.inferences[inference_key(key, number - 1)] = rid

    def _rules(self, step: Step, fields: dict[str, Any]) -> None:
        """A rule naming a catalogue scheme sets the scheme; other rules go to the notes."""
        lowered = step.rules.casefold()
        scheme = next(
            (k for k, s in self.catalogue.items() if lowered in (k, s.name.casefold())), None
        )
        extra: list[str | None] = []
        if scheme is not None and fields.get("scheme") in (None, scheme):
            fields["scheme"] = scheme
        elif step.rules:
            extra.append(f"Inference: {step.rules}")
        extra.append(_Values(self, step.data, step.at, "argument").notes())
        if any(extra):
            fields["notes"] = "\n".join(n for n in (fields.get("notes"), *extra) if n)

    def _report_display_keys(self) -> None:
        for key, lines in self.display.items():
            shown = ", ".join(str(n) for n in sorted(set(lines))[:8])
            more = "…" if len(set(lines)) > 8 else ""
            self.draft.warn(
                (min(lines), 1),
                f"`{key}` (line{'s' if len(lines) > 1 else ''} "
                f"{shown}{more}) is an Argdown display setting; argmap ignores it",
            )


def _group(occurrences: list[Occurrence], definition: Occurrence) -> str | None:
    """The section a node is in: the last one marked ``{isInGroup: true}`` (Argdown's flag
    for a node only referred to there), else its first definition's, unless that says false."""
    flagged = [o for o in occurrences if o.data.get("isInGroup") is True]
    group = flagged[-1].group if flagged else definition.group
    if not flagged and definition.data.get("isInGroup") is False:
        group = None
    for occurrence in occurrences:
        occurrence.data.pop("isInGroup", None)  # understood: not a display setting to report
    return group


def _listed(mapping: dict[str, Any], key: str) -> list[Any]:
    value = mapping.get(key)
    return value if isinstance(value, list) else []


class _Values:
    """argmap's fields in one node's ``{…}`` data; what it cannot use goes to the notes."""

    def __init__(self, builder: _Builder, data: dict[str, Any], at: Position, what: str) -> None:
        self.builder = builder
        self.draft = builder.draft
        self.data = dict(data)
        self.at = at
        self.what = what
        self.leftover: list[tuple[str, str]] = []  # (key, `key: value`), kept in the notes
        self.keys = list(data)
        for key in (
            "id",
            "title",
            "text" if what == "statement" else "gist",
            QUESTION_MARK,
            CONCLUSION_MARK[0],
        ):
            self.data.pop(key, None)
        for key in [k for k in self.data if k in DISPLAY_KEYS]:
            builder.display.setdefault(key, []).append(at[0])
            del self.data[key]

    def _keep(self, key: str, value: Any, why: str | None = None) -> None:
        shown = (
            yaml.safe_dump(value, default_flow_style=True, width=10**9, allow_unicode=True)
            .strip()
            .removesuffix("...")
            .strip()
        )
        self.leftover.append((key, f"{key}: {shown}"))
        if why:
            self.draft.warn(self.at, f"`{key}: {shown}` {why}; kept in the {self.what}'s notes")

    def speakers(self, key: str) -> tuple[str, ...]:
        value = self.data.pop(key, None)
        if value is None:
            return ()
        ids = [value] if isinstance(value, str) else value
        if not isinstance(ids, list) or not all(
            isinstance(i, str) and ID.fullmatch(i) for i in ids
        ):
            self._keep(key, value, "is not a speaker id or a list of them")
            return ()
        return tuple(self._speaker(i) for i in ids)

    def _speaker(self, speaker: str) -> str:
        if speaker not in self.draft.speakers:
            self.draft.speakers[speaker] = made(Speaker, id=speaker, name=speaker)
            self.draft.warn(
                self.at,
                f"speaker `{speaker}` is not declared in the front matter; "
                "argmap declares it with its id as its name",
                "list speakers under `argmap: speakers:` in the front matter",
            )
        return speaker

    def quotes(self) -> tuple[Quote, ...]:
        value = self.data.pop("quotes", None)
        quotes: list[Quote] = []
        for item in value if isinstance(value, list) else [] if value is None else [value]:
            if isinstance(item, str) and item.strip():
                quotes.append(deferred(Quote, text=item))  # tested by Draft.finish
                continue
            if isinstance(item, dict) and set(item) <= {"text", "by", "source"}:
                text, by, source = item.get("text"), item.get("by"), item.get("source")
                if (
                    isinstance(text, str)
                    and text.strip()
                    and (by is None or (isinstance(by, str) and ID.fullmatch(by)))
                    and (source is None or source in self.draft.sources)
                ):
                    quotes.append(
                        deferred(
                            Quote,
                            text=text,
                            source=source,
                            speaker=None if by is None else self._speaker(by),
                        )
                    )
                    continue
            self._keep(
                "quotes",
                [item],
                "is not a quote with a `text`, an optional speaker id `by` and a declared `source`",
            )
        return tuple(quotes)

    def choice(self, key: str, kind: type[Basis] | type[Side]) -> Any:
        value = self.data.pop(key, None)
        if value is None:
            return None
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(member.value for member in kind)
            self._keep(key, value, f"is not one of {choices}")
            return None

    def source(self) -> str | None:
        value = self.data.pop("source", None)
        if value is None:
            return None
        if isinstance(value, str) and value in self.draft.sources:
            return value
        self._keep("source", value, "names no source declared under `argmap: sources:`")
        return None

    def scheme(self) -> str | None:
        value = self.data.pop("scheme", None)
        if value is None:
            return None
        if isinstance(value, str) and value in self.builder.catalogue:
            return value
        self._keep("scheme", value, "is not a scheme of the catalogue (`argmap schemes`)")
        return None

    def tags(self, tags: list[str]) -> tuple[str, ...]:
        value = self.data.pop("tags", None)
        if value is None:
            return tuple(tags)
        extra = [value] if isinstance(value, str) else value
        if not isinstance(extra, list) or not all(isinstance(t, str) for t in extra):
            self._keep("tags", value, "is not a list of tags")
            return tuple(tags)
        return (*tags, *(t for t in extra if t not in tags))

    def weighing(self) -> dict[str, Any]:
        """``promotes``, ``demotes`` (value ids), ``weight`` (0 to 1) and ``at-issue``."""
        found: dict[str, Any] = {}
        for key in ("promotes", "demotes"):
            value = self.data.pop(key, None)
            ids = [value] if isinstance(value, str) else value
            if value is None:
                continue
            if isinstance(ids, list) and all(i in self.draft.values for i in ids):
                found[key] = tuple(ids)
            else:
                self._keep(key, value, "names no value declared under `argmap: values:`")
        weight = self.data.pop("weight", None)
        if isinstance(weight, int | float) and not isinstance(weight, bool) and 0 <= weight <= 1:
            found["weight"] = float(weight)
        elif weight is not None:
            self._keep("weight", weight, "is not a number from 0 to 1")
        at_issue = self.data.pop("at-issue", None)
        if isinstance(at_issue, bool):
            found["at_issue"] = at_issue
        elif at_issue is not None:
            self._keep("at-issue", at_issue, "is not true or false")
        return found

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.pop(key, None)
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            self._keep(key, value, "is not a text or a list of texts")
            return ()
        return tuple(items)

    def notes(self) -> str | None:
        """The ``notes`` field, then every data key argmap has no field for."""
        value = self.data.pop("notes", None)
        notes = value if isinstance(value, str) else None
        if value is not None and notes is None:
            self._keep("notes", value)
        for key, item in self.data.items():
            self._keep(key, item)
        self.data.clear()
        if not self.leftover:
            return notes
        self.leftover.sort(key=lambda item: self.keys.index(item[0]))  # as the file has them
        return "\n".join(part for part in (notes, *(line for _, line in self.leftover)) if part)
