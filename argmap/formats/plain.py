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
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from argmap.io.build import trusted
from argmap.model.debate import (
    Argument,
    Audience,
    Basis,
    Debate,
    Group,
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


def _maybe_plain(value: Any) -> bool:
    return value is None or (type(value) is str and value.isprintable())


def _text(value: Any) -> bool:
    """A stripped, non-empty text field (``Text``) that stripping leaves as it is."""
    return (
        type(value) is str
        and value != ""
        and value[0] != " "
        and value[-1] != " "
        and value.isprintable()
    )


def _word(value: Any) -> bool:
    """An ``Id``: non-empty and without whitespace."""
    return type(value) is str and value != "" and " " not in value and value.isprintable()


def _maybe_word(value: Any) -> bool:
    return value is None or _word(value)


def _words(value: Any) -> bool:
    return type(value) is tuple and all(map(_word, value))


def _plains(value: Any) -> bool:
    return type(value) is tuple and all(map(_plain, value))


def _ranking(value: Any) -> bool:
    return type(value) is tuple and all(map(_words, value))


def _quotes(value: Any) -> bool:
    return type(value) is tuple and all(type(item) is Quote for item in value)


def _member(kind: type) -> _Test:
    return lambda value: value is None or type(value) is kind


def _weight(value: Any) -> bool:
    return value is None or (type(value) is float and 0 <= value <= 1)


_NODE: dict[str, _Test] = {
    "id": _word,
    "speakers": _words,
    "conceded_by": _words,
    "tags": _plains,
    "notes": _maybe_plain,
    "questions": _plains,
    "side": _member(Side),
    "promotes": _words,
    "demotes": _words,
    "weight": _weight,
    "at_issue": lambda value: type(value) is bool,
    "group": _maybe_word,
}
_FIELDS: dict[type[BaseModel], dict[str, _Test]] = {
    Statement: {
        **_NODE,
        "text": _text,
        "title": _maybe_plain,
        "quotes": _quotes,
        "basis": _member(Basis),
        "source": _maybe_word,
    },
    Argument: {
        **_NODE,
        "title": _text,
        "gist": _maybe_plain,
        "premises": _words,
        "scheme": _maybe_word,
    },
    Relation: {
        "id": _word,
        "kind": lambda value: type(value) is RelationKind,
        "source": _word,
        "target": _word,
        "note": _maybe_plain,
    },
    Question: {"id": _word, "text": _text, "title": _maybe_plain},
    Quote: {"text": _text, "speaker": _maybe_word, "source": _maybe_word},
    Speaker: {
        "id": _word,
        "name": _text,
        "role": _maybe_plain,
        "affiliation": _maybe_plain,
        "description": _maybe_plain,
        "ranks": _ranking,
    },
    Source: {
        "id": _word,
        "title": _text,
        "publisher": _maybe_plain,
        "author": _maybe_plain,
        "date": _member(dt.date),
        "url": _maybe_plain,
    },
    Value: {"id": _word, "name": _text, "description": _maybe_plain},
    Audience: {"id": _word, "name": _text, "ranking": _ranking},
}
"""Per model, the test each field's value must pass to need no validation."""


def made(model: type[M], **values: Any) -> M:
    """``model(**values)``, without validating when every value plainly passes."""
    plan = _PLANS.get(model) or _plan(model)
    tests, defaults, required, fields_set = plan
    for name, value in values.items():
        test = tests.get(name)
        if test is None or not test(value):
            return model(**values)
    if not values.keys() >= required:
        return model(**values)  # for pydantic's message about the missing field
    made = object.__new__(model)
    # One dict in field order, as validation makes it (defaults first, so the order holds),
    # and pydantic's three slots set through their descriptors.
    object.__setattr__(made, "__dict__", {**defaults, **values})
    _set_fields_set(made, fields_set)
    _set_extra(made, None)
    _set_private(made, None)
    return made


_Plan = tuple[dict[str, _Test], dict[str, Any], frozenset[str], set[str]]
_PLANS: dict[type[BaseModel], _Plan] = {}


def _slot(name: str) -> Callable[[Any, Any], None]:
    """The setter of one of the slots every pydantic model has."""
    setter: Callable[[Any, Any], None] = cast(Any, vars(BaseModel)[name]).__set__
    return setter


_set_fields_set = _slot("__pydantic_fields_set__")
_set_extra = _slot("__pydantic_extra__")
_set_private = _slot("__pydantic_private__")


def _plan(model: type[BaseModel]) -> _Plan:
    """A model's field tests, its defaults in field order, its required fields, and the
    fields-set every instance shares (each sets every field; pydantic copies the set before
    changing it). A model without tests (or with a default factory) gets none, so it is
    always validated."""
    defaults: dict[str, Any] = {}
    required: set[str] = set()
    tests = _FIELDS.get(model, {})
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            tests = {}
        if info.is_required():
            required.add(name)
        defaults[name] = info.default
    plan = _PLANS[model] = (tests, defaults, frozenset(required), set(model.model_fields))
    return plan


def made_from(model: type[M], item: Any) -> M:
    """``model.model_validate(item)``, without validating a mapping of plainly valid values."""
    if type(item) is dict and all(type(key) is str for key in item):
        return made(model, **item)
    return model.model_validate(item)


PARTS: tuple[tuple[str, type[BaseModel]], ...] = (  # every keyed part of a Debate
    ("sources", Source),
    ("speakers", Speaker),
    ("statements", Statement),
    ("arguments", Argument),
    ("relations", Relation),
    ("values", Value),
    ("audiences", Audience),
    ("groups", Group),
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
        and _maybe_plain(values.get("description"))
        and type(values.get("question")) is Question
        and _words(values.get("order", ()))
        and set(values) <= {"title", "question", "description", "order", *(p for p, _ in PARTS)}
        and all(_keyed(values.get(name, {}), kind) for name, kind in PARTS)
    )
    if plain:
        debate = trusted(Debate, **values)
        if next(reference_problems(debate), None) is None:
            return debate
    return Debate(**values)
