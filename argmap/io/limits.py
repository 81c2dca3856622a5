"""The budgets that keep hostile input from costing minutes or gigabytes.

Each limit is far above what an ordinary debate needs (the seed debate is 40 KB; the largest
benchmark debates are a few MB) and each can be raised through an environment variable, so a
person with a genuinely large file is never stuck. README.md ("Limits") lists them all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limit:
    """A budget with a default and the environment variable that raises it."""

    env: str
    default: int
    unit: str

    def value(self) -> int:
        """The budget in force: the environment variable when it holds a positive whole number.

        Anything else (unset, empty, ``lots``, ``-1``) means the default: a typo in a variable
        must not switch a safety limit off.
        """
        text = os.environ.get(self.env, "").strip().replace("_", "")
        if text.isdigit() and len(text) <= 18 and int(text) > 0:
            return int(text)
        return self.default

    def hint(self, wanted: str | None = None) -> str:
        """How to raise it: ``set ARGMAP_MAX_FILE_MB=128 (now 64) to ...``."""
        example = wanted or str(self.value() * 4)
        return f"set {self.env}={example} (now {self.value()} {self.unit}) to allow more"


MAX_FILE_MB = Limit("ARGMAP_MAX_FILE_MB", 64, "MB")
"""The largest file any reader reads (debates in every format, sources, frameworks)."""

ALIAS_GROWTH = Limit("ARGMAP_ALIAS_GROWTH", 10, "times the file's size")
"""How much larger than itself a YAML file may grow by expanding aliases: nodes and text."""

MAX_ARGUMENTS = Limit("ARGMAP_MAX_ARGUMENTS", 100_000, "arguments")
"""The most arguments an abstract framework file (ICCMA ``p af N``, apx, tgf) may declare."""

QUOTE_SEARCH = Limit("ARGMAP_QUOTE_SEARCH", 20_000_000, "character comparisons")
"""Work allowed per missing quote when ``check --source`` looks for the closest passage."""

LIMITS = (MAX_FILE_MB, ALIAS_GROWTH, MAX_ARGUMENTS, QUOTE_SEARCH)
"""Every budget, for ``argmap --help``."""
