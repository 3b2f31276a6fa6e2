"""Fonts for the PDF writer: bundled DejaVu Sans, a fallback for scripts it lacks, and markup.

reportlab's Paragraph reads its text as markup, so every string from a user or an article
goes through markup() here: it is escaped, and any character the main font lacks is set in
a fallback font that has it or, failing that, replaced and reported.
"""

from __future__ import annotations

import contextlib
import functools
import os
from itertools import groupby
from pathlib import Path
from unicodedata import bidirectional
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exporters.common import resource_path

SANS = "BB Sans"
SANS_FACES = {
    SANS: "DejaVuSans.ttf",
    f"{SANS} Bold": "DejaVuSans-Bold.ttf",
    f"{SANS} Oblique": "DejaVuSans-Oblique.ttf",
    f"{SANS} Bold Oblique": "DejaVuSans-BoldOblique.ttf",
}
MISSING_GLYPH = "\ufffd"
LINK_COLOUR = "#0563C1"
# A node of reportlab's tuple tree: text, or (tag, attributes, children).
Node = str | tuple[str, dict[str, str], list["Node"]]
# TrueType fonts (reportlab cannot embed CFF/OpenType outlines) that commonly cover CJK and
# symbols, in order of preference. Nothing is downloaded: these are used only when present.
FALLBACK_CANDIDATES = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    "C:/Windows/Fonts/seguisym.ttf",
)
# Characters that never need a glyph: breaks and joiners.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\n")


class _MeasuredFont(TTFont):  # type: ignore[misc]  # reportlab ships no types
    """A TrueType font that remembers the widths it measured.

    Line breaking measures every word of every paragraph in pure Python, and a briefing
    repeats its words (and its table cells, and its references) many times over.
    """

    WIDTHS_KEPT = 200_000  # words and sizes; a few megabytes at most

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._widths: dict[tuple[str, float], float] = {}

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= self.WIDTHS_KEPT:
                self._widths.clear()
            width = self._widths[key] = super().stringWidth(text, size, encoding)
        return width


@functools.cache
def register_fonts() -> str:
    """Register the bundled family once per process; returns the family name."""
    for name, file_name in SANS_FACES.items():
        with resource_path(f"fonts/{file_name}") as path:
            pdfmetrics.registerFont(_MeasuredFont(name, str(path)))
    for bold, italic, suffix in (
        (0, 0, ""),
        (1, 0, " Bold"),
        (0, 1, " Oblique"),
        (1, 1, " Bold Oblique"),
    ):
        addMapping(SANS, bold, italic, f"{SANS}{suffix}")
    return SANS


@functools.cache
def _coverage(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


@functools.cache
def _fallback_fonts() -> tuple[str, ...]:
    """Names of the fallback fonts found on this machine, registered on first need."""
    extra = os.environ.get("BRIEFING_BUILDER_FALLBACK_FONTS", "")
    candidates = [*filter(None, extra.split(os.pathsep)), *FALLBACK_CANDIDATES]
    names = []
    for index, candidate in enumerate(candidates):
        name = f"BB Fallback {index}"
        if Path(candidate).is_file() and _try_register(name, candidate):
            names.append(name)
    return tuple(names)


def _try_register(name: str, path: str) -> bool:
    with contextlib.suppress(Exception):  # an unusable font is simply not a fallback
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
        return True
    return False


def font_for(char: str) -> str | None:
    """The font to set char in: the main one, a fallback, or None if no font has it."""
    code = ord(char)
    if code in _coverage(SANS) or char in _INVISIBLE:
        return SANS
    return next((f for f in _fallback_fonts() if code in _coverage(f)), None)


@functools.cache
def _plain_codes() -> frozenset[int]:
    """Characters the main font sets as they are: Latin (as always), and any other it has
    that runs left to right."""
    left_to_right = (c for c in _coverage(SANS) if bidirectional(chr(c)) not in ("R", "AL"))
    return frozenset((*range(0x250), *left_to_right, *map(ord, _INVISIBLE)))


def sets_plainly(text: str) -> bool:
    """True when the main font sets every character of text, left to right."""
    return _plain_codes().issuperset(map(ord, text))


class Markup:
    """Turns plain text into safe Paragraph markup and remembers what it could not show.

    text() gives markup to parse; tree() gives the same as a parsed tree (reportlab's
    tuple-tree form), which a Paragraph takes without running its markup parser.
    """

    def __init__(self) -> None:
        self.missing: set[str] = set()
        self.right_to_left = False  # reportlab sets every script left to right

    def text(self, text: str) -> str:
        """text escaped, with characters outside the main font set in a fallback font."""
        return "".join(
            escape(run) if font == SANS else f'<font face="{font}">{escape(run)}</font>'
            for run, font in self.runs(text)
        )

    def tree(self, text: str) -> list[Node]:
        """text as tuple-tree nodes: plain strings, and a font node around each run that a
        fallback font sets. Nothing is escaped: a tree is never read as markup."""
        return [
            run if font == SANS else ("font", {"face": font}, [run])
            for run, font in self.runs(text)
        ]

    def link(self, text: str, url: str) -> str:
        return f'<a href={quoteattr(url)} color="{LINK_COLOUR}"><u>{self.text(text)}</u></a>'

    def link_tree(self, text: str, url: str) -> Node:
        return ("a", {"href": url, "color": LINK_COLOUR}, [("u", {}, self.tree(text))])

    def runs(self, text: str) -> list[tuple[str, str]]:
        """text as (run, font name) pairs; characters no font has become MISSING_GLYPH in
        the main font, and are remembered."""
        # Fast path (most text): every character in the main font and none right to left,
        # checked by one set operation instead of a font look-up per character.
        if sets_plainly(text):
            return [(text, SANS)] if text else []
        if not self.right_to_left:
            self.right_to_left = any(bidirectional(c) in ("R", "AL") for c in text)
        runs = []
        for run, font in _runs_by_font(text):
            if font is None:
                self.missing.update(run)
                runs.append((MISSING_GLYPH * len(run), SANS))
            else:
                runs.append((run, font))
        return runs


def _runs_by_font(text: str) -> list[tuple[str, str | None]]:
    # Grouped, then joined once per run: adding to a run a character at a time copied the
    # run each time, which took minutes on a long text in another script.
    return [("".join(run), font) for font, run in groupby(text, key=font_for)]
