"""The saved pages a benchmark is run on."""

from __future__ import annotations

from pathlib import Path


def saved_pages(arguments: list[str]) -> list[Path]:
    """The .html pages in each folder given (in name order), and each page given itself."""
    return [
        page
        for argument in arguments
        for page in (
            sorted(Path(argument).glob("*.htm*")) if Path(argument).is_dir() else [Path(argument)]
        )
    ]
