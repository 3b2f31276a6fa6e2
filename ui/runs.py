"""Row arithmetic shared by the Qt item models."""

from __future__ import annotations


def runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive numbers grouped, so a model removes them in few steps:
    [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    found: list[tuple[int, int]] = []
    for row in rows:
        if found and found[-1][1] == row - 1:
            found[-1] = (found[-1][0], row)
        else:
            found.append((row, row))
    return found
