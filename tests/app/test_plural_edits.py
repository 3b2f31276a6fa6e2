"""One pure edit per user action: many proposals accepted, rejected or restored, many items
removed or moved, each as one new briefing."""

from __future__ import annotations

import pytest

from app import edits
from app.models import Briefing, Note, Section, default_sections


def briefing_with_notes(count: int = 5) -> tuple[Briefing, list[str]]:
    notes = tuple(Note(text=f"note {n}") for n in range(count))
    sections = list(default_sections())
    sections[3] = sections[3].model_copy(update={"items": notes})
    return Briefing(sections=tuple(sections)), [n.id for n in notes]


def texts(briefing: Briefing, title: str) -> list[str]:
    section = next(s for s in briefing.sections if s.title == title)
    return [item.text for item in section.items]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("moving", "row", "expected"),
    [
        ([0], 3, ["note 1", "note 2", "note 0", "note 3", "note 4"]),  # down: rows above shift
        ([4], 1, ["note 0", "note 4", "note 1", "note 2", "note 3"]),
        ([1, 3], 0, ["note 1", "note 3", "note 0", "note 2", "note 4"]),
        ([3, 1], 5, ["note 0", "note 2", "note 4", "note 3", "note 1"]),  # the order given
        ([2], 10**9, ["note 0", "note 1", "note 3", "note 4", "note 2"]),  # past the end
        ([2], 2, ["note 0", "note 1", "note 2", "note 3", "note 4"]),  # onto itself
    ],
)
def test_move_items_within_a_section(moving: list[int], row: int, expected: list[str]) -> None:
    briefing, ids = briefing_with_notes()
    notes = briefing.sections[3].id
    after = edits.move_items(briefing, [ids[n] for n in moving], notes, row)
    assert texts(after, "Notes") == expected
    assert texts(briefing, "Notes") == [f"note {n}" for n in range(5)]  # unchanged


def test_move_items_to_another_section_and_ignore_vanished_ids() -> None:
    briefing, ids = briefing_with_notes()
    statements = briefing.sections[0].id
    after = edits.move_items(briefing, [ids[4], "gone", ids[0]], statements, 0)
    assert texts(after, "Key statements") == ["note 4", "note 0"]
    assert texts(after, "Notes") == ["note 1", "note 2", "note 3"]
    with pytest.raises(edits.EditError):
        edits.move_items(briefing, [ids[0]], "no such section", 0)


def test_remove_many_items_at_once() -> None:
    briefing, ids = briefing_with_notes()
    after = edits.remove_items(briefing, [ids[1], ids[3], "gone"])
    assert texts(after, "Notes") == ["note 0", "note 2", "note 4"]
    assert after.sections[0] is briefing.sections[0]  # untouched sections are shared


def test_reject_and_restore_many_keys() -> None:
    briefing = Briefing(sections=default_sections())
    rejected = edits.reject_proposals(briefing, ["a", "b", "a", "c"])
    assert rejected.rejected == ("a", "b", "c")
    assert edits.reject_proposals(rejected, ["b"]) is rejected  # nothing new: same briefing
    restored = edits.restore_proposals(rejected, ["a", "c", "zzz"])
    assert restored.rejected == ("b",)


def test_accept_proposals_adds_in_order_and_unrejects() -> None:
    briefing = edits.reject_proposals(Briefing(sections=default_sections()), ["k1", "k2"])
    notes = [Note(text="first"), Note(text="second")]
    after = edits.accept_proposals(briefing, notes, ["k1"])
    assert texts(after, "Notes") == ["first", "second"]
    assert after.rejected == ("k2",)


def test_items_without_a_section_of_their_kind_go_to_unsorted() -> None:
    briefing = Briefing(sections=(Section(title="Summary", kinds=("statement",)),))
    after = edits.add_items(briefing, [Note(text="mine")])
    assert [s.title for s in after.sections] == ["Summary", edits.UNSORTED]
    assert texts(after, edits.UNSORTED) == ["mine"]


def test_discarding_items_rejects_their_proposals_and_keeps_hand_made_ones_out() -> None:
    from app.models import Anchor, passage_key

    anchored = Note(text="kept", anchor=Anchor(source_id="s1", start=4, end=9, text="kept!"))
    typed = Note(text="mine")
    briefing = edits.add_items(Briefing(sections=default_sections()), [anchored, typed])

    after = edits.discard_items(briefing, [anchored.id, typed.id])

    assert after.items() == ()
    assert after.rejected == (passage_key("note", "s1", 4, 9),)
