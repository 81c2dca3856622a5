"""Argumentation schemes: recurring patterns of reasoning and the questions that test them.

The catalogue itself ships as data (``argmap/data/schemes.yaml``, read by ``argmap.io.schemes``)
so that teachers can read and extend it without touching code.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.model.debate import Id, Text


class SchemeVariable(BaseModel):
    """What one letter of a scheme stands for, and where an argument of that scheme gives it.

    ``from_`` (``from`` in the catalogue) is ``speaker`` (the argument's speaker: an expert, a
    source, a witness) or ``conclusion`` (the claim the argument supports or attacks); a letter
    with neither is explained to the reader with ``means`` instead of being filled in.
    """

    # defer_build: built when the catalogue is first read, not by every command's imports.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    means: str
    from_: Literal["speaker", "conclusion"] | None = Field(default=None, alias="from")


class Scheme(BaseModel):
    """One scheme after Walton, Reed and Macagno (2008), with its critical questions."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Id
    name: Text
    premises: tuple[str, ...]
    conclusion: str
    critical_questions: tuple[str, ...]
    variables: dict[str, SchemeVariable] = Field(default_factory=dict)
    """Each letter of the templates: what it means, and what fills it (see SchemeVariable)."""
    reference: str | None = None
