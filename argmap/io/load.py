"""Loading a debate from argmap's YAML format: parse, validate, build, with locations."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from argmap.io.build import build_debate
from argmap.io.diagnostics import DebateLoadError, Diagnostic, Severity
from argmap.io.loaded import LoadedDebate, collector_paused
from argmap.io.schemes import scheme_catalogue
from argmap.io.validation import diagnostics_from, without_optional_faults
from argmap.io.yamlsource import YamlDocument, parse_yaml, read_text
from argmap.model.document import DebateDoc


def load_debate(path: Path) -> LoadedDebate:
    """Read and check a YAML debate file; raise DebateLoadError listing every error found."""
    with collector_paused():
        # The text is parsed inside the call, so nothing holds it once it has been read.
        return _loaded(parse_yaml(read_text(path), str(path)))


def parse_debate(text: str, name: str = "<text>") -> LoadedDebate:
    """Parse YAML debate text; ``name`` is used in diagnostics."""
    with collector_paused():
        return _loaded(parse_yaml(text, name))


def _loaded(document: YamlDocument) -> LoadedDebate:
    doc = _validate(document)
    # The plain data is only needed to explain validation errors: let it go before building.
    located = document.without_data()
    del document
    debate, source_map, diagnostics = build_debate(doc, located, scheme_catalogue().keys())
    if debate is None:
        raise DebateLoadError(diagnostics)
    warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
    return LoadedDebate(debate, source_map, warnings)


def _validate(document: YamlDocument) -> DebateDoc:
    data = document.data
    if data is None:
        raise DebateLoadError(
            [
                Diagnostic(
                    document.name,
                    1,
                    1,
                    "the file is empty",
                    "start with `title:` and a `question:` with an `id:` and `text:` (see README)",
                )
            ]
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"the single value {data!r}"
        raise DebateLoadError(
            [
                Diagnostic(
                    document.name,
                    1,
                    1,
                    f"a debate file must be a mapping of `key: value` lines, "
                    f"but this file holds {kind}",
                    "start with `title:` and a `question:` with an `id:` and `text:`",
                )
            ]
        )
    try:
        return DebateDoc.model_validate(data)
    except ValidationError as error:
        diagnostics = list(diagnostics_from(error, document))
        trimmed = without_optional_faults(data, error.errors())
        if trimmed is not None:
            diagnostics += _reference_errors(DebateDoc.model_validate(trimmed), document)
        raise DebateLoadError(diagnostics) from None


def _reference_errors(doc: DebateDoc, document: YamlDocument) -> list[Diagnostic]:
    """The errors building would report, for a document whose field errors were cut away."""
    _, _, diagnostics = build_debate(doc, document, scheme_catalogue().keys())
    return [d for d in diagnostics if d.severity is Severity.ERROR]
