"""Edits: each change returns a new briefing and leaves the old one as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from app import edits
from app.extraction import extract
from app.importing import import_text
from app.models import Briefing, Figure, Note, Question, Section, Statement, default_sections
from app.proposals import accepted_keys, item_from_proposal, proposal_key

ARTICLE = (
    "Talks stall at the border\n"
    "“We will not retreat,” Anna Kowalska said on Monday.\n"
    "Officials estimate that 5,000 troops are stationed near the border.\n"
    "It is unclear whether talks will resume."
)


def briefing_with_source() -> tuple[Briefing, object]:
    source = import_text(ARTICLE)
    return Briefing(title="t", sections=default_sections(), sources=(source,)), source


def test_accepting_each_kind_lands_in_its_section_with_an_anchor() -> None:
    briefing, source = briefing_with_source()
    found = extract(source)
    for proposal in (found.statements[0], found.figures[0], found.questions[0]):
        briefing = edits.add_item(briefing, item_from_proposal(source, proposal))
    titles = {s.title: s.items for s in briefing.sections}
    statement, figure, question = (titles[k][0] for k in titles if titles[k])
    assert isinstance(statement, Statement) and statement.speaker == "Anna Kowalska"
    assert statement.direct and statement.anchor.text == statement.content
    assert isinstance(figure, Figure) and figure.value == 5000 and figure.counts == "troops"
    assert isinstance(question, Question) and question.question_kind == "uncertainty"
    taken = accepted_keys(source, briefing.items(), [found.figures[0]])
    assert taken == {proposal_key(source, found.figures[0])}


def test_an_item_with_no_section_for_its_kind_goes_to_unsorted() -> None:
    briefing = Briefing(sections=(Section(title="Facts", kinds=("figure",)),))
    briefing = edits.add_item(briefing, Note(text="call the embassy"))
    assert [s.title for s in briefing.sections] == ["Facts", edits.UNSORTED]
    assert briefing.sections[1].items[0].text == "call the embassy"


def test_move_reorders_within_and_across_sections_and_keeps_every_item() -> None:
    briefing = Briefing(sections=default_sections())
    notes = [Note(text=f"n{i}") for i in range(3)]
    for note in notes:
        briefing = edits.add_item(briefing, note)
    briefing = edits.move_within(briefing, notes[2].id, -1)
    assert [i.text for i in briefing.sections[3].items] == ["n0", "n2", "n1"]
    first = briefing.sections[0]
    briefing = edits.move_item(briefing, notes[0].id, first.id, 0)
    assert [i.text for i in briefing.sections[0].items] == ["n0"]
    briefing = edits.move_within(briefing, notes[0].id, +1)  # past the end: next section
    assert [i.text for i in briefing.sections[1].items] == ["n0"]
    assert sorted(i.text for i in briefing.items()) == ["n0", "n1", "n2"]


def test_update_validates_and_never_changes_identity() -> None:
    briefing = edits.add_item(Briefing(sections=default_sections()), Figure(text="5,000"))
    item = briefing.items()[0]
    changed = edits.update_item(briefing, item.id, value=7000, unit="troops")
    assert changed.items()[0].value == 7000 and briefing.items()[0].value is None
    with pytest.raises(ValueError):
        edits.update_item(briefing, item.id, value="lots")
    with pytest.raises(edits.EditError):
        edits.update_item(briefing, item.id, id="other")
    with pytest.raises(edits.EditError):
        edits.remove_item(edits.remove_item(briefing, item.id), item.id)


def test_header_fields_are_validated() -> None:
    briefing = Briefing()
    briefing = edits.set_header(briefing, "date", "2024-10-17")
    assert briefing.date == dt.date(2024, 10, 17)
    with pytest.raises(ValueError):
        edits.set_header(briefing, "date", "yesterday-ish")
    with pytest.raises(edits.EditError):
        edits.set_header(briefing, "sections", ())


def test_rejecting_and_restoring_a_proposal() -> None:
    briefing = edits.reject_proposal(Briefing(), "figure:s:1:2")
    assert edits.reject_proposal(briefing, "figure:s:1:2").rejected == ("figure:s:1:2",)
    assert edits.restore_proposal(briefing, "figure:s:1:2").rejected == ()
