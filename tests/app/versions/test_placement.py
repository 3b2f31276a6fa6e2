"""Passages of one version of an article found in the next: unchanged wherever they moved
and whatever spacing or quotation marks changed; changed when their own words did; gone
when they were cut."""

from __future__ import annotations

import pytest

from app.versions import align, differences
from app.versions.placement import Placer
from tests.app.versions.article import FIRST, SECOND


def place(old: str, new: str, passage: str):
    start = old.index(passage)
    return Placer(align(old, new)).place(start, start + len(passage))


@pytest.mark.parametrize(
    "passage",
    [
        "Officials in Kyiv said the move was a dangerous escalation of the war.",  # in place
        "“The first group has already left for the front,”",  # new marks and spacing
        "Analysts said Pyongyang was paid in oil and weapons technology",  # moved up
        "It is not known whether the troops will fight inside Ukraine.",  # moved by an insert
    ],
)
def test_a_passage_whose_words_stand_is_unchanged(passage: str) -> None:
    placed = place(FIRST, SECOND, passage)
    assert placed.status == "unchanged"
    assert SECOND[placed.start : placed.end] == placed.text
    assert placed.text.replace("  ", " ").replace('"', "") == passage.replace("“", "").replace(
        "”", ""
    )


def test_a_changed_figure_gives_its_new_wording() -> None:
    placed = place(FIRST, SECOND, "12,000")
    assert (placed.status, placed.text) == ("changed", "15,000")
    sentence = place(FIRST, SECOND, "About 12,000 North Korean troops have reached the border")
    assert sentence.status == "changed"
    assert sentence.text == "About 15,000 North Korean troops have reached the border"


def test_a_cut_passage_is_gone_and_words_added_inside_one_change_it() -> None:
    gone = place(FIRST, SECOND, "The defence minister said 300 soldiers were wounded")
    assert gone.status == "gone" and gone.text == ""
    grown = place("He said the plan worked.", "He said the old plan worked.", "the plan worked")
    assert (grown.status, grown.text) == ("changed", "the old plan worked")
    # Words added just before or after a passage are not its words.
    beside = place("He said the plan worked.", "Then He said the plan worked.", "He said")
    assert beside.status == "unchanged"


def test_a_short_passage_is_not_taken_for_another_place_with_the_same_words() -> None:
    old = "Officials counted 12,000 troops.\nA new line."
    new = "Officials counted 15,000 troops.\nLater, 12,000 more were promised."
    placed = place(old, new, "12,000")
    assert (placed.status, placed.text) == ("changed", "15,000")


def test_a_passage_starting_inside_a_word_keeps_its_cut() -> None:
    placed = place("a 12,000-strong force", "a  12,000-strong force", "12,000")
    assert (placed.status, placed.text) == ("unchanged", "12,000")


def test_differences_name_paragraphs_added_removed_and_changed() -> None:
    found = differences(align(FIRST, SECOND))
    kinds = [d.kind for d in found]
    assert "changed" in kinds and "added" in kinds and "removed" in kinds
    changed = next(d for d in found if "15,000" in d.new_text)
    removed = [p.text for p in changed.pieces if p.kind == "removed"]
    added = [p.text for p in changed.pieces if p.kind == "added"]
    assert [t.strip() for t in removed] == ["12,000"] and [t.strip() for t in added] == ["15,000"]
    # Typography and spacing alone are no difference.
    assert not any("first group" in d.new_text for d in found)
    assert align("A  “quote” here.", 'A "quote"   here.').same_words
