"""Source details filled at import: HTML metadata, Word and PDF properties, bylines and
datelines of plain text; every file is written here and read back, hostile ones included."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import docx
import pytest
from reportlab.pdfgen import canvas

from app.importing import import_file, import_text
from app.importing.byline import details_from_text
from app.importing.metadata import (
    clean_author,
    clean_title,
    clean_url,
    document_title,
    parse_machine_date,
)

BODY = (
    "<p>Thousands of troops were seen massing at the border on Thursday, officials said, "
    "in a move that alarmed the neighbouring countries across the region.</p>"
    "<p>The ministry said 1,200 soldiers had died in the fighting so far this year, a "
    "figure that could not be independently verified by reporters.</p>"
)


def html_page(head: str, *, byline: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><article><h1>Troops mass at border</h1>"
        f"{byline}{BODY}</article></body></html>"
    )


def import_html(tmp_path: Path, markup: str) -> object:
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    return import_file(path)


# ----- HTML ------------------------------------------------------------------------------


def test_open_graph_and_json_ld_fill_every_detail(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Troops mass at border",
        "author": [{"@type": "Person", "name": "Jane Smith"}, {"name": "Tom Jones"}],
        "publisher": {"@type": "Organization", "name": "Example News"},
        "datePublished": "2024-10-17T23:30:00-05:00",
    }
    head = (
        "<title>Troops mass at border - Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="og:url" content="https://www.example.com/world/troops-123">'
        '<meta name="author" content="Example News">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )
    source = import_html(tmp_path, html_page(head))
    assert source.title == "Troops mass at border"
    assert source.outlet == "Example News"
    assert source.author == "Jane Smith and Tom Jones"
    assert source.url == "https://www.example.com/world/troops-123"
    assert source.published == dt.date(2024, 10, 17)  # the day the publisher wrote
    assert source.retrieved is None  # a saved file, not a fetched page


def test_site_suffix_goes_from_title_by_host_and_byline_gives_author(tmp_path: Path) -> None:
    head = (
        "<title>Troops mass at border | Reuters</title>"
        '<link rel="canonical" href="https://www.reuters.com/world/troops">'
    )
    source = import_html(tmp_path, html_page(head, byline="<p>By Jane Smith</p>"))
    assert source.title == "Troops mass at border"
    assert source.url == "https://www.reuters.com/world/troops"
    assert source.author == "Jane Smith"
    # a date in the article's prose ("Thursday") is not a publication date
    assert source.published is None


def test_json_ld_graph_with_lists_and_rfc_date(tmp_path: Path) -> None:
    ld = {
        "@graph": [
            {"@type": "WebSite", "name": "Somewhere"},
            {
                "@type": ["NewsArticle"],
                "headline": "Troops mass at border",
                "author": ["Ann Lee", {"name": "Bo Chan"}, 42, None],
                "publisher": [{"name": "The Daily Example"}],
                "datePublished": ["Thu, 17 Oct 2024 09:00:00 GMT"],
                "url": "https://example.org/a",
            },
        ]
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    source = import_html(tmp_path, html_page(head))
    assert source.outlet == "The Daily Example"
    assert source.author == "Ann Lee and Bo Chan"
    assert source.url == "https://example.org/a"
    assert source.published == dt.date(2024, 10, 17)


def test_hostile_metadata_is_dropped_and_the_article_still_imports(tmp_path: Path) -> None:
    head = (
        f"<title>{'A' * 5000}</title>"
        '<meta property="og:site_name" content="\u202eSWEN\u202c Example\x07">'
        '<meta property="og:url" content="javascript:alert(1)">'
        '<link rel="canonical" href="file:///etc/passwd">'
        '<meta name="author" content="https://www.facebook.com/examplenews">'
        '<meta property="article:published_time" content="2999-10-17T09:00:00Z">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": 12, '
        '"author": {"name": ["x"]}, "publisher": [[[]]], "datePublished": ["1700-01-01"], '
        '"@graph": 5}</script>'
        '<script type="application/ld+json">{not json</script>'
        f'<script type="application/ld+json">{"[" * 50_000}</script>'
    )
    source = import_html(tmp_path, html_page(head))
    assert "Thousands of troops" in source.text
    assert source.outlet == "SWEN Example"  # overrides and control characters removed
    assert source.url == ""
    assert source.author == ""
    assert source.published is None
    assert len(source.title) <= 300


# ----- Word ------------------------------------------------------------------------------


def make_docx(path: Path, lines: list[str], **properties: object) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    for name, value in properties.items():
        setattr(document.core_properties, name, value)
    document.save(str(path))
    return path


ARTICLE_LINES = [
    "Troops mass at border",
    "Thousands of troops were seen at the border, officials said on the record.",
]


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Microsoft Word - AGENDA.doc", "Windows User"),
        ("agenda", "Normal"),
        ("agenda.docx", "Microsoft Office User"),
        ("Document1", "user"),
        ("", "jsmith"),
    ],
)
def test_docx_junk_properties_give_way(tmp_path: Path, title: str, author: str) -> None:
    path = make_docx(tmp_path / "agenda.docx", ARTICLE_LINES, title=title, author=author)
    source = import_file(path)
    assert source.title == "Troops mass at border"  # the first line, not the junk
    assert source.author == ""
    assert source.retrieved is None


def test_docx_real_properties_are_kept_and_byline_wins(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx",
        ["Troops mass at border", "By Jane Smith", "17 October 2024", *ARTICLE_LINES[1:]],
        title="Troops massing at the border",
        author="Analyst Name",
        created=dt.datetime(2025, 3, 1),
    )
    source = import_file(path)
    assert source.title == "Troops massing at the border"
    assert source.author == "Jane Smith"  # the article's byline, not who saved the file
    assert source.published == dt.date(2024, 10, 17)


def test_docx_properties_fill_what_the_text_lacks_but_not_the_date(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx", ARTICLE_LINES, author="Jane Smith", created=dt.datetime(2024, 10, 17)
    )
    source = import_file(path)
    assert source.author == "Jane Smith"
    # The day the file was created is usually the day it was saved, not published.
    assert source.published is None


def test_docx_with_hostile_core_xml_still_imports(tmp_path: Path) -> None:
    plain = make_docx(tmp_path / "plain.docx", ARTICLE_LINES)
    hostile = tmp_path / "hostile.docx"
    core = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:title>\u202e{'X' * 3000}</dc:title><dc:creator>&#x202E;Jane\u200b Smith"
        "</dc:creator><dcterms:created>1700-01-01T00:00:00Z</dcterms:created>"
        "</cp:coreProperties>"
    )
    with zipfile.ZipFile(plain) as source_zip, zipfile.ZipFile(hostile, "w") as out:
        for item in source_zip.infolist():
            data = source_zip.read(item)
            if item.filename == "docProps/core.xml":
                data = core.encode("utf-8")
            out.writestr(item, data)
    source = import_file(hostile)
    assert source.title == "Troops mass at border"
    assert source.author == "Jane Smith"
    assert source.published is None


# ----- PDF -------------------------------------------------------------------------------


def make_pdf(path: Path, lines: list[str], *, title: str, author: str) -> Path:
    page = canvas.Canvas(str(path))
    page.setTitle(title)
    page.setAuthor(author)
    y = 800
    for line in lines:
        page.drawString(72, y, line)
        y -= 18
    page.save()
    return path


def test_pdf_software_title_and_placeholder_author_are_dropped(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "x.pdf",
        ARTICLE_LINES,
        title="Microsoft Word - x.doc",
        author="Microsoft Office User",
    )
    source = import_file(path)
    assert source.title == "Troops mass at border"
    assert source.author == ""
    assert source.retrieved is None


def test_pdf_real_properties_are_kept(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "x.pdf", ARTICLE_LINES, title="Troops massing at the border", author="Jane Smith"
    )
    source = import_file(path)
    assert source.title == "Troops massing at the border"
    assert source.author == "Jane Smith"


def test_pdf_title_equal_to_file_name_is_dropped(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "report-17.pdf", ARTICLE_LINES, title="report-17", author="")
    assert import_file(path).title == "Troops mass at border"


# ----- plain text and Markdown -----------------------------------------------------------


def test_text_byline_and_date_line(tmp_path: Path) -> None:
    text = (
        "Troops mass at border\n"
        "By Jane Smith and Tom Jones, Example News\n"
        "Updated 18 October 2024 10:02 BST\n"
        "Published 17 October 2024\n"
        "Thousands of troops were seen at the border, officials said.\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    source = import_file(path)
    assert source.author == "Jane Smith and Tom Jones"
    assert source.outlet == "Example News"
    assert source.published == dt.date(2024, 10, 17)
    assert source.text == text.strip("\n")  # nothing removed: offsets do not move
    assert source.title == "Troops mass at border"
    assert source.retrieved is None


def test_agency_dateline_gives_outlet_but_no_year_no_date() -> None:
    source = import_text("SEOUL, Oct 18 (Reuters) - North Korea has sent troops to Russia.")
    assert source.outlet == "Reuters"
    assert source.published is None  # the dateline has no year: nothing is invented
    assert source.retrieved is not None  # a paste is dated when it was pasted


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("WASHINGTON, Oct 28, 2024 (Reuters) - Troops moved.", dt.date(2024, 10, 28)),
        ("SEOUL, October 18, 2024 (AP) — Troops moved.", dt.date(2024, 10, 18)),
        ("KYIV, Feb 30, 2024 (Reuters) - Troops moved.", None),  # no such day
    ],
)
def test_agency_dateline_with_a_year_gives_the_date(dateline: str, published) -> None:
    source = import_text(f"Russia deploys troops\n\n{dateline}\n")
    assert (source.outlet != "", source.published) == (True, published)


def test_markdown_byline_with_role(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# Troops mass at border\n\nJane Smith, Defence correspondent\n\nOct 17, 2024\n\n"
        "Thousands of troops were seen at the border.\n",
        encoding="utf-8",
    )
    source = import_file(path)
    assert (source.title, source.author, source.published) == (
        "Troops mass at border",
        "Jane Smith",
        dt.date(2024, 10, 17),
    )


@pytest.mark.parametrize(
    ("text", "author", "published"),
    [
        ("Headline\nBy Jane Smith\n17 October 2024\nBody.", "Jane Smith", dt.date(2024, 10, 17)),
        (
            "Headline\nBy JANE SMITH | Thursday 17 Oct 2024\nBody.",
            "Jane Smith",
            dt.date(2024, 10, 17),
        ),
        (
            "Headline\nBy Jane Smith in Seoul\nPublished: 2024-10-17\n",
            "Jane Smith",
            dt.date(2024, 10, 17),
        ),
        ("Headline\nJane Smith\nDefence correspondent\nBody.", "Jane Smith", None),
        ("By the time the troops arrived, the town was empty.\n", "", None),
        ("Headline\nBy Thursday, everyone knew.\n", "", None),
        ("Headline\nBy Jane Smith's account, it was fine.\n", "", None),
        ("Headline\nThe Prime Minister, Keir Starmer, said so.\n", "", None),
        ("Headline\nPublished 31 February 2024\n", "", None),
        ("Headline\nPublished 17 October 1700\n", "", None),
        ("Headline\nIt happened on 17 October 2024 in the capital, officials said.\n", "", None),
        ("\n".join(["Line of text."] * 10) + "\nBy Jane Smith\n17 October 2024", "", None),
    ],
)
def test_bylines_and_dates_only_when_clear(
    text: str, author: str, published: dt.date | None
) -> None:
    details = details_from_text(text)
    assert (details.author, details.published) == (author, published)


# ----- the cleaning rules ----------------------------------------------------------------


def test_clean_title_strips_only_the_site() -> None:
    assert clean_title("Troops - BBC News", outlet="BBC News") == "Troops"
    assert clean_title("Troops | World | Reuters", url="https://www.reuters.com/x") == (
        "Troops | World"
    )
    assert clean_title("Troops – The Guardian", url="https://www.theguardian.com/x") == "Troops"
    assert clean_title("Kyiv - a city under fire") == "Kyiv - a city under fire"
    assert clean_title("Strike - BBC chief resigns", url="https://www.bbc.co.uk/n") == (
        "Strike - BBC chief resigns"
    )
    assert clean_title("BBC News", outlet="BBC News") == ""
    assert clean_title("War in Ukraine - Japan", outlet="AP") == "War in Ukraine - Japan"


def test_clean_author_keeps_people_only() -> None:
    assert clean_author("BBC News; Jane Smith", outlet="BBC News") == "Jane Smith"
    assert clean_author("By Jane Smith, BBC News", outlet="BBC News") == "Jane Smith"
    assert clean_author("Ann Lee; Bo Chan; Cy Dee") == "Ann Lee, Bo Chan and Cy Dee"
    assert clean_author("https://facebook.com/x") == ""
    assert clean_author("x" * 1000) == ""


def test_urls_dates_and_document_titles() -> None:
    assert clean_url("https://example.com/a?utm_source=x") == "https://example.com/a?utm_source=x"
    assert clean_url("ftp://example.com/a") == ""
    assert clean_url("https://exa mple.com") == ""
    assert parse_machine_date("D:20241017090000+01'00'") == dt.date(2024, 10, 17)
    assert parse_machine_date("2024-02-30") is None
    assert parse_machine_date(12) is None
    assert document_title("Microsoft Word - AGENDA.doc", file_name="x.docx") == ""
    assert document_title("AGENDA", file_name="agenda.docx") == ""
    assert document_title("Untitled", file_name="x.pdf") == ""
    assert document_title("Troops mass", file_name="x.pdf") == "Troops mass"


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("Ann Lowe and AP Auto Writer", "Ann Lowe"),
        ("Associated Press", ""),
        ("Reuters", ""),
        ("Staff Reports", ""),
        ("Bo Chan News reporter", "Bo Chan"),
        ("CY DEE and ED FOX Associated Press", "Cy Dee and Ed Fox"),
        ("Ann Lowe,  Bo Chan and Associated Press", "Ann Lowe and Bo Chan"),
        ("Ludwig van Brook", "Ludwig van Brook"),
        ("Emily Post", "Emily Post"),
        ("Windows User", ""),
        ("jsmith", ""),
        ("\u202eAnn\u200b Lowe", "Ann Lowe"),
    ],
)
def test_author_fields_keep_only_people(raw: str, cleaned: str) -> None:
    assert clean_author(raw) == cleaned


@pytest.mark.parametrize(
    ("first_line", "outlet"),
    [
        ("LONDON (Reuters) - Ministers met on Tuesday.", "Reuters"),
        ("KYIV, Ukraine (AP) — Drones struck overnight.", "AP"),
        ("WASHINGTON, Oct. 18 (Reuters) - Officials said.", "Reuters"),
        ("UN (United Nations) - The body met on Tuesday.", ""),
        ("The meeting (held in Paris) - a first.", ""),
    ],
)
def test_agency_datelines(first_line: str, outlet: str) -> None:
    assert details_from_text(f"Headline\n{first_line}").outlet == outlet


@pytest.mark.parametrize(
    "opening",
    [
        "Jane Smith, a former editor of the paper, said the talks had failed.",
        "Jane Smith, editor at large, said so",
        "Tom Jones, a reporter who was there, saw the convoy",
    ],
)
def test_a_lead_sentence_about_a_journalist_is_no_byline(opening: str) -> None:
    assert details_from_text(f"Headline\n{opening}").author == ""
