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
# whitespace, or at a line break. Linear on any run of marks: a match only starts at the
# first mark of a run (the look-behind), and the possessive runs never give back characters,
# so a long run not followed by a space ("!!!!...x") is read once, not once per position.
_BOUNDARY = re.compile(r"""(?<![.!?])[.!?]++["”’')\]]*+(?=\s)|\n""")
_NEXT_VISIBLE = re.compile(r"[ \t]*+(\S)")
_WORD_CHARS = re.compile(r"[\w.]+$")


def sentence_ranges(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Ranges of sentences in text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        if text[match.start()] != "\n" and (  # a mark, not a line break
            _is_abbreviation(text, match.start()) or _continues_lowercase(text, stop, end)
        ):
            continue
        sentence = _trimmed(text, begin, stop)
        if sentence is not None:
            yield sentence
        begin = stop
    sentence = _trimmed(text, begin, end)
    if sentence is not None:
        yield sentence


def _continues_lowercase(text: str, position: int, end: int) -> bool:
    # '"Is it over?" the official asked.' : a lowercase word goes on with the same sentence.
    nxt = _NEXT_VISIBLE.match(text, position, end)
    return nxt is not None and nxt.group(1).islower()


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _WORD_CHARS.search(text, max(0, dot - 12), dot)
    if not word:
        return False
    token = word.group().lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None
