"""A cue list scanned over a sentence, gated by a cheap search for its key words first.

Most sentences hold none of a list's key words, so one search for them skips the full cue
patterns there; the scan uses the text's lower-case copy when it keeps every offset."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property

Rejected = Callable[[str, re.Match[str], int], bool]  # (text, cue, start): a false reading


class CueList:
    def __init__(self, pattern: str, keys: Iterable[str], rejected: Rejected) -> None:
        """The cue pattern for a lower-case copy of the text (twice as fast as a case-blind
        scan), gated by one alternation of its key words."""
        self._pattern = pattern
        self.gate = re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))
        self.cues = re.compile(pattern)
        self.rejected = rejected

    @cached_property
    def cues_any_case(self) -> re.Pattern[str]:
        """The same cues, case-blind, for text without a lower-case copy: compiled on first
        use, since the window's start-up would otherwise pay for a pattern it rarely needs."""
        return re.compile(self._pattern, re.IGNORECASE)

    def first(
        self, text: str, start: int, end: int, lowered: str | None = None
    ) -> re.Match[str] | None:
        """The first cue in text[start:end] that is not rejected; lowered is text.lower()
        when that keeps every offset (see spans.lower_case_copy), or None."""
        if lowered is None:
            scanned, cues = text, self.cues_any_case
            if not self.gate.search(text[start:end].lower()):
                return None
        else:
            scanned, cues = lowered, self.cues
            if not self.gate.search(lowered, start, end):
                return None
        for cue in cues.finditer(scanned, start, end):
            if not self.rejected(text, cue, start):
                return cue
        return None
