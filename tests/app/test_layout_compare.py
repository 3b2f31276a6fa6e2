"""layout() adds "Figures compared" and the "Glossary" after a template's own sections,
each behind its switch in the style and only when it has something to show."""

from __future__ import annotations

import datetime as dt

import pytest

from app.compare import compare_briefing
from app.compare.types import Comparison, FigureGroup, FigureRef
from app.extraction import extract
from app.importing import import_text
from app.layout import DocumentLayout, FigureTable, Heading, Paragraph, layout
from app.layout import blocks as b
from app.layout.compared import COMPARED_COLUMNS, figures_compared
from app.layout.limits import HEADING_CHARS
from app.models import Briefing, BriefingStyle, Figure, GlossaryEntry, Section, Source
from app.proposals import all_proposals, briefing_from_article, item_from_proposal
from app.sample import load_sample
from tests.app.test_layout_compare_since_last import _Parts

# Two short reports of our own on the sample's story, written for these tests: one gives
# 12,000 where the sample gives 10,000 (a discrepancy), one relays the first through Reuters.
SEOUL_WIRE = """South Korea says 12,000 North Korean soldiers are bound for Russia
Seoul, 18 October 2024
South Korea's National Intelligence Service (NIS) said on Friday that North Korea had decided to send about 12,000 troops to help Russia in its war against Ukraine.
The NIS said the first 1,500 special forces soldiers had already left by Russian navy ship for Vladivostok, where they were being issued Russian uniforms and forged identity papers.
"The dispatch of North Korean troops has begun," the NIS said in a statement, adding that it had tracked the movement with satellite imagery.
Moscow denied the report. Dmitry Peskov, the Kremlin spokesman, called it "another fake".
The NIS, South Korea's spy agency, said Pyongyang had also shipped more than 13,000 containers of artillery shells and missiles to Russia since August 2023.
It is not clear whether the soldiers would fight in Ukraine or take the place of Russian units elsewhere.
"""  # noqa: E501

BRUSSELS_DESK = """Allies weigh reports of North Korean troops in Russia
Brussels, 21 October 2024
Western governments have yet to confirm that North Korean troops are in Russia, but officials in several capitals say the reports are credible.
Reuters, citing the NIS, reported that about 12,000 North Korean troops were preparing to join Russian forces.
A NATO official said the alliance could not confirm the number, which the official put at "somewhere between a few thousand and 10,000".
Ukraine's defence intelligence agency (HUR) said separately that 2,600 North Korean soldiers would be sent to the Kursk region.
Analysts said Russia's daily casualty rate, estimated by Western officials at 1,200 in October, explained why Moscow was looking abroad for manpower.
Who would command the North Korean units once they reached the front remains unknown.
"""  # noqa: E501

OWN_ARTICLES = (
    (SEOUL_WIRE, "Yonhap Wire", dt.date(2024, 10, 18)),
    (BRUSSELS_DESK, "Brussels Desk", dt.date(2024, 10, 21)),
)
GLOSSARY = (
    GlossaryEntry(term="NIS", expansion="National Intelligence Service"),
    GlossaryEntry(term="HUR", expansion="Main Directorate of Intelligence of Ukraine"),
    GlossaryEntry(term="DPRK", expansion="Democratic People's Republic of Korea"),
    GlossaryEntry(term="KPA", expansion=""),  # used without an expansion
    GlossaryEntry(term="GRU", expansion="  "),
)


def with_article(briefing: Briefing, source: Source) -> Briefing:
    """briefing with source added and every proposal from it accepted into the section
    that takes its kind."""
    items = [item_from_proposal(source, p) for p in all_proposals(extract(source))]
    sections = tuple(
        section.model_copy(
            update={"items": (*section.items, *(i for i in items if i.kind in section.kinds))}
        )
        for section in briefing.sections
    )
    return briefing.model_copy(
        update={"sources": (*briefing.sources, source), "sections": sections}
    )


def three_articles(**style: object) -> Briefing:
    """The sample article and our two, every proposal accepted, with a glossary."""
    sample = load_sample()
    briefing = briefing_from_article(sample, extract(sample))
    for text, outlet, published in OWN_ARTICLES:
        source = import_text(text, origin=f"{outlet}.txt", outlet=outlet, published=published)
        briefing = with_article(briefing, source)
    return briefing.model_copy(
        update={
            "title": "North Korean troops for Russia",
            "date": dt.date(2024, 10, 22),
            "bottom_line": "North Korea is sending troops to Russia; how many is disputed.",
            "glossary": GLOSSARY,
            "style": BriefingStyle(**style),  # type: ignore[arg-type]
        }
    )


def headings(document: DocumentLayout, level: int = 1) -> list[str]:
    return [bl.text for bl in document.blocks if isinstance(bl, Heading) and bl.level == level]


def at_heading(document: DocumentLayout, heading: str) -> int:
    return next(
        i for i, bl in enumerate(document.blocks) if isinstance(bl, Heading) and bl.text == heading
    )


def table_after(document: DocumentLayout, heading: str) -> FigureTable:
    table = next(
        bl for bl in document.blocks[at_heading(document, heading) :] if isinstance(bl, FigureTable)
    )
    return table


def compared_part(document: DocumentLayout) -> list[b.Block]:
    """The blocks of "Figures compared", after its heading, up to the next section."""
    start = at_heading(document, "Figures compared") + 1
    end = next(
        i
        for i, bl in enumerate(document.blocks)
        if i >= start and isinstance(bl, Heading) and bl.level == 1
    )
    return list(document.blocks[start:end])


def cell(row: tuple[b.Spans, ...], column: int) -> str:
    return b.spans_text(row[column])


# ----- Figures compared ---------------------------------------------------------------------


def test_figures_compared_follows_the_sections_and_comes_before_glossary_and_sources() -> None:
    document = layout(three_articles())
    names = headings(document)
    assert names[-3:] == ["Figures compared", "Glossary", "Sources"]
    assert names.index("Key figures") < names.index("Figures compared")


def test_each_shared_count_has_a_subheading_a_summary_and_a_table_of_its_figures() -> None:
    briefing = three_articles()
    shared = [g for g in compare_briefing(briefing).groups if g.source_count > 1]
    part = compared_part(layout(briefing))
    kinds = [type(bl) for bl in part]
    assert kinds == [Heading, Paragraph, FigureTable] * len(shared)
    for group, (subheading, summary, table) in zip(
        shared, zip(part[::3], part[1::3], part[2::3], strict=True), strict=True
    ):
        assert isinstance(subheading, Heading) and subheading.level == 2
        assert subheading.text.casefold() == group.label.casefold()
        assert isinstance(summary, Paragraph) and summary.text.startswith(
            f"In {group.source_count} of 3 articles, from {group.origin_count} independent"
        )
        assert isinstance(table, FigureTable) and table.header == COMPARED_COLUMNS
        assert len(table.rows) == len(group.figures)
        assert all(cell(row, 2).startswith("[") for row in table.rows)


def test_the_discrepancy_between_10000_and_12000_is_said_in_words() -> None:
    briefing = three_articles()
    part = compared_part(layout(briefing))
    text = b.DocumentLayout("", "", "", "", "A4", tuple(part)).plain_text()
    assert "10,000" in text and "12,000" in text
    discrepancy = compare_briefing(briefing).discrepancies[0]
    summary = next(bl for bl in part if isinstance(bl, Paragraph) and "Discrepancy: " in bl.text)
    assert any(span.style == "strong" and "Discrepancy" in span.text for span in summary.spans)
    assert discrepancy.discrepancy_note.split(" (")[0] in summary.text
    # Who gives each figure: the speaker, else the article's outlet.
    givers = {
        cell(row, 1) for table in part if isinstance(table, FigureTable) for row in table.rows
    }
    assert {"Sky News", "Reuters", "A Western official"} <= givers


def test_citations_in_the_tables_use_the_same_numbers_as_the_sections() -> None:
    document = layout(three_articles())
    sources = document.plain_text().split("\nSources\n")[1]
    assert sources.startswith("[1] Sky News")
    assert "[2] Yonhap Wire" in sources and "[3] Brussels Desk" in sources
    rows = [row for bl in compared_part(document) if isinstance(bl, FigureTable) for row in bl.rows]
    from_sky = {cell(row, 2)[1] for row in rows if cell(row, 1) == "Sky News"}
    assert from_sky == {"1"}


def test_inline_citations_name_the_outlet_in_the_source_column() -> None:
    document = layout(three_articles(citation_style="inline"))
    rows = [row for bl in compared_part(document) if isinstance(bl, FigureTable) for row in bl.rows]
    sources = {cell(row, 2).split(",")[0] for row in rows}
    assert {"Sky\u00a0News", "Yonhap\u00a0Wire", "Brussels\u00a0Desk"} <= sources


def test_numbered_style_numbers_each_group_running_on_and_grading_adds_a_column() -> None:
    document = layout(three_articles(numbered_items=True, grading=True))
    part = compared_part(document)
    summaries = [bl for bl in part if isinstance(bl, Paragraph)]
    numbers = [int(bl.text.split(".")[0]) for bl in summaries]
    questions = [bl for bl in document.blocks if isinstance(bl, b.NumberedList)]
    last_before = questions[-1].start + len(questions[-1].entries) - 1
    assert numbers == list(range(last_before + 1, last_before + 1 + len(summaries)))
    tables = [bl for bl in part if isinstance(bl, FigureTable)]
    assert all(t.header == (*COMPARED_COLUMNS, "Grade") for t in tables)
    assert all(sum(t.column_widths) == pytest.approx(1) for t in tables)
    assert all(cell(row, 3) == "—" for t in tables for row in t.rows)  # nobody graded these


def test_switched_off_or_with_one_article_there_is_no_figures_compared() -> None:
    assert "Figures compared" not in headings(layout(three_articles(figures_compared=False)))
    sample = load_sample()
    one = briefing_from_article(sample, extract(sample))
    assert "Figures compared" not in headings(layout(one))


def _ref(key: str, source_id: str, text: str, value: float) -> FigureRef:
    return FigureRef(
        key=key,
        source_id=source_id,
        source_name=f"{source_id.title()} Post, 17 Oct",
        text=text,
        value=value,
        value_high=None,
        unit="",
        counts="tanks",
        approximate=False,
        vague=False,
        asserted_by="",
        origin=source_id,
        start=0,
        end=len(text),
    )


def test_only_groups_from_two_articles_are_shown_and_a_long_label_is_cut_to_the_heading_cap() -> (
    None
):
    shared = FigureGroup(
        key="tanks",
        label="tanks " + "very " * HEADING_CHARS,
        unit="",
        figures=(_ref("a", "north", "40", 40), _ref("b", "south", "about 40", 40)),
        discrepancy=False,
        discrepancy_note="",
        source_count=2,
        origin_count=2,
    )
    alone = FigureGroup("guns", "guns", "", (_ref("c", "north", "7", 7),), False, "", 1, 1)
    parts = _Parts()
    blocks = figures_compared(
        Comparison(groups=(alone, shared), source_count=2), Briefing(), parts, heading="Compared"
    )
    assert [type(bl) for bl in blocks] == [Heading, Heading, Paragraph, FigureTable]
    assert isinstance(blocks[0], Heading) and blocks[0].text == "Compared"
    subheading, table = blocks[1], blocks[3]
    assert isinstance(subheading, Heading) and "[cut:" in subheading.text
    assert parts.cuts.counts["heading"] == 1
    assert isinstance(table, FigureTable) and len(table.rows) == 2
    # Not in the briefing (a bare comparison): the figure as written, the article's name.
    assert [cell(row, 0) for row in table.rows] == ["40", "about 40"]
    assert [cell(row, 1) for row in table.rows] == ["North Post", "South Post"]
    assert [cell(row, 2) for row in table.rows] == ["North Post, 17 Oct", "South Post, 17 Oct"]
    nothing = Comparison(groups=(alone,), source_count=2)
    assert figures_compared(nothing, Briefing(), _Parts(), heading="Compared") == []


# ----- Glossary -------------------------------------------------------------------------------


def test_glossary_lists_explained_terms_sorted_with_the_term_in_bold() -> None:
    document = layout(three_articles())
    table = table_after(document, "Glossary")
    assert [cell(row, 0) for row in table.rows] == ["DPRK", "HUR", "NIS"]
    assert cell(table.rows[0], 1) == "Democratic People’s Republic of Korea"
    assert all(row[0][0].style == "strong" for row in table.rows)
    assert "KPA" not in document.plain_text().split("Glossary")[1]


def test_terms_without_expansion_are_counted_in_one_warning() -> None:
    warnings = layout(three_articles()).warnings
    assert "2 glossary terms have no expansion; they are left out of the export’s Glossary." in (
        warnings
    )
    one = three_articles().model_copy(update={"glossary": GLOSSARY[:4]})
    assert any(
        w.startswith("1 glossary term has no expansion; it is") for w in layout(one).warnings
    )


def test_glossary_switched_off_has_no_section_and_no_warning() -> None:
    document = layout(three_articles(glossary=False))
    assert "Glossary" not in headings(document)
    assert not any("glossary" in w for w in document.warnings)


def test_glossary_sorts_case_and_accents_aside_and_is_omitted_when_empty() -> None:
    entries = (
        GlossaryEntry(term="état-major", expansion="general staff"),
        GlossaryEntry(term="EU", expansion="European Union"),
        GlossaryEntry(term="Ebola", expansion="a virus"),
    )
    briefing = Briefing(
        sections=(Section(title="Notes", items=(Figure(text="3", value=3),)),), glossary=entries
    )
    table = table_after(layout(briefing), "Glossary")
    assert [cell(row, 0) for row in table.rows] == ["Ebola", "état-major", "EU"]
    empty = briefing.model_copy(update={"glossary": (GlossaryEntry(term="X"),)})
    assert "Glossary" not in headings(layout(empty))
    assert not any(
        isinstance(bl, Paragraph) and "Glossary" in bl.text for bl in layout(empty).blocks
    )
