"""Amounts as written: a currency mark, a number in digits or words, a multiplier, a percent
sign, and an optional second number joined by 'to', 'and', 'or' or a dash."""

from __future__ import annotations

import re
from functools import cache

from app.extraction.numbers import (
    DIGITS,
    MULTIPLIERS,
    NUMBER_WORD,
    parse_digits,
    parse_word_number,
    trie_pattern,
)
from app.extraction.units import CURRENCY_PREFIXES

_CURRENCY = trie_pattern(list(CURRENCY_PREFIXES))


_MULT = trie_pattern(list(MULTIPLIERS))


# "a $15-million deal": only a scale word joins its number with a hyphen ("5-m" is no scale).
_HYPHEN_MULT = r"(?:million|billion|trillion|thousand)(?![\w-])"


_WORDS = rf"{NUMBER_WORD}(?:(?:\s+and\s+|[\s-]+){NUMBER_WORD})*"


def _figure_pattern(currency: str) -> str:
    amount = (
        rf"(?:(?:{currency})\s?)?(?:{DIGITS}|(?<![\w-]){_WORDS}(?![\w-]))"
        rf"(?:\s?(?:{_MULT})(?!\.?\w)|-{_HYPHEN_MULT})?"
        r"(?:\s?(?:%|(?:per\s?cent|percent)(?!age)))?"
    )
    return (
        rf"(?<![\w/.,:$£€¥])(?:(?<=minus-)|(?<!\w-))(?P<first>{amount})"
        rf"(?:\s?(?P<link>to|-|–|—|and|or)\s?(?P<second>{amount}))?"
    )


@cache
def figure_any_case() -> re.Pattern[str]:
    """The figure pattern for text in any case, compiled at its first use (~7 ms): only a
    hand-made selection, read without a lower-case copy, needs it."""
    return re.compile(_figure_pattern(_CURRENCY), re.IGNORECASE)


# The same pattern for text already in lower case: a case-blind scan is about twice as slow,
# and this one runs over every paragraph.
FIGURE_IN_LOWER_CASE = re.compile(
    _figure_pattern(trie_pattern(sorted({mark.lower() for mark in CURRENCY_PREFIXES})))
)


_PARTS = re.compile(
    rf"(?P<cur>{_CURRENCY})?\s?(?P<num>{DIGITS}|{_WORDS})"
    rf"(?:(?:\s?|-(?={_HYPHEN_MULT}))(?P<mult>{_MULT})(?!\.?\w))?"
    r"(?:\s?(?P<pct>%|(?:per\s?cent|percent)(?!age)))?",
    re.IGNORECASE,
)


class Amount:
    __slots__ = ("currency", "percent", "value")

    def __init__(self, value: float, currency: str | None, percent: bool) -> None:
        self.value, self.currency, self.percent = value, currency, percent

    def with_unit_of(self, other: Amount) -> Amount:
        # "5 to 7 million", "$1-2bn": the second number's unit and scale apply to both.
        value = self.value
        if other.value >= 1000 * max(self.value, 1) and self.value < 1000:
            value = self.value * scale_of(other.value)
        return Amount(value, self.currency or other.currency, self.percent or other.percent)

    @property
    def looks_like_year(self) -> bool:
        return self.value.is_integer() and 1800 <= self.value <= 2100 and not self.unit

    @property
    def unit(self) -> str | None:
        if self.percent:
            return "percent"
        return CURRENCY_PREFIXES.get(self.currency) if self.currency else None


def scale_of(value: float) -> float:
    for scale in (1e12, 1e9, 1e6, 1e3):
        if value >= scale:
            return scale
    return 1.0


def read_amount(written: str) -> Amount | None:
    parts = _PARTS.fullmatch(written.strip())
    if parts is None:
        return None
    raw = parts.group("num")
    value = parse_digits(raw) if raw[0].isdigit() or raw[0] == "." else parse_word_number(raw)
    if value is None:
        return None
    if parts.group("mult"):
        value *= MULTIPLIERS[parts.group("mult").lower()]
    currency = parts.group("cur")
    if currency and currency not in CURRENCY_PREFIXES:
        currency = next((c for c in CURRENCY_PREFIXES if c.lower() == currency.lower()), None)
    return Amount(value, currency, bool(parts.group("pct")))
