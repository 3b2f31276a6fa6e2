"""Who a claim comes from in the end, so that sources can be counted as independent.

"Reuters, citing the NIS" and "South Korea's National Intelligence Service (NIS)" are one
origin: the NIS. A claim's origin is whom its speaker cites, else its speaker, else the
article's outlet. Names are compared by a key: case, articles, possessive owners and titles
out; an acronym equals its expansion (from the briefing's glossary, or by its initials).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.compare.counted import singular
from app.compare.vocabulary import ORGANISATION_WORDS
from app.extraction.lexicon import PERSONAL_PRONOUNS, TITLES
from app.importing.metadata import OUTLET_WORD
from app.models import Source

# "citing the NIS", "according to South Korea's spy agency", "via Reuters": the name runs to
# the end of the clause, or to a word that starts a new one.
_CITATION = re.compile(
    r"\b(?:citing|quoting|according\s+to|via|as\s+reported\s+by|sourced\s+to|attributed\s+to)"
    r"\s+(?P<name>[^,.;:!?\"“”]{2,90}?)"
    r"(?=\s*(?:[,;:!?\"“”]|\.(?:\s|$)|$)|\s+(?:that|who|which|as|on|last|this|earlier|said|says"
    r"|reported|told|in\s+a)\b)",
    re.IGNORECASE,
)
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Z&.]{1,7})\)")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
_POSSESSIVE_OWNER = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_JOINING_WORDS = frozenset({"of", "the", "for", "and", "on", "de"})
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def source_name(source: Source) -> str:
    """The article as a reader knows it: "Sky News, 17 Oct", else its title, else its file."""
    if source.outlet:
        if source.published is None:
            return source.outlet
        day = source.published
        return f"{source.outlet}, {day.day} {_MONTHS[day.month - 1]}"
    title = " ".join(source.title.split())
    if title:
        return title if len(title) <= 60 else title[:59].rstrip() + "…"
    return source.origin or "an article"


def cited_name(text: str) -> str:
    """Whom text says its claim comes from ("citing the NIS" -> "the NIS"), or ""."""
    for match in _CITATION.finditer(text):
        name = match.group("name").strip()
        # "via" also names a route ("via Vladivostok"): only a news outlet or a body is cited
        if not match.group().lower().startswith("via") or _names_a_body(name):
            return name
    return ""


def _names_a_body(name: str) -> bool:
    words = {w.lower() for w in name.split()}
    return bool(OUTLET_WORD.search(name) or words & ORGANISATION_WORDS or acronym_of(name))


def origin_key(name: str, glossary: dict[str, str] | None = None) -> str:
    """A name reduced for comparison: "South Korea's spy agency NIS", "the NIS" -> "nis"."""
    name = " ".join(name.replace("’", "'").split())
    bracketed = _ACRONYM_IN_BRACKETS.search(name)
    if bracketed:
        return bracketed.group(1).replace(".", "").lower()
    name = _POSSESSIVE_OWNER.sub("", _LEADING_ARTICLE.sub("", name))
    words = name.split()
    if not words:
        return ""
    if _ACRONYM.fullmatch(words[-1]):
        return words[-1].lower()
    lowered = " ".join(words).lower()
    if glossary and lowered in glossary:
        return glossary[lowered]
    return _person_key(words) or _plain_key(words)


def _person_key(words: list[str]) -> str:
    """A person's surname ("President Volodymyr Zelenskyy" -> "zelenskyy"), or ""."""
    named = [w for w in words if w.lower().strip(".") not in TITLES]
    if not 1 <= len(named) <= 4 or not all(w[:1].isupper() for w in named):
        return ""
    if any(w.lower() in ORGANISATION_WORDS for w in named):
        return ""
    return named[-1].lower()


def _plain_key(words: list[str]) -> str:
    lowered = [w.lower().strip(".,") for w in words]
    return " ".join([*lowered[:-1], singular(lowered[-1])])


def initials(name: str) -> str:
    """ "National Intelligence Service" -> "nis": what an acronym of the name would be."""
    words = [w for w in _LEADING_ARTICLE.sub("", name).split() if w.lower() not in _JOINING_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).lower()


class Origins:
    """Keys and display names of the origins in one comparison, with acronyms matched."""

    def __init__(self, glossary: Iterable[tuple[str, str]] = ()) -> None:
        # expansion (lower case, no article) -> the term's key: "national intelligence
        # service" -> "nis", from the briefing's glossary
        self._glossary = {
            _LEADING_ARTICLE.sub("", expansion.strip()).lower(): term.strip().lower()
            for term, expansion in glossary
            if term.strip() and expansion.strip()
        }
        self._shown: dict[str, str] = {}
        self._initials: dict[str, str] = {}  # key of a multi-word name -> its initials
        self._acronyms: set[str] = set()
        self._keys: dict[str, str] = {}  # names already read: most recur

    def add(self, name: str) -> str:
        """The key of name, remembering how to show it."""
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = self._add(name)
        return key

    def _add(self, name: str) -> str:
        key = origin_key(name, self._glossary)
        if not key:
            return ""
        bare = _without_titles(_LEADING_ARTICLE.sub("", " ".join(name.split())))
        if acronym_of(name) == key or key in self._glossary.values():
            self._acronyms.add(key)
            self._shown[key] = key.upper()
        elif key not in self._shown or _better_display(bare, self._shown[key], key):
            self._shown[key] = bare
        found = initials(_POSSESSIVE_OWNER.sub("", bare))
        if found and found != key:
            self._initials[key] = found
        return key

    def resolved(self, key: str) -> str:
        """The key after acronyms are matched: a name whose initials are an acronym that
        another origin uses is that origin ("National Intelligence Service" -> "nis")."""
        acronym = self._initials.get(key, "")
        return acronym if acronym in self._acronyms else key

    def shown(self, key: str) -> str:
        """How the origin of key is written for a reader."""
        resolved = self.resolved(key)
        return self._shown.get(resolved, resolved)


def _without_titles(name: str) -> str:
    """ "President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy"; other names unchanged."""
    words = name.split()
    named = [w for w in words if w.lower().strip(".") not in TITLES]
    return " ".join(named) if named and _person_key(words) else name


def acronym_of(name: str) -> str:
    """The acronym a name gives for itself ("the NIS", "... Service (NIS)"), lower case."""
    bracketed = _ACRONYM_IN_BRACKETS.search(name)
    if bracketed:
        return bracketed.group(1).replace(".", "").lower()
    words = name.split()
    return words[-1].lower() if words and _ACRONYM.fullmatch(words[-1]) else ""


def _better_display(candidate: str, current: str, key: str) -> bool:
    # A person is shown by the fullest form of their name; anything else as first written.
    return " " not in key and len(candidate) > len(current)


def is_pronoun(name: str) -> bool:
    """ "he", "It", "they": a speaker that stands for someone named earlier."""
    return name.strip().lower() in PERSONAL_PRONOUNS | {"it", "its spokesman", "his office"}
