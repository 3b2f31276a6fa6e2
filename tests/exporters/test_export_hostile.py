"""Hostile briefings through both writers: bounded time, nothing unlayable, plain messages.

Each case is built in code, exported to a real file and read back (pdftotext or pypdf for
the PDF, python-docx for Word). Time is never measured, except as a generous guard against
a hang: the cases below took minutes before the caps of app.layout.limits.
"""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import pypdf
import pytest

from app import storage
from app.importing import import_text
from app.layout import LayoutSettings, layout
from app.layout import blocks as b
from app.layout.limits import (
    CELL_CHARS,
    HEADING_CHARS,
    LONG_WORD_CHARS,
    MARKING_CHARS,
    TEXT_CHARS,
    breakable,
    cut_note,
    pieces,
)
from app.layout.wording import typographic
from app.models import (
    Anchor,
    Briefing,
    BriefingStyle,
    Figure,
    Item,
    Note,
    Question,
    Section,
    Statement,
)
from exporters import pdf as pdf_writer
from exporters import word as word_writer
from exporters.common import ExportError, resource_bytes
from exporters.export import export_briefing, render_document
from exporters.word import REFERENCE_DOCX, REFERENCE_UNUSABLE, render_docx

HANG_GUARD = 60.0  # seconds: a guard against a hang, never a speed measurement
_ZERO_WIDTH_SPACE = "\u200b"
# What no message for a user may show: library internals and exception names.
_INTERNALS = re.compile(r"Flowable|frame|LayoutError|Traceback|Error\b|0x[0-9a-f]{6,}|<\w+")


@contextmanager
def hang_guard(seconds: float = HANG_GUARD) -> Iterator[None]:
    started = time.monotonic()
    yield
    assert time.monotonic() - started < seconds, "this case must not take minutes"


def _briefing(*items: Item, title: str = "Hostile", **fields: object) -> Briefing:
    return Briefing(title=title, sections=(Section(title="Items", items=items),), **fields)


def _export(briefing: Briefing, path: Path) -> list[str]:
    fmt = path.suffix.lstrip(".")
    with hang_guard():
        report = export_briefing(briefing, path, fmt)
    assert path.is_file() and path.stat().st_size > 0
    return report.warnings


def pdf_text(path: Path) -> str:
    """The PDF's text: pdftotext when installed (fast on long documents), else pypdf."""
    if shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
        )
        return done.stdout.decode("utf-8")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def docx_text(path: Path) -> str:
    """Every paragraph of the body, the tables' cells, headers and footers."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    section = document.sections[0]
    parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def squeezed(text: str) -> str:
    """Text without whitespace, break opportunities or page numbers ("Page 2 of 9"), so
    words wrapped anywhere, even over a page, compare as written."""
    return re.sub(r"Page\d+of\d+", "", "".join(text.replace(_ZERO_WIDTH_SPACE, "").split()))


def numbered_words(count: int) -> str:
    return " ".join(f"w{n}" for n in range(count))


# ----- long texts: wrapped when within the caps, cut with a visible note beyond -------------


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_a_20_mb_note_is_cut_with_a_visible_note_and_a_warning(tmp_path: Path, suffix: str) -> None:
    text = "briefing " * (20_000_000 // 9)
    path = tmp_path / f"note.{suffix}"

    warnings = _export(_briefing(Note(text=text)), path)

    shown = pdf_text(path) if suffix == "pdf" else docx_text(path)
    more = len(text.rstrip()) - len(text[:TEXT_CHARS].rstrip()) - 1
    assert "[cut:" in shown and "see the briefing file]" in shown
    assert f"{more // 1000:,}" in shown.replace("\n", " ")  # how much, in the reader's terms
    assert squeezed(shown).count("briefing") >= TEXT_CHARS // 9 - 10
    assert any(
        "1 text longer than" in w and "was cut in the export" in w and "100,000" in w
        for w in warnings
    )


def test_a_long_paragraph_within_the_cap_keeps_every_word_in_order(tmp_path: Path) -> None:
    words = numbered_words(15_000)  # about 100,000 characters, 25 pages
    assert len(words) < TEXT_CHARS
    path = tmp_path / "long.pdf"

    warnings = _export(_briefing(Note(text=words)), path)

    shown = " ".join(pdf_text(path).split())
    found = re.findall(r"w\d+", shown)
    assert found == words.split()  # every word, once, in order: the pieces join seamlessly
    assert not any("cut" in w for w in warnings)


def test_a_long_paragraph_and_a_long_table_are_set_in_bounded_pieces() -> None:
    from exporters.pdf_fonts import Markup, register_fonts
    from exporters.pdf_styles import stylesheet

    flowables = pdf_writer._Flowables(stylesheet(register_fonts()), Markup(), 450, 700)
    paragraphs = flowables.paragraphs((b.Span(numbered_words(15_000)),), b.BODY)
    assert len(paragraphs) >= 30  # about 100,000 characters in pieces of at most 3,000
    assert [p.style.spaceAfter for p in paragraphs[:-1]] == [0] * (len(paragraphs) - 1)
    rows = tuple(((b.Span(str(n)),),) for n in range(1_050))
    tables = flowables.tables(b.FigureTable(("N",), rows, (1.0,)))
    assert [len(t._cellvalues) for t in tables] == [101] * 10 + [51]  # header and rows


def test_pieces_of_a_paragraph_hold_every_character() -> None:
    spans = (
        b.Span("Plain " * 2_000),
        b.Span("x" * 7_000, "strong"),
        b.Span(" link " * 500, "link", "https://example.org"),
    )
    groups = pieces(spans, 3_000)
    assert all(sum(len(s.text) for s in group) <= 3_000 for group in groups)
    assert "".join(s.text for group in groups for s in group) == "".join(s.text for s in spans)
    assert {s.url for group in groups for s in group if s.style == "link"} == {
        "https://example.org"
    }


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_words_of_100_000_characters_are_broken_and_kept(tmp_path: Path, suffix: str) -> None:
    word = "".join(chr(ord("a") + n % 26) for n in range(20_000))
    text = " ".join([word] * 4)  # four long words, 80,004 characters: within the cap
    path = tmp_path / f"words.{suffix}"

    warnings = _export(_briefing(Note(text=text)), path)

    shown = pdf_text(path) if suffix == "pdf" else docx_text(path)
    assert squeezed(shown).count(word) == 4
    assert not any("cut" in w for w in warnings)
    if suffix == "docx":  # Word and LibreOffice get places to wrap such words
        assert _ZERO_WIDTH_SPACE in docx.Document(str(path)).paragraphs[-1].text


def test_words_of_100_000_characters_over_the_cap_are_cut(tmp_path: Path) -> None:
    text = " ".join(["y" * 100_000] * 4)
    path = tmp_path / "words.pdf"

    warnings = _export(_briefing(Note(text=text)), path)

    shown = squeezed(pdf_text(path))
    assert "y" * (TEXT_CHARS - 10) in shown and "[cut:" in shown
    assert any("1 text longer than" in w and "was cut in the export" in w for w in warnings)


def test_only_words_longer_than_a_line_get_break_opportunities() -> None:
    ordinary = "An ordinary sentence with https://example.org/a/short/address in it."
    assert breakable(ordinary) == ordinary
    long_word = "z" * (LONG_WORD_CHARS * 3)
    broken = breakable(f"before {long_word} after")
    assert broken.replace(_ZERO_WIDTH_SPACE, "") == f"before {long_word} after"
    assert broken.startswith("before z") and broken.endswith("z after")
    assert all(len(part) <= LONG_WORD_CHARS for part in broken.split(_ZERO_WIDTH_SPACE))


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_a_2000_character_marking_is_cut_on_the_pages_not_unlayable(
    tmp_path: Path, suffix: str
) -> None:
    marking = " ".join(["OFFICIAL-SENSITIVE"] * 110)  # 2,089 characters
    path = tmp_path / f"marking.{suffix}"

    warnings = _export(_briefing(Note(text="Body text."), marking=marking), path)

    shown = " ".join((pdf_text(path) if suffix == "pdf" else docx_text(path)).split())
    assert "Body text." in shown and "OFFICIAL-SENSITIVE" in shown
    assert "[cut:" in shown and "see the briefing file]" in shown
    assert any("protective marking" in w for w in warnings)
    if suffix == "docx":
        header = docx.Document(str(path)).sections[0].header.paragraphs[0].text
        assert len(header) <= MARKING_CHARS + len(cut_note(10**9)) + 1
        assert len(docx.Document(str(path)).core_properties.keywords) == 255


def test_a_very_long_marking_with_no_spaces_still_lays_out(tmp_path: Path) -> None:
    path = tmp_path / "marking.pdf"
    warnings = _export(_briefing(Note(text="Body."), marking="M" * 50_000), path)
    assert "Body." in pdf_text(path) and any("protective marking" in w for w in warnings)


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
@pytest.mark.parametrize(
    "unit",
    [
        "ü" * 1_100,  # one word longer than the column, taller than a page before
        "squadrons " * 110,
        "漢字" * 1_200,  # the widest characters
        "Ŵ" * 4_900,  # wide letters, just under the cell cap
    ],
    ids=["long-word", "words", "cjk", "wide-letters"],
)
def test_a_long_unit_in_the_narrowest_column_lays_out(
    tmp_path: Path, suffix: str, unit: str
) -> None:
    style = BriefingStyle(numbered_items=True, grading=True)  # the narrowest unit column
    figure = Figure(text="5", value=5, unit=unit, reliability="B", credibility="2")
    path = tmp_path / f"unit.{suffix}"

    _export(_briefing(figure, figure.model_copy(update={"id": "second"}), style=style), path)

    # Every character of both cells (text extraction may interleave a tall row's columns).
    shown = squeezed(pdf_text(path) if suffix == "pdf" else docx_text(path))
    token = "q" if " " in unit else unit[0]  # a letter found nowhere else in the export
    assert shown.count(token) == 2 * unit.count(token)


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_a_table_cell_beyond_the_cap_is_cut_with_a_note_in_the_cell(
    tmp_path: Path, suffix: str
) -> None:
    counts = " ".join(f"{n} troops" for n in range(150_000))  # 1.3 MB on one line
    path = tmp_path / f"cell.{suffix}"

    warnings = _export(_briefing(Figure(text="1", value=1, counts=counts)), path)

    shown = pdf_text(path) if suffix == "pdf" else docx_text(path)
    assert "0 troops 1 troops" in " ".join(shown.split())
    assert "[cut:" in shown
    assert any(f"more than {CELL_CHARS:,} characters" in w for w in warnings)
    if suffix == "docx":
        cell = docx.Document(str(path)).tables[0].rows[1].cells[2].text
        assert len(cell) < CELL_CHARS + 100 and cell.endswith("see the briefing file]")


def test_a_section_heading_and_title_beyond_the_cap_are_cut(tmp_path: Path) -> None:
    title = "Headline " * 2_000
    section = Section(title="Section " * 2_000, items=(Note(text="Body."),))
    path = tmp_path / "headings.pdf"

    warnings = _export(Briefing(title=title, sections=(section,)), path)

    shown = pdf_text(path)
    assert shown.count("[cut:") == 2 and "Body." in shown
    assert any(f"longer than {HEADING_CHARS:,}" in w for w in warnings)
    assert all(len(w) < 600 for w in warnings)  # a warning stays a sentence


# ----- many items: linear, and bounded ---------------------------------------------------------


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_a_long_figure_table_keeps_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    from docx.table import Table

    figures = tuple(
        Figure(id=f"f{n}", text=str(n), value=n, counts=f"tally-{n:04d}") for n in range(1_500)
    )
    path = tmp_path / f"table.{suffix}"
    rows_added: list[int] = []
    add_row = Table.add_row

    def counted(table: Table) -> object:
        rows_added.append(1)
        return add_row(table)

    monkeypatch.setattr(Table, "add_row", counted)

    _export(_briefing(*figures), path)

    if suffix == "docx":  # python-docx's add_row scans the table: used once, then copies
        assert len(rows_added) == 1

    shown = pdf_text(path) if suffix == "pdf" else docx_text(path)
    assert sorted(set(re.findall(r"tally-\d{4}", shown))) == [
        f"tally-{n:04d}" for n in range(1_500)
    ]


def test_a_flood_of_items_shows_the_first_ones_and_says_how_many_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.layout import build, limits

    monkeypatch.setattr(build, "SECTION_ITEMS", 300)
    monkeypatch.setattr(limits, "SECTION_ITEMS", 300)
    questions = tuple(Question(id=f"q{n}", text=f"Question {n}?") for n in range(1_000))
    path = tmp_path / "flood.docx"

    warnings = _export(_briefing(*questions), path)

    shown = docx_text(path)
    assert "Question 299?" in shown and "Question 300?" not in shown
    assert "[cut: 700 more items of this section; see the briefing file]" in shown
    assert any("holds 1,000 items" in w and "first 300" in w for w in warnings)


def _cited_briefing(citations: int, paragraphs: int) -> tuple[Briefing, list[int]]:
    text = "\n\n".join(f"Paragraph {n} says something worth quoting." for n in range(paragraphs))
    source = import_text(text, origin="report.txt", outlet="Wire")
    assert len(source.paragraphs) == paragraphs
    chosen = [(n * 7919) % paragraphs for n in range(citations)]
    items = []
    for number, index in enumerate(chosen):
        span = source.paragraphs[index]
        words = source.text[span.start : span.end]
        anchor = Anchor(source_id=source.id, start=span.start, end=span.end, text=words)
        items.append(
            Statement(
                id=f"s{number}", content=words, speaker="Spokesperson", direct=True, anchor=anchor
            )
        )
    return _briefing(*items, sources=(source,)), chosen


def test_10_000_citations_into_an_article_of_100_000_paragraphs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.layout import checks

    briefing, chosen = _cited_briefing(10_000, 100_000)
    path = tmp_path / "cited.pdf"
    whole_article_searches: list[str] = []
    searched = checks.quote_is_faithful

    def counted(statement: Statement, source: object) -> bool:
        whole_article_searches.append(statement.id)
        return searched(statement, source)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "quote_is_faithful", counted)

    warnings = _export(briefing, path)

    shown = " ".join(pdf_text(path).split())
    for index in (chosen[0], chosen[4_999], chosen[-1]):  # the right paragraph, by bisection
        assert f"Paragraph {index} says" in shown and f"[1, ¶{index + 1}]" in shown
    assert not any("no longer match" in w for w in warnings)  # every quote is faithful
    # Each quote was found beside its anchor: none made a search of the whole article.
    assert whole_article_searches == []


def test_a_misquote_far_from_its_anchor_is_still_found_to_be_a_misquote() -> None:
    briefing, _ = _cited_briefing(3, 50)
    first = briefing.sections[0].items[0]
    assert isinstance(first, Statement)
    edited = first.model_copy(update={"content": "Words the article never had."})
    section = briefing.sections[0].model_copy(
        update={"items": (edited, *briefing.sections[0].items[1:])}
    )
    warnings = layout(briefing.model_copy(update={"sections": (section,)})).warnings
    assert any("1 direct quote no longer matches" in w for w in warnings)


def test_a_cue_of_many_auxiliaries_is_read_in_linear_time() -> None:
    statement = Statement(content="It is so.", speaker="A", cue="has " * 24_000 + "warned")
    with hang_guard(20):
        document = layout(_briefing(statement))
    assert "warned" in document.plain_text()


def test_typographic_quotes_match_a_character_by_character_reading() -> None:
    assert typographic('"Yes," she said. "It\'s (\'60s)" -- "x"') == (
        "“Yes,” she said. “It’s ('60s)” -- “x”"
    )
    assert typographic('a"b "c" ("d") -"e"') == "a”b “c” (“d”) -“e”"
    with hang_guard(20):
        assert typographic('"' * 1_000_000).count("“") == 1


def test_another_script_in_a_long_text_is_grouped_in_linear_time(tmp_path: Path) -> None:
    text = "Ελληνικά 漢字テキスト 😀 " * 8_000  # the main font lacks some: many font runs
    path = tmp_path / "scripts.pdf"
    _export(_briefing(Note(text=text)), path)
    assert "Ελληνικά" in pdf_text(path)


# ----- messages in plain words --------------------------------------------------------------


def test_an_unlayable_part_is_named_in_words_not_reportlab_internals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlab.platypus import Flowable

    class Unsplittable(Flowable):  # type: ignore[misc]
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return availWidth, 5_000

    original = pdf_writer._Flowables.block

    def block(self: pdf_writer._Flowables, block: b.Block) -> list[Flowable]:
        if isinstance(block, b.Paragraph) and "poison" in block.text:
            return [Unsplittable()]
        return original(self, block)

    monkeypatch.setattr(pdf_writer._Flowables, "block", block)
    briefing = Briefing(
        sections=(Section(title="Key points", items=(Note(text="poison"),)),), title="T"
    )
    with pytest.raises(ExportError) as caught:
        export_briefing(briefing, tmp_path / "x.pdf", "pdf")

    message = str(caught.value)
    assert message.startswith("The PDF could not be laid out:")
    assert "in the section “Key points”" in message and "too large to fit on a page" in message
    assert not _INTERNALS.search(message), message
    assert not (tmp_path / "x.pdf").exists()


def test_a_python_docx_failure_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(word_writer._BlockWriter, "_quote", broken)
    monkeypatch.setattr(word_writer._BlockWriter, "_paragraph", broken)
    briefing = Briefing(sections=(Section(title="Key points", items=(Note(text="x"),)),))
    with pytest.raises(ExportError) as caught:
        export_briefing(briefing, tmp_path / "x.docx", "docx")
    message = str(caught.value)
    assert "could not be written" in message and "Nothing was written" in message
    assert not _INTERNALS.search(message), message
    assert not (tmp_path / "x.docx").exists()


def test_control_characters_in_a_template_heading_never_reach_the_word_file(
    tmp_path: Path,
) -> None:
    source = import_text("An article.", origin="a.txt", title="Title\x00\x07 here")
    settings = LayoutSettings(sources_heading="Sources\x00\x1b")
    data, _ = render_docx(layout(_briefing(sources=(source,)), settings))
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    assert "Sources" in docx_text(path)


def _without_styles_content_type(reference: bytes) -> bytes:
    """The reference .docx with the styles part's content type removed: python-docx then
    reads that part as a plain part, which has no styles."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(reference)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "[Content_Types].xml":
                data = re.sub(rb'<Override[^>]*PartName="/word/styles.xml"[^>]*/>', b"", data)
            target.writestr(member, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "reference",
    [
        _without_styles_content_type(resource_bytes(REFERENCE_DOCX)),
        b"PK\x03\x04 not a zip at all",
    ],
    ids=["styles-part-without-content-type", "not-a-word-file"],
)
def test_an_unusable_reference_document_falls_back_to_the_standard_look(
    tmp_path: Path, reference: bytes
) -> None:
    document_layout = layout(_briefing(Note(text="Body text.")))
    with hang_guard():
        data, warnings = render_docx(document_layout, reference=reference)
    assert warnings == [REFERENCE_UNUSABLE]
    assert not _INTERNALS.search(REFERENCE_UNUSABLE)
    path = tmp_path / "fallback.docx"
    path.write_bytes(data)
    document = docx.Document(str(path))
    assert "Body text." in docx_text(path)
    assert "Heading 1" in {p.style.name for p in document.paragraphs}


# ----- output paths ----------------------------------------------------------------------------


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", "export", *args],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )


@pytest.fixture
def saved_briefing(tmp_path: Path) -> Path:
    path = tmp_path / "input.briefing"
    storage.save_briefing(_briefing(Note(text="Body.")), path)
    return path


def _targets(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "a-folder.pdf"
    folder.mkdir()
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    return {
        "name-too-long": (tmp_path / ("n" * 300 + ".pdf"), "too long"),
        "path-too-long": (tmp_path / ("d/" * 3_000 + "x.pdf"), "too long"),
        "folder": (folder, "is a folder"),
        "fifo": (fifo, "not a regular file"),
        "device": (Path("/dev/null"), "not a regular file"),
        "missing-folder": (tmp_path / "missing" / "x.pdf", "does not exist"),
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
@pytest.mark.parametrize(
    "case", ["name-too-long", "path-too-long", "folder", "fifo", "device", "missing-folder"]
)
def test_an_unusable_output_path_is_a_sentence_not_a_traceback(
    tmp_path: Path, saved_briefing: Path, case: str
) -> None:
    target, said = _targets(tmp_path)[case]
    with pytest.raises(ExportError, match=said):
        export_briefing(_briefing(Note(text="x")), target, "pdf")

    done = _run_cli(str(saved_briefing), "-o", str(target), "--format", "pdf")
    assert done.returncode == 1
    assert said in done.stderr and "Traceback" not in done.stderr
    assert not _INTERNALS.search(done.stderr.replace("briefing-builder:", "")), done.stderr
    if case == "fifo":
        assert stat.S_ISFIFO(target.stat().st_mode)  # still a pipe, never written to


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage.os, "fsync", no_space)


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_a_full_disk_claims_no_previous_version_that_never_existed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    _full_disk(monkeypatch)
    target = tmp_path / f"new.{suffix}"
    with pytest.raises(ExportError) as caught:
        export_briefing(_briefing(Note(text="x")), target, suffix)
    assert "previous version" not in str(caught.value)
    assert not _INTERNALS.search(str(caught.value))
    assert list(tmp_path.iterdir()) == []  # no half-written file, no temporary file


def test_a_full_disk_leaves_an_earlier_export_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "old.pdf"
    export_briefing(_briefing(Note(text="first")), target, "pdf")
    before = target.read_bytes()
    _full_disk(monkeypatch)
    with pytest.raises(ExportError, match="previous version of the file is unchanged"):
        export_briefing(_briefing(Note(text="second")), target, "pdf")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def test_the_command_line_says_a_hostile_export_in_words(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hostile.briefing"
    marking = "SECRET " * 400
    figure = Figure(text="1", value=1, unit="u" * 3_000, counts="c " * 10_000)
    storage.save_briefing(_briefing(figure, Note(text="word " * 40_000), marking=marking), path)

    for suffix in ("pdf", "docx"):
        done = _run_cli(str(path), "-o", str(tmp_path / f"out.{suffix}"))
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert "protective marking" in done.stderr and "figure-table cell" in done.stderr


def test_render_document_reports_the_cuts_among_its_warnings() -> None:
    rendered = render_document(_briefing(Note(text="x"), marking="M " * 1_000), "pdf")
    assert rendered.data.startswith(b"%PDF")
    assert any("protective marking" in w for w in rendered.warnings)


def test_cut_warnings_agree_with_their_count() -> None:
    from app.layout.limits import _warning

    assert _warning("text", 1).startswith("1 text longer than")
    assert "was cut" in _warning("text", 1) and "keeps it whole" in _warning("text", 1)
    assert _warning("cell", 3).startswith("3 figure-table cells held")
    assert "(s)" not in _warning("heading", 2) + _warning("cell", 1)
