"""Spell checking of the analyst's own words, without Qt: which words to check, and a speller.

The speller binds Enchant (pyenchant), which uses the system's Hunspell dictionaries
(Debian: libenchant-2-2, hunspell-en-gb, hunspell-en-us). Enchant is imported only when
a speller is first made, and when it or a dictionary is missing the speller says why and
checks nothing: the window goes on without spell checking, never with a crash.

Words the user adds go to one plain-text word list in the data folder (one word a line),
shared by every language: a name added in British English is known in American too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from app.paths import data_dir

USER_DICTIONARY_NAME = "dictionary.txt"
LANGUAGE_NAMES = {"en_GB": "English (UK)", "en_US": "English (US)"}
DEFAULT_LANGUAGE = "en_GB"
MAX_SUGGESTIONS = 7
_CACHE_LIMIT = 50_000  # distinct words remembered; a long session stays small

# A run of non-space characters is a URL, an e-mail address or a file path as a whole:
# none of its parts are words to check.
_NOT_PROSE = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*://|www\.)|@|[/\\]")
_CHUNK = re.compile(r"\S+")
# A word: letters and digits, with apostrophes inside ("don't", "Rutte’s"). Hyphens split
# words, so each half of "well-known" is checked alone.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class WordSpan:
    """A word to check and where it is: text[start:end] == word."""

    start: int
    end: int
    word: str


def words_to_check(text: str) -> Iterator[WordSpan]:
    """The words of text a speller should look at: not URLs, e-mail addresses or paths,
    not words with digits (B-52, 2024s), not all-capital acronyms (NATO, UN), and not
    single letters."""
    for chunk in _CHUNK.finditer(text):
        if _NOT_PROSE.search(chunk.group()):
            continue
        for match in _WORD.finditer(chunk.group()):
            word = match.group()
            if _worth_checking(word):
                start = chunk.start() + match.start()
                yield WordSpan(start, start + len(word), word)


def word_at(text: str, index: int) -> WordSpan | None:
    """The checkable word of text touching index (the caret may sit just after it)."""
    for span in words_to_check(text):
        if span.start <= index <= span.end:
            return span
        if span.start > index:
            break
    return None


def _worth_checking(word: str) -> bool:
    if len(word) < 2 or any(ch.isdigit() for ch in word):
        return False
    base = re.sub(r"['’]s$", "", word)  # NATO's is an acronym too
    letters = [ch for ch in base if ch.isalpha()]
    return not (len(letters) > 1 and all(ch.isupper() for ch in letters))


def user_dictionary_path() -> Path:
    """The user's own word list: <data folder>/dictionary.txt."""
    return data_dir() / USER_DICTIONARY_NAME


class _EnchantDict(Protocol):
    def check(self, word: str) -> bool: ...
    def suggest(self, word: str) -> list[str]: ...
    def add(self, word: str) -> None: ...


def available_languages() -> list[str]:
    """Language codes Enchant has a dictionary for (empty when Enchant is missing)."""
    try:
        import enchant
    except Exception:  # ImportError, or OSError from the missing C library
        return []
    try:
        return sorted(str(code) for code in enchant.list_languages())
    except Exception:
        return []


class Speller:
    """Checks words in one language, remembering each answer; ignores and adds words."""

    def __init__(self, language: str, user_words: Path | None = None) -> None:
        self.language = language
        self.user_words = user_words or user_dictionary_path()
        self.problem = ""  # why nothing is checked, for the user; "" when checking works
        self._dictionary: _EnchantDict | None = None
        self._known: dict[str, bool] = {}
        self._ignored: set[str] = set()
        self._load()

    @property
    def available(self) -> bool:
        return self._dictionary is not None

    def _load(self) -> None:
        try:
            import enchant
        except Exception:  # ImportError, or the C library missing (ImportError/OSError)
            self.problem = (
                "Spell checking is off: the Enchant spelling library is not installed "
                "(on Debian or Ubuntu: libenchant-2-2 and hunspell-en-gb or hunspell-en-us)."
            )
            return
        name = LANGUAGE_NAMES.get(self.language, self.language)
        try:
            if not enchant.dict_exists(self.language):
                self.problem = (
                    f"Spell checking is off: there is no {name} dictionary on this computer "
                    f"(on Debian or Ubuntu: {_package_for(self.language)})."
                )
                return
            self._dictionary = self._open(enchant, self.language)
        except Exception as error:  # Enchant's errors, or the word list unreadable
            self.problem = (
                f"Spell checking is off: the {name} dictionary could not be opened ({error})."
            )

    def _open(self, enchant: Any, language: str) -> _EnchantDict:
        try:
            self.user_words.parent.mkdir(parents=True, exist_ok=True)
            dictionary: _EnchantDict = enchant.DictWithPWL(language, str(self.user_words))
        except OSError:  # the data folder cannot be written: check without the user's words
            dictionary = enchant.Dict(language)
        return dictionary

    def is_correct(self, word: str) -> bool:
        """True for a known, added or ignored word (and for every word when unavailable)."""
        known = self._known.get(word)
        if known is None:
            known = self._check(word)
            if len(self._known) >= _CACHE_LIMIT:
                self._known.clear()
            self._known[word] = known
        return known

    def _check(self, word: str) -> bool:
        if self._dictionary is None or word in self._ignored:
            return True
        plain = word.replace("’", "'")
        if self._dictionary.check(plain):
            return True
        # A possessive of a known word ("Rutte's" once "Rutte" is added, "allies'").
        for ending in ("'s", "'"):
            if plain.endswith(ending) and len(plain) > len(ending) + 1:
                stem = plain[: -len(ending)]
                return stem in self._ignored or self._dictionary.check(stem)
        return False

    def misspelt(self, text: str) -> list[WordSpan]:
        return [span for span in words_to_check(text) if not self.is_correct(span.word)]

    def suggestions(self, word: str) -> list[str]:
        if self._dictionary is None:
            return []
        try:
            found = self._dictionary.suggest(word.replace("’", "'"))
        except Exception:  # a broken dictionary must not break the context menu
            return []
        if "’" in word:  # keep the writer's typographic apostrophe
            found = [suggestion.replace("'", "’") for suggestion in found]
        return found[:MAX_SUGGESTIONS]

    def add_to_dictionary(self, word: str) -> None:
        """Know word from now on, in every language and later sessions."""
        if self._dictionary is not None:
            self._dictionary.add(word.replace("’", "'"))
        self._known[word] = True

    def ignore(self, word: str) -> None:
        """Accept word for the rest of this session."""
        self._ignored.add(word)
        self._known[word] = True

    def ignored_words(self) -> set[str]:
        return set(self._ignored)

    def keep_ignored(self, words: set[str]) -> None:
        """Carry the session's ignored words over from another speller (a new language)."""
        self._ignored |= words
        self._known.clear()


def _package_for(language: str) -> str:
    return f"hunspell-{language.lower().replace('_', '-')}"
