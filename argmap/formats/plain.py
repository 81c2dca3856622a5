"""Graph models made without pydantic's validation where the values plainly need none.

The readers of other formats hand :class:`~argmap.formats.draft.Draft` keyword dicts, mostly
of short printable strings they cut out of the file themselves: an Argdown statement is a
text, a title, a speaker id and some tags. Validating each one (and then the whole debate,
which in pydantic runs every nested model's own validator a second time) was a third of
reading a 20,000-statement Argdown file.

:func:`made` validates only where validation could change or refuse something. A value
passes untouched when a test that is stricter than the model's own says so: an exact ``str``
that is printable (so no control character, newline or Unicode space) and, for a field the
model strips or requires, non-empty and without a space at either end (the only whitespace a
printable string can hold is the ASCII space, so stripping leaves it as it is); an id without
any space; a tuple of such strings; an enum member; a model instance the reader validated.
A field or a value the tables below do not know goes to pydantic as before, so a field
added to a model later is validated until it is listed here; the result is the same model
either way, with the same errors for what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from argmap.io.build import trusted
from argmap.model.debate import (
    Argument,
    Audience,
    Basis,
    Debate,
    Question,
    Quote,
    Relation,
    RelationKind,
    Side,
    Source,
    Speaker,
    Statement,
    Value,
    reference_problems,
)

M = TypeVar("M", bound=BaseModel)
_Test = Callable[[Any], bool]


def _plain(value: Any) -> bool:
    """A ``str`` field: printable, so it holds no control character."""
    return type(value) is str and value.isprintable()


def _text(value: Any) -> bool:
    """A stripped, non-empty text field (``Text``) that stripping leaves as it is."""
    return _plain(value) and value != "" and value[0] != " " and value[-1] != " "


def _word(value: Any) -> bool:
    """An ``Id``: non-empty and without whitespace."""
    return _plain(value) and value != "" and " " not in value


def _optional(test: _Test) -> _Test:
    return lambda value: value is None or test(value)


def _tuple_of(test: _Test) -> _Test:
    return lambda value: type(value) is tuple and all(test(item) for item in value)


def _member(kind: type) -> _Test:
    return lambda value: value is None or type(value) is kind


def _instance(kind: type) -> _Test:
    return lambda value: type(value) is kind


def _weight(value: Any) -> bool:
    return value is None or (type(value) is float and 0 <= value <= 1)


_NODE: dict[str, _Test] = {
    "id": _word,
    "speakers": _tuple_of(_word),
    "conceded_by": _tuple_of(_word),
    "tags": _tuple_of(_plain),
    "notes": _optional(_plain),
    "questions": _tuple_of(_plain),
    "side": _member(Side),
    "promotes": _tuple_of(_word),
    "demotes": _tuple_of(_word),
    "weight": _weight,
    "at_issue": lambda value: type(value) is bool,
}
_FIELDS: dict[type[BaseModel], dict[str, _Test]] = {
    Statement: {
        **_NODE,
        "text": _text,
        "title": _optional(_plain),
        "quotes": _tuple_of(_instance(Quote)),
        "basis": _member(Basis),
        "source": _optional(_word),
    },
    Argument: {
        **_NODE,
        "title": _text,
        "gist": _optional(_plain),
        "premises": _tuple_of(_word),
        "scheme": _optional(_word),
    },
    Relation: {
        "id": _word,
        "kind": _instance(RelationKind),
        "source": _word,
        "target": _word,
        "note": _optional(_plain),
    },
    Question: {"id": _word, "text": _text, "title": _optional(_plain)},
    Quote: {"text": _text, "speaker": _optional(_word), "source": _optional(_word)},
    Speaker: {
        "id": _word,
        "name": _text,
        "role": _optional(_plain),
        "affiliation": _optional(_plain),
        "description": _optional(_plain),
        "ranks": _tuple_of(_tuple_of(_word)),
    },
    Source: {
        "id": _word,
        "title": _text,
        "publisher": _optional(_plain),
        "author": _optional(_plain),
        "date": _member(dt.date),
        "url": _optional(_plain),
    },
    Value: {"id": _word, "name": _text, "description": _optional(_plain)},
    Audience: {"id": _word, "name": _text, "ranking": _tuple_of(_tuple_of(_word))},
}
"""Per model, the test each field's value must pass to need no validation."""


def made(model: type[M], **values: Any) -> M:
    """``model(**values)``, without validating when every value plainly passes."""
    tests = _FIELDS.get(model, {})
    for name, value in values.items():
        test = tests.get(name)
        if test is None or not test(value):
            return model(**values)
    return trusted(model, **values)


def made_from(model: type[M], item: Any) -> M:
    """``model.model_validate(item)``, without validating a mapping of plainly valid values."""
    if type(item) is dict and all(type(key) is str for key in item):
        return made(model, **item)
    return model.model_validate(item)


_PARTS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("sources", Source),
    ("speakers", Speaker),
    ("statements", Statement),
    ("arguments", Argument),
    ("relations", Relation),
    ("values", Value),
    ("audiences", Audience),
)


def _keyed(part: Any, kind: type[BaseModel]) -> bool:
    """A mapping of plain ids to instances of exactly ``kind``."""
    return type(part) is dict and all(
        _word(key) and type(item) is kind for key, item in part.items()
    )


def made_debate(**values: Any) -> Debate:
    """``Debate(**values)``, whose parts were made by :func:`made` or validated by a reader.

    Validating the debate would run the validator of each of its statements and relations
    again; this checks what the debate's own validator adds (its texts, the ids it is keyed
    by, every reference) and validates only when something there is not plainly right, so
    that pydantic reports it as before.
    """
    plain = (
        _text(values.get("title"))
        and _optional(_plain)(values.get("description"))
        and type(values.get("question")) is Question
        and _tuple_of(_word)(values.get("order", ()))
        and set(values) <= {"title", "question", "description", "order", *(p for p, _ in _PARTS)}
        and all(_keyed(values.get(name, {}), kind) for name, kind in _PARTS)
    )
    if plain:
        debate = trusted(Debate, **values)
        if next(reference_problems(debate), None) is None:
            return debate
    return Debate(**values)
