"""Child process for app.importing.pdf: prints {"pages", "title", "author", "created",
"slow", "unread", "damaged"} or {"error"}.

Usage: python -m app.importing.pdf_worker PATH MAX_PAGES MEMORY_LIMIT_BYTES
       [OPEN_SECONDS PAGE_SECONDS READ_SECONDS]

pypdf reads a page's text operator by operator in Python, so a page of 300,000 text
operators took 39 seconds. Each step here has a time budget: opening the file, each page,
and all pages together. A page past its budget is left out and named ("slow"); pages not
reached once the whole budget is spent are named too ("unread"); a page pypdf cannot parse
is named ("damaged"). The text of every other page is kept.
"""

from __future__ import annotations

import _thread
import json
import logging
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

OPEN_SECONDS = 4.0
PAGE_SECONDS = 4.0
READ_SECONDS = 8.0  # all pages together
DETAILS_SECONDS = 2.0  # title, author and date
# With the interpreter's start, at most about 15 seconds: inside the parent's limit.


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows; the parent's time limit still applies
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class OutOfTime(BaseException):
    """The step running in the main thread used up its time. A BaseException, so that
    pypdf's own `except Exception` clauses cannot swallow it."""


class Deadline:
    """Interrupts the main thread when a step runs past its time.

    A timer thread calls _thread.interrupt_main, which runs our SIGINT handler in the main
    thread between two Python instructions (on every platform: no real signal is sent).
    The handler raises only while a step is armed, so a timer that fires just as its step
    ends does nothing. pypdf is pure Python, so it is interrupted promptly."""

    def __init__(self) -> None:
        self._armed = False
        self._previous = signal.signal(signal.SIGINT, self._on_interrupt)

    def close(self) -> None:
        signal.signal(signal.SIGINT, self._previous)

    def _on_interrupt(self, _signal: int, _frame: FrameType | None) -> None:
        if self._armed:
            self._armed = False
            raise OutOfTime

    @contextmanager
    def limit(self, seconds: float) -> Iterator[None]:
        timer = threading.Timer(max(seconds, 0.0), _thread.interrupt_main)
        timer.daemon = True
        self._armed = True
        timer.start()
        try:
            yield
        finally:
            self._armed = False
            timer.cancel()


_MAX_FIELD_CHARS = 2_000  # longer metadata is not a title or a name; the parent drops it


def _metadata(reader: object, field: str) -> str:
    """A document information field ('title', 'author', 'creation_date_raw'), as text."""
    try:
        value = getattr(reader.metadata, field, None)  # type: ignore[attr-defined]
    except Exception:
        return ""
    return str(value)[:_MAX_FIELD_CHARS].strip() if value else ""


def _xmp(reader: object, field: str) -> str:
    """An XMP field ('dc_title', 'dc_creator', 'xmp_create_date'), for PDFs whose document
    information dictionary is empty."""
    try:
        value = getattr(reader.xmp_metadata, field, None)  # type: ignore[attr-defined]
        if isinstance(value, dict):  # dc:title is a language alternative
            value = value.get("x-default") or next(iter(value.values()), "")
        if isinstance(value, list):  # dc:creator is a sequence
            value = "; ".join(str(v) for v in value[:10])
        if value is not None and hasattr(value, "isoformat"):
            value = value.isoformat()
    except Exception:
        return ""
    return str(value)[:_MAX_FIELD_CHARS].strip() if value else ""


def _details(reader: object, deadline: Deadline, seconds: float) -> dict[str, str]:
    try:
        with deadline.limit(seconds):  # XMP metadata is XML: it can be slow too
            return {
                "title": _metadata(reader, "title") or _xmp(reader, "dc_title"),
                "author": _metadata(reader, "author") or _xmp(reader, "dc_creator"),
                "created": _metadata(reader, "creation_date_raw")
                or _xmp(reader, "xmp_create_date"),
            }
    except OutOfTime:
        return {}


# What pypdf raises on a damaged file or page (besides its own PdfReadError).
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError)
_DAMAGED = (
    "is damaged and could not be read: its structure is broken or incomplete. If a PDF "
    "reader can open it, print or export it to a new PDF and import that."
)


def read(
    path: str,
    max_pages: int,
    *,
    open_seconds: float = OPEN_SECONDS,
    page_seconds: float = PAGE_SECONDS,
    read_seconds: float = READ_SECONDS,
) -> dict[str, object]:
    deadline = Deadline()
    try:
        return _read(path, max_pages, deadline, open_seconds, page_seconds, read_seconds)
    finally:
        deadline.close()


def _read(
    path: str,
    max_pages: int,
    deadline: Deadline,
    open_seconds: float,
    page_seconds: float,
    read_seconds: float,
) -> dict[str, object]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        with deadline.limit(open_seconds):
            reader = PdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):
                return {
                    "error": "is protected by a password; open it in a PDF reader and save "
                    "an unprotected copy."
                }
            count = len(reader.pages)
        if count > max_pages:
            return {"error": f"has {count:,} pages; at most {max_pages:,} can be read."}
        reply = _pages(reader, count, deadline, page_seconds, read_seconds)
    except OutOfTime:
        return {
            "error": f"could not be opened within {open_seconds:g} seconds: it is damaged or "
            "built in a way that takes too long to read."
        }
    except FileNotDecryptedError:
        return {"error": "is protected by a password."}
    except DependencyError:
        return {"error": "is encrypted in a way this installation cannot read."}
    except (PdfReadError, *_DAMAGE):
        return {"error": _DAMAGED}
    except MemoryError:
        return {"error": "needs more memory than a PDF article should, and was abandoned."}
    return {**reply, **_details(reader, deadline, DETAILS_SECONDS)}


def _pages(
    reader: object, count: int, deadline: Deadline, page_seconds: float, read_seconds: float
) -> dict[str, object]:
    """The text of each page, "" for the pages left out, and which were left out and why."""
    from pypdf.errors import PdfReadError

    pages: list[str] = []
    slow: list[int] = []
    unread: list[int] = []
    damaged: list[int] = []
    ends = time.monotonic() + read_seconds
    for index in range(count):
        left = ends - time.monotonic()
        if left <= 0:
            unread.append(index + 1)
            pages.append("")
            continue
        try:
            with deadline.limit(min(page_seconds, left)):
                text = reader.pages[index].extract_text() or ""  # type: ignore[attr-defined]
        except OutOfTime:
            (slow if left > page_seconds else unread).append(index + 1)
            text = ""
        except (PdfReadError, *_DAMAGE):
            damaged.append(index + 1)
            text = ""
        pages.append(text)
    return {"pages": pages, "slow": slow, "unread": unread, "damaged": damaged}


def main() -> None:
    path, max_pages, memory_limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    seconds = [float(value) for value in sys.argv[4:7]]
    budgets = dict(zip(("open_seconds", "page_seconds", "read_seconds"), seconds, strict=False))
    logging.disable(logging.CRITICAL)  # pypdf warns on stderr about every quirk
    _limit_memory(memory_limit)
    try:
        reply = read(path, max_pages, **budgets)
    except (Exception, OutOfTime):  # a last guard: the parent must always get JSON
        reply = {"error": "could not be read: the PDF reader stopped on something in it."}
    sys.stdout.write(json.dumps(reply))


if __name__ == "__main__":
    main()
