"""Word (.docx) articles: text read from the document's XML; title, author and date from the
core properties (raw here: app.importing.metadata decides which of them can be trusted).

Paragraphs are separated by blank lines. Inside a paragraph, a soft line break (Shift+Enter)
becomes a space, so the words on either side stay apart; each table row becomes one line
with its cells separated by " | "; footnotes and endnotes are kept as "[1]" markers where
they are referenced and as "[1] text" lines under a "Notes" line at the end. Deleted
revisions and field codes are left out; inserted revisions are kept.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from app.importing.errors import ImportFailure
from app.importing.zipcheck import open_checked_zip

_CORE_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
}
_MAX_CORE_XML_BYTES = 1024 * 1024  # core.xml is a few hundred bytes; more is not metadata
_NOTE_PARTS = (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote"))
# Containers whose children are read as if they stood in their place.
_TRANSPARENT = frozenset(
    {
        "hyperlink",
        "ins",
        "moveTo",
        "smartTag",
        "customXml",
        "fldSimple",
        "sdt",
        "sdtContent",
        "r",
        "Choice",
        "bdo",
        "dir",
    }
)
# Parts never read as text: deletions, field codes, properties, the note's own number.
_SKIPPED = frozenset(
    {
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "pPr",
        "rPr",
        "tblPr",
        "trPr",
        "tcPr",
        "sectPr",
        "Fallback",
        "footnoteRef",
        "endnoteRef",
        "separator",
        "continuationSeparator",
    }
)
_NOTES_HEADING = "Notes"


@dataclass(frozen=True)
class WordText:
    text: str
    title: str = ""
    author: str = ""
    created: str = ""  # as written in the file, e.g. "2024-10-17T09:00:00Z"


@dataclass
class _Notes:
    """Footnote and endnote texts by (kind, id), and the numbers given to them in the
    order the document refers to them."""

    texts: dict[tuple[str, str], str]
    numbered: list[tuple[int, str]] = field(default_factory=list)
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)

    def marker(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self.texts:
            return ""
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
            self.numbered.append((self.numbers[key], self.texts[key]))
        return f"[{self.numbers[key]}]"


def read_docx(data: bytes, *, name: str) -> WordText:
    """Plain text (paragraphs separated by blank lines) and core properties of a .docx."""
    archive = open_checked_zip(data, name=name, required="word/document.xml")
    try:
        body = _parse(archive, "word/document.xml")
        notes = _Notes(texts=_note_texts(archive))
        blocks = _blocks(body, notes)
    except ImportFailure:
        raise ImportFailure(
            f"{name} is damaged or built to overload a reader: its text could not be read."
        ) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, ElementTree.ParseError):
        raise ImportFailure(f"{name} is damaged: its text could not be read.") from None
    except (RecursionError, MemoryError):
        raise ImportFailure(
            f"{name} is damaged or built to overload a reader: its text could not be read."
        ) from None
    if notes.numbered:
        blocks.append(_NOTES_HEADING)
        blocks.extend(f"[{number}] {text}" for number, text in notes.numbered)
    title, author, created = _core_properties(archive)
    text = "\n\n".join(block for block in blocks if block.strip())
    return WordText(text=text, title=title, author=author, created=created)


def _parse(archive: zipfile.ZipFile, member: str) -> ElementTree.Element:
    data = archive.read(member)
    # Word never writes a document type; one here can only declare entities (a bomb).
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise ImportFailure(member)
    return ElementTree.fromstring(data)


def _note_texts(archive: zipfile.ZipFile) -> dict[tuple[str, str], str]:
    texts: dict[tuple[str, str], str] = {}
    names = set(archive.namelist())
    for member, kind in _NOTE_PARTS:
        if member not in names:
            continue
        root = _parse(archive, member)
        for note in root:
            if _local(note.tag) != kind or _attribute(note, "type") in (
                "separator",
                "continuationSeparator",
                "continuationNotice",
            ):
                continue
            text = " ".join(" ".join(_blocks(note, None)).split())
            if text:
                texts[(kind, _attribute(note, "id"))] = text
    return texts


def _blocks(container: ElementTree.Element, notes: _Notes | None) -> list[str]:
    """Paragraphs and table rows of a body, cell or note, in order."""
    out: list[str] = []
    for child in container:
        tag = _local(child.tag)
        if tag == "p":
            extra: list[str] = []
            out.append(_paragraph(child, notes, extra))
            out.extend(extra)
        elif tag == "tbl":
            out.append("\n".join(row for row in _rows(child, notes) if row.strip()))
        elif tag in _TRANSPARENT or tag == "body":
            out.extend(_blocks(child, notes))
    return out


def _rows(table: ElementTree.Element, notes: _Notes | None) -> list[str]:
    rows: list[str] = []
    for row in table:
        tag = _local(row.tag)
        if tag in _TRANSPARENT:  # rows wrapped in a content control
            rows.extend(_rows(row, notes))
            continue
        if tag != "tr":
            continue
        cells = [" ".join(" ".join(_blocks(cell, notes)).split()) for cell in _cells(row)]
        rows.append(" | ".join(cells))
    return rows


def _cells(row: ElementTree.Element) -> list[ElementTree.Element]:
    found: list[ElementTree.Element] = []
    for cell in row:
        tag = _local(cell.tag)
        if tag == "tc":
            found.append(cell)
        elif tag in _TRANSPARENT:
            found.extend(_cells(cell))
    return found


def _paragraph(paragraph: ElementTree.Element, notes: _Notes | None, extra: list[str]) -> str:
    parts: list[str] = []
    _runs(paragraph, notes, parts, extra)
    return "".join(parts).strip()


def _runs(
    element: ElementTree.Element, notes: _Notes | None, parts: list[str], extra: list[str]
) -> None:
    for child in element:
        tag = _local(child.tag)
        if tag in _SKIPPED:
            continue
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "tab":
            parts.append("\t")
        elif tag in ("br", "cr"):
            parts.append(" ")  # a soft line break: the words on either side stay apart
        elif tag == "noBreakHyphen":
            parts.append("-")
        elif tag in ("footnoteReference", "endnoteReference"):
            if notes is not None:
                parts.append(notes.marker(tag.removesuffix("Reference"), _attribute(child, "id")))
        elif tag == "txbxContent":  # a text box: its paragraphs follow this one
            extra.extend(_blocks(child, notes))
        elif tag == "AlternateContent":
            first = next(iter(child), None)
            if first is not None:
                _runs(first, notes, parts, extra)
        else:
            _runs(child, notes, parts, extra)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attribute(element: ElementTree.Element, name: str) -> str:
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return ""


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
