"""Bytes of a text file -> str, in this order: a byte-order mark; clean UTF-8; UTF-16
without a byte-order mark (any script); UTF-8 holding NULs or controls; a web page's declared
charset; UTF-8 with a few stray bytes; a guess among legacy encodings.

A few invalid bytes in a file that is otherwise UTF-8 (a page cut and pasted together, one
byte of a character lost) must not make it a legacy code page: one stray byte would turn
every accented letter and curly quote of the article into mojibake ("£" into "ВЈ"). Such a
file is read as UTF-8 with the stray bytes replaced, and the import says how many were.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

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
# Above the ratio above, text is still text when controls are under half of it and the
# rest reads as prose (colour codes in a log); those controls are removed at import.
_MAX_SPRINKLED_RATIO = 0.5
_MIN_SPRINKLED_SCORE = 0.95  # random printable ASCII scores 0.9 (a tenth are symbols)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# A page's own charset declaration: <meta charset="..."> or
# <meta http-equiv="Content-Type" content="text/html; charset=...">, in its first bytes.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I
)
_DECLARATION_WINDOW = 4096
# At most this many broken bytes per valid non-ASCII character for a file to count as UTF-8
# with stray bytes; legacy text (cp1252, cp1251) breaks nearly every non-ASCII byte.
_MAX_STRAY_PER_VALID = 1.0
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")
# UTF-16 without a byte-order mark: judged on this many bytes of the start.
_SAMPLE_BYTES = 16_384
_UTF16 = ("utf-16-le", "utf-16-be")
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_MAX_UTF16_ASCII_SHARE = 0.9  # UTF-16 of Latin text is half NULs; of others, fewer still
_PROSE_CATEGORIES = frozenset("LMNPZ")  # letters, marks, digits, punctuation, spaces
_MIN_TEXT_SCORE = 0.95
_MAX_SCRIPTS = 3  # Japanese mixes kanji, hiragana and katakana; most texts one or two
_MIN_MAIN_SCRIPT_SHARE = 0.9
_MIN_DISTINCT_CHARACTERS = 8  # "Hello world" has 8; any article far more
_UNICODE_NAMES = {
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
    "utf-8-sig": "UTF-8",
}
_MAX_REPLACED_SHARE = 0.01  # of all characters, when decoding as a declared charset


def decode_text(
    data: bytes,
    *,
    name: str,
    encoding: str | None = None,
    markup: bool = False,
    warnings: list[str] | None = None,
) -> tuple[str, str]:
    """Decode data and return (text, encoding used); encoding overrides the guess. With
    markup, a charset the page declares is honoured after the byte-order mark. Bytes that
    had to be replaced are reported, in words, by appending to warnings."""
    found: list[str] = [] if warnings is None else warnings
    if encoding:
        return _decode_as(data, encoding, name=name), encoding
    marked = _bom_encoding(data)
    if marked is not None:
        return _decode_marked(data, marked, name=name, warnings=found), marked
    if b"\x00" not in data and (clean := _clean_utf8(data)) is not None:
        return clean, "utf-8"  # the common case, decided without any guessing
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return _decode_marked(data, utf16, name=name, warnings=found), utf16
    if _utf8_or_none(data):  # UTF-8 with NULs or controls: _decode_as judges it
        return _decode_as(data, "utf-8", name=name), "utf-8"
    if markup:
        declared = declared_charset(data)
        if declared and (text := _tolerant(data, declared)) is not None:
            return _checked(text, name=name), declared
    repaired = _repaired_utf8(data)
    if repaired is not None:
        text, replaced = repaired
        found.append(_replaced_warning(name, replaced))
        return _checked(text, name=name), "utf-8"
    chosen = _guess_legacy(data, name=name)
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


def _repaired_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bytes replaced) when data is UTF-8 with a few stray bytes; None when it is
    not UTF-8 at all.

    Legacy text (cp1252, cp1251) read as UTF-8 breaks at nearly every non-ASCII byte and
    almost never forms a valid multi-byte character; UTF-8 with stray bytes has more valid
    non-ASCII characters than broken bytes. Each run of broken bytes becomes one U+FFFD.
    """
    escaped = data.decode("utf-8", errors="surrogateescape")  # one U+DCxx per bad byte
    runs = _ESCAPED_BYTES.findall(escaped)
    broken = sum(len(run) for run in runs)
    non_ascii = len(escaped) - len(escaped.encode("ascii", errors="ignore"))
    valid = non_ascii - broken
    if broken == 0 or valid <= 0 or broken > _MAX_STRAY_PER_VALID * valid:
        return None
    return _ESCAPED_BYTES.sub("\ufffd", escaped), broken


def _replaced_warning(name: str, replaced: int) -> str:
    were = "byte was" if replaced == 1 else "bytes were"
    return (
        f"{name}: {replaced:,} {were} not valid UTF-8 and replaced with \ufffd; the rest of "
        "the text was read as UTF-8."
    )


def _clean_utf8(data: bytes) -> str | None:
    """data as UTF-8 when it is valid and reads as text (not controls: UTF-16 of some
    scripts is valid ASCII full of control bytes)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return (
        text if control_character_ratio(text) <= _MAX_CONTROL_RATIO else None
    )  # else judged later


def _checked(text: str, *, name: str) -> str:
    if looks_binary(text):
        raise ImportFailure(
            f"{name} is not a text file (it contains binary data). If it is "
            "text, choose its encoding."
        )
    return text


def looks_binary(text: str) -> bool:
    """True when text is decoded binary data rather than text with stray controls.

    A few controls are common (a form feed, an escape); text can also be sprinkled with
    many (a terminal log's colour codes), and import removes them. It is binary when
    controls are most of it, or when what is left without them does not read as prose.
    """
    ratio = control_character_ratio(text)
    if ratio <= _MAX_CONTROL_RATIO:
        return False
    if ratio > _MAX_SPRINKLED_RATIO:
        return True
    rest = _CONTROLS.sub("", text[: 4 * _SAMPLE_BYTES])
    return _text_score(rest) < _MIN_SPRINKLED_SCORE


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


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when data reads as UTF-16 text of any script without a
    byte-order mark; None otherwise.

    Judged on a sample: a strict decoding (an unpaired surrogate, certain in random bytes,
    rules a reading out) must give nearly only letters, marks, digits, punctuation and
    spaces, the letters of a few scripts. Bytes that are nearly all printable ASCII are
    8-bit text: read as UTF-16 they would look like Chinese ("Bush hid the facts").
    """
    sample = data[:_SAMPLE_BYTES]
    if len(sample) < 4 or _printable_ascii_share(sample) >= _MAX_UTF16_ASCII_SHARE:
        return None
    readings = [(_utf16_sample(sample, codec), codec) for codec in _UTF16]
    plausible = [(text, codec) for text, codec in readings if _text_score(text) >= _MIN_TEXT_SCORE]
    if not plausible:
        return None
    # Both byte orders can pass (Latin read the wrong way round is all CJK ideographs and
    # spaces): the right one keeps its characters in far fewer blocks of 256.
    text, codec = min(plausible, key=lambda reading: len({ord(ch) >> 8 for ch in reading[0]}))
    # Without a single NUL there is no space, line break or digit in it: only CJK text can
    # be like that, and so can GBK or Shift-JIS bytes, whose pairs also read as ideographs.
    # A legacy reading that looks at least as much like text wins.
    if b"\x00" not in sample and _legacy_reads_as_well(sample, _text_score(text)):
        return None
    return codec


def _legacy_reads_as_well(sample: bytes, score: float) -> bool:
    for encoding in _LEGACY_CANDIDATES:
        try:  # incremental, so that a character cut at the sample's end is no failure
            reading = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if _text_score(reading) >= score:
            return True
    return False


def _utf16_sample(sample: bytes, codec: str) -> str:
    """sample strictly decoded; '' when it is not UTF-16 (a cut pair at its end is fine)."""
    even = sample[: len(sample) - len(sample) % 2]
    try:
        return even.decode(codec)
    except UnicodeDecodeError as error:
        if error.start < len(even) - 2:
            return ""
        return even[: error.start].decode(codec, errors="replace")


def _text_score(text: str) -> float:
    """Share of text's characters that prose is made of, 0 when its letters are spread
    over more scripts than a text mixes (a misreading lands in many Unicode blocks)."""
    if len(set(text)) < _MIN_DISTINCT_CHARACTERS:
        return 0.0  # a handful of characters repeated: a pattern, not writing
    scripts: Counter[str] = Counter()
    prose = 0
    for ch in text:
        kind = unicodedata.category(ch)[0]
        if kind in _PROSE_CATEGORIES or ch in "\t\n\r":
            prose += 1
        if kind == "L":
            scripts[unicodedata.name(ch, "?").split(" ", 1)[0]] += 1
    letters = sum(scripts.values())
    main = sum(count for _, count in scripts.most_common(_MAX_SCRIPTS))
    if letters == 0 or main < _MIN_MAIN_SCRIPT_SHARE * letters:
        return 0.0
    return prose / len(text)


def _printable_ascii_share(sample: bytes) -> float:
    return 1 - len(sample.translate(None, _PRINTABLE_ASCII)) / len(sample)


def _decode_marked(data: bytes, encoding: str, *, name: str, warnings: list[str]) -> str:
    """data in a Unicode encoding known from its BOM or its shape; a last character cut in
    half or a stray unpaired surrogate is replaced with a warning, not a refusal."""
    try:
        return _decode_as(data, encoding, name=name)
    except ImportFailure:
        text = _tolerant(data, encoding)
        if text is None:
            raise
    replaced = text.count("\ufffd")
    what = "character was" if replaced == 1 else "characters were"
    unicode = _UNICODE_NAMES.get(encoding, encoding)
    warnings.append(
        f"{name}: {replaced:,} {what} not valid {unicode} (the file is cut short or damaged) "
        "and replaced with \ufffd; the rest of the text was read."
    )
    return _checked(text, name=name)


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
    return _checked(text, name=name)
