"""Repair the text layer of a PDF: the lines a PDF broke for layout are joined again, words
hyphenated at a line end are made whole, and running headers, footers and page numbers are
dropped, so sentences and quotes read as one run.

pypdf gives each page as lines with no paragraph marks. A line is joined to the one before
when that one does not end a sentence and either this one plainly continues it (a lowercase
word, a number, a comma) or the one before runs to the full width of the text (prose wraps
there, headings and last lines of paragraphs stop short). A line that opens a quotation
starts a paragraph of its own unless the line before runs to full width.
"""

from __future__ import annotations

import re
from collections import Counter

_SENTENCE_ENDS = tuple(""".!?:;"”’)]""")
_STARTS_CONTINUATION = re.compile(r"^[a-z0-9(,;]")
_OPENS_QUOTE = re.compile(r"""^["“‘'«]""")
_STARTS_LIST_ITEM = re.compile(r"^(?:[•●▪◦·*–—-]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
# A word broken by a hyphen at a line end: "adip-" + "iscing".
_HYPHEN_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^([^\W\d_]\w*)")
_DASHES = ("-", "–")
# Bare page numbers and "Page 3 of 10" lines.
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
# First parts that keep their hyphen before a line break ("well-known", "self-made") and
# second parts that mark a compound ("state-owned", "long-term"); English spelling rules,
# for the words no other line of the document settles.
_COMPOUND_FIRST = frozenset(
    "well self ill non ex all half quasi semi anti pro co cross full part long short high "
    "low mid so one two three four five six seven eight nine ten first second third "
    "twenty thirty forty fifty sixty seventy eighty ninety hundred front top far near "
    "much best better worse worst".split()
)
_COMPOUND_SECOND = frozenset(
    "based known term time year years old like free related led run scale wide made "
    "owned style level making backed funded linked born page month week day hour minute "
    "minded ranking type sized size year-old".split()
)
_LONGEST_WORD = 60  # characters looked at before a line-end hyphen (bounds the search)
_TAIL = _LONGEST_WORD + 4  # characters of a paragraph that joining a line looks at
_FULL_WIDTH = 0.8  # of the page's usual line length: a line this long wrapped
_RUNNING_SHARE = 0.6  # of the pages: a top or bottom line repeated this often runs
_EDGE_LINES = 2  # lines looked at for headers and footers, at each end of a page
# Characters of prose and tables besides letters, digits and spaces; anything else (symbols,
# private-use glyphs, replacement characters, controls) is noise when it abounds.
_PUNCTUATION = frozenset(".,;:!?'\"()[]{}<>-–—/\\%$€£¥&@#*+=_|~^°§“”‘’«»…•·")
_MAX_NOISE_SHARE = 0.25


def join_pdf_pages(pages: tuple[str, ...]) -> str:
    """The pages' text as paragraphs (one per line, pages separated by blank lines) with
    running headers, footers and page numbers dropped and wrapped lines joined."""
    page_lines = [_lines(page) for page in pages]
    running = _running_lines(page_lines)
    kept = [_without_furniture(lines, running) for lines in page_lines]
    if any(page_lines) and not any(kept):
        # Lines on every page that are all there is are the text itself (a one-page
        # leaflet printed several times, a form), not a running header.
        kept = [_without_furniture(lines, frozenset()) for lines in page_lines]
    kept = [lines for lines in kept if lines]
    words = _document_words(kept)
    width = _usual_width([line for lines in kept for line in lines])
    out: list[_Paragraph] = []
    for lines in kept:
        for index, line in enumerate(lines):
            if out and out[-1].length and _continues(out[-1], line, width):
                out[-1].join(line, words)
            elif index == 0 and out:
                out.extend([_Paragraph(""), _Paragraph(line)])  # a page break: a paragraph break
            else:
                out.append(_Paragraph(line))
    return "\n".join(paragraph.text() for paragraph in out)


class _Paragraph:
    """A paragraph being built from lines. Joining a line looks only at the paragraph's
    length and its last characters, so only those are kept at hand: writing the whole
    paragraph anew for each line took time growing with the square of its length (30
    seconds for a page of 20,000 one-word lines)."""

    def __init__(self, line: str) -> None:
        self._done: list[str] = []  # text before the tail, in pieces
        self.tail = line
        self.length = len(line)

    def join(self, line: str, words: frozenset[str]) -> None:
        joined = _joined(self.tail, line, words)
        self.length += len(joined) - len(self.tail)
        if len(joined) > 2 * _TAIL:
            self._done.append(joined[:-_TAIL])
            joined = joined[-_TAIL:]
        self.tail = joined

    def text(self) -> str:
        return "".join(self._done) + self.tail


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def _shape(line: str) -> str:
    """A line with its numbers blanked: "Page 3" and "Page 4" are the same running line."""
    return " ".join(_DIGITS.sub("#", line.casefold()).split())


def _running_lines(page_lines: list[list[str]]) -> frozenset[str]:
    """Shapes of the lines repeated at the top or bottom of most pages."""
    if len(page_lines) < 2:
        return frozenset()
    seen: Counter[str] = Counter()
    for lines in page_lines:
        edges = {*lines[:_EDGE_LINES], *lines[-_EDGE_LINES:]}
        seen.update({_shape(line) for line in edges})
    needed = max(2, _RUNNING_SHARE * len(page_lines))
    return frozenset(shape for shape, count in seen.items() if count >= needed)


def _without_furniture(lines: list[str], running: frozenset[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and start < _EDGE_LINES + 1 and _is_furniture(lines[start], running):
        start += 1
    while (
        end > start
        and len(lines) - end < _EDGE_LINES + 1
        and _is_furniture(lines[end - 1], running)
    ):
        end -= 1
    return lines[start:end]


def _is_furniture(line: str, running: frozenset[str]) -> bool:
    # White space made single first: the pattern's neighbouring optional spaces would
    # otherwise try every split of a long run of spaces.
    return bool(_PAGE_NUMBER.match(" ".join(line.split()))) or _shape(line) in running


def _usual_width(lines: list[str]) -> int:
    """The length body lines reach: the 90th percentile of line lengths (rounded up, so
    that of a heading and one line of prose, the prose sets it)."""
    if not lines:
        return 0
    lengths = sorted(len(line) for line in lines)
    return lengths[-(-9 * (len(lengths) - 1) // 10)]


def _continues(paragraph: _Paragraph, line: str, width: int) -> bool:
    previous = paragraph.tail
    if previous.endswith(_SENTENCE_ENDS) or _STARTS_LIST_ITEM.match(line):
        return False
    full = width > 0 and paragraph.length >= _FULL_WIDTH * width
    if _OPENS_QUOTE.match(line):
        return full
    return (
        full
        or bool(_STARTS_CONTINUATION.match(line))
        or previous.endswith((",", "-", "–", "\u00ad"))
    )


def _joined(previous: str, line: str, words: frozenset[str]) -> str:
    """previous (a paragraph, or at least its last _TAIL characters) with line joined on."""
    if previous.endswith(_DASHES) and previous[-2:-1].isdecimal() and line[:1].isdigit():
        return previous + line  # "206–231–" + "3195"
    if previous.endswith("\u00ad"):  # a soft hyphen: the word was broken here
        return previous[:-1] + line
    hyphen = _HYPHEN_END.search(previous[-_LONGEST_WORD:]) if previous.endswith("-") else None
    if hyphen and line[:1].isdigit():
        return previous + line  # "Covid-" + "19"
    start = _WORD_START.match(line)
    if hyphen and start:
        first, second = hyphen.group(1), start.group(1)
        if _keeps_hyphen(first, second, words):
            return previous + line
        return previous[:-1] + line  # "adip-" + "iscing"
    return f"{previous} {line}"


def _keeps_hyphen(first: str, second: str, words: frozenset[str]) -> bool:
    """True when "first-second" is a compound, not one word broken at the line end: the
    document writes it so elsewhere, or it is built like one."""
    low_first, low_second = first.casefold(), second.casefold()
    if f"{low_first}-{low_second}" in words:
        return True
    if low_first + low_second in words:
        return False
    if first[:1].isupper() or second[:1].isupper() or first.isdigit():
        return True  # "Anglo-Saxon", "Covid-19", "pro-Kremlin", "2019-20"
    return low_first in _COMPOUND_FIRST or low_second in _COMPOUND_SECOND


def _document_words(pages: list[list[str]]) -> frozenset[str]:
    """Words of the document as written inside its lines (the line ends excluded)."""
    found: set[str] = set()
    for lines in pages:
        for line in lines:
            found.update(re.findall(r"\w+(?:-\w+)*", line.casefold()))
    return frozenset(found)


def unreadable_reason(text: str) -> str | None:
    """Why a PDF's text layer cannot be read as prose (words run together with no spaces,
    or glyph noise from a font without a character map); None when it reads."""
    sample = "".join(text.split("\n"))
    if len(sample) < 200:
        return None
    spaces = sample.count(" ")
    noise = sum(1 for ch in sample if not (ch.isalnum() or ch.isspace() or ch in _PUNCTUATION))
    noise += 8 * sample.count("(cid:")  # pypdf writes unmapped glyphs as (cid:123)
    if noise > _MAX_NOISE_SHARE * len(sample):
        return "its text layer is glyph noise (the fonts carry no readable characters)"
    # Chinese and Japanese are written without spaces between words.
    unspaced = sum(1 for ch in sample if "\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    if spaces < 0.03 * len(sample) and unspaced < 0.3 * len(sample):
        return "its text layer has no spaces between words"
    return None
