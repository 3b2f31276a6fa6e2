"""Speaker resolution: each mention as written -> the fullest name the article gives."""

from __future__ import annotations

import bisect
import re

from app.extraction.lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    PERSONAL_PRONOUNS,
    SPEAKER_NOUNS,
    TITLES,
)

_TITLE_WORDS = (
    r"(?:Mr|Mrs|Ms|Dr|Prof|President|Prime Minister|Minister|Chancellor|Secretary|"
    r"Senator|Sen|Rep|Governor|Gov|Mayor|General|Gen|Judge|King|Queen|Prince|Pope|Ambassador|"
    r"Commissioner|Chairman|Director|Colonel|Col|Lieutenant|Captain|Sheikh)\.?"
)
_TITLED_NAME = re.compile(rf"\b{_TITLE_WORDS}\s+(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]+")
# A name is tried once per word, from the word's first capital (a lower-case start as in
# "eBay Inc" is passed over): tried from every capital of a 200,000-letter word in capitals,
# each try reading to the word's end, the scan took minutes.
_MULTI_WORD_NAME = re.compile(
    r"(?<![\w’'.-])(?:(?![A-Z])[\w’'.-])*+(?P<name>[A-Z][\w’'.-]*+(?:\s++[A-Z][\w’'.-]*+){1,5})"
)
_ROLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,3}([a-z]+),\s*$")


_INFORMED = frozenset(("close", "familiar", "briefed"))


class SpeakerResolver:
    """Maps each mention to the fullest name the article has given so far."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._last_person: str | None = None
        self._by_head: dict[str, str] = {}
        self._names: dict[str, list[tuple[int, str]]] | None = None
        self._titled: list[tuple[int, str]] | None = None
        self._last_person_at = -1

    def resolve(self, mention: str, offset: int) -> str:
        """The fullest name for mention, remembering it for later pronouns and 'the X'."""
        words = mention.split()
        lowered = mention.lower()
        if lowered in PERSONAL_PRONOUNS:
            return self._person_before(offset) or mention
        if len(words) > 2 and words[1].lower() in _INFORMED:
            return mention  # "those close to him", "people familiar with the matter"
        if words[0].lower() in ("the", "this", "that") and len(words) > 1:
            return self._by_head.get(words[-1].lower().rstrip("s"), mention)
        head_words = _before_complement(words)
        if head_words is not words:
            if words[0][0].isupper() and _is_personal_name(head_words):
                # "Jane Roe of Addison": a person and where she is from; the place never speaks.
                return self.resolve(" ".join(head_words), offset)
            self._by_head.setdefault(head_words[-1].lower().rstrip("s"), mention)
            return mention  # "a spokesman for the ministry", "the Bank of England"
        if words[0][0].isupper() and words[-1].lower() not in SPEAKER_NOUNS:
            name = self._full_name(mention, offset)
            self._last_person, self._last_person_at = name, offset
            after_comma = self._text[max(0, offset - 3) : offset].rstrip().endswith(",")
            role = after_comma and _ROLE_BEFORE.search(self._text, max(0, offset - 80), offset)
            if role:  # "the minister, Elena Petrova, said": a later "the minister" is her
                self._by_head[role.group(1).lower().rstrip("s")] = name
            return name
        self._by_head[words[-1].lower().rstrip("s")] = mention
        return mention

    def _person_before(self, offset: int) -> str | None:
        """The latest person named before offset: a speaker, or a name after a title."""
        titled = self._titled_names()
        # The last titled name starting before offset, by bisection: a long article has a
        # pronoun in most sentences, and a scan of every name for each would be quadratic.
        index = bisect.bisect_left(titled, offset, key=_start) - 1
        if index >= 0 and (self._last_person is None or titled[index][0] > self._last_person_at):
            return titled[index][1]
        return self._last_person

    def _titled_names(self) -> list[tuple[int, str]]:  # in text order (finditer's)
        if self._titled is None:
            self._titled = [
                (m.start(), strip_titles(m.group()))
                for m in _TITLED_NAME.finditer(self._text)
                if len(strip_titles(m.group()).split()) > 1
            ]
        return self._titled

    def _full_name(self, mention: str, offset: int) -> str:
        best = strip_titles(mention) or mention
        surname = best.split()[-1]
        for start, candidate in self._names_by_last_word().get(surname, ()):
            if start > offset:
                break
            if len(candidate.split()) > len(best.split()):
                return candidate
        return best

    def _names_by_last_word(self) -> dict[str, list[tuple[int, str]]]:
        # One pass over the text, made on first use: full names keyed by their last word,
        # in text order, so each lookup is short instead of a rescan of the article.
        if self._names is None:
            self._names = {}
            for match in _MULTI_WORD_NAME.finditer(self._text):
                name = strip_titles(_without_function_words(match.group("name")))
                if len(name.split()) > 1:
                    entry = (match.start("name"), name)
                    self._names.setdefault(name.split()[-1], []).append(entry)
        return self._names


_COMPLEMENT_WORDS = frozenset("of for from at with in".split())
# Nouns that head the names of bodies: "Bank of England" is one name, not a person and a place.
_BODY_HEADS = frozenset(
    """
    bank university ministry department office council institute school college court
    commission agency association union board party house society church museum chamber
    league federation organisation organization republic kingdom state states city county
    centre center foundation fund company corporation group committee service services
    authority government army navy force forces police academy hospital club team
    """.split()
)


def _before_complement(words: list[str]) -> list[str]:
    """The words before a prepositional complement ('a spokesman' of 'a spokesman for the
    ministry'), or words itself when there is none."""
    for index, word in enumerate(words[1:], start=1):
        if word in _COMPLEMENT_WORDS:
            return words[:index]
    return words


def _is_personal_name(words: list[str]) -> bool:
    """'Jane Roe', not 'Supreme Court', 'Bank' or 'Secretary'."""
    return 2 <= len(words) <= 4 and all(
        word[0].isupper()
        and word.lower().strip(".") not in TITLES
        and word.lower() not in _BODY_HEADS
        and word.lower() not in SPEAKER_NOUNS
        for word in words
    )


def _without_function_words(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in FUNCTION_WORDS | DETERMINERS:
        words = words[1:]
    return " ".join(words)


def strip_titles(name: str) -> str:
    """'Ukrainian President Volodymyr Zelenskyy' -> 'Volodymyr Zelenskyy'."""
    words = name.split()
    kept: list[str] = []
    for word in reversed(words):
        bare = word.lower().strip(".,")
        if kept and (bare in TITLES or not word[0].isupper()):
            break
        if bare not in TITLES:
            kept.append(word)
    return " ".join(reversed(kept))


def _start(entry: tuple[int, str]) -> int:
    return entry[0]
