"""Word (.docx) articles: text read from the document's XML; title, author and date from the
core properties (raw here: app.importing.metadata decides which of them can be trusted).

Paragraphs are separated by blank lines. Inside a paragraph, a soft line break (Shift+Enter)
becomes a space, so the words on either side stay apart; each table row becomes one line
with its cells separated by " | "; footnotes and endnotes are kept as "[1]" markers where
they are referenced and as "[1] text" lines under a "Notes" line at the end. Deleted
revisions and field codes are left out; inserted revisions are kept.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from app.importing.errors import ImportFailure
from app.importing.zipcheck import MEMBER_ERRORS, DamagedMember, open_checked_zip, read_member

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
_PARSE_ERRORS: tuple[type[BaseException], ...] = (*MEMBER_ERRORS, RecursionError, MemoryError)
_FORBIDDEN_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORBIDDEN_REFERENCE = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")


@dataclass(frozen=True)
class WordText:
    text: str
    title: str = ""
    author: str = ""
    created: str = ""  # as written in the file, e.g. "2024-10-17T09:00:00Z"
    warnings: tuple[str, ...] = ()  # for the user: parts left out (damaged notes)


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
    """Plain text (paragraphs separated by blank lines) and core properties of a .docx.

    A damaged main text refuses the file with a sentence; damaged notes are left out with a
    warning and damaged properties are ignored, so the article is kept.
    """
    archive = open_checked_zip(data, name=name, required="word/document.xml")
    try:
        body = _parse(archive, "word/document.xml")
    except DamagedMember as damage:
        raise ImportFailure(
            f"{name} is damaged: its main text cannot be read ({damage.reason})."
        ) from None
    warnings: list[str] = []
    notes = _Notes(texts=_note_texts(archive, name=name, warnings=warnings))
    try:
        blocks = _blocks(body, notes)
    except (RecursionError, MemoryError):
        raise ImportFailure(
            f"{name} is damaged or built to overload a reader: its text is nested too "
            "deeply to be read."
        ) from None
    if notes.numbered:
        blocks.append(_NOTES_HEADING)
        blocks.extend(f"[{number}] {text}" for number, text in notes.numbered)
    title, author, created = _core_properties(archive)
    text = "\n\n".join(block for block in blocks if block.strip())
    return WordText(
        text=text, title=title, author=author, created=created, warnings=tuple(warnings)
    )


def _parse(
    archive: zipfile.ZipFile, member: str, *, limit: int | None = None
) -> ElementTree.Element:
    """The parsed XML of member; DamagedMember for anything that stops it being read."""
    data = read_member(archive, member, limit=limit)
    # Word never writes a document type; one here can only declare entities (a bomb).
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise DamagedMember(
            member,
            "it declares XML entities, which Word never writes and which can overload a reader",
        )
    try:
        try:
            return ElementTree.fromstring(data)
        except ElementTree.ParseError:
            # Control characters XML forbids, written by a careless tool: the text survives.
            return ElementTree.fromstring(_without_forbidden_characters(data))
    except ElementTree.ParseError:
        raise DamagedMember(member, "its XML is broken or cut short") from None
    except _PARSE_ERRORS:
        raise DamagedMember(member, "its XML cannot be read") from None


def _without_forbidden_characters(data: bytes) -> bytes:
    """data without the C0 controls and character references XML 1.0 forbids. Removing
    bytes below 0x20 is safe in UTF-8, where they never occur inside a character."""
    return _FORBIDDEN_REFERENCE.sub(_allowed_reference, _FORBIDDEN_BYTES.sub(b"", data))


def _allowed_reference(match: re.Match[bytes]) -> bytes:
    digits = match.group(1)
    try:
        code = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    except ValueError:
        return b""
    allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
    return match.group() if allowed or 0x10000 <= code <= 0x10FFFF else b""


def _note_texts(
    archive: zipfile.ZipFile, *, name: str, warnings: list[str]
) -> dict[tuple[str, str], str]:
    """Note texts by (kind, id); a damaged notes part is left out with a warning, since the
    article itself is still worth having."""
    texts: dict[tuple[str, str], str] = {}
    names = set(archive.namelist())
    for member, kind in _NOTE_PARTS:
        if member not in names:
            continue
        try:
            texts.update(_notes_of(_parse(archive, member), kind))
        except DamagedMember as damage:
            warnings.append(_notes_lost(name, kind, damage.reason))
        except (RecursionError, MemoryError):
            warnings.append(_notes_lost(name, kind, "they are nested too deeply"))
    return texts


def _notes_of(root: ElementTree.Element, kind: str) -> dict[tuple[str, str], str]:
    texts: dict[tuple[str, str], str] = {}
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


def _notes_lost(name: str, kind: str, reason: str) -> str:
    return (
        f"{name}: its {kind}s could not be read ({reason}), so they are left out; "
        "the rest of the article was imported."
    )


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
    """(title, creator, created) of docProps/core.xml; empty strings when it is missing or
    damaged: the text is still worth having without them."""
    if "docProps/core.xml" not in archive.namelist():
        return "", "", ""
    try:
        root = _parse(archive, "docProps/core.xml", limit=_MAX_CORE_XML_BYTES)
    except DamagedMember:
        return "", "", ""
    title = root.findtext("dc:title", default="", namespaces=_CORE_NS) or ""
    author = root.findtext("dc:creator", default="", namespaces=_CORE_NS) or ""
    created = root.findtext("dcterms:created", default="", namespaces=_CORE_NS) or ""
    return title.strip(), author.strip(), created.strip()
