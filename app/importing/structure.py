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
            if _FURNITURE_LINE.match(content):
                found.append(line)
    return tuple(found)


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
