"""What a number counts: the noun phrase after it, or the subject of 'X is N'."""

from __future__ import annotations

import re

from app.extraction.lexicon import FUNCTION_WORDS, REPORTING_FORMS, TIME_WORDS
from app.extraction.numbers import VAGUE

DAILY = re.compile(
    r"\bdaily\b[^.;,]*\b(?:is|was|are|were|of|at|reached|stood at)\s+$", re.IGNORECASE
)


_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|stood at|reached|totalled|totaled|hit)\s+$")


_COPULA_ENDS = ("is", "was", "are", "were", "at", "reached", "totalled", "totaled", "hit")
_SUBJECT = re.compile(
    r"\b(?:the|a|an|its|their|his|her)\s+((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)"
    r"(?=\s+(?:in|of|for|on|at|among|from|during|-|–|is|was|are|were|stood|"
    r"reached|totalled|totaled|hit)\b)"
)


# (a hyphen too: "3-pointers" counts pointers)
_COUNTED = re.compile(
    r"(?:-(?=[^\W\d]+\b(?!-))|\s*)(?:of\s+)?(?P<noun>(?:[^\W\d][\w’'-]*\s*){1,4})"
)


_COUNT_STOP = frozenset("the a an and or to of per about".split())
# Words that follow a number without being what it counts: distributives and comparisons
# ("$5 each", "3 versus 2"), and time adverbials ("12 last week", "5 on Monday").
_NOT_COUNTED = (
    frozenset(
        "each apiece versus vs vs. v this that these those ago higher lower larger bigger "
        "greater faster slower smaller cheaper older younger longer shorter away apart later "
        "earlier".split()
    )
    | TIME_WORDS
)
_DETERMINERS = frozenset("a an the his her their its our my your this that these those".split())
# Particles after a verb in -ing: "eking out", "picking up".
_PARTICLES = frozenset("out up down off away back over".split())


# Irregular past tenses end a counted phrase as "-ed" forms do: "6 million homes lost power".
_IRREGULAR_PAST = frozenset(
    "lost fled left went came took fell rose saw got made gave began ran won fought froze "
    "flew drew grew hid held kept led met paid sent spent stood told thought brought bought "
    "caught sold struck swam threw woke wore wrote became found knew heard felt meant put "
    "withdrew drove rode broke chose shook forgot forgave overtook sank sang rang swung "
    "set sat spoke stole stuck swore taught tore understood wept hit cost".split()
)


_NOT_NOUNS = frozenset(VAGUE)  # "people and dozens of vehicles" are two figures


def counted_noun(text: str, position: int, end: int) -> str | None:
    match = _COUNTED.match(text, position, min(end, position + 60))
    if not match:
        return None
    words: list[str] = []
    upcoming = match.group("noun").split()
    for index, word in enumerate(upcoming):
        bare = word.lower().strip("’'")
        following = upcoming[index + 1].lower() if index + 1 < len(upcoming) else ""
        if bare in _NOT_COUNTED or (bare.endswith("ing") and following in _PARTICLES):
            break  # "$5 each", "12 last week", "3, eking out": no noun follows
        if (
            not words
            and following in _DETERMINERS
            and (bare.endswith("ed") or bare in _IRREGULAR_PAST)
        ):
            break  # "the 26-year-old signed a deal": a verb, not what is counted
        joins = bare == "and" and 0 < len(words) < 3 and following not in _NOT_NOUNS
        if not joins and _ends_count(bare, words):
            break
        words.append(word)
    while words and words[-1].lower() == "and":
        words.pop()
    return " ".join(words) or None


def subject_counted(text: str, start: int) -> str | None:
    """'the daily casualty rate in September ... is 1,271': the number counts the subject."""
    window = text[max(0, start - 160) : start]
    # The copula ends the window, before white space: tested cheaply before the pattern.
    if not window[-1:].isspace() or not window.rstrip().endswith(_COPULA_ENDS):
        return None
    if not _COPULA_BEFORE.search(window):
        return None
    clause = re.split(r"[.;:!?]\s|\bthat\b", window)[-1]
    subject = _SUBJECT.search(clause)
    return subject.group(1) if subject else None


def _ends_count(bare: str, words: list[str]) -> bool:
    # The counted noun phrase stops at function words, adverbs, and (after its first word)
    # past-tense verbs: "10,000 soldiers arrived", "people died". A plural noun is the head
    # the phrase ends on, so a lower-case word after it that is no plural is the verb:
    # "thousands of troops equate to".
    return (
        (bool(words) and _is_plural(words[-1]) and not _is_plural(bare) and bare.islower())
        or bare in FUNCTION_WORDS
        or bare in _COUNT_STOP
        or bare.endswith("ly")
        or (
            bool(words)
            and (bare.endswith("ed") or bare in _IRREGULAR_PAST or bare in REPORTING_FORMS)
        )
    )


_IRREGULAR_PLURALS = frozenset("people men women children police staff personnel".split())


_NOT_PLURALS = frozenset("its his this has was is thus yes whereas".split())


def _is_plural(word: str) -> bool:
    bare = word.lower().strip("’'")
    if bare in _NOT_PLURALS:
        return False
    return bare in _IRREGULAR_PLURALS or (bare.endswith("s") and not bare.endswith(("ss", "us")))
