"""PDF articles: the text layer, read by pypdf in a child process bounded in time and memory.

A hostile or broken PDF can make any parser loop or inflate streams without end; running
pypdf in a separate process lets the app kill it and give a clear message instead, and
lets Cancel in the window kill it at once.

Inside the child, opening the file, each page and all pages together have their own time
budgets (see app.importing.pdf_worker): a page that takes too long is left out, the rest
is kept, and PdfText.warnings names the pages left out. The child is killed outright only
past TIME_LIMIT_SECONDS, which the budgets stay well inside.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.child_process import Cancelled, run_child
from app.importing import pdf_worker
from app.importing.errors import ImportFailure

TIME_LIMIT_SECONDS = 20
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
MAX_PAGES = 3_000


@dataclass(frozen=True)
class PdfText:
    pages: tuple[str, ...]
    title: str = ""
    author: str = ""
    created: str = ""  # as the file writes it, e.g. "D:20241017090000Z"
    # 1-based numbers of the pages left out (too slow, not reached in time, or damaged):
    # their text is "" in pages, and they are not pages without a text layer.
    left_out: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()  # sentences for the person importing


@dataclass(frozen=True)
class Budgets:
    """Seconds the child may spend opening the file, on one page, and on all pages."""

    open: float = pdf_worker.OPEN_SECONDS
    page: float = pdf_worker.PAGE_SECONDS
    read: float = pdf_worker.READ_SECONDS


def read_pdf(
    path: Path,
    *,
    name: str,
    time_limit: float = TIME_LIMIT_SECONDS,
    budgets: Budgets = Budgets(),
) -> PdfText:
    """Text of every page, read in a child process that is killed past its limits, or
    when the work is cancelled (see app.child_process)."""
    try:
        done = run_child(_worker_command(path, budgets), timeout=time_limit)
    except subprocess.TimeoutExpired:
        raise ImportFailure(
            f"{name} took longer than {time_limit:g} seconds to read and was abandoned."
        ) from None
    except Cancelled:
        raise ImportFailure(f"Reading {name} was cancelled.") from None
    return _parse_reply(done, name=name, page_seconds=budgets.page)


def _worker_command(path: Path, budgets: Budgets) -> list[str]:
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
        str(budgets.open),
        str(budgets.page),
        str(budgets.read),
    ]


def _parse_reply(
    done: subprocess.CompletedProcess[bytes], *, name: str, page_seconds: float
) -> PdfText:
    try:
        reply = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ImportFailure(
            f"{name} could not be read: the PDF reader stopped (it may be damaged, or need "
            "more memory than a PDF article should)."
        ) from None
    if "error" in reply:
        raise ImportFailure(f"{name} {reply['error']}")
    pages = tuple(_string(page) for page in reply["pages"])
    left_out = _LeftOut(
        slow=_numbers(reply.get("slow")),
        unread=_numbers(reply.get("unread")),
        damaged=_numbers(reply.get("damaged")),
        page_seconds=page_seconds,
    )
    warnings: tuple[str, ...] = ()
    if left_out.any():
        if all(len(page.strip()) < _SOME_TEXT for page in pages):
            raise ImportFailure(
                f"{name} could not be read: {left_out.reasons()}, and no other page holds text."
            )
        warnings = (f"{name}: {left_out.reasons()}. The text of the other pages was kept.",)
    return PdfText(
        pages=pages,
        title=_string(reply.get("title")),
        author=_string(reply.get("author")),
        created=_string(reply.get("created")),
        left_out=left_out.numbers(),
        warnings=warnings,
    )


_SOME_TEXT = 20  # characters: less than this on a page is no text layer to speak of
_MAX_RUNS_NAMED = 8  # more scattered pages than this are counted, not listed


@dataclass(frozen=True)
class _LeftOut:
    slow: tuple[int, ...]
    unread: tuple[int, ...]
    damaged: tuple[int, ...]
    page_seconds: float

    def any(self) -> bool:
        return bool(self.slow or self.unread or self.damaged)

    def numbers(self) -> tuple[int, ...]:
        return tuple(sorted({*self.slow, *self.unread, *self.damaged}))

    def reasons(self) -> str:
        """Why pages were left out, as clauses joined into one sentence."""
        clauses = []
        if self.slow:
            clauses.append(
                f"{_pages_phrase(self.slow)} took more than {self.page_seconds:g} seconds "
                "to read (an unusually large number of text or drawing instructions) and "
                f"{_was(self.slow)} left out"
            )
        if self.unread:
            clauses.append(
                f"{_pages_phrase(self.unread)} {_was(self.unread)} not read, because "
                "reading the file had already taken too long"
            )
        if self.damaged:
            clauses.append(
                f"{_pages_phrase(self.damaged)} {_was(self.damaged, 'is', 'are')} damaged "
                "and " + ("was" if len(self.damaged) == 1 else "were") + " left out"
            )
        return "; ".join(clauses)


def _was(numbers: tuple[int, ...], one: str = "was", many: str = "were") -> str:
    return one if len(numbers) == 1 else many


def _pages_phrase(numbers: tuple[int, ...]) -> str:
    """'page 3', 'pages 2, 5 and 9', 'pages 4–120' (runs of pages written as ranges)."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    if len(runs) > _MAX_RUNS_NAMED:
        return f"{len(numbers):,} pages between page {runs[0][0]:,} and page {runs[-1][-1]:,}"
    parts = [f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs]
    text = ", ".join(parts)
    if "," in text:
        head, _, last = text.rpartition(", ")
        text = f"{head} and {last}"
    return ("page " if len(numbers) == 1 else "pages ") + text


def _numbers(value: object) -> tuple[int, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(number for number in value if isinstance(number, int))


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""
