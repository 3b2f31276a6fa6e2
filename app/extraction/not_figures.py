"""Numbers that are not figures: dates, times, years, ages, scores, labels and addresses."""

from __future__ import annotations

import re

from app.extraction.amounts import Amount
from app.extraction.lexicon import FUNCTION_WORDS, SPEECH_FORMS, TIME_WORDS
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
    # A capitalised word names a label ("Boeing 787") unless it opens a sentence or a line,
    # or is a word of quantity that opens one ("About 12,000 troops", "Nearly 500").
    r"(?:(?<!^)(?<![.!?]\s)(?<!\n)\b(?!(?:About|Around|Some|Nearly|Almost|Roughly|Approximately|"
    r"Over|Under|More|Fewer|Less|Only|Just|Exactly|Barely|Up|At|An?|The)\b)[a-z]?[A-Z][\w&]*|"
    r"[&/(#]|\b(?i:category|game|part|section|chapter|article|"
    r"page|number|no\.|level|phase|stage|round|grade|class|type|version|tier|step|act|scene|"
    r"room|gate|platform|flight|route|highway|model|series|season|episode|volume|vol\.|issue|"
    r"item|clause|rule|paragraph|figure|table|line|bus|channel|district|ward|zone|term|week|"
    r"hole|inning|lap))\s?$"
)


SCORE = re.compile(
    r"\d{1,2}\s?[-–]\s?\d{1,2}\s+(?:win|victory|defeat|loss|lead|draw|"
    r"scoreline|margin|vote|decision|home|away)\b",
    re.IGNORECASE,
)


_AGE = re.compile(r"[A-Z][\w’'-]+,\s*$")
# "Ryan Hollman 31, of Dayton": an age between a full name and the hometown, comma left out.
_AGE_NO_COMMA = re.compile(r"[A-Z][\w.’'-]*\s+[A-Z][\w’'-]+\s$")
_HOMETOWN_AFTER = re.compile(r",\s+of\s+[A-Z]")
_AGE_ENDS = re.compile(r"\s*(?:[,;)]|\.(?!\d))")
# Model names after a number: "the 11 Pro", "737 Max jets".
MODEL_AFTER = re.compile(r"\s?(?:Max|Pro|Plus|Mini|Ultra|Air|Lite|XL|XS|GT|Turbo|Edge)\b")
# Emergency and service numbers: "911 calls", "dialled 999".
_SERVICE_NUMBERS = frozenset({"911", "999", "112"})
_SERVICE_AFTER = re.compile(r"\s+(?:calls?|callers?|dispatch\w*|operators?|emergency|line)\b", re.I)
_SERVICE_BEFORE = re.compile(r"\b(?:dial(?:l?ed|l?ing)?|call(?:ed|ing)?)\s+$", re.I)
# "one" as an indefinite determiner or pronoun, not a count: "one user said", "in one case",
# "at one point", "one possible explanation", "one day".
_ONE_INDEFINITE_NOUNS = frozenset(
    "point case day time thing way reason example instance hand side another possibility "
    "explanation option idea question issue problem sign morning evening night afternoon "
    "moment stage occasion such thing kind sort form version".split()
)
_ONE_INDEFINITE_ADJECTIVES = frozenset(
    "possible potential likely certain particular other such more last".split()
)


_STREET = re.compile(
    r"\s+(?:[A-Z0-9][\w.]*\s+){1,3}(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|"
    r"Drive|Dr|Blvd|Boulevard|Place|Pl|Court|Ct|Square|Terrace|Close|Crescent)\b"
)


def not_a_figure(text: str, match: re.Match[str], amount: Amount) -> bool:
    start, stop = match.start(), match.end("first")
    written = match.group("first").strip()
    before = text[max(0, start - 14) : start]
    if written[0].isalpha() and not _is_word_figure(written, text, start, stop, amount):
        return True
    word = written[0].isalpha() and amount.currency is None
    if word and text[start].isupper() and not _SENTENCE_OPENING.search(text, start - 4, start):
        return True  # "the Gang of Four": a name
    if written.lower() == "two" and _OR_TWO_BEFORE.search(text, max(0, start - 30), start):
        return True  # "a day or two"
    if is_year(written, amount, text, start, stop):
        return True
    if text[stop : stop + 1].isalpha() and unit_after(text, stop, stop + 30) is None:
        return True  # "the 80s", "3D", "MP3": letters glued to the number make a name
    if amount.value < 120 and written.isdigit() and _is_apposed_age(text, start, stop):
        return True  # "Senard, 65, now faces"
    if written in _SERVICE_NUMBERS and (
        _SERVICE_AFTER.match(text, stop, stop + 30) or _SERVICE_BEFORE.search(before)
    ):
        return True  # "911 calls": a phone number
    if written[0].isdigit() and amount.unit is None and MODEL_AFTER.match(text, stop, stop + 8):
        return True  # "the 11 Pro": a model name
    if (
        amount.unit is None
        and written[0].isdigit()
        and _LABEL_BEFORE.search(before)
        and unit_after(text, stop, stop + 30) is None
    ):
        return True  # "Game 2", "S&P 500", "Boeing 787", "(4)": names and labels
    return bool(_STREET.match(text, stop, stop + 60))  # "9 E 71st St": an address


# Ages that bound a population: "people aged 12 and older", "children under 5", "aged 18 to
# 25". The age says who, not how many.
_AGED_BEFORE = re.compile(r"\b(?:aged|ages)\s+$", re.IGNORECASE)
_GROUP_UNDER_BEFORE = re.compile(
    r"\b(?:children|kids|people|adults|those|anyone|everyone|youngsters|students|teens|"
    r"teenagers|patients|residents|men|women|girls|boys|aged)\s+(?:under|over|below|above|"
    r"older\s+than|younger\s+than)\s+$",
    re.IGNORECASE,
)
_AGE_OF_BEFORE = re.compile(
    r"\b(?:over|under|above|below|past)\s+the\s+age\s+of\s+$", re.IGNORECASE
)
_AGE_BOUND_WORDS = ("under", "over", "below", "above", "than", "of", "aged", "ages")
_OPEN_BOUND_AFTER = re.compile(
    r"\s*(?:\+|(?:and|or)\s+(?:older|over|up|above|under|younger|below))", re.IGNORECASE
)
# "an app or two", "a day or two": a loose 'a few', no count.
_OR_TWO_BEFORE = re.compile(r"\ban?\s+[\w-]+\s+or\s+$", re.IGNORECASE)
# A capitalised number word inside a sentence is part of a name: "the Gang of Four", "Formula
# One", "the Big Three".
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“‘'(\[—–-]|\n)\s*$")


def is_age_bound(text: str, start: int, stop: int, whole_stop: int, has_second: bool) -> bool:
    """Whether the number at text[start:stop] (a pair up to whole_stop) is an age that bounds
    a population rather than a figure."""
    before = text[max(0, start - 40) : start]
    # Every pattern below ends in a word of _AGE_BOUND_WORDS and white space: a cheap test
    # first, since a table of numbers asks this of each of its many numbers.
    if not before[-1:].isspace() or not before.rstrip().lower().endswith(_AGE_BOUND_WORDS):
        return False
    if _GROUP_UNDER_BEFORE.search(before) or _AGE_OF_BEFORE.search(before):
        return True
    if not _AGED_BEFORE.search(before[-10:]):
        return False
    if re.search(r",\s*aged\s+$", before) and _AGE_ENDS.match(text, whole_stop, whole_stop + 2):
        return True  # "the driver, aged 45, was held": an appositive age
    return has_second or bool(_OPEN_BOUND_AFTER.match(text, whole_stop, whole_stop + 20))


_WORDS_AFTER = re.compile(r"\s+([a-z][\w’'-]*)(?:\s+([a-z][\w’'-]*))?(?:\s+([a-z][\w’'-]*))?")


def _is_apposed_age(text: str, start: int, stop: int) -> bool:
    """'Jo Bell, 45,' and 'Jo Bell 45, of Leeds': an age set beside a name, not news."""
    before = text[max(0, start - 40) : start]
    if _AGE.search(before[-14:]) and _AGE_ENDS.match(text, stop, stop + 2):
        return True
    # the short look ahead first: most numbers have no hometown after them
    return bool(_HOMETOWN_AFTER.match(text, stop, stop + 8) and _AGE_NO_COMMA.search(before))


def _is_word_figure(written: str, text: str, start: int, stop: int, amount: Amount) -> bool:
    lower = written.lower()
    if lower in MULTIPLIERS or lower in ("hundred", "thousand"):
        return text[max(0, start - 2) : start].lower() == "a "  # "a million", not "hundred"
    if text[max(0, start - 7) : start].lower().endswith(("number ", "no. ")):
        return False  # "the number eight": a name of the numeral
    if amount.value >= 2:
        return True
    # "one man" counts a man; "one of them", "no one", "one another", "one user said" (a
    # determiner: some user) and "at one point" do not.
    # the words right after "one" ("one 52,000-barrel refinery" has none: it is no count)
    following = _WORDS_AFTER.match(text[stop : stop + 50].lower())
    words = [word for word in following.groups() if word] if following else []
    preceding = text[max(0, start - 4) : start].lower()
    if not words or preceding.endswith("no "):
        return False
    first = words[0]
    if first in FUNCTION_WORDS or first in ("of", "another") or first in _ONE_INDEFINITE_NOUNS:
        return False
    if first in _ONE_INDEFINITE_ADJECTIVES:
        return False
    # "one user said", "one local resident told": the noun phrase is the subject of speech
    return not any(word in SPEECH_FORMS for word in words[1:3])


_PLURAL_WORDS = frozenset("people men women children police staff personnel".split())


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
        # "2000 people" counts; "2019 when" and "a 2010 appearance" (a singular noun) do not
        word = following.group(1)
        return word in FUNCTION_WORDS or not (word.endswith("s") or word in _PLURAL_WORDS)
    return True
