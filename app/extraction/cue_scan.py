"""A cue list scanned over a sentence, gated by a cheap search for its key words first.

Most sentences hold none of a list's key words, so one search for them skips the full cue
patterns there; the scan uses the text's lower-case copy when it keeps every offset."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class CueList:
    gate: re.Pattern[str]  # the key words, lower case
    cues: re.Pattern[str]  # the cues, for the lower-case copy
    cues_any_case: re.Pattern[str]  # the same, case-blind, for the text itself
    rejected: Callable[[str, re.Match[str], int], bool]  # (text, cue, start): a false reading

    @classmethod
    def of(
        cls,
        pattern: str,
        keys: Iterable[str],
        rejected: Callable[[str, re.Match[str], int], bool],
    ) -> CueList:
        """The cue pattern compiled for both scans (the case-sensitive one over a lower-case
        copy is twice as fast as a case-blind one), gated by one alternation of its keys."""
        gate = "|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True))
        return cls(
            re.compile(gate), re.compile(pattern), re.compile(pattern, re.IGNORECASE), rejected
        )

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
