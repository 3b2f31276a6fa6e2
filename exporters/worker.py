"""Child process for exports from the window: a briefing's JSON in, the document's bytes out.

Usage: python -I -m exporters.worker FORMAT        (FORMAT: pdf or docx)
stdin:  the briefing as JSON (Briefing.model_dump_json).
stdout: one line of JSON, {"warnings": [...], "pages": {...}} or {"error": "a sentence for
        the user"}, then, after a warning line, the document's bytes. "pages" (for a PDF,
        or a Word export with a page budget) has the page "count", a "summary" for a status
        line, and the "warning" among the warnings when the export overruns its budget.
stderr: lines "progress DONE TOTAL" as the work goes on (TOTAL 0: not known yet).

The writers are pure Python and hold the interpreter lock for seconds on a long briefing,
so the window runs them here: its event loop stays free, and Cancel kills this process.
Nothing here writes a file; the window writes the bytes atomically once the user chose.
"""

from __future__ import annotations

import json
import sys
import traceback
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

FORMATS = ("pdf", "docx")
BUG_MESSAGE = (
    "The export failed because of an error inside Briefing Builder. "
    "The details are in the log file."
)


class _ProgressLines:
    """Writes progress to stderr, at most once per percent, so the pipe never floods."""

    def __init__(self) -> None:
        self._shown = (-1, -1)

    def __call__(self, done: int, total: int) -> None:
        percent = (100 * done // total, total) if total > 0 else (-1, 0)
        if percent != self._shown:
            self._shown = percent
            sys.stderr.write(f"progress {done} {total}\n")
            sys.stderr.flush()


def run(output_format: str, payload: bytes) -> tuple[dict[str, object], bytes]:
    """The reply line and the document's bytes (none when the reply is an error)."""
    from pydantic import ValidationError

    from app.models import Briefing
    from exporters.common import ExportError

    if output_format not in FORMATS:
        return {"error": f"Unknown export format '{output_format}' (use docx or pdf)."}, b""
    try:
        briefing = Briefing.model_validate_json(payload)
        from exporters.export import render_document

        rendered = render_document(briefing, output_format, progress=_ProgressLines())
    except ExportError as error:
        return {"error": str(error)}, b""
    except ValidationError:
        return {
            "error": "The briefing did not reach the exporter intact; nothing was "
            "written. Try again."
        }, b""
    except (MemoryError, RecursionError):
        return {
            "error": "The briefing is too large to export with the memory available; "
            "nothing was written."
        }, b""
    reply: dict[str, object] = {"warnings": rendered.warnings}
    if rendered.pages is not None:
        pages = rendered.pages
        reply["pages"] = {
            "count": pages.pages,
            "summary": pages.summary(),
            "warning": pages.warning(),
        }
    return reply, rendered.data


def main() -> None:
    output_format = sys.argv[1] if len(sys.argv) > 1 else ""
    payload = sys.stdin.buffer.read()
    try:
        reply, data = run(output_format, payload)
    except Exception:  # a last guard: the window must always get a reply it can read
        traceback.print_exc()  # the window copies stderr into its log
        reply, data = {"error": BUG_MESSAGE}, b""
    out = sys.stdout.buffer
    out.write(json.dumps(reply).encode("utf-8") + b"\n")
    out.write(data)
    out.flush()


if __name__ == "__main__":
    main()
