"""The ``argmap`` command. Thin: each subcommand parses options and calls the layers below."""

from argmap.cli.main import main, run

__all__ = ["main", "run"]
