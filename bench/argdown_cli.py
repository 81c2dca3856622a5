"""The Argdown CLI (npm ``@argdown/cli``), installed once into a cache folder and run.

``python bench/argdown_cli.py`` installs it (Node.js and npm needed); the benchmark installs it
too, and the tests use it when it is there. It is the reference for how Argdown itself reads
a file: its ``json`` export lists the statements, arguments and relations it found.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

VERSION = "1.7.5"
CACHE = (
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    / "argmap"
    / f"argdown-cli-{VERSION}"
)
"""Where the CLI is installed: outside the repository, shared by every checkout."""
EXECUTABLE = CACHE / "node_modules" / ".bin" / "argdown"


def find() -> tuple[Path | None, str]:
    """The CLI's executable, or None and the reason it cannot be used."""
    if shutil.which("node") is None:
        return None, "Node.js is not installed (the Argdown CLI runs on it)"
    if not EXECUTABLE.exists():
        return None, f"the Argdown CLI is not installed in {CACHE} (python bench/argdown_cli.py)"
    return EXECUTABLE, ""


def install() -> tuple[Path | None, str]:
    """Install the CLI into the cache folder if it is not there; as :func:`find`."""
    found, why = find()
    if found is not None or shutil.which("node") is None:
        return found, why
    if shutil.which("npm") is None:
        return None, "npm is not installed (needed once to install the Argdown CLI)"
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"installing @argdown/cli@{VERSION} into {CACHE} (first run only)", file=sys.stderr)
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", f"@argdown/cli@{VERSION}"],
        cwd=CACHE,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return None, f"npm install failed: {done.stderr.strip()[-300:]}"
    return find()


def export_json(executable: Path, source: Path) -> dict[str, Any]:
    """What the Argdown CLI reads in ``source``: its ``json`` export, parsed.

    Raises RuntimeError with the CLI's own message when it rejects the file.
    """
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [str(executable), "json", str(source), out],
            capture_output=True,
            text=True,
            check=False,
        )
        produced = Path(out) / f"{source.stem}.json"
        if done.returncode != 0 or not produced.exists():
            raise RuntimeError((done.stdout + done.stderr).strip()[-2000:])
        data: dict[str, Any] = json.loads(produced.read_text(encoding="utf-8"))
        return data


if __name__ == "__main__":
    path, reason = install()
    print(path if path is not None else f"not installed: {reason}")
