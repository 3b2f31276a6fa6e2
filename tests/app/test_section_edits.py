"""Pure section edits: add, rename, properties, delete (moving or dropping items), move."""

from __future__ import annotations

import pytest

from app import edits
from app.models import Briefing, Figure, Note, Section, Statement, default_sections


def briefing_with_items() -> Briefing:
    briefing = Briefing(sections=default_sections())
    statement = Statement(content="We will respond", speaker="A minister")
    figure = Figure(text="1,500", value=1500)
    note = Note(text="Check with the desk")
    return edits.add_items(briefing, [statement, figure, note])


def titles(briefing: Briefing) -> list[str]:
    return [s.title for s in briefing.sections]


def test_add_section_inserts_at_the_index_or_the_end() -> None:
    briefing = briefing_with_items()
    first = Section(title="  Background  ")
    after = edits.add_section(briefing, first, 1)
    assert titles(after)[:3] == ["Key statements", "Background", "Key figures"]
    assert after.sections[1].id == first.id  # the id is kept, so the window can select it
    at_end = edits.add_section(after, Section(title="Annex"))
    assert titles(at_end)[-1] == "Annex"
    assert len(briefing.sections) == 4  # the input briefing is untouched


@pytest.mark.parametrize("title", ["", "   ", "x" * 121])
def test_a_section_needs_a_usable_title(title: str) -> None:
    briefing = briefing_with_items()
    with pytest.raises(edits.EditError):
        edits.add_section(briefing, Section(title=title))
    with pytest.raises(edits.EditError):
        edits.rename_section(briefing, briefing.sections[0].id, title)


def test_adding_the_same_section_twice_is_refused() -> None:
    briefing = briefing_with_items()
    with pytest.raises(edits.EditError):
        edits.add_section(briefing, briefing.sections[0])


def test_rename_changes_only_the_title() -> None:
    briefing = briefing_with_items()
    target = briefing.sections[1]
    after = edits.rename_section(briefing, target.id, " Numbers   that matter ")
    renamed = after.sections[1]
    assert renamed.title == "Numbers that matter"
    assert renamed.items == target.items and renamed.kinds == target.kinds
    assert after.sections[0] is briefing.sections[0]


def test_rename_of_a_section_gone_is_an_edit_error() -> None:
    with pytest.raises(edits.EditError):
        edits.rename_section(briefing_with_items(), "no-such-id", "Title")


def test_set_section_details_checks_every_field() -> None:
    briefing = briefing_with_items()
    section_id = briefing.sections[3].id
    after = edits.set_section_details(
        briefing,
        section_id,
        title="Assessment",
        guidance=" Two paragraphs at most. ",
        kinds=["note", "statement", "note"],
        item_limit=2,
    )
    section = after.sections[3]
    assert (section.title, section.guidance) == ("Assessment", "Two paragraphs at most.")
    assert section.kinds == ("statement", "note") and section.item_limit == 2
    kept = edits.set_section_details(after, section_id, guidance="Short.")
    assert kept.sections[3].item_limit == 2 and kept.sections[3].title == "Assessment"
    unlimited = edits.set_section_details(kept, section_id, item_limit=None)
    assert unlimited.sections[3].item_limit is None
    for bad in (
        {"kinds": ["table"]},
        {"item_limit": 0},
        {"item_limit": 1000},
        {"item_limit": True},
        {"guidance": "x" * 2001},
        {"title": ""},
    ):
        with pytest.raises(edits.EditError):
            edits.set_section_details(briefing, section_id, **bad)  # type: ignore[arg-type]


def test_unchanged_details_give_back_the_same_briefing() -> None:
    briefing = briefing_with_items()
    section = briefing.sections[0]
    assert edits.set_section_details(briefing, section.id, title=section.title) is briefing


def test_delete_section_moves_its_items_to_the_end_of_another() -> None:
    briefing = briefing_with_items()
    statements, figures = briefing.sections[0], briefing.sections[1]
    after = edits.delete_section(briefing, figures.id, statements.id)
    assert titles(after) == ["Key statements", "Open questions", "Notes"]
    assert after.sections[0].items == (*statements.items, *figures.items)
    assert len(after.items()) == len(briefing.items())


def test_delete_section_with_its_items() -> None:
    briefing = briefing_with_items()
    figures = briefing.sections[1]
    after = edits.delete_section(briefing, figures.id, None)
    assert figures.items[0].id not in {i.id for i in after.items()}
    assert len(after.items()) == len(briefing.items()) - 1


def test_delete_section_refuses_impossible_targets() -> None:
    briefing = briefing_with_items()
    figures = briefing.sections[1]
    with pytest.raises(edits.EditError):
        edits.delete_section(briefing, figures.id, figures.id)
    with pytest.raises(edits.EditError):
        edits.delete_section(briefing, figures.id, "gone")
    with pytest.raises(edits.EditError):
        edits.delete_section(briefing, "gone", None)


def test_move_section_lands_at_the_index_given() -> None:
    briefing = briefing_with_items()
    notes = briefing.sections[3]
    first = edits.move_section(briefing, notes.id, 0)
    assert titles(first) == ["Notes", "Key statements", "Key figures", "Open questions"]
    assert first.sections[0] is notes  # items travel with their section, untouched
    last = edits.move_section(first, notes.id, 99)
    assert titles(last) == titles(briefing)
    middle = edits.move_section(briefing, briefing.sections[0].id, 2)
    assert titles(middle) == ["Key figures", "Open questions", "Key statements", "Notes"]
    with pytest.raises(edits.EditError):
        edits.move_section(briefing, "gone", 0)


def test_home_for_items_prefers_a_section_taking_their_kinds() -> None:
    briefing = briefing_with_items()
    extra = Section(title="More figures", kinds=("figure",))
    briefing = edits.add_section(briefing, extra, 0)
    figures = next(s for s in briefing.sections if s.title == "Key figures")
    assert edits.home_for_items_of(briefing, figures.id) == briefing.sections[0]
    mixed = edits.add_section(briefing, Section(title="Mixed"), 0)
    home = edits.home_for_items_of(mixed, figures.id)
    assert home is not None and home.title == "More figures"
    lonely = Briefing(sections=(Section(title="Only"),))
    assert edits.home_for_items_of(lonely, lonely.sections[0].id) is None
