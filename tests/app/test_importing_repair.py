"""Import that keeps the article whole and says when it cannot (issue 15): HTML fallback and
charsets, inline site furniture, PDF text repair, Word soft breaks, notes and tables."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.extraction import extract
from app.importing import ImportFailure, import_file, import_text
from app.importing.decoding import decode_text
from app.importing.pdf_text import join_pdf_pages, unreadable_reason
from app.importing.structure import find_boilerplate, is_inline_furniture


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ----- HTML: the precision-first extraction keeps only a banner -------------------------------
_TOPICS = "council bridge repairs mayor traffic weeks engineers river budget residents".split()
_PARAGRAPHS = [
    f"Paragraph {i}: the {_TOPICS[i % 10]} report said the {_TOPICS[(i + 3) % 10]} plan and "
    f"the {_TOPICS[(i + 5) % 10]} study would need another review by officials before the "
    f"{_TOPICS[(i + 7) % 10]} vote next month."
    for i in range(10)
]


def test_page_whose_precise_extraction_keeps_a_banner_falls_back_to_the_article(
    tmp_path: Path,
) -> None:
    body = "".join(f'<div class="para"><a href="/x">{p}</a></div>' for p in _PARAGRAPHS)
    page = (
        '<html><head><meta charset="utf-8"><title>Bridge vote</title></head><body>'
        f'<div class="article-body">{body}</div>'
        "<article><p>Your browser is out of date: update it to see this site.</p></article>"
        "</body></html>"
    )
    warnings: list[str] = []
    source = import_file(write(tmp_path / "bridge.html", page.encode()), warnings=warnings)
    for paragraph in _PARAGRAPHS:
        assert paragraph in source.text
    assert warnings == []


def test_short_article_on_a_long_page_gets_a_warning(tmp_path: Path) -> None:
    comments = "".join(
        f"<p>Reader {i}: the council is wrong about this and should listen to the town.</p>"
        for i in range(40)
    )
    page = (
        "<html><body><article><h1>Bridge</h1>"
        "<p>Subscribe to read the rest of this story today.</p></article>"
        f'<div id="comments" class="comments">{comments}</div></body></html>'
    )
    warnings: list[str] = []
    import_file(write(tmp_path / "paywall.html", page.encode()), warnings=warnings)
    assert len(warnings) == 1
    assert warnings[0].startswith("paywall.html: only ")
    assert "Part of the article may be missing" in warnings[0]


# ----- HTML: byte-order mark, declared charset, stray bytes ---------------------------------------
_ACCENTED = "Le café de la gare a fermé, a déclaré la maire « à regret » l’été dernier. "


def _page(charset_tag: str, body: bytes) -> bytes:
    return (
        b"<html><head>"
        + charset_tag.encode()
        + b"<title>Gare</title></head><body><article>"
        + body
        + b"</article></body></html>"
    )


def test_utf8_page_with_stray_bytes_and_a_declared_charset_is_read_as_utf8(tmp_path: Path) -> None:
    paragraph = ("<p>" + _ACCENTED * 3 + "</p>").encode("utf-8")
    data = _page('<meta charset="utf-8">', paragraph * 4 + b"<p>Broken \xff byte here.</p>")
    source = import_file(write(tmp_path / "gare.html", data))
    assert source.encoding == "utf-8"
    assert "Le café de la gare a fermé" in source.text
    assert "l’été dernier" in source.text
    assert "Ð" not in source.text and "Ã" not in source.text  # no mojibake


def test_declared_charset_in_http_equiv_is_honoured(tmp_path: Path) -> None:
    tag = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    text = "<p>Мэр заявила, что вокзал закроют на ремонт в среду утром.</p>" * 6
    source = import_file(write(tmp_path / "ru.html", _page(tag, text.encode("cp1251"))))
    assert source.encoding == "cp1251"
    assert "Мэр заявила, что вокзал закроют" in source.text


def test_byte_order_mark_wins_over_the_declaration() -> None:
    data = b"\xef\xbb\xbf" + _page('<meta charset="iso-8859-1">', _ACCENTED.encode("utf-8"))
    text, used = decode_text(data, name="bom.html", markup=True)
    assert used == "utf-8-sig"
    assert "café" in text


def test_text_file_with_a_few_stray_bytes_stays_utf8() -> None:
    data = (_ACCENTED * 10).encode("utf-8") + b"\x96 end"
    text, used = decode_text(data, name="note.txt")
    assert used == "utf-8"
    assert text.startswith("Le café de la gare a fermé")
    assert text.endswith("\ufffd end")


def test_legacy_file_is_still_guessed_as_legacy() -> None:
    text, used = decode_text(
        (_ACCENTED * 5).replace("’", "'").replace("« ", '"').replace(" »", '"').encode("cp1252"),
        name="old.txt",
    )
    assert used == "cp1252"
    assert "café" in text


# ----- inline site furniture -------------------------------------------------------------------
_FURNITURE = [
    "Read more: Minister says 40 schools will close next year",
    "READ MORE: Police chief quits after 3 months",
    "SEE MORE: Photos of the flooded valley",
    "Related: Mayor 'will not resign', aide says",
    "Also on example.com Senators reject the budget for 2025",
    "DON'T MISS",
    "Like this story? Share it with a friend!",
    "Sign up for our morning newsletter to get 5 stories every day.",
    "Get our weekly newsletter delivered to your inbox.",
    "© 2024 Valley Courier. All rights reserved.",
    "Copyright 2024 The Valley Courier Company.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Follow Valley News on Instagram, Facebook and YouTube.",
    "Follow our full coverage of the floods at https://example.com/floods",
    "Listen to the Valley Hour live at 9:00 weekdays - or listen back here.",
    'Get access to our premium subscription for as little as $2 a week. Use the code "RIVER". '
    "Members read every story, see 30 years of archives and join live events.",
]
_PROSE = [
    "The minister said 40 schools would close next year.",
    "Read the full report, the minister told reporters on Monday.",
    "Related costs rose by 12% in 2023, the council said.",
    "Officials said they would follow the plan on Twitter and elsewhere for 3 weeks, "
    "although the mayor said the plan would change many times before the vote.",
    '"Follow me on Twitter," the candidate told 300 supporters.',
    "The copyright office said it had received 1,200 complaints.",
    "Subscribers to the water service will pay 4% more per month, the utility said.",
]


@pytest.mark.parametrize("line", _FURNITURE)
def test_inline_furniture_line_is_recognised(line: str) -> None:
    assert is_inline_furniture(line)


@pytest.mark.parametrize("line", _PROSE)
def test_prose_is_not_furniture(line: str) -> None:
    assert not is_inline_furniture(line)
    assert find_boilerplate(line) == ()


def test_inline_furniture_is_boilerplate_and_gives_no_proposals() -> None:
    text = "\n".join(
        ["The council said 12 bridges need repairs, officials said on Monday.", *_FURNITURE]
    )
    source = import_text(text)
    marked = [source.text[r.start : r.end] for r in source.boilerplate]
    assert marked == _FURNITURE
    extraction = extract(source)
    first_line_end = source.text.index("\n")
    for item in (*extraction.statements, *extraction.figures, *extraction.questions):
        assert item.start < first_line_end


def test_furniture_check_is_linear_on_a_long_hostile_line() -> None:
    line = "Read more " + "a" * 200_000 + " Follow " + "here " * 50_000
    started = time.perf_counter()
    is_inline_furniture(line)
    find_boilerplate(line)
    assert time.perf_counter() - started < 1.0


def test_html_headline_above_the_body_is_dropped_and_its_repeats_are_boilerplate(
    tmp_path: Path,
) -> None:
    body = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[:4])
    page = (
        "<html><head><title>Council delays 3 bridge votes</title></head><body><article>"
        f"<h1>Council delays 3 bridge votes</h1>{body}"
        "<p>Council delays 3 bridge votes</p></article></body></html>"
    )
    source = import_file(write(tmp_path / "votes.html", page.encode()))
    assert source.title == "Council delays 3 bridge votes"
    assert source.text == "\n\n".join([*_PARAGRAPHS[:4], "Council delays 3 bridge votes"])
    assert [source.text[r.start : r.end] for r in source.boilerplate] == [
        "Council delays 3 bridge votes"
    ]
    assert len(source.paragraphs) == 5


# ----- PDF ----------------------------------------------------------------------------------------
_PAGE_ONE = [
    "Valley Courier - Weekly Report",
    "Bridge works to start in spring",
    "The committee will recon-",
    "sider the proposal next week, a well-",
    "known engineer told the council, and the hotline 206–231–",
    "3195 will stay open until the works are finished in the autumn.",
    "Reactions",
    "“We are ready,” the mayor said at the meeting on Tuesday evening.",
    "Page 1 of 3",
]
_PAGE_TWO = [
    "Valley Courier - Weekly Report",
    "The council approved a budget of 4 million euros for the works on the old",
    "bridge, and the works will close the road for about six weeks in total.",
    "Page 2 of 3",
]
_PAGE_THREE = [
    "Valley Courier - Weekly Report",
    "Residents can send questions to the council office until the end of May.",
    "3",
]


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        y = 800
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_hyphenation_headers_and_page_numbers_are_repaired(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "report.pdf", [_PAGE_ONE, _PAGE_TWO, _PAGE_THREE])
    source = import_file(path)
    assert source.text == (
        "Bridge works to start in spring\n"
        "The committee will reconsider the proposal next week, a well-known engineer told "
        "the council, and the hotline 206–231–3195 will stay open until the works are "
        "finished in the autumn.\n"
        "Reactions\n"
        "“We are ready,” the mayor said at the meeting on Tuesday evening.\n\n"
        "The council approved a budget of 4 million euros for the works on the old bridge, "
        "and the works will close the road for about six weeks in total.\n\n"
        "Residents can send questions to the council office until the end of May."
    )


def test_pdf_page_join_inside_a_sentence() -> None:
    pages = (
        "Header line\nThe report was published on Monday and the officials said that the",
        "Header line\nbudget would be cut by a third before the end of the year.",
    )
    assert join_pdf_pages(pages) == (
        "The report was published on Monday and the officials said that the "
        "budget would be cut by a third before the end of the year."
    )


def test_pdf_line_is_not_merged_into_an_opening_quote() -> None:
    page = "Reaction from the port\n“We did not expect this,” the harbour master said."
    assert join_pdf_pages((page,)) == (
        "Reaction from the port\n“We did not expect this,” the harbour master said."
    )


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        ("the long-\nterm plan", "the long-term plan"),
        ("a pro-\nKremlin group", "a pro-Kremlin group"),
        ("the adip-\niscing text", "the adipiscing text"),
        ("the state-\nowned firm", "the state-owned firm"),
        ("we will co-\noperate", "we will co-operate"),
        ("the Covid-\n19 rules", "the Covid-19 rules"),
        ("the rail\u00ad\nway line", "the railway line"),
    ],
)
def test_pdf_line_end_hyphens(lines: str, joined: str) -> None:
    assert join_pdf_pages((lines,)) == joined


def test_pdf_hyphen_follows_the_documents_own_spelling() -> None:
    page = "The data-\nbase was slow; the database was replaced by a new one."
    assert join_pdf_pages((page,)).startswith("The database was slow;")


def test_pdf_repair_is_linear_on_long_hostile_lines() -> None:
    page = "\n".join(["a" * 100_000 + "-", "b" * 100_000, "Page 1", "x" * 100_000 + "b"])
    started = time.perf_counter()
    join_pdf_pages((page, page))
    assert time.perf_counter() - started < 1.0


def test_pdf_without_spaces_is_reported(tmp_path: Path) -> None:
    line = "Thecommitteewillreconsidertheproposalnextweekandthebridgewillclose"
    path = make_pdf(tmp_path / "glued.pdf", [[line] * 12])
    with pytest.raises(ImportFailure, match="no spaces between words"):
        import_file(path)


def test_glyph_noise_is_reported() -> None:
    noise = "".join(chr(0xE000 + i % 300) for i in range(400))
    assert unreadable_reason(noise) is not None
    assert "glyph noise" in (unreadable_reason("(cid:12)(cid:40) " * 40) or "")
    assert unreadable_reason("The mayor said the bridge would close. " * 20) is None
    assert unreadable_reason("市长说这座桥将在下周关闭。" * 30) is None  # written without spaces
    assert unreadable_reason("2023 | 4.5% | $1,200 | 17 | 3.2\n" * 20) is None  # a table


def test_pdf_with_mostly_blank_pages_gets_a_warning(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [["The mayor said the bridge would close."], [], []])
    warnings: list[str] = []
    import_file(path, warnings=warnings)
    assert warnings == [
        "scan.pdf: 2 of its 3 pages have no text layer (scanned pages or images), so their "
        "text is missing. Run the file through OCR to read them."
    ]


# ----- Word ---------------------------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES = (
    f'<w:footnotes xmlns:w="{_W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> Figures from the council\'s 2024 report.</w:t></w:r>'
    "</w:p></w:footnote></w:footnotes>"
)
_ENDNOTES = (
    f'<w:endnotes xmlns:w="{_W}">'
    '<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> Interview by phone.</w:t></w:r></w:p></w:endnote>'
    "</w:endnotes>"
)


def make_docx(path: Path) -> Path:
    document = docx.Document()
    run = document.add_paragraph().add_run("The minister said on Monday")
    run.add_break()
    run.add_text("that talks would resume.")
    document.add_paragraph("Costs rose by 12%.FOOTREF Residents objected.ENDREF")
    table = document.add_table(rows=2, cols=2)
    for row, (left, right) in enumerate([("Town", "Bridges"), ("Northfield", "3")]):
        table.cell(row, 0).text = left
        table.cell(row, 1).text = right
    document.add_paragraph("The end.")
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    body = members["word/document.xml"].decode("utf-8")
    body = body.replace(
        "FOOTREF",
        '</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">',
    ).replace("ENDREF", '</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r><w:r><w:t>')
    members["word/document.xml"] = body.encode("utf-8")
    members["word/footnotes.xml"] = _FOOTNOTES.encode("utf-8")
    members["word/endnotes.xml"] = _ENDNOTES.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_docx_soft_break_footnote_endnote_and_table(tmp_path: Path) -> None:
    source = import_file(make_docx(tmp_path / "notes.docx"))
    assert source.text == (
        "The minister said on Monday that talks would resume.\n\n"
        "Costs rose by 12%.[1] Residents objected.[2]\n\n"
        "Town | Bridges\nNorthfield | 3\n\n"
        "The end.\n\n"
        "Notes\n\n"
        "[1] Figures from the council's 2024 report.\n\n"
        "[2] Interview by phone."
    )


def test_docx_with_a_document_type_is_refused(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "plain.docx")
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        + members["word/document.xml"].split(b"?>", 1)[1]
    )
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(ImportFailure, match="overload"):
        import_file(hostile)


def test_docx_deleted_revisions_and_field_codes_are_left_out(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "rev.docx")
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    body = members["word/document.xml"].decode("utf-8")
    body = body.replace(
        "The end.",
        '</w:t></w:r><w:del w:id="9" w:author="x"><w:r><w:delText>Old words.</w:delText></w:r>'
        "</w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>The end.",
    )
    members["word/document.xml"] = body.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    text = import_file(path).text
    assert "Old words" not in text and "PAGE" not in text
    assert re.search(r"\n\nThe end\.\n\nNotes", text)
