"""File-name checks the subcommands share."""

from __future__ import annotations

from pathlib import Path


def same_file(first: Path, second: Path) -> bool:
    """True when both names lead to one file (an output that would overwrite its input)."""
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False
