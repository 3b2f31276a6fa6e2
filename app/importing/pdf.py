"""PDF articles: the text layer, read by pypdf in a child process bounded in time and memory.

A hostile or broken PDF can make any parser loop or inflate streams without end; running
pypdf in a separate process lets the app kill it and give a clear message instead, and
lets Cancel in the window kill it at once.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.child_process import Cancelled, run_child
from app.importing.errors import ImportFailure

TIME_LIMIT_SECONDS = 60
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
MAX_PAGES = 3_000


@dataclass(frozen=True)
class PdfText:
    pages: tuple[str, ...]
    title: str = ""
    author: str = ""
    created: str = ""  # as the file writes it, e.g. "D:20241017090000Z"


def read_pdf(path: Path, *, name: str, time_limit: float = TIME_LIMIT_SECONDS) -> PdfText:
    """Text of every page, read in a child process that is killed past its limits, or
    when the work is cancelled (see app.child_process)."""
    try:
        done = run_child(_worker_command(path), timeout=time_limit)
    except subprocess.TimeoutExpired:
        raise ImportFailure(
            f"{name} took longer than {time_limit:g} seconds to read and was abandoned."
        ) from None
    except Cancelled:
        raise ImportFailure(f"Reading {name} was cancelled.") from None
    return _parse_reply(done, name=name)


def _worker_command(path: Path) -> list[str]:
    # -I: isolated mode, so modules lying in the current folder (a planted pypdf.py) and
    # PYTHON* variables can never be picked up by the child.
    return [
        sys.executable,
        "-I",
        "-m",
        "app.importing.pdf_worker",
        str(path),
        str(MAX_PAGES),
        str(MEMORY_LIMIT_BYTES),
    ]


def _parse_reply(done: subprocess.CompletedProcess[bytes], *, name: str) -> PdfText:
    try:
        reply = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ImportFailure(
            f"{name} could not be read: the PDF reader stopped (it may be damaged, or need "
            "more memory than a PDF article should)."
        ) from None
    if "error" in reply:
        raise ImportFailure(f"{name} {reply['error']}")
    return PdfText(
        pages=tuple(reply["pages"]),
        title=_string(reply.get("title")),
        author=_string(reply.get("author")),
        created=_string(reply.get("created")),
    )


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""
