"""Kialo's plain-text discussion export, read and written.

Kialo (kialo.com) exports a discussion as numbered lines::

    Discussion Title: Should schools require uniforms?

    1. Schools should require uniforms.
    1.1. Pro: Uniforms hide income differences.
    1.1.1. Con: Pupils still show status through shoes and phones.
    1.2. Con: Uniforms cost families money.
    1.2.1. Pro: -> See 1.1.1.

The thesis ``1.`` is the debate's question. Every other claim is a ``Pro`` or a ``Con`` of the
claim its number extends (``1.1.1`` of ``1.1``): the side is relative to that parent, so a
``Con`` of a ``Con`` argues for the thesis. ``-> See 1.1.1.`` places an existing claim a second
time: a cross-link, read as a relation from claim 1.1.1. A claim's text may go on over several
lines; Kialo escapes Markdown characters (``\\(``) and keeps Markdown links as they are.

Kialo holds a tree of claims and nothing else: no speakers, quotes, tags or linked premises.
The writer lists what it leaves out. Claim numbers become the ids of what is read.
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
from argmap.io.load import LoadedDebate, collector_paused
from argmap.io.yamlsource import read_text
from argmap.model.debate import Debate, Question, RelationKind

HEADER = "Discussion Title:"

_CLAIM = re.compile(r"[ \t]*((?:\d+\.)+)[ \t]+(?:(Pro|Con)[ \t]*:[ \t]*)?(.*)")
_LINK = re.compile(r"->[ \t]*See[ \t]+((?:\d+\.)+)[ \t]*")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_SOURCES = "Sources:"


def read_kialo(path: Path) -> LoadedDebate:
    """Read a Kialo export; DebateLoadError with a location when a line cannot be placed."""
    return parse_kialo(read_text(path), str(path))


def parse_kialo(text: str, name: str = "<kialo>") -> LoadedDebate:
    """Parse Kialo export text; ``name`` labels diagnostics."""
    with collector_paused():
        return _Reader(text, name).read()


def write_kialo(debate: Debate) -> Written:
    """The debate as a Kialo export, with what Kialo could not hold."""
    return _Writer(debate).write()


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
    link: tuple[str, Position] | None = None  # the claim a `-> See` line points at

    @property
    def parent(self) -> str:
        return self.number.rpartition(".")[0]

    @property
    def text(self) -> str:
        return unescape("\n".join(self.lines).strip())


class _Reader:
    def __init__(self, text: str, name: str) -> None:
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.draft = Draft(name)
        self.name = name

    def read(self) -> LoadedDebate:
        draft = self.draft
        start = next((i for i, line in enumerate(self.lines) if line.strip()), None)
        if start is None or not self.lines[start].lstrip().startswith(HEADER):
            where = (start + 1, 1) if start is not None else (1, 1)
            raise draft.fail(
                where,
                f"this is not a Kialo export: it should begin with `{HEADER} …`",
                "export the discussion from Kialo as text, or give the format with --from",
            )
        title = unescape(self.lines[start].lstrip()[len(HEADER) :].strip())
        draft.title = title or Path(self.name).stem
        claims = list(self._claims(start + 1))
        if not claims:
            raise draft.fail(
                (start + 1, 1), "the export holds no claims", "the thesis comes first, as `1. …`"
            )
        self._build(claims)
        return draft.finish()

    def _claims(self, first: int) -> Iterator[_Claim]:
        """Each numbered line with the lines that continue its text."""
        current: _Claim | None = None
        thesis: str | None = None
        for index in range(first, len(self.lines)):
            line = self.lines[index].rstrip()
            at = (index + 1, len(line) - len(line.lstrip()) + 1)
            if line.strip() == _SOURCES:
                rest = sum(1 for later in self.lines[index + 1 :] if later.strip())
                self.draft.warn(at, f"Kialo's source list ({rest} lines) is not imported")
                break
            match = _CLAIM.fullmatch(line)
            number = match.group(1).rstrip(".") if match else ""
            is_claim = match is not None and (
                (thesis is None and "." not in number)
                or (
                    thesis is not None
                    and number.startswith(thesis + ".")
                    and match.group(2) is not None
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
                current.lines.append(line)
                continue
            if current is not None:
                yield current
            thesis = thesis or number
            current = _Claim(number, match.group(2), [match.group(3)], at)
            link = _LINK.fullmatch(match.group(3))
            if link is not None and current.side is not None:
                current.link = (link.group(1).rstrip("."), (at[0], at[1] + match.start(3)))
        if current is not None:
            yield current

    def _build(self, claims: list[_Claim]) -> None:
        draft = self.draft
        known: dict[str, _Claim] = {}
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
            if claim.side is None:
                draft.question = Question(id=claim.number, text=claim.text)
                draft.reserve(claim.number)
                draft.positions[claim.number] = claim.at
            elif claim.link is None:
                draft.reserve(claim.number)
                draft.statements[claim.number] = {"text": claim.text}
                draft.positions[claim.number] = claim.at
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
    lines: list[str] = field(default_factory=list)
    numbers: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    incoming: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def write(self) -> Written:
        debate = self.debate
        title = " ".join(debate.title.split()).replace("\\", "\\\\")
        self.lines = [f"{HEADER} {title}", ""]
        self.numbers[debate.question.id] = "1"
        self._text_lines("1. ", debate.question.text)
        written = self._tree()
        self._losses(written)
        return Written("\n".join(self.lines) + "\n", self.dropped)

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
                self.lines.append(f"{number}. {side}: -> See {self.numbers[node]}.")
                continue
            self.numbers[node] = number
            self._text_lines(f"{number}. {side}: ", self._text(node))
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

    def _text_lines(self, head: str, text: str) -> None:
        first, *rest = text.split("\n")
        self.lines.append(head + _escape_text(first))
        self.lines.extend(_escape_line(line) for line in rest)

    def _losses(self, written: int) -> None:
        debate = self.debate
        counts = count_fields(
            debate,
            (
                "description",
                "sources",
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
                "statement sources",
                "declared sides",
                "relation notes",
                "teaching order",
                *WEIGHING_KINDS,
            ),
        )
        self.dropped = describe(counts, "Kialo")
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


def _escape_text(text: str) -> str:
    r"""A claim's first line: backslashes doubled; a leading ``-> See`` or ``Pro:`` escaped."""
    text = text.replace("\\", "\\\\")
    if text.startswith("->"):
        return "-\\>" + text[2:]
    label = re.match(r"(Pro|Con)[ \t]*:", text)
    return text[: label.end() - 1] + "\\:" + text[label.end() :] if label else text


def _escape_line(line: str) -> str:
    """A continuation line that would read as a claim, the header or the source list."""
    line = line.replace("\\", "\\\\")
    if _CLAIM.fullmatch(line):
        return re.sub(r"(\d)\.", r"\1\\.", line, count=1)
    if line.strip() == _SOURCES or line.lstrip().startswith(HEADER):
        return line.replace(":", "\\:", 1)
    return line
