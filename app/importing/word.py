"""Word (.docx) articles: text through mammoth; title, author and date from the core
properties (raw here: app.importing.metadata decides which of them can be trusted)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from io import BytesIO
from xml.etree import ElementTree

import mammoth

from app.importing.errors import ImportFailure
from app.importing.zipcheck import open_checked_zip

_CORE_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
}
_MAX_CORE_XML_BYTES = 1024 * 1024  # core.xml is a few hundred bytes; more is not metadata


@dataclass(frozen=True)
class WordText:
    text: str
    title: str = ""
    author: str = ""
    created: str = ""  # as written in the file, e.g. "2024-10-17T09:00:00Z"


def read_docx(data: bytes, *, name: str) -> WordText:
    """Plain text (paragraphs separated by blank lines) and core properties of a .docx."""
    archive = open_checked_zip(data, name=name, required="word/document.xml")
    try:
        text = mammoth.extract_raw_text(BytesIO(data)).value
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, ElementTree.ParseError):
        raise ImportFailure(f"{name} is damaged: its text could not be read.") from None
    except Exception:  # mammoth surfaces XML errors (and entity-bomb refusals) of many kinds
        raise ImportFailure(
            f"{name} is damaged or built to overload a reader: its text could not be read."
        ) from None
    title, author, created = _core_properties(archive)
    return WordText(text=text, title=title, author=author, created=created)


def _core_properties(archive: zipfile.ZipFile) -> tuple[str, str, str]:
    """(title, creator, created) of docProps/core.xml; empty strings when unreadable."""
    try:
        info = archive.getinfo("docProps/core.xml")
        if info.file_size > _MAX_CORE_XML_BYTES:
            return "", "", ""
        root = ElementTree.fromstring(archive.read(info))
    except Exception:  # missing, damaged, or an XML bomb: the text is still worth having
        return "", "", ""
    title = root.findtext("dc:title", default="", namespaces=_CORE_NS) or ""
    author = root.findtext("dc:creator", default="", namespaces=_CORE_NS) or ""
    created = root.findtext("dcterms:created", default="", namespaces=_CORE_NS) or ""
    return title.strip(), author.strip(), created.strip()
