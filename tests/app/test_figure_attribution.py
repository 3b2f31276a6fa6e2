"""Figures carry who asserts them, whether the article marks them unconfirmed, and a vague
quantity keeps the article's words with its range."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.extraction import extract
from app.extraction.figure_attribution import attribute_figures, attribute_found_figures
from app.extraction.figures import find_figures
from app.extraction.spans import Span
from app.extraction.types import ProposedFigure, ProposedQuestion, ProposedStatement
from app.importing import import_text
from app.models import Briefing, Figure, TextRange, VerificationStatus
from app.proposals import briefing_from_article, item_from_proposal
from app.storage import load_briefing, save_briefing


def figure_items(text: str) -> dict[str, Figure]:
    """The briefing figure of each proposed figure, by its words in the article."""
    source = import_text(text)
    items = {}
    for proposal in extract(source).figures:
        item = item_from_proposal(source, proposal)
        assert isinstance(item, Figure)
        items[item.text] = item
    return items


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        ("The ministry said 1,200 soldiers had died.", "1,200", "The ministry"),
        ("“We lost 300 tanks,” the general told reporters.", "300", "the general"),
        ("Officials said the attack was repelled, with 40 killed.", "40", "Officials"),
        ("About 300 tanks were seen near the border on Monday.", "300", ""),
        ("Mr Li, who leads 5,000 troops, said the front was quiet.", "5,000", ""),
    ],
)
def test_asserted_by_is_the_speaker_of_the_statement_or_sentence(
    text: str, figure: str, speaker: str
) -> None:
    assert figure_items(text)[figure].asserted_by == speaker


def test_only_the_attributed_sentence_is_the_speakers() -> None:
    items = figure_items(
        "The ministry said 1,200 soldiers had died. Satellite images show 80 destroyed tanks."
    )
    assert items["1,200"].asserted_by == "The ministry"
    assert items["80"].asserted_by == ""


def test_figure_in_an_unconfirmed_claim_is_unconfirmed() -> None:
    items = figure_items(
        "The claim that 2,000 troops crossed the river has yet to be confirmed.\n\n"
        "The ministry said 1,200 soldiers had died."
    )
    assert items["2,000"].verification == VerificationStatus.UNCONFIRMED
    assert items["1,200"].verification == VerificationStatus.CLAIMED


def test_attribution_survives_saving_and_loading(tmp_path: Path) -> None:
    source = import_text("The ministry said 1,200 soldiers had died.")
    briefing = briefing_from_article(source, extract(source))
    path = tmp_path / "a.briefing"
    save_briefing(briefing, path)
    loaded = load_briefing(path)
    assert isinstance(loaded, Briefing)
    figures = [i for i in loaded.items() if isinstance(i, Figure)]
    assert [(f.text, f.asserted_by) for f in figures] == [("1,200", "The ministry")]


def test_attribution_pass_on_hand_made_proposals() -> None:
    # "Kyiv said 40 drones fell." with a statement over "40 drones fell"
    statement = ProposedStatement(
        10,
        24,
        "40 drones fell",
        speaker="Kyiv",
        speaker_start=0,
        speaker_end=4,
        cue="said",
        cue_start=5,
        cue_end=9,
    )
    inside = ProposedFigure(10, 12, "40", 40.0)
    outside = ProposedFigure(40, 42, "12", 12.0)
    question = ProposedQuestion(38, 50, "12 unverified", "unconfirmed")
    found = attribute_figures(
        [inside, outside], [statement], [question], [Span(0, 25), Span(26, 60)]
    )
    assert [(f.asserted_by, f.unconfirmed) for f in found] == [("Kyiv", False), (None, True)]


@pytest.mark.parametrize(
    ("text", "words", "low", "high"),
    [
        ("Thousands of people fled the city.", "Thousands of", 1_000, 10_000),
        ("Several hundred soldiers died there.", "Several hundred", 100, 1_000),
        ("Dozens of tanks burned overnight.", "Dozens of", 12, 100),
        ("A few thousand troops left the town.", "A few thousand", 1_000, 10_000),
        ("Several hundred thousand refugees fled.", "Several hundred thousand", 100_000, 10**6),
        ("Several dozen people came to the rally.", "Several dozen", 12, 100),
    ],
)
def test_vague_quantity_keeps_the_words_and_its_range(
    text: str, words: str, low: float, high: float
) -> None:
    figure = figure_items(text)[words]
    assert (figure.value, figure.value_high, figure.approximate) == (low, high, True)


def test_a_couple_of_hundred_is_about_two_hundred() -> None:
    figure = figure_items("A couple of hundred homes were hit.")["A couple of hundred"]
    assert (figure.value, figure.value_high, figure.approximate) == (200, None, True)


def test_several_years_and_ranges_are_not_vague_figures() -> None:
    items = figure_items(
        "The wall will stand for several hundred years. They need several hundred or even "
        "1,000 megawatts."
    )
    assert not any(text.lower().startswith("several") for text in items)


def test_a_selected_figure_is_attributed_against_the_articles_extraction() -> None:
    source = import_text("Troops\n\nThe ministry said 1,200 soldiers had died in the east.")
    start = source.text.index("1,200")
    found = find_figures(source.text, [TextRange(start=start, end=start + 14)])
    attributed = attribute_found_figures(source.text, found, extract(source))
    assert [(f.text, f.asserted_by) for f in attributed] == [("1,200", "The ministry")]
    assert attribute_found_figures(source.text, found, None) == found
