"""Speaker resolution: each mention as written -> the fullest name the article gives."""

from __future__ import annotations

import re

from app.extraction.lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    PERSONAL_PRONOUNS,
    SPEAKER_NOUNS,
    TITLES,
)

_CAP_WORD = r"[A-Z][\w’'.-]*"
_TITLE_WORDS = (
    r"(?:Mr|Mrs|Ms|Dr|Prof|President|Prime Minister|Minister|Chancellor|Secretary|"
    r"Senator|Sen|Rep|Governor|Gov|Mayor|General|Gen|Judge|King|Queen|Prince|Pope|Ambassador|"
    r"Commissioner|Chairman|Director|Colonel|Col|Lieutenant|Captain|Sheikh)\.?"
)
_TITLED_NAME = re.compile(rf"\b{_TITLE_WORDS}\s+(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]+")
_MULTI_WORD_NAME = re.compile(rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{1,5}}")
_ROLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,3}([a-z]+),\s*$")


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
        if words[0].lower() in ("the", "this", "that") and len(words) > 1:
            return self._by_head.get(words[-1].lower().rstrip("s"), mention)
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
        titled = [(start, name) for start, name in self._titled_names() if start < offset]
        if titled and (self._last_person is None or titled[-1][0] > self._last_person_at):
            return titled[-1][1]
        return self._last_person

    def _titled_names(self) -> list[tuple[int, str]]:
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
                name = strip_titles(_without_function_words(match.group()))
                if len(name.split()) > 1:
                    self._names.setdefault(name.split()[-1], []).append((match.start(), name))
        return self._names


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
