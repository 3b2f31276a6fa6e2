"""A briefing's style (from its template) changes the exported document as it promises."""

from __future__ import annotations

import datetime as dt

from app.layout import FigureTable, NumberedList, Paragraph, Quote, SourceList, Span, layout
from app.layout import blocks as b
from app.models import (
    Anchor,
    Briefing,
    BriefingStyle,
    Figure,
    Note,
    Question,
    Section,
    Source,
    Statement,
)
from tests.factories import rich_briefing


def styled(briefing: Briefing, **style: object) -> Briefing:
    return briefing.model_copy(update={"style": BriefingStyle(**style)})


def blocks_of(briefing: Briefing, kind: type) -> list:
    return [block for block in layout(briefing).blocks if isinstance(block, kind)]


def test_header_footer_text_and_organisation_reach_the_layout() -> None:
    briefing = styled(
        rich_briefing(),
        header_text="Policy Unit\x07",
        footer_text="Not for onward distribution",
        organisation="Ministry of Tests",
    )
    document = layout(briefing)
    assert document.header_text == "Policy Unit"  # cleaned like every other string
    assert document.footer_text == "Not for onward distribution"
    assert "Ministry of Tests" in document.plain_text().split("\n")[1]


def test_numbered_items_run_through_the_whole_document() -> None:
    plain = rich_briefing(items_per_section=2)
    briefing = styled(plain.model_copy(update={"bottom_line": "One.\nTwo."}), numbered_items=True)
    numbers: list[int] = []
    for block in layout(briefing).blocks:
        if isinstance(block, Paragraph) and block.style in (b.BOTTOM_LINE, b.BODY):
            first = block.spans[0].text if block.spans else ""
            if first[:1].isdigit():
                numbers.append(int(first.split(".")[0]))
        elif isinstance(block, Quote):  # no longer made for statements; kept for safety
            numbers.append(int(block.spans[0].text.split(".")[0]))
        elif isinstance(block, FigureTable):
            assert block.header[0] == "No."
            numbers += [int(b.spans_text(row[0])) for row in block.rows]
        elif isinstance(block, NumberedList):
            numbers += list(range(block.start, block.start + len(block.entries)))
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= len(plain.items()) + 2


def _statement_paragraph(briefing: Briefing) -> Paragraph:
    return next(
        block
        for block in blocks_of(briefing, Paragraph)
        if block.style == b.BODY and "Kowalska" in block.text
    )


def test_unnumbered_briefing_has_no_paragraph_numbers() -> None:
    paragraph = _statement_paragraph(rich_briefing())
    assert not paragraph.spans[0].text[:1].isdigit()
    assert "No." not in blocks_of(rich_briefing(), FigureTable)[0].header


def test_inline_citations_name_the_outlet_and_the_source_list_is_unnumbered() -> None:
    briefing = styled(rich_briefing(), citation_style="inline")
    paragraph = _statement_paragraph(briefing)
    assert "(Test\u00a0Times,\u00a0¶2)" in paragraph.text
    entries = blocks_of(briefing, SourceList)[0].entries
    assert all(entry.number == 0 for entry in entries)
    assert "[1]" not in layout(briefing).plain_text()


def test_grading_shows_each_grade_a_column_and_the_legend() -> None:
    base = rich_briefing()
    graded = tuple(
        section.model_copy(
            update={
                "items": tuple(
                    item.model_copy(update={"reliability": "B", "credibility": "2"})
                    if isinstance(item, Statement)
                    else item
                    for item in section.items
                )
            }
        )
        for section in base.sections
    )
    briefing = styled(base.model_copy(update={"sections": graded}), grading=True)
    document = layout(briefing)
    statement = _statement_paragraph(briefing)
    assert Span(" [B2]") in statement.spans  # in the text's own weight, not bold
    table = blocks_of(briefing, FigureTable)[0]
    assert table.header[-1] == "Grade" and b.spans_text(table.rows[0][-1]) == "—"
    assert abs(sum(table.column_widths) - 1) < 1e-9
    text = document.plain_text()
    assert "Grading" in text and "B usually reliable" in text and "6 truth cannot be judged" in text
    assert any("no full Admiralty grade" in warning for warning in document.warnings)


def test_grading_off_shows_no_grades_even_when_items_carry_them() -> None:
    item = Statement(content="x", speaker="A", reliability="A", credibility="1")
    briefing = Briefing(sections=(Section(title="S", items=(item,)),))
    assert "A1" not in layout(briefing).plain_text()


def test_the_likelihood_term_follows_the_bottom_line_and_is_checked() -> None:
    terms = ("unlikely", "likely")
    base = Briefing(
        bottom_line="Talks will resume.",
        sections=(Section(title="Q", items=(Question(text="When?"),)),),
    )
    chosen = styled(base.model_copy(update={"likelihood": "likely"}), likelihood_terms=terms)
    document = layout(chosen)
    assert "Likelihood: likely" in document.plain_text()
    assert not [w for w in document.warnings if "likelihood" in w]
    missing = layout(styled(base, likelihood_terms=terms))
    assert any("no likelihood term" in w for w in missing.warnings)
    stray = layout(
        styled(base.model_copy(update={"likelihood": "probable"}), likelihood_terms=terms)
    )
    assert any("not one of the template" in w for w in stray.warnings)


def test_figure_grade_shows_partial_grades_with_a_question_mark() -> None:
    figure = Figure(text="5", value=5, reliability="C")
    assert figure.grade == "C?"
    assert Figure(text="5").grade == ""


# Statements: form and order


def _statements_briefing(**style: object) -> Briefing:
    first, second = Source(text="a", outlet="One"), Source(text="b", outlet="Two")

    def said(speaker: str, content: str, source: Source) -> Statement:
        anchor = Anchor(source_id=source.id, start=0, end=1, text=source.text)
        return Statement(content=content, speaker=speaker, direct=True, anchor=anchor)

    items = (
        said("Ana", "We go", first),
        said("Ben", "We stay", second),
        Question(text="Who decides?"),
        said("Ana", "We go now", second),
        said("Cy", "We wait", first),
    )
    briefing = Briefing(sections=(Section(title="S", items=items),), sources=(first, second))
    return styled(briefing, **style)


def _statement_texts(briefing: Briefing) -> list[str]:
    return [p.text for p in blocks_of(briefing, Paragraph) if p.style == b.BODY]


def test_statements_keep_the_briefing_order_by_default() -> None:
    texts = _statement_texts(_statements_briefing())

    assert [t.split("”")[0] for t in texts] == ["“We go,", "“We stay,", "“We go now,", "“We wait,"]


def test_statements_grouped_by_speaker_in_order_of_first_appearance() -> None:
    briefing = _statements_briefing(statement_order="speaker")

    texts = _statement_texts(briefing)

    assert [t.split("”")[0] for t in texts] == ["“We go,", "“We go now,", "“We stay,", "“We wait,"]
    assert "Who decides?" in layout(briefing).plain_text()


def test_statements_grouped_by_source_article() -> None:
    texts = _statement_texts(_statements_briefing(statement_order="source"))

    assert [t.split("”")[0] for t in texts] == ["“We go,", "“We wait,", "“We stay,", "“We go now,"]


def test_speaker_first_form_puts_the_speaker_before_the_quote() -> None:
    texts = _statement_texts(_statements_briefing(statement_form="speaker_first"))

    assert texts[0] == "Ana: “We go.” [1]"  # the source has no paragraphs to point to


# Grading, analyst text and limits


def test_an_ungraded_statement_shows_nothing_inline_when_grading() -> None:
    briefing = styled(rich_briefing(), grading=True)

    paragraph = next(p for p in blocks_of(briefing, Paragraph) if "Kowalska" in p.text)

    assert "ungraded" not in layout(briefing).plain_text()
    assert "[" not in paragraph.text.replace("[1,", "")


def test_analyst_text_carries_its_role_label_only_when_the_style_says() -> None:
    notes = (Note(text="Talks will fail.", role="assessment"), Note(text="Plain words."))
    briefing = Briefing(sections=(Section(title="S", items=notes),))

    labelled = blocks_of(styled(briefing, label_analyst_text=True), Paragraph)
    unlabelled = blocks_of(styled(briefing, label_analyst_text=False), Paragraph)

    assert labelled[1].spans[0] == Span("Assessment: ", "strong")
    assert [p.text for p in labelled[1:]] == ["Assessment: Talks will fail.", "Plain words."]
    assert [p.text for p in unlabelled[1:]] == ["Talks will fail.", "Plain words."]


def test_a_role_label_is_not_repeated_under_a_heading_that_says_it() -> None:
    advice = Note(text="Agree the plan.", role="recommendation")
    briefing = Briefing(
        sections=(
            Section(title="Recommendation", items=(advice,)),
            Section(title="Argument", items=(advice.model_copy(update={"id": "other"}),)),
        )
    )

    texts = [p.text for p in blocks_of(styled(briefing, label_analyst_text=True), Paragraph)]

    assert texts[1:] == ["Agree the plan.", "Recommendation: Agree the plan."]


def test_item_limits_are_warned_about_per_section() -> None:
    items = tuple(Question(text=f"Q{n}?") for n in range(7))
    sections = (
        Section(title="Key points", item_limit=5, guidance="Three to five.", items=items),
        Section(title="Fine", item_limit=7, items=items),
        Section(title="Bare", item_limit=6, items=items),
    )

    warnings = layout(Briefing(sections=sections)).warnings

    assert "“Key points” holds 7 items; its guidance asks for no more than 5." in warnings
    assert "“Bare” holds 7 items; its limit is 6." in warnings
    assert not any("Fine" in warning for warning in warnings)


def test_what_a_senior_reader_looks_for_first_is_warned_about_when_missing() -> None:
    sections = (
        Section(title="Issue"),
        Section(title="Facts", items=(Question(text="Why?"),)),
        Section(title="Timing"),
    )
    briefing = Briefing(sections=sections)

    warnings = layout(briefing).warnings

    assert "The briefing has no bottom line." in warnings
    assert "The briefing has no date." in warnings
    assert "Empty, so left out of the export: “Issue”, “Timing”." in warnings
    finished = briefing.model_copy(
        update={"bottom_line": "Talks resume.", "date": dt.date(2024, 10, 24)}
    )
    assert not any("bottom line" in w or "date" in w for w in layout(finished).warnings)
    assert layout(Briefing(sections=(Section(title="Issue"),))).warnings == (
        "The briefing has no items yet.",
    )


def test_the_grading_legend_appears_only_once_something_is_graded() -> None:
    style = BriefingStyle(grading=True)
    statement = Statement(content="Talks resume.", speaker="Anna Kowalska")
    ungraded = Briefing(style=style, sections=(Section(title="S", items=(statement,)),))
    graded_item = statement.model_copy(update={"reliability": "B", "credibility": "2"})
    graded = ungraded.model_copy(update={"sections": (Section(title="S", items=(graded_item,)),)})

    assert "Admiralty" not in layout(ungraded).plain_text()
    assert "Admiralty" in layout(graded).plain_text()


def test_hedged_items_are_marked_when_the_template_wants_it() -> None:
    statement = Statement(content="Talks may resume", speaker="Anna Kowalska", hedged=True)
    figure = Figure(text="5,000", value=5000, counts="troops", asserted_by="NIS", hedged=True)
    briefing = Briefing(sections=(Section(title="S", items=(statement, figure)),))

    marked = layout(styled(briefing, mark_hedged=True)).plain_text()
    unmarked = layout(styled(briefing, mark_hedged=False)).plain_text()

    assert "(hedged)" in marked and "NIS — hedged" in marked
    assert "hedged" not in unmarked
