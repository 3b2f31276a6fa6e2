"""What a figure counts, reduced to a key: "North Korea's soldiers" and "North Korean troops"
both count north korean soldiers.

A key is the counted noun's class (singular, synonyms folded), the modifiers that narrow it
("north korean", "special forces"), and the unit or currency. Figures group by key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.compare.vocabulary import (
    DEMONYMS,
    IMPLIED_MODIFIERS,
    INVARIANT_NOUNS,
    IRREGULAR_PLURALS,
    META_ALONE,
    META_HEADS,
    NATIONALITIES,
    QUANTITY_WORDS,
    RATE_ADJECTIVES,
    SYNONYMS,
)
from app.extraction.units import CURRENCY_PREFIXES, UNIT_WORDS

_WORD = re.compile(r"[a-z0-9][a-z0-9.'-]*")
_LONGEST_PHRASE = 3  # "killed or wounded": the longest phrase the vocabulary names


@dataclass(frozen=True, slots=True)
class Counted:
    """What a figure counts: the noun's class, what narrows it, and its unit."""

    head: str
    modifiers: frozenset[str]
    unit: str

    @property
    def key(self) -> str:
        """ "north korean soldier|" : modifiers in a fixed order, so the key is stable."""
        return " ".join([*sorted(self.modifiers), self.head]) + "|" + self.unit

    @property
    def kind_key(self) -> str:
        """The key without modifiers: figures a bare noun could join share it."""
        return f"{self.head}|{self.unit}"

    def with_modifier(self, modifier: str) -> Counted:
        return Counted(self.head, self.modifiers | {modifier}, self.unit)

    @property
    def has_nationality(self) -> bool:
        return any(modifier in NATIONALITIES for modifier in self.modifiers)


def counted_key(counts: str, unit: str) -> str:
    """The grouping key of what a figure counts ("" when it names nothing counted)."""
    counted = parse_counted(counts, unit)
    return counted.key if counted else ""


def parse_counted(counts: str, unit: str) -> Counted | None:
    """counts ("North Korean troops") and unit read as one Counted, None without a noun."""
    words = _words_of(counts)
    canonical_unit = canonical_unit_name(unit)
    rate = next((RATE_ADJECTIVES[w] for w in words if w in RATE_ADJECTIVES), "")
    words = [w for w in words if w not in RATE_ADJECTIVES]
    if rate and not canonical_unit:
        canonical_unit = rate  # "a daily rate of 1,271" counts per day
    phrases = _phrases(words)
    if not phrases:
        return None
    head, modifiers = _head_of(phrases)
    if not head:
        return None
    implied = IMPLIED_MODIFIERS.get(head, frozenset())
    return Counted(head, frozenset(m for m in modifiers if m not in implied), canonical_unit)


def canonical_unit_name(unit: str) -> str:
    """One name per unit: "US dollars", "USD" and "dollar" are all "dollar"."""
    cleaned = " ".join(unit.strip().split())
    if not cleaned:
        return ""
    if cleaned in CURRENCY_PREFIXES:
        return CURRENCY_PREFIXES[cleaned]
    lowered = cleaned.lower()
    lowered = re.sub(r"^(?:a|an|each|every)\s+", "per ", lowered)  # "a day" is "per day"
    lowered = re.sub(r"^u\.?s\.?\s+(?=dollars?\b)", "", lowered)
    return UNIT_WORDS.get(lowered, lowered)


def singular(word: str) -> str:
    """The singular of an English noun, regular or not ("casualties", "servicemen")."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word in INVARIANT_NOUNS or len(word) <= 3 or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word  # "press", "status", "analysis": already singular
    return word[:-1]


def _words_of(counts: str) -> list[str]:
    lowered = counts.lower().replace("’", "'")
    words = _WORD.findall(lowered)
    return [_without_possessive(word) for word in words if not word[0].isdigit()]


def _without_possessive(word: str) -> str:
    if word.endswith("'s"):
        return DEMONYMS.get(word[:-2], word[:-2])
    return word.rstrip("'")


def _phrases(words: list[str]) -> list[str]:
    """Words joined into the vocabulary's phrases ("north korea", "special forces"), with
    quantity words out and countries turned into their adjectives."""
    words = _after_of(words)
    phrases: list[str] = []
    index = 0
    while index < len(words):
        phrase, used = _longest_phrase_at(words, index)
        index += used
        if phrase in QUANTITY_WORDS:
            continue
        phrases.append(DEMONYMS.get(phrase, phrase))
    return phrases


def _after_of(words: list[str]) -> list[str]:
    """ "the number of troops" counts troops; "members of parliament" keep both parts."""
    if "of" not in words:
        return words
    split = words.index("of")
    before = [w for w in words[:split] if w not in QUANTITY_WORDS]
    if not before or singular(before[-1]) in META_HEADS or before[-1] in _VAGUE_QUANTITIES:
        return words[split + 1 :]
    return [*words[split + 1 :], *before]  # the head stays last: "parliament member"


_VAGUE_QUANTITIES = frozenset(
    "hundreds thousands millions billions dozens scores tens lots number numbers".split()
)


def _longest_phrase_at(words: list[str], index: int) -> tuple[str, int]:
    for length in range(_LONGEST_PHRASE, 1, -1):
        piece = words[index : index + length]
        if len(piece) < length:
            continue
        joined = " ".join(piece)
        singular_form = " ".join([*piece[:-1], singular(piece[-1])])
        if joined in DEMONYMS or joined in SYNONYMS or joined in NATIONALITIES:
            return joined, length
        if singular_form in SYNONYMS:
            return singular_form, length
    return words[index], 1


def _head_of(phrases: list[str]) -> tuple[str, list[str]]:
    """(class of the head noun, modifiers before it)."""
    *modifiers, last = phrases
    head = singular(last) if last not in SYNONYMS else last
    if head in META_HEADS:  # "casualty rate" counts casualties; "toll" alone, deaths
        if not modifiers:
            return META_ALONE.get(head, ""), []
        *modifiers, last = modifiers
        head = singular(last) if last not in SYNONYMS else last
    noun, implied = SYNONYMS.get(head, (head, ()))
    return noun, [*(word for m in modifiers for word in _as_modifier(m)), *implied]


def _as_modifier(phrase: str) -> tuple[str, ...]:
    """A noun before the head narrows it as its class does: "special forces troops" are
    special forces, "troop deaths" soldiers' deaths."""
    if phrase not in SYNONYMS:
        return (phrase,)
    noun, implied = SYNONYMS[phrase]
    return implied or (noun,)
