"""Graph models made without pydantic's validation where the values plainly need none.

The readers of other formats hand :class:`~argmap.formats.draft.Draft` keyword dicts, mostly
of short printable strings they cut out of the file themselves: an Argdown statement is a
text, a title, a speaker id and some tags. Validating each one (and then the whole debate,
which in pydantic runs every nested model's own validator a second time) was a third of
reading a 20,000-statement Argdown file.

:func:`made_all` validates only where validation could change or refuse something. A value
passes untouched when a test that is stricter than the model's own says so: an exact ``str``
that is printable (so no control character, newline or Unicode space) and, for a field the
model strips or requires, non-empty and without a space at either end (the only whitespace a
printable string can hold is the ASCII space, so stripping leaves it as it is); an id without
any space; a tuple of such strings; an enum member; a model instance the reader validated.
Each test takes a whole column (one field's values across all the models being made) in a
few calls that run in C: all the strings of a column are printable exactly when their
concatenation is. A field or a value the tables below do not know goes to pydantic as before,
so a field added to a model later is validated until it is listed here; the result is the
same model either way, with the same errors for what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from argmap.io.trusted import trusted
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
_Test = Callable[[list[Any]], bool]
"""Whether every value in a column (one field's values, across the models being made)
plainly passes: a handful of calls in C per column, not a few Python calls per value."""


def _joined(values: list[Any]) -> str | None:
    """The values as one string, when each is an exact ``str`` and all of them are printable
    (so none holds a control character, newline or Unicode space); None otherwise."""
    if not set(map(type, values)) <= {str}:
        return None
    joined = "".join(values)
    return joined if joined.isprintable() else None


def _plain(values: list[Any]) -> bool:
    """A ``str`` field."""
    return _joined(values) is not None


def _text(values: list[Any]) -> bool:
    """A stripped, non-empty text field (``Text``) that stripping leaves as it is: the only
    whitespace a printable string can hold is the ASCII space, at neither end here."""
    return _joined(values) is not None and all(values) and list(map(str.strip, values)) == values


def _word(values: list[Any]) -> bool:
    """An ``Id``: non-empty and without whitespace."""
    joined = _joined(values)
    return joined is not None and all(values) and " " not in joined


def _maybe(test: _Test) -> _Test:
    """``test`` for the values that are not None."""
    return lambda values: test([value for value in values if value is not None])


def _tuples(test: _Test) -> _Test:
    """A tuple field whose items, all of them together, pass ``test``."""
    return lambda values: (
        set(map(type, values)) <= {tuple} and test(list(chain.from_iterable(values)))
    )


def _member(*kinds: type) -> _Test:
    """Values of exactly these types (an enum member, a date, a validated model)."""
    allowed = set(kinds)
    return lambda values: set(map(type, values)) <= allowed


def _weight(values: list[Any]) -> bool:
    present = [value for value in values if value is not None]
    return set(map(type, present)) <= {float} and all(0 <= value <= 1 for value in present)


_words = _tuples(_word)
_NODE: dict[str, _Test] = {
    "id": _word,
    "speakers": _words,
    "conceded_by": _words,
    "tags": _tuples(_plain),
    "notes": _maybe(_plain),
    "questions": _tuples(_plain),
    "side": _member(Side, type(None)),
    "promotes": _words,
    "demotes": _words,
    "weight": _weight,
    "at_issue": _member(bool),
    "group": _maybe(_word),
}
_FIELDS: dict[type[BaseModel], dict[str, _Test]] = {
    Statement: {
        **_NODE,
        "text": _text,
        "title": _maybe(_plain),
        "quotes": _tuples(_member(Quote)),
        "basis": _member(Basis, type(None)),
        "source": _maybe(_word),
    },
    Argument: {
        **_NODE,
        "title": _text,
        "gist": _maybe(_plain),
        "premises": _words,
        "scheme": _maybe(_word),
    },
    Relation: {
        "id": _word,
        "kind": _member(RelationKind),
        "source": _word,
        "target": _word,
        "note": _maybe(_plain),
    },
    Question: {"id": _word, "text": _text, "title": _maybe(_plain)},
    Quote: {"text": _text, "speaker": _maybe(_word), "source": _maybe(_word)},
    Speaker: {
        "id": _word,
        "name": _text,
        "role": _maybe(_plain),
        "affiliation": _maybe(_plain),
        "description": _maybe(_plain),
        "ranks": _tuples(_words),
    },
    Source: {
        "id": _word,
        "title": _text,
        "publisher": _maybe(_plain),
        "author": _maybe(_plain),
        "date": _member(dt.date, type(None)),
        "url": _maybe(_plain),
    },
    Value: {"id": _word, "name": _text, "description": _maybe(_plain)},
    Audience: {"id": _word, "name": _text, "ranking": _tuples(_words)},
}
"""Per model, the test each field's values must pass to need no validation."""


def made(model: type[M], **values: Any) -> M:
    """``model(**values)``, without validating when every value plainly passes."""
    return made_all(model, [values])[0]


def made_all(model: type[M], items: Sequence[dict[str, Any]]) -> list[M]:
    """``[model(**values) for values in items]``, without validating any of them when every
    value of every item plainly passes; else each is made by :func:`made` alone (so only
    those with a value that needs it are validated, with pydantic's errors).

    Each field is tested once for all the items, as a column of values.
    """
    if plainly_valid(model, items):
        _, prototype, _, fields_set = _PLANS.get(model) or _plan(model)
        return [_new(model, prototype, fields_set, values) for values in items]
    if len(items) == 1:
        return [model(**items[0])]  # for pydantic's message about what is wrong
    return [made(model, **values) for values in items]


def made_keyed(model: type[M], fields: dict[str, dict[str, Any]]) -> dict[str, M]:
    """``{key: model(id=key, **values)}`` for each entry: :func:`made_all` for the models a
    debate keys by id, each model's dict made once, with its id put in as it is filled."""
    if plainly_valid(model, list(fields.values()), ids=list(fields)):
        _, prototype, _, fields_set = _PLANS.get(model) or _plan(model)
        return {
            key: _new(model, prototype, fields_set, values, key) for key, values in fields.items()
        }
    items = [{"id": key, **values} for key, values in fields.items()]
    return dict(zip(fields, made_all(model, items), strict=True))


def plainly_valid(
    model: type[BaseModel], items: Sequence[dict[str, Any]], *, ids: list[str] | None = None
) -> bool:
    """Whether validation would take every one of these field values as it is; ``ids``, when
    given, is each item's ``id``, a column the items do not hold themselves."""
    tests, _, required, _ = _PLANS.get(model) or _plan(model)
    names: set[str] = set().union(*items)
    if ids is not None:
        if "id" in names or "id" not in tests or not tests["id"](ids):
            return False
        required = required - {"id"}
    return not items or (
        names <= tests.keys()
        and names >= required
        and all(_passes(tests[name], items, name, name in required) for name in names)
    )


def deferred(model: type[M], **values: Any) -> M:
    """A model made now and tested later, with the others of its kind, by
    :func:`plainly_valid`; whoever makes it must not let it out before that."""
    _, prototype, _, fields_set = _PLANS.get(model) or _plan(model)
    return _new(model, prototype, fields_set, values)


def _passes(test: _Test, items: Sequence[dict[str, Any]], name: str, required: bool) -> bool:
    """Whether the column of field ``name`` passes: the values of the items that set it (all
    of them, for a field the model requires; the others take its default)."""
    column = [values[name] for values in items if name in values]
    return (not required or len(column) == len(items)) and test(column)


def _new(
    model: type[M],
    prototype: dict[str, Any],
    fields_set: set[str],
    values: dict[str, Any],
    model_id: str | None = None,
) -> M:
    """A model of these (plainly valid) values, and its id when it is given apart, as
    validation makes it: its dict is a copy of the prototype's with the values put in, and
    pydantic's three slots are set through their descriptors.

    The copy keeps the keys every instance of the class shares, in field order, so a model's
    dict holds only its values: 288 bytes for a statement rather than 464. It is made three
    times as fast as by setting the fields one by one, as :func:`argmap.io.trusted.trusted`
    does for the YAML loader, which keeps that way for its 64 bytes a model less memory.
    """
    fields = prototype.copy()
    if model_id is not None:
        fields["id"] = model_id
    fields.update(values)
    made = object.__new__(model)
    object.__setattr__(made, "__dict__", fields)
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
    """A model's field tests, the prototype of its dict (:func:`_new`), its required fields,
    and the fields-set every instance shares (each sets every field; pydantic copies the set
    before changing it). A model without tests (or with a default factory) gets none, so it
    is always validated."""
    defaults: dict[str, Any] = {}
    required: set[str] = set()
    tests = _FIELDS.get(model, {})
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            tests = {}
        if info.is_required():
            required.add(name)
        defaults[name] = info.default
    # Set one by one on an instance of the class, in field order, the defaults make a dict that
    # shares its keys with every instance's, as attributes set in an `__init__` do.
    blank = object.__new__(model)
    for name, value in defaults.items():
        object.__setattr__(blank, name, value)
    prototype: dict[str, Any] = blank.__dict__
    plan = _PLANS[model] = (tests, prototype, frozenset(required), set(model.model_fields))
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
    return type(part) is dict and _word(list(part)) and set(map(type, part.values())) <= {kind}


def made_debate(**values: Any) -> Debate:
    """``Debate(**values)``, whose parts were made by :func:`made` (or tested by
    :func:`plainly_valid`) or validated by a reader.

    Validating the debate would run the validator of each of its statements and relations
    again; this checks what the debate's own validator adds (its texts, the ids it is keyed
    by, every reference) and validates only when something there is not plainly right, so
    that pydantic reports it as before.
    """
    plain = (
        _text([values.get("title")])
        and _maybe(_plain)([values.get("description")])
        and type(values.get("question")) is Question
        and _words([values.get("order", ())])
        and set(values) <= {"title", "question", "description", "order", *(p for p, _ in PARTS)}
        and all(_keyed(values.get(name, {}), kind) for name, kind in PARTS)
    )
    if plain:
        debate = trusted(Debate, **values)
        if next(reference_problems(debate), None) is None:
            return debate
    return Debate(**values)
