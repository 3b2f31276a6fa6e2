"""Word (.docx) articles: text through mammoth, title and author from the core properties."""

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
}


@dataclass(frozen=True)
class WordText:
    text: str
    title: str = ""
    author: str = ""


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
    title, author = _core_properties(archive)
    return WordText(text=text, title=title, author=author)


def _core_properties(archive: zipfile.ZipFile) -> tuple[str, str]:
    try:
        root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError):
        return "", ""
    title = root.findtext("dc:title", default="", namespaces=_CORE_NS)
    author = root.findtext("dc:creator", default="", namespaces=_CORE_NS)
    return title.strip(), author.strip()
