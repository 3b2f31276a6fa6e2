"""Speaker noun phrases found by scanning words either side of a reporting cue.

Without a tagger, a noun phrase is approximated as a run of words that are not function
words or verbs of our lists: capitalised names, titles, nouns and adjectives, optionally
opened by a determiner ('a Western official', 'Ukrainian President Volodymyr Zelenskyy').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.extraction.lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    NP_BREAKERS,
    PERSONAL_PRONOUNS,
    SPEAKER_NOUNS,
    TIME_WORDS,
)
from app.extraction.spans import Span

_TOKEN = re.compile(r"[^\W_][\w’'.&/-]*|[^\w\s]")
_MAX_NP_TOKENS = 9
_WINDOW = 160


def tokens_before(text: str, start: int, end: int) -> _TokensBackwards:
    """Tokens of text[start:end] from the last backwards, within a bounded window.

    Most callers stop after a word or two, so the words nearest end are read first and the
    rest of the window only when a caller gets that far.
    """
    return _TokensBackwards(text, max(start, end - _WINDOW), end)


class _TokensBackwards:
    """A list-like view of the tokens before end, in reverse order, read in chunks."""

    __slots__ = ("_done", "_floor", "_next_end", "_text", "_tokens")
    _CHUNK = 40

    def __init__(self, text: str, floor: int, end: int) -> None:
        self._text, self._floor, self._next_end = text, floor, end
        self._tokens: list[re.Match[str]] = []
        self._done = floor >= end

    def _read_more(self) -> bool:
        if self._done:
            return False
        end = self._next_end
        begin = max(self._floor, end - self._CHUNK)
        if begin > self._floor:
            # Start the chunk at a space, so that no token is cut in two (tokens hold none).
            space = self._text.rfind(" ", self._floor, begin + 1)
            begin = space if space != -1 else self._floor
        self._tokens.extend(reversed(list(_TOKEN.finditer(self._text, begin, end))))
        self._next_end = begin
        self._done = begin <= self._floor
        return True

    def __getitem__(self, index: int) -> re.Match[str]:
        while index >= len(self._tokens) and self._read_more():
            pass
        return self._tokens[index]

    def __iter__(self) -> Iterator[re.Match[str]]:
        index = 0
        while True:
            while index >= len(self._tokens):
                if not self._read_more():
                    return
            yield self._tokens[index]
            index += 1


def tokens_after(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, start, min(end, start + _WINDOW)))


def noun_phrase_before(text: str, start: int, end: int) -> Span | None:
    """The noun phrase ending right at end (words back to a determiner, break or comma)."""
    taken: list[re.Match[str]] = []
    tokens = tokens_before(text, start, end)
    for index, token in enumerate(tokens):
        word = token.group()
        lower = word.lower()
        if not (_can_join(word, lower, taken) or _noun_use(tokens, index, taken)):
            break
        taken.append(token)
        if lower in DETERMINERS or len(taken) >= _MAX_NP_TOKENS or lower in PERSONAL_PRONOUNS:
            break
    taken = _drop_leading_of(taken[::-1])
    if not taken:
        return None
    return Span(taken[0].start(), taken[-1].end())


def noun_phrase_after(text: str, start: int, end: int) -> Span | None:
    """The noun phrase starting at start (a determiner or name, up to a break or comma)."""
    taken: list[re.Match[str]] = []
    for token in tokens_after(text, start, end):
        word = token.group()
        lower = word.lower()
        if taken and lower in DETERMINERS:
            break
        if not _can_join(word, lower, taken) or len(taken) >= _MAX_NP_TOKENS:
            break
        taken.append(token)
        if lower in PERSONAL_PRONOUNS:
            break
    while taken and taken[-1].group().lower() in ("of", "and"):
        taken.pop()
    if not taken:
        return None
    return Span(taken[0].start(), _strip_final_period(text, taken[-1]))


def _can_join(word: str, lower: str, taken: list[re.Match[str]]) -> bool:
    if not (word[0].isalnum()):
        return False
    if lower in ("of", "and"):
        return bool(taken) and taken[-1].group()[0].isupper()
    if lower in FUNCTION_WORDS:
        return False
    # "Secretary of State", "The Post": capitalised words are names even when they spell a verb.
    return word[0].isupper() or lower not in NP_BREAKERS


def _noun_use(tokens: _TokensBackwards, index: int, taken: list[re.Match[str]]) -> bool:
    """'The report said', 'the company's statement said': a reporting word after a
    determiner or a possessive is a noun, the head of the phrase."""
    if taken or not tokens[index].group()[0].isalpha():
        return False
    try:
        previous = tokens[index + 1].group().lower()
    except IndexError:
        return False
    return previous in DETERMINERS or previous.endswith(("’s", "'s"))


def _drop_leading_of(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    while tokens and tokens[0].group().lower() in ("of", "and"):
        tokens = tokens[1:]
    return tokens


def _strip_final_period(text: str, token: re.Match[str]) -> int:
    # "said Mr. Smith." : the sentence's period is not part of the name (but "Jr." would be).
    end = token.end()
    if text[end - 1] == "." and len(token.group()) > 3 and not token.group()[:-1].count("."):
        return end - 1
    return end


def is_plausible_speaker(text: str, phrase: Span) -> bool:
    """A noun phrase can speak when its head is a name, a person pronoun, or a person noun."""
    words = text[phrase.start : phrase.end].split()
    if not words:
        return False
    head = words[-1].strip(".,’'").lower()
    if head.endswith(("’s", "'s")) or head in TIME_WORDS:
        return False
    if head in PERSONAL_PRONOUNS or head in SPEAKER_NOUNS or _singular(head) in SPEAKER_NOUNS:
        return True
    capitalised = words[-1][0].isupper()
    return capitalised and head not in NP_BREAKERS and not _only_determiner(words)


def _singular(noun: str) -> str:
    """'families' -> 'family', 'diplomats' -> 'diplomat' (enough for a lexicon look-up)."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _only_determiner(words: list[str]) -> bool:
    return len(words) == 1 and words[0].lower() in DETERMINERS
