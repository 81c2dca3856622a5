"""The ``argmap`` command. Thin: each subcommand parses options and calls the layers below."""

from argmap.cli.main import main

__all__ = ["main"]
