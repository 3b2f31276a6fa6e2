"""Where a passage of the old text stands in the new one, and whether its words changed.

A passage whose words all fall in unchanged stretches is the same passage, wherever it
moved and however its spacing or quotation marks changed. One whose own words were
replaced, removed or added to has changed, and its new wording is the stretch of the new
text that took its place; one whose words were all removed is gone. A paragraph moved
elsewhere reads as removed here and added there: before a passage is called changed, its
words are looked for among the added ones, with enough context to be sure.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal

from app.versions.alignment import Alignment, Opcode

_CONTEXT_WORDS = 6  # words either side compared when a passage may have moved
_SURE_WORDS = 6  # a moved passage this long needs no context to be recognised
_SURE_CONTEXT = 2  # else this many words beside it must match
_SURE_UNIQUE_WORDS = 3  # or it is this long and stands only once in either text


@dataclass(frozen=True)
class Placement:
    status: Literal["unchanged", "changed", "gone"]
    start: int  # in the new text; where it stood, when gone
    end: int
    text: str  # the new wording ("" when gone)


class Placer:
    """Places passages of alignment's old text in its new text (many, quickly)."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self._old_starts = [token.start for token in alignment.old]
        self._old_ends = [token.end for token in alignment.old]
        self._op_starts = [op[1] for op in alignment.opcodes]
        self._old_keys = [token.key for token in alignment.old]
        self._new_keys = [token.key for token in alignment.new]
        self._added = {j for op in alignment.opcodes if op[0] != "equal" for j in range(*op[3:5])}
        self._added_at: dict[str, list[int]] = {}  # each added word's places in the new text
        for j in sorted(self._added):
            self._added_at.setdefault(self._new_keys[j], []).append(j)

    def place(self, start: int, end: int) -> Placement:
        first = bisect.bisect_right(self._old_ends, start)  # first word ending after start
        stop = bisect.bisect_left(self._old_starts, end)  # words starting before end
        if first >= stop:  # no words: only spacing, which no change can touch
            position = self._new_position(first)
            return Placement("unchanged", position, position, "")
        ops = self._overlapping(first, stop)
        if all(op[0] == "equal" for op in ops):
            j_first = ops[0][3] + first - ops[0][1]
            j_last = ops[-1][3] + (stop - 1) - ops[-1][1]
            return self._unchanged(start, end, first, stop - 1, j_first, j_last)
        moved = self._moved(first, stop)
        if moved is not None:
            return self._unchanged(start, end, first, stop - 1, moved, moved + stop - 1 - first)
        return self._changed(ops, first, stop)

    # ----- the passage's words and the changes touching them ------------------------------
    def _overlapping(self, first: int, stop: int) -> list[Opcode]:
        """Opcodes holding words first..stop-1, and words added between two of them."""
        ops = self.alignment.opcodes
        index = max(0, bisect.bisect_right(self._op_starts, first) - 1)
        found = []
        while index < len(ops) and ops[index][1] <= stop:
            tag, i1, i2, _, _ = ops[index]
            inside = i1 < stop and i2 > first
            added_within = tag == "insert" and first < i1 < stop
            if inside or added_within:
                found.append(ops[index])
            index += 1
        return found

    def _unchanged(
        self, start: int, end: int, first: int, last: int, j_first: int, j_last: int
    ) -> Placement:
        old, new = self.alignment.old, self.alignment.new
        # A passage may begin or end inside a word ("12,000" of "12,000-strong").
        new_start = new[j_first].start + max(0, start - old[first].start)
        new_end = new[j_last].end - max(0, old[last].end - end)
        new_end = max(new_start, new_end)
        return Placement(
            "unchanged", new_start, new_end, self.alignment.new_text[new_start:new_end]
        )

    def _changed(self, ops: list[Opcode], first: int, stop: int) -> Placement:
        spans = []
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                low, high = max(i1, first), min(i2, stop)
                spans.append((j1 + low - i1, j1 + high - i1))
            elif j1 < j2:  # replaced or added words
                spans.append((j1, j2))
        new = self.alignment.new
        if not spans:
            position = self._new_position_of_op(ops[0])
            return Placement("gone", position, position, "")
        j_first, j_end = min(s for s, _ in spans), max(e for _, e in spans)
        start, end = new[j_first].start, new[j_end - 1].end
        return Placement("changed", start, end, self.alignment.new_text[start:end])

    def _moved(self, first: int, stop: int) -> int | None:
        """Where the passage's words stand together among the added words of the new text,
        with enough context to be the same passage; None if nowhere."""
        wanted = self._old_keys[first:stop]
        keys = self._new_keys
        best, best_score = None, -1
        for j in self._added_at.get(wanted[0], ()):
            if keys[j : j + len(wanted)] != wanted:
                continue
            if not all(k in self._added for k in range(j, j + len(wanted))):
                continue
            score = self._context_score(first, stop, j)
            if score > best_score:
                best, best_score = j, score
        if best is None:
            return None
        sure = len(wanted) >= _SURE_WORDS or best_score >= _SURE_CONTEXT
        if not sure and len(wanted) >= _SURE_UNIQUE_WORDS:
            sure = _count(keys, wanted) == 1 and _count(self._old_keys, wanted) == 1
        return best if sure else None

    def _context_score(self, first: int, stop: int, j: int) -> int:
        old_keys = self._old_keys
        keys = self._new_keys
        score = 0
        for k in range(1, _CONTEXT_WORDS + 1):  # words just before, nearest first
            if first - k < 0 or j - k < 0 or old_keys[first - k] != keys[j - k]:
                break
            score += 1
        width = stop - first
        for k in range(_CONTEXT_WORDS):  # words just after
            a, b = stop + k, j + width + k
            if a >= len(old_keys) or b >= len(keys) or old_keys[a] != keys[b]:
                break
            score += 1
        return score

    # ----- positions -------------------------------------------------------------------
    def _new_position(self, old_index: int) -> int:
        """Where the new text has the place of old word old_index (or its end)."""
        ops = self.alignment.opcodes
        index = max(0, bisect.bisect_right(self._op_starts, old_index) - 1)
        return self._new_position_of_op(ops[index], old_index)

    def _new_position_of_op(self, op: Opcode, old_index: int | None = None) -> int:
        tag, i1, _, j1, j2 = op
        new = self.alignment.new
        j = j1 + (old_index - i1) if tag == "equal" and old_index is not None else j1
        j = min(j, j2) if tag == "equal" else j1
        return new[j].start if j < len(new) else len(self.alignment.new_text)


def _count(keys: list[str], wanted: list[str]) -> int:
    """How many times the words wanted stand together in keys (at most 2 counted)."""
    count = 0
    for j, key in enumerate(keys):
        if key == wanted[0] and keys[j : j + len(wanted)] == wanted:
            count += 1
            if count > 1:
                break
    return count
