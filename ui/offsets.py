"""Python string offsets <-> Qt text positions.

Qt counts UTF-16 code units, Python counts code points: every character outside the Basic
Multilingual Plane (emoji, some CJK) shifts Qt's positions by one more.
"""

from __future__ import annotations

from bisect import bisect_left


class OffsetMap:
    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, index: int) -> int:
        """Qt position of the Python index."""
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
