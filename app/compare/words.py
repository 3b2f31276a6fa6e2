"""The content words of a claim, lemmatised, for telling whether two claims are one.

Function words and reporting verbs say nothing about what is claimed ("said", "confirmed"
differ between a claim and its confirmation); names and numbers say the most.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.compare.counted import singular
from app.compare.vocabulary import SYNONYMS
from app.extraction.lexicon import FUNCTION_WORDS, REPORTING_FORMS, TIME_WORDS

NAME_OR_NUMBER_WEIGHT = 2.0

_STOP_WORDS = (
    FUNCTION_WORDS
    | REPORTING_FORMS
    | TIME_WORDS
    | frozenset(
        """
        a an the and of this that these those it its he she they them their his her we our
        you your i me my be is are was were been has have had do did does not no yes mr mrs
        ms dr said says according claim claims report reports reported confirmed verified
        independently yet could would should may might will shall can also very more most
        some any all other such own same one two three first last next new
        """.split()
    )
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d")
# Verb forms no suffix rule recovers, to their base ("sent" and "send" are one word here).
_IRREGULAR_VERBS = {
    "sent": "send",
    "fought": "fight",
    "fled": "flee",
    "held": "hold",
    "struck": "strike",
    "shot": "shoot",
    "led": "lead",
    "left": "leave",
    "taken": "take",
    "took": "take",
    "gone": "go",
    "went": "go",
    "seen": "see",
    "saw": "see",
    "begun": "begin",
    "began": "begin",
    "brought": "bring",
    "bought": "buy",
    "made": "make",
    "lost": "lose",
    "met": "meet",
    "paid": "pay",
    "sold": "sell",
    "died": "die",
    "dead": "die",
    "death": "die",
    "deaths": "die",
}


def content_words(text: str) -> dict[str, float]:
    """The words a claim is about, each lemmatised, with names and numbers weighing more."""
    found: dict[str, float] = {}
    for index, token in enumerate(_TOKEN.findall(text)):
        if token[0].isdigit():
            word, weight = token.replace(",", ""), NAME_OR_NUMBER_WEIGHT
        else:
            word = lemma(token)
            if not word or word in _STOP_WORDS or len(word) < 2:
                continue
            is_name = token[0].isupper() and (index > 0 or token.isupper())
            weight = NAME_OR_NUMBER_WEIGHT if is_name else 1.0
        found[word] = max(found.get(word, 0.0), weight)
    return found


@lru_cache(maxsize=1 << 16)  # news repeats its words: each is reduced once
def lemma(token: str) -> str:
    """A word's base form, good enough to match: "troops" and "soldier" both "soldier",
    "killed" and "kills" both "kill"."""
    word = token.lower().replace("’", "'")
    word = word[:-2] if word.endswith("'s") else word.strip("'")
    if word in _STOP_WORDS:
        return word
    if word in _IRREGULAR_VERBS:
        return _IRREGULAR_VERBS[word]
    noun = singular(word)
    if noun in SYNONYMS:
        return SYNONYMS[noun][0]
    return _stem(noun)


def _stem(word: str) -> str:
    """Inflection suffixes off: "arrived", "arrives", "arriving" -> "arriv"."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "shipped" -> "ship"
            break
    if word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    return word[:-1] if word.endswith("e") and len(word) > 3 else word
