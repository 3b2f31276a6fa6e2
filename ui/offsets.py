"""Python string offsets <-> Qt text positions.

Qt counts UTF-16 code units, Python counts code points: every character outside the Basic
Multilingual Plane (emoji, some CJK) shifts Qt's positions by one more.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    def __init__(self, text: str) -> None:
        self._length = len(text)
        # A regular expression scans in C: a 300,000-character article costs ~1 ms, not ~70.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def clamp(self, index: int) -> int:
        """index moved into the text (0 to its length): an item's saved offsets may lie
        past the end of a changed article, or beyond what Qt's int can hold."""
        return min(max(index, 0), self._length)

    def to_qt(self, index: int) -> int:
        """Qt position of the Python index, clamped into the text first."""
        index = self.clamp(index)
        return index + bisect_left(self._astral, index) if self._astral else index

    def to_python(self, position: int) -> int:
        """Python index of the Qt position (a position inside a surrogate pair rounds down)."""
        index = position
        for astral in self._astral:
            if astral < index:
                index -= 1
            else:
                break
        return index
