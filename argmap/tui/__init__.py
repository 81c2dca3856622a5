"""The terminal UI (Textual). Layer 5: it reads debates through ``argmap.io`` and asks
``argmap.analysis`` for everything it shows; the CLI starts it through :func:`create_app`.
"""

from argmap.tui.app import ArgmapApp, create_app

__all__ = ["ArgmapApp", "create_app"]
