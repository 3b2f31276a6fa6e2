"""The "Since the last briefing" section of a follow-up, laid out from what changed: the
previous briefing named with its date, new and changed figures, answered questions with
their answers and citations, and how many questions remain open."""

from __future__ import annotations

import datetime as dt

from app.anchors import make_anchor
from app.extraction import extract
from app.follow_up import SinceLast, changes_since_last, mark_answered, start_follow_up
from app.importing import import_text
from app.layout import BulletList, Heading, Paragraph, layout
from app.layout import blocks as b
from app.layout.limits import HEADING_CHARS, SECTION_ITEMS, TEXT_CHARS, Cuts
from app.layout.since_last import previous_name, since_last_section, still_open_sentence
from app.models import Briefing, BriefingStyle, Figure, PreviousBriefing, Question, Statement
from app.proposals import briefing_from_article
from app.sample import load_sample

REPORT = (
    "Seoul confirms troop numbers\n"
    "South Korea's spy agency said 12,000 North Korean troops were now in Russia.\n"
    "The agency said the first units had reached the Kursk region on Monday.\n"
)
PREVIOUS = PreviousBriefing(
    title="Korea watch 3", date=dt.date(2024, 10, 17), file_name="k3.briefing"
)


class _Parts:
    """The least a layout context holds, for figures_compared on its own."""

    def __init__(self) -> None:
        self.cuts = Cuts()
        self.numbered = False
        self.grading = False
        self.mark_hedged = True
        self.citations = self

    def reference(self, item: object) -> b.Spans:
        return ()

    def number_of(self, source_id: str) -> int | None:
        return None

    def take_number(self) -> int | None:
        return None

    def number(self) -> b.Spans:
        return ()


class _Citing(_Parts):
    """Numbers the article as source 2, the way the layout's citations would."""

    def reference(self, item: object) -> b.Spans:
        anchor = getattr(item, "anchor", None)
        return (b.Span(" "), b.Span("[2, ¶2]", "reference")) if anchor else ()


def _report() -> tuple[Figure, Figure, Question, Statement, Briefing]:
    source = import_text(REPORT, origin="seoul.txt", outlet="Seoul Daily")
    at = REPORT.index("12,000")
    now = Figure(
        text="12,000",
        value=12000,
        counts="North Korean troops",
        asserted_by="South Korea's spy agency",
        anchor=make_anchor(source, at, at + 6),
    )
    then = Figure(text="10,000", value=10000, counts="North Korean troops")
    question = Question(text="Have North Korean units reached the front?", carried=1)
    said = REPORT.index("The agency said")
    answer = Statement(
        content="the first units had reached the Kursk region on Monday",
        speaker="The agency",
        cue="said",
        anchor=make_anchor(source, said, said + 70),
    )
    briefing = Briefing(sources=(source,), previous=PREVIOUS, style=BriefingStyle())
    return now, then, question, answer, briefing


def test_the_section_names_the_previous_briefing_and_lists_what_changed() -> None:
    now, then, question, answer, briefing = _report()
    blocks = since_last_section(
        briefing,
        _Citing(),
        heading="Since the last briefing",
        changes=SinceLast(
            new_figures=(now,),
            changed_figures=((then, now),),
            answered=((question, answer),),
            still_open=2,
        ),
    )
    assert isinstance(blocks[0], Heading) and blocks[0].text == "Since the last briefing"
    text = b.DocumentLayout("", "", "", "", "A4", tuple(blocks)).plain_text()
    assert "This briefing follows “Korea watch 3” of 17 October 2024." in text
    assert "New figures:\n• 12,000 North Korean troops, according to South Korea’s spy agency." in (
        text
    )
    assert "North Korean troops: 12,000, was 10,000 on 17 October 2024. [2, ¶2]" in text
    assert "Have North Korean units reached the front? Answer: The agency said" in text
    assert "Kursk region on Monday. [2, ¶2]" in text
    assert text.endswith("2 questions carried from the previous briefing remain open.")
    leads = [bl for bl in blocks if isinstance(bl, Paragraph) and bl.spans[0].style == "strong"]
    assert [bl.text for bl in leads] == ["New figures:", "Changed figures:", "Questions answered:"]
    # Each lead is followed by its list.
    for lead in leads:
        assert isinstance(blocks[blocks.index(lead) + 1], BulletList)


def test_nothing_changed_still_says_what_it_follows_and_that_nothing_is_open() -> None:
    *_, briefing = _report()
    blocks = since_last_section(
        briefing,
        _Parts(),
        heading="Since the last briefing",
        changes=SinceLast(),
    )
    assert [type(bl) for bl in blocks] == [Heading, Paragraph, Paragraph]
    assert blocks[-1] == Paragraph(
        (b.Span("No question carried from the previous briefing remains open."),)
    )


def test_a_briefing_that_follows_up_none_has_no_section() -> None:
    now, *_, briefing = _report()
    alone = briefing.model_copy(update={"previous": None})
    assert (
        since_last_section(
            alone,
            _Parts(),
            heading="Since",
            changes=SinceLast(new_figures=(now,), still_open=3),
        )
        == []
    )


def test_an_answer_no_longer_in_the_briefing_gives_the_date_it_was_answered() -> None:
    _, _, question, _, briefing = _report()
    answered = question.model_copy(update={"answered_on": dt.date(2024, 10, 23)})
    blocks = since_last_section(
        briefing,
        _Parts(),
        heading="Since",
        changes=SinceLast(answered=((answered, None),), still_open=1),
    )
    lists = [bl for bl in blocks if isinstance(bl, BulletList)]
    assert b.spans_text(lists[0].entries[0]) == (
        "Have North Korean units reached the front? Answered on 23 October 2024."
    )


def test_numbers_run_through_the_lead_paragraphs_and_long_lists_are_cut() -> None:
    now, *_, briefing = _report()

    class Numbered(_Parts):
        def __init__(self) -> None:
            super().__init__()
            self.next = 7

        def number(self) -> b.Spans:
            self.next += 1
            return (b.Span(f"{self.next - 1}.\u00a0"),)

    parts = Numbered()
    blocks = since_last_section(
        briefing,
        parts,
        heading="Since",
        changes=SinceLast(new_figures=(now,) * (SECTION_ITEMS + 3), still_open=1),
    )
    paragraphs = [bl.text for bl in blocks if isinstance(bl, Paragraph)]
    assert paragraphs[0].startswith("7.\u00a0This briefing follows")
    assert paragraphs[1] == "8.\u00a0New figures:"
    assert "[cut: 3 more items" in paragraphs[2]
    assert paragraphs[3] == "9.\u00a01 question carried from the previous briefing remains open."
    assert parts.cuts.sections == [("Since: New figures", 3)]


def test_the_previous_briefing_is_named_by_what_is_known_of_it() -> None:
    assert previous_name(PREVIOUS) == "“Korea watch 3” of 17 October 2024"
    assert previous_name(PreviousBriefing(file_name="k3.briefing")) == "“k3.briefing”"
    assert previous_name(PreviousBriefing()) == "the previous briefing"
    assert still_open_sentence(1_200).startswith("1,200 questions")


# ----- a real follow-up -----------------------------------------------------------------------


def follow_up_briefing(**style: object) -> Briefing:
    """A follow-up, on 22 October, of a briefing made from the sample on 17 October: it holds
    the sample again and our two reports, a carried question marked answered by one of
    their statements, and a glossary."""
    from tests.app.test_layout_compare import GLOSSARY, OWN_ARTICLES, with_article

    sample = load_sample()
    old = briefing_from_article(sample, extract(sample)).model_copy(
        update={"title": "Korea watch 1", "date": dt.date(2024, 10, 17), "bottom_line": "10,000."}
    )
    new = with_article(
        start_follow_up(old, file_name="korea-watch-1.briefing", today=dt.date(2024, 10, 22)),
        load_sample(),
    )
    for text, outlet, published in OWN_ARTICLES:
        source = import_text(text, origin=f"{outlet}.txt", outlet=outlet, published=published)
        new = with_article(new, source)
    asked = next(i for i in new.items() if isinstance(i, Question) and "join Russia" in i.text)
    answer = next(i for i in new.items() if isinstance(i, Statement) and "dispatch" in i.content)
    new = mark_answered(new, asked.id, answer.id, dt.date(2024, 10, 22))
    return new.model_copy(
        update={
            "title": "Korea watch 2",
            "bottom_line": "Seoul now puts the North Korean force at 12,000.",
            "glossary": GLOSSARY,
            "style": new.style.model_copy(update=style),
        }
    )


def test_a_follow_up_says_what_changed_right_after_its_bottom_line() -> None:
    briefing = follow_up_briefing()
    document = layout(briefing)
    names = [bl.text for bl in document.blocks if isinstance(bl, Heading) and bl.level == 1]
    assert names[:2] == ["Bottom line", "Since the last briefing"]
    text = document.plain_text()
    part = text[text.index("Since the last briefing") : text.index("\nKey statements")]
    part = part.replace("\u00a0", " ")  # a citation is kept on one line
    assert "This briefing follows “Korea watch 1” of 17 October 2024." in part
    assert "• North Korean soldiers: 12,000, was 10,000 on 17 October 2024. [1, ¶1]" in part
    assert "• 1,500 special forces soldiers, according to the NIS. [1, ¶4]" in part
    assert (
        "Are 10,000 North Korean troops about to join Russia’s war in Ukraine? Answer: "
        "“The dispatch of North Korean troops has begun,” the NIS said. [1, ¶5]"
    ) in part
    assert part.endswith(still_open_sentence(changes_since_last(briefing).still_open))
    # Its first citations number the sources, and the source list follows that numbering.
    assert text.split("\nSources\n")[1].startswith("[1] Yonhap Wire")


def test_the_previous_briefing_is_a_source_but_not_an_article_compared() -> None:
    text = layout(follow_up_briefing()).plain_text()
    assert "In 3 of 3 articles, from" in text
    assert "Previous briefing" in text.split("\nSources\n")[1]


def test_switched_off_or_not_a_follow_up_there_is_no_since_last_section() -> None:
    off = layout(follow_up_briefing(since_last_briefing=False)).plain_text()
    assert "Since the last briefing" not in off and "This briefing follows" not in off
    alone = follow_up_briefing().model_copy(update={"previous": None})
    assert "Since the last briefing" not in layout(alone).plain_text()


def test_a_huge_previous_title_or_old_figure_is_cut_with_a_warning() -> None:
    now, then, *_, briefing = _report()
    huge = "word " * TEXT_CHARS
    previous = PREVIOUS.model_copy(update={"title": huge})
    briefing = briefing.model_copy(update={"previous": previous})
    old = then.model_copy(update={"text": huge, "value": None})
    parts = _Parts()
    blocks = since_last_section(
        briefing, parts, heading="Since", changes=SinceLast(changed_figures=((old, now),))
    )
    text = b.DocumentLayout("", "", "", "", "A4", tuple(blocks)).plain_text()
    assert len(text) < TEXT_CHARS + HEADING_CHARS + 1_000
    assert text.count("[cut:") == 2
    assert (parts.cuts.counts["heading"], parts.cuts.counts["text"]) == (1, 1)
