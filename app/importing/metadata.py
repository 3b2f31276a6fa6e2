"""Source details found at import (title, outlet, author, URL, date), and their clean-up.

Metadata comes from files and pages the user does not control: a title of 40,000
characters, control characters or bidirectional overrides in an author, a publication date
in 1700, a `javascript:` URL, "Microsoft Word - AGENDA.doc" as a title or "Windows User" as
an author. Every value passes through here: what cannot be trusted is dropped, never
guessed at, and nothing here raises on bad input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import PurePath
from urllib.parse import urlsplit

from app.extraction.lexicon import NAME_PARTICLES
from app.importing.normalise import normalise_text

MAX_TITLE_CHARS = 300
MAX_AUTHOR_CHARS = 200
MAX_OUTLET_CHARS = 120
MAX_URL_CHARS = 2048
EARLIEST_PUBLISHED = date(1900, 1, 1)


@dataclass(frozen=True)
class SourceDetails:
    """What an article says about itself besides its text; "" or None when unknown."""

    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: date | None = None

    def or_else(self, fallback: SourceDetails) -> SourceDetails:
        """These details, with the ones they lack taken from fallback."""
        missing = {
            f.name: getattr(fallback, f.name) for f in fields(self) if not getattr(self, f.name)
        }
        return replace(self, **missing)


def clean_line(value: object, limit: int) -> str:
    """value as one tidy line, or "" when it is not text or longer than limit (a field that
    long is not a title or a name, and cutting it would only print a fragment)."""
    if not isinstance(value, str):
        return ""
    text = normalise_text(value[: limit * 4 + 64])  # bounded work on a huge value
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Co"))
    text = " ".join(text.split())
    return text if len(text) <= limit else ""


# ---- URLs -------------------------------------------------------------------------------


def clean_url(value: object) -> str:
    """An absolute http(s) URL as the page states it, or ""."""
    if not isinstance(value, str) or len(value) > MAX_URL_CHARS:
        return ""
    url = value.strip()
    if not url or any(ch.isspace() or not ch.isprintable() for ch in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return url


def host_of(url: str) -> str:
    """'bbc.co.uk' for 'https://www.bbc.co.uk/news', "" when there is none."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


# ---- dates ------------------------------------------------------------------------------


def plausible_published(day: date | None, *, today: date | None = None) -> date | None:
    """day, if an article could have been published then (1900 to tomorrow), else None."""
    if day is None:
        return None
    latest = (today or datetime.now(UTC).date()) + timedelta(days=1)  # time zones ahead
    return day if EARLIEST_PUBLISHED <= day <= latest else None


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_COMPACT_DATE = re.compile(r"\s*(?:D:)?(\d{4})(\d{2})(\d{2})(?:\d{2,6})?(?:[Z+\-'\d]*)\s*$")


def parse_machine_date(value: object) -> date | None:
    """A date written for machines: ISO 8601 ('2024-10-17T09:00:00Z': the day as the
    publisher wrote it, before any time zone shift), RFC 2822, or PDF's 'D:20241017...'."""
    if isinstance(value, datetime):
        return plausible_published(value.date())
    if isinstance(value, date):
        return plausible_published(value)
    if not isinstance(value, str) or len(value) > 100:
        return None
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    if match:
        return plausible_published(_safe_date(*(int(g) for g in match.groups())))
    try:
        return plausible_published(parsedate_to_datetime(value).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---- titles -----------------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—·:]{1,2}|::)\s+")
_SOFTWARE_TITLE = re.compile(
    r"^(?:microsoft\s+(?:word|powerpoint|excel)|word)\s*-\s"  # "Microsoft Word - AGENDA.doc"
    r"|^(?:untitled|document|doc|title|new\s+document|presentation|layout|page|slide|"
    r"template|draft|copy\s+of\s+document)\s*\d*(?:\s*\(\d+\))?$"
    r"|\.(?:docx?|pdf|rtf|odt|txt|html?|indd|qxd|pages|ps|eps|xlsx?|pptx?)$",
    re.IGNORECASE,
)


def clean_title(value: object, *, outlet: str = "", url: str = "") -> str:
    """A headline without the site's name ('Troops seen - BBC News' -> 'Troops seen')."""
    title = clean_line(value, MAX_TITLE_CHARS)
    if not any(ch.isalpha() for ch in title) or (outlet and _squash(title) == _squash(outlet)):
        return ""  # a page titled only with the site's name has no headline to give
    pieces = _TITLE_SEPARATORS.split(title)
    if len(pieces) < 2:
        return title
    host = host_of(url)
    if _names_site(pieces[-1], outlet, host):
        return title[: _last_separator(title).start()].strip()
    if _names_site(pieces[0], outlet, host) and outlet:
        return title[_first_separator(title).end() :].strip()
    return title


def _last_separator(title: str) -> re.Match[str]:
    return list(_TITLE_SEPARATORS.finditer(title))[-1]


def _first_separator(title: str) -> re.Match[str]:
    found = _TITLE_SEPARATORS.search(title)
    assert found is not None  # only called on a title with at least two pieces
    return found


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _names_site(piece: str, outlet: str, host: str) -> bool:
    """True when piece is the site's name: the outlet, or the host's name ('BBC News' for
    bbc.co.uk, 'Reuters' for reuters.com)."""
    squashed, words = _squash(piece), piece.split()
    if not squashed or len(piece) > 60:
        return False
    site = _squash(outlet)
    # the outlet, perhaps with one word more ("BBC News Online", "Reuters UK")
    near_outlet = len(words) <= len(outlet.split()) + 1 and len(site) >= 3
    if site and (squashed == site or (near_outlet and squashed.startswith(site))):
        return True
    label = _site_label(host)
    return len(label) >= 2 and (
        # "BBC News", "Reuters UK"; not "BBC chief resigns", a headline's last clause
        squashed == label or (len(words) <= 2 and squashed.startswith(label))
    )


def _site_label(host: str) -> str:
    # "bbc.co.uk" -> "bbc", "edition.cnn.com" -> "cnn", "theguardian.com" -> "theguardian"
    labels = [p for p in host.lower().split(".") if p]
    generic = {"com", "co", "org", "net", "gov", "ac", "news", "edu", "uk", "us", "au", "de"}
    while len(labels) > 1 and (labels[-1] in generic or len(labels[-1]) <= 2):
        labels.pop()
    return _squash(labels[-1]) if labels else ""


def document_title(value: object, *, file_name: str) -> str:
    """A Word or PDF title property, unless it is the software's or the file's name."""
    title = clean_line(value, MAX_TITLE_CHARS)
    if not any(ch.isalpha() for ch in title) or _SOFTWARE_TITLE.search(title):
        return ""
    path = PurePath(file_name)
    names = {_squash(path.name), _squash(path.stem)}
    return "" if _squash(title) in names else title


# ---- authors ----------------------------------------------------------------------------

# Words a journalist's role is made of: "Defence correspondent", "Staff writer".
ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|journalist|columnist|contributor|"
    r"producer|presenter|staff|bureau\s+chief)s?\b",
    re.IGNORECASE,
)
# Words that make a phrase the name of a news outlet rather than a place or a role.
OUTLET_WORD = re.compile(
    r"\b(?:news|times|post|press|herald|guardian|telegraph|journal|agency|reuters|tribune|"
    r"daily|gazette|mail|independent|observer|standard|express|mirror|chronicle|economist|"
    r"bloomberg|associated|wire|radio|tv|television|broadcasting|bbc|cnn|npr|afp|ap|"
    r"sky|al\s+jazeera|financial|monitor|review|magazine|weekly|online|dispatch)\b",
    re.IGNORECASE,
)

# Lower-case words inside names: "Ludwig van Beethoven", "Ahmed bin Salman".
# Names that software or an office's computer set up put in a document's author field.
_PLACEHOLDER_AUTHORS = frozenset(
    {
        "normal",
        "user",
        "windows user",
        "microsoft office user",
        "office user",
        "microsoft",
        "admin",
        "administrator",
        "owner",
        "author",
        "unknown",
        "unknown author",
        "default",
        "guest",
        "customer",
        "valued customer",
        "preferred customer",
        "registered user",
        "authorised user",
        "authorized user",
        "licensed user",
        "pc",
        "home",
        "test",
        "none",
        "null",
        "n/a",
        "anonymous",
        "staff",
        "editor",
        "admin user",
        "local admin",
        "localadmin",
        "root",
        "me",
    }
)
_SOFTWARE_AUTHOR = re.compile(
    r"microsoft|adobe|acrobat|libreoffice|openoffice|pdf|docx|reportlab|aspose|word\s*\d|quark|"
    r"indesign|generator|converter|"
    r"^(?:user|pc|admin|owner)[\s_-]*\d+$",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*[;|]\s*|\s*,\s*(?=and\b)|\s+&\s+|\s+and\s+", re.IGNORECASE)


def clean_author(value: object, *, outlet: str = "", url: str = "") -> str:
    """Person names only: no site name, profile URL, address or software placeholder.
    Several authors are joined as 'A, B and C'."""
    text = clean_line(value, MAX_AUTHOR_CHARS)
    text = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)
    host = host_of(url)
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(_without_site(text, outlet, host)):
        name = _person_name(part.strip(" ,."))
        fresh = _squash(name) not in {_squash(n) for n in names}
        if fresh and _is_person_name(name) and not _names_site(name, outlet, host):
            names.append(name)
    return join_names(names)


def _without_site(text: str, outlet: str, host: str) -> str:
    """'Jane Smith, BBC News; Tom Jones' -> 'Jane Smith; Tom Jones': the pieces naming
    the site go before names are split."""
    parts = []
    for part in re.split(r"\s*[;|]\s*", text):
        pieces = [p.strip() for p in part.split(",")]
        kept = [p for p in pieces if p and not _names_site(p, outlet, host)]
        # "Meg Kinnard, Errin Haines": a list of names, not "Surname, Given name"
        listed = all(len(p.split()) >= 2 for p in kept)
        parts.append(("; " if listed else ", ").join(kept))
    return "; ".join(parts)


def join_names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _person_name(name: str) -> str:
    """name as a person's name: 'Tom Gillespie News reporter' -> 'Tom Gillespie', 'STEVE
    PEOPLES' -> 'Steve Peoples'; "" when it is a role, an outlet or a placeholder ('AP
    Auto Writer', 'Associated Press', 'Staff Reports', 'Windows User')."""
    words = name.split()
    if len(words) == 1 and OUTLET_WORD.fullmatch(name):
        return ""  # "Reuters": the agency, not a person
    for index, word in enumerate(words):
        # A role or outlet word ends the name ("Tom Gillespie News reporter", "AP Auto
        # Writer"), except as the surname of a two-word name ("Emily Post", "Jane Reporter").
        surname = len(words) == 2 and index == 1
        newsroom = bool(ROLE.fullmatch(word) or OUTLET_WORD.fullmatch(word)) and not surname
        lower = word.islower() and index > 0 and word not in NAME_PARTICLES
        if newsroom or lower:
            name = " ".join(words[:index]) if index >= 2 else ""
            break
    if name.isupper() and " " in name:  # "STEVE PEOPLES"
        name = name.title()
    return name if _is_person_name(name) else ""


def _is_person_name(name: str) -> bool:
    if not name or len(name) > 80 or not any(ch.isalpha() for ch in name):
        return False
    if name.lower() in _PLACEHOLDER_AUTHORS or _SOFTWARE_AUTHOR.search(name):
        return False
    if any(mark in name for mark in ("://", "www.", "@", "/", "\\")):
        return False
    # A lone lower-case word is a login ("jsmith"), not a byline.
    return not (" " not in name and name.islower())


def clean_outlet(value: object) -> str:
    """A site's name; a bare host ('bbc.co.uk') is kept, a URL is not."""
    outlet = clean_line(value, MAX_OUTLET_CHARS)
    if not any(ch.isalpha() for ch in outlet) or "://" in outlet:
        return ""
    return outlet


def clean_details(details: SourceDetails) -> SourceDetails:
    """details with every field passed through its clean-up (titles keep their site name
    unless the outlet or URL says what it is)."""
    url = clean_url(details.url)
    outlet = clean_outlet(details.outlet)
    return SourceDetails(
        title=clean_title(details.title, outlet=outlet, url=url),
        outlet=outlet,
        author=clean_author(details.author, outlet=outlet, url=url),
        url=url,
        published=parse_machine_date(details.published),
    )
