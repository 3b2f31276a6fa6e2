"""Text clean-up done once, at import, so nothing downstream meets text it cannot carry.

Every step is linear in the length of the text, whatever the text holds:

- Trailing spaces are found only where a run of spaces starts, and the run is taken whole
  (a possessive repeat), so a line of 100,000 spaces is read once, not once per space.
- Composing accents (NFC) sorts each run of combining marks, which takes time growing with
  the square of the run's length. No language stacks more than a few marks on one letter,
  so a run longer than MAX_COMBINING_MARKS is cut to that many before composing, and the
  import says how many marks were removed.
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks kept after one base character; the rest of a longer run is dropped.
MAX_COMBINING_MARKS = 32

# C0 controls except tab and newline, DEL, C1 controls, lone surrogates, the BOM used as a
# zero-width space, and the non-characters XML forbids. python-docx and reportlab reject them.
_UNCARRIABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff"
    # bidirectional overrides and isolates: they can make quoted text display reversed
    "\u202a-\u202e\u2066-\u2069]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
# A run of spaces at a line end. The look-behind lets a match start only where a run
# starts, and the possessive '++' never gives characters back: each space is read once.
_TRAILING_SPACE = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]++$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# Controls other than tab, newline, form feed and carriage return, DEL and the C1 range.
_BINARY_ONLY = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def normalise_text(text: str, warnings: list[str] | None = None) -> str:
    """Unify line endings, drop characters XML/PDF cannot hold, compose accents (NFC).
    When marks had to be cut from an overlong run, a sentence saying so is appended to
    warnings (when given)."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNCARRIABLE.sub("", text)
    text, removed = cap_combining_marks(text)
    if removed and warnings is not None:
        warnings.append(combining_marks_warning(removed))
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")


def cap_combining_marks(text: str, limit: int = MAX_COMBINING_MARKS) -> tuple[str, int]:
    """text with every run of combining marks cut to limit, and how many marks were cut."""
    marks = _marks_in(text)
    if not marks:
        return text, 0
    overlong = re.compile(f"[{marks}]{{{limit + 1},}}")  # one class, one repeat: linear
    removed = 0

    def cut(match: re.Match[str]) -> str:
        nonlocal removed
        removed += len(match.group()) - limit
        return match.group()[:limit]

    return overlong.sub(cut, text), removed


def combining_marks_warning(removed: int) -> str:
    return (
        f"{removed:,} accent or combining marks were removed: some letters carried more "
        f"than {MAX_COMBINING_MARKS} of them stacked together, which no language needs. "
        "The letters and the rest of the text were kept."
    )


def _marks_in(text: str) -> str:
    """The combining marks the text uses, escaped for a regular expression character class.
    Looked up once per distinct character, so the cost is one pass over the text."""
    found = sorted(ch for ch in set(text) if unicodedata.category(ch).startswith("M"))
    return "".join(re.escape(ch) for ch in found)


def control_character_ratio(text: str) -> float:
    """Share of characters that only binary data contains; high values mean 'not text'."""
    if not text:
        return 0.0
    return len(_BINARY_ONLY.findall(text)) / len(text)
