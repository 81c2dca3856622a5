"""What inline Markdown (issue 12) costs the paths that run over every claim of a large debate.

The texts of a 10,000-claim generated debate (``bench/generate.py``), as map labels
(``argmap.render.labels.block``) and as TUI detail-pane text (``argmap.tui.format.prose``),
each against the same work without the inline check in the same run (the plain wrap, the plain
``Content``), medians of CPU time. Then the same texts with a bold and an italic word each,
against the plain run, to show what styled text costs.

    .venv/bin/python bench/bench_inline.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from rows import bench_row, median_seconds
from textual.content import Content

from argmap.render.fonts import face
from argmap.render.labels import Line, Style, balanced, block, sized
from argmap.tui.format import prose

TITLE = Style(12.0, bold=True, role="title")
WIDTH = 140.0


def texts(claims: int) -> list[str]:
    found: list[str] = []
    stack = [generate(claims)["question"]]
    while stack:
        node = stack.pop()
        found.append(node["text"])
        stack += node.get("pros", []) + node.get("cons", [])
    return found


def plain_labels(titles: list[str]) -> None:
    """What ``block`` did before inline Markdown: balanced lines, each measured."""
    measure = face(True)
    for title in titles:
        lines = [
            Line(t, TITLE, measure.width(t, TITLE.size)) for t in balanced(title, WIDTH, TITLE) if t
        ]
        sized(lines)


def labels(titles: list[str]) -> None:
    for title in titles:
        block([(title, TITLE, WIDTH)])


def plain_content(titles: list[str]) -> None:
    for title in titles:
        Content.assemble((" ".join(title.split()), "bold"))


def tui(titles: list[str]) -> None:
    for title in titles:
        prose(title, "bold")


def styled(titles: list[str]) -> list[str]:
    out = []
    for title in titles:
        words = title.split()
        if len(words) >= 4:
            words[1], words[3] = f"**{words[1]}**", f"*{words[3]}*"
        out.append(" ".join(words))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    titles = texts(args.claims)
    marked = styled(titles)
    n = f"{len(titles):,}"
    runs = args.repeat
    for what, without, checked, baseline, target in (
        ("map labels", plain_labels, labels, "the same labels without the inline check", "1.1x"),
        ("TUI text", plain_content, tui, "plain Content of the same texts", "1.5x"),
    ):
        _, base = median_seconds(partial(without, titles), runs)
        _, plain = median_seconds(partial(checked, titles), runs)
        bench_row(
            f"{what} of {n} plain claim texts (CPU)",
            plain,
            baseline=baseline,
            base=base,
            target=f"at most {target}",
        )
        _, marks = median_seconds(partial(checked, marked), runs)
        bench_row(
            f"{what} of {n} claim texts with a bold and an italic word (CPU)",
            marks,
            baseline=f"the plain texts' {what}",
            base=plain,
        )


if __name__ == "__main__":
    main()
