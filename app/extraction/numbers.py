"""Number grammar: digits with separators and multipliers, number words, fractions."""

from __future__ import annotations

import re

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
MULTIPLIERS = {
    "lakh": 100_000,
    "crore": 10_000_000,
    "hundred": 100,
    "dozen": 12,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "billion": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trillion": 1_000_000_000_000,
}
FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "one half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "three quarters": 0.75,
    "three-quarters": 0.75,
    "a fifth": 0.2,
    "one fifth": 0.2,
    "a tenth": 0.1,
    "one tenth": 0.1,
}
# Vague quantities: the span of magnitudes the plural names, from one of the unit it counts in
# to the next order ("thousands" -> 1,000 to 10,000; "tens of thousands" takes the next
# order), flagged approximate. A meeting sees "≈ 1,000–10,000", never a precise-looking 1,000.
VAGUE = {
    "dozens": (12, 100),
    "scores": (20, 100),
    "hundreds": (100, 1_000),
    "thousands": (1_000, 10_000),
    "tens of thousands": (10_000, 100_000),
    "hundreds of thousands": (100_000, 1_000_000),
    "millions": (1_000_000, 10_000_000),
    "tens of millions": (10_000_000, 100_000_000),
    "hundreds of millions": (100_000_000, 1_000_000_000),
    "billions": (1_000_000_000, 10_000_000_000),
}


# A prefix tree of characters; the key "" marks that a word ends at that node.
_Trie = dict[str, "_Trie"]


def trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped as a prefix tree ('t(?:en|hree|wo)'), which the regex
    engine rejects in a character or two instead of trying every word at every position."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: _Trie) -> str:
    ends_here = "" in node
    branches = [
        re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


NUMBER_WORD = rf"(?:{trie_pattern([*UNITS_WORDS, *SCALES])})(?![a-z])"
WORD_NUMBER = rf"\b{NUMBER_WORD}(?:(?:\s+and\s+|[\s-]+){NUMBER_WORD})*\b"
# Thousands grouped by commas or by (thin, non-breaking) spaces, as in "10 000", or by two or
# more dots as much of Europe writes them ("1.500.000"; a single "3.000" stays three, since
# English reads that dot as a decimal point).
DIGITS = (
    r"\d{1,3}(?:\.\d{3}){2,}(?![\d.]\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)(?:\.\d+)?"
    r"|\d+(?:\.\d+)?|\.\d+"
)


def parse_digits(digits: str) -> float:
    if digits.count(".") > 1:  # "1.500.000": dots group thousands
        digits = digits.replace(".", "")
    return float(
        digits.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    )


def parse_whole_number(written: str) -> float | None:
    """'12' or 'twelve' -> 12.0; None when the words are not a number."""
    return float(written) if written.isdigit() else parse_word_number(written)


# Spelled figures in news stop at trillions; a longer chain of scale words is not a number.
_LARGEST_SPELLED = 10**18


def parse_word_number(words: str) -> float | None:
    """'two hundred and fifty thousand' -> 250000.0; None when the words are not a number."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word in UNITS_WORDS:
            value = UNITS_WORDS[word]
            # "three four times" (a number struck through and replaced): the last one stands
            clash = current % 10 if value < 10 else current % 100
            current = value if clash or (value >= 10 and current % 100) else current + value
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
        if total + current > _LARGEST_SPELLED:
            return None  # "hundred hundred hundred ...": no count, and float() would overflow
    return float(total + current)
