"""Turn pydantic's validation errors into messages a debate author can act on.

Pydantic reports ``question.pros.3.<statement>.basis: Input should be 'statistic', ...``. An
author needs ``arguments.yaml:41:14: basis `expert` is not a known basis`` and a hint
``did you mean `expert-opinion`?``. This module does that translation, and nothing else.
"""

from __future__ import annotations

import copy
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from argmap.io.diagnostics import Diagnostic, did_you_mean
from argmap.io.yamlsource import YamlDocument
from argmap.model.document import (
    ArgumentDoc,
    DebateDoc,
    QuestionDoc,
    RefDoc,
    StatementDoc,
)

_TAGS: dict[str, type[BaseModel]] = {
    "<statement>": StatementDoc,
    "<argument>": ArgumentDoc,
    "<ref>": RefDoc,
}

_WHAT: dict[type[BaseModel], str] = {
    StatementDoc: "statement",
    ArgumentDoc: "argument",
    RefDoc: "cross-link",
    QuestionDoc: "question",
    DebateDoc: "debate file",
}


def diagnostics_from(error: ValidationError, document: YamlDocument) -> Iterator[Diagnostic]:
    """One diagnostic per pydantic error, located in the YAML it came from."""
    for detail in error.errors(include_url=False):
        yield _diagnostic(detail, document)


def without_optional_faults(data: Any, errors: list[ErrorDetails]) -> Any | None:
    """A copy of ``data`` minus the faulty optional fields, or None when that cannot help.

    Dropping an unknown key, or an optional field with a bad value, leaves a document that still
    validates; building it then finds the reference errors too, so one run of ``argmap check``
    reports a misspelt field *and* a misspelt id. Lists are never shortened, so every path, and
    so every reported line, stays true to the file. Anything else (a missing required field, a
    wrong list item) returns None: the field errors are reported alone.
    """
    cutting: list[tuple[dict[str, Any], str]] = []
    for detail in errors:
        loc = tuple(detail["loc"])
        container = _container(data, loc[:-1])
        key = loc[-1] if loc else None
        if not isinstance(container, dict) or not isinstance(key, str) or key not in container:
            return None
        model = _model_at(loc)
        field = model.model_fields.get(key) if model else None
        if detail["type"] != "extra_forbidden" and (field is None or field.is_required()):
            return None
        cutting.append((container, key))
    trimmed = copy.deepcopy(data)
    for container, key in cutting:
        path = _path_to(data, container)
        target = _container(trimmed, path) if path is not None else None
        if not isinstance(target, dict):
            return None
        target.pop(key, None)
    return trimmed


def _container(data: Any, loc: tuple[str | int, ...]) -> Any:
    """The value at ``loc``, skipping pydantic's union tags; None when the path breaks."""
    node = data
    for part in loc:
        if part in _TAGS:
            continue
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _path_to(data: Any, target: Any) -> tuple[str | int, ...] | None:
    """The path of the object ``target`` inside ``data`` (found by identity)."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if isinstance(node, dict):
            stack.extend((value, (*path, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*path, index)) for index, value in enumerate(node))
    return None


def _diagnostic(detail: ErrorDetails, document: YamlDocument) -> Diagnostic:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    line, column = document.locate(loc, key=kind == "extra_forbidden")
    keys = [part for part in loc if isinstance(part, str) and part not in _TAGS]
    field = keys[-1] if keys else "document"
    model = _model_at(loc)
    what = _WHAT.get(model, model.__name__.removesuffix("Doc").lower()) if model else "item"
    value = detail.get("input")
    message, hint = _explain(kind, field, what, value, detail, model)
    return Diagnostic(document.name, line, column, message, hint)


def _explain(
    kind: str,
    field: str,
    what: str,
    value: Any,
    detail: ErrorDetails,
    model: type[BaseModel] | None,
) -> tuple[str, str | None]:
    fields = _field_names(model)
    if kind == "missing":
        return f"this {what} has no `{field}`", f"add `{field}: ...`"
    if kind == "extra_forbidden":
        hint = did_you_mean(field, fields) or (
            f"fields allowed here: {', '.join(fields)}" if fields else None
        )
        return f"unknown field `{field}` in this {what}", hint
    if kind == "enum":
        choices = [
            c.strip(" '")
            for c in detail.get("ctx", {}).get("expected", "").replace(" or ", ", ").split(",")
        ]
        hint = did_you_mean(str(value), choices) or f"use one of: {', '.join(choices)}"
        return f"`{value}` is not a valid {field}", hint
    if kind == "string_type":
        hint = "put it in quotes" if isinstance(value, int | float | bool) else None
        return f"`{field}` should be text, not {_describe(value)}", hint
    if kind == "string_pattern_mismatch":
        return f"`{value}` is not a valid id: ids cannot contain spaces", "use hyphens, e.g. " + (
            "-".join(str(value).split()) if isinstance(value, str) else "my-id"
        )
    if kind == "string_too_short":
        return f"`{field}` is empty", f"write the {field}, or remove the line"
    if kind == "list_type":
        if field in {"by", "conceded_by", "supports", "attacks", "contradicts", "undercuts"}:
            return f"`{field}` should be an id or a list of ids, not {_describe(value)}", None
        return (
            f"`{field}` should be a list, not {_describe(value)}",
            "write each item on a `- ` line",
        )
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return (
            f"expected a {what} (a mapping of `key: value` lines), not {_describe(value)}",
            f"fields allowed here: {', '.join(fields)}" if fields else None,
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"`{value}` is not a valid date", "write dates as YYYY-MM-DD, e.g. 2016-09-11"
    if kind in {"less_than_equal", "greater_than_equal"} and field == "weight":
        return f"`weight` should be between 0 and 1, not {value}", "e.g. `weight: 0.7`"
    if kind == "literal_error":
        return f"`{field}: {value}` is not supported", f"this argmap reads `{field}: 1` files"
    return f"`{field}`: {detail['msg']}", None


def _describe(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the yes/no value `{str(value).lower()}`"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"`{value}`"


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The document model that owns the last part of ``loc``."""
    model: type[BaseModel] = DebateDoc
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if part in _TAGS:
            model = _TAGS[part]
            continue
        field = model.model_fields.get(part) or _by_alias(model, part)
        inner = _first_model(field.annotation) if field else None
        if inner is None:
            return None
        model = inner
    return model


def _by_alias(model: type[BaseModel], name: str) -> Any:
    return next((f for f in model.model_fields.values() if f.alias == name), None)


def _first_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _first_model(arg)
            if found is not None:
                return found
    return None


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]
