"""Synthetic debates for benchmarks: ``python bench/generate.py N OUT.yaml``.

Claims are nested breadth-first under the question (a few pros and cons each, like a real
debate), every claim has a speaker, every fifth a quote, and about one in twenty adds a
cross-link to an earlier claim, so the graph is not only a tree. Seeded: the same N gives the
same file.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml

WORDS = (
    "sanctions", "workers", "regime", "revenue", "labour", "exports", "China", "Russia",
    "markets", "freedom", "weapons", "pressure", "campaign", "shipyards", "visas", "factories",
    "earnings", "control", "exposure", "reform", "aid",
)  # fmt: skip


def generate(claims: int, *, seed: int = 0, speakers: int = 12) -> dict[str, Any]:
    """A debate document (plain data, ready for YAML) with ``claims`` statements."""
    rng = random.Random(seed)
    people = [
        {"id": f"s{i}", "name": f"Speaker {i}", "affiliation": f"Institute {i % 5}"}
        for i in range(speakers)
    ]
    question: dict[str, Any] = {
        "id": "q",
        "text": "Should the motion pass?",
        "pros": [],
        "cons": [],
    }
    frontier: list[dict[str, Any]] = [question]
    made = 0
    while made < claims:
        parent = frontier.pop(0)
        for _ in range(rng.randint(2, 5)):
            if made >= claims:
                break
            claim: dict[str, Any] = {
                "id": f"c{made}",
                "text": " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18))).capitalize()
                + ".",
                "by": f"s{rng.randrange(speakers)}",
            }
            if made % 5 == 0:
                claim["quotes"] = [{"text": f"Quoted words number {made}.", "by": claim["by"]}]
            if made > 10 and rng.random() < 0.05:
                claim["supports" if rng.random() < 0.5 else "attacks"] = [
                    f"c{rng.randrange(made - 10)}"
                ]
            parent.setdefault("pros" if rng.random() < 0.55 else "cons", []).append(claim)
            frontier.append(claim)
            made += 1
    return {
        "argmap": 1,
        "title": f"Synthetic debate ({claims} claims)",
        "speakers": people,
        "question": question,
    }


def write(claims: int, path: Path, *, seed: int = 0) -> Path:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(
        yaml.dump(
            generate(claims, seed=seed),
            Dumper=dumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
        ),
        encoding="utf-8",
    )
    return path


if __name__ == "__main__":
    write(int(sys.argv[1]), Path(sys.argv[2]))
