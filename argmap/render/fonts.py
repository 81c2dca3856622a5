"""The one font every map is measured and drawn with: Argmap Sans, shipped in ``argmap/data``.

Graphviz cannot be trusted to measure text here: the WebAssembly build estimates widths from
built-in Helvetica tables, and a system ``dot`` measures with whatever fonts the machine has,
while viewers and CairoSVG then draw with whatever *they* find. So argmap measures every label
itself, from the font file's own advance widths (fontTools), gives Graphviz boxes of exactly
that size, embeds the same file in the SVG (``@font-face``) and registers it with fontconfig
so CairoSVG draws PNG and PDF with it too. Text measured here is the text that is drawn.
"""

from __future__ import annotations

import base64
import ctypes
import ctypes.util
import functools
import io
import json
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

FAMILY = "Argmap Sans"
"""The family name inside the shipped files, in the SVG's CSS and as cairo looks it up."""
FONT_STACK = f"'{FAMILY}', 'Source Sans Pro', sans-serif"
LINE_HEIGHT = 1.22
"""Baseline to baseline, in ems: the font's ascender plus descender (0.984 + 0.273) is 1.257,
and lines of a label may touch their neighbour's descenders without overlapping glyphs."""
ASCENT = 0.984
DESCENT = 0.273
SLANT = 0.2126
"""How far an italic run leans, as a share of its height (tan 12°). The font ships no italic
face, and CairoSVG would draw ``font-style="italic"`` upright, so argmap slants the upright
face itself (a skew about the baseline), the same in every viewer."""

_FALLBACK_EM = 0.62
"""Width of a character the font lacks, in ems: the viewer draws it in a fallback font
(DejaVu Sans, the widest common one, averages about 0.6 em)."""
_WIDE_EM = 1.0
"""East Asian wide and full-width characters: a full em in every CJK font."""


@dataclass(frozen=True)
class Face:
    """One weight of the font: its file and the advance width of each character, in ems."""

    path: Path
    bold: bool
    advance: dict[str, float]

    def width(self, text: str, size: float) -> float:
        """The advance width of ``text`` at ``size`` pt, in pt (no kerning: cairo applies none,
        and browsers' kerning only ever makes Latin text narrower)."""
        advance = self.advance
        total = 0.0
        for char in text:
            em = advance.get(char)
            if em is None:
                em = advance[char] = _missing_width(char)
            total += em
        return total * size


def _missing_width(char: str) -> float:
    """Generous, as the fallback font is unknown (a combining mark may get its own advance)."""
    return _WIDE_EM if unicodedata.east_asian_width(char) in "WF" else _FALLBACK_EM


def _font_file(bold: bool, suffix: str) -> Path:
    name = f"ArgmapSans-{'Bold' if bold else 'Regular'}{suffix}"
    return Path(str(resources.files("argmap.data").joinpath("fonts", name)))


def _font_path(bold: bool) -> Path:
    return _font_file(bold, ".ttf")


_METRICS = "metrics.json"
"""Each face's advance widths in ems, by code point, read from the TTF files by
:func:`build_derived` (fontTools), so a map is measured without parsing a font per process."""


@functools.cache
def _metrics() -> dict[str, dict[str, float]]:
    path = resources.files("argmap.data").joinpath("fonts", _METRICS)
    data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def face(bold: bool = False) -> Face:
    """The regular or bold face, loaded once per process."""
    table = _metrics()["bold" if bold else "regular"]
    return Face(_font_path(bold), bold, {chr(int(code)): em for code, em in table.items()})


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in pt of one line of ``text`` at ``size`` pt."""
    return face(bold).width(text, size)


@functools.cache
def font_face_css() -> str:
    """``@font-face`` rules embedding both weights as WOFF, for the SVG's ``<style>``."""
    rules = []
    for bold in (False, True):
        encoded = base64.b64encode(_font_file(bold, ".woff").read_bytes()).decode("ascii")
        rules.append(
            f"@font-face{{font-family:'{FAMILY}';font-weight:{700 if bold else 400};"
            f"src:url(data:font/woff;base64,{encoded}) format('woff');}}"
        )
    return "".join(rules)


def derived_files() -> dict[str, bytes]:
    """What :func:`build_derived` writes, computed from the TTF files with fontTools: the
    WOFF files the SVG embeds and the width table maps are measured with."""
    from fontTools.ttLib import TTFont

    files: dict[str, bytes] = {}
    metrics: dict[str, dict[str, float]] = {}
    for bold in (False, True):
        font = TTFont(str(_font_path(bold)), recalcTimestamp=False)
        units = float(font["head"].unitsPerEm)
        widths = font["hmtx"].metrics
        metrics["bold" if bold else "regular"] = {
            str(code): widths[glyph][0] / units
            for code, glyph in sorted(font.getBestCmap().items())
        }
        font.flavor = "woff"
        data = io.BytesIO()
        font.save(data, reorderTables=False)
        files[_font_file(bold, ".woff").name] = data.getvalue()
    files[_METRICS] = (json.dumps(metrics, indent=0, sort_keys=True) + "\n").encode("utf-8")
    return files


def build_derived() -> None:
    """``python -m argmap.render.fonts``: rewrite the WOFF files and width table."""
    folder = _font_path(False).parent
    for name, data in derived_files().items():
        (folder / name).write_bytes(data)
        print(f"wrote {folder / name}")


@functools.cache
def register_for_cairo() -> bool:
    """Make the shipped font visible to cairo (through fontconfig) in this process.

    CairoSVG ignores ``@font-face`` and asks fontconfig for the first family named, so the
    files are added to fontconfig's application fonts. Returns False where fontconfig cannot
    be loaded; cairo then falls back to a system sans-serif font.
    """
    name = ctypes.util.find_library("fontconfig")
    if name is None:
        return False
    try:
        fontconfig = ctypes.CDLL(name)
    except OSError:
        return False
    add = fontconfig.FcConfigAppFontAddFile
    add.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    add.restype = ctypes.c_int
    return all(add(None, str(_font_path(bold)).encode()) for bold in (False, True))


if __name__ == "__main__":
    build_derived()
