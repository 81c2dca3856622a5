"""The HTML map in a real browser: Debian's Chromium, headless, driven by Playwright.

Every page is opened with every request blocked and recorded: a test fails if the page
asked for anything but itself, or logged an error. The what-if is compared with
``argmap evaluate --format json`` for the same verdicts, on the seed debate and on
generated ones (``tests/strategies.py``, hostile ids and texts included).

No browser is downloaded: ``ARGMAP_CHROMIUM`` or ``chromium`` on PATH is used, and without
one these tests skip saying so (``.ci/run`` installs Debian's package, so CI runs them).
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from argmap.analysis.evaluation import evaluate
from argmap.analysis.graph import DebateIndex
from argmap.analysis.tree import TreeShape
from argmap.cli import main
from argmap.cli.evaluate import as_json
from argmap.io.load import load_debate
from argmap.model.debate import Debate
from argmap.render.export import export_map
from argmap.render.html_data import page_words
from tests.strategies import debates
from tests.test_render_html import HOSTILE_YAML

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
)

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "arguments.yaml"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """The system Chromium: ``ARGMAP_CHROMIUM``, else the usual Debian names."""
    chosen = os.environ.get("ARGMAP_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() else None
    for name in ("chromium", "chromium-browser", "/usr/bin/chromium"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = find_chromium()
    if executable is None:
        pytest.skip(
            "no Chromium found (set ARGMAP_CHROMIUM or install Debian's chromium: "
            "apt-get install -y chromium); browser tests need a real browser"
        )
    with playwright_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A page as a reader has it, with everything it tried that it should not have."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def labels(self) -> dict[str, str]:
        # As pairs: an id such as "__proto__" would not survive as an object key.
        return dict(self.page.evaluate("Object.entries(window.argmapLabels)"))

    def reasons(self) -> dict[str, str]:
        return dict(self.page.evaluate("Object.entries(window.argmapReasons)"))

    def click_claim(self, claim: str) -> None:
        self.page.evaluate(
            """(id) => {
              const g = [...document.querySelectorAll("g[data-claim]")]
                .find((n) => n.getAttribute("data-claim") === id);
              g.dispatchEvent(new MouseEvent("click", {bubbles: true}));
            }""",
            claim,
        )

    def verdict(self, claim: str, verdict: str) -> None:
        """Select ``claim`` and choose the room's verdict in the panel, as a reader does."""
        self.click_claim(claim)
        self.page.check(f'#am-panel input[name="am-verdict"][value="{verdict}"]')

    def panel(self) -> str:
        return str(self.page.inner_text("#am-panel"))

    def clean(self) -> None:
        assert self.requests == [], f"the page asked for {self.requests}"
        assert self.errors == [], f"the page logged {self.errors}"


def open_page(
    browser: Any,
    path: Path,
    *,
    width: int = 1366,
    height: int = 768,
    touch: bool = False,
    scheme: str = "light",
) -> Opened:
    context = browser.new_context(
        viewport={"width": width, "height": height},
        has_touch=touch,
        is_mobile=touch,
        color_scheme=scheme,
    )
    page = context.new_page()
    page.set_default_timeout(90_000)  # a shared, loaded CI machine; not a speed assertion
    opened = Opened(page)
    own = path.resolve().as_uri()

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.split("#")[0] != own:
            opened.requests.append(url)
            request_route.abort()
        else:
            request_route.continue_()

    page.route("**/*", route)
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(own)
    page.wait_for_selector("html[data-ready]", state="attached")
    return opened


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "seed.html"
    return export_map(load_debate(SEED).debate, out, "html")


@pytest.fixture
def seed(browser: Any, seed_page: Path) -> Iterator[Opened]:
    opened = open_page(browser, seed_page)
    yield opened
    opened.clean()
    opened.page.context.close()


def cli_evaluate(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["evaluate", str(SEED), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.output))


def test_every_claim_is_drawn_and_reachable(seed: Opened) -> None:
    debate = load_debate(SEED).debate
    drawn = seed.page.eval_on_selector_all(
        "g[data-claim]", "nodes => nodes.map(n => n.getAttribute('data-claim'))"
    )
    assert sorted(drawn) == sorted(debate.node_ids())
    focusable = seed.page.eval_on_selector_all(
        "g[data-claim][tabindex='0'][role='button'][aria-label]", "nodes => nodes.length"
    )
    assert focusable == len(drawn)


def test_click_shows_the_quote_and_its_source(seed: Opened) -> None:
    seed.click_claim("cut-revenue")
    panel = seed.panel()
    assert "Cuts the regime's hard currency" in panel
    assert "it's aiding the North Korean regime" in panel
    assert "Kim Dong Jo" in panel
    assert "After nuke test, a new push to stop N Korea sending workers abroad" in panel
    assert "2016-09-11" in panel


def test_tab_and_enter_open_a_claim(seed: Opened) -> None:
    seed.page.focus("#am-map")
    seed.page.keyboard.press("Tab")
    focused = seed.page.evaluate("document.activeElement.getAttribute('data-claim')")
    assert focused == load_debate(SEED).debate.question.id
    seed.page.keyboard.press("Enter")
    assert "Clamp down on labour exports?" in seed.panel()


def test_relation_links_jump_and_back_returns(seed: Opened) -> None:
    seed.click_claim("cut-revenue")
    seed.page.click('#am-panel [data-jump="money-significant"]')
    assert seed.page.inner_text("#am-panel h2") == "The money is significant"
    assert seed.page.evaluate("document.activeElement.getAttribute('data-claim')") == (
        "money-significant"
    )
    seed.page.go_back()
    seed.page.wait_for_function(
        "document.querySelector('#am-panel h2').textContent.startsWith('Cuts the regime')"
    )


def search(opened: Opened, query: str) -> list[str]:
    opened.page.fill("#am-search", query)
    return sorted(
        opened.page.eval_on_selector_all(
            "g.am-match", "nodes => nodes.map(n => n.getAttribute('data-claim'))"
        )
    )


def test_search_highlights_exactly_the_matching_claims(seed: Opened) -> None:
    debate = load_debate(SEED).debate
    lankov = sorted(
        n.id
        for n in (*debate.statements.values(), *debate.arguments.values())
        if "lankov" in n.speakers or any(q.speaker == "lankov" for q in getattr(n, "quotes", ()))
    )
    assert search(seed, "Andrei Lankov") == lankov
    assert search(seed, "China aid") == sorted(
        s.id
        for s in debate.statements.values()
        if all(
            word in " ".join([s.text, s.title or "", *(q.text for q in s.quotes)]).lower()
            for word in ("china", "aid")
        )
    )
    assert search(seed, "no such words anywhere") == []
    assert seed.page.inner_text("#am-search-count") == "0 matches"


def test_speaker_highlights_their_claims_and_concessions(seed: Opened) -> None:
    debate = load_debate(SEED).debate
    speaker = next(
        s
        for s in debate.speakers
        if any(
            s in n.conceded_by for n in (*debate.statements.values(), *debate.arguments.values())
        )
    )
    seed.page.select_option("#am-speaker", speaker)
    claims = sorted(
        seed.page.eval_on_selector_all(
            "g.am-match", "nodes => nodes.map(n => n.getAttribute('data-claim'))"
        )
    )
    conceded = sorted(
        seed.page.eval_on_selector_all(
            "g.am-concession", "nodes => nodes.map(n => n.getAttribute('data-claim'))"
        )
    )
    nodes = (*debate.statements.values(), *debate.arguments.values())
    assert claims == sorted(n.id for n in nodes if speaker in n.speakers)
    assert conceded == sorted(n.id for n in nodes if speaker in n.conceded_by)


def test_what_if_matches_argmap_evaluate_on_the_seed(seed: Opened) -> None:
    plain = cli_evaluate()
    assert seed.labels() == plain["labels"]
    assert seed.reasons() == plain["reasons"]
    seed.verdict("china-would-give-aid", "reject")
    expected = cli_evaluate("--reject", "china-would-give-aid")
    assert seed.labels() == expected["labels"]
    assert seed.reasons() == expected["reasons"]
    assert "✘ OUT" in seed.panel() and "rejected by the room" in seed.panel()
    # The speaker's card says how they fare, as evaluate's scorecard does.
    card = next(s for s in expected["speakers"] if s["id"] == "kim-byung-yeon")
    counts = ", ".join(
        f"{len(card['claims'][key])} {word}"
        for key, word in (("in", "in"), ("out", "out"), ("undec", "undecided"))
    )
    assert f"Their claims: {counts}" in seed.panel()
    seed.verdict("cut-revenue", "reject")
    seed.verdict("exposure-benefit", "accept")
    expected = cli_evaluate(
        "--reject",
        "china-would-give-aid",
        "--reject",
        "cut-revenue",
        "--accept",
        "exposure-benefit",
    )
    assert seed.labels() == expected["labels"]
    assert seed.reasons() == expected["reasons"]
    # Told apart without colour: every drawn claim carries its label in words.
    marks = seed.page.eval_on_selector_all(
        "g[data-claim] .am-mark text", "t => t.map(x => x.textContent.split(' · ')[0])"
    )
    words = {"in": "✔ IN", "out": "✘ OUT", "undec": "? UNDECIDED"}
    drawn = seed.page.eval_on_selector_all(
        "g[data-claim]", "nodes => nodes.map(n => n.getAttribute('data-claim'))"
    )
    assert marks == [words[expected["labels"][claim]] for claim in drawn]
    seed.page.click("#am-reset")
    assert seed.labels() == plain["labels"]


def test_every_single_rejection_matches_on_the_seed(seed: Opened) -> None:
    debate = load_debate(SEED).debate
    for claim in list(debate.node_ids())[1:]:
        seed.verdict(claim, "reject")
        assert seed.labels() == cli_evaluate("--reject", claim)["labels"], claim
        seed.verdict(claim, "")


def as_shown(debate: Debate, reasons: Any) -> dict[str, str]:
    """``evaluate``'s reasons with each claim named by the words the page shows for its title
    (inline Markdown marks left out, white space collapsed where there are marks)."""
    names = {
        f"“{debate.label_of(n)}”": f"“{page_words(debate.label_of(n))}”" for n in debate.node_ids()
    }
    shown: dict[str, str] = {}
    for claim, reason in reasons.items():
        for raw, words in names.items():
            reason = reason.replace(raw, words)
        shown[claim] = reason
    return shown


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(debate=debates(max_statements=8, max_arguments=4))
def test_what_if_matches_evaluate_on_generated_debates(
    browser: Any, tmp_path_factory: pytest.TempPathFactory, debate: Debate
) -> None:
    folder = tmp_path_factory.mktemp("generated")
    page = export_map(debate, folder / "page.html", "html")
    opened = open_page(browser, page)
    try:
        assert opened.labels() == as_json(evaluate(debate))["labels"]
        claims = list(debate.node_ids())
        rng = random.Random(len(claims))
        accept: list[str] = []
        reject: list[str] = []
        for claim in rng.sample(claims, min(3, len(claims))):
            verdict = rng.choice(("accept", "reject"))
            (accept if verdict == "accept" else reject).append(claim)
            opened.verdict(claim, verdict)
            expected = as_json(evaluate(debate, accept=accept, reject=reject))
            assert opened.labels() == expected["labels"]
            assert opened.reasons() == as_shown(debate, expected["reasons"])
        opened.page.check("#am-labels")
        opened.page.check("#am-bipolar")
        bipolar = as_json(evaluate(debate, accept=accept, reject=reject, bipolar=True))
        assert opened.labels() == bipolar["labels"]
        assert opened.reasons() == as_shown(debate, bipolar["reasons"])
        opened.clean()
    finally:
        opened.page.context.close()


def test_generated_debate_round_trips_through_the_cli(browser: Any, tmp_path: Path) -> None:
    """A generated file, exported and evaluated by the two commands a teacher runs."""
    from bench.generate import write

    source = write(60, tmp_path / "sixty.yaml", seed=3)
    out = tmp_path / "sixty.html"
    result = CliRunner().invoke(main, ["export", str(source), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    opened = open_page(browser, out)
    try:
        for claim in ("c3", "c10", "c25"):
            opened.verdict(claim, "reject")
        cli = CliRunner().invoke(
            main,
            [
                "evaluate",
                str(source),
                "--format",
                "json",
                "--reject",
                "c3",
                "--reject",
                "c10",
                "--reject",
                "c25",
            ],
        )
        assert opened.labels() == json.loads(cli.output)["labels"]
        opened.clean()
    finally:
        opened.page.context.close()


def layer_claims(page: Any, layer: str) -> list[str]:
    return list(
        page.evaluate(
            """(name) => [...document.querySelectorAll(".am-layer")]
                .find((l) => l.getAttribute("data-layer") === name)
                .querySelectorAll("g[data-claim]")
                .values().map((n) => n.getAttribute("data-claim")).toArray()""",
            layer,
        )
    )


def visible_layer(page: Any) -> str:
    return str(page.eval_on_selector(".am-layer:not([hidden])", "l => l.dataset.layer"))


def test_large_debates_drill_down_through_layers(browser: Any, tmp_path: Path) -> None:
    from bench.generate import write

    debate = load_debate(write(150, tmp_path / "large.yaml", seed=2)).debate
    out = tmp_path / "large.html"
    result = CliRunner().invoke(main, ["export", str(tmp_path / "large.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    opened = open_page(browser, out)
    try:
        page = opened.page
        assert visible_layer(page) == "top"
        top = layer_claims(page, "top")
        assert debate.question.id in top and len(top) < 40
        names = page.eval_on_selector_all(".am-layer", "ls => ls.map(l => l.dataset.layer)")
        # Every claim is drawn, with what lies below it, on exactly one layer: its home.
        homes = [
            c for name in names for c in layer_claims(page, name) if c == name or c not in names
        ]
        assert sorted(homes) == sorted(debate.node_ids())
        badges = page.eval_on_selector_all(
            ".am-layer:not([hidden]) .am-fold",
            "b => b.map(x => [x.getAttribute('data-expand'), x.textContent])",
        )
        assert badges and all(
            text.startswith("+") and text.endswith(" below") for _, text in badges
        )
        branch, label = badges[0]
        page.eval_on_selector(
            ".am-layer:not([hidden]) .am-fold",
            "b => b.dispatchEvent(new MouseEvent('click', {bubbles: true}))",
        )
        assert visible_layer(page) == branch
        assert page.evaluate("document.activeElement.getAttribute('data-claim')") == branch
        assert debate.label_of(branch)[:20] in page.inner_text("#am-trail")
        # The badge counted exactly the claims below it, on this layer and the ones under it.
        assert int(label[1:].split()[0]) == TreeShape(DebateIndex(debate)).descendants(branch)
        under = [n for n in names if n != "top"]
        box = page.eval_on_selector(
            ".am-layer:not([hidden]) g[data-claim]",
            "g => { const r = g.getBoundingClientRect(); return [r.x, r.y, r.width]; }",
        )
        assert 0 <= box[0] <= 1366 and 0 <= box[1] <= 768 and box[2] > 80  # readable
        page.go_back()
        page.wait_for_function(
            "document.querySelector('.am-layer:not([hidden])').dataset.layer === 'top'"
        )
        # A claim deep in the debate is reached from search, on its own layer.
        deep = next(c for c in debate.node_ids() if c in under and c not in top)
        page.fill("#am-search", deep)
        page.press("#am-search", "Enter")
        assert visible_layer(page) == deep
        assert page.inner_text("#am-panel h2") == debate.label_of(deep)
        page.click("#am-trail button")
        assert visible_layer(page) == "top"
        opened.clean()
    finally:
        page.context.close()


def test_hostile_text_runs_nothing_and_reads_as_text(browser: Any, tmp_path: Path) -> None:
    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE_YAML, encoding="utf-8")
    out = export_map(load_debate(source).debate, tmp_path / "hostile.html", "html")
    opened = open_page(browser, out)
    try:
        page = opened.page
        page.hover("g[data-claim='c1']")
        opened.click_claim("x</script>")
        panel = opened.panel()
        assert "<!-- <script>window.pwned = 1</script> -->" in panel
        assert "<img src=x onerror=window.pwned=1>" in panel
        assert "&lt;script&gt; stays &amp; text" in panel
        assert "<b onmouseover=window.pwned=1>Mallory</b>" in panel
        assert "javascript:window.pwned=1 (not a web link)" in panel
        links = page.eval_on_selector_all("#am-panel a", "a => a.map(x => x.href)")
        assert links == ["https://example.org/report"]
        assert search(opened, "</script>") == ["q", "x</script>"]
        opened.click_claim("c1")
        assert page.evaluate("document.title") == "</title><script>window.pwned = 1</script>"
        assert page.evaluate("window.pwned") is None
        assert page.eval_on_selector_all("img, iframe, object, embed", "n => n.length") == 0
        opened.clean()
    finally:
        page.context.close()


def test_pan_zoom_and_fit(seed: Opened) -> None:
    page = seed.page
    start = page.get_attribute("svg", "viewBox")
    page.mouse.move(600, 400)
    page.mouse.wheel(0, -300)
    zoomed = page.get_attribute("svg", "viewBox")
    assert float(zoomed.split()[2]) < float(start.split()[2])
    page.mouse.down()
    page.mouse.move(700, 450, steps=5)
    page.mouse.up()
    moved = page.get_attribute("svg", "viewBox")
    assert moved.split()[:2] != zoomed.split()[:2]
    page.focus("#am-map")
    page.keyboard.press("0")
    assert page.get_attribute("svg", "viewBox") == start
    page.click("#am-zoom-in")
    assert float(page.get_attribute("svg", "viewBox").split()[2]) < float(start.split()[2])
    page.click("#am-fit")
    assert page.get_attribute("svg", "viewBox") == start


def test_phone_size_reads_and_panel_fits(browser: Any, seed_page: Path) -> None:
    opened = open_page(browser, seed_page, width=390, height=844)
    try:
        opened.click_claim("cut-revenue")
        box = opened.page.eval_on_selector("#am-panel", "p => p.getBoundingClientRect().width")
        assert box <= 390
        assert opened.page.evaluate("document.documentElement.scrollWidth") <= 390
        opened.clean()
    finally:
        opened.page.context.close()


def test_page_opens_with_the_verdicts_it_was_exported_with(browser: Any, tmp_path: Path) -> None:
    out = export_map(
        load_debate(SEED).debate, tmp_path / "room.html", "html", reject=["china-would-give-aid"]
    )
    opened = open_page(browser, out)
    try:
        expected = cli_evaluate("--reject", "china-would-give-aid")
        assert opened.labels() == expected["labels"]
        assert opened.page.is_checked("#am-labels")
        assert "rejects 1" in opened.page.inner_text("#am-status")
        opened.clean()
    finally:
        opened.page.context.close()


def test_bipolar_what_if_matches_evaluate_bipolar(seed: Opened) -> None:
    seed.page.check("#am-labels")
    seed.page.check("#am-bipolar")
    assert seed.labels() == cli_evaluate("--bipolar")["labels"]
    seed.verdict("cut-revenue", "reject")
    expected = cli_evaluate("--bipolar", "--reject", "cut-revenue")
    assert seed.labels() == expected["labels"]
    assert seed.reasons() == expected["reasons"]
    assert "Grounded, bipolar" in seed.page.inner_text("#am-status")


def test_touch_pinch_zooms_and_one_finger_pans(browser: Any, seed_page: Path) -> None:
    opened = open_page(browser, seed_page, width=390, height=844, touch=True)
    page = opened.page
    touch = page.context.new_cdp_session(page)

    def fingers(kind: str, *points: tuple[float, float]) -> None:
        touch.send(
            "Input.dispatchTouchEvent",
            {
                "type": kind,
                "touchPoints": [{"x": x, "y": y, "id": n} for n, (x, y) in enumerate(points)],
            },
        )

    def box() -> list[float]:
        return [float(v) for v in page.get_attribute("svg", "viewBox").split()]

    try:
        start = box()
        fingers("touchStart", (150, 400), (240, 400))
        for step in range(1, 6):
            fingers("touchMove", (150 - 10 * step, 400), (240 + 10 * step, 400))
        fingers("touchEnd")
        pinched = box()
        assert pinched[2] < start[2] * 0.7  # fingers apart: closer in
        fingers("touchStart", (200, 500))
        for step in range(1, 6):
            fingers("touchMove", (200 + 10 * step, 500 + 5 * step))
        fingers("touchEnd")
        panned = box()
        assert panned[0] < pinched[0] and panned[1] < pinched[1] and panned[2] == pinched[2]
        opened.clean()
    finally:
        page.context.close()


PROTOTYPE_IDS_YAML = """\
argmap: 1
title: Ids that are names of JavaScript properties
question:
  id: constructor
  text: Is an id just a key?
  pros:
    - id: __proto__
      text: It is, if the page keeps ids as data.
      cons:
        - id: toString
          text: Unless a lookup finds an inherited property.
    - id: hasOwnProperty
      text: Every map of ids needs no prototype.
  cons:
    - id: valueOf
      text: An inherited property is truthy.
      cons:
        - id: "null"
          text: Not if nothing is inherited.
relations:
  - {id: u1, kind: undercuts, source: "null", target: "__proto__->constructor"}
  - {id: u2, kind: undercuts, source: toString, target: u1}
  - {id: c1, kind: contradicts, source: hasOwnProperty, target: valueOf}
"""


@pytest.mark.parametrize("bipolar", [False, True])
def test_what_if_with_ids_named_like_javascript_properties(
    browser: Any, tmp_path: Path, bipolar: bool
) -> None:
    """Also an undercut of an undercut, whose inference's target is a relation id."""
    source = tmp_path / "proto.yaml"
    source.write_text(PROTOTYPE_IDS_YAML, "utf-8")
    debate = load_debate(source).debate
    opened = open_page(browser, export_map(debate, tmp_path / "proto.html", "html"))
    try:
        if bipolar:
            opened.page.check("#am-labels")
            opened.page.check("#am-bipolar")
        assert opened.labels() == as_json(evaluate(debate, bipolar=bipolar))["labels"]
        for claim in debate.node_ids():
            for verdict in ("accept", "reject"):
                opened.verdict(claim, verdict)
                chosen = {verdict: [claim]}
                expected = as_json(evaluate(debate, bipolar=bipolar, **chosen))
                assert opened.labels() == expected["labels"], (claim, verdict)
                assert opened.reasons() == expected["reasons"], (claim, verdict)
            opened.verdict(claim, "")
        opened.clean()
    finally:
        opened.page.context.close()


def test_argument_panel_shows_scheme_premises_and_critical_questions(seed: Opened) -> None:
    from argmap.io.schemes import scheme_catalogue

    debate = load_debate(SEED).debate
    argument = next(a for a in debate.arguments.values() if a.scheme and a.premises)
    scheme = scheme_catalogue()[argument.scheme or ""]
    seed.click_claim(argument.id)
    panel = seed.panel()
    assert scheme.name in panel
    assert all(question in panel for question in scheme.critical_questions)
    assert all(debate.label_of(p) in panel for p in argument.premises)
    assert "PREMISES (TOGETHER)" in panel.upper()


def test_print_shows_the_map_and_the_selected_claim_without_controls(seed: Opened) -> None:
    page = seed.page
    whole = page.get_attribute("svg", "viewBox")  # the page opens fitted at laptop size
    seed.click_claim("cut-revenue")
    page.click("#am-zoom-in")
    assert page.get_attribute("svg", "viewBox") != whole
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert not page.is_visible("#am-search") and not page.is_visible("#am-fit")
    assert page.is_visible("#am-panel") and "it's aiding the North Korean regime" in seed.panel()
    assert page.get_attribute("svg", "viewBox") == whole  # the whole map, not the zoomed part
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.get_attribute("svg", "viewBox") != whole  # and back to where the reader was


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_theme_follows_the_system_setting(browser: Any, seed_page: Path, scheme: str) -> None:
    opened = open_page(browser, seed_page, scheme=scheme)
    try:
        page = opened.page
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        map_filter = page.evaluate("getComputedStyle(document.querySelector('svg')).filter")
        if scheme == "dark":
            assert background == "rgb(22, 24, 28)" and "invert" in map_filter
        else:
            assert background == "rgb(255, 255, 255)" and map_filter == "none"
        opened.clean()
    finally:
        opened.page.context.close()


def test_controls_and_claims_have_names_a_screen_reader_announces(seed: Opened) -> None:
    page = seed.page
    seed.click_claim("cut-revenue")
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll("button, input, select, [role=button]")]
            .filter((el) => !(el.getAttribute("aria-label") || el.textContent.trim() ||
                              (el.labels && [...el.labels].some((l) => l.textContent.trim()))))
            .map((el) => el.outerHTML.slice(0, 80))"""
    )
    assert unnamed == []
    page.check("#am-labels")
    name = page.get_attribute("g[data-claim='cut-revenue']", "aria-label")
    assert name == "pro statement: Cuts the regime's hard currency — Kim Dong Jo — ✔ IN (stands)"


SETTLE_YAML = """\
argmap: 1
title: An at-issue claim that attacks its own objection
question:
  id: q
  text: Act?
statements:
  - id: x
    text: X, weighed rather than defeated
    supports: [q]
    at-issue: true
    attacks: [c, t]
    pros: [{id: p, text: P}]
    cons: [{id: c, text: C}]
  - {id: t, text: T, attacks: [q]}
  - {id: y, text: Y, attacks: [x]}
  - {id: z, text: Z, attacks: [y]}
arguments:
  - argument: Built on X
    id: arg
    supports: [q]
    premises: [{ref: x}]
relations:
  - {from: q, to: p->x, kind: undercuts}
  - {from: q, to: x->q, kind: undercuts}
"""

UNSETTLED_YAML = """\
argmap: 1
title: A question that undercuts its own reason
question: {id: q, text: Act?}
statements:
  - {id: p, text: P, supports: [q]}
  - {id: c, text: C, attacks: [q]}
relations:
  - {from: q, to: p->q, kind: undercuts}
"""

WEIGHTS_YAML = """\
argmap: 1
title: Reasons with weights
question:
  id: q
  text: Act?
  pros:
    - {id: strong, text: A strong reason, weight: 0.8}
    - {id: weak, text: A weak reason, weight: 0.2}
  cons:
    - {id: middling, text: A middling objection, weight: 0.6}
    - id: w
      text: W, weighed itself
      at-issue: true
      weight: 0.7
      pros: [{id: wp, text: For W, weight: 0.3}]
      cons: [{id: wc, text: Against W}]
statements:
  - {id: u, text: U, attacks: [strong]}
"""


def verdict_summaries(result: dict[str, Any]) -> dict[str, str]:
    """Each weighed claim's verdict sentence, as ``argmap evaluate --format json`` has it."""
    found = {node: str(v["summary"]) for node, v in result["at_issue"].items()}
    if "summary" in result["question"]:
        found[result["question"]["id"]] = str(result["question"]["summary"])
    return found


@pytest.mark.parametrize(
    "text", [SETTLE_YAML, UNSETTLED_YAML, WEIGHTS_YAML], ids=["settle", "unsettled", "weights"]
)
def test_what_if_weighs_at_issue_claims_as_evaluate_does(
    browser: Any, tmp_path: Path, text: str
) -> None:
    """The settle loop (an at-issue claim attacking its own objection, with an argument
    resting on it, and the question undercutting its reasons' links; a question no verdict
    agrees with) and weighed reasons."""
    source = tmp_path / "weighed.yaml"
    source.write_text(text, "utf-8")
    debate = load_debate(source).debate
    opened = open_page(browser, export_map(debate, tmp_path / "weighed.html", "html"))
    try:
        for bipolar in (False, True):
            if bipolar:
                opened.page.check("#am-labels")
                opened.page.check("#am-bipolar")
            plain = as_json(evaluate(debate, bipolar=bipolar))
            assert opened.labels() == plain["labels"]
            assert dict(opened.page.evaluate("Object.entries(window.argmapVerdicts)")) == (
                verdict_summaries(plain)
            )
            for claim in debate.node_ids():
                for verdict in ("accept", "reject"):
                    opened.verdict(claim, verdict)
                    chosen = [claim]
                    accept, reject = (chosen, []) if verdict == "accept" else ([], chosen)
                    expected = as_json(
                        evaluate(debate, bipolar=bipolar, accept=accept, reject=reject)
                    )
                    assert opened.labels() == expected["labels"], (claim, verdict, bipolar)
                    assert opened.reasons() == expected["reasons"], (claim, verdict, bipolar)
                    shown = dict(opened.page.evaluate("Object.entries(window.argmapVerdicts)"))
                    assert shown == verdict_summaries(expected), (claim, verdict, bipolar)
                opened.verdict(claim, "")
        # The question's panel says how it was weighed, in evaluate's words.
        opened.click_claim("q")
        weighed = evaluate(debate, bipolar=True).verdict
        assert weighed is not None
        assert "Weighed: " + weighed.summary("the motion") in opened.panel()
        opened.clean()
    finally:
        opened.page.context.close()


def test_seed_question_panel_reads_like_evaluate(seed: Opened) -> None:
    seed.click_claim(load_debate(SEED).debate.question.id)
    expected = cli_evaluate()["question"]
    assert expected["label"] == "undec"
    assert "Weighed: " + str(expected["summary"]).replace(": it ", ": the motion ") in seed.panel()
    assert "under preponderance with equal weights: undecided" in seed.panel()
    assert "? UNDECIDED — undecided (weighed: preponderance)" in seed.panel()


INLINE_YAML = """\
argmap: 1
title: Inline Markdown
question:
  id: q
  text: Should the UN **ban** labour exports?
  pros:
    - id: rev
      title: Exports earn *hard currency*
      text: "About **$2 billion** a year: see [the panel](https://un.org/panel), not
        [this](javascript:window.pwned=1) or `<script>window.pwned=1</script>`."
      notes: A *note* with `code`.
"""


def test_inline_markdown_shows_as_styled_text_and_safe_links(browser: Any, tmp_path: Path) -> None:
    source = tmp_path / "inline.yaml"
    source.write_text(INLINE_YAML, encoding="utf-8")
    out = export_map(load_debate(source).debate, tmp_path / "inline.html", "html")
    opened = open_page(browser, out)
    try:
        page = opened.page
        opened.click_claim("rev")
        assert page.inner_text("#am-panel h2") == "Exports earn hard currency"
        assert page.inner_text("#am-panel h2 em") == "hard currency"
        assert page.inner_text("#am-panel .am-text strong") == "$2 billion"
        assert page.inner_text("#am-panel .am-text code") == "<script>window.pwned=1</script>"
        panel = opened.panel()
        assert "**" not in panel and "[the panel]" not in panel
        assert "[this](javascript:window.pwned=1)" in panel  # not a link: its words
        links = page.eval_on_selector_all(
            "#am-panel .am-text a", "a => a.map(x => [x.href, x.rel, x.target])"
        )
        assert links == [["https://un.org/panel", "noopener noreferrer", "_blank"]]
        assert page.inner_text("#am-panel em >> nth=1") == "note"
        assert search(opened, "hard currency") == ["rev"]  # the words, without the marks
        assert page.evaluate("window.pwned") is None
        opened.clean()
    finally:
        page.context.close()
