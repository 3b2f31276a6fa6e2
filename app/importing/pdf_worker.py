"""Child process for app.importing.pdf: prints {"pages", "title", "author", "created"} or
{"error"}.

Usage: python -m app.importing.pdf_worker PATH MAX_PAGES MEMORY_LIMIT_BYTES
"""

from __future__ import annotations

import json
import logging
import sys


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows; the parent's time limit still applies
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


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


def _details(reader: object) -> dict[str, str]:
    return {
        "title": _metadata(reader, "title") or _xmp(reader, "dc_title"),
        "author": _metadata(reader, "author") or _xmp(reader, "dc_creator"),
        "created": _metadata(reader, "creation_date_raw") or _xmp(reader, "xmp_create_date"),
    }


def read(path: str, max_pages: int) -> dict[str, object]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            return {
                "error": "is protected by a password; open it in a PDF reader and save an "
                "unprotected copy."
            }
        if len(reader.pages) > max_pages:
            return {"error": f"has {len(reader.pages)} pages; at most {max_pages} can be read."}
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        return {"error": "is protected by a password."}
    except DependencyError:
        return {"error": "is encrypted in a way this installation cannot read."}
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
    ) as error:
        return {"error": f"is damaged and could not be read ({type(error).__name__})."}
    except MemoryError:
        return {"error": "needs more memory than a PDF article should, and was abandoned."}
    return {"pages": pages, **_details(reader)}


def main() -> None:
    path, max_pages, memory_limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    logging.disable(logging.CRITICAL)  # pypdf warns on stderr about every quirk
    _limit_memory(memory_limit)
    try:
        reply = read(path, max_pages)
    except Exception as error:  # a last guard: the parent must always get JSON
        reply = {"error": f"could not be read ({type(error).__name__})."}
    sys.stdout.write(json.dumps(reply))


if __name__ == "__main__":
    main()
