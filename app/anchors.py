"""Anchors: pin an item to its passage, and find the passage again when offsets shift.

Finding a moved passage is bounded, so that selecting an item never freezes the window:
the passage with its whole saved context is searched for first (a scan in C), then the
occurrences of its text are scored by how much of the context they keep, nearest to the
old offset first and at most a few thousand of them. Occurrences that keep the longest
surviving part of the prefix, or of the suffix, are scored too, wherever the passage went.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from app.models import Anchor, Source

CONTEXT_CHARS = 32
MAX_CONTEXT_CHARS = 2 * CONTEXT_CHARS  # an anchor from elsewhere may carry more; it is cut
MAX_SCORED = 5_000  # occurrences of the text scored around the old offset
MAX_KEEPING_CONTEXT = 1_000  # occurrences keeping the most of the prefix (or suffix)
_FIRST_WINDOW = 4_096  # characters either side of the old offset searched first
_CHARACTER_STEPS = 4  # context compared a character at a time before slices take over


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
    occurrence whose surroundings best match the saved context (the nearest of equals);
    None if it is gone."""
    if text[anchor.start : anchor.end] == anchor.text:
        return anchor.start, anchor.end
    if not anchor.text:
        return None
    prefix, suffix = anchor.prefix[-MAX_CONTEXT_CHARS:], anchor.suffix[:MAX_CONTEXT_CHARS]
    centre = min(anchor.start, len(text))
    whole = _nearby(text, prefix + anchor.text + suffix, centre - len(prefix), 1)
    if whole:  # the nearest place where the passage stands in its whole context
        start = whole[0] + len(prefix)
        return start, start + len(anchor.text)
    candidates = _candidates(text, anchor.text, prefix, suffix, centre)
    if not candidates:
        return None
    start = _best(text, candidates, anchor.text, prefix, suffix, centre)
    return start, start + len(anchor.text)


def _candidates(text: str, passage: str, prefix: str, suffix: str, centre: int) -> list[int]:
    """Starts of passage worth scoring: the nearest to centre, and, wherever they are, those
    keeping the longest part of the prefix (or suffix) that still stands beside passage."""
    found = set(_nearby(text, passage, centre, MAX_SCORED))
    kept = _longest_kept(text, passage, prefix, before=True)
    if kept:
        tail = prefix[len(prefix) - kept :]
        starts = _nearby(text, tail + passage, centre - kept, MAX_KEEPING_CONTEXT)
        found.update(start + kept for start in starts)
    kept = _longest_kept(text, passage, suffix, before=False)
    if kept:
        found.update(_nearby(text, passage + suffix[:kept], centre, MAX_KEEPING_CONTEXT))
    return sorted(found)


def _longest_kept(text: str, passage: str, context: str, *, before: bool) -> int:
    """The most characters of context (its end if before, else its start) that stand
    beside passage somewhere in text: a binary search of scans in C."""
    if before:
        return _longest(0, len(context), lambda m: context[len(context) - m :] + passage in text)
    return _longest(0, len(context), lambda m: passage + context[:m] in text)


def _best(text: str, starts: list[int], passage: str, prefix: str, suffix: str, centre: int) -> int:
    """The start whose surroundings match most of the context; the nearest of equals."""
    before = _matched_before(text, starts, prefix)
    after = _matched_after(text, [start + len(passage) for start in starts], suffix)
    scores = [b + a for b, a in zip(before, after, strict=True)]
    top = max(scores)
    return _nearest([s for s, score in zip(starts, scores, strict=True) if score == top], centre)


def _nearby(text: str, needle: str, centre: int, limit: int) -> list[int]:
    """Starts of needle in text (overlapping ones too), at most limit of them, the nearest
    to centre: windows around centre widen until limit are in or all the text is seen."""
    if needle not in text:  # the common case for a long needle, answered by one C scan
        return []
    centre = min(max(centre, 0), len(text))
    width = _FIRST_WINDOW
    while True:
        # Every start within width of centre is inside the window, with room for needle.
        low, high = max(0, centre - width), min(len(text), centre + width + len(needle))
        found = _find_all(text, needle, low, high)
        if len(found) >= limit or (low == 0 and high == len(text)):
            return sorted(found, key=lambda start: abs(start - centre))[:limit]
        width *= 4


def _find_all(text: str, needle: str, low: int, high: int) -> list[int]:
    found = []
    position = text.find(needle, low, high)
    while position != -1:
        found.append(position)
        position = text.find(needle, position + 1, high)
    return found


def _nearest(starts: list[int], centre: int) -> int:
    return min(starts, key=lambda start: (abs(start - centre), start))


def _matched_before(text: str, ends: list[int], context: str) -> list[int]:
    """For each end, how many characters just before it equal the end of context.

    Candidates are compared one character further at a time and dropped at their first
    difference: in prose most are gone after a character or two. The few still alive
    after _CHARACTER_STEPS (repetitive text) are measured by a binary search of slices.
    """
    lengths = [0] * len(ends)
    alive = list(range(len(ends)))
    for k in range(1, min(len(context), _CHARACTER_STEPS) + 1):
        char = context[-k]
        alive = [i for i in alive if ends[i] >= k and text[ends[i] - k] == char]
        for i in alive:
            lengths[i] = k
    for i in alive:
        end = ends[i]
        high = min(len(context), end)
        lengths[i] = _longest(lengths[i], high, partial(_ends_alike, text, end, context))
    return lengths


def _matched_after(text: str, starts: list[int], context: str) -> list[int]:
    """For each start, how many characters from it equal the start of context."""
    lengths = [0] * len(starts)
    alive = list(range(len(starts)))
    size = len(text)
    for k, char in enumerate(context[:_CHARACTER_STEPS]):
        alive = [i for i in alive if starts[i] + k < size and text[starts[i] + k] == char]
        for i in alive:
            lengths[i] = k + 1
    for i in alive:
        start = starts[i]
        high = min(len(context), size - start)
        lengths[i] = _longest(lengths[i], high, partial(_starts_alike, text, start, context))
    return lengths


def _longest(low: int, high: int, holds: Callable[[int], bool]) -> int:
    """The largest m in [low, high] for which holds(m), given holds(low) and that holds
    stays true below any m where it is true."""
    while low < high:
        middle = (low + high + 1) // 2
        if holds(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _ends_alike(text: str, end: int, context: str, count: int) -> bool:
    """True if the count characters before end equal the last count of context."""
    return text[end - count : end] == context[len(context) - count :]


def _starts_alike(text: str, start: int, context: str, count: int) -> bool:
    """True if the count characters from start equal the first count of context."""
    return text[start : start + count] == context[:count]
