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
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"|„([^“”]+)[“”]|«\s*([^»]+?)\s*»")
# An ellipsis marks words left out: each part of the quote is looked up on its own.
_ELLIPSIS = re.compile(r"\s*(?:\[\.\.\.\]|\[…\]|…|\.\.\.)\s*")
# Punctuation at a quote's edges belongs to the sentence around it, which may have moved it
# ("…to Russia,”" ends a sentence as "…to Russia.”").
_EDGE_PUNCTUATION = " \t\n,.;:!?"


def normalised(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_MARKS)).strip().strip("\"'").strip()


def quote_is_faithful(statement: Statement, source: Source | None) -> bool:
    """False for a direct quote whose words are no longer found in its source, and for an
    edited wording whose quoted words are not."""
    if source is None:
        return True
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
    for match in _QUOTED.finditer(wording):
        quoted = next(group for group in match.groups() if group is not None)
        parts = (normalised(p.strip(_EDGE_PUNCTUATION)) for p in _ELLIPSIS.split(quoted))
        if not all(_found(part, article) for part in parts if part):
            missing.append(quoted.strip())
    return missing


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
