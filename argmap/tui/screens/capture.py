"""The capture form: a claim typed while the class talks.

The title comes first and Enter adds the claim at once, so a teacher keeps up with the room.
Tab opens the other fields: the full text, the speaker (an existing id or name, or a new name,
which declares the speaker), the evidence basis, a verbatim quote and its source, tags and
discussion questions. The form does not edit anything itself: it hands the
:class:`~argmap.analysis.editing.Claim` to ``submit``, which returns the refusal (as
``argmap check`` words it) to show in the form, or None when the edit was made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from argmap.analysis.editing import Claim
from argmap.model.debate import Basis

Submit = Callable[[Claim], str | None]

_FIELDS = (
    ("text", "Text (the whole claim; empty: the title is the claim)"),
    ("speakers", "Speaker: an id or name; a new name adds the speaker (commas for several)"),
    ("basis", "Basis: " + ", ".join(b.value for b in Basis)),
    ("quote", "Verbatim quote"),
    ("source", "Quote's source (a source id)"),
    ("tags", "Tags, separated by commas"),
    ("questions", "Discussion questions, separated by ;"),
)


class CaptureScreen(ModalScreen[bool]):
    """A modal form; dismisses with True once ``submit`` accepted the claim."""

    BINDINGS: ClassVar = [
        Binding("escape", "cancel", "Cancel", id="argmap.capture.cancel"),
        Binding("tab", "more", "More fields", id="argmap.capture.more", show=False),
    ]

    def __init__(
        self,
        heading: str,
        submit: Submit,
        *,
        claim: Claim | None = None,
        speakers: list[str] | None = None,
        sources: list[str] | None = None,
    ) -> None:
        super().__init__(id="capture")
        self.heading = heading
        self.submit = submit
        self.claim = claim
        self.speakers = speakers or []
        self.sources = sources or []

    def compose(self) -> ComposeResult:
        claim = self.claim or Claim("")
        with Vertical(id="capture-box"):
            yield Static(Content(self.heading), id="capture-heading", markup=False)
            yield Input(claim.title, placeholder="Title: Enter adds it · Tab: more", id="title")
            with Vertical(id="capture-more"):
                values = {
                    "text": claim.text,
                    "speakers": ", ".join(claim.speakers),
                    "basis": claim.basis.value if claim.basis else "",
                    "quote": claim.quote,
                    "source": claim.quote_source or "",
                    "tags": ", ".join(claim.tags),
                    "questions": "; ".join(claim.questions),
                }
                suggestions = {
                    "speakers": self.speakers,
                    "basis": [b.value for b in Basis],
                    "source": self.sources,
                }
                for name, placeholder in _FIELDS:
                    choices = suggestions.get(name)
                    yield Input(
                        values[name],
                        placeholder=placeholder,
                        id=name,
                        suggester=SuggestFromList(choices, case_sensitive=False)
                        if choices
                        else None,
                    )
            yield Static(id="capture-error", markup=False)
            yield Static(Content("Enter: add · Tab: more fields · Esc: cancel"), id="capture-keys")

    def on_mount(self) -> None:
        more = self.query_one("#capture-more")
        more.display = self.claim is not None
        self.query_one("#title", Input).focus()

    def action_more(self) -> None:
        """Tab: open the other fields, or move to the next one."""
        more = self.query_one("#capture-more")
        if not more.display:
            more.display = True
            self.query_one("#text", Input).focus()
        else:
            self.focus_next()

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        claim = self.read()
        if not claim.title.strip() and not claim.text.strip():
            self.show_error("Type the claim first (Esc cancels)")
            return
        refusal = self.submit(claim)
        if refusal is None:
            self.dismiss(True)
        else:
            self.show_error(refusal)

    def show_error(self, message: str) -> None:
        self.query_one("#capture-error", Static).update(Content(message))

    def read(self) -> Claim:
        """What the form holds now, as a :class:`Claim`."""

        def value(name: str) -> str:
            return self.query_one(f"#{name}", Input).value.strip()

        basis_text = value("basis").lower()
        basis = next((b for b in Basis if b.value == basis_text), None)
        return Claim(
            title=value("title"),
            text=value("text"),
            speakers=tuple(s.strip() for s in value("speakers").split(",") if s.strip()),
            basis=basis,
            quote=value("quote"),
            quote_source=value("source") or None,
            tags=tuple(t.strip() for t in value("tags").split(",") if t.strip()),
            questions=tuple(q.strip() for q in value("questions").split(";") if q.strip()),
        )
