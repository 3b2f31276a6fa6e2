"""Anchors: pin an item to its passage, and find the passage again when offsets shift."""

from __future__ import annotations

from app.models import Anchor, Source

CONTEXT_CHARS = 32


def make_anchor(source: Source, start: int, end: int) -> Anchor:
    """An anchor on source.text[start:end] with a little context either side."""
    text = source.text
    return Anchor(
        source_id=source.id,
        start=start,
        end=end,
        text=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where anchor's passage is in text now: its offsets if still right, else the
    occurrence whose surroundings best match the saved context; None if it is gone."""
    if text[anchor.start : anchor.end] == anchor.text:
        return anchor.start, anchor.end
    if not anchor.text:
        return None
    best: tuple[int, int] | None = None
    best_score = -1
    position = text.find(anchor.text)
    while position != -1:
        score = _context_score(anchor, text, position)
        distance_penalty = abs(position - anchor.start) / (len(text) + 1)
        if score - distance_penalty > best_score:
            best, best_score = (position, position + len(anchor.text)), score - distance_penalty
        position = text.find(anchor.text, position + 1)
    return best


def _context_score(anchor: Anchor, text: str, position: int) -> int:
    before = text[max(0, position - len(anchor.prefix)) : position]
    after_start = position + len(anchor.text)
    after = text[after_start : after_start + len(anchor.suffix)]
    return _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
