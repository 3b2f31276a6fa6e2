"""The sections an export adds (Since the last briefing, Figures compared, Glossary) under
every built-in template: a follow-up briefing of three articles on one story (the sample
and two of our own), with a glossary and a carried question answered, exported to PDF and
Word and read back, holds each section switched on, in its place, and none switched off."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import docx
import pytest

from app.compare import compare_briefing
from app.layout.prose import capitalised
from app.layout.wording import typographic
from app.models import Briefing
from app.templates import Template, apply_template, builtin_templates
from exporters.export import export_briefing
from tests.app.test_layout_compare_since_last import follow_up_briefing
from tests.exporters.helpers import flat, pdf_pages

TEMPLATES = builtin_templates()
SWITCHES = {
    "since_last_briefing": "Since the last briefing",
    "figures_compared": "Figures compared",
    "glossary": "Glossary",
}


@cache
def _follow_up() -> Briefing:
    return follow_up_briefing()


def under(template: Template, **switches: bool) -> Briefing:
    """The three-article briefing under template, with some of its switches overridden."""
    briefing = apply_template(_follow_up(), template)
    return briefing.model_copy(update={"style": briefing.style.model_copy(update=switches)})


def exported(briefing: Briefing, folder: Path) -> tuple[str, docx.document.Document]:
    """The PDF's text, whitespace made single, and the Word document, both read back."""
    export_briefing(briefing, folder / "b.pdf", "pdf")
    export_briefing(briefing, folder / "b.docx", "docx")
    return flat(" ".join(pdf_pages(folder / "b.pdf"))), docx.Document(str(folder / "b.docx"))


def word_headings(document: docx.document.Document, level: int = 1) -> list[str]:
    return [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name == f"Heading {level}"
    ]


def word_table_rows(document: docx.document.Document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_every_new_section_switched_on_is_in_both_formats_in_its_place(
    template: Template, tmp_path: Path
) -> None:
    briefing = under(template, figures_compared=True, glossary=True, since_last_briefing=True)
    pdf, word = exported(briefing, tmp_path)
    headings = word_headings(word)
    # Since the last briefing: straight after the bottom line, before the template's sections.
    assert headings[:2] == ["Bottom line", "Since the last briefing"]
    body = "\n".join(p.text for p in word.paragraphs)
    for text in (pdf, body.replace("\u00a0", " ")):
        assert "This briefing follows “Korea watch 1” of 17 October 2024." in text
        assert "North Korean soldiers: 12,000, was 10,000 on 17 October 2024." in text
        assert "Answer: “The dispatch of North Korean troops has begun,” the NIS said." in text
        assert "questions carried from the previous briefing remain open." in text
    assert pdf.index("Seoul now puts") < pdf.index("This briefing follows")
    assert headings[2] in [section.title for section in briefing.sections]
    assert pdf.index("remain open.") < pdf.index(headings[2], pdf.index("remain open."))
    assert headings[-2:] == ["Glossary", "Sources"] or headings[-3:-1] == ["Glossary", "Sources"]
    assert headings.index("Figures compared") == headings.index("Glossary") - 1
    # Figures compared: each shared count with its sources, the discrepancy in words.
    shared = [g for g in compare_briefing(briefing).groups if g.source_count > 1]
    assert word_headings(word, level=2) == [capitalised(g.label) for g in shared]
    note = typographic(next(g.discrepancy_note for g in shared if g.discrepancy))
    for text in (pdf, "\n".join(p.text for p in word.paragraphs)):
        assert "In 3 of 3 articles, from" in text
        assert f"Discrepancy: {note}" in text
    assert pdf.index("Figures compared") < pdf.index("Discrepancy:") < pdf.index("Glossary")
    rows = word_table_rows(word)
    first = next(i for i, row in enumerate(rows) if row[:3] == ["Figure", "Given by", "Source"])
    # Rows in the order of their citations, cited as the sections cite (numbered or inline).
    compared = rows[first + 1 : rows.index(["Term", "Stands for"])]
    assert compared[0][:2] == ["12,000", "South Korea"]
    assert compared[0][2].replace("\u00a0", " ") in ("[1, ¶1]", "Yonhap Wire, ¶1")
    numbers = [int(row[2][1]) for row in compared if row[2].startswith("[")]
    assert numbers == sorted(numbers)
    assert {row[0] for row in compared if row[2].startswith(("[3,", "Sky"))} == {
        "10,000",
        "thousands of (≈\u00a01,000–10,000)",
    }
    # Glossary: explained terms sorted, the unexplained left out.
    glossary_at = rows.index(["Term", "Stands for"])
    assert rows[glossary_at + 1 : glossary_at + 4] == [
        ["DPRK", "Democratic People’s Republic of Korea"],
        ["HUR", "Main Directorate of Intelligence of Ukraine"],
        ["NIS", "National Intelligence Service"],
    ]
    glossary = pdf[pdf.index("Glossary Term Stands for") :]
    assert "DPRK Democratic People’s Republic of Korea HUR" in glossary
    assert "KPA" not in glossary and "GRU" not in glossary
    assert glossary.index("NIS National Intelligence Service") < glossary.index("Sources")
    term_cell = word.tables[-1].rows[1].cells[0].paragraphs[0]
    assert [run.style.name for run in term_cell.runs] == ["Strong"]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_switched_off_the_new_sections_are_absent_from_both_formats(
    template: Template, tmp_path: Path
) -> None:
    briefing = under(template, figures_compared=False, glossary=False, since_last_briefing=False)
    pdf, word = exported(briefing, tmp_path)
    for heading in SWITCHES.values():
        assert heading not in word_headings(word)
        assert heading not in pdf
    assert "Discrepancy" not in pdf and "National Intelligence Service" not in word_table_rows(word)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_the_builtin_templates_own_switches_decide(template: Template, tmp_path: Path) -> None:
    _, word = exported(under(template), tmp_path)
    for flag, heading in SWITCHES.items():
        assert (heading in word_headings(word)) == getattr(template.style, flag), heading
