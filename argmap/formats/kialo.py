"""Kialo's plain-text discussion export, read and written, in both of Kialo's layouts.

The classic export writes one claim per numbered line::

    Discussion Title: Should schools require uniforms?

    1. Schools should require uniforms.
    1.1. Pro: Uniforms hide income differences.
    1.1.1. Con: Pupils still show status through shoes and phones.
    1.2. Con: Uniforms cost families money.
    1.2.1. Pro: -> See 1.1.1.

Kialo's current export puts the title on the line after ``Discussion Name:``, marks the
thesis ``1. Thesis:``, stands each header on its own line with the text indented below it,
and may end with a ``Sources:`` list of footnotes (``[1] Title https://…``) that claims cite
as ``[1]``. The first line tells the layouts apart; the writer uses the current one unless
asked for the classic.

The thesis ``1.`` is the debate's question. Every other claim is a ``Pro`` or a ``Con`` of the
claim its number extends (``1.1.1`` of ``1.1``): the side is relative to that parent, so a
``Con`` of a ``Con`` argues for the thesis. ``-> See 1.1.1.`` places an existing claim a second
time: a cross-link, read as a relation from claim 1.1.1. A claim's text may go on over several
lines; Kialo escapes Markdown characters (``\\(``) and keeps Markdown links as they are.

Kialo holds a tree of claims and their sources, nothing else: no speakers, quotes, tags or
linked premises. The writer lists what it leaves out. Claim numbers become the ids of what is
read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from argmap.formats.draft import Draft, Position
from argmap.formats.written import (
    WEIGHING_KINDS,
    Written,
    count_fields,
    describe,
    repeated_pairs,
)
from argmap.io.loaded import LoadedDebate, collector_paused
from argmap.io.untrusted import guarded
from argmap.io.yamlsource import read_text
from argmap.model.debate import Debate, Question, RelationKind, Source

HEADER = "Discussion Title:"
"""The classic export's first line: ``Discussion Title: …`` with the title on it."""
NAME_HEADER = "Discussion Name:"
"""The current export's first line: ``Discussion Name:``, the title on the next line."""

_CLAIM = re.compile(r"[ \t]*((?:\d+\.)+)[ \t]+(?:(Thesis|Pro|Con)[ \t]*:(?:[ \t]+|$))?(.*)")
_LINK = re.compile(r"->[ \t]*See[ \t]+((?:\d+\.)+)[ \t]*")
_OTHER_DISCUSSION = re.compile(r"->[ \t]*(See[ \t]+discussion[ \t]+#\d+.*)", re.DOTALL)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_SOURCES = "Sources:"
_FOOTNOTE = re.compile(r"[ \t]*\[(\d+)\][ \t]*:?[ \t]*(\S.*)")
_CITED = re.compile(r"(?<!\\)\[(\d+)\](?!\()")
_CITED_AT_END = re.compile(r"(?:[ \t]*(?<!\\)\[\d+\](?!\())+[ \t]*$")
_URL = re.compile(r"(?:^|[ \t])(https?://\S+)[ \t]*$")


def read_kialo(path: Path) -> LoadedDebate:
    """Read a Kialo export; DebateLoadError with a location when a line cannot be placed."""
    return parse_kialo(read_text(path), str(path))


def parse_kialo(text: str, name: str = "<kialo>") -> LoadedDebate:
    """Parse Kialo export text, either layout (told apart by the first line)."""
    with collector_paused(), guarded(text, name):
        return _Reader(text, name).read()


def write_kialo(debate: Debate, *, classic: bool = False) -> Written:
    """The debate as a Kialo export (the current layout unless ``classic``), with the losses."""
    return _Writer(debate, classic=classic).write()


def unescape(text: str) -> str:
    r"""Kialo's Markdown escapes undone: ``\(`` → ``(``."""
    return _ESCAPED.sub(r"\1", text)


# -- reading -----------------------------------------------------------------------------------


@dataclass
class _Claim:
    number: str  # `1.2.3`, without the final dot
    side: str | None  # Pro, Con, or None for the thesis
    lines: list[str]
    at: Position
    indent: int = 0  # the header's indentation, which the current layout's text lines share
    text_column: int = 1  # where the text starts on the header line
    link: tuple[str, Position] | None = None  # the claim a `-> See` line points at

    @property
    def parent(self) -> str:
        return self.number.rpartition(".")[0]

    @property
    def raw(self) -> str:
        """The text as written, escapes and all."""
        return "\n".join(self.lines).strip()

    @property
    def text(self) -> str:
        return unescape(self.raw)


class _Reader:
    def __init__(self, text: str, name: str) -> None:
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.draft = Draft(name)
        self.name = name
        self.footnotes: dict[str, str] = {}  # footnote number → source id

    def read(self) -> LoadedDebate:
        draft = self.draft
        start = next((i for i, line in enumerate(self.lines) if line.strip()), None)
        first = self.lines[start].strip() if start is not None else ""
        if start is None or not first.startswith((HEADER, NAME_HEADER)):
            where = (start + 1, 1) if start is not None else (1, 1)
            raise draft.fail(
                where,
                f"this is not a Kialo export: it should begin with `{NAME_HEADER}` or `{HEADER} …`",
                "export the discussion from Kialo as text, or give the format with --from",
            )
        header = NAME_HEADER if first.startswith(NAME_HEADER) else HEADER
        title = first[len(header) :].strip()
        body = start + 1
        if not title and header == NAME_HEADER:  # the title stands on the next line
            following = next(
                (i for i in range(start + 1, len(self.lines)) if self.lines[i].strip()), None
            )
            if following is not None and not _CLAIM.fullmatch(self.lines[following]):
                title, body = self.lines[following].strip(), following + 1
        draft.title = unescape(title) or Path(self.name).stem
        claims = list(self._claims(body))
        if not claims:
            raise draft.fail(
                (body, 1), "the export holds no claims", "the thesis comes first, as `1. …`"
            )
        self._build(claims)
        return draft.finish()

    def _claims(self, first: int) -> Iterator[_Claim]:
        """Each numbered header with the lines that carry its text."""
        current: _Claim | None = None
        thesis: str | None = None
        for index in range(first, len(self.lines)):
            line = self.lines[index].rstrip()
            at = (index + 1, len(line) - len(line.lstrip()) + 1)
            if line.strip() == _SOURCES:
                self._sources(index + 1)
                break
            match = _CLAIM.fullmatch(line)
            number = match.group(1).rstrip(".") if match else ""
            label = match.group(2) if match else None
            is_claim = match is not None and (
                (thesis is None and "." not in number and label in (None, "Thesis"))
                or (
                    thesis is not None
                    and number.startswith(thesis + ".")
                    and label in ("Pro", "Con")
                )
            )
            if match is not None and not is_claim and thesis and number.startswith(thesis + "."):
                self.draft.warn(
                    at,
                    f"`{number}.` has no `Pro:` or `Con:`; argmap reads the line as text of "
                    "the claim above",
                    "write `Pro:` or `Con:` after the number",
                )
            if match is None or not is_claim:
                if current is None:
                    if line.strip():
                        self.draft.warn(at, "text before the thesis `1.` is ignored")
                    continue
                indent = len(line) - len(line.lstrip(" \t"))
                current.lines.append(line[min(indent, current.indent) :])
                continue
            if current is not None:
                yield self._finished(current)
            thesis = thesis or number
            side = None if label == "Thesis" else label
            current = _Claim(number, side, [match.group(3)], at, at[1] - 1, match.start(3) + 1)
        if current is not None:
            yield self._finished(current)

    def _finished(self, claim: _Claim) -> _Claim:
        """A claim whose text is a cross-link gets its link."""
        if claim.side is None:
            return claim
        first = next((i for i, line in enumerate(claim.lines) if line.strip()), 0)
        text = "\n".join(claim.lines[first:]).strip()
        link = _LINK.fullmatch(text)
        if link is not None:
            line = claim.at[0] + first
            column = claim.text_column if first == 0 else self.lines[line - 1].find("->") + 1
            claim.link = (link.group(1).rstrip("."), (line, column))
        return claim

    def _sources(self, first: int) -> None:
        """Kialo's footnotes, ``[1] Title https://…``: each a source, cited as ``[1]``."""
        unread = 0
        for index in range(first, len(self.lines)):
            line = self.lines[index].strip()
            if not line:
                continue
            note = _FOOTNOTE.fullmatch(line)
            if note is None:
                unread += 1
                continue
            number, text = note.group(1), unescape(note.group(2).strip())
            url_match = _URL.search(text)
            url = url_match.group(1) if url_match else None
            title = text[: url_match.start()].strip() if url_match else text
            source_id = self.draft.unique_id(f"source-{number}")
            self.footnotes[number] = source_id
            self.draft.sources[source_id] = Source(
                id=source_id, title=title or url or text, url=url
            )
        if unread:
            self.draft.warn(
                (first, 1),
                f"{unread} line(s) of Kialo's source list are not footnotes `[n] …`; not imported",
            )

    def _cite(self, text: str) -> tuple[str, str | None, str | None]:
        """A claim's text (as written) without the footnote marks it ends with, unescaped; its
        source; and a note naming any further sources it cites."""
        cited = [self.footnotes[n] for n in _CITED.findall(text) if n in self.footnotes]
        if not cited:
            return unescape(text), None, None
        ending = _CITED_AT_END.search(text)
        if ending is not None and all(n in self.footnotes for n in _CITED.findall(ending.group())):
            text = text[: ending.start()].rstrip() or text
        others = list(dict.fromkeys(cited[1:]))
        note = f"Also cites: {', '.join(others)}" if others else None
        return unescape(text), cited[0], note

    def _build(self, claims: list[_Claim]) -> None:
        draft = self.draft
        known: dict[str, _Claim] = {}
        others = 0
        for claim in claims:
            if claim.number in known:
                raise draft.fail(
                    claim.at,
                    f"claim {claim.number}. appears twice (first on line "
                    f"{known[claim.number].at[0]})",
                    "number each claim once",
                )
            if claim.side is not None:
                parent = known.get(claim.parent)
                if parent is None:
                    raise draft.fail(
                        claim.at,
                        f"claim {claim.number}. has no parent: there is no "
                        f"claim {claim.parent}. above it",
                        "a claim's number extends its parent's, as 1.2.1 under 1.2",
                    )
                if parent.link is not None:
                    raise draft.fail(
                        claim.at,
                        f"claim {claim.number}. is placed under a "
                        f"cross-link ({claim.parent}. -> See {parent.link[0]}.)",
                        f"number it under {parent.link[0]}. instead",
                    )
            known[claim.number] = claim
            if claim.link is None and not claim.text:
                raise draft.fail(claim.at, f"claim {claim.number}. has no text")
        for claim in claims:
            node_id = claim.number
            if claim.side is None:
                draft.question = Question(id=node_id, text=self._cite(claim.raw)[0])
                draft.reserve(node_id)
                draft.positions[node_id] = claim.at
            elif claim.link is None:
                draft.reserve(node_id)
                raw = claim.raw
                other = _OTHER_DISCUSSION.fullmatch(raw)
                if other is not None:
                    others += 1
                    raw = other.group(1)
                text, source, note = self._cite(raw)
                draft.statements[node_id] = {"text": text, "source": source, "notes": note}
                draft.positions[node_id] = claim.at
        if others:
            draft.warn(
                None,
                f"{others} claim(s) link to other Kialo discussions (`-> See discussion #…`); "
                "argmap keeps each as a claim naming the discussion, which is not imported",
            )
        for claim in claims:
            if claim.side is None:
                continue
            kind = RelationKind.SUPPORTS if claim.side == "Pro" else RelationKind.ATTACKS
            source = claim.number
            if claim.link is not None:
                source, where = claim.link
                target = known.get(source)
                if target is None or target.link is not None:
                    raise draft.fail(
                        where,
                        f"`-> See {source}.` points at no claim",
                        "a cross-link names the number of a claim in this export",
                    )
            draft.relate(kind, source, claim.parent, claim.at)


# -- writing -----------------------------------------------------------------------------------


@dataclass
class _Writer:
    debate: Debate
    classic: bool = False
    lines: list[str] = field(default_factory=list)
    numbers: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    incoming: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    footnotes: dict[str, int] = field(default_factory=dict)  # source id → footnote number

    def write(self) -> Written:
        debate = self.debate
        title = " ".join(debate.title.split()).replace("\\", "\\\\")
        self.lines = [f"{HEADER} {title}", ""] if self.classic else [NAME_HEADER, title, ""]
        self.footnotes = {source: n for n, source in enumerate(debate.sources, start=1)}
        self.numbers[debate.question.id] = "1"
        self._claim("1", "Thesis", debate.question.text)
        written = self._tree()
        if self.footnotes:
            self.lines += ["", _SOURCES, ""]
            for source_id, number in self.footnotes.items():
                source = debate.sources[source_id]
                title = " ".join(source.title.split())
                url = f" {source.url}" if source.url and not re.search(r"\s", source.url) else ""
                self.lines.append(f"[{number}] {_escape_line(title)}{url}")
        self._losses(written)
        return Written("\n".join(self.lines) + "\n", self.dropped)

    def _claim(
        self, number: str, side: str, text: str, source: str | None = None, *, link: bool = False
    ) -> None:
        """One claim: ``1.2. Pro: text`` (classic) or the header on its own line (current).

        A cross-link (``link``) is written as it is; a text is escaped where it would read as
        syntax, and a statement's source is cited as its footnote ``[n]``.
        """
        lines = [text] if link else _escaped_lines(text)
        if source in self.footnotes:
            lines[-1] = f"{lines[-1]} [{self.footnotes[source]}]"
        if self.classic:
            head = f"{number}. " if side == "Thesis" else f"{number}. {side}: "
            self.lines.append(head + lines[0])
            self.lines.extend(lines[1:])
            return
        indent = "  " * number.count(".")
        self.lines.append(f"{indent}{number}. {side}:")
        self.lines.extend(indent + line if line.strip() else "" for line in lines)
        self.lines.append("")

    def _children(self, node: str) -> list[tuple[str, str]]:
        """(child, Pro|Con) under ``node``: its premises, then its reasons and objections."""
        if not self.incoming:
            for r in self.debate.relations.values():
                if r.kind in (RelationKind.SUPPORTS, RelationKind.ATTACKS):
                    side = "Pro" if r.kind is RelationKind.SUPPORTS else "Con"
                    self.incoming.setdefault(r.target, []).append((r.source, side))
        argument = self.debate.arguments.get(node)
        bearing = self.incoming.get(node, [])
        if argument is None:
            return bearing
        # A premise that also bears on its argument directly is written once, as it bears.
        direct = {child for child, _ in bearing}
        return [(p, "Pro") for p in argument.premises if p not in direct] + bearing

    def _tree(self) -> int:
        """Depth first from the thesis; a claim met again becomes ``-> See``. Lines written."""
        written = 0
        stack = [
            (child, side, "1", index)
            for index, (child, side) in reversed(
                list(enumerate(self._children(self.debate.question.id), start=1))
            )
        ]
        while stack:
            node, side, parent, index = stack.pop()
            number = f"{parent}.{index}"
            written += 1
            if node in self.numbers:
                self._claim(number, side, f"-> See {self.numbers[node]}.", link=True)
                continue
            self.numbers[node] = number
            statement = self.debate.statements.get(node)
            self._claim(number, side, self._text(node), statement.source if statement else None)
            children = list(enumerate(self._children(node), start=1))
            stack.extend(
                (child, child_side, number, i) for i, (child, child_side) in reversed(children)
            )
        return written

    def _text(self, node: str) -> str:
        if node in self.debate.statements:
            return self.debate.statements[node].text
        argument = self.debate.arguments[node]
        return f"{argument.title}: {argument.gist}" if argument.gist else argument.title

    def _losses(self, written: int) -> None:
        debate = self.debate
        counts = count_fields(
            debate,
            (
                "description",
                "speakers",
                "speaker attributions",
                "concessions",
                "quotes",
                "statement titles",
                "schemes",
                "tags",
                "notes",
                "discussion questions",
                "bases",
                "declared sides",
                "relation notes",
                "teaching order",
                "groups",
                *WEIGHING_KINDS,
            ),
        )
        self.dropped = describe(counts, "Kialo")
        details = sum(1 for s in debate.sources.values() if s.publisher or s.author or s.date)
        if details:
            self.dropped.append(
                f"the publisher, author or date of {details} source(s) not written: a Kialo "
                "footnote holds a title and a link"
            )
        self.dropped.append(
            "ids are not written: Kialo numbers its claims, and reads the numbers back as ids"
        )
        if debate.arguments:
            linked = sum(1 for a in debate.arguments.values() if a.premises)
            self.dropped.append(
                f"{len(debate.arguments)} argument(s) become claims, their title and gist the "
                "claim's text"
                + (f"; the premises of {linked} become separate Pros" if linked else "")
                + ": Kialo has no arguments"
            )
        missing = [n for n in (*debate.statements, *debate.arguments) if n not in self.numbers]
        if missing:
            self.dropped.append(
                f"{len(missing)} claim(s) not connected to the question not written (e.g. "
                f"`{missing[0]}`): Kialo holds one tree below the thesis"
            )
            cited = sum(
                1 for n in missing if n in debate.statements and debate.statements[n].source
            )
            if cited:
                self.dropped.append(
                    f"{cited} statement sources not written: their claims are not connected to "
                    "the question"
                )
        other = [
            r
            for r in debate.relations.values()
            if r.kind in (RelationKind.UNDERCUTS, RelationKind.CONTRADICTS)
        ]
        repeated = repeated_pairs(debate, (RelationKind.SUPPORTS, RelationKind.ATTACKS))
        if repeated:
            self.dropped.append(repeated)
        if other:
            self.dropped.append(
                f"{len(other)} undercut(s) and contradiction(s) not written: Kialo has only "
                "Pro and Con"
            )


def _escaped_lines(text: str) -> list[str]:
    """A claim's text as lines that read back as this text, whichever line they stand on."""
    first, *rest = text.split("\n")
    lines = [_escape_line(_escape_text(first), doubled=False), *map(_escape_line, rest)]
    if _CITED_AT_END.search(lines[-1]):  # a text ending in `[2]` is not a citation
        lines[-1] = re.sub(r"\[(\d+)\]([ \t]*)$", r"\\[\1]\2", lines[-1])
    return lines


def _escape_text(text: str) -> str:
    r"""A claim's first line: backslashes doubled; a leading ``-> See`` or ``Pro:`` escaped."""
    text = text.replace("\\", "\\\\")
    if text.startswith("->"):
        return "-\\>" + text[2:]
    label = re.match(r"(Pro|Con)[ \t]*:", text)
    return text[: label.end() - 1] + "\\:" + text[label.end() :] if label else text


def _escape_line(line: str, *, doubled: bool = True) -> str:
    """A continuation line that would read as a claim, the header or the source list."""
    line = line.replace("\\", "\\\\") if doubled else line
    if _CLAIM.fullmatch(line):
        return re.sub(r"(\d)\.", r"\1\\.", line, count=1)
    if line.strip() == _SOURCES or line.lstrip().startswith((HEADER, NAME_HEADER)):
        return line.replace(":", "\\:", 1)
    return line
