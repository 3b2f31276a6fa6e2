"""Bytes of a text file -> str: BOMs first, then UTF-8, then a guess for legacy encodings."""

from __future__ import annotations

import codecs

from app.importing.errors import ImportFailure
from app.importing.normalise import control_character_ratio

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings worth guessing for news text; an open guess lets short files come out as exotic
# code pages (cp1006, cp932) that happen to decode them.
_LEGACY_CANDIDATES = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "iso8859_5",
    "cp1253",
    "iso8859_7",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "mac_roman",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
)
_MAX_CONTROL_RATIO = 0.05  # stray controls happen; binary data is far above this


def decode_text(data: bytes, *, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode data and return (text, encoding used); encoding overrides the guess."""
    if encoding:
        return _decode_as(data, encoding, name=name), encoding
    chosen = _bom_encoding(data)
    if chosen is None and b"\x00" in data:
        chosen = _utf16_without_bom(data)  # NULs are valid UTF-8 but never text
    chosen = chosen or _utf8_or_none(data) or _guess_legacy(data, name=name)
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
    # Imported here: charset_normalizer takes ~15 ms to load, and UTF-8 text never needs it.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY_CANDIDATES)).best()
    if best is None:
        raise ImportFailure(f"{name} is not a text file: no known text encoding fits its bytes.")
    return _prefer_windows_1252(data, best.encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    # UTF-16 text without a BOM has a NUL in every other byte for Latin script.
    even, odd = data[0::2], data[1::2]
    if len(data) >= 4 and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if len(data) >= 4 and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


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
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    # Only real text encodings: not rot13, hex, zlib, and not escape-processing codecs.
    if (
        info is None
        or not info._is_text_encoding
        or "escape" in info.name
        or (info.name == "undefined")
    ):
        raise ImportFailure(f"'{encoding}' is not a text encoding this app knows.")
    try:
        text = data.decode(info.name)
    except UnicodeDecodeError as error:
        raise ImportFailure(
            f"{name} cannot be read as {encoding} (byte {error.start} does not fit). "
            "Choose another encoding."
        ) from None
    except (UnicodeError, ValueError, TypeError):
        raise ImportFailure(f"{name} cannot be read as {encoding}.") from None
    if control_character_ratio(text) > _MAX_CONTROL_RATIO:
        raise ImportFailure(
            f"{name} is not a text file (it contains binary data). If it is "
            "text, choose its encoding."
        )
    return text
