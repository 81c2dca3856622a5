"""The argumentation-scheme catalogue that ships with argmap (``argmap/data/schemes.yaml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from argmap.model.schemes import Scheme


@cache
def scheme_catalogue() -> dict[str, Scheme]:
    """Every scheme by id, in catalogue order. Read once: the file ships inside the package."""
    text = resources.files("argmap.data").joinpath("schemes.yaml").read_text(encoding="utf-8")
    entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {scheme.id: scheme for scheme in map(Scheme.model_validate, entries)}
