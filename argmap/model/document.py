"""The file format: how a person writes a debate in YAML.

These models describe the *file*, not the graph: nested ``pros:`` / ``cons:`` for the common
tree case, ``ref:`` items and ``supports:`` / ``attacks:`` lists for cross-links, and top-level
``relations:`` for anything else. ``argmap schema`` prints their JSON Schema, so an editor can
complete and check a debate as it is typed. ``argmap.io.build`` turns a document into a
:class:`~argmap.model.debate.Debate`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
)

from argmap.model.debate import (
    Audience,
    Basis,
    Group,
    Id,
    Question,
    Quote,
    RelationKind,
    Side,
    Source,
    Speaker,
    Text,
    Value,
)


def _one_or_many(value: Any) -> Any:
    """Let ``by: lankov`` stand for ``by: [lankov]``: one speaker is the common case."""
    return [value] if isinstance(value, str) else value


IdList = Annotated[list[Id], BeforeValidator(_one_or_many)]


def _quote(value: Any) -> Any:
    """A bare string is a quote in the source's own words."""
    return {"text": value} if isinstance(value, str) else value


class _Doc(BaseModel):
    # defer_build: the validators are built when a YAML file is first validated, so a
    # command that reads another format never builds them (a sixth of its start-up).
    model_config = ConfigDict(extra="forbid", defer_build=True)


class QuoteDoc(_Doc):
    """A verbatim quote. ``by`` is who said it; omit it for the source's own words."""

    text: Text
    by: Id | None = Field(default=None, description="Speaker id; omit for the source's own words.")
    source: Id | None = Field(default=None, description="Source id; optional with a single source.")

    def to_model(self) -> Quote:
        return Quote(text=self.text, speaker=self.by, source=self.source)


QuoteItem = Annotated[QuoteDoc, BeforeValidator(_quote)]


class _NodeDoc(_Doc):
    """Fields shared by statements and arguments in the file."""

    id: Id
    by: IdList = Field(default_factory=list, description="Speaker id(s) who assert this.")
    conceded_by: IdList = Field(
        default_factory=list,
        description="Speaker id(s) who grant this point although it helps the other side.",
    )
    tags: list[str] = Field(default_factory=list)
    notes: str | None = None
    questions: list[str] = Field(default_factory=list, description="Discussion questions.")
    side: Side | None = Field(
        default=None, description="Optional: the side you expect; `argmap check` compares."
    )
    pros: list[Child] = Field(default_factory=list, description="Reasons for this node.")
    cons: list[Child] = Field(default_factory=list, description="Objections to this node.")
    supports: IdList = Field(default_factory=list, description="Cross-links: ids this supports.")
    attacks: IdList = Field(default_factory=list, description="Cross-links: ids this attacks.")
    contradicts: IdList = Field(default_factory=list, description="Ids this contradicts.")
    undercuts: IdList = Field(
        default_factory=list,
        description="Relation ids (`from->to`) or argument ids this undercuts.",
    )
    promotes: IdList = Field(default_factory=list, description="Value id(s) this reason serves.")
    demotes: IdList = Field(default_factory=list, description="Value id(s) it sets back.")
    weight: float | None = Field(
        default=None, ge=0, le=1, description="How strong a reason this is, from 0 to 1."
    )
    at_issue: bool = Field(
        default=False,
        alias="at-issue",
        description="Decide this claim by weighing its pros and cons under a proof standard.",
    )
    group: Id | None = Field(
        default=None, description="Group id (a section of the debate, see `groups:`)."
    )


class StatementDoc(_NodeDoc):
    """A claim, with its reasons (``pros``) and objections (``cons``) nested below it."""

    text: Text
    title: str | None = None
    quotes: list[QuoteItem] = Field(default_factory=list)
    basis: Basis | None = None
    source: Id | None = None


class ArgumentDoc(_NodeDoc):
    """An argument: premises that support its parent only together, or a sketch (no premises)."""

    argument: Text = Field(description="The argument's title.")
    gist: str | None = None
    premises: list[Premise] = Field(default_factory=list)
    scheme: Id | None = None


class RefDoc(_Doc):
    """A cross-link: an existing node placed here as a reason or objection."""

    ref: Id


def _child_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        if "ref" in value:
            return "<ref>"
        if "argument" in value:
            return "<argument>"
        return "<statement>"
    if isinstance(value, BaseModel):
        return {RefDoc: "<ref>", ArgumentDoc: "<argument>"}.get(type(value), "<statement>")
    return None


def _premise_kind(value: Any) -> str:
    is_ref = isinstance(value, RefDoc) or (isinstance(value, dict) and "ref" in value)
    return "<ref>" if is_ref else "<statement>"


Child = Annotated[
    Annotated[StatementDoc, Tag("<statement>")]
    | Annotated[ArgumentDoc, Tag("<argument>")]
    | Annotated[RefDoc, Tag("<ref>")],
    Discriminator(
        _child_kind,
        custom_error_type="child_kind",
        custom_error_message="expected a statement (with `text`), an argument (with `argument`) "
        "or a cross-link (with `ref`)",
    ),
]

Premise = Annotated[
    Annotated[StatementDoc, Tag("<statement>")] | Annotated[RefDoc, Tag("<ref>")],
    Discriminator(_premise_kind),
]


class QuestionDoc(_Doc):
    """The central question. Its ``pros`` argue for "yes", its ``cons`` for "no"."""

    id: Id
    text: Text
    title: str | None = None
    pros: list[Child] = Field(default_factory=list)
    cons: list[Child] = Field(default_factory=list)

    def to_model(self) -> Question:
        return Question(id=self.id, text=self.text, title=self.title)


class RelationDoc(_Doc):
    """A relation written out in full: ``{from: a, to: b, kind: attacks}``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    kind: RelationKind
    id: Id | None = Field(default=None, description="Defaults to `from->to`.")
    note: str | None = None


class DebateDoc(_Doc):
    """A whole debate file."""

    argmap: Literal[1] = Field(default=1, description="File format version.")
    title: Text
    description: str | None = None
    sources: list[Source] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    groups: list[Group] = Field(
        default_factory=list,
        description="Sections of the debate (`- id: sanctions`, `title:`, optional `parent:`); "
        "a claim joins one with `group: sanctions`, and maps draw each as a box.",
    )
    question: QuestionDoc
    statements: list[StatementDoc] = Field(
        default_factory=list, description="Claims not nested under the question."
    )
    arguments: list[ArgumentDoc] = Field(default_factory=list)
    relations: list[RelationDoc] = Field(default_factory=list)
    order: list[Id] = Field(default_factory=list, description="Teaching order for seminar mode.")
    values: list[Value] = Field(
        default_factory=list, description="What reasons serve; `promotes:` names them."
    )
    audiences: list[Audience] = Field(
        default_factory=list, description="Rankings of the values, for `evaluate --audience`."
    )
