"""Anchors find their passage again after the text around it changed."""

from __future__ import annotations

from app.anchors import locate, make_anchor
from app.importing import import_text
from app.models import Anchor

TEXT = "He said yes. Later he said yes. Finally he said no."


def test_anchor_holds_text_and_context() -> None:
    source = import_text(TEXT)
    start = TEXT.index("Later he said yes") + len("Later he said ")
    anchor = make_anchor(source, start, start + 3)
    assert anchor.text == "yes" and anchor.prefix.endswith("Later he said ")
    assert locate(anchor, TEXT) == (start, start + 3)


def test_shifted_text_finds_the_right_occurrence() -> None:
    source = import_text(TEXT)
    start = TEXT.index("Later he said yes") + len("Later he said ")
    anchor = make_anchor(source, start, start + 3)
    edited = "NEW INTRODUCTION. " + TEXT.replace("He said yes.", "He said yes, twice.")
    found = locate(anchor, edited)
    assert found is not None
    assert edited[found[0] - len("Later he said ") : found[1]] == "Later he said yes"


def test_vanished_passage_is_none() -> None:
    source = import_text(TEXT)
    anchor = make_anchor(source, TEXT.index("no"), TEXT.index("no") + 2)
    assert locate(anchor, TEXT.replace("no.", "maybe.")) is None


def _long_text_with(sentence: str, *, at: int, size: int = 2_000_000) -> str:
    """About size characters of prose in which 'the' occurs tens of thousands of times,
    with sentence (the only one of its kind) at character at."""
    filler = "Officials said the convoy reached the border before the talks resumed. "
    body = filler * (size // len(filler))
    return body[:at] + sentence + body[at:]


MOVED = "Only the harbour master saw it. "


def test_a_moved_passage_among_tens_of_thousands_of_occurrences_is_found() -> None:
    original = _long_text_with(MOVED, at=1_500_003)
    assert original.count("the ") > 50_000
    start = original.index(MOVED) + len("Only ")
    anchor = make_anchor(import_text(original), start, start + 3)
    # The sentence moves near the start, and the words after it changed.
    rest = original.replace(MOVED, "")
    moved = rest[:20_001] + "Only the harbour master saw it, he said. " + rest[20_001:]
    found = locate(anchor, moved)
    assert found == (20_001 + len("Only "), 20_001 + len("Only the"))


def test_a_passage_whose_context_changed_on_both_sides_is_still_found() -> None:
    original = _long_text_with("Yesterday only the harbour master saw it. ", at=900_003)
    start = original.index("only the harbour") + len("only ")
    anchor = make_anchor(import_text(original), start, start + 3)
    edited = original.replace("Yesterday only the harbour master", "Today only the harbour boss")
    edited = "A new first paragraph. " + edited
    found = locate(anchor, edited)
    assert found is not None
    assert edited[found[0] - len("Today only ") : found[1] + len(" harbour")] == (
        "Today only the harbour"
    )


def test_the_whole_context_found_far_from_the_old_offset() -> None:
    original = _long_text_with(MOVED, at=1_800_003)
    start = original.index(MOVED) + len("Only ")
    anchor = make_anchor(import_text(original), start, start + 3)
    moved = MOVED + original.replace(MOVED, "")
    assert locate(anchor, moved) == (len("Only "), len("Only the"))


def test_overlapping_occurrences_and_offsets_past_the_end() -> None:
    anchor = Anchor(source_id="s", start=50, end=52, text="aa", prefix="ba", suffix="c")
    assert locate(anchor, "xaaaabaacx") == (6, 8)  # the one after "ba", before "c"
    assert locate(anchor, "aa") == (0, 2)  # the old offset lies past the end of the text
