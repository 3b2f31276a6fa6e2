"""Statements (issue 15): the wider cue set, quotation forms in any script, speakers that can
speak, and verbs of thought and evidence that are not speech. Sentences written for the tests."""

from __future__ import annotations

import time

from tests.app.extraction.helpers import run, statements

# -- quotations ------------------------------------------------------------------------------


def test_cyrillic_quote_with_inverted_attribution() -> None:
    found = statements('"Війна триває," said Olena Kovalenko.')
    assert found == [('"Війна триває,"', "Olena Kovalenko", "said", True)]


def test_speaker_written_in_another_script() -> None:
    found = statements('"The war goes on," said Олена Коваленко.')
    assert found == [('"The war goes on,"', "Олена Коваленко", "said", True)]


def test_two_word_quote_is_a_statement() -> None:
    assert statements('"Absolutely not," the mayor said.') == [
        ('"Absolutely not,"', "the mayor", "said", True)
    ]


def test_colon_introduced_quote() -> None:
    found = statements('He said: "The plan is dead."')
    assert found == [('"The plan is dead."', "He", "said", True)]


def test_colon_quote_ends_with_the_quotation() -> None:
    found = statements('The coach told reporters: "We won." Then he left the room.')
    assert found == [('"We won."', "The coach", "told", True)]


def test_quote_opening_with_a_reversed_mark() -> None:
    found = statements("‟We will not give up,” the mayor said.")
    assert found == [("‟We will not give up,”", "the mayor", "said", True)]


def test_quote_opening_with_a_closing_mark() -> None:
    found = statements("”We will not give up,” the mayor said.")
    assert found == [("”We will not give up,”", "the mayor", "said", True)]


def test_quote_closed_by_doubled_single_marks() -> None:
    found = statements("“It was a mistake,’’ Will Moy told reporters.")
    assert found == [("“It was a mistake,’’", "Will Moy", "told", True)]


def test_nested_quote_has_its_own_speaker() -> None:
    text = (
        "“The minister told us, ‘We will never sign this deal,’ and then he left,” the aide said."
    )
    assert statements(text) == [
        (
            "“The minister told us, ‘We will never sign this deal,’ and then he left,”",
            "the aide",
            "said",
            True,
        ),
        ("‘We will never sign this deal,’", "The minister", "told", True),
    ]


def test_nested_quote_with_straight_marks() -> None:
    text = "\"He told me 'I will never resign'\", the aide said."
    assert statements(text) == [
        ("\"He told me 'I will never resign'\"", "the aide", "said", True),
        ("'I will never resign'", "He", "told", True),
    ]


def test_quote_inside_a_nested_quote() -> None:
    text = '“She wrote, ‘The officer told me "Come back on Monday," and I did,’” the lawyer said.'
    found = statements(text)
    assert [(content, speaker) for content, speaker, _, _ in found] == [
        (
            '“She wrote, ‘The officer told me "Come back on Monday," and I did,’”',
            "the lawyer",
        ),
        ('‘The officer told me "Come back on Monday," and I did,’', "She"),
        ('"Come back on Monday,"', "The officer"),
    ]


def test_apostrophes_inside_a_quote_are_not_nested_quotes() -> None:
    text = "“We don't know what the players' union wants,” the owner said."
    assert len(statements(text)) == 1


def test_mixed_quote_stays_whole() -> None:
    assert statements('He said "the deal" was bad for workers.') == [
        ('"the deal" was bad for workers', "He", "said", True)
    ]


# -- attribution at the end, and a content that never holds its own attribution --------------


def test_attribution_at_the_end_of_reported_speech() -> None:
    assert statements("Talks will resume on Monday, the ministry said.") == [
        ("Talks will resume on Monday", "the ministry", "said", False)
    ]


def test_end_attribution_by_a_spokesman_for_a_body() -> None:
    assert statements("Talks will resume on Monday, a spokesman for the ministry said.") == [
        ("Talks will resume on Monday", "a spokesman for the ministry", "said", False)
    ]


def test_content_never_contains_its_own_attribution() -> None:
    found = statements("Residents said the water was brown, said Juan Perez.")
    assert ("the water was brown", "Residents", "said", False) in found
    assert all(not content.endswith("said") for content, _, _, _ in found)


# -- the wider cue set ----------------------------------------------------------------------


def test_directive_content_is_the_addressee_and_the_infinitive() -> None:
    assert statements("The senator urged colleagues to reject the bill.") == [
        ("colleagues to reject the bill", "The senator", "urged", False)
    ]


def test_directive_with_a_longer_addressee() -> None:
    assert statements("The envoy urged Chile and others in the region to stand firm.") == [
        ("Chile and others in the region to stand firm", "The envoy", "urged", False)
    ]


def test_told_to_keeps_the_infinitive_only() -> None:
    assert statements("She told reporters to wait outside.") == [
        ("to wait outside", "She", "told", False)
    ]


def test_confessed_to_a_noun_phrase() -> None:
    assert statements("The suspect confessed to the theft.") == [
        ("the theft", "The suspect", "confessed", False)
    ]


def test_pleaded_with() -> None:
    assert statements("The mother pleaded with the kidnappers to release her son.") == [
        ("the kidnappers to release her son", "The mother", "pleaded with", False)
    ]


def test_chanted_quote() -> None:
    found = statements('Protesters chanted "No more war" outside the embassy.')
    assert found == [('"No more war" outside the embassy', "Protesters", "chanted", True)]


def test_ruled_out() -> None:
    assert statements("Police ruled out foul play.") == [
        ("foul play", "Police", "ruled out", False)
    ]


def test_ruled_without_that_or_out_is_not_speech() -> None:
    assert statements("The king ruled the country for forty years.") == []


def test_court_ruled_that() -> None:
    assert statements("The court ruled that the law was void.") == [
        ("that the law was void", "The court", "ruled", False)
    ]


def test_per_a_source() -> None:
    assert statements("The outbreak has killed 40 people, per the WHO.") == [
        ("The outbreak has killed 40 people", "the WHO", "per", False)
    ]


def test_per_as_a_rate_names_no_source() -> None:
    assert statements("Fuel costs rose to $4 per gallon, per cent by cent.") == []


def test_according_to() -> None:
    assert statements("The outbreak has killed 40 people, according to the health ministry.") == [
        ("The outbreak has killed 40 people", "the health ministry", "according to", False)
    ]


def test_document_as_source() -> None:
    assert statements("The report says the river is polluted.") == [
        ("the river is polluted", "The report", "says", False)
    ]


def test_statement_from_a_body_as_source() -> None:
    assert statements("A statement from the ministry said the border would reopen.") == [
        ("the border would reopen", "A statement from the ministry", "said", False)
    ]


def test_commissive_to_infinitive() -> None:
    assert statements("The union has threatened to strike in May.") == [
        ("to strike in May", "The union", "threatened", False)
    ]


def test_acronym_spelling_a_function_word_speaks() -> None:
    assert statements("The US welcomed the exchange.") == [
        ("the exchange", "The US", "welcomed", False)
    ]


def test_announced_with_an_object_is_not_a_statement() -> None:
    assert statements("The company announced the deal on Monday.") == []
    assert statements("The company announced it would close the plant.") == [
        ("it would close the plant", "The company", "announced", False)
    ]


def test_time_words_before_the_cue_are_no_content() -> None:
    assert statements("Then, last week, Ann Lee posted a video.") == []


# -- speakers -------------------------------------------------------------------------------


def test_a_place_is_not_the_speaker() -> None:
    assert statements("Jane Roe of Addison said the road was closed.") == [
        ("the road was closed", "Jane Roe", "said", False)
    ]


def test_body_named_with_of_keeps_its_name() -> None:
    found = run("The Bank of England said rates would stay on hold.").statements
    assert [s.speaker for s in found] == ["The Bank of England"]


def test_an_address_is_not_the_speaker() -> None:
    text = "Police arrested a man, 32, of 14 Elm St., said Lt. Ann Roe, a police spokeswoman."
    found = statements(text)
    assert [(speaker, cue) for _, speaker, cue, _ in found] == [("Ann Roe", "said")]


def test_relative_clause_does_not_speak() -> None:
    found = statements("Dick Roe Productions, which runs the show, denies that the case is closed.")
    assert found == [("that the case is closed", "Dick Roe Productions", "denies", False)]


def test_ticker_is_not_a_speaker() -> None:
    assert statements("The index .IXIC said nothing new today.") == []


def test_heading_run_into_the_text_is_not_a_speaker() -> None:
    assert statements("NISSAN SENTRA Nissan said the car would sell.") == []


def test_first_name_that_spells_a_modal() -> None:
    assert statements("Will Moy said the plan was bad.") == [
        ("the plan was bad", "Will Moy", "said", False)
    ]


# -- not speech -----------------------------------------------------------------------------


def test_belief_verbs_are_not_speech() -> None:
    for text in (
        "Analysts believe the rate will fall.",
        "Investors expect the bank to cut rates.",
        "Many voters fear the plan will fail.",
        "The researchers think the drug works.",
        "Officials hope the talks will succeed.",
    ):
        assert statements(text) == [], text


def test_said_beside_a_belief_verb_is_the_cue() -> None:
    found = statements("The president said he hoped the swap would open talks.")
    assert [(speaker, cue) for _, speaker, cue, _ in found] == [("The president", "said")]


def test_evidence_verbs_are_not_speech() -> None:
    for text in (
        "The video shows soldiers entering the town.",
        "Data revealed a sharp fall in exports.",
        "Test results indicate the water is safe.",
        "Stocks fell, with weak data pointing to a slowdown.",
    ):
        assert statements(text) == [], text


def test_market_moves_are_not_speech() -> None:
    assert statements("The Nasdaq added 20.72 points to 8,540.83.") == []


def test_state_as_a_noun_is_not_a_cue() -> None:
    assert statements("Voters in key states like Ohio turned out early.") == []


def test_tv_shows_are_not_a_cue() -> None:
    assert statements("Movies and TV shows, including “Bambi,” are on the service.") == []


def test_the_story_continues_is_not_speech() -> None:
    assert statements("Story continues below gallery") == []


# -- linear time ----------------------------------------------------------------------------


def test_long_hostile_line_runs_in_linear_time() -> None:
    unit = "“‘a ’’ , per the said ‟ told “ ' ”, said Will ‘ "
    small, large = unit * 500, unit * 4000
    started = time.perf_counter()
    run(small)
    small_seconds = time.perf_counter() - started
    started = time.perf_counter()
    run(large)
    large_seconds = time.perf_counter() - started
    assert large_seconds < max(0.5, small_seconds * 8 * 4)


# -- participles hang from their clause's subject -------------------------------------------


def test_participle_after_a_subordinate_clause() -> None:
    text = (
        "They were close to a deal when President Roe scuttled the talks, citing rising violence."
    )
    assert statements(text) == [("rising violence", "Roe", "citing", False)]


def test_participle_after_the_place_of_posting() -> None:
    text = "Then, last week, Ann Lee posted on Twitter accusing the label of theft."
    assert statements(text) == [("the label of theft", "Ann Lee", "accusing", False)]


def test_participle_when_the_opening_phrase_runs_past_its_verb() -> None:
    text = "Ann Lee got support last week, after accusing them of lying."
    assert statements(text) == [("them of lying", "Ann Lee", "accusing", False)]


def test_company_behind_a_relative_clause_speaks() -> None:
    text = (
        "The carmaker, which has focused on batteries since the scandal, says the car will go far."
    )
    assert statements(text) == [("the car will go far", "The carmaker", "says", False)]
