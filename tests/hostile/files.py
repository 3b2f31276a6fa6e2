"""Byte builders for the hostile corpus: minimal .docx and PDF files written by hand, and
zip patches (encrypted or Deflate64 members) that no library would write on purpose.

Hand-made files keep the generator fast and independent of the code under test: a corpus
built with the app's own writers could not contain what those writers refuse to make.
"""

from __future__ import annotations

import io
import struct
import zipfile
from importlib.resources import files
from xml.sax.saxutils import escape

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def core_xml(title: str = "Hostile report", creator: str = "A. Writer") -> bytes:
    """docProps/core.xml with a title and an author."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(creator)}</dc:creator>"
        "</cp:coreProperties>"
    ).encode()


def document_xml(paragraphs: list[str], *, doctype: str = "") -> bytes:
    """word/document.xml with one w:p per paragraph (text escaped, no formatting)."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    ).encode("utf-8", "surrogatepass")


def docx_bytes(
    paragraphs: list[str] | None = None,
    *,
    document: bytes | None = None,
    core: bytes | None = None,
    extra: dict[str, bytes] | None = None,
    method: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A minimal Word file: content types, relationships, document and core properties."""
    members = {
        "[Content_Types].xml": _CONTENT_TYPES.encode(),
        "_rels/.rels": _RELS.encode(),
        "word/document.xml": document or document_xml(paragraphs or []),
        "docProps/core.xml": core if core is not None else core_xml(),
        **(extra or {}),
    }
    return zip_bytes(members, method=method)


def zip_bytes(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def patch_member(data: bytes, member: str, *, flags: int = 0, method: int | None = None) -> bytes:
    """data (a zip) with member's general-purpose flags or compression method rewritten in
    both its local header and the central directory, as a damaged or exotic writer would."""
    out = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    _patch_header(out, info.header_offset, flags_at=6, method_at=8, flags=flags, method=method)
    central = _central_entry(out, member)
    _patch_header(out, central, flags_at=8, method_at=10, flags=flags, method=method)
    return bytes(out)


def _patch_header(
    out: bytearray, at: int, *, flags_at: int, method_at: int, flags: int, method: int | None
) -> None:
    old_flags = struct.unpack_from("<H", out, at + flags_at)[0]
    struct.pack_into("<H", out, at + flags_at, old_flags | flags)
    if method is not None:
        struct.pack_into("<H", out, at + method_at, method)


def _central_entry(out: bytearray, member: str) -> int:
    """Offset of member's central directory record."""
    at = out.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", out, at + 28)[0]
        if bytes(out[at + 46 : at + 46 + name_length]) == member.encode():
            return at
        at = out.find(b"PK\x01\x02", at + 4)
    raise KeyError(member)


def reference_docx() -> bytes:
    """The app's own reference .docx, the base of hostile template looks."""
    return files("resources").joinpath("reference.docx").read_bytes()


def rewrite_members(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """A copy of zip data with some members replaced (bytes) or dropped (None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {
        name: changes.get(name, source.read(name))
        for name in source.namelist()
        if not (name in changes and changes[name] is None)
    }
    return zip_bytes({k: v for k, v in members.items() if v is not None})


# ----- PDF ---------------------------------------------------------------------------------
def pdf_bytes(streams: list[bytes], *, title: str = "Hostile PDF") -> bytes:
    """A PDF with one page per content stream, Helvetica as F1, and a correct xref table."""
    pages = len(streams)
    kids = " ".join(f"{4 + 2 * n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for n, stream in enumerate(streams):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents " + f"{5 + 2 * n} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    objects.append(f"<< /Title ({title}) >>".encode())
    return _assemble(objects, info=len(objects))


def _assemble(objects: list[bytes], *, info: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def text_stream(lines: list[str]) -> bytes:
    """A content stream that writes lines down a page, one Tj each."""
    ops = [b"BT /F1 11 Tf 72 800 Td 14 TL"]
    for line in lines:
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + safe.encode("latin-1", "replace") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)
