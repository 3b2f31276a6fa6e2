"""The domain model: immutable, validated, and strict about what it accepts."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.models import Briefing, Figure, Section, Source, Statement, TextRange
from tests.factories import rich_briefing


def test_models_are_immutable() -> None:
    briefing = rich_briefing()
    with pytest.raises(ValidationError):
        briefing.title = "changed"  # type: ignore[misc]
    assert isinstance(briefing.sections, tuple)


def test_items_round_trip_through_their_kind() -> None:
    briefing = rich_briefing()
    restored = Briefing.model_validate(briefing.model_dump(mode="json"))
    kinds = [type(item).__name__ for item in restored.items()]
    assert kinds == ["Statement", "Figure", "Question", "Note"]
    assert restored == briefing


def test_unknown_fields_and_bad_values_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Statement.model_validate({"content": "x", "kind": "statement", "surprise": 1})
    with pytest.raises(ValidationError):
        Section.model_validate({"title": "S", "items": [{"kind": "poem", "text": "x"}]})
    with pytest.raises(ValidationError):
        TextRange(start=5, end=2)
    with pytest.raises(ValidationError):
        Figure(text="ten", value="lots")  # type: ignore[arg-type]


def test_source_helpers() -> None:
    source = Source(
        text="abc\ndef",
        paragraphs=(TextRange(start=0, end=3), TextRange(start=4, end=7)),
        boilerplate=(TextRange(start=4, end=7),),
    )
    assert source.paragraph_number(5) == 2
    assert source.is_boilerplate(5, 6) and not source.is_boilerplate(0, 3)


def test_is_boilerplate_agrees_with_a_scan_of_every_range() -> None:
    import random

    chance = random.Random(16)
    for _ in range(200):
        ranges = []
        for _ in range(chance.randint(0, 8)):
            start = chance.randint(0, 50)
            ranges.append(TextRange(start=start, end=start + chance.randint(1, 12)))
        source = Source(text="x" * 80, boilerplate=tuple(ranges))
        for _ in range(20):
            start = chance.randint(0, 60)
            end = start + chance.randint(0, 10)
            expected = any(r.overlaps(start, end) for r in ranges)
            assert source.is_boilerplate(start, end) == expected
    copied = source.model_copy(update={"boilerplate": ()})
    assert not copied.is_boilerplate(0, 80)
