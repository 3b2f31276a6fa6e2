"""Words of an article's text with their offsets, compared in a form that ignores what a
re-published page changes without changing what it says: spacing and line breaks,
typographic against straight quotation marks and apostrophes, and kinds of dash."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word with its inner punctuation ("12,000", "U.S", "don't", "Kim-Jong") or one mark.
_TOKEN = re.compile(r"\w+(?:[-'’.,:/]\w+)*|[^\w\s]")
# One character for one, so an offset inside a word means the same in either form.
_SAME_MARKS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
        "−": "-",
        "‐": "-",
        "‑": "-",
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word or mark of the text: its compared form and where it stands."""

    key: str
    start: int
    end: int
    line: int  # which line of the text holds it (lines are the paragraphs compared first)


def compared_form(text: str) -> str:
    """text with quotation marks, apostrophes and dashes in one form each, lower-cased
    nowhere: a change of case is a change of wording."""
    return text.translate(_SAME_MARKS)


def tokens(text: str) -> list[Token]:
    """Every word and mark of text, in order, each with the number of its line."""
    found: list[Token] = []
    line = 0
    position = 0
    for match in _TOKEN.finditer(compared_form(text)):
        line += text.count("\n", position, match.start())
        position = match.start()
        found.append(Token(match.group(), match.start(), match.end(), line))
    return found


def keys(found: list[Token]) -> list[str]:
    return [token.key for token in found]
