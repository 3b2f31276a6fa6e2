"""Figures: numbers in digits and words, with their unit and what they count."""

from __future__ import annotations

import re

from app.extraction.numbers import (
    DIGITS,
    FRACTIONS,
    MULTIPLIERS,
    VAGUE,
    WORD_NUMBER,
    parse_digits,
    parse_word_number,
)
from app.extraction.types import ProposedFigure
from app.models import TextRange

_CURRENCIES = {"$": "dollar", "US$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
_CURRENCY_WORDS = {
    "dollars": "dollar",
    "dollar": "dollar",
    "pounds": "pound",
    "euros": "euro",
    "yen": "yen",
    "roubles": "rouble",
    "rubles": "rouble",
}
_MEASURES = {
    "km": "kilometre",
    "kilometres": "kilometre",
    "kilometers": "kilometre",
    "miles": "mile",
    "mile": "mile",
    "m": "metre",
    "metres": "metre",
    "meters": "metre",
    "kg": "kilogram",
    "kilograms": "kilogram",
    "tonnes": "tonne",
    "tons": "ton",
    "mph": "mile per hour",
    "km/h": "kilometre per hour",
}
_MULT = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?P<cur>US\$|[$£€¥])?\s?(?P<num>{DIGITS}|{WORD_NUMBER})"
    rf"(?:\s?(?P<mult>{_MULT})\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent|percent|percentage points?))?"
    r"(?:\s?(?P<range>(?:to|-|–|and)\s?(?:US\$|[$£€¥])?\s?(?:" + DIGITS + r")))?"
)
_VAGUE = re.compile(
    r"\b(?P<num>" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")\s+of\b",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"\b(?:" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_BEFORE = re.compile(rf"{_MONTHS}\.?\s*$")
_DATE_AFTER = re.compile(
    rf"^\s*(?:st|nd|rd|th)?\s*{_MONTHS}\b|^(?:st|nd|rd|th)\b|^[:/]\d|^\s*[ap]\.?m\b", re.IGNORECASE
)
_COUNTED = re.compile(
    r"\s*(?:of\s+)?(?P<noun>(?:(?!(?:the|a|an|and|or|to|in|on|at|for|by|"
    r"from|with|is|are|was|were|has|have|had|that|which|who)\b|[\w-]*ly\b)"
    r"[A-Za-z][\w-]*\s*){1,4})"
)


def find_figures(text: str, paragraphs: list[TextRange]) -> list[ProposedFigure]:
    """Every figure in the given paragraphs, in text order."""
    found: list[ProposedFigure] = []
    for paragraph in paragraphs:
        found.extend(_figures_in(text, paragraph))
    return sorted(found, key=lambda f: f.start)


def _figures_in(text: str, paragraph: TextRange) -> list[ProposedFigure]:
    found = [
        f
        for m in _VAGUE.finditer(text, paragraph.start, paragraph.end)
        if (f := _vague_figure(text, m)) is not None
    ]
    taken = [TextRange(start=f.start, end=f.end) for f in found]
    for match in _NUMBER.finditer(text, paragraph.start, paragraph.end):
        if any(t.overlaps(match.start(), match.end()) for t in taken):
            continue
        figure = _number_figure(text, match)
        if figure is not None:
            found.append(figure)
    for match in _FRACTION.finditer(text, paragraph.start, paragraph.end):
        value = match.group().lower()
        found.append(_with_counts(text, match.start(), match.end(), 0.0 + _fraction(value)))
    return found


def _fraction(words: str) -> float:
    return FRACTIONS[words]


def _vague_figure(text: str, match: re.Match[str]) -> ProposedFigure | None:
    value = VAGUE[match.group("num").lower()]
    figure = _with_counts(text, match.start(), match.end(), float(value))
    return ProposedFigure(
        figure.start, figure.end, figure.text, figure.value, None, figure.counts, approximate=True
    )


def _number_figure(text: str, match: re.Match[str]) -> ProposedFigure | None:
    raw = match.group("num")
    value = parse_digits(raw) if raw[0].isdigit() or raw[0] == "." else parse_word_number(raw)
    if value is None or _is_date_or_time(text, match):
        return None
    if not raw[0].isdigit() and value < 2:
        return None  # "one of them", "no one": rarely a figure
    if match.group("mult"):
        value *= MULTIPLIERS[match.group("mult").lower()]
    unit = _unit(text, match)
    high = _range_high(match, value)
    figure = _with_counts(
        text,
        match.start("cur") if match.group("cur") else match.start("num"),
        match.end(),
        value,
        unit,
    )
    if _is_bare_year(match, figure):
        return None
    return ProposedFigure(
        figure.start, figure.end, figure.text, value, figure.unit, figure.counts, value_high=high
    )


def _range_high(match: re.Match[str], low: float) -> float | None:
    if not match.group("range"):
        return None
    digits = re.search(DIGITS, match.group("range"))
    return parse_digits(digits.group()) if digits else None


def _unit(text: str, match: re.Match[str]) -> str | None:
    if match.group("pct"):
        return "percent"
    if match.group("cur"):
        return _CURRENCIES[match.group("cur")]
    following = re.match(r"\s*([\w/]+)", text[match.end() : match.end() + 20])
    word = following.group(1).lower() if following else ""
    return _CURRENCY_WORDS.get(word) or _MEASURES.get(word)


def _with_counts(
    text: str, start: int, end: int, value: float, unit: str | None = None
) -> ProposedFigure:
    counted = _COUNTED.match(text, end)
    counts = counted.group("noun").strip() if counted else None
    if counts and unit and counts.split()[0].lower() in (*_MEASURES, *_CURRENCY_WORDS):
        counts = " ".join(counts.split()[1:]) or None
    if unit is None and re.search(
        r"\b(?:daily|a day|per day)\b", text[max(0, start - 60) : end + 20]
    ):
        unit = "per day"
    return ProposedFigure(start, end, text[start:end], value, unit, counts)


def _is_date_or_time(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 12) : match.start()]
    after = text[match.end() : match.end() + 12]
    return bool(_DATE_BEFORE.search(before) or _DATE_AFTER.match(after))


def _is_bare_year(match: re.Match[str], figure: ProposedFigure) -> bool:
    raw = match.group("num")
    is_year_shaped = raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100
    return (
        is_year_shaped
        and not match.group("cur")
        and not match.group("pct")
        and (figure.unit is None)
    )
