"""Markdown articles read as the prose a person sees, not as markup.

Every step takes time linear in the length of the text, whatever the text holds. A regular
expression that looks ahead for a closing mark (`]`, `)`, `-->`, the `*` that ends an
emphasis) retries that search from every opening mark, so a line of 60,000 `[` or 40,000
`*a` took minutes. Here each closing mark is searched for once: the scanners below keep the
position of the next candidate and only look again past it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Candidate lines only: a bounded prefix then the rest of the line, decided in Python.
_HEADING_LINE = re.compile(r"^#{1,6}[ \t][^\n]*", re.MULTILINE)
_MARKUP_LINE = re.compile(r"^[ \t]*+[-*_`~#][^\n]*", re.MULTILINE)
_BLOCKQUOTE = re.compile(r"^[ \t]*+>[ \t]?", re.MULTILINE)
_FENCES = ("```", "~~~")
_RULE_MARKS = "-*_"
_EMPHASIS_MARKS = "*_"


def markdown_to_text(markdown: str) -> str:
    """Drop heading marks, emphasis, link targets and images; keep the words."""
    text = _without_comments(markdown)
    # Rules before emphasis, which would eat '***' and '___'.
    text = _MARKUP_LINE.sub(_plain_line, text)
    text = _links(text, "![", keep_label=False)
    text = _links(text, "[", keep_label=True)
    text = _without_emphasis(text)
    return _BLOCKQUOTE.sub("", text)


def first_heading(markdown: str) -> str:
    match = _HEADING_LINE.search(markdown)
    return _heading_text(match.group()).strip() if match else ""


def _plain_line(match: re.Match[str]) -> str:
    """A thematic break or code fence line removed, a heading line reduced to its words."""
    line = match.group()
    if _is_rule(line) or line.lstrip(" \t").startswith(_FENCES):
        return ""
    if _HEADING_LINE.match(line):
        return _heading_text(line)
    return line


def _is_rule(line: str) -> bool:
    """'***', '- - -', '___': three or more of one mark and nothing but spaces and tabs."""
    body = line.strip(" \t")
    mark = body[:1]
    return (
        mark != ""
        and mark in _RULE_MARKS
        and body.count(mark) >= 3
        and not body.replace(mark, "").strip(" \t")
    )


def _heading_text(line: str) -> str:
    """'## Title ##' -> 'Title': the opening marks, the spaces after them, and any closing
    run of marks and spaces are dropped."""
    words = line.lstrip("#").lstrip(" \t")
    return words.rstrip(" \t").rstrip("#").rstrip(" \t")


def _without_comments(text: str) -> str:
    """HTML comments dropped; an unclosed '<!--' and everything after it is kept."""
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no comment closes after here, so none that opens later can close
        parts.append(text[position:start])
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def _links(text: str, opener: str, *, keep_label: bool) -> str:
    """'[label](target)' (after opener) replaced by its label, or dropped. The label holds no
    ']' and the target no ')', and either may run over several lines."""
    parts: list[str] = []
    position = search = 0
    close = paren = -1  # the next ']' and ')' found so far, reused while still ahead
    while (start := text.find(opener, search)) >= 0:
        label = start + len(opener)
        if close < label:
            close = text.find("]", label)
            if close < 0:
                break  # no ']' after here: no later link can close either
        if not text.startswith("(", close + 1):
            search = start + 1
            continue
        if paren < close + 2:
            paren = text.find(")", close + 2)
            if paren < 0:
                break
        parts.append(text[position:start])
        if keep_label:
            parts.append(text[label:close])
        position = search = paren + 1
    parts.append(text[position:])
    return "".join(parts)


def _without_emphasis(text: str) -> str:
    """'**bold**', '__bold__', '*italic*', '_italic_' replaced by their words.

    An emphasis opens at a mark not preceded by a word character and followed by a
    non-space; it closes at the first matching mark on the same line that follows a
    non-space and is not followed by a word character. The double mark is tried before the
    single one, and the text is read left to right without overlaps."""
    closers = {mark: _Closers(text, mark) for mark in ("**", "__", "*", "_")}
    line_ends = _NextFinder(text, "\n")
    openers = {mark: _NextFinder(text, mark) for mark in _EMPHASIS_MARKS}
    parts: list[str] = []
    position = index = 0
    while openers:
        index = min(finder.first_from(index) for finder in openers.values())
        if index >= len(text):
            break
        single = text[index]
        if index > 0 and _is_word(text[index - 1]):
            index += 1
            continue
        found = _emphasis_at(text, index, closers, line_ends)
        if found is None:
            if _none_close(closers, single, index):
                del openers[single]  # no later mark of this kind can open an emphasis
            index += 1
            continue
        mark, end = found
        parts.append(text[position:index])
        parts.append(text[index + len(mark) : end])
        position = index = end + len(mark)
    parts.append(text[position:])
    return "".join(parts)


def _none_close(closers: dict[str, _Closers], single: str, index: int) -> bool:
    """True when no single or double mark closes anywhere after an opening at index."""
    return (
        closers[single].first_from(index + 2) is None
        and closers[single * 2].first_from(index + 3) is None
    )


def _emphasis_at(
    text: str, index: int, closers: dict[str, _Closers], line_ends: _NextFinder
) -> tuple[str, int] | None:
    """(mark, where its closing mark starts) for an emphasis opening at index, or None."""
    single = text[index]
    for mark in (single * 2, single):
        words = index + len(mark)
        if not text.startswith(mark, index) or words >= len(text) or text[words].isspace():
            continue
        end = closers[mark].first_from(words + 1)  # at least one character of words
        if end is not None and end < line_ends.first_from(words):
            return mark, end
    return None


class _NextFinder:
    """The first position at or after a point where a test holds; positions asked for only
    grow, so each position of the text is tested at most once over all the questions."""

    def __init__(self, text: str, needle: str, test: Callable[[int], bool] | None = None):
        self._text, self._needle = text, needle
        self._test = test or (lambda _position: True)
        self._found = -1  # last answer, valid for any question up to it
        self._none_after = len(text) + 1  # no answer from here on

    def first_from(self, start: int) -> int:
        if start <= self._found:
            return self._found
        if start >= self._none_after:
            return len(self._text)
        position = self._text.find(self._needle, start)
        while position >= 0 and not self._test(position):
            position = self._text.find(self._needle, position + 1)
        if position < 0:
            self._none_after = start
            return len(self._text)
        self._found = position
        return position


class _Closers:
    """Where emphasis marks can close: the mark after a non-space and before no word
    character (the same wherever the emphasis opened)."""

    def __init__(self, text: str, mark: str) -> None:
        self._text, self._mark = text, mark
        self._finder = _NextFinder(text, mark, self._closes)

    def _closes(self, position: int) -> bool:
        text, after = self._text, position + len(self._mark)
        return not text[position - 1].isspace() and not (
            after < len(text) and _is_word(text[after])
        )

    def first_from(self, start: int) -> int | None:
        found = self._finder.first_from(start)
        return None if found >= len(self._text) else found


def _is_word(ch: str) -> bool:
    """What '\\w' matches in a str pattern: letters, digits and the underscore."""
    return ch.isalnum() or ch == "_"
