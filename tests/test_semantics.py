"""Dung semantics: hand-checked classics, properties, pygarg and ICCMA cross-checks."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pygarg.dung import encoding

from argmap.analysis.framework import ArgumentationFramework, Label, Labelling
from argmap.analysis.iccma import read_framework
from argmap.analysis.semantics import (
    Budget,
    BudgetExceeded,
    Semantics,
    complete_extensions,
    count_extensions,
    credulously_accepted,
    extensions,
    grounded,
    labellings,
    preferred_extensions,
    sceptically_accepted,
    stable_extensions,
)

DATA = Path(__file__).parent / "data" / "iccma"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "iccma"
MULTI = (Semantics.COMPLETE, Semantics.PREFERRED, Semantics.STABLE)


def af(args: str, attacks: str = "") -> ArgumentationFramework:
    """``af("abc", "ab bc")``: single-letter arguments, attacks as two-letter pairs."""
    return ArgumentationFramework(args, [(pair[0], pair[1]) for pair in attacks.split()])


def exts(*members: str) -> list[frozenset[str]]:
    return [frozenset(m) for m in members]


# --- the classics, hand-checked ---------------------------------------------------------

CLASSICS = {
    # name: (framework, grounded labels, complete, preferred, stable)
    "unattacked": (af("ab", "ab"), "io", ["a"], ["a"], ["a"]),
    "reinstatement": (af("abc", "ab bc"), "ioi", ["ac"], ["ac"], ["ac"]),
    "even cycle": (af("ab", "ab ba"), "uu", ["", "a", "b"], ["a", "b"], ["a", "b"]),
    "odd cycle": (af("abc", "ab bc ca"), "uuu", [""], [""], []),
    "floating acceptance": (
        af("abcd", "ab ba ac bc cd"),
        "uuuu",
        ["", "ad", "bd"],
        ["ad", "bd"],
        ["ad", "bd"],
    ),
    "self-attack": (af("ab", "aa ab"), "uu", [""], [""], []),
    "empty": (af(""), "", [""], [""], [""]),
}
LABEL = {"i": Label.IN, "o": Label.OUT, "u": Label.UNDEC}


@pytest.mark.parametrize("name", CLASSICS)
def test_classic_frameworks(name: str) -> None:
    framework, labels, complete, preferred, stable = CLASSICS[name]
    expected_grounded = {arg: LABEL[c] for arg, c in zip(framework.arguments, labels, strict=True)}
    assert dict(grounded(framework)) == expected_grounded
    assert extensions(framework, "grounded") == [frozenset(grounded(framework).extension)]
    assert complete_extensions(framework) == exts(*complete)
    assert preferred_extensions(framework) == exts(*preferred)
    assert stable_extensions(framework) == exts(*stable)


def test_floating_acceptance_separates_sceptical_preferred_from_grounded() -> None:
    floating = CLASSICS["floating acceptance"][0]
    assert sceptically_accepted(floating, "d", Semantics.PREFERRED)
    assert sceptically_accepted(floating, "d", Semantics.STABLE)
    assert not sceptically_accepted(floating, "d", Semantics.GROUNDED)
    assert not sceptically_accepted(floating, "d", Semantics.COMPLETE)
    assert credulously_accepted(floating, "a", "preferred")
    assert not sceptically_accepted(floating, "a", "preferred")
    assert not credulously_accepted(floating, "c", "complete")
    assert not credulously_accepted(floating, "d", "grounded")


def test_without_stable_extensions_acceptance_is_vacuous() -> None:
    odd = CLASSICS["odd cycle"][0]
    assert not credulously_accepted(odd, "a", "stable")
    assert sceptically_accepted(odd, "a", "stable")


def test_acceptance_rejects_unknown_argument() -> None:
    with pytest.raises(ValueError, match="'z' is not in the framework"):
        credulously_accepted(af("ab", "ab"), "z", "preferred")


def test_unknown_semantics_is_rejected() -> None:
    with pytest.raises(ValueError, match="ideal"):
        extensions(af("a"), "ideal")


def test_labelling_extension_is_sorted_in_set_and_hashable() -> None:
    labelling = grounded(af("dcba", "cb"))
    assert labelling.extension == ("a", "c", "d")
    assert labelling == {"d": Label.IN, "c": Label.IN, "b": Label.OUT, "a": Label.IN}
    assert len({labelling, grounded(af("dcba", "cb"))}) == 1


def test_framework_is_immutable_and_validated() -> None:
    framework = af("abc", "ab cb")
    assert framework.attackers("b") == ("a", "c")
    assert framework.targets("a") == ("b",)
    with pytest.raises(AttributeError):
        framework.arguments = ()
    with pytest.raises(ValueError, match="'a' is listed more than once"):
        ArgumentationFramework(["a", "b", "a"])
    with pytest.raises(ValueError, match="unknown argument 'z'"):
        ArgumentationFramework(["a"], [("a", "z")])


def test_grounded_alternates_along_a_long_reinstatement_chain() -> None:
    # Speed is measured in bench/bench_semantics.py; here: no recursion limit, right labels.
    n = 100_000
    names = [f"a{i}" for i in range(n)]
    labelling = grounded(ArgumentationFramework(names, itertools.pairwise(names)))
    assert [labelling[names[i]] for i in (0, 1, n - 2, n - 1)] == [
        Label.IN,
        Label.OUT,
        Label.IN,
        Label.OUT,
    ]


# --- audience assumptions ---------------------------------------------------------------


def test_rejecting_an_argument_reinstates_what_it_attacked() -> None:
    chain = af("abc", "ab bc")
    assert dict(grounded(chain, reject=["a"])) == {"a": "out", "b": "in", "c": "out"}
    for semantics in MULTI:
        assert extensions(chain, semantics, reject=["a"]) == exts("b")


def test_accepting_an_argument_shields_it_from_its_attackers() -> None:
    odd = af("abc", "ab bc ca")
    assert dict(grounded(odd, accept=["a"])) == {"a": "in", "b": "out", "c": "in"}
    for semantics in MULTI:
        assert extensions(odd, semantics, accept=["a"]) == exts("ac")
    # A self-attack is an attack on the argument too, so it goes.
    assert grounded(af("ab", "aa ab"), accept=["a"]).extension == ("a",)
    assert credulously_accepted(odd, "c", "stable", accept=["a"])
    assert not sceptically_accepted(odd, "b", "preferred", accept=["a"])


def test_accepting_and_rejecting_together() -> None:
    floating = af("abcd", "ab ba ac bc cd")
    assert extensions(floating, "preferred", accept=["d"], reject=["a"]) == exts("bd")
    with pytest.raises(ValueError, match="cannot both accept and reject: a"):
        grounded(floating, accept=["a"], reject=["a"])
    with pytest.raises(ValueError, match="'q' is not in the framework"):
        stable_extensions(floating, reject=["q"])
    with pytest.raises(TypeError, match="not a string"):
        grounded(floating, accept="ab")


# --- properties -------------------------------------------------------------------------


@st.composite
def frameworks(draw: st.DrawFn, max_args: int = 7) -> ArgumentationFramework:
    names = [f"a{i}" for i in range(draw(st.integers(0, max_args)))]
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.lists(st.sampled_from(pairs), max_size=3 * len(names))) if pairs else []
    return ArgumentationFramework(names, attacks)


def brute_force_complete(framework: ArgumentationFramework) -> list[frozenset[str]]:
    """Complete extensions straight from Dung's definition: conflict-free fixpoints of F."""
    found = []
    for size in range(len(framework) + 1):
        for members in itertools.combinations(framework.arguments, size):
            chosen = frozenset(members)
            beaten = {target for attacker, target in framework.attacks if attacker in chosen}
            defended = {
                arg
                for arg in framework.arguments
                if all(attacker in beaten for attacker in framework.attackers(arg))
            }
            if not chosen & beaten and defended == chosen:
                found.append(chosen)
    return sorted(found, key=sorted)


def is_complete_labelling(framework: ArgumentationFramework, labelling: Labelling) -> bool:
    def ok(arg: str) -> bool:
        attackers = [labelling[b] for b in framework.attackers(arg)]
        is_in = all(label is Label.OUT for label in attackers)
        is_out = any(label is Label.IN for label in attackers)
        return (labelling[arg] is Label.IN) == is_in and (labelling[arg] is Label.OUT) == is_out

    return list(labelling) == list(framework.arguments) and all(map(ok, framework.arguments))


@given(frameworks())
def test_complete_matches_the_definition(framework: ArgumentationFramework) -> None:
    assert complete_extensions(framework) == brute_force_complete(framework)


@given(frameworks())
def test_labellings_satisfy_their_definitions(framework: ArgumentationFramework) -> None:
    for semantics in Semantics:
        found = labellings(framework, semantics)
        assert all(is_complete_labelling(framework, lab) for lab in found)
        assert [frozenset(lab.extension) for lab in found] == extensions(framework, semantics)
    for labelling in labellings(framework, Semantics.STABLE):
        assert Label.UNDEC not in labelling.values()


@given(frameworks())
def test_semantics_relate_as_dung_proved(framework: ArgumentationFramework) -> None:
    ground = frozenset(grounded(framework).extension)
    complete = complete_extensions(framework)
    preferred = preferred_extensions(framework)
    stable = stable_extensions(framework)
    assert ground in complete
    assert all(ground <= ext for ext in complete)
    assert preferred == [e for e in complete if not any(e < other for other in complete)]
    assert all(ext in preferred for ext in stable)
    everything = set(framework.arguments)
    assert stable == [
        e for e in complete if e | {t for a, t in framework.attacks if a in e} == everything
    ]
    for found in (complete, preferred, stable):
        assert found == sorted(set(found), key=sorted)


@given(frameworks())
def test_acceptance_agrees_with_enumeration(framework: ArgumentationFramework) -> None:
    for arg in framework.arguments:
        for semantics in Semantics:
            found = extensions(framework, semantics)
            assert credulously_accepted(framework, arg, semantics) == any(arg in e for e in found)
            assert sceptically_accepted(framework, arg, semantics) == all(arg in e for e in found)


@given(frameworks(), st.data())
def test_audience_assumptions_are_the_documented_edits(
    framework: ArgumentationFramework, data: st.DataObject
) -> None:
    accept = data.draw(st.sets(st.sampled_from(framework.arguments))) if len(framework) else set()
    rest = [a for a in framework.arguments if a not in accept]
    reject = data.draw(st.sets(st.sampled_from(rest))) if rest else set()
    audience = "audience"  # the strategy never names an argument this
    edited = ArgumentationFramework(
        [*framework.arguments, audience],
        [(a, t) for a, t in framework.attacks if t not in accept] + [(audience, r) for r in reject],
    )
    for semantics in Semantics:
        found = extensions(framework, semantics, accept=accept, reject=reject)
        assert found == sorted((e - {audience} for e in extensions(edited, semantics)), key=sorted)
        assert all(accept <= e and not reject & e for e in found)
    labels = grounded(framework, accept=accept, reject=reject)
    assert all(labels[a] is Label.IN for a in accept)
    assert all(labels[r] is Label.OUT for r in reject)


# --- cross-check with pygarg ------------------------------------------------------------


def pygarg_clauses(framework: ArgumentationFramework, encode: Any) -> Callable[[int], bool]:
    """pygarg's CNF from ``encode``, as a test of a set of arguments given as a bitmask.

    pygarg numbers argument ``i`` as variable ``i + 1`` and "some attacker of ``i`` is
    IN" as ``n + i + 1``; the latter follows from the set, so the set alone decides.
    """
    args = list(framework.arguments)
    n = len(args)
    _, clauses = encode(args, [list(attack) for attack in sorted(framework.attacks)])
    masks = [
        (sum(1 << (v - 1) for v in set(c) if v > 0), sum(1 << (-v - 1) for v in set(c) if v < 0))
        for c in clauses
    ]
    hits = [sum(1 << args.index(t) for a, t in framework.attacks if a == arg) for arg in args]

    def satisfied(chosen: int) -> bool:
        attacked = 0
        for i in range(n):
            if chosen >> i & 1:
                attacked |= hits[i]
        value = chosen | attacked << n
        return all(value & pos or ~value & neg for pos, neg in masks)

    return satisfied


def pygarg_models(framework: ArgumentationFramework, encode: Any) -> list[frozenset[str]]:
    """All sets satisfying one of pygarg's encodings, by trying each of the 2**n sets."""
    satisfied = pygarg_clauses(framework, encode)
    args = framework.arguments
    models = [
        frozenset(a for i, a in enumerate(args) if chosen >> i & 1)
        for chosen in range(1 << len(args))
        if satisfied(chosen)
    ]
    return sorted(models, key=sorted)


def pygarg_reference(framework: ArgumentationFramework) -> dict[Semantics, list[frozenset[str]]]:
    complete = pygarg_models(framework, encoding.complete)
    admissible = pygarg_models(framework, encoding.admissibility)
    return {
        # pygarg's own grounded routine needs python-sat; grounded is the least complete.
        Semantics.GROUNDED: [frozenset.intersection(*complete)],
        Semantics.COMPLETE: complete,
        # pygarg enumerates preferred as the maximal admissible sets, as done here.
        Semantics.PREFERRED: [a for a in admissible if not any(a < b for b in admissible)],
        Semantics.STABLE: pygarg_models(framework, encoding.stable),
    }


def random_frameworks(count: int, max_args: int, seed: int) -> list[ArgumentationFramework]:
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        names = [f"x{i}" for i in range(rng.randint(0, max_args))]
        density = rng.uniform(0.05, 0.35)
        attacks = [(a, t) for a in names for t in names if rng.random() < density]
        result.append(ArgumentationFramework(names, attacks))
    return result


def test_matches_pygarg_encodings_on_random_frameworks() -> None:
    for framework in random_frameworks(300, 12, seed=20260427):
        for semantics, expected in pygarg_reference(framework).items():
            assert extensions(framework, semantics) == expected, (semantics, framework.attacks)


def test_matches_pygarg_sat_solver() -> None:
    pytest.importorskip("pysat", reason="pygarg's solver needs python-sat, not installed")
    from pygarg.dung import solver

    instances = random_frameworks(100, 12, seed=7)
    if CORPUS.is_dir():
        instances += [read_framework(p) for p in sorted(CORPUS.rglob("*.apx"))]
    for framework in instances:
        args = list(framework.arguments)
        atts = [list(attack) for attack in framework.attacks]
        assert frozenset(solver.compute_grounded_extension(args, atts)) == frozenset(
            grounded(framework).extension
        )
        for semantics, code in (("complete", "CO"), ("preferred", "PR"), ("stable", "ST")):
            theirs = solver.extension_enumeration(args, atts, code)
            assert sorted(map(frozenset, theirs), key=sorted) == extensions(framework, semantics)


# --- ICCMA reference results ------------------------------------------------------------


def read_expected(path: Path) -> list[frozenset[str]]:
    """An ``expected/*.txt`` file: one argument per line, ``---`` between extensions."""
    blocks: list[set[str]] = [set()]
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line == "---":
            blocks.append(set())
        elif line and not line.startswith("#"):
            blocks[-1].add(line)
    return sorted(map(frozenset, blocks), key=sorted)


def check_against_expected(
    framework: ArgumentationFramework, expected_dir: Path, stem: str, rename: Callable[[str], str]
) -> None:
    for semantics in Semantics:
        expected = read_expected(expected_dir / f"{stem}.{semantics}.txt")
        found = [frozenset(map(rename, e)) for e in extensions(framework, semantics)]
        assert sorted(found, key=sorted) == expected, (stem, semantics)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.apx")), ids=lambda p: p.stem)
def test_bundled_iccma_instances(path: Path) -> None:
    check_against_expected(read_framework(path), DATA / "expected", path.stem, str)


def index_map(path: Path) -> dict[str, str]:
    """The ``# index map: 1=a0_0 ...`` comment of the corpus's converted ICCMA 2023 files."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# index map:"):
            return dict(item.split("=") for item in line.split(":", 1)[1].split())
    raise AssertionError(f"{path} has no index map comment")


def test_shared_iccma_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpora/iccma not present: {CORPUS} does not exist")
    small = CORPUS / "iccma2019-small-result"
    instances = sorted(small.glob("*.apx"))
    assert instances, f"no .apx instances under {small}"
    for apx in instances:
        check_against_expected(read_framework(apx), small / "expected", apx.stem, str)
        converted = small / "converted-to-iccma23-af" / f"{apx.stem}.af"
        check_against_expected(
            read_framework(converted),
            small / "expected",
            apx.stem,
            index_map(converted).__getitem__,
        )


def test_shared_pygarg_instances_satisfy_pygarg_encodings() -> None:
    """Too big for trying every set, so each answer is checked against pygarg's clauses."""
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpora/iccma not present: {CORPUS} does not exist")
    for path in sorted((CORPUS / "pygarg-generated").glob("*.apx")):
        framework = read_framework(path)
        for semantics, encode in (
            (Semantics.COMPLETE, encoding.complete),
            (Semantics.PREFERRED, encoding.complete),
            (Semantics.STABLE, encoding.stable),
        ):
            satisfied = pygarg_clauses(framework, encode)
            for ext in extensions(framework, semantics):
                assert satisfied(sum(1 << framework.index(a) for a in ext)), (path.name, ext)


# --- components and budgets -------------------------------------------------------------


def layered_frameworks(count: int, seed: int) -> list[ArgumentationFramework]:
    """Small cycles (and self-attacks) wired one way, so most have several components."""
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        names = [f"x{i}" for i in range(rng.randint(2, 12))]
        attacks: list[tuple[str, str]] = []
        start = 0
        while start < len(names):
            size = rng.randint(1, 4)
            block = names[start : start + size]
            attacks += [
                (a, b) for a, b in zip(block, block[1:] + block[:1], strict=True) if len(block) > 1
            ]
            attacks += [(a, a) for a in block if rng.random() < 0.1]
            start += size
        attacks += [
            (names[i], names[j])
            for i in range(len(names))
            for j in range(i + 1, len(names))
            if rng.random() < 0.15
        ]
        result.append(ArgumentationFramework(names, attacks))
    return result


def test_component_by_component_matches_pygarg_encodings() -> None:
    for framework in layered_frameworks(200, seed=14):
        for semantics, expected in pygarg_reference(framework).items():
            assert extensions(framework, semantics) == expected, (semantics, framework.attacks)
        for arg in framework.arguments:
            preferred = pygarg_reference(framework)[Semantics.PREFERRED]
            accepted = all(arg in e for e in preferred)
            assert sceptically_accepted(framework, arg, Semantics.PREFERRED) == accepted


def pairs(count: int) -> ArgumentationFramework:
    """``count`` pairs of arguments attacking each other, nothing else."""
    names = [f"{side}{i}" for i in range(count) for side in "ab"]
    attacks = [(f"a{i}", f"b{i}") for i in range(count)] + [
        (f"b{i}", f"a{i}") for i in range(count)
    ]
    return ArgumentationFramework(names, attacks)


def test_independent_parts_are_counted_as_a_product() -> None:
    assert count_extensions(pairs(30), Semantics.STABLE) == 2**30
    assert count_extensions(pairs(20), Semantics.COMPLETE) == 3**20
    assert count_extensions(af("abc", "ab bc ca"), Semantics.STABLE) == 0
    assert count_extensions(af("ab", "ab ba"), Semantics.PREFERRED, reject=["a"]) == 1
    # The question attacks nothing, so it does not tie the pairs under it together.
    question = ArgumentationFramework(
        [*pairs(20).arguments, "q"], [*pairs(20).attacks, ("b3", "q")]
    )
    assert count_extensions(question, Semantics.PREFERRED) == 2**20


def test_a_small_budget_stops_listing_and_says_how_many() -> None:
    with pytest.raises(BudgetExceeded) as raised:
        labellings(pairs(4), Semantics.PREFERRED, budget=Budget(max_extensions=15))
    assert "preferred semantics has 16 extensions here; argmap lists at most 15" in str(
        raised.value
    )
    assert "--max-extensions" in raised.value.hint and "grounded" in raised.value.hint
    assert len(labellings(pairs(4), Semantics.PREFERRED, budget=Budget(max_extensions=16))) == 16
    with pytest.raises(BudgetExceeded, match="on 8 arguments is more than argmap enumerates"):
        labellings(pairs(4), Semantics.STABLE, budget=Budget(max_arguments=7))


BOUNDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
"""


def run_bounded(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter limited to 1 GiB, failing the test on a hang."""
    return subprocess.run(
        [sys.executable, "-c", BOUNDED + code],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.parametrize(
    ("semantics", "count", "expected"),
    [
        ("preferred", 20, "1,048,576"),
        ("complete", 20, "3,486,784,401"),
        ("stable", 30, "1,073,741,824"),
    ],
)
def test_exponentially_many_extensions_end_in_a_message_not_a_memory_error(
    semantics: str, count: int, expected: str
) -> None:
    names = [f"{side}{i}" for i in range(count) for side in "ab"]
    attacks = [(f"a{i}", f"b{i}") for i in range(count)] + [
        (f"b{i}", f"a{i}") for i in range(count)
    ]
    result = run_bounded(
        f"""
from argmap.analysis.framework import ArgumentationFramework
from argmap.analysis.semantics import BudgetExceeded, extensions
try:
    extensions(ArgumentationFramework({names!r}, {attacks!r}), {semantics!r})
except BudgetExceeded as error:
    print(error)
"""
    )
    assert result.returncode == 0, result.stderr
    assert f"{semantics} semantics has {expected} extensions here" in result.stdout


@pytest.mark.parametrize("command", ["evaluate", "export"])
def test_a_debate_of_contradicting_pairs_stops_with_a_hint(tmp_path: Path, command: str) -> None:
    lines = ["title: Pairs", "question:", "  id: q", "  text: Should we?", "  pros:"]
    for i in range(20):
        lines += [f"    - id: a{i}", f"      text: Claim a{i}.", f"      contradicts: [b{i}]"]
    lines.append("  cons:")
    lines += [f"    - {{id: b{i}, text: Claim b{i}.}}" for i in range(20)]
    debate = tmp_path / "pairs.yaml"
    debate.write_text("\n".join(lines), encoding="utf-8")
    args = ["evaluate", str(debate), "--semantics", "preferred"]
    if command == "export":
        args = ["export", str(debate), "--evaluate", "preferred", "-f", "dot"]
        args += ["-o", str(tmp_path / "map.dot")]
    result = run_bounded(f"from argmap.cli import main\nmain({args!r})")
    assert result.returncode == 1, result.stderr
    assert "error: preferred semantics has 1,048,576 extensions here" in result.stderr
    assert "--max-extensions N" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "map.dot").exists()
