"""Open questions: explicit questions, unconfirmed claims and stated uncertainty."""

from __future__ import annotations

from tests.app.extraction.helpers import questions


def test_each_question_sentence_is_its_own_item() -> None:
    text = "Can they talk to each other? Do they share a language? Nobody knows."
    assert questions(text)[:2] == [
        ("Can they talk to each other?", "explicit"),
        ("Do they share a language?", "explicit"),
    ]


def test_questions_inside_quotes() -> None:
    text = '"How does command and control work?" the official asked, pointing to the map.'
    assert questions(text) == [("How does command and control work?", "explicit")]
    text = 'The form asks: "Were you ever detained?" and more.'
    assert questions(text) == [("Were you ever detained?", "explicit")]


def test_headline_question() -> None:
    assert questions("Is the ceasefire over?\nShelling resumed on Monday.")[0] == (
        "Is the ceasefire over?",
        "explicit",
    )


def test_unconfirmed_claims() -> None:
    for text in (
        "The report has yet to be confirmed by officials.",
        "The footage could not be independently verified.",
        "The general was reportedly dismissed.",
    ):
        assert [kind for _, kind in questions(text)] == ["unconfirmed"], text


def test_an_open_question_spans_its_whole_sentence() -> None:
    # The real-news guideline: one item per sentence, the sentence whole (it used to be cut
    # at "but").
    found = questions("The claim has yet to be confirmed but allies are watching closely.")
    assert found == [
        ("The claim has yet to be confirmed but allies are watching closely.", "unconfirmed")
    ]


def test_stated_uncertainty() -> None:
    for text in (
        "It is unclear whether the talks will resume.",
        "There are questions about how the units would be commanded.",
        "Whether the deal survives remains to be seen.",
        "There is no evidence that the camp was used.",
    ):
        assert [kind for _, kind in questions(text)] == ["uncertainty"], text


def test_plain_assertions_are_not_questions() -> None:
    assert questions("The minister resigned on Friday. Parliament met on Monday.") == []


def test_question_typed_without_its_mark() -> None:
    text = "How did you come to be involved with the project\nI was asked by a colleague."
    assert questions(text) == [("How did you come to be involved with the project", "explicit")]
    assert questions("What is your name. Fine.") == []


def test_fragments_and_tag_questions_are_not_open_questions() -> None:
    assert questions("Why? Nobody said.") == []
    assert questions("You mean we did it all in a year, right?") == []
    assert questions("It was a good deal, wasn't it?") == []


def test_a_question_mark_inside_a_web_address_asks_nothing() -> None:
    assert questions("Read the report at https://example.org/report?id=5 for details.") == []
    assert questions("Will he go?—nobody knows.") == [("Will he go?", "explicit")]
