"""Hostile input: never a traceback, never a hang; always a message, a location, exit 1."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis.iccma import FrameworkFormatError, read_framework
from argmap.cli import main
from argmap.formats.aif import parse_aif
from argmap.formats.argdown_read import parse_argdown
from argmap.formats.kialo import parse_kialo
from argmap.io.diagnostics import DebateLoadError
from argmap.io.load import load_debate, parse_debate
from argmap.io.loaded import LoadedDebate
from argmap.model.text import first_control

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


# Every reader, fuzzed with what hostile files hold: control characters (raw and escaped),
# numbers far past Python's int-string limit, very long tokens, and JSON values of the wrong type.
# A reader either reads the file or raises its own located error; and whatever it reads holds
# no control character (issue 15).

CONTROL_CHARACTERS = "\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\x9b\u202a\u202e\u2066\u2069"
hostile_atoms = st.one_of(
    st.text(max_size=20),
    st.text(st.sampled_from(CONTROL_CHARACTERS + "ab ]:;[\\"), min_size=1, max_size=12),
    st.sampled_from(["\x1b]52;c;cm0gLXJmIH4=\x07", "\x1b[2J", "\x1b]0;owned\x07", "\u202etxt"]),
    st.integers(min_value=19, max_value=5000).map(lambda digits: "7" * digits),
    st.sampled_from([("x", 20_000), ("9", 5000), ("-", 3000), ("[", 2000), ("{", 2000)]).map(
        lambda run: run[0] * run[1]
    ),
)


def _texts_of(value: object) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)


def _reads_or_refuses(read: Callable[[], LoadedDebate]) -> None:
    try:
        loaded = read()
    except DebateLoadError as error:
        assert error.errors
        assert all("\x1b" not in str(d) for d in error.diagnostics)
    else:
        texts = _texts_of(loaded.debate.model_dump(mode="json"))
        assert all(first_control(text) is None for text in texts)


hostile_documents = st.recursive(
    st.one_of(yaml_scalars, hostile_atoms),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(keys | hostile_atoms, inner, max_size=6)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_documents)
def test_yaml_with_escapes_numbers_and_long_tokens(document: object) -> None:
    text = yaml.safe_dump(document)  # writes control characters as "\e"-style escapes
    _reads_or_refuses(lambda: parse_debate(text, "fuzz.yaml"))


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**4000), max_value=10**4000),  # json.dumps stops at 4,300
        st.floats(allow_nan=False),
        hostile_atoms,
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_atoms, inner, max_size=3),
    max_leaves=12,
)
aif_keys = ["nodeID", "text", "type", "timestamp", "edgeID", "fromID", "toID", "personID"]
aif_nodes = st.lists(
    st.fixed_dictionaries(
        {"nodeID": json_values, "type": st.sampled_from(["I", "L", "RA", "CA", "MA", "YA"])},
        optional={key: json_values for key in aif_keys if key not in ("nodeID", "type")},
    ),
    max_size=5,
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.fixed_dictionaries(
        {"nodes": aif_nodes | json_values},
        optional={
            "edges": st.lists(st.dictionaries(st.sampled_from(aif_keys), json_values))
            | json_values,
            "locutions": json_values,
            "participants": json_values,
        },
    )
)
def test_aif_with_wrong_types_escapes_and_huge_numbers(data: dict[str, object]) -> None:
    text = json.dumps(data)
    _reads_or_refuses(lambda: parse_aif(text, "fuzz.json"))


kialo_lines = st.lists(
    st.tuples(
        st.sampled_from(["1.", "1.1.", "1.2.", "1.1.1.", "1." * 200, "9" * 5000 + "."]),
        st.sampled_from(["", "Pro: ", "Con: ", "-> See 1.1."]),
        hostile_atoms,
    ).map(lambda parts: "".join(parts)),
    max_size=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kialo_lines)
def test_kialo_with_escapes_numbers_and_long_tokens(lines: list[str]) -> None:
    text = "Discussion Title: Fuzz\n\n" + "\n".join(lines) + "\n"
    _reads_or_refuses(lambda: parse_kialo(text, "fuzz.txt"))


argdown_lines = st.lists(
    st.tuples(
        st.sampled_from(["", "  + ", "  - ", "    +> ", "<", "[", "# ", "(1) ", "----\n"]),
        hostile_atoms,
        st.sampled_from(["", "]", ">", ": text", " {question: true}", " #tag"]),
    ).map(lambda parts: "".join(parts)),
    max_size=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argdown_lines)
def test_argdown_with_escapes_numbers_and_long_tokens(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    _reads_or_refuses(lambda: parse_argdown(text, "fuzz.argdown"))


framework_lines = st.lists(
    st.one_of(
        st.tuples(st.just("p af "), hostile_atoms).map("".join),
        st.tuples(hostile_atoms, st.just(" "), hostile_atoms).map("".join),
        st.tuples(st.sampled_from(["arg(", "att(a,"]), hostile_atoms, st.just(").")).map("".join),
    ),
    max_size=5,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(framework_lines, st.sampled_from(["x.af", "x.apx", "x.tgf"]))
def test_frameworks_with_escapes_huge_numbers_and_long_tokens(lines: list[str], name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            framework = read_framework(path)
        except FrameworkFormatError as error:
            assert error.line >= 1 and len(error.message) < 1000
        except DebateLoadError as error:
            assert error.errors
        else:
            assert all(first_control(arg) is None for arg in framework.arguments)
