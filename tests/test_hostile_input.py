"""Hostile input: never a traceback, never a hang; always a message, a location, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.io.diagnostics import DebateLoadError
from argmap.io.load import load_debate, parse_debate

BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
)


def check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", ":1:1: error: the file is empty"),
        (b"   \n# only a comment\n", ":1:1: error: the file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            ": error: this is a binary file, not a text debate file",
        ),
        (b"title: caf\xe9\n", ":1:11: error: byte 0xe9 is not valid UTF-8"),
        (b"- title: T\n- question: Q\n", ":1:1: error: a debate file must be a mapping"),
        (b"just words\n", "but this file holds the single value 'just words'"),
        (BILLION_LAUGHS.encode(), "error: YAML aliases expand this file far beyond its size"),
        (b"a: " + b"[" * 5000 + b"]" * 5000, "error: YAML syntax: exceeded maximum nesting depth"),
        (
            b"title: !!python/object/apply:os.system ['echo pwned']\n",
            "error: unsupported YAML value",
        ),
        (b"title: T\n\tquestion: x\n", "error: YAML syntax"),
        (b"title: [unclosed\n", "error: YAML syntax"),
    ],
    ids=[
        "empty",
        "comment-only",
        "binary",
        "latin-1",
        "top-level-list",
        "scalar",
        "alias-bomb",
        "5000-deep",
        "python-tag",
        "tab",
        "unclosed",
    ],
)
def test_hostile_file_gives_a_located_message_and_exit_1(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    code, err = check(path)
    assert code == 1
    assert expected in err
    assert "Traceback" not in err


def test_deep_debate_nesting_is_refused_with_advice(tmp_path: Path) -> None:
    lines = ["title: T", "question:", "  id: q", "  text: Q?"]
    indent = "  "
    for level in range(150):
        lines += [f"{indent}pros:", f"{indent}  - id: c{level}", f"{indent}    text: C"]
        indent += "    "
    path = tmp_path / "deep.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, err = check(path)
    assert code == 1
    assert "nested more than 200 levels deep" in err
    assert "ref:" in err


def test_missing_file_and_directory(tmp_path: Path) -> None:
    code, err = check(tmp_path / "nope.yaml")
    assert (code, "error: no such file" in err) == (1, True)
    code, err = check(tmp_path)
    assert (code, "error: this is a folder, not a debate file" in err) == (1, True)


def test_python_tag_constructs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f"title: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(DebateLoadError):
        load_debate(path)
    assert not marker.exists()


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["q", "a", "b", "go", "a->q", "pro", "statistic"]),
)
keys = st.sampled_from(
    [
        "title",
        "question",
        "id",
        "text",
        "pros",
        "cons",
        "ref",
        "argument",
        "premises",
        "by",
        "quotes",
        "supports",
        "attacks",
        "undercuts",
        "contradicts",
        "speakers",
        "name",
        "basis",
        "relations",
        "from",
        "to",
        "kind",
        "order",
        "sources",
        "statements",
        "conceded_by",
        "x",
    ]
)
documents = st.recursive(
    yaml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_yaml_document_loads_or_fails_with_a_located_error(document: object) -> None:
    text = yaml.safe_dump(document)
    try:
        loaded = parse_debate(text, "fuzz.yaml")
    except DebateLoadError as error:
        assert error.diagnostics
        for diagnostic in error.diagnostics:
            assert diagnostic.file == "fuzz.yaml"
            assert diagnostic.line is not None and diagnostic.line >= 1
            assert diagnostic.message
    else:
        assert loaded.debate.question.id


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_loads_or_fails_with_argmaps_own_error(text: str) -> None:
    try:
        parse_debate(text, "fuzz.yaml")
    except DebateLoadError as error:
        assert error.diagnostics
