"""Text clean-up done once, at import, so nothing downstream meets text it cannot carry."""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls, lone surrogates, the BOM used as a
# zero-width space, and the non-characters XML forbids. python-docx and reportlab reject them.
_UNCARRIABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff"
    # bidirectional overrides and isolates: they can make quoted text display reversed
    "\u202a-\u202e\u2066-\u2069]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Unify line endings, drop characters XML/PDF cannot hold, compose accents (NFC)."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNCARRIABLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")


def control_character_ratio(text: str) -> float:
    """Share of characters that only binary data contains; high values mean 'not text'."""
    if not text:
        return 0.0
    odd = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f") or "\x7f" <= ch < "\xa0")
    return odd / len(text)
