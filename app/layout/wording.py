"""How values read in a briefing: dates, numbers, links and text safe for any writer."""

from __future__ import annotations

import datetime as dt
import math
import re
from urllib.parse import quote, urlsplit, urlunsplit

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Characters neither XML (Word) nor reportlab's markup can carry, plus bidi overrides that
# would let a hostile article reorder the words of a printed briefing.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"[ \t\r\n\u2028\u2029]+")
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
LINK_SCHEMES = ("http", "https", "mailto")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


# Line and page breaks from other tools (Word's manual break is \x0b) separate words.
_BREAKS = str.maketrans({"\x0b": " ", "\x0c": " ", "\x85": " "})


def clean(text: str) -> str:
    """Text with what no document format can hold removed and whitespace runs made single."""
    return _SPACES.sub(" ", _UNSAFE.sub("", text.translate(_BREAKS))).strip()


def clean_block(text: str) -> str:
    """Like clean(), but keeps paragraph breaks (for multi-line fields such as the bottom line)."""
    lines = (clean(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def long_date(date: dt.date | None) -> str:
    """'23 October 2024'; month names are written out so no locale changes them."""
    if date is None:
        return ""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def number(value: float) -> str:
    """A value as people read it: 10,000 / 1.13 billion / 0.33 / 76."""
    if not math.isfinite(value):
        return ""
    magnitude = abs(value)
    for scale, word in _SCALES:
        if magnitude >= scale:
            return f"{_plain(value / scale)} {word}"
    return _plain(value)


def _plain(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    digits = 2 if abs(value) < 100 else 1
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".")


def value_range(low: float | None, high: float | None, *, approximate: bool) -> str:
    """'5,000–7,000', '≈ 10,000', or '' when there is no value. The space after '≈' does
    not break, so a narrow table column never leaves the sign alone on a line."""
    if low is None:
        return ""
    text = number(low) if high is None else f"{number(low)}–{number(high)}"
    return f"≈\u00a0{text}" if approximate else text


def link_target(url: str) -> str:
    """url when it is safe to make a link of (web or mail address), else ''."""
    url = clean(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in LINK_SCHEMES:
        return ""
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return ""
    # Spaces and non-ASCII letters are encoded as browsers send them (IDNA for the host,
    # percent-encoding elsewhere); what is already encoded and the punctuation stay.
    if not parts.netloc.isascii():
        try:
            host = parts.netloc.encode("idna").decode("ascii")
        except UnicodeError:
            return ""
        url = urlunsplit(parts._replace(netloc=host))
    return quote(url, safe=_URL_SAFE)


_PAIRS = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»", "„": "“"}


def unquoted(text: str) -> str:
    """text without the quotation marks around it, so a writer can add its own.

    The marks go only when they enclose the whole text: in '“Never,” he said, “never.”'
    the first and last marks belong to two different quoted fragments and stay.
    """
    text = text.strip()
    while len(text) >= 2 and _PAIRS.get(text[0]) == text[-1]:
        inner = text[1:-1]
        if text[0] in inner or text[-1] in inner:
            break
        text = inner.strip()
    return text


_QUOTE_MARKS = '"“”«»„'
_OPENING_CONTEXT = " \t\n([{—–-/"


_SPACED_HYPHEN = re.compile(r"(?<=\s)-(?=\s)")
# A straight double quote at the start or after an opening context opens; any other closes.
_OPENING_QUOTE = re.compile(f'(?<![^{re.escape(_OPENING_CONTEXT)}])"')
_APOSTROPHE = re.compile(r"(?<=[^\W_])'")  # after a letter or digit (str.isalnum)


def typographic(text: str) -> str:
    """Straight double quotes and apostrophes as printers set them: “…” and ’; a hyphen
    standing between spaces as the dash it stands for (" – ")."""
    text = _SPACED_HYPHEN.sub("–", text)
    if '"' not in text and "'" not in text:
        return text
    # Each pass looks only at the character before a mark, in the text as it came: the
    # same as a loop over every character, at the regular-expression engine's speed.
    text = _OPENING_QUOTE.sub("“", text).replace('"', "”")
    return _APOSTROPHE.sub("’", text)


def quoted(words: str) -> str:
    """A direct quote in quotation marks, unless it already quotes its own fragments."""
    words = unquoted(words)
    if any(mark in words for mark in _QUOTE_MARKS):
        return typographic(words)  # a mixed quote: the quoted fragment carries the marks
    return f"“{typographic(words)}”"


def sentence(parts: list[str]) -> str:
    """Parts joined with full stops, without doubling a stop a part already ends with."""
    text = ""
    for part in (p for p in parts if p):
        text += part if not text else f" {part}"
        if not part.rstrip("”’\"')").endswith((".", "?", "!")):
            text += "."
    return text
