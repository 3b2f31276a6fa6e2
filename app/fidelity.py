"""Quote fidelity: a direct quote must still read word for word as the article has it.

Paraphrase inside quotation marks is a classic briefing error, so an edited quote that no
longer matches its source is flagged. Differences of white space, quotation-mark and dash
style are not differences of wording, so they are ignored.

A statement whose wording the analyst edited is held to what that wording puts in
quotation marks: every quoted run must be found in the article word for word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.models import Source, Statement

_SPACE = re.compile(r"\s+")
_MARKS = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}
)
# Words the analyst put in double quotation marks: these claim to be the speaker's own.
# Each opening mark and the closing marks that end its run (see _quoted_runs).
_CLOSERS = {"“": "”", '"': '"', "„": "“”", "«": "»"}
# An ellipsis marks words left out: each part of the quote is looked up on its own.
_ELLIPSIS = re.compile(r"\[\.\.\.\]|\[…\]|…|\.\.\.")
# Punctuation at a quote's edges belongs to the sentence around it, which may have moved it
# ("…to Russia,”" ends a sentence as "…to Russia.”").
_EDGE_PUNCTUATION = " \t\n,.;:!?"


def normalised(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_MARKS)).strip().strip("\"'").strip()


def quote_is_faithful(statement: Statement, source: Source | None) -> bool:
    """False for a direct quote whose words are no longer found in its source, and for an
    edited wording whose quoted words are not. An item citing an earlier version of its
    article is checked against that version."""
    if source is None:
        return True
    if statement.anchor is not None:
        source = source.cited(statement.anchor)
    if statement.wording.strip():
        return not unfaithful_quotes(statement.wording, source)
    if not statement.direct:
        return True
    words = normalised(statement.content)
    return not words or words in _normalised_article(source.text)


def unfaithful_quotes(wording: str, source: Source | None) -> list[str]:
    """The quoted passages of a wording that the article does not contain, as written."""
    if source is None or not wording.strip():
        return []
    article = _normalised_article(source.text)
    missing: list[str] = []
    for quoted in _quoted_runs(wording):
        parts = (normalised(p.strip(_EDGE_PUNCTUATION)) for p in _ellipsis_parts(quoted))
        if not all(_found(part, article) for part in parts if part):
            missing.append(quoted.strip())
    return missing


def _quoted_runs(wording: str) -> list[str]:
    """The runs between an opening mark and its first closing mark, left to right, never
    overlapping; an empty run does not count. A scan with str.find rather than a pattern:
    a pattern re-read the rest of the wording from every unclosed mark (quadratic on a
    pasted text full of them). Where no closing mark is left, the search is not repeated.
    Guillemets lose the white space inside them."""
    runs: list[str] = []
    next_close: dict[str, int] = {}  # closing mark -> where the last search found it
    position = 0
    while position < len(wording):
        closers = _CLOSERS.get(wording[position])
        if closers is None:
            position += 1
            continue
        close = _next_of(wording, closers, position + 1, next_close)
        if close is None or close == position + 1:
            position += 1
            continue
        run = wording[position + 1 : close]
        runs.append(run if closers != "»" else (run.strip() or run[-1]))
        position = close + 1
    return runs


def _next_of(text: str, chars: str, start: int, found: dict[str, int]) -> int | None:
    """The first of chars at or after start. Each character's last answer is reused while
    it still lies ahead (or was "none left"), so that all the asks cost one pass per mark."""
    nearest = -1
    for char in chars:
        known = found.get(char)
        if known is None or (known != -1 and known < start):
            known = text.find(char, start)
            found[char] = known
        if known != -1 and (nearest == -1 or known < nearest):
            nearest = known
    return None if nearest == -1 else nearest


def _ellipsis_parts(quoted: str) -> list[str]:
    """quoted cut at each ellipsis, without the white space beside the ellipsis."""
    parts: list[str] = []
    start = 0
    for mark in _ELLIPSIS.finditer(quoted):
        parts.append(quoted[start : mark.start()])
        start = mark.end()
    parts.append(quoted[start:])
    for index in range(len(parts)):
        if index > 0:
            parts[index] = parts[index].lstrip()
        if index < len(parts) - 1:
            parts[index] = parts[index].rstrip()
    return parts


def _found(words: str, article: str) -> bool:
    if words in article:
        return True
    # A quote opening a sentence may take a capital the article's mid-sentence words lack.
    swapped = words[:1].swapcase() + words[1:]
    return swapped in article


def statement_problems(statement: Statement, source: Source | None) -> list[str]:
    """What is wrong with one statement's quotation, in words for the item editor."""
    if source is None:
        return []
    if statement.anchor is not None:
        source = source.cited(statement.anchor)
    if statement.wording.strip():
        return [
            f"“{words}” is not in the article word for word."
            for words in unfaithful_quotes(statement.wording, source)
        ]
    if not quote_is_faithful(statement, source):
        return ["The quoted words are no longer found in the article word for word."]
    return []


@lru_cache(maxsize=8)
def _normalised_article(text: str) -> str:
    # Every item of a source is checked against the same article text: normalise it once.
    return normalised(text)
