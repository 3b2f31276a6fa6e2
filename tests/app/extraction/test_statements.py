"""Statements: every quotation structure and reporting pattern the extractor must know."""

from __future__ import annotations

from tests.app.extraction.helpers import run, statements


def test_direct_quote_with_attribution_after() -> None:
    found = statements("“We will hold the line,” the defence minister said on Monday.")
    assert found == [("“We will hold the line,”", "the defence minister", "said", True)]


def test_inverted_attribution() -> None:
    found = statements('"The deal is dead," said Maria Lopez, a trade negotiator.')
    assert found == [('"The deal is dead,"', "Maria Lopez", "said", True)]


def test_attribution_before_the_quote_with_colon() -> None:
    found = statements("The mayor told reporters: “The bridge will reopen in May.”")
    assert found[0][1:] == ("The mayor", "told", True)
    assert "The bridge will reopen in May." in found[0][0]


def test_interrupted_quote_is_one_statement() -> None:
    text = '"We tried everything," she said, "but the talks failed."'
    found = run("Minister Ana Ruiz spoke first.\n" + text).statements
    assert len(found) == 1
    assert found[0].text == text
    assert found[0].speaker == "Ana Ruiz"


def test_quote_running_over_several_sentences() -> None:
    text = "“Prices went up. Wages did not. People are angry,” the union leader said."
    found = statements(text)
    assert found[0][0] == "“Prices went up. Wages did not. People are angry,”"
    assert found[0][1] == "the union leader"


def test_multi_paragraph_quote_opening_without_closing() -> None:
    text = (
        "“The first paragraph of the speech ends without a closing mark.\n"
        "“The second one closes it,” the president said.\n"
    )
    found = run(text).statements
    assert [s.speaker for s in found] == ["the president", "the president"]
    assert found[0].text.startswith("“The first paragraph")


def test_unattributed_quote_paragraph_takes_the_previous_speaker() -> None:
    text = "“It is a start,” the envoy said.\n“But only a start.”"
    found = run(text).statements
    assert [s.text for s in found] == ["“It is a start,”", "“But only a start.”"]
    assert found[1].speaker == "the envoy"


def test_mixed_quote_inside_reported_speech() -> None:
    text = (
        "Prime Minister Ada Novak warned on Friday, calling the blockade “an act of economic war”."
    )
    found = run(text).statements
    assert any(
        "“an act of economic war”" in s.text and s.cue == "calling" and s.speaker == "Ada Novak"
        for s in found
    )


def test_reported_speech_with_that() -> None:
    found = statements("Western diplomats claim that the ceasefire is holding.")
    assert found == [("that the ceasefire is holding", "Western diplomats", "claim", False)]


def test_reported_speech_without_that() -> None:
    found = statements("The governor said the roads would stay closed.")
    assert found == [("the roads would stay closed", "The governor", "said", False)]


def test_told_with_an_addressee() -> None:
    found = statements("A senior official told reporters that the convoy had turned back.")
    assert found == [("that the convoy had turned back", "A senior official", "told", False)]


def test_according_to() -> None:
    found = statements("According to the health ministry, 40 people were injured.")
    assert found == [("40 people were injured", "the health ministry", "According to", False)]
    found = statements("Forty people were injured, according to the health ministry.")
    assert found[0][:2] == ("Forty people were injured", "the health ministry")


def test_pronoun_resolves_to_last_named_speaker() -> None:
    text = "Chancellor Olaf Brandt spoke in Berlin.\nHe added that the budget was balanced."
    found = run(text).statements
    assert found[-1].speaker == "Olaf Brandt"
    assert text[found[-1].speaker_start : found[-1].speaker_end] == "He"


def test_surname_resolves_to_full_name() -> None:
    text = "Foreign Minister Ilse Varga arrived late.\n“We are ready,” Ms Varga said."
    found = run(text).statements
    assert found[0].speaker == "Ilse Varga"
    assert text[found[0].speaker_start : found[0].speaker_end] == "Ms Varga"


def test_appositive_speaker() -> None:
    found = statements("Tom Reyes, a lawyer for the families, said the ruling was unfair.")
    assert found[0][1:3] == ("Tom Reyes", "said")


def test_passive_is_not_an_attribution() -> None:
    assert statements("The bridge is expected to reopen next week.") == []


def test_scare_quotes_in_narrative_are_not_statements() -> None:
    assert statements("The so-called “peace plan” was never published.") == []


def test_offsets_point_at_speaker_and_cue() -> None:
    text = "Officials in Kyiv said that the power grid was damaged."
    found = run(text).statements[0]
    assert text[found.cue_start : found.cue_end] == "said"
    assert text[found.speaker_start : found.speaker_end] == found.speaker


def test_parenthetical_attribution_keeps_both_halves() -> None:
    text = "Back in Lisbon, Ms Sousa said, she decided to run for office."
    found = run(text).statements
    assert [(s.text, s.cue) for s in found] == [
        ("Back in Lisbon, Ms Sousa said, she decided to run for office", "said")
    ]


def test_name_given_as_an_appositive() -> None:
    found = statements("A lawyer for the families, Dan Ortiz, said no decision had been made.")
    assert found[0][1:3] == ("Dan Ortiz", "said")


def test_clause_starting_with_a_short_word_is_content() -> None:
    # "too", "only", "as": words that begin like tail prepositions are still content.
    found = statements("Ines Duarte says too much is made of the polls.")
    assert found == [("too much is made of the polls", "Ines Duarte", "says", False)]


def test_a_role_then_the_name_credits_the_name() -> None:
    text = (
        '"We will not retreat," the defence minister, Elena Petrova, said on Monday. '
        "Later the minister said more troops were needed."
    )
    found = run(text).statements
    assert [(s.text, s.speaker) for s in found] == [
        ('"We will not retreat,"', "Elena Petrova"),
        ("more troops were needed", "Elena Petrova"),
    ]
    assert text[found[0].speaker_start : found[0].speaker_end] == "Elena Petrova"


def test_a_document_can_say_things() -> None:
    text = "Fighting went on. The report said the army had lost 300 tanks."
    assert statements(text) == [("the army had lost 300 tanks", "The report", "said", False)]
    text = "The company's brief said that was not its view."
    assert statements(text)[0][1] == "The company's brief"


def test_speech_after_a_scene_setting_opening_and_a_parenthetical_cue() -> None:
    text = "During her years in office, Ms Okafor said, most voters came to back the plan."
    assert statements(text) == [("most voters came to back the plan", "Okafor", "said", False)]


def test_part_of_whom_speaks_for_its_antecedent() -> None:
    text = "He met the families, many of whom say the claims are false."
    assert statements(text) == [("the claims are false", "the families", "say", False)]
