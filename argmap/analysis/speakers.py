"""Who argues what: each speaker's claims, concessions and side on the question.

A speaker's side is not written in the file; it follows from the claims they assert. Each claim
has a side derived from the graph (:attr:`DebateIndex.sides`); the speaker takes the side most
of their claims are on. Concessions (``conceded_by``) do not count towards it: conceding a point
is granting something to the other side, not arguing for it. A speaker with as many pro as con
claims, or with none, is NEUTRAL.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from argmap.analysis.graph import DebateIndex
from argmap.model.debate import Side, Speaker


@dataclass(frozen=True, slots=True)
class SpeakerProfile:
    """One speaker's part in the debate. Claim ids are in file order."""

    speaker: Speaker
    side: Side
    claims: tuple[str, ...]
    concessions: tuple[str, ...]
    sides: dict[Side, int]
    """How many of their asserted claims are on each side."""

    @property
    def involved(self) -> tuple[str, ...]:
        """Every claim they assert or concede: what the TUI highlights for them."""
        return (*self.claims, *(c for c in self.concessions if c not in self.claims))


def speaker_profiles(index: DebateIndex) -> list[SpeakerProfile]:
    """A profile for every declared speaker, in the order the file declares them."""
    debate = index.debate
    claims: dict[str, list[str]] = {s: [] for s in debate.speakers}
    concessions: dict[str, list[str]] = {s: [] for s in debate.speakers}
    for node in (*debate.statements.values(), *debate.arguments.values()):
        for speaker_id in node.speakers:
            claims[speaker_id].append(node.id)
        for speaker_id in node.conceded_by:
            concessions[speaker_id].append(node.id)
    sides = index.sides
    profiles = []
    for speaker in debate.speakers.values():
        counts = Counter(sides.get(c, Side.NEUTRAL) for c in claims[speaker.id])
        profiles.append(
            SpeakerProfile(
                speaker=speaker,
                side=_majority(counts),
                claims=tuple(claims[speaker.id]),
                concessions=tuple(concessions[speaker.id]),
                sides={side: counts[side] for side in Side},
            )
        )
    return profiles


def _majority(counts: Counter[Side]) -> Side:
    pro, con = counts[Side.PRO], counts[Side.CON]
    if pro > con:
        return Side.PRO
    if con > pro:
        return Side.CON
    return Side.NEUTRAL


HIDDEN = "(hidden)"
"""What stands in for a speaker's name while seminar mode hides who said what."""

_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
_POSSESSIVE = re.compile(r"['\u2019]s?$")


class NameHider:
    """Replace every mention of a debate's speakers in a text with :data:`HIDDEN`.

    "Who said this?" is only a fair quiz if nothing on the slide names a speaker, and slides
    carry free text (discussion questions, titles) that often does: "Go and Choi concede this
    point". A mention is a speaker's full name (any case), or, for a name that looks like a
    person's (two to four capitalised words: "Andrei Lankov", "Kim Byung Yeon"), a run of its
    words in the text, written capitalised ("Lankov's point", "Go and Choi"). A run followed
    straight away by another capitalised word is someone else's name ("Kim Jong Un" is not
    Kim Byung Yeon) and is left alone. Over-hiding a word is the safe side of the quiz.
    """

    def __init__(self, speakers: Iterable[Speaker]) -> None:
        names = sorted({" ".join(s.name.split()) for s in speakers}, key=len, reverse=True)
        self._full = (
            re.compile(
                "|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names), re.IGNORECASE
            )
            if names
            else None
        )
        self._words: list[tuple[str, ...]] = [
            tuple(words) for name in names if _personal(words := name.split())
        ]

    def hide(self, text: str) -> str:
        """``text`` with every speaker mention replaced (see the class docstring)."""
        if self._full is not None:
            text = self._full.sub(HIDDEN, text)
        if not self._words:
            return text
        words = list(_WORD.finditer(text))
        cuts: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            end = self._run_end(text, words, i)
            if end is None:
                i += 1
                continue
            possessive = _POSSESSIVE.search(words[end].group())
            cuts.append(
                (words[i].start(), words[end].end(), possessive.group() if possessive else "")
            )
            i = end + 1
        for start, stop, tail in reversed(cuts):
            text = text[:start] + HIDDEN + tail + text[stop:]
        return text

    def _run_end(self, text: str, words: list[re.Match[str]], i: int) -> int | None:
        """The index of the last word of a speaker's name run starting at word ``i``."""
        best: int | None = None
        for name in self._words:
            for offset in range(len(name)):
                end, k = i, offset
                while (
                    end < len(words)
                    and k < len(name)
                    and _bare(words[end].group()) == name[k]
                    and (end == i or text[words[end - 1].end() : words[end].start()].isspace())
                ):
                    end, k = end + 1, k + 1
                if end == i:
                    continue
                after = words[end] if end < len(words) else None
                followed = (
                    after is not None
                    and after.group()[0].isupper()
                    and text[words[end - 1].end() : after.start()].isspace()
                    and not _POSSESSIVE.search(words[end - 1].group())
                )
                if not followed and (best is None or end - 1 > best):
                    best = end - 1
        return best


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _personal(words: list[str]) -> bool:
    """Does a name look like a person's, whose single words can stand for it?"""
    return 2 <= len(words) <= 4 and all(
        w[0].isupper() and w.isalpha() and not w.isupper() for w in words
    )
