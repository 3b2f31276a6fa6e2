"""Bytes of a text file -> str: BOMs first, then UTF-8, then a guess for legacy encodings."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from app.importing.errors import ImportFailure
from app.importing.normalise import control_character_ratio

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROL_RATIO = 0.05  # stray controls happen; binary data is far above this


def decode_text(data: bytes, *, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode data and return (text, encoding used); encoding overrides the guess."""
    if encoding:
        return _decode_as(data, encoding, name=name), encoding
    chosen = _bom_encoding(data) or _utf8_or_none(data) or _guess_legacy(data, name=name)
    return _decode_as(data, chosen, name=name), chosen


def _bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def _utf8_or_none(data: bytes) -> str | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def _guess_legacy(data: bytes, *, name: str) -> str:
    if b"\x00" in data:
        raise ImportFailure(f"{name} is not a text file (it contains binary data).")
    best = from_bytes(data, cp_isolation=None).best()
    if best is None:
        raise ImportFailure(f"{name} is not a text file: no known text encoding fits its bytes.")
    return _prefer_windows_1252(data, best.encoding)


def _prefer_windows_1252(data: bytes, guessed: str) -> str:
    # Short Western texts are often guessed as a sibling code page (latin-1, cp1250, ...);
    # news files in the wild are far more often Windows-1252, so take it when it decodes
    # cleanly and the guess is a single-byte Latin code page.
    latin_family = {"latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1257", "mac_roman"}
    if guessed in latin_family:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return guessed
    return guessed


def _decode_as(data: bytes, encoding: str, *, name: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ImportFailure(f"'{encoding}' is not a text encoding this app knows.") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFailure(
            f"{name} cannot be read as {encoding} (byte {error.start} does not fit). "
            "Choose another encoding."
        ) from None
    if control_character_ratio(text) > _MAX_CONTROL_RATIO:
        raise ImportFailure(f"{name} is not a text file (it contains binary data).")
    return text
