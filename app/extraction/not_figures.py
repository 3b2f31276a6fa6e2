"""Numbers that are not figures: dates, times, years, ages, scores, labels and addresses."""

from __future__ import annotations

import re

from app.extraction.amounts import Amount
from app.extraction.lexicon import FUNCTION_WORDS, TIME_WORDS
from app.extraction.numbers import MULTIPLIERS
from app.extraction.units import unit_after

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)


DATE_BEFORE = re.compile(rf"\b{_MONTH}\.?\s*$", re.IGNORECASE)


DATE_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)\b|^\s*(?:st|nd|rd|th)?\s*{_MONTH}\b|^[:/.]\d|^\s*[ap]\.?m\b|^\s*o'clock",
    re.IGNORECASE,
)


_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|until|by|from|of|before|after|during|early|late|mid|"
    r"the|and|or|to|for|between|around|summer|winter|spring|autumn|fall)\s*$",
    re.IGNORECASE,
)


_LABEL_BEFORE = re.compile(
    r"(?:(?<!^)(?<![.!?]\s)\b[A-Z][\w&]*|[&/(#]|\b(?i:category|game|part|section|chapter|article|"
    r"page|number|no\.|level|phase|stage|round|grade|class|type|version|tier|step|act|scene|"
    r"room|gate|platform|flight|route|highway|model|series|season|episode|volume|vol\.|issue|"
    r"item|clause|rule|paragraph|figure|table|line|bus|channel|district|ward|zone|term))\s?$"
)


SCORE = re.compile(
    r"\d{1,2}\s?[-–]\s?\d{1,2}\s+(?:win|victory|defeat|loss|lead|draw|"
    r"scoreline|margin|vote|decision|home|away)\b",
    re.IGNORECASE,
)


_AGE = re.compile(r"[A-Z][\w’'-]+,\s*$")


_STREET = re.compile(
    r"\s+(?:[A-Z0-9][\w.]*\s+){1,3}(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|"
    r"Drive|Dr|Blvd|Boulevard|Place|Pl|Court|Ct|Square|Terrace|Close|Crescent)\b"
)


def not_a_figure(text: str, match: re.Match[str], amount: Amount) -> bool:
    start, stop = match.start(), match.end("first")
    written = match.group("first").strip()
    before = text[max(0, start - 14) : start]
    after = text[stop : stop + 14]
    if written[0].isalpha() and not _is_word_figure(written, text, start, stop, amount):
        return True
    if is_year(written, amount, text, start, stop):
        return True
    if text[stop : stop + 1].isalpha() and unit_after(text, stop, stop + 30) is None:
        return True  # "the 80s", "3D", "MP3": letters glued to the number make a name
    if _AGE.search(before) and re.match(r"\s*,", after) and amount.value < 120:
        return True  # "Senard, 65, now faces"
    if (
        amount.unit is None
        and written[0].isdigit()
        and _LABEL_BEFORE.search(before)
        and unit_after(text, stop, stop + 30) is None
    ):
        return True  # "Game 2", "S&P 500", "Boeing 787", "(4)": names and labels
    return bool(_STREET.match(text, stop, stop + 60))  # "9 E 71st St": an address


def _is_word_figure(written: str, text: str, start: int, stop: int, amount: Amount) -> bool:
    lower = written.lower()
    if lower in MULTIPLIERS or lower in ("hundred", "thousand"):
        return text[max(0, start - 2) : start].lower() == "a "  # "a million", not "hundred"
    if amount.value >= 2:
        return True
    # "one man" counts a man; "one of them", "no one", "one another" do not.
    following = re.match(r"\s+([a-z][\w-]*)", text[stop : stop + 30])
    preceding = text[max(0, start - 4) : start].lower()
    return (
        following is not None
        and following.group(1) not in FUNCTION_WORDS
        and following.group(1) not in ("of", "another", "day", "time")
        and not preceding.endswith("no ")
    )


def is_year(written: str, amount: Amount, text: str, start: int, stop: int) -> bool:
    bare = written.strip()
    if not (bare.isdigit() and len(bare) == 4 and 1800 <= amount.value <= 2100):
        return False
    unit = unit_after(text, stop, stop + 30)
    if unit and unit[0] not in ("year", "day", "month", "week"):
        return False  # "2000 km", "1900 tonnes"
    following = re.match(r"\s+([a-z]+)", text[stop : stop + 20])
    if (
        following
        and following.group(1) not in TIME_WORDS
        and not _YEAR_CONTEXT.search(text[max(0, start - 12) : start])
    ):
        return following.group(1) in FUNCTION_WORDS  # "2000 people" counts; "2019 when" not
    return True
