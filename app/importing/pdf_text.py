"""Rejoin the lines a PDF broke for layout, so sentences and quotes read as one run."""

from __future__ import annotations

import re

_ENDS_SENTENCE = re.compile(r"""[.!?:;"”’)\]]$""")
_STARTS_CONTINUATION = re.compile(r"^[a-z0-9(,;“\"'‘]")


def join_pdf_pages(pages: tuple[str, ...]) -> str:
    """Pages separated by blank lines, with wrapped lines inside each page joined."""
    return "\n\n".join(_join_wrapped_lines(page) for page in pages if page.strip())


def _join_wrapped_lines(page: str) -> str:
    lines = [line.strip() for line in page.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line:
            out.append("")
        elif out and out[-1] and _continues(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _continues(previous: str, line: str) -> bool:
    return not _ENDS_SENTENCE.search(previous) and bool(_STARTS_CONTINUATION.match(line))
