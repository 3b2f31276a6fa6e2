"""Anchors find their passage again after the text around it changed."""

from __future__ import annotations

from app.anchors import locate, make_anchor
from app.importing import import_text

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
