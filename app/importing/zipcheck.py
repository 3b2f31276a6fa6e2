"""Guards for zip containers (.docx) before any library decompresses them, and the one place
where a member is read: everything zipfile, zlib and the XML parser can raise on a hostile
member becomes a DamagedMember that says, in words, what is wrong with it."""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from xml.etree import ElementTree

from app.importing.errors import ImportFailure

MAX_MEMBERS = 5_000
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # text XML rarely exceeds ~20:1; bombs reach thousands
# Below this expanded size a high ratio is harmless (a repeated sentence, a blank image
# compresses 1,000:1): only a member that would really take memory is refused by ratio.
MIN_RATIO_CHECK_BYTES = 20 * 1024 * 1024
_ENCRYPTED_FLAG = 0x1
_READABLE_METHODS = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
_MB = 1024 * 1024

# What reading or parsing one member can raise: encryption (RuntimeError), unknown
# compression (NotImplementedError), damaged data (BadZipFile, zlib.error, EOFError,
# OSError), bad headers or names (ValueError, KeyError, UnicodeDecodeError), broken XML.
MEMBER_ERRORS: tuple[type[BaseException], ...] = (
    RuntimeError,
    NotImplementedError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    UnicodeDecodeError,
    ElementTree.ParseError,
    LookupError,
)


class DamagedMember(Exception):
    """A member of a zip that cannot be read; reason is a phrase such as 'it is encrypted'."""

    def __init__(self, member: str, reason: str) -> None:
        super().__init__(member, reason)
        self.member = member
        self.reason = reason


def open_checked_zip(data: bytes, *, name: str, required: str) -> zipfile.ZipFile:
    """Open data as a zip, refusing damaged archives and decompression bombs.

    Python's zipfile stops reading a member at its declared size, so checking the
    declared sizes here bounds what any later reader can inflate.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = archive.infolist()
        names = archive.namelist()
    except MEMBER_ERRORS:
        raise ImportFailure(
            f"{name} is damaged or not a Word document: it cannot be opened as one."
        ) from None
    if len(members) > MAX_MEMBERS:
        raise ImportFailure(
            f"{name} was refused: it holds {len(members):,} parts (the limit is "
            f"{MAX_MEMBERS:,}), which no article needs."
        )
    if required not in names:
        raise ImportFailure(
            f"{name} is not a Word document this app can read: it has no main text part."
        )
    _refuse_bombs(members, name=name)
    return archive


def read_member(archive: zipfile.ZipFile, member: str, *, limit: int | None = None) -> bytes:
    """The bytes of member, or DamagedMember saying why they cannot be had; limit refuses
    a member declared larger (an optional part that should be small)."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise DamagedMember(member, "it is missing") from None
    if info.flag_bits & _ENCRYPTED_FLAG:
        raise DamagedMember(member, "it is encrypted")
    if info.compress_type not in _READABLE_METHODS:
        raise DamagedMember(member, "it is compressed in a way this app cannot read")
    if limit is not None and info.file_size > limit:
        raise DamagedMember(member, "it is far larger than such a part can be")
    try:
        return archive.read(info)
    except (RuntimeError, NotImplementedError):
        raise DamagedMember(
            member, "it is encrypted or compressed in a way this app cannot read"
        ) from None
    except MEMBER_ERRORS:
        raise DamagedMember(member, "its data is damaged or cut short") from None


def _refuse_bombs(members: list[zipfile.ZipInfo], *, name: str) -> None:
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportFailure(
            f"{name} was refused: it would expand to {_size(total)} (the limit is "
            f"{MAX_UNCOMPRESSED_BYTES // _MB} MB), which looks like a decompression bomb "
            "rather than an article."
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MIN_RATIO_CHECK_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise ImportFailure(
                f"{name} was refused: one of its parts would expand from "
                f"{_size(member.compress_size)} to {_size(member.file_size)} "
                f"({ratio:,.0f} times its size), which looks like a decompression bomb "
                "rather than an article."
            )


def _size(size: int) -> str:
    """A size for people: megabytes with one decimal, kilobytes below a tenth of one."""
    if size < _MB // 10:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / _MB:,.1f} MB"
