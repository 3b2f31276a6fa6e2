"""Turn a file or pasted text into a Source: normalised text, paragraphs, title, boilerplate."""

from __future__ import annotations

import errno
import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypedDict, Unpack

from app.importing.byline import details_from_text
from app.importing.decoding import decode_text
from app.importing.errors import ImportFailure
from app.importing.markdown import first_heading, markdown_to_text
from app.importing.metadata import (
    SourceDetails,
    clean_details,
    document_title,
)
from app.importing.normalise import normalise_text
from app.importing.structure import (
    find_boilerplate,
    find_paragraphs,
    guess_title,
    title_lines,
    web_article_body,
)
from app.models import Source

__all__ = ["SUPPORTED_SUFFIXES", "ImportFailure", "import_file", "import_text"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_TEXT_CHARS = 5_000_000  # about 2,000 pages of prose
# Opening a FIFO for reading waits for a writer; without waiting it opens at once (and the
# open file is then refused as not regular). O_BINARY matters on Windows only.
_NO_WAIT = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_MAX_SHOWN_CHARS = 120  # a longer path is shortened in messages
_BLANK_PAGE_CHARS = 20  # a PDF page with less text than this has no text layer to speak of


class SourceMetadata(TypedDict, total=False):
    """What a reader may know about an article besides its text, title and origin."""

    author: str
    outlet: str
    url: str
    published: date | None
    encoding: str | None
    retrieved: datetime | None  # when a page was fetched; a paste defaults to now
    # Word or PDF document properties: used only where neither the given details nor the
    # article's own byline and date line say otherwise (a file's author and creation date
    # are often the person and the day that saved it, not the article's).
    document_properties: SourceDetails


def import_text(
    text: str,
    *,
    title: str = "",
    origin: str = "pasted",
    warnings: list[str] | None = None,
    **metadata: Unpack[SourceMetadata],
) -> Source:
    """A Source from text already in memory (a paste, or a reader's output). Details not
    given are read from the article's byline and date line; all of them are cleaned.
    What the clean-up had to change (marks cut, lines grouped) is appended to warnings."""
    clean = normalise_text(text, warnings)
    if not any(ch.isalnum() for ch in clean):
        what = "The pasted text" if origin == "pasted" else origin
        raise ImportFailure(f"{what} is empty: there is no text to import.")
    if len(clean) > MAX_TEXT_CHARS:
        raise ImportFailure(
            f"{origin} is too long ({len(clean):,} characters; the limit is {MAX_TEXT_CHARS:,})."
        )
    boilerplate = find_boilerplate(clean)
    details = _details(clean, title, metadata)
    return Source(
        text=clean,
        title=details.title or guess_title(clean, boilerplate),
        outlet=details.outlet,
        author=details.author,
        url=details.url,
        published=details.published,
        origin=origin,
        encoding=metadata.get("encoding"),
        paragraphs=find_paragraphs(clean, warnings),
        boilerplate=boilerplate,
        retrieved=metadata.get("retrieved", datetime.now(UTC)),
    )


def _details(text: str, title: str, metadata: SourceMetadata) -> SourceDetails:
    """The given details, then the article's byline and date line, then the document's
    properties, each field taken from the first that has it."""
    given = SourceDetails(
        title=title,
        outlet=metadata.get("outlet", ""),
        author=metadata.get("author", ""),
        url=metadata.get("url", ""),
        published=metadata.get("published"),
    )
    properties = metadata.get("document_properties", SourceDetails())
    from_text = details_from_text(text)  # made of checked pieces: already clean
    return clean_details(given).or_else(from_text).or_else(clean_details(properties))


def import_file(
    path: str | Path, *, encoding: str | None = None, warnings: list[str] | None = None
) -> Source:
    """A Source from a .txt, .md, .html, .docx or .pdf file; ImportFailure says why not.
    What the user should know about an import that succeeded (an article much shorter
    than its file suggests, bytes that had to be replaced) is appended to warnings."""
    path = Path(path)
    source = _import_file(path, encoding, [] if warnings is None else warnings)
    # Where it was read from, so Check for Updates can read the same file again later.
    return source.model_copy(update={"file_path": str(path.absolute())})


def _import_file(path: Path, encoding: str | None, found: list[str]) -> Source:
    name = path.name
    suffix = path.suffix.lower()
    _check_path(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFailure(
            f"{_shown(name)}: "
            + (f"files of type '{_shown(suffix)}'" if suffix else "files without a type suffix")
            + " cannot be imported. "
            f"Supported: {', '.join(SUPPORTED_SUFFIXES)}."
        )
    data = _read_bytes(path)
    if not data.strip():
        raise ImportFailure(f"{name} is empty: there is nothing to import.")
    if suffix == ".pdf":
        return _from_pdf(path, found)
    if suffix == ".docx":
        return _from_docx(data, name, found)
    markup = suffix in (".html", ".htm")
    text, used = decode_text(data, name=name, encoding=encoding, markup=markup, warnings=found)
    if markup:
        return _from_html(text, name, used, found)
    if suffix in (".md", ".markdown"):
        _refuse_too_long(text, name)  # before the Markdown pass, which would read it all
        return import_text(
            markdown_to_text(text),
            title=first_heading(text),
            origin=name,
            encoding=used,
            retrieved=None,
            warnings=found,
        )
    return import_text(text, origin=name, encoding=used, retrieved=None, warnings=found)


def _refuse_too_long(text: str, name: str) -> None:
    # Mark-up takes room: a file twice the text limit cannot hold an article within it.
    if len(text) > 2 * MAX_TEXT_CHARS:
        raise ImportFailure(
            f"{name} is too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})."
        )


def _check_path(path: Path) -> None:
    """A sentence when path is missing, a folder, a device or a pipe (stat never blocks)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise ImportFailure(_unreadable(path, error)) from None
    except ValueError:  # a NUL in the name
        raise ImportFailure(f"{_shown(str(path))} is not a valid file name.") from None
    _check_regular(path, mode)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, bounded; a sentence for anything that is not a readable regular
    file. Opened without blocking and checked on the open descriptor, so a FIFO or a
    device put where a file was expected can neither hang the import nor be read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | _NO_WAIT)
    except OSError as error:
        raise ImportFailure(_unreadable(path, error)) from None
    except ValueError:  # a NUL in the name
        raise ImportFailure(f"{_shown(str(path))} is not a valid file name.") from None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            _check_regular(path, os.fstat(stream.fileno()).st_mode)
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise ImportFailure(
                    f"{path.name} is too large ({size // (1024 * 1024):,} MB; the limit is "
                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB)."
                )
            data = stream.read(MAX_FILE_BYTES + 1)  # bounded even if the size lied
    except OSError as error:
        raise ImportFailure(_unreadable(path, error)) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailure(
            f"{path.name} is too large (the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)."
        )
    return data


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ImportFailure(f"{_shown(str(path))} is a folder, not a file.")
    if not stat.S_ISREG(mode):
        raise ImportFailure(
            f"{path.name} is not a regular file (it is a device, pipe or socket), "
            "so it cannot be imported."
        )


def _unreadable(path: Path, error: OSError) -> str:
    """Why path cannot be opened or read, in words (never the exception's own text)."""
    shown = _shown(str(path))
    reasons = {
        errno.ENOENT: f"{shown} does not exist.",
        errno.ENOTDIR: f"{shown} does not exist: part of its folder path is a file.",
        errno.EISDIR: f"{shown} is a folder, not a file.",
        errno.EACCES: f"{shown} cannot be read: permission denied.",
        errno.EPERM: f"{shown} cannot be read: permission denied.",
        errno.ENAMETOOLONG: f"{shown} cannot be read: its name is longer than this system allows.",
        errno.ELOOP: f"{shown} cannot be read: it is a link that leads back to itself.",
        errno.EIO: f"{shown} cannot be read: the disk reported an input/output error.",
    }
    if error.errno in reasons:
        return reasons[error.errno]
    words = error.strerror or "the system refused to open it"
    return f"{shown} cannot be read: {words[:1].lower()}{words[1:]}."


def _shown(text: str) -> str:
    """text for a message, shortened when it is too long to read (a name over the limit)."""
    return (
        text if len(text) <= _MAX_SHOWN_CHARS else text[: _MAX_SHOWN_CHARS - 21] + "…" + text[-20:]
    )


def _from_html(markup: str, name: str, encoding: str, warnings: list[str]) -> Source:
    # Imported here: trafilatura and lxml take half a second to load, which plain-text
    # imports and the command line should not pay.
    from app.importing.html import read_html

    page = read_html(markup, name=name)
    if page.warning:
        warnings.append(page.warning)
    source = import_text(
        web_article_body(page.text, page.title),
        title=page.title,
        origin=name,
        encoding=encoding,
        author=page.author,
        outlet=page.outlet,
        url=page.url,
        published=page.published,
        retrieved=None,  # a saved page: when it was fetched is not known
        warnings=warnings,
    )
    # The headline printed again (a share block, a related list) is the title shown as
    # such: no proposals from it.
    repeats = [
        line
        for line in title_lines(source.text, source.title)
        if not source.is_boilerplate(line.start, line.end)
    ]
    if not repeats:
        return source
    marked = tuple(sorted((*source.boilerplate, *repeats), key=lambda r: r.start))
    return source.model_copy(update={"boilerplate": marked})


def _from_docx(data: bytes, name: str, warnings: list[str]) -> Source:
    from app.importing.word import read_docx  # see _from_html

    document = read_docx(data, name=name)
    warnings.extend(document.warnings)
    if not document.text.strip():
        raise ImportFailure(f"{name} holds no text.")
    return import_text(
        document.text,
        title=document_title(document.title, file_name=name),
        origin=name,
        retrieved=None,
        warnings=warnings,
        document_properties=_properties(document.author),
    )


def _from_pdf(path: Path, warnings: list[str]) -> Source:
    from app.importing.pdf import read_pdf  # see _from_html: the window starts without it
    from app.importing.pdf_text import join_pdf_pages, unreadable_reason

    document = read_pdf(path, name=path.name)
    warnings.extend(document.warnings)
    text = join_pdf_pages(document.pages)
    if not text.strip():
        raise ImportFailure(
            f"{path.name} has no text layer (it is probably a scan or images of pages). "
            "Run it through OCR first, or paste the text."
        )
    # Pages left out for taking too long are already named; they are not scans.
    read = [
        page for number, page in enumerate(document.pages, 1) if number not in document.left_out
    ]
    blank = sum(1 for page in read if len(page.strip()) < _BLANK_PAGE_CHARS)
    if blank and blank * 2 >= len(read):
        warnings.append(
            f"{path.name}: {blank} of its {len(read)} pages have no text layer "
            "(scanned pages or images), so their text is missing. Run the file through OCR "
            "to read them."
        )
    reason = unreadable_reason(text)
    if reason is not None:
        raise ImportFailure(
            f"{path.name} cannot be read: {reason}. Run it through OCR first, or copy the "
            "text from a PDF reader and paste it."
        )
    return import_text(
        text,
        title=document_title(document.title, file_name=path.name),
        origin=path.name,
        retrieved=None,
        document_properties=_properties(document.author),
        warnings=warnings,
    )


def _properties(author: str) -> SourceDetails:
    # A file's creation date is not used as the publication date: it is usually the day
    # someone saved or converted the file (a tool's default, or the analyst's download).
    return SourceDetails(author=author)
