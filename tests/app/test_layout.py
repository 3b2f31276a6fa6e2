"""layout() decides what an exported briefing says and in what order; writers only draw it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from app.anchors import make_anchor
from app.importing import import_text
from app.layout import (
    Block,
    DocumentLayout,
    FigureTable,
    Heading,
    NumberedList,
    Paragraph,
    Quote,
    SourceList,
    Span,
    layout,
)
from app.layout import blocks as b
from app.layout.build import FIGURE_COLUMNS
from app.models import (
    Anchor,
    Briefing,
    BriefingStyle,
    Figure,
    Item,
    Note,
    Question,
    QuestionKind,
    QuestionStatus,
    Section,
    Source,
    Statement,
    VerificationStatus,
)
from tests.factories import rich_briefing

UNSAFE = "\x00\x07\x1b\x7f\x85\x9f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
DIRTY = "\x07\u202e"  # a bell and a right-to-left override, put into every field below


def _source(headline: str, *, url: str = "", outlet: str = "Daily Test") -> Source:
    text = f"{headline}\nFirst paragraph of {headline}.\nSecond paragraph of {headline} says more."
    source = import_text(
        text, origin=f"{headline}.txt", outlet=outlet, published=dt.date(2024, 10, 17)
    )
    # Set after import: what the import makes of a URL is the import's business.
    return source.model_copy(update={"url": url, "outlet": outlet, "title": headline})


def _anchor(source: Source, words: str) -> Anchor:
    start = source.text.index(words)
    return make_anchor(source, start, start + len(words))


def _briefing(*items: Item, sources: tuple[Source, ...] = (), **fields: object) -> Briefing:
    return Briefing(
        title="Test brief",
        sections=(Section(title="Items", items=items),),
        sources=sources,
        **fields,
    )


def _of(document: DocumentLayout, kind: type) -> list:
    return [block for block in document.blocks if isinstance(block, kind)]


def _text(spans: b.Spans) -> str:
    return b.spans_text(spans)


def _statement_paragraph(statement: Statement) -> Paragraph:
    """The body paragraph a statement becomes (statements are prose, not block quotes)."""
    document = layout(_briefing(statement))
    assert not _of(document, Quote)
    return next(p for p in _of(document, Paragraph) if p.style == b.BODY)


def _sentence(statement: Statement) -> str:
    return _statement_paragraph(statement).text


def _spans(block: Block) -> list[Span]:
    if isinstance(block, Paragraph):
        return list(block.spans)
    if isinstance(block, Quote):
        return [*block.spans, *block.attribution, *block.note]
    if isinstance(block, FigureTable):
        return [span for row in block.rows for cell in row for span in cell]
    if isinstance(block, NumberedList):
        return [span for entry in block.entries for span in entry]
    if isinstance(block, SourceList):
        return [span for entry in block.entries for span in entry.spans]
    return []


def _all_strings(document: DocumentLayout) -> list[str]:
    """Every string a writer shows: metadata, headings, spans, links and the warnings."""
    strings = [document.title, document.subject, document.author, document.marking]
    strings += document.warnings
    for block in document.blocks:
        if isinstance(block, Heading):
            strings.append(block.text)
        if isinstance(block, FigureTable):
            strings += block.header
        strings += [text for span in _spans(block) for text in (span.text, span.url)]
    return strings


# Title block and order


def test_title_block_has_the_title_then_the_long_date_and_author() -> None:
    briefing = Briefing(title="Morning brief", date=dt.date(2024, 10, 17), author="J. Analyst")

    title, subtitle = layout(briefing).blocks[:2]

    assert title == Paragraph((Span("Morning brief"),), b.TITLE)
    assert subtitle == Paragraph((Span("17 October 2024 · J. Analyst"),), b.SUBTITLE)


def test_untitled_briefing_is_titled_briefing() -> None:
    document = layout(Briefing())

    assert document.title == "Briefing"
    assert document.blocks[0].text == "Briefing"


def test_bottom_line_comes_right_after_the_title_block_and_before_sections() -> None:
    document = layout(rich_briefing())
    blocks = document.blocks

    assert [blocks[0].style, blocks[1].style] == [b.TITLE, b.SUBTITLE]
    assert blocks[2] == Heading("Bottom line")
    assert blocks[3] == Paragraph(
        (Span("Troop numbers are unverified; talks may resume."),), b.BOTTOM_LINE
    )
    assert blocks[4] == Heading("Key statements")


def test_bottom_line_of_several_lines_gives_one_paragraph_per_line() -> None:
    document = layout(Briefing(title="x", bottom_line="First point.\n\nSecond point."))

    paragraphs = [block for block in document.blocks if isinstance(block, Paragraph)]
    assert [(p.text, p.style) for p in paragraphs[1:]] == [
        ("First point.", b.BOTTOM_LINE),
        ("Second point.", b.BOTTOM_LINE),
    ]


def test_sections_follow_briefing_order_and_empty_ones_are_omitted() -> None:
    briefing = rich_briefing()
    empty = Section(title="Nothing here")
    briefing = briefing.model_copy(
        update={"sections": (briefing.sections[3], empty, *briefing.sections[:3])}
    )

    headings = [block.text for block in _of(layout(briefing), Heading)]

    assert headings == [
        "Bottom line",
        "Notes",
        "Key statements",
        "Key figures",
        "Open questions",
        "Sources",
    ]


# Figures and questions


def test_consecutive_figures_share_one_table_with_the_five_columns() -> None:
    figures = [Figure(text=str(n), value=n, counts=f"count {n}") for n in (1, 2, 3)]

    tables = _of(layout(_briefing(*figures)), FigureTable)

    assert len(tables) == 1
    assert tables[0].header == FIGURE_COLUMNS
    assert FIGURE_COLUMNS == ("Figure", "Unit", "What it counts", "Asserted by", "Source")
    assert [_text(row[2]) for row in tables[0].rows] == ["count 1", "count 2", "count 3"]
    assert all(len(row) == 5 for row in tables[0].rows)
    assert sum(tables[0].column_widths) == pytest.approx(1)


def test_figure_row_reads_value_unit_counts_asserted_by() -> None:
    figure = Figure(
        text="5,000 to 7,000",
        value=5000,
        value_high=7000,
        approximate=True,
        unit="troops",
        counts="near the border",
        as_of="Monday",
        asserted_by="Officials",
    )

    row = _of(layout(_briefing(figure)), FigureTable)[0].rows[0]

    assert [_text(cell) for cell in row] == [
        "≈\u00a05,000–7,000",
        "troops",
        "near the border (as of Monday)",
        "Officials",
        "—",
    ]


def test_figures_separated_by_a_note_make_two_tables() -> None:
    one, two = Figure(text="1", value=1), Figure(text="2", value=2)

    tables = _of(layout(_briefing(one, Note(text="between"), two)), FigureTable)

    assert [len(table.rows) for table in tables] == [1, 1]


def test_questions_form_one_numbered_list_with_owner_and_status_only_when_set() -> None:
    questions = (
        Question(
            text="Will talks resume?", owner="Desk officer", question_kind=QuestionKind.UNCERTAINTY
        ),
        Question(text="Who pays?", status=QuestionStatus.ANSWERED),
        Question(text="When?"),
        Question(text="The figures are unverified", question_kind=QuestionKind.UNCONFIRMED),
    )

    lists = _of(layout(_briefing(*questions)), NumberedList)

    assert len(lists) == 1
    assert [_text(entry) for entry in lists[0].entries] == [
        "Will talks resume? — Stated uncertainty · Owner: Desk officer",
        "Who pays? — Status: answered",
        "When?",
        "The figures are unverified. — Unconfirmed claim",
    ]
    assert "unassigned" not in layout(_briefing(*questions)).plain_text()
    kind = lists[0].entries[0][-1]
    assert kind.style == "emphasis"  # the kind label is quiet, not bold


def test_a_question_cut_at_a_dash_ends_with_one_stop() -> None:
    question = Question(text="It could undermine - not the whole thing -")

    entry = _of(layout(_briefing(question)), NumberedList)[0].entries[0]

    assert _text(entry) == "It could undermine – not the whole thing."


def test_a_question_note_is_labelled_as_the_analysts() -> None:
    question = Question(text="Who?", note="Ask the desk")

    entry = _of(layout(_briefing(question)), NumberedList)[0].entries[0]

    assert Span(" Analyst’s note: ", "strong") in entry
    assert _text(entry).endswith("Analyst’s note: Ask the desk")


# Statements


@pytest.mark.parametrize(
    "content", ["We will not retreat", '"We will not retreat"', "“We will not retreat”"]
)
def test_direct_statement_is_wrapped_once_in_curly_quotes(content: str) -> None:
    statement = Statement(content=content, speaker="Anna Kowalska", direct=True)

    assert _sentence(statement) == "“We will not retreat,” Anna Kowalska said."


def test_direct_statement_sets_apostrophes_as_printers_do() -> None:
    statement = Statement(content="We won't retreat", speaker="Anna Kowalska", direct=True)

    assert _sentence(statement) == "“We won’t retreat,” Anna Kowalska said."


def test_reported_statement_is_not_wrapped_in_quotes() -> None:
    statement = Statement(content="the talks had failed", speaker="Anna Kowalska", cue="says")

    assert _sentence(statement) == "Anna Kowalska said that the talks had failed."


def test_mixed_quote_is_not_double_wrapped() -> None:
    statement = Statement(
        content='the talks "a farce"', speaker="the minister", cue="calling", direct=True
    )

    assert _sentence(statement) == "The minister called the talks “a farce”."


def test_mixed_quote_opening_and_closing_with_fragments_keeps_every_mark() -> None:
    statement = Statement(content="“Never,” he said, “never again.”", direct=True, speaker="Anna")

    assert "“Never,” he said, “never again,”" in _sentence(statement)


def test_statement_names_speaker_role_and_past_tense_cue_without_brackets() -> None:
    statement = Statement(
        content="the border is closed",
        speaker="Anna Kowalska",
        speaker_role="defence minister",
        cue="saying",
    )

    sentence = _sentence(statement)

    assert sentence == "Anna Kowalska, defence minister, said that the border is closed."
    assert "(" not in sentence and "—" not in sentence


def test_speaker_role_is_given_once_at_first_mention() -> None:
    first = Statement(content="the border is closed", speaker="Anna Kowalska", cue="said")
    second = Statement(
        content="talks will resume", speaker="Anna Kowalska", speaker_role="defence minister"
    )

    paragraphs = [p.text for p in _of(layout(_briefing(first, second)), Paragraph)[1:]]

    assert paragraphs == [
        "Anna Kowalska, defence minister, said that the border is closed.",
        "Anna Kowalska said that talks will resume.",
    ]


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (VerificationStatus.UNCONFIRMED, "unconfirmed"),
        (VerificationStatus.CONFIRMED, "confirmed"),
        (VerificationStatus.DISPUTED, "disputed"),
    ],
)
def test_verification_status_is_shown_quietly_when_not_claimed(
    status: VerificationStatus, shown: str
) -> None:
    paragraph = _statement_paragraph(Statement(content="x", verification=status))

    assert paragraph.spans[-1] == Span(f" ({shown})", "emphasis")
    assert all(span.style != "strong" for span in paragraph.spans)


def test_claimed_statement_shows_no_verification_status() -> None:
    sentence = _sentence(Statement(content="x", verification=VerificationStatus.CLAIMED))

    assert "claimed" not in sentence.lower()
    assert sentence == "An unnamed speaker said that x."


def test_analyst_note_is_shown_under_the_statement() -> None:
    document = layout(_briefing(Statement(content="x", note="Check the transcript.")))

    note = _of(document, Paragraph)[-1]
    assert note.style == b.ANALYST_NOTE
    assert note.spans == (
        Span("Analyst’s note: ", "strong"),
        Span("Check the transcript.", "emphasis"),
    )


def test_statement_with_edited_wording_prints_the_wording() -> None:
    statement = Statement(
        content="x", speaker="Anna", wording='Anna said the talks were "a farce"', direct=True
    )

    assert _sentence(statement) == "Anna said the talks were “a farce”."


def test_statement_citation_follows_the_sentence() -> None:
    source = _source("Alpha")
    statement = Statement(
        content="the talks had failed",
        speaker="Anna",
        anchor=_anchor(source, "Second paragraph of Alpha"),
    )

    document = layout(_briefing(statement, sources=(source,)))
    paragraph = next(p for p in _of(document, Paragraph) if "Anna" in p.text)

    assert paragraph.text == "Anna said that the talks had failed. [1,\u00a0¶3]"


# References and sources


def test_references_are_numbered_by_first_citation_across_two_sources() -> None:
    first_listed, first_cited = _source("Alpha"), _source("Beta")
    statement = Statement(content="says", anchor=_anchor(first_cited, "Second paragraph of Beta"))
    figure = Figure(text="1", value=1, anchor=_anchor(first_listed, "Second paragraph of Alpha"))
    question = Question(text="Why?", anchor=_anchor(first_cited, "First paragraph of Beta"))
    briefing = _briefing(statement, figure, question, sources=(first_listed, first_cited))

    document = layout(briefing)

    paragraph, table = _of(document, Paragraph)[1], _of(document, FigureTable)[0]
    entry = _of(document, NumberedList)[0].entries[0]
    assert paragraph.spans[-2:] == (Span(" "), Span("[1,\u00a0¶3]", "reference"))
    assert table.rows[0][4] == (Span("[2,\u00a0¶3]", "reference"),)
    assert Span("[1,\u00a0¶2]", "reference") in entry
    sources = _of(document, SourceList)[0].entries
    assert [(e.number, "Beta" in _text(e.spans)) for e in sources] == [(1, True), (2, False)]


def test_source_list_comes_last_reading_like_a_bibliography() -> None:
    source = _source("Alpha", url="https://news.test/a?b=1&c=2", outlet="Test Times")
    source = source.model_copy(
        update={"author": "Jo Reporter", "retrieved": dt.datetime(2024, 10, 18, 9, 30)}
    )
    item = Note(text="n", anchor=_anchor(source, "First paragraph"))

    document = layout(_briefing(item, sources=(source,)))

    heading, source_list = document.blocks[-2:]
    assert heading == Heading("Sources")
    assert isinstance(source_list, SourceList)
    entry = source_list.entries[0]
    assert entry.number == 1
    assert _text(entry.spans) == (
        "Test Times, “Alpha”, by Jo Reporter, 17 October 2024, https://news.test/a?b=1&c=2, "
        "accessed 18 October 2024."
    )
    assert entry.spans[1] == Span(
        "https://news.test/a?b=1&c=2", "link", "https://news.test/a?b=1&c=2"
    )


def test_source_entry_gives_only_the_parts_known() -> None:
    bare = Source(text="x", title="Alpha", outlet="", published=None)
    document = layout(_briefing(sources=(bare,)))

    assert _text(_of(document, SourceList)[0].entries[0].spans) == "“Alpha”."


def test_a_title_ending_in_a_question_mark_takes_no_second_stop() -> None:
    asked = Source(text="x", title="Are talks over?", outlet="Courier")
    document = layout(_briefing(sources=(asked,)))

    assert _text(_of(document, SourceList)[0].entries[0].spans) == "Courier, “Are talks over?”"


def test_uncited_source_is_still_listed() -> None:
    document = layout(_briefing(Note(text="typed by hand"), sources=(_source("Alpha"),)))

    source_list = _of(document, SourceList)[0]
    assert [e.number for e in source_list.entries] == [1]
    assert "Alpha" in _text(source_list.entries[0].spans)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "javascript://news.test/%0Aalert(1)",
        "file:///etc/passwd",
        "file://server/share/x.docx",
        "data:text/html,x",
    ],
)
def test_unsafe_url_is_shown_as_plain_text_not_a_link(url: str) -> None:
    document = layout(_briefing(sources=(_source("Alpha", url=url),)))

    spans = _of(document, SourceList)[0].entries[0].spans
    assert Span(url, "plain", "") in spans
    assert all(span.style != "link" and not span.url for span in spans)


# Sanitising, settings and metadata


def test_control_characters_and_bidi_overrides_are_removed_from_every_string() -> None:
    source = _source("Alpha").model_copy(
        update={
            "title": f"Al{DIRTY}pha",
            "outlet": f"Out{DIRTY}let",
            "url": f"https://news.test/{DIRTY}x",
        }
    )
    anchor = _anchor(source, "First paragraph")
    items: tuple[Item, ...] = (
        Statement(
            content=f"We{DIRTY} go",
            speaker=f"Anna{DIRTY}",
            speaker_role=f"mini{DIRTY}ster",
            cue=f"sa{DIRTY}id",
            note=f"no{DIRTY}te",
            anchor=anchor,
            direct=True,
        ),
        Figure(
            text=f"ten{DIRTY}",
            unit=f"u{DIRTY}",
            counts=f"c{DIRTY}",
            as_of=f"a{DIRTY}",
            asserted_by=f"b{DIRTY}",
            note=f"n{DIRTY}",
        ),
        Question(text=f"Why{DIRTY}?", owner=f"o{DIRTY}", note=f"q{DIRTY}"),
        Note(text=f"Plain{DIRTY} note {UNSAFE} end"),
    )
    briefing = Briefing(
        title=f"Evil{DIRTY} title",
        author=f"Au{DIRTY}thor",
        marking=f"SECRET{DIRTY}",
        bottom_line=f"Bottom{DIRTY} line\nsecond{DIRTY}",
        sections=(Section(title=f"Sec{DIRTY}tion", items=items),),
        sources=(source,),
    )

    document = layout(briefing)

    offending = [s for s in _all_strings(document) if any(c in UNSAFE for c in s)]
    assert offending == []
    assert document.title == "Evil title"
    assert document.marking == "SECRET"
    assert "Plain note end" in document.plain_text()


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_page_size_passes_through(page_size: b.PageSize) -> None:
    briefing = Briefing(style=BriefingStyle(page_size=page_size))
    assert layout(briefing).page_size == page_size


def test_subject_lists_the_source_titles() -> None:
    briefing = Briefing(sources=(_source("Alpha"), _source("Beta")))

    assert layout(briefing).subject == "Alpha; Beta"


def test_metadata_carries_title_author_and_marking() -> None:
    document = layout(rich_briefing())

    assert (document.title, document.author, document.marking) == (
        "Border crisis — morning brief",
        "J. Analyst",
        "OFFICIAL-SENSITIVE",
    )


def test_question_numbering_runs_on_past_a_note_in_the_same_section() -> None:
    first, second = Question(text="Who?"), Question(text="When?")

    lists = _of(layout(_briefing(first, Note(text="aside"), second)), NumberedList)

    assert [(lst.start, len(lst.entries)) for lst in lists] == [(1, 1), (2, 1)]


def test_the_analysts_own_note_reads_the_same_in_every_section() -> None:
    note = Note(text="my own view", role="assessment")
    briefing = Briefing(
        sections=(
            Section(title="Questions", kinds=("question",), items=(Question(text="Who?"), note)),
            Section(title="Notes", kinds=("note",), items=(note,)),
        )
    )

    texts = [p.text for p in _of(layout(briefing), Paragraph) if "my own view" in p.text]

    assert texts == ["Assessment: my own view", "Assessment: my own view"]


def test_figure_notes_follow_the_table_instead_of_swelling_a_cell() -> None:
    figure = Figure(text="10", value=10, counts="drones", note="word " * 500)

    document = layout(_briefing(figure))

    table = _of(document, FigureTable)[0]
    assert "word" not in _text(table.rows[0][2])
    after = document.blocks[document.blocks.index(table) + 1]
    assert after.style == "Analyst Note" and after.text.startswith("Analyst’s note on 10 drones")


def test_an_empty_briefing_exports_with_a_warning() -> None:
    assert layout(Briefing()).warnings == ("The briefing has no items yet.",)


def test_links_to_international_addresses_are_encoded() -> None:
    source = _source("Headline", url="https://例え.jp/パス?q=a b")

    note = Note(text="x", anchor=_anchor(source, "Headline"))

    document = layout(_briefing(note, sources=(source,)))

    link = next(s for s in _spans(_of(document, SourceList)[0]) if s.style == "link")
    assert link.text == "https://例え.jp/パス?q=a b"
    assert link.url == "https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=a%20b"


def test_an_item_kind_layout_does_not_know_fails_loudly_instead_of_vanishing() -> None:
    @dataclass(frozen=True)
    class Oddity:  # a kind of item the models might gain one day
        kind: str = "oddity"
        anchor: None = None
        note: str = ""

    # model_construct skips validation, as a new kind not yet laid out would get through it.
    section = Section.model_construct(title="S", kinds=(), items=(Oddity(),))
    with pytest.raises(AssertionError, match="Oddity"):
        layout(Briefing(sections=(section,)))


# The analyst's own text, notes kept from articles, figures and inline names


def test_the_analysts_own_text_makes_paragraphs_and_bullet_lists_without_citation() -> None:
    source = _source("Alpha")
    note = Note(
        text="First thought.\n\nSecond thought.\n- one\n* two\n• three\nLast word.",
        role="recommendation",
    )
    document = layout(_briefing(note, sources=(source,)))
    body = [block for block in document.blocks if not isinstance(block, (Heading, SourceList))]

    assert [type(block).__name__ for block in body[1:]] == [
        "Paragraph",
        "Paragraph",
        "BulletList",
        "Paragraph",
    ]
    first, second, bullets, last = body[1:]
    assert first.spans == (Span("Recommendation: ", "strong"), Span("First thought."))
    assert second.text == "Second thought." and last.text == "Last word."
    assert isinstance(bullets, b.BulletList)
    assert [_text(entry) for entry in bullets.entries] == ["one", "two", "three"]
    assert "[1" not in document.plain_text().split("Sources")[0]


def test_a_labelled_note_opening_with_bullets_puts_its_label_above_them() -> None:
    note = Note(text="- act now\n- tell the minister", role="recommendation")

    label, bullets = layout(_briefing(note)).blocks[2:4]

    assert label == Paragraph((Span("Recommendation: ", "strong"),), b.BODY)
    assert isinstance(bullets, b.BulletList) and len(bullets.entries) == 2


def test_a_note_kept_from_the_article_is_quoted_with_its_citation() -> None:
    source = _source("Alpha")
    note = Note(text="First paragraph of Alpha", anchor=_anchor(source, "First paragraph"))

    paragraph = _of(layout(_briefing(note, sources=(source,))), Paragraph)[1]

    assert paragraph.text == "“First paragraph of Alpha” [1,\u00a0¶2]"


def test_an_item_note_on_any_item_is_labelled_the_same() -> None:
    items = (
        Note(text="own words", note="remark one"),
        Statement(content="x", speaker="A", note="remark two"),
        Figure(text="1", value=1, note="remark three"),
    )

    labels = [
        p.spans[0].text
        for p in _of(layout(_briefing(*items)), Paragraph)
        if p.style == b.ANALYST_NOTE
    ]

    assert labels == ["Analyst’s note: ", "Analyst’s note: ", "Analyst’s note on 1: "]


def test_a_vague_figure_shows_the_articles_words_with_its_range() -> None:
    figure = Figure(
        text="thousands of", value=1000, value_high=10000, approximate=True, counts="troops"
    )

    row = _of(layout(_briefing(figure)), FigureTable)[0].rows[0]

    assert _text(row[0]) == "thousands of (≈\u00a01,000–10,000)"


@pytest.mark.parametrize(
    ("asserted", "status", "shown"),
    [
        ("NIS", VerificationStatus.UNCONFIRMED, "NIS — unconfirmed"),
        ("NIS", VerificationStatus.CLAIMED, "NIS"),
        ("", VerificationStatus.DISPUTED, "Disputed"),
    ],
)
def test_figure_asserted_by_cell_carries_its_verification(
    asserted: str, status: VerificationStatus, shown: str
) -> None:
    figure = Figure(text="10", value=10, asserted_by=asserted, verification=status)

    row = _of(layout(_briefing(figure)), FigureTable)[0].rows[0]

    assert _text(row[3]) == shown


@pytest.mark.parametrize(
    ("changes", "name"),
    [
        ({"outlet": "Sky News"}, "Sky News"),
        ({"outlet": "", "url": "https://www.news.test/a"}, "news.test"),
        ({"outlet": "", "url": "", "author": "Jo Reporter"}, "Jo Reporter"),
        (
            {"outlet": "", "url": "", "title": "A very long headline that must never be cut"},
            "Source 1",
        ),
    ],
)
def test_inline_citations_name_outlet_host_author_or_number(
    changes: dict[str, str], name: str
) -> None:
    source = _source("Alpha").model_copy(update=changes)
    note = Note(text="x", anchor=_anchor(source, "First paragraph"))
    briefing = _briefing(note, sources=(source,), style=BriefingStyle(citation_style="inline"))

    paragraph = _of(layout(briefing), Paragraph)[1]

    unbroken = name.replace(" ", "\u00a0")  # never split over two lines
    assert paragraph.text.endswith(f"({unbroken},\u00a0¶2)")
    assert "…" not in paragraph.text
