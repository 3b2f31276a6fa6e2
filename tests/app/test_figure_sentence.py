"""A figure written as a sentence names its source as a sentence would, mid-way."""

from app.layout.citation import figure_sentence
from app.models import Figure


def test_a_source_that_opened_the_articles_sentence_reads_in_lower_case_mid_sentence() -> None:
    nis = Figure(text="12,000", value=12000, counts="troops", asserted_by="The NIS")
    official = Figure(text="3,000", value=3000, counts="troops", asserted_by="A NATO official")
    assert figure_sentence(nis) == "12,000 troops, according to the NIS."
    assert figure_sentence(official) == "3,000 troops, according to a NATO official."


def test_names_keep_their_capitals() -> None:
    figure = Figure(text="10,000", value=10000, counts="soldiers", asserted_by="Theo Andrews")
    assert figure_sentence(figure) == "10,000 soldiers, according to Theo Andrews."
