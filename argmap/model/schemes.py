"""Argumentation schemes: recurring patterns of reasoning and the questions that test them.

The catalogue itself ships as data (``argmap/data/schemes.yaml``, read by ``argmap.io.schemes``)
so that teachers can read and extend it without touching code.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from argmap.model.debate import Id, Text


class Scheme(BaseModel):
    """One scheme after Walton, Reed and Macagno (2008), with its critical questions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    name: Text
    premises: tuple[str, ...]
    conclusion: str
    critical_questions: tuple[str, ...]
    reference: str | None = None
