"""Markdown articles read as the prose a person sees, not as markup."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_BLOCKQUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)[^\n]*$", re.MULTILINE)
_RULE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$", re.MULTILINE)


def markdown_to_text(markdown: str) -> str:
    """Drop heading marks, emphasis, link targets and images; keep the words."""
    text = _COMMENT.sub("", markdown)
    text = _RULE.sub("", text)  # before emphasis, which would eat '***' and '___'
    text = _FENCE.sub("", text)
    text = _HEADING.sub(r"\1", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return _BLOCKQUOTE.sub("", text)


def first_heading(markdown: str) -> str:
    match = _HEADING.search(markdown)
    return match.group(1).strip() if match else ""
