"""Sentence boundaries good enough for news prose, with offsets into the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.extraction.spans import Span

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "rep",
        "sen",
        "gov",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
# A sentence ends at . ! or ? (possibly followed by closing quotes or brackets) before
# whitespace, or at a line break.
_BOUNDARY = re.compile(r"""[.!?]+["”’')\]]*(?=\s)|\n""")


def sentence_ranges(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Ranges of sentences in text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group() != "\n" and (
            _is_abbreviation(text, match.start()) or _continues_lowercase(text, match.end(), end)
        ):
            continue
        yield from _trimmed(text, begin, match.end())
        begin = match.end()
    yield from _trimmed(text, begin, end)


def _continues_lowercase(text: str, position: int, end: int) -> bool:
    # '"Is it over?" the official asked.' : a lowercase word goes on with the same sentence.
    nxt = re.compile(r"[ \t]*(\S)").match(text, position, end)
    return nxt is not None and nxt.group(1).islower()


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"[\w.]+$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group().lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Span(start, end)
