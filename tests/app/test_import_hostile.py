"""Hostile inputs through import_file (issue 16): damaged zip members, bombs and near-bombs,
stray bytes, UTF-16 without a byte-order mark, empty/truncated/binary files of every type and
paths that are not files. Every refusal must be a sentence without library internals."""

from __future__ import annotations

import io
import os
import re
import struct
import threading
import zipfile
import zlib
from pathlib import Path

import pytest

from app.importing import ImportFailure, import_file
from app.importing.decoding import decode_text

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = [
    "Talks collapse in Geneva",
    "The foreign minister, Maria Lopez, said on Tuesday that the talks have failed.",
    "Officials estimate that 45 million pounds was spent on the summit.",
]
# What a user must never read: class names, tracebacks, parser positions, errno numbers.
INTERNALS = re.compile(
    r"Traceback|\b[A-Z][a-zA-Z]+(Error|Exception)\b|Errno|errno|codec can't|object at 0x"
    r"|line \d+ column \d+|\(char \d+\)|compression method|password required"
)


# ----- writing hostile files with the standard library ----------------------------------------
def document_xml(paragraphs: list[str], *, note: bool = False) -> bytes:
    runs = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    if note:
        runs += '<w:p><w:r><w:t>Noted.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    body = f'<w:document xmlns:w="{_W}"><w:body>{runs}</w:body></w:document>'
    return ('<?xml version="1.0"?>' + body).encode()


CORE = (
    b'<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
    b'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    b"<dc:title>Geneva talks</dc:title><dc:creator>A. Writer</dc:creator></cp:coreProperties>"
)
FOOTNOTES = (
    f'<?xml version="1.0"?><w:footnotes xmlns:w="{_W}"><w:footnote w:id="1"><w:p><w:r>'
    "<w:t>Source: the ministry.</w:t></w:r></w:p></w:footnote></w:footnotes>"
).encode()


def docx_bytes(members: dict[str, bytes] | None = None, *, note: bool = False) -> bytes:
    parts = {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": document_xml(BODY, note=note),
        "docProps/core.xml": CORE,
        "word/footnotes.xml": FOOTNOTES,
        **(members or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def patch_member(data: bytes, member: str, *, flags: int = 0, method: int | None = None) -> bytes:
    """data with member's local and central headers marked encrypted (flags=1) or given
    another compression method (9 = Deflate64), as a hostile or exotic tool would write."""
    out = bytearray(data)
    target = member.encode()
    for signature, name_at, length_at, flag_at in (
        (b"PK\x03\x04", 30, 26, 6),
        (b"PK\x01\x02", 46, 28, 8),
    ):
        start = out.find(signature)
        while start != -1:
            (length,) = struct.unpack_from("<H", out, start + length_at)
            if bytes(out[start + name_at : start + name_at + length]) == target:
                out[start + flag_at] |= flags
                if method is not None:
                    struct.pack_into("<H", out, start + flag_at + 2, method)
            start = out.find(signature, start + 4)
    return bytes(out)


def corrupt_member(data: bytes, member: str) -> bytes:
    """data with member's compressed bytes overwritten (a CRC or inflate failure)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    out = bytearray(data)
    (name_length, extra_length) = struct.unpack_from("<HH", out, info.header_offset + 26)
    begin = info.header_offset + 30 + name_length + extra_length
    for at in range(begin, begin + min(info.compress_size, 40)):
        out[at] ^= 0x5A
    return bytes(out)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def refusal(path: Path, **options: object) -> str:
    with pytest.raises(ImportFailure) as caught:
        import_file(path, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert INTERNALS.search(message) is None, message
    assert message.endswith("."), message
    return message


# ----- zip members ------------------------------------------------------------------------------
DAMAGES = {
    "encrypted": lambda data, member: patch_member(data, member, flags=1),
    "deflate64": lambda data, member: patch_member(data, member, method=9),
    "unknown-method": lambda data, member: patch_member(data, member, method=99),
    "corrupt": corrupt_member,
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_core_properties_are_skipped_and_the_article_kept(
    tmp_path: Path, damage: str
) -> None:
    data = DAMAGES[damage](docx_bytes(), "docProps/core.xml")
    warnings: list[str] = []
    source = import_file(write(tmp_path / "report.docx", data), warnings=warnings)
    assert "Maria Lopez" in source.text
    assert source.title != "Geneva talks"  # the properties were not read
    assert source.author != "A. Writer"


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_footnotes_are_left_out_with_a_warning(tmp_path: Path, damage: str) -> None:
    data = DAMAGES[damage](docx_bytes(note=True), "word/footnotes.xml")
    warnings: list[str] = []
    source = import_file(write(tmp_path / "report.docx", data), warnings=warnings)
    assert "Maria Lopez" in source.text and "Noted." in source.text
    assert "the ministry" not in source.text
    assert len(warnings) == 1
    assert warnings[0].startswith("report.docx: its footnotes could not be read")
    assert INTERNALS.search(warnings[0]) is None


def test_good_footnotes_are_still_read(tmp_path: Path) -> None:
    warnings: list[str] = []
    source = import_file(write(tmp_path / "report.docx", docx_bytes(note=True)), warnings=warnings)
    assert "[1] Source: the ministry." in source.text
    assert source.title == "Geneva talks"
    assert warnings == []


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("encrypted", "(it is encrypted)"),
        ("deflate64", "(it is compressed in a way this app cannot read)"),
        ("unknown-method", "(it is compressed in a way this app cannot read)"),
        ("corrupt", "(its data is damaged or cut short)"),
    ],
)
def test_damaged_main_text_is_refused_with_a_sentence(
    tmp_path: Path, damage: str, reason: str
) -> None:
    data = DAMAGES[damage](docx_bytes(), "word/document.xml")
    message = refusal(write(tmp_path / "report.docx", data))
    assert message == f"report.docx is damaged: its main text cannot be read {reason}."


def test_main_text_with_broken_xml_is_refused(tmp_path: Path) -> None:
    data = docx_bytes({"word/document.xml": document_xml(BODY)[:-40]})
    message = refusal(write(tmp_path / "cut.docx", data))
    assert "its main text cannot be read (its XML is broken or cut short)" in message


def test_controls_xml_forbids_are_dropped_not_fatal(tmp_path: Path) -> None:
    document = document_xml([BODY[1].replace(" ", " \x0b"), "\x1b[31m red &#x1; &#xDC80; ok"])
    source = import_file(write(tmp_path / "c.docx", docx_bytes({"word/document.xml": document})))
    assert "Maria Lopez" in source.text.replace(" ", " ")
    assert "red" in source.text and source.text.endswith("ok")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", source.text)


def test_repetitive_member_of_a_megabyte_is_not_a_bomb(tmp_path: Path) -> None:
    long = document_xml([*BODY, "The same sentence again. " * 40_000])
    assert len(long) > 1_000_000 and len(zlib.compress(long)) * 200 < len(long)
    source = import_file(write(tmp_path / "long.docx", docx_bytes({"word/document.xml": long})))
    assert "Maria Lopez" in source.text


def test_bomb_refusal_says_what_triggered_it(tmp_path: Path) -> None:
    by_ratio = docx_bytes({"word/media/x.bin": b"\0" * (30 * 1024 * 1024)})
    message = refusal(write(tmp_path / "ratio.docx", by_ratio))
    assert "would expand from" in message and "to 30.0 MB (" in message
    assert "times its size" in message and "0 MB," not in message
    by_total = docx_bytes({f"word/media/{n}.bin": b"\0" * (19 * 1024 * 1024) for n in range(11)})
    message = refusal(write(tmp_path / "total.docx", by_total))
    assert "would expand to 209.0 MB (the limit is 200 MB)" in message


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"PK\x03\x04",
        b"PK\x03\x04" + os.urandom(3000),
        b"This is a plain text file named as a Word document.\n" * 20,
        os.urandom(5000),
    ],
    ids=["empty", "signature-only", "signature-then-noise", "text", "random"],
)
def test_docx_that_is_not_a_docx_gives_a_sentence(tmp_path: Path, data: bytes) -> None:
    refusal(write(tmp_path / "x.docx", data))


def test_truncated_docx_gives_a_sentence(tmp_path: Path) -> None:
    whole = docx_bytes()
    for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 30, len(whole) - 1):
        try:
            source = import_file(write(tmp_path / "t.docx", whole[:cut]))
        except ImportFailure as failure:
            assert INTERNALS.search(str(failure)) is None, str(failure)
        else:
            assert "Maria Lopez" in source.text


# ----- encodings --------------------------------------------------------------------------------
ARTICLE = (
    "The minister said “the talks have failed”, and £45 million was spent on the café’s "
    "catering in Zürich. "
) * 30


def test_mostly_utf8_keeps_utf8_replaces_bad_bytes_and_warns(tmp_path: Path) -> None:
    data = ARTICLE.encode()
    data = data[:100] + b"\xff" + data[100:900] + b"\xc3" + data[900:2000] + b"\x96" + data[2000:]
    warnings: list[str] = []
    source = import_file(write(tmp_path / "few.txt", data), warnings=warnings)
    assert "£45 million" in source.text and "ВЈ" not in source.text and "Â" not in source.text
    assert source.text.count("\ufffd") == 3
    assert source.encoding == "utf-8"
    assert warnings == [
        "few.txt: 3 bytes were not valid UTF-8 and replaced with \ufffd; the rest of the "
        "text was read as UTF-8."
    ]


def test_mostly_utf8_with_more_bad_bytes_than_a_few_still_stays_utf8(tmp_path: Path) -> None:
    # a lost byte inside a character breaks it: as many broken bytes as good characters
    data = "£45 million, “done” and café. ".encode() * 3
    data = data.replace("é".encode(), b"\xc3", 2)
    warnings: list[str] = []
    source = import_file(write(tmp_path / "cut.md", data), warnings=warnings)
    assert "£45 million" in source.text and "ВЈ" not in source.text
    assert warnings and "2 bytes were not valid UTF-8" in warnings[0]


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("cp1252", "£45 million"), ("cp1251", "Министр сказал"), ("iso8859_7", "Ο υπουργός")],
)
def test_legacy_text_is_still_read_as_legacy_without_warning(
    tmp_path: Path, encoding: str, expected: str
) -> None:
    text = {
        "cp1252": ARTICLE,
        "cp1251": "Министр сказал, что переговоры провалились. " * 20,
        "iso8859_7": "Ο υπουργός Εξωτερικών δήλωσε ότι οι συνομιλίες απέτυχαν. " * 20,
    }[encoding]
    warnings: list[str] = []
    source = import_file(write(tmp_path / "old.txt", text.encode(encoding)), warnings=warnings)
    assert expected in source.text
    assert "\ufffd" not in source.text
    assert warnings == []


SCRIPTS = {
    "english": "Maria Lopez said the talks in Geneva had failed on Tuesday.",
    "russian": "Министр иностранных дел заявил, что переговоры провалились.",
    "greek": "Ο υπουργός Εξωτερικών δήλωσε ότι οι συνομιλίες απέτυχαν.",
    "arabic": "قال وزير الخارجية إن المحادثات فشلت يوم الثلاثاء.",
    "hindi": "विदेश मंत्री ने कहा कि बातचीत विफल हो गई है।",
    "chinese": "外交部长周二表示，日内瓦的谈判已经失败。官员估计峰会花费了四千五百万英镑。",
    "japanese": "外務大臣は火曜日、ジュネーブでの協議は失敗したと述べた。サミットに費やされた。",
}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("script", sorted(SCRIPTS))
@pytest.mark.parametrize("layout", ["paragraphs", "one-line"])
def test_utf16_without_bom_is_read_for_any_script(
    tmp_path: Path, codec: str, script: str, layout: str
) -> None:
    sentence = SCRIPTS[script]
    # one line of CJK has no space or line break: not a single NUL byte in the file
    text = (sentence + "\n\n") * 6 if layout == "paragraphs" else sentence * 3
    source = import_file(write(tmp_path / "u.txt", text.encode(codec)))
    assert source.encoding == codec
    assert sentence in source.text


@pytest.mark.parametrize("script", ["english", "russian"])
def test_utf16_with_a_bom_cut_in_half_keeps_the_text_with_a_warning(
    tmp_path: Path, script: str
) -> None:
    data = ((SCRIPTS[script] + "\n") * 5).encode("utf-16")[:-1]
    warnings: list[str] = []
    source = import_file(write(tmp_path / "cut.txt", data), warnings=warnings)
    assert SCRIPTS[script] in source.text
    assert len(warnings) == 1 and "1 character was not valid UTF-16" in warnings[0]


def test_legacy_cjk_is_not_taken_for_utf16() -> None:
    text = SCRIPTS["chinese"] * 4
    for encoding in ("gb18030", "big5", "shift_jis", "euc_kr"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        _, used = decode_text(data, name="c.txt")
        assert not used.startswith("utf-16"), encoding


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    pixels = b"".join(b"\x00" + os.urandom(90) for _ in range(30))
    header = struct.pack(">IIBBBBB", 30, 30, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels))


BINARIES = {
    "random": lambda: os.urandom(100_000),
    "png": _png,
    "zip": lambda: docx_bytes(),
    "nuls": lambda: b"\x00" * 50_000 + b"text",
    "controls": lambda: bytes(range(1, 9)) * 100,
    "shorts": lambda: b"".join(struct.pack("<h", n % 600 - 300) for n in range(0, 90_000, 7)),
    "ascii-shorts": lambda: b"".join(struct.pack("<H", 0x20 + n * 37 % 95) for n in range(20_000)),
}


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".htm"])
@pytest.mark.parametrize("kind", sorted(BINARIES))
def test_binary_is_still_refused(tmp_path: Path, kind: str, suffix: str) -> None:
    message = refusal(write(tmp_path / f"b{suffix}", BINARIES[kind]()))
    assert message.startswith(f"b{suffix} is not a text file") or "no readable" in message


def test_text_sprinkled_with_controls_is_read_and_cleaned(tmp_path: Path) -> None:
    text = ARTICLE.replace(" ", " \x00\x1b\x01") + "\x7f\x9b"
    source = import_file(write(tmp_path / "log.txt", text.encode()))
    assert "Maria" not in source.text  # (not in ARTICLE) sanity: the text is what was written
    assert "£45 million" in source.text.replace(" ", " ")
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", source.text)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".htm", ".docx"])
@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t  ", b"\xef\xbb\xbf", b"\xff\xfe"],
    ids=["empty", "blank", "bom8", "bom16"],
)
def test_empty_inputs_of_every_type_give_a_sentence(
    tmp_path: Path, suffix: str, data: bytes
) -> None:
    refusal(write(tmp_path / f"e{suffix}", data))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_truncated_text_inputs_keep_what_is_there(tmp_path: Path, suffix: str) -> None:
    whole = ("<p>" + ARTICLE + "</p>" if suffix == ".html" else ARTICLE).encode()
    pound = "£".encode()
    cut = whole[: whole.index(pound, len(whole) // 2) + 1]  # in the middle of a character
    source = import_file(write(tmp_path / f"t{suffix}", cut))
    assert "The minister said" in source.text


def test_wrong_encoding_given_gives_a_sentence(tmp_path: Path) -> None:
    path = write(tmp_path / "w.txt", "Министр сказал.".encode())
    assert "cannot be read as ascii" in refusal(path, encoding="ascii")
    assert "not a text encoding" in refusal(path, encoding="rot13")
    assert "not a text encoding" in refusal(path, encoding="no-such-codec")


def test_web_page_the_parser_cannot_take_apart_gives_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.importing import html

    def broken(*args: object, **kwargs: object) -> object:
        raise ValueError("lxml.etree.XMLSyntaxError: internal detail at line 1 column 2")

    monkeypatch.setattr(html, "_extract", broken)
    monkeypatch.setattr(html.trafilatura, "html2txt", broken)
    message = refusal(write(tmp_path / "p.html", b"<html><body><p>Some text.</p></body></html>"))
    assert message.startswith("p.html could not be read as a web page")
    assert "lxml" not in message and "line 1" not in message


# ----- paths that are not regular files ---------------------------------------------------------
def _import_in_thread(path: Path) -> tuple[threading.Thread, list[BaseException]]:
    caught: list[BaseException] = []

    def run() -> None:
        try:
            import_file(path)
        except BaseException as error:  # handed back to the test
            caught.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(20)  # a guard against a hang, not a speed check
    return thread, caught


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
@pytest.mark.parametrize("name", ["pipe.txt", "pipe.docx", "pipe.pdf"])
def test_fifo_is_refused_without_blocking(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    os.mkfifo(path)
    thread, caught = _import_in_thread(path)
    if thread.is_alive():  # release the reader so the test run can end, then fail
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("importing a FIFO blocked")
    assert len(caught) == 1 and isinstance(caught[0], ImportFailure)
    assert str(caught[0]) == (
        f"{name} is not a regular file (it is a device, pipe or socket), so it cannot be imported."
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_is_refused_without_reading_it() -> None:
    thread, caught = _import_in_thread(Path("/dev/zero"))
    assert not thread.is_alive()
    assert isinstance(caught[0], ImportFailure) and "not a regular file" in str(caught[0])


def test_folder_missing_file_and_impossible_names_give_sentences(tmp_path: Path) -> None:
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    assert refusal(folder).endswith("articles.txt is a folder, not a file.")
    assert refusal(tmp_path / "nowhere.txt").endswith("nowhere.txt does not exist.")
    long = tmp_path / ("n" * 300 + ".txt")
    message = refusal(long)
    assert "its name is longer than this system allows" in message
    assert len(message) < 250  # the name is shortened in the message
    deep = tmp_path / ("d" * 200) / ("e" * 200) / ("f" * 200) / "a.txt"
    assert "does not exist" in refusal(deep) or "longer than" in refusal(deep)
    file = write(tmp_path / "plain.txt", b"text")
    assert "does not exist" in refusal(file / "inside.txt")
    assert "not a valid file name" in refusal(Path(str(tmp_path) + "/a\x00b.txt"))
