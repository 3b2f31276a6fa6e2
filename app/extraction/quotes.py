"""Quotation spans in a paragraph: straight and curly marks, and paragraphs left open."""

from __future__ import annotations

from app.models import TextRange

_OPENERS = {"“": "”", '"': '"', "«": "»", "„": "“"}


def quote_ranges(text: str, start: int, end: int) -> list[TextRange]:
    """Quotations in text[start:end], marks included.

    A quotation still open at the paragraph's end runs to that end, as in multi-paragraph
    quotes whose paragraphs open without closing.
    """
    found: list[TextRange] = []
    position = start
    while position < end:
        opener = _next_opener(text, position, end)
        if opener is None:
            break
        closer = text.find(_OPENERS[text[opener]], opener + 1, end)
        close_end = end if closer == -1 else closer + 1
        if closer == -1 and opener != start:
            break  # a stray mark mid-paragraph, not an open multi-paragraph quote
        if close_end - opener > 2:
            found.append(TextRange(start=opener, end=close_end))
        position = close_end
    return found


def _next_opener(text: str, start: int, end: int) -> int | None:
    for index in range(start, end):
        if text[index] in _OPENERS and _can_open(text, index, start):
            return index
    return None


def _can_open(text: str, index: int, start: int) -> bool:
    # A straight mark opens a quote at a word's start, not after a letter ("5'10", it"s).
    return text[index] != '"' or index == start or not text[index - 1].isalnum()
