"""How the subcommands write to standard output."""

from __future__ import annotations

import sys


def write_utf8() -> None:
    """Article text is Unicode; a C or Latin-1 locale must not turn it into an exception."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
