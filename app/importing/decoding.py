"""Bytes of a text file -> str: BOMs first, then UTF-8 (or a web page's declared charset),
then a guess for legacy encodings.

A few invalid bytes in a file that is otherwise UTF-8 (a page cut and pasted together, one
byte of a character lost) must not make it a legacy code page: one stray byte would turn
every accented letter and curly quote of the article into mojibake. Such a file is read as
UTF-8 with the stray bytes replaced.
"""

from __future__ import annotations

import codecs
import re

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
# A page's own charset declaration: <meta charset="..."> or
# <meta http-equiv="Content-Type" content="text/html; charset=...">, in its first bytes.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I
)
_DECLARATION_WINDOW = 4096
# At most this share of a file's non-ASCII sequences may be broken for it to count as UTF-8
# with stray bytes; legacy text (cp1252, cp1251) breaks nearly every one of them.
_MAX_STRAY_SHARE = 0.1
_MAX_REPLACED_SHARE = 0.01  # of all characters, when decoding as a declared charset


def decode_text(
    data: bytes, *, name: str, encoding: str | None = None, markup: bool = False
) -> tuple[str, str]:
    """Decode data and return (text, encoding used); encoding overrides the guess. With
    markup, a charset the page declares is honoured after the byte-order mark."""
    if encoding:
        return _decode_as(data, encoding, name=name), encoding
    chosen = _bom_encoding(data)
    if chosen is None and b"\x00" in data:
        chosen = _utf16_without_bom(data)  # NULs are valid UTF-8 but never text
    if chosen is None and (strict := _utf8_or_none(data)):
        return _decode_as(data, strict, name=name), strict
    if chosen is None and markup:
        declared = declared_charset(data)
        if declared and (text := _tolerant(data, declared)) is not None:
            return _checked(text, name=name), declared
    if chosen is None and _mostly_utf8(data):
        return _checked(data.decode("utf-8", errors="replace"), name=name), "utf-8"
    chosen = chosen or _guess_legacy(data, name=name)
    return _decode_as(data, chosen, name=name), chosen


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, when Python knows it."""
    match = _DECLARED_CHARSET.search(data[:_DECLARATION_WINDOW])
    if match is None:
        return None
    try:
        info = codecs.lookup(match.group(1).decode("ascii").lower())
    except LookupError:
        return None
    if (
        not info._is_text_encoding
        or "escape" in info.name
        or "16" in info.name
        or "32" in info.name
    ):
        return None  # a page that really is UTF-16 has a BOM; a declaration alone lies
    # Browsers read latin-1 and ascii declarations as Windows-1252 (the WHATWG rule).
    return "cp1252" if info.name in ("latin-1", "iso8859-1", "ascii") else info.name


def _tolerant(data: bytes, encoding: str) -> str | None:
    """data as encoding, stray bytes replaced; None when far too many do not fit (the
    declaration is wrong)."""
    try:
        text = data.decode(encoding, errors="replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None
    if text.count("\ufffd") > _MAX_REPLACED_SHARE * max(len(text), 1) + 3:
        return None
    return text


def _mostly_utf8(data: bytes) -> bool:
    """True when nearly every non-ASCII sequence of data is well-formed UTF-8."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return broken > 0 and broken <= _MAX_STRAY_SHARE * non_ascii


def _checked(text: str, *, name: str) -> str:
    if control_character_ratio(text) > _MAX_CONTROL_RATIO:
        raise ImportFailure(
            f"{name} is not a text file (it contains binary data). If it is "
            "text, choose its encoding."
        )
    return text


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
