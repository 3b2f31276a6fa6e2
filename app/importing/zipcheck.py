"""Guards for zip containers (.docx) before any library decompresses them."""

from __future__ import annotations

import zipfile
from io import BytesIO

from app.importing.errors import ImportFailure

MAX_MEMBERS = 5_000
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # text XML rarely exceeds ~20:1; bombs reach thousands


def open_checked_zip(data: bytes, *, name: str, required: str) -> zipfile.ZipFile:
    """Open data as a zip, refusing damaged archives and decompression bombs.

    Python's zipfile stops reading a member at its declared size, so checking the
    declared sizes here bounds what any later reader can inflate.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportFailure(f"{name} is damaged or not a Word document.") from None
    if len(members) > MAX_MEMBERS or required not in archive.namelist():
        raise ImportFailure(f"{name} is not a Word document this app can read.")
    _refuse_bombs(members, name=name)
    return archive


def _refuse_bombs(members: list[zipfile.ZipInfo], *, name: str) -> None:
    total = sum(m.file_size for m in members)
    worst_ratio = max((m.file_size / max(m.compress_size, 1) for m in members), default=0)
    if total > MAX_UNCOMPRESSED_BYTES or worst_ratio > MAX_COMPRESSION_RATIO:
        raise ImportFailure(
            f"{name} was refused: it would expand to {total // (1024 * 1024)} MB, "
            "which looks like a decompression bomb rather than an article."
        )
