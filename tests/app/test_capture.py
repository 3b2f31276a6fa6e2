"""Manual capture and quote fidelity."""

from __future__ import annotations

import pytest

from app.capture import capture
from app.extraction import extract
from app.fidelity import quote_is_faithful
from app.importing import import_text

ARTICLE = (
    "“We will not retreat,” Anna Kowalska said on Monday.\n"
    "The army moved 400 kilometres east, and nobody knows why?\n"
    "It is unclear whether talks will resume."
)


def select(source, passage: str) -> tuple[int, int]:
    start = source.text.index(passage)
    return start, start + len(passage)


@pytest.fixture
def source():
    return import_text(ARTICLE)


def test_a_selected_quote_takes_its_speaker_and_cue(source) -> None:
    item = capture(source, extract(source), *select(source, "We will not retreat"), "statement")
    assert (item.content, item.speaker, item.cue, item.direct) == (
        "We will not retreat",
        "Anna Kowalska",
        "said",
        True,
    )
    assert item.anchor.start == source.text.index("We will")


def test_a_selected_number_is_parsed(source) -> None:
    item = capture(source, None, *select(source, " 400 kilometres "), "figure")
    assert (item.text, item.value, item.unit) == ("400 kilometres", 400.0, "kilometre")


def test_question_kinds_and_notes(source) -> None:
    found = extract(source)
    asked = capture(source, found, *select(source, "nobody knows why?"), "question")
    unclear = capture(source, found, *select(source, "It is unclear whether"), "question")
    note = capture(source, found, *select(source, "talks will resume"), "note")
    assert (asked.question_kind, unclear.question_kind) == ("explicit", "uncertainty")
    assert note.text == "talks will resume"


def test_an_empty_selection_is_refused(source) -> None:
    with pytest.raises(ValueError, match="Select some text"):
        capture(source, None, 3, 3, "note")
    newline = source.text.index("\n")
    with pytest.raises(ValueError):
        capture(source, None, newline, newline + 1, "note")


def test_an_edited_direct_quote_is_flagged_but_spacing_is_not(source) -> None:
    item = capture(source, extract(source), *select(source, "We will not retreat"), "statement")
    assert quote_is_faithful(item, source)
    spaced = item.model_copy(update={"content": "“We  will not\nretreat”"})
    assert quote_is_faithful(spaced, source)
    paraphrase = item.model_copy(update={"content": "We shall never retreat"})
    assert not quote_is_faithful(paraphrase, source)
    reported = paraphrase.model_copy(update={"direct": False})
    assert quote_is_faithful(reported, source)


def test_a_selected_figure_inside_a_statement_is_asserted_by_its_speaker() -> None:
    source = import_text("Talks\n\nThe ministry said 1,200 soldiers had died in the fighting.\n")
    item = capture(source, extract(source), *select(source, "1,200 soldiers"), "figure")
    assert (item.value, item.asserted_by) == (1200.0, "The ministry")
    assert capture(source, None, *select(source, "1,200 soldiers"), "figure").asserted_by == ""


def test_a_selected_quote_takes_its_speakers_role_as_the_article_gives_it() -> None:
    source = import_text(
        "Talks\n\nDefence Secretary Anna Kowalska visited the port.\n"
        "“We will not retreat,” Ms Kowalska said on Monday.\n"
    )
    item = capture(source, extract(source), *select(source, "We will not retreat"), "statement")
    assert item.speaker_role == "the defence secretary"
    assert "Kowalska" in item.speaker
