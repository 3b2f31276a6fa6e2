"""Lines repeated on every page are running headers, unless they are all the text there is."""

from __future__ import annotations

from app.extraction.numbers import parse_word_number
from app.importing.pdf_text import join_pdf_pages


def test_pages_that_all_hold_the_same_text_keep_it() -> None:
    page = "Evacuation notice\nResidents must leave by noon.\nBuses leave from the square."
    joined = join_pdf_pages((page,) * 6)
    assert "Residents must leave by noon." in joined


def test_a_running_header_is_still_dropped_when_the_pages_differ() -> None:
    bodies = ("Troops moved north.", "Talks stalled.", "Prices rose.", "Rain fell.", "Polls open.")
    pages = tuple(f"Daily Report\n{body}\nPage {n}" for n, body in enumerate(bodies))
    joined = join_pdf_pages(pages)
    assert "Daily Report" not in joined and "Prices rose." in joined


def test_an_endless_chain_of_number_words_is_not_a_number() -> None:
    assert parse_word_number("five hundred thousand") == 500_000
    assert parse_word_number(" ".join(["hundred"] * 200)) is None
