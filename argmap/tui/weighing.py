"""How a claim's weighing fields read in the detail pane: its values, weight, at-issue mark."""

from __future__ import annotations

from textual.content import Content

from argmap.model.debate import Argument, Debate, Statement


def value_line(debate: Debate, node: Statement | Argument) -> Content | None:
    """``Values: serves Halting the weapons programmes · sets back … · weight 0.8``."""
    parts = []
    for verb, ids in (("serves", node.promotes), ("sets back", node.demotes)):
        if ids:
            names = ", ".join(debate.values[v].name if v in debate.values else v for v in ids)
            parts.append(f"{verb} {names}")
    if node.weight is not None:
        parts.append(f"weight {node.weight:g}")
    if node.at_issue:
        parts.append("at issue: decided by weighing its pros and cons")
    if not parts:
        return None
    return Content.assemble(("Values: ", "bold"), " · ".join(parts))
