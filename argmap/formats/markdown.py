"""A debate as a Markdown outline, ready to paste into a seminar handout.

The question is a heading, its reasons and objections nested lists below it (``For`` and
``Against`` at the top, ``Pro:`` and ``Con:`` further down), each claim with who holds it and
its quotes as block quotes. Arguments show their premises. A claim that appears a second
time is named and marked *(see above)* rather than repeated. Speakers, sources and the
discussion questions follow. Markdown is for reading, so argmap does not read it back.

Every text from the debate is data, not Markdown: :func:`md` escapes whatever a CommonMark
renderer would read as markup (HTML, links, code, emphasis, block starts), and a source's
link is written only for ``http``, ``https`` and ``mailto`` addresses. A handout shared with
students renders exactly the words of the file, whatever they contain.

The one exception is what argmap itself reads as inline Markdown in prose fields (titles,
texts, gists, notes, descriptions, discussion questions; :mod:`argmap.model.inline`): bold,
italic, code and http/https/mailto links are written back as Markdown (:func:`prose`), from
the parsed spans, so the handout shows ``**must**`` as **must**, as the TUI and the maps do,
and everything else in those texts is still escaped. Quotes and names stay verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from argmap.formats.written import WEIGHING_KINDS, Written, count_fields, describe
from argmap.model.debate import Debate, Quote, RelationKind
from argmap.model.inline import Span, has_markup, spans

_LABELS = {
    RelationKind.SUPPORTS: "Pro",
    RelationKind.ATTACKS: "Con",
    RelationKind.UNDERCUTS: "Undercut",
    RelationKind.CONTRADICTS: "Contradicts",
}
_INLINE = re.compile(r"[\\`*_\[\]<>&|~!#]")
"""Characters that open inline markup: code, emphasis, links and images, raw HTML and
comments, entities, tables, strikethrough. Escaped anywhere (CommonMark allows a backslash
before any ASCII punctuation)."""
_BLOCK_START = re.compile(r"[#>+=-]|\d{1,9}(?=[.)])")
"""What makes a line a heading, quote, list, setext underline or thematic break."""
_LINK = re.compile(r"(?:https?://|mailto:)[^\s<>\\\x00-\x1f\x7f]+", re.IGNORECASE)
"""A link a handout may carry: http, https or mailto, with nothing that ends an autolink."""


def write_markdown(debate: Debate) -> Written:
    """The debate as a Markdown handout, with what the handout leaves out."""
    return Written(_Outline(debate).text(), _losses(debate))


class _Outline:
    def __init__(self, debate: Debate) -> None:
        self.debate = debate
        self.shown: set[str] = set()
        self.lines: list[str] = []
        self.premises = {p for a in debate.arguments.values() for p in a.premises}
        # What is listed under each node: what bears on it, what it contradicts, and the
        # undercuts of its own links.
        self.bearing: dict[str, list[tuple[str, str]]] = {}
        for relation in debate.relations.values():
            target = relation.target
            if relation.kind is RelationKind.UNDERCUTS and target in debate.relations:
                link = debate.relations[target]
                self.bearing.setdefault(link.source, []).append(
                    (relation.source, "Undercuts its link")
                )
                continue
            self.bearing.setdefault(target, []).append((relation.source, _LABELS[relation.kind]))
            if relation.kind is RelationKind.CONTRADICTS:
                self.bearing.setdefault(relation.source, []).append(
                    (target, _LABELS[relation.kind])
                )

    def text(self) -> str:
        debate = self.debate
        self.lines = [f"# {_prose_line(debate.title)}", ""]
        if debate.description:
            self.lines += [prose(debate.description.strip()), ""]
        question = debate.question
        self.lines += [f"## {_prose_line(question.text)}", ""]
        self.shown.add(question.id)
        for heading, kind in (("For", RelationKind.SUPPORTS), ("Against", RelationKind.ATTACKS)):
            children = [
                (r.source, None)
                for r in debate.relations.values()
                if r.target == question.id and r.kind is kind
            ]
            if children:
                self.lines += [f"### {heading}", ""]
                self._items(children, 0)
                self.lines.append("")
        nodes = [*debate.statements, *debate.arguments]
        if any(n not in self.shown for n in nodes):
            self.lines += ["## Not connected to the question", ""]
            # Premises come with their argument; only orphaned ones are listed on their own.
            for node in [n for n in nodes if n not in self.premises] + nodes:
                if node not in self.shown:
                    self._items([(node, None)], 0)
            self.lines.append("")
        self._sections()
        self._people()
        self._sources()
        self._questions()
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def _children(self, node: str) -> Iterator[tuple[str, str]]:
        """(child, label) under ``node``: premises first, then what bears on it."""
        argument = self.debate.arguments.get(node)
        if argument is not None:
            yield from ((premise, "Premise") for premise in argument.premises)
        yield from self.bearing.get(node, ())

    def _items(self, roots: Sequence[tuple[str, str | None]], depth: int) -> None:
        stack = [(node, label, depth) for node, label in reversed(roots)]
        while stack:
            node, label, level = stack.pop()
            pad = "  " * level
            head = f"**{label}:** " if label else ""
            if node in self.shown:
                self.lines.append(f"{pad}- {head}{self._label(node)} *(see above)*")
                continue
            self.shown.add(node)
            first, *rest = self._describe(node).split("\n")
            self.lines.append(f"{pad}- {head}{first}")
            self.lines.extend(f"{pad}  {line}" if line else "" for line in rest)
            for quote in self._quotes(node):
                if self.lines[-1]:
                    self.lines.append("")
                self.lines.extend([*(f"{pad}  {line}" for line in quote), ""])
            children = list(self._children(node))
            stack.extend(
                (child, child_label, level + 1) for child, child_label in reversed(children)
            )

    def _label(self, node: str) -> str:
        label = _prose_line(self.debate.label_of(node), italic=True)
        return f"*{label}*"

    def _describe(self, node: str) -> str:
        debate = self.debate
        if node in debate.arguments:
            argument = debate.arguments[node]
            text = f"**Argument: {_prose_line(argument.title, bold=True)}**"
            if argument.gist:
                text += f" — {prose(argument.gist)}"
            return text + self._people_of(argument.speakers, argument.conceded_by)
        statement = debate.statements[node]
        text = prose(statement.text)
        if statement.title:
            title = _prose_line(statement.title, bold=True)
            text = f"**{title}.** {prose(statement.text, start=False)}"
        if statement.basis is not None:
            text += f" _({statement.basis.value.replace('-', ' ')})_"
        return text + self._people_of(statement.speakers, statement.conceded_by)

    def _people_of(self, speakers: tuple[str, ...], conceded: tuple[str, ...]) -> str:
        names = self._names(speakers)
        out = f" — {names}" if names else ""
        if conceded:
            out += f" (conceded by {self._names(conceded)})"
        return out

    def _names(self, ids: tuple[str, ...]) -> str:
        return ", ".join(f"*{_one_line(self.debate.speakers[i].name)}*" for i in ids)

    def _quotes(self, node: str) -> Iterator[list[str]]:
        statement = self.debate.statements.get(node)
        for quote in statement.quotes if statement is not None else ():
            words = [md(line) for line in quote.text.split("\n")]
            words[0], words[-1] = (
                f"“{words[0]}",
                f"{words[-1]}”" if len(words) > 1 else (f"“{words[0]}”"),
            )
            lines = [f"> {line}" for line in words]
            who = self._attribution(quote)
            yield [*lines, *([f"> — {who}"] if who else [])]

    def _attribution(self, quote: Quote) -> str:
        parts = [_one_line(self.debate.speakers[quote.speaker].name)] if quote.speaker else []
        if quote.source is not None:
            parts.append(f"*{_one_line(self.debate.sources[quote.source].title)}*")
        return ", ".join(parts)

    def _sections(self) -> None:
        """The debate's groups as headings, each listing the claims in it (by label)."""
        debate = self.debate
        members: dict[str, list[str]] = {}
        for node in (*debate.statements.values(), *debate.arguments.values()):
            if node.group is not None:
                members.setdefault(node.group, []).append(node.id)
        if not members:
            return
        self.lines += ["## Sections", ""]
        inside: dict[str | None, list[str]] = {}
        for group in debate.groups.values():
            inside.setdefault(group.parent, []).append(group.id)
        stack = [(group_id, 0) for group_id in reversed(inside.get(None, []))]
        while stack:
            group_id, depth = stack.pop()
            nodes = members.get(group_id, [])
            if nodes or inside.get(group_id):
                title = _one_line(debate.groups[group_id].title)
                self.lines += [f"{'#' * min(3 + depth, 6)} {title}", ""]
                self.lines += [f"- {self._label(node)}" for node in nodes]
                self.lines += [""] if nodes else []
            stack += [(child, depth + 1) for child in reversed(inside.get(group_id, []))]

    def _people(self) -> None:
        speakers = self.debate.speakers.values()
        if not speakers:
            return
        self.lines += ["## Who's who", ""]
        for speaker in speakers:
            about = ", ".join(_one_line(p) for p in (speaker.role, speaker.affiliation) if p)
            self.lines.append(f"- **{_one_line(speaker.name)}**" + (f" — {about}" if about else ""))
        self.lines.append("")

    def _sources(self) -> None:
        sources = self.debate.sources.values()
        if not sources:
            return
        self.lines += ["## Sources", ""]
        for source in sources:
            details = [
                _one_line(source.author) if source.author else None,
                _one_line(source.publisher) if source.publisher else None,
                source.date.isoformat() if source.date else None,
            ]
            line = f"- *{_one_line(source.title)}*" + "".join(f", {d}" for d in details if d)
            if source.url:
                url = source.url.strip()
                line += f" <{url}>" if _LINK.fullmatch(url) else f" ({_one_line(url)})"
            self.lines.append(line)
        self.lines.append("")

    def _questions(self) -> None:
        debate = self.debate
        asked = [
            (node, q)
            for node in (*debate.statements, *debate.arguments)
            for q in (debate.statements.get(node) or debate.arguments[node]).questions
        ]
        if not asked:
            return
        self.lines += ["## Questions for discussion", ""]
        for number, (node, question) in enumerate(asked, start=1):
            self.lines.append(f"{number}. {_prose_line(question)} (on {self._label(node)})")
        self.lines.append("")


def md(text: str, *, start: bool = True) -> str:
    """``text`` as Markdown that renders as exactly this text, over as many lines as it has.

    Inline markup characters get a backslash; each line loses the indentation that would
    make it code, and a mark that would make it a block (``#``, ``>``, ``-``, ``1.``) is
    escaped. ``start=False`` for a text that follows other words on its first line.
    """
    lines = []
    for number, line in enumerate(text.split("\n")):
        line = _INLINE.sub(lambda m: "\\" + m.group(), line.strip())
        if (start or number) and (block := _BLOCK_START.match(line)):
            at = block.end() if block.group()[0].isdigit() else 0
            line = f"{line[:at]}\\{line[at:]}"
        lines.append(line)
    return "\n".join(lines)


def prose(text: str, *, start: bool = True, bold: bool = False, italic: bool = False) -> str:
    """A prose field as Markdown: its inline Markdown written back from the parsed spans,
    everything else escaped as :func:`md` escapes it.

    ``bold``/``italic``: the text stands inside ``**…**``/``*…*`` already, so those marks are
    not repeated. The result is read back before it is used; should CommonMark read it
    differently from the spans it was written from (emphasis next to punctuation can), the
    words are written plain instead, escaped: never stray asterisks.
    """
    if not has_markup(text):
        return md(text, start=start)
    parts = spans(text)
    wanted = [
        Span(p.text, p.bold and not bold, p.italic and not italic, p.code, p.href) for p in parts
    ]
    written = _block_safe(_inline_markdown(wanted), start)
    if _shape(spans(written)) == _shape(wanted):
        return written
    return md("".join(p.text for p in parts), start=start)


def _prose_line(text: str, *, bold: bool = False, italic: bool = False) -> str:
    """:func:`prose` on one line (a title, a question)."""
    return prose(" ".join(text.split()), start=False, bold=bold, italic=italic)


def _inline_markdown(parts: Sequence[Span]) -> str:
    out: list[str] = []
    index = 0
    while index < len(parts):
        href = parts[index].href
        end = index + 1
        while href is not None and end < len(parts) and parts[end].href == href:
            end += 1
        words = "".join(_emphasised(part) for part in parts[index:end])
        out.append(f"[{words}](<{href}>)" if href is not None else words)
        index = end
    return "".join(out)


def _emphasised(part: Span) -> str:
    """One span's words, escaped, in code backticks or emphasis marks (white space outside)."""
    body = part.text.strip()
    if not body:
        return _INLINE.sub(lambda m: "\\" + m.group(), part.text)
    lead = part.text[: len(part.text) - len(part.text.lstrip())]
    trail = part.text[len(part.text.rstrip()) :]
    if part.code:
        fence = "`" * (max((len(run) for run in re.findall("`+", body)), default=0) + 1)
        pad = " " if body[0] == "`" or body[-1] == "`" else ""
        body = f"{fence}{pad}{body}{pad}{fence}"
    else:
        body = _INLINE.sub(lambda m: "\\" + m.group(), body)
    if part.italic:
        body = f"*{body}*"
    if part.bold:
        body = f"**{body}**"
    return lead + body + trail


def _block_safe(text: str, start: bool) -> str:
    """Each line stripped and kept from starting a block (as :func:`md` does)."""
    lines = []
    for number, line in enumerate(text.split("\n")):
        line = line.strip()
        if (start or number) and (block := _BLOCK_START.match(line)):
            at = block.end() if block.group()[0].isdigit() else 0
            line = f"{line[:at]}\\{line[at:]}"
        lines.append(line)
    return "\n".join(lines)


def _shape(parts: Sequence[Span]) -> list[tuple[str, bool, bool, bool, str | None]]:
    """Spans compared as a reader sees them: white space collapsed, neighbours of one style
    merged."""
    shaped: list[tuple[str, bool, bool, bool, str | None]] = []
    for part in parts:
        flags = (part.bold, part.italic, part.code, part.href)
        words = re.sub(r"\s+", " ", part.text)
        if shaped and shaped[-1][1:] == flags:
            shaped[-1] = (shaped[-1][0] + words, *flags)
        elif words:
            shaped.append((words, *flags))
    if shaped:
        shaped[0] = (shaped[0][0].lstrip(), *shaped[0][1:])
        shaped[-1] = (shaped[-1][0].rstrip(), *shaped[-1][1:])
    return [s for s in shaped if s[0]]


def _one_line(text: str) -> str:
    """A short text (a title, a name) on one line, escaped as :func:`md` escapes it."""
    return md(" ".join(text.split()), start=False)


def _losses(debate: Debate) -> list[str]:
    counts = count_fields(
        debate,
        ("tags", "notes", "relation notes", "declared sides", "teaching order", *WEIGHING_KINDS),
    )
    return [
        *describe(counts, "the Markdown handout"),
        "ids are not written: a handout names claims by their titles",
    ]
