"""Open questions as the real-news guideline defines them: what the article says we do not
know. Marked claims (denied, accused, alleged, unverified, hearsay), stated unknowns and
non-answers are questions; modal hedges, forecasts and plain statements are not."""

from __future__ import annotations

import time

from tests.app.extraction.helpers import questions


def test_a_denial_is_an_unconfirmed_claim() -> None:
    assert questions("The ferry operator denied the report on Tuesday.") == [
        ("The ferry operator denied the report on Tuesday.", "unconfirmed")
    ]
    assert questions("Investigators ruled out foul play in the fire.") == [
        ("Investigators ruled out foul play in the fire.", "unconfirmed")
    ]
    assert questions("The mayor rejected the figures as politically motivated.") == [
        ("The mayor rejected the figures as politically motivated.", "unconfirmed")
    ]


def test_a_refusal_or_an_injury_is_not_a_denial() -> None:
    assert questions("The smuggler was denied bail by the magistrate.") == []
    assert questions("The judge denied the appeal on Friday.") == []
    assert questions("The striker has been ruled out for the season.") == []


def test_an_accusation_is_an_unconfirmed_claim() -> None:
    text = "The union accused the airline of cutting corners on safety checks."
    assert questions(text) == [(text, "unconfirmed")]
    text = "The councillor is accused by rivals of hiding the audit."
    assert questions(text) == [(text, "unconfirmed")]


def test_alleged_claims_and_hearsay() -> None:
    for text in (
        "The alleged bribe was paid through a shell company.",
        "The driver allegedly fled the scene on foot.",
        "The coach is said to be furious with the board.",
        "The singer reportedly cancelled two concerts.",
        "According to local reports, the bridge closed overnight.",
        "The visit fuelled speculation that the two firms would merge.",
        "If confirmed, the sale would be the largest this year.",
    ):
        assert questions(text) == [(text, "unconfirmed")], text


def test_an_unverified_claim() -> None:
    for text in (
        "The footage has not been independently verified.",
        "The casualty count could not be confirmed.",
        "Those numbers were unverified at the time of writing.",
        "The rebels' claim of a captured tank is unsubstantiated.",
    ):
        assert questions(text) == [(text, "unconfirmed")], text


def test_stated_unknowns() -> None:
    for text in (
        "It is unclear whether the dam can hold another storm.",
        "There was no indication that the pilot had radioed for help.",
        "Residents are waiting to hear when the water will be safe.",
        "It remains to be seen how voters will react.",
        "No details were given about the new contract.",
        "The cause of the outage is under investigation.",
        "Nobody knows how many boats left the harbour.",
        "The price of the new model was not announced.",
        "The club paid an undisclosed fee for the goalkeeper.",
        "The cause of the leak is not yet known.",
        "Engineers are trying to establish why the pump failed.",
    ):
        assert questions(text) == [(text, "uncertainty")], text


def test_non_answers() -> None:
    for text in (
        "A spokeswoman for the bank declined to comment.",
        "The ministry did not immediately respond to a request for comment.",
        "The company would not say how many workers were laid off.",
        "Police did not provide further information.",
        "The firm didn’t say when the plant would reopen.",
        "The owner could not be reached for comment.",
        "There was no immediate claim of responsibility for the blast.",
    ):
        assert questions(text) == [(text, "uncertainty")], text


def test_a_quoted_non_answer_is_the_quoted_sentence() -> None:
    assert questions('"We have no further comment," the label said.') == [
        ("We have no further comment", "uncertainty")
    ]
    text = '"The stadium opens in June. Nobody knows the cost yet," the mayor said.'
    assert questions(text) == [("Nobody knows the cost yet", "uncertainty")]


def test_a_dateline_is_not_part_of_the_question() -> None:
    text = "OSLO (AP) — It is unclear who ordered the raid."
    assert questions(text) == [("It is unclear who ordered the raid.", "uncertainty")]


def test_a_marked_claim_outweighs_a_stated_unknown() -> None:
    text = "Some reports suggest 40 died, and the real toll is unknown."
    assert questions(text) == [(text, "unconfirmed")]


def test_modal_hedges_are_not_questions() -> None:
    for text in (
        "The new battery could potentially be scaled up for cars.",
        "Prices may rise again next winter.",
        "The council might delay the vote.",
        "The shortage is likely to ease by spring.",
        "The researchers think the reef can recover.",
        "The toll is thought to be higher.",
    ):
        assert questions(text) == [], text


def test_forecasts_are_not_questions() -> None:
    for text in (
        "The board is expected to pick a new chief executive in March.",
        "Analysts forecast growth of 2 percent next year.",
        "Sales are projected to double by 2030.",
    ):
        assert questions(text) == [], text


def test_plain_statements_are_not_questions() -> None:
    for text in (
        "The minister resigned on Friday after a vote in parliament.",
        "The plant employs 400 people and exports most of its steel.",
        "She said the talks were productive.",
        "The two countries have a long-running border dispute.",
        "The team is made up of eleven volunteers.",
        "He did not return to the field after half-time.",
        '"It was a mistake," said an aide who declined to be named.',
        "Attackers used a denial-of-service tool against the site.",
        "Both sides want to know whether the deal will last.",
        "The climbers were accustomed to the cold.",
        "Their allegiance shifted after the war.",
        "The patient did not respond to treatment.",
        "The suspects have not committed any crime here.",
        "The club is not clear of relegation yet.",
        "Engineers are working to establish a new base.",
        "The army will not release the prisoners.",
    ):
        assert questions(text) == [], text


def test_a_long_hostile_line_stays_linear() -> None:
    line = "not " * 20000 + "no " * 20000 + "rejected " + "claims " * 20000 + "as " * 5000
    started = time.perf_counter()
    questions(line)
    assert time.perf_counter() - started < 2.0
