"""The HTML page as a file: self-contained, and user text stays data (no browser needed).

What the page *does* is tested in a real browser in ``test_html_browser.py``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis.graph import DebateIndex
from argmap.analysis.tree import TreeShape
from argmap.cli import main
from argmap.io.load import load_debate
from argmap.model.debate import Debate
from argmap.render.export import RenderError, export_map
from argmap.render.html import json_for_script
from argmap.render.html_data import safe_url
from argmap.render.html_layers import home_layers, layers
from argmap.render.options import MapOptions
from argmap.render.select import select_view

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "arguments.yaml"

HOSTILE_YAML = """\
argmap: 1
title: "</title><script>window.pwned = 1</script>"
sources:
  - id: evil
    title: "<img src=x onerror=window.pwned=1>"
    url: "javascript:window.pwned=1"
  - id: fine
    title: A fine source
    url: https://example.org/report
speakers:
  - id: mallory
    name: "<b onmouseover=window.pwned=1>Mallory</b>"
question:
  id: q
  text: "Is </script><script>window.pwned=1</script> text?"
  pros:
    - id: "x</script>"
      text: "<!-- <script>window.pwned = 1</script> -->"
      by: mallory
      tags: ["</script>", "<!--"]
      quotes:
        - text: "<img src=x onerror=window.pwned=1>"
          by: mallory
          source: evil
        - text: "&lt;script&gt; stays &amp; text"
          source: fine
  cons:
    - id: c1
      text: "javascript:window.pwned=1"
      by: mallory
"""


def hostile(tmp_path: Path) -> Debate:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_YAML, encoding="utf-8")
    return load_debate(path).debate


def page_text(debate: Debate, tmp_path: Path) -> str:
    out = export_map(debate, tmp_path / "page.html", "html")
    return out.read_text(encoding="utf-8")


def test_json_block_cannot_end_the_script_or_open_a_comment() -> None:
    text = json_for_script({"a": "</script><!-- & -->"})
    assert "</" not in text and "<!--" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_only_web_and_mail_links_survive() -> None:
    assert safe_url("https://example.org/x") == "https://example.org/x"
    assert safe_url("mailto:someone@example.org") == "mailto:someone@example.org"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "file:///etc"):
        assert safe_url(bad) is None


def test_hostile_text_is_never_markup(tmp_path: Path) -> None:
    page = page_text(hostile(tmp_path), tmp_path)
    # Exactly the page's own two scripts: the JSON data and the program.
    assert len(re.findall(r"<script\b", page, re.I)) == 2
    assert page.count("</script>") == 2
    assert not re.search(r"<img\b", page, re.I)
    assert not re.search(r"<b\b", page, re.I)
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", page, re.I)
    assert "<!--" not in page
    assert "<title>&lt;/title&gt;&lt;script&gt;" in page


def test_the_pages_heading_shows_the_titles_words_not_its_marks(tmp_path: Path) -> None:
    debate = load_debate(REPO / "tests/data/yaml/inline-markdown.yaml").debate
    assert "*" in debate.title
    page = page_text(debate, tmp_path)
    assert "<title>Labour exports, in brief</title>" in page
    assert '<h1 class="am-title" id="am-title">Labour exports, in brief</h1>' in page


def test_page_asks_for_nothing_outside_itself(tmp_path: Path) -> None:
    page = page_text(load_debate(SEED).debate, tmp_path)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"""\ssrc\s*=""", page, re.I)
    assert not re.search(r"url\((?!data:)", page)
    assert "default-src 'none'" in page.replace("&#x27;", "'")


def test_policy_allows_exactly_the_inlined_script(tmp_path: Path) -> None:
    page = page_text(load_debate(SEED).debate, tmp_path)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src &#x27;sha256-{digest}&#x27;" in page


def test_cli_writes_html_from_the_output_suffix(tmp_path: Path) -> None:
    out = tmp_path / "debate.html"
    result = CliRunner().invoke(main, ["export", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page and 'type="application/json"' in page


def test_cli_html_with_other_formats_and_evaluate(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["export", str(SEED), "-f", "svg,html", "--evaluate", "grounded", "-o", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "arguments.svg").exists()
    page = (tmp_path / "arguments.html").read_text(encoding="utf-8")
    assert '"showLabels":true' in page


def test_cli_refuses_non_grounded_labels_for_html(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", str(SEED), "-f", "html", "--evaluate", "preferred", "-o", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "grounded" in result.output
    assert not (tmp_path / "arguments.html").exists()


def test_cli_refuses_an_audience_for_html_rather_than_weigh_without_it(tmp_path: Path) -> None:
    args = ["export", str(SEED), "-f", "html", "--evaluate", "grounded", "--audience", "yang"]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "no audience" in result.output and "drop --audience" in result.output
    assert not (tmp_path / "arguments.html").exists()


def test_verdicts_the_page_opens_with_are_checked(tmp_path: Path) -> None:
    debate = load_debate(SEED).debate
    with pytest.raises(RenderError) as error:
        export_map(debate, tmp_path / "x.html", "html", reject=["china-would-give-ai"])
    assert "china-would-give-aid" in error.value.message  # the did-you-mean
    assert not (tmp_path / "x.html").exists()
    page = export_map(debate, tmp_path / "y.html", "html", reject=["china-would-give-aid"])
    assert '"reject":["china-would-give-aid"]' in page.read_text(encoding="utf-8")


def test_large_views_split_into_small_layers_that_cover_every_claim(tmp_path: Path) -> None:
    from bench.generate import write

    debate = load_debate(write(400, tmp_path / "big.yaml", seed=4)).debate
    index = DebateIndex(debate)
    tree = TreeShape(index)
    for options in (MapOptions(), MapOptions(focus="c7", depth=6)):
        view = select_view(debate, options, index)
        found = layers(view, tree, debate.question.id)
        assert len(found) > 1
        homes = home_layers(found)
        assert sorted(homes) == sorted(view.shown)  # every drawn claim has one home layer
        for layer in found:
            assert layer.view.claim_count <= 60  # small enough to read without zooming far
            for claim, count in layer.badges.items():
                assert homes[claim] == claim  # a badge opens the claim's own layer
                assert count == sum(1 for c in view.shown if claim in tree.path(c)) - 1


def test_small_views_are_one_whole_map() -> None:
    debate = load_debate(SEED).debate
    view = select_view(debate, MapOptions(), DebateIndex(debate))
    found = layers(view, TreeShape(DebateIndex(debate)), debate.question.id)
    assert [(layer.view, layer.badges) for layer in found] == [(view, {})]


def test_layered_page_keeps_hostile_ids_as_data(tmp_path: Path) -> None:
    from bench.generate import write

    text = write(150, tmp_path / "big.yaml", seed=2).read_text(encoding="utf-8")
    for old, new in (("c0", "top"), ("c1", "'\"><b>x</b>'")):  # a claim named like the top layer
        text = re.sub(rf"(?<!\w){old}(?!\w)", new, text)
    (tmp_path / "big.yaml").write_text(text, encoding="utf-8")
    page = page_text(load_debate(tmp_path / "big.yaml").debate, tmp_path)
    assert re.findall(r'data-layer="[^"]*"', page)[0] == 'data-layer="top "'
    assert not re.search(r"<b\b", page)
