"""Hostile files and commands (issue 15): no escapes, no clobbering, no unbounded work.

Each test writes its hostile file itself. Cases that could hang or exhaust memory before the fix
run argmap in a subprocess under an address-space limit and a timeout, and assert what a person
sees: exit status 1, the message and its hint, no traceback, and the input (or FIFO) intact.
"""

from __future__ import annotations

import io
import json
import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError
from rich.text import Text

from argmap.cli import main
from argmap.cli.common import TerminalConsole
from argmap.io.atomic import atomic_write
from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.io.textfile import read_text
from argmap.model.debate import Question, Relation, RelationKind, Speaker, Statement
from argmap.model.text import escape_controls

MEMORY = 1024 * 1024 * 1024
"""Address space each hostile subprocess may use: far more than argmap needs, far less than the
gigabytes the unbounded cases used to take."""

TIMEOUT = 120
"""A hang guard, not a timing assert: the fixed cases finish in a few seconds on an idle
machine; the shared test machine can be slow."""

DEBATE = """\
title: Uniforms
question:
  id: q
  text: Should schools require uniforms?
  pros:
    - id: equality
      text: Uniforms hide differences in wealth.
      by: ana
speakers:
  - id: ana
    name: Ana
"""

ESCAPES = {
    "clipboard": "\\e]52;c;cm0gLXJmIH4=\\a",
    "clear-screen": "\\e[2J",
    "window-title": "\\e]0;owned\\a",
    "c1-csi": "\\x9b2J",
    "bidi-override": "\\u202etxt.exe",
}
"""YAML double-quoted escapes that decode to terminal controls."""


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``argmap ARGS`` in a subprocess with bounded memory and a timeout."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=limit,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        check=False,
    )


def refused(result: subprocess.CompletedProcess[str], *messages: str) -> None:
    """Exit 1 with each message on stderr, no traceback, nothing a terminal would act on."""
    assert result.returncode == 1, result.stderr
    for message in messages:
        assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stdout + result.stderr


# -- item 2: control characters ------------------------------------------------------------------


@pytest.mark.parametrize("escape", ESCAPES.values(), ids=ESCAPES.keys())
@pytest.mark.parametrize("command", ["check", "outline", "evaluate"])
def test_yaml_escapes_are_refused_at_their_line_by_every_command(
    tmp_path: Path, escape: str, command: str
) -> None:
    path = tmp_path / "debate.yaml"
    path.write_text(
        DEBATE.replace(
            "text: Uniforms hide differences in wealth.",
            f'text: "{escape} Uniforms hide differences in wealth."',
        ),
        encoding="utf-8",
    )
    result = run(command, str(path), cwd=tmp_path)
    refused(result, f"{path}:7:13: error: this text holds the ", "hint: remove the ")


def test_the_message_names_the_character_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "debate.yaml"
    path.write_text(DEBATE.replace("name: Ana", 'name: "Ana\\e]52;c;eA==\\a"'), "utf-8")
    code, err = _check(path)
    assert code == 1
    assert f"{path}:11:11: error: this text holds the ESC character (U+001B)" in err
    assert "hint: remove the ESC character (U+001B)" in err


def test_json_escapes_in_aif_are_refused(tmp_path: Path) -> None:
    aif = {
        "nodes": [
            {"nodeID": "1", "text": "Uniforms \u001b]52;c;eA==\u0007 hide wealth", "type": "I"},
            {"nodeID": "2", "text": "Schools should require uniforms", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "1", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "2"},
        ],
        "locutions": [],
    }
    path = tmp_path / "map.json"
    path.write_text(json.dumps(aif), encoding="utf-8")  # json.dumps writes \u001b, not ESC
    assert "\x1b" not in path.read_text(encoding="utf-8")
    for command in ("check", "outline", "evaluate"):
        refused(run(command, str(path), cwd=tmp_path), "holds the ESC character (U+001B)")
    question = tmp_path / "question.json"  # the escape in the node that becomes the question
    aif["nodes"][0]["text"], aif["nodes"][1]["text"] = "Uniforms hide wealth", "Should \u001b[2J?"
    question.write_text(json.dumps(aif), encoding="utf-8")
    at = question.read_text(encoding="utf-8").index("\\u001b") + 1  # one line of JSON
    refused(
        run("check", str(question), cwd=tmp_path),
        f"{question}:1:{at}: error: a question's `text` holds the ESC character (U+001B)",
    )


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        (
            "export.txt",
            "Discussion Title: Uniforms\n\n1. Schools should require uniforms\n"
            "1.1. Pro: They hide \x1b]0;owned\x07 wealth\n",
            "4:21",
        ),
        (
            "debate.argdown",
            "[Uniforms]: Schools should require uniforms.\n"
            "  + <Equality>: Uniforms hide \x1b[2J wealth.\n",
            "2:31",
        ),
    ],
    ids=["kialo", "argdown"],
)
def test_raw_escape_bytes_in_text_formats_are_refused_where_they_stand(
    tmp_path: Path, name: str, text: str, where: str
) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    result = run("check", str(path), cwd=tmp_path)
    refused(result, f"{path}:{where}: error: the file holds the ESC character (U+001B)")


def test_a_key_made_of_escapes_is_refused_where_it_stands(tmp_path: Path) -> None:
    path = tmp_path / "debate.yaml"
    path.write_text(DEBATE + '"\\e]0;owned\\a": 1\n', encoding="utf-8")
    code, err = _check(path)
    assert code == 1
    assert f"{path}:12:1: error: this text holds the ESC character (U+001B)" in err
    assert "\x1b" not in err


def test_diagnostics_show_what_they_echo_escaped() -> None:
    diagnostic = Diagnostic("a\x1b]0;t\x07.yaml", 3, 1, "unknown field `\x9b2J`", "not \u202e")
    for shown in (str(diagnostic), json.dumps(diagnostic.as_json(), ensure_ascii=False)):
        assert "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown
    assert str(diagnostic).startswith("a\\x1b]0;t\\x07.yaml:3:1: error: unknown field `\\x9b2J`")


def test_a_file_name_holding_escapes_is_echoed_escaped(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "\x1b]0;owned\x07.yaml"), cwd=tmp_path)
    refused(result, "\\x1b]0;owned.yaml: error: no such file")  # Rich itself drops the BEL
    assert "\x07" not in result.stderr


def test_escapes_in_a_framework_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "af.apx"
    path.write_bytes(b"arg(a).\narg(b\x1b]52;c;eA==\x07).\natt(a,b).\n")
    refused(run("evaluate", str(path), cwd=tmp_path), f"{path}:2:6: error: the file holds the ESC")


@pytest.mark.parametrize(
    "char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\u202e", "\u2066", "\r"]
)
def test_every_model_text_field_refuses_controls(char: str) -> None:
    bad = f"a{char}b"
    for build in (
        lambda: Question(id="q", text=bad),
        lambda: Question(id="q", text="Q", title=bad),
        lambda: Speaker(id="s", name="S", role=bad),
        lambda: Statement(id="s", text="S", tags=("ok", bad)),
        lambda: Relation(id="r", kind=RelationKind.SUPPORTS, source="a", target="b", note=bad),
    ):
        with pytest.raises(ValidationError, match="control_character"):
            build()


def test_the_terminal_console_escapes_text_but_keeps_its_own_colours() -> None:
    plain = io.StringIO()
    TerminalConsole(file=plain, force_terminal=False).print(Text("title \x1b]0;owned\x07 \u202e"))
    # Rich's Text drops BEL, BS, VT, FF and CR itself; the rest is shown escaped.
    assert plain.getvalue() == "title \\x1b]0;owned \\u202e\n"
    coloured = io.StringIO()
    console = TerminalConsole(file=coloured, force_terminal=True, color_system="standard")
    console.print(Text("\x1b[2J", style="red"))
    assert "\\x1b[2J" in coloured.getvalue()  # the text escaped
    assert "\x1b[31m" in coloured.getvalue()  # the colour kept
    assert "\x1b[2J" not in coloured.getvalue()


def test_tab_newline_and_crlf_are_text() -> None:
    assert Question(id="q", text="a\tb\nc\r\nd").text == "a\tb\nc\r\nd"
    assert escape_controls("tab\tand\nnewline") == "tab\tand\nnewline"
    assert escape_controls("\x1b[2J\u202e") == "\\x1b[2J\\u202e"


# -- item 4: outputs ------------------------------------------------------------------------------


def test_export_refuses_to_write_over_its_own_debate(tmp_path: Path) -> None:
    path = tmp_path / "debate.yaml"
    path.write_text(DEBATE, encoding="utf-8")
    for output in ("debate.yaml", "./debate.yaml", str(path)):
        result = run("export", "debate.yaml", "-f", "dot", "-o", output, cwd=tmp_path)
        refused(result, "is the debate being exported")
    assert path.read_text(encoding="utf-8") == DEBATE


def test_writing_to_a_fifo_feeds_the_reader_and_keeps_the_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["pipe"]  # no temporary file left beside it


def test_writing_through_a_symlink_to_a_device_keeps_the_device(tmp_path: Path) -> None:
    link = tmp_path / "out.svg"
    link.symlink_to("/dev/null")
    atomic_write(link, "discarded")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(link).st_mode)
    assert os.listdir(tmp_path) == ["out.svg"]


def test_writing_through_a_symlink_to_a_file_replaces_the_file_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_a_symlink_to_standard_output_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "debate.yaml").write_text(DEBATE, encoding="utf-8")
    link = tmp_path / "handout.md"
    link.symlink_to("/proc/self/fd/1")
    result = run("convert", "debate.yaml", "handout.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Uniforms hide differences in wealth." in result.stdout
    assert link.is_symlink()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export", "debate.yaml", "-f", "dot", "-o", "-"], "digraph"),
        (["convert", "debate.yaml", "-", "--to", "argdown"], "Uniforms hide differences"),
        (["schema", "-o", "-"], '"title": "argmap debate"'),
    ],
    ids=["export", "convert", "schema"],
)
def test_dash_means_standard_output(tmp_path: Path, args: list[str], expected: str) -> None:
    (tmp_path / "debate.yaml").write_text(DEBATE, encoding="utf-8")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert sorted(os.listdir(tmp_path)) == ["debate.yaml"]  # no file named `-`


def test_a_245_character_output_name_is_written(tmp_path: Path) -> None:
    name = "n" * 241 + ".svg"
    target = tmp_path / name
    atomic_write(target, "<svg/>")
    assert target.read_text(encoding="utf-8") == "<svg/>"
    assert os.listdir(tmp_path) == [name]


# -- item 5: unbounded work ---------------------------------------------------------------------


def test_a_megabyte_string_aliased_999_times_hits_the_alias_budget(tmp_path: Path) -> None:
    lines = [
        "title: T",
        "description: &big " + "x" * 1_000_000,
        "question: {id: q, text: Q?}",
        "statements:",
        *(f"  - {{id: s{n}, text: *big}}" for n in range(999)),
    ]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    for args in (["check", "bomb.yaml"], ["export", "bomb.yaml", "-f", "dot", "-o", "bomb.dot"]):
        refused(
            run(*args, cwd=tmp_path),
            "error: YAML aliases expand this file far beyond its size",
            "ARGMAP_ALIAS_GROWTH",
        )
    assert not (tmp_path / "bomb.dot").exists()


def test_aliases_that_stay_small_still_load(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        DEBATE.replace("by: ana", "by: &who ana\n      conceded_by: []")
        + "statements:\n  - {id: other, text: Other, by: *who}\n",
        encoding="utf-8",
    )
    code, err = _check(path)
    assert code == 0, err


def test_a_huge_iccma_header_is_refused_with_the_budget(tmp_path: Path) -> None:
    path = tmp_path / "huge.af"
    path.write_text("p af 10000000\n", encoding="utf-8")
    refused(
        run("evaluate", "huge.af", cwd=tmp_path),
        "huge.af:1:6: 'p af 10000000' declares too many arguments",
        "ARGMAP_MAX_ARGUMENTS",
    )


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [("af.apx", "arg(a). arg(b).\narg(c). arg(d).\n", "2:9"), ("af.tgf", "a\nb\nc\nd\n#\n", "4:1")],
    ids=["apx", "tgf"],
)
def test_frameworks_declaring_too_many_arguments_are_refused(
    tmp_path: Path, name: str, text: str, where: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    refused(
        run("evaluate", name, cwd=tmp_path, env={"ARGMAP_MAX_ARGUMENTS": "3"}),
        f"{name}:{where}: the file declares too many arguments: argmap evaluates at most 3",
    )
    assert run("evaluate", name, cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    "text",
    ["p af " + "9" * 5000 + "\n", "p af 2\n1 " + "9" * 5000 + "\n"],
    ids=["header", "attack"],
)
def test_5000_digit_numbers_in_iccma_files_are_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "digits.af"
    path.write_text(text, encoding="utf-8")
    refused(run("evaluate", "digits.af", cwd=tmp_path), "(5,000 digits)")


def test_a_5000_digit_number_in_yaml_is_refused_briefly(tmp_path: Path) -> None:
    path = tmp_path / "digits.yaml"
    path.write_text(DEBATE.replace("title: Uniforms", "title: " + "9" * 5000), encoding="utf-8")
    code, err = _check(path)
    assert code == 1
    assert f"{path}:1:8: error: cannot read value '99999999999999999999…' (5,000 characters)" in err
    assert "hint: quote it to keep it as text" in err
    assert len(err) < 1000


def test_an_apx_file_with_every_fact_on_one_line_is_read(tmp_path: Path) -> None:
    count = 40_000
    facts = [f"arg(a{n})." for n in range(count)]
    facts += [f"att(a{n},a{n + 1})." for n in range(count - 1)]
    path = tmp_path / "line.apx"
    path.write_text(" ".join(facts) + "\n", encoding="utf-8")
    result = run("evaluate", "line.apx", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    labels = json.loads(result.stdout)["labels"]
    assert len(labels) == count and labels["a0"] == "in" and labels["a1"] == "out"


def test_check_source_with_hostile_text_stays_bounded(tmp_path: Path) -> None:
    quote = "a" * 5000 + "b"
    path = tmp_path / "debate.yaml"
    path.write_text(
        DEBATE.replace("      by: ana\n", f"      by: ana\n      quotes: [{quote}]\n"), "utf-8"
    )
    source = tmp_path / "source.txt"
    source.write_text("a" * 2_000_000, encoding="utf-8")
    result = run("check", "debate.yaml", "--source", "source.txt", cwd=tmp_path)
    refused(result, "quote not found verbatim in source.txt")
    assert len(result.stderr) < 5000  # neither the quote nor the source is printed whole


# -- item 6: what argmap reads and writes -------------------------------------------------------


def test_check_refuses_dev_zero_at_once(tmp_path: Path) -> None:
    refused(
        run("check", "/dev/zero", cwd=tmp_path),
        "/dev/zero: error: this is a device, not a file",
    )


def test_check_refuses_a_fifo_without_waiting_and_leaves_it(tmp_path: Path) -> None:
    fifo = tmp_path / "debate.yaml"
    os.mkfifo(fifo)
    refused(run("check", "debate.yaml", cwd=tmp_path), "this is a named pipe (FIFO), not a file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_evaluate_refuses_a_fifo_without_a_known_extension(tmp_path: Path) -> None:
    fifo = tmp_path / "debate"
    os.mkfifo(fifo)
    refused(run("evaluate", "debate", cwd=tmp_path), "this is a named pipe (FIFO), not a file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "debate.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(DebateLoadError, match="this is a device"):
        read_text(link)


def test_a_file_over_the_size_limit_is_refused_with_the_variable_to_raise(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(DEBATE + "# " + "x" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
    refused(
        run("check", "big.yaml", cwd=tmp_path, env={"ARGMAP_MAX_FILE_MB": "1"}),
        "the file is larger than 1 MB",
        "set ARGMAP_MAX_FILE_MB=",
    )
    result = run("check", "big.yaml", cwd=tmp_path, env={"ARGMAP_MAX_FILE_MB": "3"})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("target", ["", "/proc/argmap.json", "debate.yaml/schema.json"])
def test_schema_onto_an_unwritable_path_says_so(tmp_path: Path, target: str) -> None:
    (tmp_path / "debate.yaml").write_text(DEBATE, encoding="utf-8")
    refused(run("schema", "-o", target, cwd=tmp_path), "error: cannot write")
    assert (tmp_path / "debate.yaml").read_text(encoding="utf-8") == DEBATE


def test_schema_into_a_read_only_folder_says_so(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: a read-only folder is still writable")
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    refused(run("schema", "-o", "locked/schema.json", cwd=tmp_path), "Permission denied")


async def test_live_reload_refuses_a_symlink_to_dev_zero(tmp_path: Path) -> None:
    from argmap.tui import create_app
    from argmap.tui.widgets.error_banner import ErrorBanner
    from tests.test_tui_support import SIZE, loaded, screen_text, until, write_tui_debate

    path = write_tui_debate(tmp_path)
    async with create_app(path, watch=False).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        old = app.view
        path.unlink()
        path.symlink_to("/dev/zero")
        await pilot.press("ctrl+r")
        banner = app.query_one(ErrorBanner)
        await until(pilot, lambda: banner.display)
        assert app.view is old
        assert "this is a device, not a file" in screen_text(app)


# -- item 8: smaller ------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "debate.yaml"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + DEBATE.encode(encoding))
    code, err = _check(path)
    assert code == 0, err
    assert "valid · 1 statements" in err


def test_utf16_without_a_bom_is_named(tmp_path: Path) -> None:
    path = tmp_path / "debate.yaml"
    path.write_bytes(DEBATE.encode("utf-16-le"))
    code, err = _check(path)
    assert code == 1
    assert "error: this file is UTF-16 text without a byte-order mark" in err
    assert "save it as UTF-8" in err


def test_a_nul_byte_after_8_kb_is_reported_by_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "debate.yaml"
    padding = "".join(f"# comment line {n}\n" for n in range(600))  # about 11 KB
    path.write_bytes((DEBATE + padding + "# nul: \x00 here\n").encode("utf-8"))
    code, err = _check(path)
    assert code == 1
    assert f"{path}:{DEBATE.count(chr(10)) + 601}:8: error: the file holds the NUL character" in err


def test_an_argument_concluding_its_own_premise_is_circular(tmp_path: Path) -> None:
    path = tmp_path / "debate.yaml"
    path.write_text(
        DEBATE.replace(
            "      by: ana\n",
            "      by: ana\n      pros:\n        - id: because\n          argument: Because\n"
            "          premises: [{ref: equality}, {id: other, text: Something else}]\n",
        ),
        encoding="utf-8",
    )
    code, err = _check(path)
    assert code == 0, err
    assert (
        "warning: circular reasoning: argument `because` has `equality` as a premise and "
        "supports it as its conclusion"
    ) in err


# -- helpers ---------------------------------------------------------------------------------------


def _check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr
