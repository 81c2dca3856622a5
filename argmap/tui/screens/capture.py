"""The capture form: a claim typed while the class talks; and F2's form for an argument.

The title comes first and Enter adds the claim at once, so a teacher keeps up with the room.
Tab opens the other fields: the full text, the speaker (an existing id or name, or a new name,
which declares the speaker), the evidence basis, a verbatim quote and its source, tags and
discussion questions. The form does not edit anything itself: it hands the
:class:`~argmap.analysis.editing.Claim` to ``submit``, which returns the refusal (as
``argmap check`` words it) to show in the form, or None when the edit was made.

A reconstructed argument is edited in the same form with its own fields (title, gist,
premises): :class:`ArgumentScreen` hands an :class:`~argmap.analysis.editing.ArgumentEdit`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from argmap.analysis.editing import ArgumentEdit, Claim
from argmap.model.debate import Basis
from argmap.tui.keys import ARGUMENT_FORM

if TYPE_CHECKING:
    from argmap.tui.view import DebateView

FormT = TypeVar("FormT", Claim, ArgumentEdit)
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


class _Form(ModalScreen[bool], Generic[FormT]):
    """A modal form: a title line first, then more fields; dismisses with True once
    ``submit`` accepted what it holds (:meth:`read`)."""

    FIELDS: ClassVar[tuple[tuple[str, str], ...]] = ()
    TITLE_HINT: ClassVar[str] = ""
    KEYS_LINE: ClassVar[str] = ""
    LABELLED: ClassVar[bool] = False
    """Show each field's hint above it (a form opened filled in, where placeholders hide)."""

    def __init__(self, heading: str, submit: Callable[[FormT], str | None], **kw: Any) -> None:
        super().__init__(**kw)
        self.heading = heading
        self.submit: Callable[[FormT], str | None] = submit

    def initial(self) -> tuple[str, dict[str, str]]:
        """The title and the other fields' values the form opens with."""
        raise NotImplementedError

    def suggestions(self) -> dict[str, list[str]]:
        """Completions offered in some fields (speaker names, source ids...)."""
        return {}

    def opened(self) -> bool:
        """Are the fields after the title shown from the start?"""
        return True

    def read(self) -> FormT:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        title, values = self.initial()
        suggestions = self.suggestions()
        with Vertical(id="capture-box"):
            yield Static(Content(self.heading), id="capture-heading", markup=False)
            if self.LABELLED:
                yield Static(Content(self.TITLE_HINT), classes="capture-label", markup=False)
            yield Input(title, placeholder="" if self.LABELLED else self.TITLE_HINT, id="title")
            with Vertical(id="capture-more"):
                for name, placeholder in self.FIELDS:
                    choices = suggestions.get(name)
                    if self.LABELLED:
                        yield Static(Content(placeholder), classes="capture-label", markup=False)
                    yield Input(
                        values[name],
                        placeholder="" if self.LABELLED else placeholder,
                        id=name,
                        suggester=SuggestFromList(choices, case_sensitive=False)
                        if choices
                        else None,
                    )
            yield from self.below()
            yield Static(id="capture-error", markup=False)
            yield Static(Content(self.KEYS_LINE), id="capture-keys")

    def below(self) -> ComposeResult:
        """What the form shows under its fields (nothing, unless a form says otherwise)."""
        yield from ()

    def on_mount(self) -> None:
        more = self.query_one("#capture-more")
        more.display = self.opened()
        self.query_one("#title", Input).focus()

    def action_more(self) -> None:
        """Tab: open the other fields, or move to the next one."""
        more = self.query_one("#capture-more")
        if not more.display:
            more.display = True
            self.query_one(f"#{self.FIELDS[0][0]}", Input).focus()
        else:
            self.focus_next()

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.value("title") and not (self.FIELDS and self.value(self.FIELDS[0][0])):
            self.show_error("Type the claim first (Esc cancels)")
            return
        refusal = self.submit(self.read())
        if refusal is None:
            self.dismiss(True)
        else:
            self.show_error(refusal)

    def show_error(self, message: str) -> None:
        self.query_one("#capture-error", Static).update(Content(message))

    def value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()


class CaptureScreen(_Form[Claim]):
    """The claim form: Enter adds the claim typed in the title line; Tab opens the rest."""

    BINDINGS: ClassVar = [
        Binding("escape", "cancel", "Cancel", id="argmap.capture.cancel"),
        Binding("tab", "more", "More fields", id="argmap.capture.more", show=False),
    ]
    FIELDS = _FIELDS
    TITLE_HINT = "Title: Enter adds it · Tab: more"
    KEYS_LINE = "Enter: add · Tab: more fields · Esc: cancel"

    def __init__(
        self,
        heading: str,
        submit: Submit,
        *,
        claim: Claim | None = None,
        speakers: list[str] | None = None,
        sources: list[str] | None = None,
    ) -> None:
        super().__init__(heading, submit, id="capture")
        self.claim = claim
        self.speakers = speakers or []
        self.sources = sources or []

    def initial(self) -> tuple[str, dict[str, str]]:
        claim = self.claim or Claim("")
        return claim.title, {
            "text": claim.text,
            "speakers": ", ".join(claim.speakers),
            "basis": claim.basis.value if claim.basis else "",
            "quote": claim.quote,
            "source": claim.quote_source or "",
            "tags": ", ".join(claim.tags),
            "questions": "; ".join(claim.questions),
        }

    def suggestions(self) -> dict[str, list[str]]:
        return {
            "speakers": self.speakers,
            "basis": [b.value for b in Basis],
            "source": self.sources,
        }

    def opened(self) -> bool:
        return self.claim is not None

    def read(self) -> Claim:
        """What the form holds now, as a :class:`Claim`."""
        value = self.value
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


class ArgumentScreen(_Form[ArgumentEdit]):
    """F2 on a reconstructed argument: its title, gist and premises (statement ids).

    F3 picks a premise by search with the same screen Ctrl+K links claims with, and adds its
    id to the premises line; ids can be typed (and are completed) there too.
    """

    BINDINGS: ClassVar = ARGUMENT_FORM
    FIELDS = (
        ("gist", "Gist: the argument in a sentence or two"),
        ("premises", "Premises: statement ids, separated by commas · F3: pick by search"),
    )
    TITLE_HINT = "Title of the argument"
    KEYS_LINE = "Enter: save · Tab: next field · F3: add a premise · Esc: cancel"
    LABELLED = True

    def __init__(
        self,
        heading: str,
        submit: Callable[[ArgumentEdit], str | None],
        edit: ArgumentEdit,
        view: DebateView,
        exclude: set[str],
    ) -> None:
        super().__init__(heading, submit, id="argument-form")
        self.edit = edit
        self.view = view
        self.exclude = exclude
        """Ids that cannot be premises (the argument itself, the question, other arguments)."""

    def initial(self) -> tuple[str, dict[str, str]]:
        edit = self.edit
        return edit.title, {"gist": edit.gist, "premises": ", ".join(edit.premises)}

    def suggestions(self) -> dict[str, list[str]]:
        return {"premises": list(self.view.debate.statements)}

    def below(self) -> ComposeResult:
        yield Static(self._premise_titles(self.edit.premises), id="premise-titles", markup=False)

    def _premise_titles(self, premises: tuple[str, ...]) -> Content:
        """The premises as a reader knows them: their titles, numbered (unknown ids said so)."""
        debate = self.view.debate
        lines = [
            f"{n}. {debate.label_of(p) if p in debate.statements else f'{p}: not a statement'}"
            for n, p in enumerate(premises, 1)
        ]
        return Content("\n".join(lines) if lines else "No premises: a sketched argument")

    @on(Input.Changed, "#premises")
    def _premises_changed(self, event: Input.Changed) -> None:
        premises = tuple(p.strip() for p in event.value.split(",") if p.strip())
        self.query_one("#premise-titles", Static).update(self._premise_titles(premises))

    def read(self) -> ArgumentEdit:
        premises = tuple(p.strip() for p in self.value("premises").split(",") if p.strip())
        return ArgumentEdit(self.value("title"), self.value("gist"), premises)

    def action_pick_premise(self) -> None:
        """F3: choose a claim by search; its id joins the premises."""
        from argmap.tui.screens.ask import PickScreen

        field = self.query_one("#premises", Input)
        chosen = {p.strip() for p in field.value.split(",")}

        def picked(node: str | None) -> None:
            if node is not None:
                ids = [p.strip() for p in field.value.split(",") if p.strip()]
                field.value = ", ".join([*ids, node])
            field.focus()

        question = f"Add which claim as a premise of “{self.edit.title}”?"
        self.app.push_screen(PickScreen(question, self.view, self.exclude | chosen), picked)
