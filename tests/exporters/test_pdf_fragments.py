"""The PDF writer builds paragraphs without reportlab's markup parser (for speed); what it
builds must be what the parser makes of the same text written as markup."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from app.layout import blocks as b
from exporters import pdf
from exporters.pdf_fonts import Markup, register_fonts
from exporters.pdf_styles import stylesheet
from tests.exporters.helpers import ACCENTED, CYRILLIC, GREEK, MARKUP, URL

SPANS = [
    (b.Span("Plain text only."),),
    (b.Span("Zelenskyy said “it is”."), b.Span(" "), b.Span("[1,\u00a0¶4]", "reference")),
    (b.Span("  Leading and\ttrailing \n space  "), b.Span("bold", "strong")),
    (b.Span(" ".join(MARKUP)), b.Span(" & more <i>", "emphasis")),
    (b.Span(f"{GREEK} {CYRILLIC} {ACCENTED}"), b.Span("漢字 and שלום", "emphasis")),
    (b.Span("Source: "), b.Span("the page", "link", URL), b.Span(", accessed today.")),
    (b.Span(""),),
    (),
]


def _runs(fragments: list[object]) -> list[tuple[object, ...]]:
    """Fragments as (text, font, size, colour, link, underline), neighbours that look the
    same joined: the parser splits text at each entity (&amp;) without changing the look."""
    runs: list[tuple[object, ...]] = []
    for fragment in fragments:
        look = tuple(
            repr(getattr(fragment, name, None))
            for name in ("fontName", "fontSize", "textColor", "link", "us_lines", "rise")
        )
        if runs and runs[-1][1:] == look:
            runs[-1] = (runs[-1][0] + fragment.text, *look)  # type: ignore[attr-defined]
        else:
            runs.append((fragment.text, *look))  # type: ignore[attr-defined]
    return [run for run in runs if run[0]]


@pytest.mark.parametrize("spans", SPANS, ids=range(len(SPANS)))
@pytest.mark.parametrize("style", [b.BODY, b.TABLE_TEXT, b.SOURCE_ENTRY])
def test_fragments_match_what_the_markup_parser_makes(spans: b.Spans, style: str) -> None:
    sheet = stylesheet(register_fonts())
    flowables = pdf._Flowables(sheet, Markup(), 400)
    markup = "".join(_markup(Markup(), span) for span in spans)
    parsed = Paragraph(markup, sheet[style])

    first = flowables.paragraph(spans, style)  # parses the shape
    again = flowables.paragraph(spans, style)  # copies the shape's fragments

    assert _runs(first.frags) == _runs(parsed.frags)
    assert _runs(again.frags) == _runs(parsed.frags)
    assert again.frags is not first.frags
    assert first.wrap(400, 1000) == parsed.wrap(400, 1000)


def _markup(markup: Markup, span: b.Span) -> str:
    """The span as the markup the writer used to give reportlab's parser."""
    if span.style == "link" and span.url:
        return markup.link(span.text, span.url)
    text = markup.text(span.text)
    if span.style == "reference":
        return f'<font color="{pdf.REFERENCE_COLOUR}" size="8.5">{text}</font>'
    tag = {"strong": "b", "emphasis": "i"}.get(span.style)
    return f"<{tag}>{text}</{tag}>" if tag else text


def test_a_paragraph_wrapped_again_at_the_same_width_keeps_its_lines() -> None:
    sheet = stylesheet(register_fonts())
    paragraph = pdf._Flowables(sheet, Markup(), 400).paragraph((b.Span("word " * 200),), b.BODY)
    wide = paragraph.wrap(400, 1000)
    narrow = paragraph.wrap(200, 1000)

    assert narrow[1] > wide[1]  # a new width is wrapped anew
    assert paragraph.wrap(200, 1000) == narrow
    assert paragraph.wrap(400, 1000) == wide
    assert len(paragraph._lines) == wide[1] / sheet[b.BODY].leading


def test_plain_table_cells_sit_on_the_same_line_as_paragraph_cells(tmp_path) -> None:
    """Short plain cells are drawn as strings (fast); they must share the baseline of a
    cell in the same font drawn as a paragraph (text that wraps) in the same row."""
    import pypdf

    from exporters.pdf import export_pdf

    long_text = "troops near the border, in three groups moving by night towards the river"
    table = b.FigureTable(
        header=("Figure", "Unit", "What it counts", "Asserted by", "Source"),
        rows=(
            (
                (b.Span("10,000"),),
                (b.Span(""),),
                (b.Span(long_text),),
                (b.Span("Officials"),),
                (b.Span("[1,\u00a0¶4]", "reference"),),
            ),
        ),
        column_widths=(0.15, 0.1, 0.35, 0.2, 0.2),
    )
    document_layout = b.DocumentLayout(
        title="Cells", subject="", author="", marking="", page_size="A4", blocks=(table,)
    )
    path = tmp_path / "cells.pdf"
    export_pdf(document_layout, path)
    baselines: dict[str, float] = {}

    def seen(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            baselines.setdefault(text.strip(), round(cm[5] + tm[5] * cm[3], 2))

    pypdf.PdfReader(path).pages[0].extract_text(visitor_text=seen)
    first_line = next(y for text, y in baselines.items() if text.startswith("troops near"))
    assert [baselines["10,000"], baselines["Officials"]] == [first_line] * 2
    # The reference, in its smaller type, sits where a paragraph of it did: its baseline
    # one (smaller) font size below the top padding, so half a point higher.
    assert baselines["[1, ¶4]"] == first_line + (9 - pdf.REFERENCE_SIZE)


def test_only_short_plain_cells_become_strings() -> None:
    flowables = pdf._Flowables(stylesheet(register_fonts()), Markup(), 400)

    assert flowables.cell((b.Span("10,000"),), 60) == "10,000"
    assert flowables.cell((b.Span(""),), 60) == ""
    assert flowables.cell((b.Span("[1,\u00a0¶4]", "reference"),), 60) == "[1,\u00a0¶4]"
    for spans in (
        (b.Span("troops near the border, in three groups"),),  # wider than the column
        (b.Span("Sky News, ¶14", "reference"),),  # wider than the column
        (b.Span("10,000 "), b.Span("[1]", "reference")),  # two kinds of type
        (b.Span("strong", "strong"),),
        (b.Span("two  spaces"),),  # a paragraph would collapse them
        (b.Span("漢字"),),  # set in a fallback font
    ):
        assert isinstance(flowables.cell(spans, 60), Paragraph), spans


def _reportlab_lines(paragraph: Paragraph, width: float) -> list[list[str]]:
    """reportlab's own lines for the paragraph: each line's runs as (text, size, colour)."""
    blpara = Paragraph.breakLines(paragraph, [width, width])
    if blpara.kind == 0:
        return [[" ".join(words)] for _, words in blpara.lines]
    return [["".join(w.text for w in line.words).rstrip(" ")] for line in blpara.lines]


def test_own_line_breaking_makes_reportlabs_lines() -> None:
    """The writer breaks plain paragraphs itself (fast); its lines must be reportlab's,
    word for word, at every width, or it must leave the paragraph to reportlab."""
    sheet = stylesheet(register_fonts())
    flowables = pdf._Flowables(sheet, Markup(), 400)
    texts = [
        "Western officials claimed that the daily casualty rate in September for Russian "
        "military personnel – killed and injured in Ukraine – is 1,271.",
        "“Do they [the North Koreans and the Russians] have radios that talk to each other?” "
        "a Western official asked.",
        "Are 10,000 North Korean troops really heading to Ukraine?",
        "short",
    ]
    taken = 0
    for text in texts:
        for spans in (
            (b.Span(text),),
            (b.Span(text), b.Span(" "), b.Span("[1,\u00a0¶14]", "reference")),
            (b.Span("[2]", "reference"), b.Span(" — " + text)),
        ):
            for width in (60, 90, 150, 233.7, 300, 451.3):
                paragraph = flowables.paragraph(spans, b.BODY)
                lines = pdf._broken(paragraph, width)
                if lines is None:
                    continue  # left to reportlab: also fine
                taken += 1
                ours = [["".join(text for _, text in line.runs)] for line in lines]
                assert ours == _reportlab_lines(paragraph, width), (text, width)
    assert taken > 40  # the fast path is taken for nearly all of them


def _word_boxes(path: Path) -> list[tuple[str, float, float, float, float]]:
    """Every word poppler reads in the PDF, with its box, rounded to a thousandth."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<'
    return [(word, *(round(float(n), 3) for n in box)) for *box, word in re.findall(pattern, html)]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_own_line_breaking_and_drawing_put_every_word_where_reportlab_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same document drawn by the writer's own path for plain paragraphs and by
    reportlab's alone: the same words at the same places, on the same pages."""
    from exporters.pdf import export_pdf

    long_text = (
        "That level of attrition means even thousands of North Korean troops equate to "
        "“not many days of casualties that is sort of plugging the gap”, a Western "
        "official said. "
    )
    cited = (b.Span(long_text * 3), b.Span("[1,\u00a0¶14]", "reference"))
    after_reference = (b.Span("[1,\u00a0¶6]", "reference"), b.Span(" — Unconfirmed by anyone"))
    # A line that fits only with its spaces squeezed (reportlab shrinks them: Tw).
    squeezed = (
        b.Span(
            "“From our intelligence, we’ve got information that North Korea sent tactical "
            "personnel and officers to Ukraine on temporary occupied territories, and they "
            "are preparing on their land, 10,000 soldiers, but they didn’t move them already "
            "to Ukraine or to Russia,” Volodymyr Zelenskyy said. "
        ),
        b.Span("[1,\u00a0¶5]", "reference"),
    )
    questions = [(b.Span(f"Question {n}? "), *cited[1:]) for n in range(1, 40)]
    blocks: list[b.Block] = [
        b.Paragraph(cited, b.BODY),
        b.Paragraph(after_reference, b.BODY),
        b.Paragraph(squeezed, b.BODY),
        b.NumberedList(entries=(*questions, cited)),
        b.BulletList(entries=(cited, after_reference)),
    ] * 3
    document_layout = b.DocumentLayout(
        title="Lines", subject="", author="", marking="", page_size="A4", blocks=tuple(blocks)
    )
    squeezing = pdf._Flowables(stylesheet(register_fonts()), Markup(), 400)
    paragraph = squeezing.paragraph(squeezed, b.BODY)
    lines = pdf._broken(paragraph, 458.6)  # A4's text width
    assert lines and any(pdf._word_space(line, 458.6) < 0 for line in lines)
    fast, slow = tmp_path / "fast.pdf", tmp_path / "slow.pdf"
    export_pdf(document_layout, fast)
    monkeypatch.setattr(pdf, "_broken", lambda paragraph, width: None)
    export_pdf(document_layout, slow)

    assert _word_boxes(fast) == _word_boxes(slow)
    assert len(_word_boxes(fast)) > 1000
