"""The shape of an article's text: paragraphs, a title, and the site furniture to ignore."""

from __future__ import annotations

import re
from collections.abc import Iterator

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


def line_ranges(text: str) -> Iterator[TextRange]:
    """Ranges of the non-empty lines of text."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield TextRange(start=match.start(), end=match.end())


def find_paragraphs(text: str) -> tuple[TextRange, ...]:
    """Paragraph ranges: blank-line blocks for hard-wrapped text, otherwise one per line."""
    # Whole lines at a time: an alternation per character made the regex engine keep one
    # backtracking entry per character, 35 MB on a 300,000-character text without blank lines.
    blocks = [
        TextRange(start=m.start(), end=m.end())
        for m in re.finditer(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", text)
    ]
    if len(blocks) > 1 and _is_hard_wrapped(text, blocks):
        return tuple(blocks)
    return tuple(line_ranges(text))


def _is_hard_wrapped(text: str, blocks: list[TextRange]) -> bool:
    # Hard-wrapped prose: most blank-line blocks span several lines of similar, short width.
    multi_line = [text[b.start : b.end] for b in blocks if "\n" in text[b.start : b.end]]
    if len(multi_line) * 2 < len(blocks):
        return False
    lengths = [len(line) for block in multi_line for line in block.split("\n")]
    short = sum(1 for n in lengths if n <= _WRAP_WIDTH)
    return short >= 0.9 * len(lengths)


def find_boilerplate(text: str) -> tuple[TextRange, ...]:
    """Ranges of site furniture: share prompts, credits, and 'Read more' link lists."""
    found: list[TextRange] = []
    in_link_list = False
    for line in line_ranges(text):
        content = text[line.start : line.end]
        if _LINK_LIST_HEAD.match(content):
            in_link_list = True
            found.append(line)
        elif in_link_list and _looks_like_linked_headline(content):
            found.append(line)
        else:
            in_link_list = False
            if _FURNITURE_LINE.match(content) or is_inline_furniture(content):
                found.append(line)
    return tuple(found)


def is_inline_furniture(line: str) -> bool:
    """True for a line of site furniture that carries text of its own: a "Read more:" or
    "Also on <site>" link, a share or follow prompt, a newsletter sign-up, a copyright."""
    if _FURNITURE_HEAD.match(line) or _SHOUTED_HEAD.match(line):
        return True
    if (
        _OFFER_HEAD.match(line)
        and len(line.split()) <= _MAX_OFFER_WORDS
        and _OFFER_TERMS.search(line)
    ):
        return True
    if len(line.split()) > _MAX_PROMPT_WORDS or any(ch in _QUOTE_MARKS for ch in line):
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
        line for line in line_ranges(text) if _comparable(text[line.start : line.end]) == wanted
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
    for line in line_ranges(text):
        if any(b.overlaps(line.start, line.end) for b in boilerplate):
            continue
        candidate = text[line.start : line.end].strip().lstrip("#").strip()
        return candidate if len(candidate) <= 200 and len(candidate.split()) <= 30 else ""
    return ""
