"""ICCMA framework readers: each format, detection, and errors a person can act on."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis.framework import ArgumentationFramework
from argmap.analysis.iccma import FORMATS, FrameworkFormatError, parse_framework, read_framework
from argmap.io.diagnostics import DebateLoadError

DATA = Path(__file__).parent / "data" / "iccma"


def error(text: str, **kwargs: str) -> FrameworkFormatError:
    with pytest.raises(FrameworkFormatError) as caught:
        parse_framework(text, **kwargs)
    return caught.value


# --- each format ------------------------------------------------------------------------


def test_apx_facts_comments_and_layout() -> None:
    text = "% a comment\narg(b).\n\n  arg( a ). att(a, b).  % trailing\natt(b,b).\r\narg(b).\n"
    framework = parse_framework(text)
    assert framework.arguments == ("b", "a")
    assert framework.attacks == {("a", "b"), ("b", "b")}


def test_apx_attacks_may_precede_declarations() -> None:
    assert parse_framework("att(x,y).\narg(y).\narg(x).\n").attacks == {("x", "y")}


def test_tgf_nodes_with_labels_then_edges() -> None:
    framework = parse_framework("a1 first claim\na2\n\na3\n#\na1 a2\na2 a3 rebuts\n")
    assert framework.arguments == ("a1", "a2", "a3")
    assert framework.attacks == {("a1", "a2"), ("a2", "a3")}


def test_tgf_without_edges_needs_the_extension_hint() -> None:
    assert parse_framework("a\nb\n", name="nodes.tgf").arguments == ("a", "b")
    assert error("a\nb\n").message.startswith("cannot tell the format")


def test_iccma23_numbers_become_string_ids() -> None:
    text = "# made by hand\np af 4\n# 1=first\n1 2\n2 1\n4 4\n\n"
    framework = parse_framework(text)
    assert framework.arguments == ("1", "2", "3", "4")
    assert framework.attacks == {("1", "2"), ("2", "1"), ("4", "4")}


def test_format_detection_ignores_the_ambiguous_af_extension() -> None:
    apx = parse_framework("arg(a).\n", name="x.af")
    iccma23 = parse_framework("p af 1\n", name="x.af")
    assert (apx.arguments, iccma23.arguments) == (("a",), ("1",))


def test_explicit_format_wins_over_detection() -> None:
    assert error("arg(a).\n", fmt="iccma23").message.startswith("missing header")
    with pytest.raises(ValueError, match="unknown format 'dot'"):
        parse_framework("", fmt="dot")


def test_blank_input_is_an_empty_framework() -> None:
    assert parse_framework("") == ArgumentationFramework()
    assert parse_framework("% nothing yet\n", name="draft.apx") == ArgumentationFramework()
    assert error("", name="empty.i23").message.startswith("missing header")


def test_bundled_files_and_bom(tmp_path: Path) -> None:
    framework = read_framework(DATA / "Small-result-b2.apx")
    assert len(framework) == 5 and len(framework.attacks) == 8
    path = tmp_path / "bom.tgf"
    path.write_bytes(b"\xef\xbb\xbfa\nb\n#\na b\n")
    assert read_framework(path).attacks == {("a", "b")}


def serialise(framework: ArgumentationFramework, fmt: str) -> str:
    """The framework in ``fmt``, written the way the format's documentation shows."""
    attacks = sorted(framework.attacks)
    if fmt == "apx":
        declared = [f"arg({a})." for a in framework.arguments]
        return "\n".join(declared + [f"att({a},{b})." for a, b in attacks])
    edges = [f"{a} {b}" for a, b in attacks]
    if fmt == "tgf":
        return "\n".join([*framework.arguments, "#", *edges])
    return "\n".join([f"p af {len(framework)}", *edges])


@st.composite
def frameworks(draw: st.DrawFn, numbered: bool) -> ArgumentationFramework:
    size = draw(st.integers(0, 8))
    if numbered:
        names = [str(i) for i in range(1, size + 1)]
    else:
        alphabet = st.characters(codec="utf-8", exclude_characters="(),%#", categories=["L", "N"])
        names = draw(st.lists(st.text(alphabet, min_size=1), min_size=size, unique=True))
    pairs = [(a, b) for a in names for b in names]
    return ArgumentationFramework(names, draw(st.sets(st.sampled_from(pairs))) if pairs else [])


@given(frameworks(numbered=False), st.sampled_from(["apx", "tgf"]))
def test_named_formats_round_trip(framework: ArgumentationFramework, fmt: str) -> None:
    assert parse_framework(serialise(framework, fmt)) == framework


@given(frameworks(numbered=True))
def test_iccma23_round_trips(framework: ArgumentationFramework) -> None:
    assert parse_framework(serialise(framework, "iccma23")) == framework


# --- errors -----------------------------------------------------------------------------


def test_undeclared_apx_argument_names_the_fix() -> None:
    err = error("arg(a).\narg(b).\natt(a,b).\natt(a, c).\n", name="debate.apx")
    assert (err.path, err.line, err.column) == ("debate.apx", 4, 8)
    assert "'c', which is never declared; add 'arg(c).'" in err.message
    assert str(err).startswith("debate.apx:4:8: att(a,c) uses 'c'")
    assert isinstance(err, ValueError)


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        ("arg(a).\narg(b)\n", 2, 1, "with the final '.'"),
        ("arg(a).\n  att(a;a).\n", 2, 7, "expected att(ATTACKER,TARGET)"),
        ("arg(a).\n  att(a,(b)).\n", 2, 3, "cannot read 'att(a,(b)).'"),
        ("arg(a). bogus\n", 1, 9, "cannot read 'bogus'"),
        ("arg(a b).\n", 1, 5, "expected arg(NAME)"),
        ("arg(a).\natt(a,a,a).\n", 2, 5, "expected att(ATTACKER,TARGET)"),
        ("arg().\n", 1, 5, "expected arg(NAME)"),
    ],
)
def test_malformed_apx_lines(text: str, line: int, column: int, hint: str) -> None:
    err = error(text)
    assert (err.line, err.column) == (line, column)
    assert hint in err.message


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        ("p af 3\n1 2\n3 4\n", 3, 3, "'p af 3' on line 1 declares arguments 1..3"),
        ("p af 3\n0 2\n", 2, 1, "argument 0 does not exist"),
        ("p af 2\n1 x\n", 2, 3, "'x' is not an argument number (1..2)"),
        ("p af 2\n1 2 2\n", 2, 1, "expected an attack 'ATTACKER TARGET'"),
        ("p af 2\np af 3\n", 2, 1, "second 'p' header (first on line 1)"),
        ("p af two\n", 1, 1, "expected 'p af N'"),
        ("p af 99999999999\n", 1, 6, "too many"),
        ("# just a comment\n1 2\n", 2, 1, "cannot tell the format"),
    ],
)
def test_malformed_iccma23(text: str, line: int, column: int, hint: str) -> None:
    err = error(text)
    assert (err.line, err.column) == (line, column)
    assert hint in err.message


def test_iccma23_missing_header_points_at_first_attack() -> None:
    err = error("# c\n1 2\n", fmt="iccma23")
    assert (err.line, err.message) == (2, "missing header: an ICCMA 2023 file starts with 'p af N'")


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        ("a\nb\n#\na c\n", 4, 3, "add a line 'c' above the '#' line 3"),
        ("a\n#\na\n", 3, 2, "needs two node ids"),
        ("a\n#\n#\n", 3, 1, "second '#' line (first: 2)"),
    ],
)
def test_malformed_tgf(text: str, line: int, column: int, hint: str) -> None:
    err = error(text)
    assert (err.line, err.column) == (line, column)
    assert hint in err.message


def test_binary_garbage_is_reported_with_its_position(tmp_path: Path) -> None:
    nul = tmp_path / "nul.apx"
    nul.write_bytes(b"arg(a).\narg\x00(b).\n")
    with pytest.raises(DebateLoadError, match="binary") as caught:
        read_framework(nul)
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.line, diagnostic.column) == (2, 4)
    latin = tmp_path / "latin.apx"
    latin.write_bytes(b"arg(a).\n\narg(caf\xe9).\n")
    with pytest.raises(DebateLoadError, match="byte 0xe9 is not valid UTF-8") as caught:
        read_framework(latin)
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.file, diagnostic.line, diagnostic.column) == (str(latin), 3, 8)


@given(st.text(), st.sampled_from([None, *FORMATS]), st.sampled_from(["x", "x.apx", "x.tgf"]))
def test_random_text_never_raises_anything_else(text: str, fmt: str | None, name: str) -> None:
    try:
        parse_framework(text, name=name, fmt=fmt)
    except FrameworkFormatError as err:
        assert 1 <= err.line <= text.count("\n") + 1 and err.column >= 1


NEAR_MISSES = ["arg(", "att(", "p af ", "#", "%", ")", ".", ",", "\n", " ", "a", "1", "0"]


@given(st.lists(st.sampled_from(NEAR_MISSES)))
def test_near_miss_text_never_raises_anything_else(pieces: list[str]) -> None:
    with contextlib.suppress(FrameworkFormatError):
        parse_framework("".join(pieces))


@given(st.binary())
def test_random_bytes_never_raise_anything_else(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.af"
        path.write_bytes(data)
        try:
            read_framework(path)
        except FrameworkFormatError as err:
            assert err.line >= 1 and err.column >= 1
        except DebateLoadError as err:  # not text at all: binary, not UTF-8, control characters
            assert err.errors
