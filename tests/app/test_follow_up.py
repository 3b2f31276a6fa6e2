"""Follow-up briefings: what is carried, with what history, and what changed since."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import edits
from app.anchors import locate
from app.extraction import extract
from app.follow_up import (
    answer_hints,
    changes_since_last,
    hints_for_item,
    mark_answered,
    mark_open,
    start_follow_up,
)
from app.follow_up.start import next_title
from app.importing import import_text
from app.models import (
    Briefing,
    BriefingStyle,
    Figure,
    GlossaryEntry,
    Question,
    QuestionKind,
    QuestionStatus,
    Section,
    Statement,
)
from app.proposals import item_from_proposal, proposal_key
from app.storage import load_briefing, save_briefing

FIRST_DAY = dt.date(2024, 10, 17)
NEXT_DAY = dt.date(2024, 10, 24)

OLD_ARTICLE = (
    "Kyiv warns of North Korean troops\n"
    "Ukraine said 10,000 North Korean troops were preparing to join Russia's war.\n"
    "It is unclear whether the troops will fight inside Ukraine."
)
NEW_ARTICLE = (
    "Pentagon confirms deployment\n"
    "The Pentagon said 10,000 North Korean troops had reached Kursk, where they will "
    "fight inside Ukraine's incursion zone, US officials told reporters.\n"
    "Separately, the price of wheat rose by 3% in Chicago."
)


def _old_briefing() -> Briefing:
    source = import_text(OLD_ARTICLE, outlet="Sky News", published=FIRST_DAY, origin="a.txt")
    extraction = extract(source)
    figure = next(
        item_from_proposal(source, f) for f in extraction.figures if "troops" in (f.counts or "")
    )
    open_question = Question(
        text="Will North Korean troops fight inside Ukraine?",
        question_kind=QuestionKind.EXPLICIT,
        anchor=item_from_proposal(source, extraction.questions[0]).anchor,
    )
    answered = Question(text="Has Pyongyang commented?", status=QuestionStatus.ANSWERED)
    dropped = Question(text="Who pays for the transport?", status=QuestionStatus.DROPPED)
    typed = Question(text="What does Seoul's NIS say about Kursk?")
    return Briefing(
        title="North Korea and Ukraine",
        date=FIRST_DAY,
        author="Desk A",
        marking="OFFICIAL",
        bottom_line="North Korea may be sending troops.",
        style=BriefingStyle(page_size="Letter", grading=True),
        template="Situation brief (BLUF)",
        sections=(
            Section(title="Figures", kinds=("figure",), items=(figure,)),
            Section(
                title="Questions",
                kinds=("question",),
                guidance="What we must find out",
                item_limit=5,
                items=(open_question, answered, dropped, typed),
            ),
        ),
        sources=(source,),
        glossary=(GlossaryEntry(term="NIS", expansion="National Intelligence Service"),),
    )


def test_a_follow_up_carries_exactly_the_open_questions_with_their_history() -> None:
    old = _old_briefing()
    new = start_follow_up(old, file_name="week-1.briefing", today=NEXT_DAY)

    carried = [i for i in new.items() if isinstance(i, Question)]
    assert [q.text for q in carried] == [
        "Will North Korean troops fight inside Ukraine?",
        "What does Seoul's NIS say about Kursk?",
    ]
    first, typed = carried
    assert (first.asked_on, first.asked_in, first.asked_by, first.carried) == (
        FIRST_DAY,
        "North Korea and Ukraine",
        "Sky News",
        1,
    )
    assert typed.asked_by == "Desk A"  # typed by the analyst: the briefing's author asked it
    assert {q.id for q in carried} == set(new.previous.question_ids if new.previous else ())


def test_the_follow_up_keeps_structure_marking_and_look_but_no_old_articles() -> None:
    old = _old_briefing()
    new = start_follow_up(old, file_name="week-1.briefing", today=NEXT_DAY)

    assert [s.title for s in new.sections] == ["Figures", "Questions"]
    assert new.sections[1].guidance == "What we must find out"
    assert new.sections[1].item_limit == 5
    assert (new.marking, new.author, new.style, new.template) == (
        old.marking,
        old.author,
        old.style,
        old.template,
    )
    assert (new.date, new.bottom_line) == (NEXT_DAY, "")
    assert new.sections[0].items == ()
    assert [e.term for e in new.glossary] == ["NIS"]
    assert new.glossary[0].anchor is None


def test_carried_questions_cite_their_passage_in_the_previous_briefing() -> None:
    new = start_follow_up(_old_briefing(), file_name="week-1.briefing", today=NEXT_DAY)
    (digest,) = new.sources
    assert (digest.outlet, digest.title) == ("Previous briefing", "North Korea and Ukraine")
    assert digest.origin == "week-1.briefing"
    assert "Bottom line: North Korea may be sending troops." in digest.text
    for question in (i for i in new.items() if isinstance(i, Question)):
        assert question.anchor is not None and question.anchor.source_id == digest.id
        assert digest.text[question.anchor.start : question.anchor.end] == question.text
        assert locate(question.anchor, digest.text) is not None
        assert digest.paragraph_number(question.anchor.start) is not None


def test_a_second_follow_up_counts_carries_and_keeps_the_first_asking() -> None:
    first = start_follow_up(_old_briefing(), file_name="week-1.briefing", today=NEXT_DAY)
    second = start_follow_up(first, file_name="week-2.briefing", today=dt.date(2024, 11, 1))
    question = next(i for i in second.items() if isinstance(i, Question))
    assert (question.carried, question.asked_on, question.asked_by) == (2, FIRST_DAY, "Sky News")
    assert second.previous is not None and second.previous.title == "North Korea and Ukraine"


def test_an_answered_question_is_not_carried_again() -> None:
    first = start_follow_up(_old_briefing(), file_name="week-1.briefing", today=NEXT_DAY)
    question, typed = [i for i in first.items() if isinstance(i, Question)]
    note = Statement(content="They will fight in Kursk.", speaker="Pentagon")
    first = edits.add_item(first, note, section_id=first.sections[1].id)
    first = mark_answered(first, question.id, note.id, NEXT_DAY)

    second = start_follow_up(first, file_name="week-2.briefing", today=dt.date(2024, 11, 1))
    assert [q.text for q in second.items() if isinstance(q, Question)] == [typed.text]


def test_mark_answered_and_open_again() -> None:
    new = start_follow_up(_old_briefing(), file_name="week-1.briefing", today=NEXT_DAY)
    question = next(i for i in new.items() if isinstance(i, Question))
    answer = Statement(content="They will fight.", speaker="Pentagon")
    new = edits.add_item(new, answer, section_id=new.sections[0].id)

    answered = mark_answered(new, question.id, answer.id, NEXT_DAY)
    after = edits.find_item(answered, question.id)
    assert isinstance(after, Question)
    assert (after.status, after.answered_by, after.answered_on) == (
        QuestionStatus.ANSWERED,
        answer.id,
        NEXT_DAY,
    )
    reopened = edits.find_item(mark_open(answered, question.id), question.id)
    assert isinstance(reopened, Question)
    assert (reopened.status, reopened.answered_by, reopened.answered_on) == (
        QuestionStatus.OPEN,
        "",
        None,
    )
    with pytest.raises(edits.EditError):
        mark_answered(new, question.id, question.id, NEXT_DAY)
    with pytest.raises(edits.EditError):
        mark_answered(new, question.id, "no-such-item", NEXT_DAY)


def test_a_new_article_that_may_answer_a_carried_question_is_hinted() -> None:
    new = start_follow_up(_old_briefing(), file_name="week-1.briefing", today=NEXT_DAY)
    question = next(i for i in new.items() if isinstance(i, Question))
    article = import_text(NEW_ARTICLE, outlet="Northern Wire", origin="b.txt")
    extraction = extract(article)

    hints = answer_hints(new, article, extraction)

    hinted = {key for key, ids in hints.items() if question.id in ids}
    troops = [s for s in extraction.statements if "Kursk" in s.text]
    assert troops and proposal_key(article, troops[0]) in hinted
    wheat = [f for f in extraction.figures if "%" in (f.unit or "") or f.text == "3%"]
    assert all(proposal_key(article, f) not in hints for f in wheat)
    item = item_from_proposal(article, troops[0])
    assert question.id in hints_for_item(new, item)


def test_changes_since_last_names_new_and_changed_figures_and_answers() -> None:
    new = start_follow_up(_old_briefing(), file_name="week-1.briefing", today=NEXT_DAY)
    article = import_text(
        "Seoul raises its estimate\nThe NIS said 12,000 North Korean troops were in Russia, "
        "and 300 civilians had been evacuated.",
        outlet="Harbour Times",
        origin="c.txt",
    )
    figures = [item_from_proposal(article, f) for f in extract(article).figures]
    new = edits.add_source(new, article)
    new = edits.add_items(new, figures)
    question = next(i for i in new.items() if isinstance(i, Question))
    new = mark_answered(new, question.id, figures[0].id, NEXT_DAY)

    since = changes_since_last(new)

    assert (since.previous_title, since.previous_date) == ("North Korea and Ukraine", FIRST_DAY)
    assert [(old.value, now.value) for old, now in since.changed_figures] == [(10000, 12000)]
    assert [f.value for f in since.new_figures] == [300]
    assert [(q.id, a.id if a else None) for q, a in since.answered] == [
        (question.id, figures[0].id)
    ]
    assert since.still_open == 1
    assert changes_since_last(_old_briefing()).anything is False


def test_a_follow_up_survives_a_save_and_load(tmp_path: Path) -> None:
    new = start_follow_up(_old_briefing(), file_name="week-1.briefing", today=NEXT_DAY)
    path = tmp_path / "week-2.briefing"
    save_briefing(new, path)
    assert load_briefing(path) == new
    previous = load_briefing(path).previous
    assert previous is not None
    assert all(isinstance(f, Figure) and f.anchor is None for f in previous.figures)
    assert previous.figures[0].as_of == "Sky News, 17 Oct 2024"


def test_a_figure_the_last_briefing_also_gave_is_not_a_change() -> None:
    old = _old_briefing()
    vague = Figure(text="thousands of", value=1000, value_high=10000, counts="North Korean troops")
    old = edits.add_item(old, vague, section_id=old.sections[0].id)
    new = start_follow_up(old, file_name="week-1.briefing", today=NEXT_DAY)
    article = import_text(
        "Update\nThousands of North Korean troops are in Russia, officials said.",
        outlet="Harbour Times",
        origin="d.txt",
    )
    new = edits.add_source(new, article)
    new = edits.add_items(new, [item_from_proposal(article, f) for f in extract(article).figures])
    since = changes_since_last(new)
    assert since.changed_figures == () and since.new_figures == ()


def test_the_digest_proposes_nothing_new_and_is_not_an_article_to_compare() -> None:
    new = start_follow_up(_old_briefing(), file_name="week-1.briefing", today=NEXT_DAY)
    (digest,) = new.sources
    extraction = extract(digest)
    passages = [q.anchor for q in new.items() if isinstance(q, Question) and q.anchor]
    found = [*extraction.statements, *extraction.figures, *extraction.questions]
    # Nothing from the title, date or bottom line: only words inside the carried questions.
    assert found and all(
        any(a.start <= p.start and p.end <= a.end for a in passages) for p in found
    )
    assert answer_hints(new, digest, extraction) == {}
    assert new.articles() == ()


def test_the_next_title_counts_on_when_the_title_ends_in_a_number() -> None:
    assert next_title("Korea watch 1") == "Korea watch 2"
    assert next_title("Weekly brief (9)") == "Weekly brief (10)"
    assert next_title("North Korea and Ukraine") == "North Korea and Ukraine"
    assert next_title("") == ""
