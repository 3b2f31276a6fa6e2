"""The shape of an article's text: paragraphs, a title, and the site furniture to ignore."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from itertools import islice
from operator import methodcaller

from app.models import TextRange

# Lines that are site furniture wherever they appear (whole line, case-insensitive).
_FURNITURE_LINE = re.compile(
    r"""^\s*(?:
        advertisement | advertisements | sponsored(?:\ content)? | skip\ (?:to|past)\ .{0,40}
      | (?:share|email|tweet|print)(?:\ this)?(?:\ (?:article|story|page|link))?(?:\ on\ .{0,40})?
      | (?:follow|like)\ us\ on\ .{0,60}
      | (?:sign\ up|subscribe)\ (?:to|for|now).{0,80}
      | click\ here.{0,100}
      | listen\ to\ this\ article.{0,40}
      | (?:image|photo|picture|video)\s*(?:source|caption|credit|copyright)s?\s*[:,].{0,150}
      | (?:photo|picture|image)s?\s*:\s*\S.{0,100}
      | (?:©|copyright\ ©?)\s*\d{4}.{0,150}
      | all\ rights\ reserved\.?
      | [(\[]?\s*(?:getty\ images|reuters|ap\ photo|afp(?:\ via\ getty\ images)?
                   |pa(?:\ media)?)\s*[)\]]?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Lines that introduce a list of links to other stories.
_LINK_LIST_HEAD = re.compile(
    r"""^\s*(?:
        read\ (?:more|also|next)(?:\ on\ .{0,40})?
      | related(?:\ (?:stories|articles|content|coverage|links|topics))?
      | more\ (?:on\ this\ story|from\ .{0,40}|stories|news) | see\ also
      | most\ (?:read|popular|viewed) | top\ stories
      | (?:you\ )?(?:may|might)\ also\ (?:like|be\ interested\ in) | recommended(?:\ for\ you)?
      | latest(?:\ news)? | trending(?:\ now)?
    )\s*:?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Furniture that leads into something else on the same line: "Read more: <headline>",
# "READ MORE:", "SEE MORE:", "Related: ...", "Also on <site> <headline>", "DON'T MISS".
_FURNITURE_HEAD = re.compile(
    r"""^\s*(?:
        (?:read|see|watch|listen)\ (?:more|also|next|now)
        (?:\ (?:on|from|at)\ [^:]{1,40})?\s*[:|>»–—-]
      | (?:related|recommended|more\ on\ this|more\ from\ [^:]{1,40}|see\ also|watch|listen
         |must\ read|editor'?s\ picks?|top\ stories|trending)
        (?:\ (?:stories|articles|content|coverage|links|video|news))?\s*[:|>»]
      | also\ (?:on|from|at)\ [\w-]+(?:\.[\w-]+)+\b
      | don[’']?t\ miss\s*(?:[:|>»–—-]|$)
      | (?:like|enjoyed?|liked|love)\ (?:this|the)\ (?:story|article|post|piece)\s*\?
      | share\ (?:this|it)\ (?:story|article|with)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Newsletter sign-up prompts and copyright lines, anywhere in a short line.
_NEWSLETTER = re.compile(r"\bnewsletters?\b|\bto\ your\ inbox\b", re.IGNORECASE | re.VERBOSE)
_SIGN_UP = re.compile(
    r"""^\s*(?:get|receive|join|enter|want|never\ miss|stay\ (?:informed|up\ to\ date))\b
      | \bsign[\ -]?up\b | \bsubscribe\b | \bregister\b""",
    re.IGNORECASE | re.VERBOSE,
)
_SHOUTED_HEAD = re.compile(r"^\s*(?:DON[’']?T MISS|MUST READ|READ MORE|SEE MORE|WATCH)\b")
_COPYRIGHT = re.compile(
    r"""^\s*(?:©|\(c\)\ \d{4}|copyright\s*(?:©|\(c\))?\s*\d{4})
      | \ball\ rights\ reserved\b
      | \bmay\ not\ be\ (?:published|reproduced|broadcast|rewritten|redistributed)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "Follow <outlet> on Twitter", "Follow our coverage at <address>", "Listen ... here."
_FOLLOW_PROMPT = re.compile(
    r"^\s*(?:follow|listen\ to|watch|download|subscribe\ to|join)\b", re.IGNORECASE | re.VERBOSE
)
_PROMPT_TARGET = re.compile(
    r"""\b(?:twitter|facebook|instagram|youtube|tiktok|linkedin|whatsapp|telegram|podcasts?
         |app\ store|google\ play)\b
      | https?://\S | www\.\S | \bhere\s*[.!]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Subscription offers: "Get access to ... for as little as ...", "Use the code ...".
_OFFER_HEAD = re.compile(
    r"""^\s*(?:get\ (?:full\ |unlimited\ |digital\ )?access|subscribe|start\ your\ (?:free\ )?trial
        |become\ a\ (?:member|subscriber)|unlock|try\ \S+\ (?:free|for))\b""",
    re.IGNORECASE | re.VERBOSE,
)
_OFFER_TERMS = re.compile(
    r"""\bsubscriptions?\b|\bsubscribers?\b|\bfree\ trial\b|\b(?:promo|use\ the)\ code\b
      |\bfor\ as\ little\ as\b|\bper\ (?:month|year)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_OFFER_WORDS = 120
_QUOTE_MARKS = frozenset('"“”«»')
_MAX_PROMPT_WORDS = 40
_SENTENCE_END = re.compile(r"""[.!;:"”’']\s*$""")
_MAX_LINKED_HEADLINE_WORDS = 18
_WRAP_WIDTH = 100
# More paragraphs than any article has (the 5,000,000 characters an import may hold run to
# some 20,000 paragraphs of prose): past this, a text is a list or a log, and neighbouring
# lines are grouped so that the ranges stay few enough to store and search quickly.
MAX_PARAGRAPHS = 100_000
_MAX_REMEMBERED_LINES = 10_000
_SPAN = methodcaller("span")
_LONG_LINE = re.compile(
    f"^[^\\n]{{{_WRAP_WIDTH + 1}}}", re.MULTILINE
)  # a line too long to be wrapped
# A line with text: spaces (taken whole, never given back), a character that is not a
# space, the rest of the line.
_TEXT_LINE = re.compile(r"^[^\S\n]*+\S[^\n]*+", re.MULTILINE)
# A blank-line block: a line with text, then every following line that is not blank.
# Possessive repeats: nothing follows them, so giving characters back could never help, and
# a plain repeat kept one backtracking entry per line (300 MB for 2.5 million lines).
_BLOCK = re.compile(r"\S[^\n]*+(?:\n(?![ \t]*+\n)[^\n]*+)*+")


def line_ranges(text: str) -> Iterator[TextRange]:
    """Ranges of the non-empty lines of text."""
    for start, end in _line_spans(text):
        yield TextRange(start=start, end=end)


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the non-empty lines, as they are needed: plain pairs, since a model
    per line cost 5 µs and 550 bytes, seconds and half a gigabyte for a million lines."""
    return map(_SPAN, _TEXT_LINE.finditer(text))  # no Python code runs per line


def find_paragraphs(text: str, warnings: list[str] | None = None) -> tuple[TextRange, ...]:
    """Paragraph ranges: blank-line blocks for hard-wrapped text, otherwise one per line.
    Past MAX_PARAGRAPHS, neighbouring paragraphs are grouped into one (and a sentence
    saying so is appended to warnings, when given)."""
    pattern = _BLOCK if _is_hard_wrapped(text) else _TEXT_LINE
    # Counted first (subn counts in C) and then made, so that no list of a million pairs
    # is ever held.
    count = pattern.subn("", text)[1]
    size = -(-count // MAX_PARAGRAPHS)
    if size > 1 and warnings is not None:
        warnings.append(_grouped_warning(count, size))
    spans = map(_SPAN, pattern.finditer(text))
    return tuple(TextRange(start=start, end=end) for start, end in _grouped(spans, size))


def _block_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the blank-line blocks."""
    # Whole lines at a time: an alternation per character made the regex engine keep one
    # backtracking entry per character, 35 MB on a 300,000-character text without blank
    # lines; see _BLOCK for why its repeats are possessive.
    return map(_SPAN, _BLOCK.finditer(text))


def _grouped(spans: Iterator[tuple[int, int]], size: int) -> Iterator[tuple[int, int]]:
    """Every size neighbouring spans made one, from the first one's start to the last's end."""
    for first in spans:
        # The rest of the group is skipped in C (islice into a one-place deque).
        rest = deque(islice(spans, size - 1), maxlen=1)
        yield first[0], (rest[0] if rest else first)[1]


def _grouped_warning(count: int, size: int) -> str:
    return (
        f"The article has {count:,} paragraphs or lines, more than the {MAX_PARAGRAPHS:,} "
        f"that can be told apart, so every {size} of them were grouped into one paragraph. "
        "All of the text was kept; citations will give the grouped paragraph's number."
    )


def _is_hard_wrapped(text: str) -> bool:
    """Hard-wrapped prose: there are several blank-line blocks, and most of them span
    several lines of similar, short width."""
    blocks = multi_line = lines = short = 0
    for start, end in _block_spans(text):
        blocks += 1
        if text.find("\n", start, end) < 0:
            continue
        multi_line += 1
        block = text[start:end]
        lines += block.count("\n") + 1
        short += block.count("\n") + 1 - sum(1 for _ in _LONG_LINE.finditer(block))
    return blocks > 1 and multi_line * 2 >= blocks and short >= 0.9 * lines


def find_boilerplate(text: str) -> tuple[TextRange, ...]:
    """Ranges of site furniture: share prompts, credits, and 'Read more' link lists."""
    found: list[tuple[int, int]] = []
    in_link_list = False
    verdicts: dict[str, bool] = {}  # a page repeats its furniture: each line judged once
    for start, end in _line_spans(text):
        line = _collapsed(text[start:end])
        if _LINK_LIST_HEAD.match(line):
            in_link_list = True
            found.append((start, end))
        elif in_link_list and _looks_like_linked_headline(line):
            found.append((start, end))
        else:
            in_link_list = False
            furniture = verdicts.get(line)
            if furniture is None:
                furniture = bool(_FURNITURE_LINE.match(line)) or _inline_furniture(line)
                if len(verdicts) < _MAX_REMEMBERED_LINES:
                    verdicts[line] = furniture
            if furniture:
                found.append((start, end))
    return tuple(TextRange(start=start, end=end) for start, end in _bounded_ranges(text, found))


def _bounded_ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """At most MAX_PARAGRAPHS ranges: past that, furniture lines that follow one another
    are made one range, and beyond the cap the rest are left unmarked (only a hostile page
    has that much furniture, and unmarked furniture is merely read as text)."""
    if len(spans) <= MAX_PARAGRAPHS:
        return spans
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged[:MAX_PARAGRAPHS]


def _collapsed(line: str) -> str:
    """The line with runs of white space made one space and none at its ends. The patterns
    below then meet at most one space where they allow several, so none of them can try
    every split of a long run of spaces."""
    return " ".join(line.split())


def is_inline_furniture(line: str) -> bool:
    """True for a line of site furniture that carries text of its own: a "Read more:" or
    "Also on <site>" link, a share or follow prompt, a newsletter sign-up, a copyright."""
    return _inline_furniture(_collapsed(line))


def _inline_furniture(line: str) -> bool:
    # line is _collapsed: single spaces, none at the ends
    if _FURNITURE_HEAD.match(line) or _SHOUTED_HEAD.match(line):
        return True
    words = line.count(" ") + 1
    if _OFFER_HEAD.match(line) and words <= _MAX_OFFER_WORDS and _OFFER_TERMS.search(line):
        return True
    if words > _MAX_PROMPT_WORDS or any(ch in _QUOTE_MARKS for ch in line):
        return False  # prose, or a quotation that mentions these words
    if _COPYRIGHT.search(line):
        return True
    if _NEWSLETTER.search(line) and _SIGN_UP.search(line):
        return True
    return bool(_FOLLOW_PROMPT.match(line) and _PROMPT_TARGET.search(line))


def title_lines(text: str, title: str) -> list[TextRange]:
    """Lines of text that repeat the title (a page's headline printed again in a share
    block or a related-stories list): the title, not article text to propose from."""
    wanted = _comparable(title)
    if not wanted:
        return []
    return [
        TextRange(start=start, end=end)
        for start, end in _line_spans(text)
        if _comparable(text[start:end]) == wanted
    ]


def web_article_body(text: str, title: str) -> str:
    """A web page's extracted text as the article body: one paragraph per line with blank
    lines between them, without the headline above it when the headline is the title."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    wanted = _comparable(title)
    if len(lines) > 1 and wanted and _comparable(lines[0]) == wanted:
        lines = lines[1:]
    return "\n\n".join(lines)


def _comparable(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", line.casefold()).split())


def _looks_like_linked_headline(line: str) -> bool:
    # Related-story links are short headline-case lines without closing punctuation;
    # the article's prose resumes with a full sentence.
    words = line.split()
    return 0 < len(words) <= _MAX_LINKED_HEADLINE_WORDS and not _SENTENCE_END.search(line)


def guess_title(text: str, boilerplate: tuple[TextRange, ...] = ()) -> str:
    """The first line, when it is short enough to be a headline; otherwise ''."""
    marked = sorted(boilerplate, key=lambda r: r.start)
    index = 0  # lines and ranges are walked together, so each is looked at once
    for start, end in _line_spans(text):
        while index < len(marked) and marked[index].end <= start:
            index += 1
        # Sorted by start: the first range not ended before the line is the only one
        # that can be the first to overlap it.
        if index < len(marked) and marked[index].start < end:
            continue
        candidate = text[start:end].strip().lstrip("#").strip()
        return candidate if len(candidate) <= 200 and len(candidate.split()) <= 30 else ""
    return ""
