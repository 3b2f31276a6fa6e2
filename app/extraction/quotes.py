"""Quotation spans in a paragraph: straight, curly and doubled-apostrophe marks, and
paragraphs left open by multi-paragraph quotes."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from app.extraction.spans import Span

_MARK = re.compile(r"''|``|’’|‘‘|[\"“”«»„‟]")
_CLOSERS = {
    "“": ("”", "“", "’’"),
    "‘‘": ("’’", "”"),  # doubled single marks, as some wire copy types them
    "‟": ("”", '"'),  # a reversed opening mark
    '"': ('"',),
    "''": ("''", '"'),
    "``": ("''", '"'),
    "«": ("»",),
    "„": ("“", "”"),
}
_AMBIGUOUS = ('"', "''")  # the same mark opens and closes


def quote_ranges(text: str, start: int, end: int) -> list[Span]:
    """Quotations in text[start:end], marks included.

    A quotation still open at the paragraph's end runs to that end when it opened the
    paragraph, as multi-paragraph quotes do; elsewhere a lone mark is ignored.
    """
    found: list[Span] = []
    opener: re.Match[str] | None = None
    for mark in _MARK.finditer(text, start, end):
        symbol = mark.group()
        if opener is None:
            if symbol in _CLOSERS and _can_open(text, mark.start(), start, symbol):
                opener = mark
        elif symbol in _CLOSERS[opener.group()]:
            if mark.end() - opener.start() > len(symbol) + 1:
                found.append(Span(opener.start(), mark.end()))
            opener = None
    if opener is not None and opener.start() == start:
        found.append(Span(opener.start(), end))
    return found


def _can_open(text: str, index: int, start: int, symbol: str) -> bool:
    # A straight mark opens at a word's start, not after a letter ("5'10", it''s).
    if symbol not in _AMBIGUOUS:
        return True
    return index == start or not text[index - 1].isalnum()


# Look-ups in a paragraph's quotations (sorted, never overlapping) by bisection, so that a
# paragraph with thousands of quotations still costs linear time overall.
def quote_containing(quotes: list[Span], position: int) -> Span | None:
    """The quotation strictly around position (start < position < end), if any."""
    index = bisect_right(quotes, position, key=lambda q: q.start) - 1
    if index >= 0 and quotes[index].start < position < quotes[index].end:
        return quotes[index]
    return None


def quote_starting_at(quotes: list[Span], position: int) -> Span | None:
    index = bisect_left(quotes, position, key=lambda q: q.start)
    return quotes[index] if index < len(quotes) and quotes[index].start == position else None


def next_quote(quotes: list[Span], position: int) -> Span | None:
    """The first quotation starting at or after position."""
    index = bisect_left(quotes, position, key=lambda q: q.start)
    return quotes[index] if index < len(quotes) else None


# Quotations inside a quotation: single marks (‘…’, or straight ones at word edges, never an
# apostrophe as in "don't" or "the players' union"), and double marks inside «…» or ‘…’.
_INNER_MARK = re.compile(r"[‘’'“”\"]")
_INNER_OPENERS = {"‘": "’", "'": "'", "“": "”", '"': '"'}


def inner_quotes(text: str, outer: Span) -> list[Span]:
    """Quotations nested in the quotation outer (marks included), outermost level only."""
    start, end = outer.start + 1, outer.end - 1
    outer_mark = text[outer.start]
    found: list[Span] = []
    opener = -1
    closer = ""
    for mark in _INNER_MARK.finditer(text, start, end):
        symbol, index = mark.group(), mark.start()
        if opener < 0:
            if symbol not in _INNER_OPENERS or symbol == outer_mark:
                continue
            if symbol == "'" and index > start and text[index - 1].isalnum():
                continue  # an apostrophe: "don't", "players'"
            if index + 1 < end and text[index + 1].isspace():
                continue
            opener, closer = index, _INNER_OPENERS[symbol]
        elif symbol == closer or (closer == "’" and symbol == "'"):
            after = text[index + 1] if index + 1 < len(text) else " "
            if after.isalnum():
                continue  # "it’s", "don't" inside the nested quote
            if index - opener > 2:
                found.append(Span(opener, index + 1))
            opener = -1
    return found
