"""The PDF writer builds paragraphs without reportlab's markup parser (for speed); what it
builds must be what the parser makes of the same text written as markup."""

from __future__ import annotations

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
    assert len(paragraph.blPara.lines) == wide[1] / sheet[b.BODY].leading


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
