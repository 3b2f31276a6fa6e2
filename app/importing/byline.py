"""Author, date and outlet read from an article's opening lines: its byline and dateline.

Only the first few lines count, and only lines shaped like a byline ("By Jane Smith",
"Jane Smith, Defence correspondent") or a date line ("Published: 2024-10-17", "Updated 18
October 2024 10:02 BST"), or a news agency's dateline ("SEOUL, Oct 18 (Reuters) -"). A line
that is not clearly one of these gives nothing: a wrong author is worse than none. The text
itself is left whole, so no offset moves.
"""

from __future__ import annotations

import re
from datetime import date

from app.extraction.lexicon import NAME_PARTICLES
from app.importing.metadata import (
    MAX_OUTLET_CHARS,
    OUTLET_WORD,
    ROLE,
    SourceDetails,
    join_names,
    parse_machine_date,
    plausible_published,
)

LINES_READ = 8  # non-empty lines from the top: headline, standfirst, byline, date
MAX_LINE_CHARS = 160  # a byline or date line is short; a paragraph is not one

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_NAMES = {**MONTHS, **{name[:3]: n for name, n in MONTHS.items()}, "sept": 9}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "17 October 2024", "Thursday 17 Oct 2024", "October 17, 2024", "Oct. 17 2024", "2024-10-17"
_DATE_PATTERNS = (
    re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"),
)
_DATE_LABEL = re.compile(
    r"^\s*(?:(?P<label>(?:first\s+|originally\s+)?published|posted|updated|last\s+updated|"
    r"last\s+modified|modified|date|dated)(?:\s+on)?\s*:?\s*)?",
    re.IGNORECASE,
)
# What may follow a date on a date line: a time and a time zone ("10:02 BST", "9.15am ET").
_DATE_LINE_REST = re.compile(
    r"^[\s,.·|–—-]*(?:(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?[\s.]*$"
)

# "SEOUL, Oct 18 (Reuters) -", "WASHINGTON (AP) —": a place in capitals, perhaps a date,
# and the agency in brackets.
_AGENCY_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’ -]{1,40})(?:,\s*[A-Z][\w.' -]{1,30})?,?\s*"
    r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?\s*)?"
    r"\((?P<agency>[A-Z][\w.&' -]{0,38}[\w.])\)\s*[-–—]"
)

_NAME_WORD = r"(?:[A-Z][a-z’'`-]*[a-z]|[A-Z]\.|[A-Z][a-z]*(?:[-’'][A-Z][a-z]+)+|Mc[A-Z][a-z]+)"
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES)) + ")"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,3}}"
_NAMES = re.compile(rf"(?P<names>{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s+&\s+){_NAME})*)")
_BY = re.compile(r"^\s*(?:written\s+|words\s+|story\s+|reporting\s+)?by\s*:?\s+", re.IGNORECASE)
_NOT_NAME_WORDS = frozenset(
    {
        "The",
        "This",
        "That",
        "These",
        "Those",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "From",
        "With",
        "Our",
        "Staff",
        "Updated",
        "Published",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        *(m.capitalize() for m in MONTHS),
    }
)


def details_from_text(text: str) -> SourceDetails:
    """Author, publication date and outlet that the article's opening lines state."""
    lines = _opening_lines(text)
    author, outlet = "", ""
    for index, line in enumerate(lines):
        if not author:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            author, outlet_named = _byline(line, following)
            outlet = outlet or outlet_named
        outlet = outlet or _agency(line)
    published = _publication_date(lines) or next(filter(None, map(_agency_date, lines)), None)
    return SourceDetails(author=author, outlet=outlet, published=published)


def _publication_date(lines: list[str]) -> date | None:
    """The first date line, preferring a published date to an 'Updated' one."""
    dated = [(d, updated) for d, updated in map(_dated_line, lines) if d is not None]
    first_published = next((d for d, updated in dated if not updated), None)
    return first_published or (dated[0][0] if dated else None)


def _opening_lines(text: str) -> list[str]:
    found: list[str] = []
    for line in text[:20_000].split("\n"):
        if line.strip():
            found.append(line.strip())
            if len(found) == LINES_READ:
                break
    return found


# ---- bylines ----------------------------------------------------------------------------


def _byline(line: str, following: str) -> tuple[str, str]:
    """(author, outlet) of a byline, or ("", "")."""
    if len(line) > MAX_LINE_CHARS:
        return "", ""
    for part in re.split(r"\s+[|·•]\s+", line):  # "By Jane Smith | 17 October 2024"
        by = _BY.match(part)
        if by:
            named = part[by.end() :]
            if named.isupper():  # "By JANE SMITH"
                named = named.title()
            found = _names_then_rest(named, need_role=False)
        else:
            found = _names_then_rest(part, need_role=True, following=following)
        if found[0]:
            return found
    return "", ""


def _names_then_rest(text: str, *, need_role: bool, following: str = "") -> tuple[str, str]:
    match = _NAMES.match(text)
    if not match:
        return "", ""
    names = _split_names(match.group("names"))
    rest = text[match.end() :].strip()
    # "Jane Smith and Tom Jones, BBC News" read as names up to the comma: a trailing piece
    # that is an outlet or a role is not a name.
    while len(names) > 1 and (ROLE.search(names[-1]) or OUTLET_WORD.search(names[-1])):
        rest = names.pop() + (", " + rest if rest else "")
    if not names or any(_not_a_name(name) for name in names):
        return "", ""
    rest = rest.lstrip(",;:–— ").strip()
    role_given = bool(ROLE.search(rest)) or (not rest and _is_role_line(following))
    outlet = _outlet_in(rest)
    if need_role and not (role_given and _is_short_label(rest)):
        return "", ""  # "Jane Smith, a former editor, said ...": the article's first sentence
    if rest and not (role_given or outlet or _is_place_phrase(rest) or _is_date_rest(rest)):
        return "", ""  # "By Jane Smith's account, ...": a sentence, not a byline
    return join_names(names), outlet


def _is_short_label(rest: str) -> bool:
    """A role or outlet after a name, not the rest of a sentence."""
    return (
        len(rest) <= 60
        and not rest.endswith((".", "!", "?", '"', "”"))
        and not re.search(r"\b(?:said|says|told|added|warned|who|which|that)\b", rest)
    )


def _split_names(names: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*,\s*|\s+and\s+|\s+&\s+", names) if n.strip()]


def _not_a_name(name: str) -> bool:
    words = name.split()
    return (
        words[0] in _NOT_NAME_WORDS
        or words[-1] in _NOT_NAME_WORDS
        or bool(OUTLET_WORD.search(name))
        or bool(ROLE.search(name))
    )


def _outlet_in(rest: str) -> str:
    """'BBC News' in 'BBC News, Seoul' or 'BBC News'; '' when the text names no outlet."""
    for piece in re.split(r"\s*[,;]\s*", rest):
        piece = re.sub(r"^(?:for|of|at)\s+(?:the\s+)?", "", piece.strip(), flags=re.IGNORECASE)
        if (
            piece
            and piece[0].isupper()
            and len(piece) <= MAX_OUTLET_CHARS
            and OUTLET_WORD.search(piece)
            and not ROLE.search(piece)
            and len(piece.split()) <= 5
        ):
            return piece
    return ""


def _is_place_phrase(rest: str) -> bool:
    # "in Seoul", "in Kyiv and London", "Seoul", "New York"
    return bool(re.fullmatch(r"(?:in\s+)?[A-Z][\w.'-]*(?:\s+(?:and\s+)?[A-Z][\w.'-]*){0,3}", rest))


def _is_date_rest(rest: str) -> bool:
    return date_line(rest) is not None


def _is_role_line(line: str) -> bool:
    """A whole line that is only a role ('Defence correspondent'), below a name line."""
    return 0 < len(line) <= 60 and bool(ROLE.search(line)) and not line.endswith(".")


# ---- dates ------------------------------------------------------------------------------


def date_line(line: str) -> date | None:
    """The date of a line that is only a date, perhaps labelled and timed: 'Published:
    2024-10-17', 'Updated 18 October 2024 10:02 BST', 'Thursday 17 October 2024'."""
    return _dated_line(line)[0]


def _dated_line(line: str) -> tuple[date | None, bool]:
    """(date, whether the line says it is an update) of a date line; (None, False) else."""
    for part in re.split(r"\s+[|·•]\s+", line[:MAX_LINE_CHARS]):
        if len(part) > 80:
            continue
        label = _DATE_LABEL.match(part)
        start = label.end() if label else 0
        updated = bool(label and re.search(r"updated|modified", label.group(), re.IGNORECASE))
        for pattern in _DATE_PATTERNS:
            match = pattern.match(part, start)
            if match and _DATE_LINE_REST.match(part[match.end() :]):
                return _date_of(match), updated
    return None, False


def _date_of(match: re.Match[str]) -> date | None:
    if match.groupdict().get("iso"):
        return parse_machine_date(match.group("iso"))
    month = _MONTH_NAMES[match.group("month").lower()]
    try:
        day = date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
    return plausible_published(day)


def _agency_date(line: str) -> date | None:
    """The date of "WASHINGTON, Oct 28, 2024 (Reuters) -"; none without a year, since an
    agency's "Oct 28" could be any year's."""
    match = _AGENCY_DATELINE.match(line)
    if not match or not match.group("year"):
        return None
    month = _MONTH_NAMES.get(match.group("month").lower().rstrip("."))
    if month is None:
        return None
    try:
        day = date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
    return plausible_published(day)


def _agency(line: str) -> str:
    match = _AGENCY_DATELINE.match(line)
    if not match:
        return ""
    agency = match.group("agency").strip()
    words = agency.split()
    initials = "".join(word[0] for word in words).upper()
    place = "".join(ch for ch in match.group("place") if ch.isalpha())
    # "UN (United Nations) -" spells out an acronym; an agency's name is short.
    return "" if len(words) > 3 or initials == place else agency
