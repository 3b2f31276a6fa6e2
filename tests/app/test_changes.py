"""What changed between two briefings, as the views are told."""

from __future__ import annotations

from app import edits
from app.changes import diff
from app.importing import import_text
from app.models import Briefing, Note, default_sections


def briefing() -> Briefing:
    return edits.add_items(Briefing(sections=default_sections()), [Note(text="a"), Note(text="b")])


def test_a_field_edit_names_the_item_and_nothing_structural() -> None:
    before = briefing()
    item = before.sections[3].items[1]
    after = edits.update_item(before, item.id, text="b, edited")
    change = diff(before, after)
    assert change.edited_items == {item.id}
    assert not (change.items_moved or change.sections or change.sources or change.header)
    assert not change.review_changed


def test_header_edits_name_their_field() -> None:
    before = briefing()
    change = diff(before, edits.set_header(before, "bottom_line", "Talks resume."))
    assert change.header == {"bottom_line"} and not change.items_changed


def test_added_removed_and_moved_items_are_layout_changes() -> None:
    before = briefing()
    first = before.sections[3].items[0]
    for after in (
        edits.add_item(before, Note(text="c")),
        edits.remove_item(before, first.id),
        edits.move_within(before, first.id, +1),
    ):
        change = diff(before, after)
        assert change.items_moved and change.items_changed and change.review_changed
        assert change.section_ids == {before.sections[3].id}


def test_sections_sources_and_rejections() -> None:
    before = briefing()
    renamed = before.sections[0].model_copy(update={"title": "Quotes"})
    sections = (renamed, *before.sections[1:])
    assert diff(before, before.model_copy(update={"sections": sections})).sections
    assert diff(before, edits.add_source(before, import_text("Headline\nBody text."))).sources
    assert diff(before, edits.reject_proposal(before, "key")).rejected
    assert not any(vars(diff(before, before)).values())


def test_a_new_item_limit_is_a_section_change() -> None:
    before = briefing()
    limited = before.sections[0].model_copy(update={"item_limit": 5})
    after = before.model_copy(update={"sections": (limited, *before.sections[1:])})
    assert diff(before, after).sections
