"""What a map shows and how it looks: one frozen value passed from the CLI or the TUI.

The same options always give the same DOT, so a TUI worker, ``argmap export`` and the
``exports/`` gallery draw the same map from the same view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

GroupBy = Literal["section", "speaker", "none"]
Direction = Literal["TB", "BT", "LR", "RL"]
ThemeName = Literal["light", "dark", "print"]
PageName = Literal["16:9", "4:3", "a4", "a3", "a2", "letter"]

GROUP_BY: tuple[str, ...] = get_args(GroupBy)
DIRECTIONS: tuple[str, ...] = get_args(Direction)
THEMES: tuple[str, ...] = get_args(ThemeName)
PAGES: tuple[str, ...] = get_args(PageName)
EVALUATION_LABELS = ("in", "out", "undec")
"""The values ``MapOptions.labels`` may hold, from argumentation semantics (Caminada)."""


@dataclass(frozen=True)
class MapOptions:
    """The view a map draws.

    ``focus`` and ``depth``: only claims within ``depth`` steps of ``focus`` (any direction);
    ``depth`` alone counts from the question; ``focus`` alone keeps everything connected to it.
    ``speakers``: only their claims plus the path linking each to the question, the path
    greyed. ``group_by``: a box around each group's claims (``section``, the debate's
    ``groups:``, Argdown's headings; nested as the groups are), or each speaker's, or none.
    ``direction`` says where the question sits and which way reasons grow: ``TB``
    puts it at the top. ``labels`` maps node ids to ``in``/``out``/``undec`` from an
    evaluation; they are marked by words and line weight, not colour alone. ``show_text``
    puts each claim's full text under its title. ``page`` fits the map to a page (landscape
    unless ``portrait``); ``everything`` draws a map too large to read whole instead of its top.
    """

    focus: str | None = None
    depth: int | None = None
    speakers: tuple[str, ...] = ()
    group_by: GroupBy = "section"
    direction: Direction = "TB"
    theme: ThemeName = "light"
    labels: Mapping[str, str] | None = field(default=None, hash=False)
    show_text: bool = False
    page: PageName | None = None
    portrait: bool = False
    everything: bool = False
