"""Attribution frames added for issue 15's recall on reported speech: interrupted clauses,
comment clauses with 'as', words between subject and cue, passives with an agent, commitments
('agreed to pay'), indirect questions and documents in relative clauses. Each frame has a
sentence that must not become a statement. Sentences written for the tests."""

from __future__ import annotations

import time

from tests.app.extraction.helpers import run, statements

# -- interrupted clauses -------------------------------------------------------------------


def test_short_subject_interrupted_by_the_attribution() -> None:
    found = statements("Climate change, the mayor often says, is the biggest threat.")
    assert found == [
        ("Climate change, the mayor often says, is the biggest threat", "the mayor", "says", False)
    ]


def test_interruption_with_a_phrase_after_the_cue() -> None:
    found = statements("These workers, Roe explained at the hearing, were well paid.")
    assert found == [
        ("These workers, Roe explained at the hearing, were well paid", "Roe", "explained", False)
    ]


def test_discourse_word_before_the_attribution_is_not_content() -> None:
    assert statements("However, he said, the plan is dead.") == [
        ("the plan is dead", "he", "said", False)
    ]


def test_time_before_the_attribution_is_not_content() -> None:
    assert statements("It rained. In March, she said, the plan failed.") == [
        ("the plan failed", "she", "said", False)
    ]


def test_interrupted_frame_needs_speech_after_the_cue() -> None:
    assert statements("Yesterday, he said goodbye.") == []


# -- comment clauses with 'as' ---------------------------------------------------------------


def test_as_clause_opening_the_sentence() -> None:
    assert statements("It rained. As the minister noted, prices rose sharply.") == [
        ("prices rose sharply", "the minister", "noted", False)
    ]


def test_as_clause_inside_the_sentence() -> None:
    found = statements("Rain, as the mayor's adviser pointed out, rarely falls in June.")
    assert found == [
        (
            "Rain, as the mayor's adviser pointed out, rarely falls in June",
            "the mayor's adviser",
            "pointed out",
            False,
        )
    ]


def test_as_clause_closing_the_sentence() -> None:
    assert statements("It rained. Prices rose, as the minister predicted.") == [
        ("Prices rose", "the minister", "predicted", False)
    ]


def test_as_meaning_while_is_not_a_comment_clause() -> None:
    assert statements("He left as the minister said goodbye.") == []


# -- words between the subject and the cue ---------------------------------------------------


def test_manner_adverb_before_the_cue() -> None:
    assert statements("Roe has strongly denied any involvement in the scheme.") == [
        ("any involvement in the scheme", "Roe", "denied", False)
    ]


def test_noun_ending_in_ly_stays_the_speaker() -> None:
    assert statements("The family said the plan was dead.") == [
        ("the plan was dead", "The family", "said", False)
    ]


def test_floating_quantifier_before_the_cue() -> None:
    assert statements("The leaders both said the plan was dead.") == [
        ("the plan was dead", "The leaders", "said", False)
    ]


def test_time_between_subject_and_cue() -> None:
    assert statements("The firm on Monday said the plan was dead.") == [
        ("the plan was dead", "The firm", "said", False)
    ]
    assert statements("The bank this month announced it would cut fees.") == [
        ("it would cut fees", "The bank", "announced", False)
    ]


def test_contracted_is_before_a_participle_cue() -> None:
    assert statements("She's saying that the plan is dead.") == [
        ("that the plan is dead", "She", "saying", False)
    ]


def test_possessive_before_a_noun_in_ing_is_not_speech() -> None:
    assert statements("The minister's saying about luck is old.") == []


def test_negated_contraction_before_the_cue() -> None:
    assert statements("The mayor isn't saying whether the plan is dead.") == [
        ("whether the plan is dead", "The mayor", "saying", False)
    ]


def test_second_verb_after_but_keeps_the_subject() -> None:
    text = "The campaign has urged voters to register but has said it will not sue."
    assert ("it will not sue", "The campaign", "said", False) in statements(text)


# -- speakers --------------------------------------------------------------------------------


def test_counted_group_speaks() -> None:
    assert statements("Nearly eight of 10 voters say they will watch the debate.") == [
        ("they will watch the debate", "10 voters", "say", False)
    ]


def test_sources_described_by_what_they_know() -> None:
    assert statements("People familiar with the matter said the deal is close.") == [
        ("the deal is close", "People familiar with the matter", "said", False)
    ]
    assert statements("Those close to him say the mayor will resign.") == [
        ("the mayor will resign", "Those close to him", "say", False)
    ]


def test_people_doing_something_else_do_not_speak() -> None:
    assert statements("People close to the border fled the fighting.") == []


def test_relative_clause_ends_at_its_comma() -> None:
    assert statements("A local architect, who said he was never paid, sued the firm.") == [
        ("he was never paid", "A local architect", "said", False)
    ]


def test_document_in_a_relative_clause_speaks() -> None:
    found = statements("He released a letter from his doctor that says he is healthy.")
    assert found == [("he is healthy", "a letter from his doctor", "says", False)]


def test_relative_clause_after_a_non_document_is_not_speech() -> None:
    assert statements("The law that says drivers must stop was repealed.") == []


# -- indirect questions ------------------------------------------------------------------------


def test_asked_with_an_indirect_question() -> None:
    assert statements("Someone asked how the mayor could win.") == [
        ("how the mayor could win", "Someone", "asked", False)
    ]
    assert statements("The players questioned whether the referee was fair.") == [
        ("whether the referee was fair", "The players", "questioned", False)
    ]


def test_asked_about_a_topic_is_not_a_statement() -> None:
    assert statements("The mayor asked about the budget.") == []


# -- commitments -------------------------------------------------------------------------------


def test_agreed_to_an_act() -> None:
    assert statements("The company agreed to pay a $5 million fine.") == [
        ("to pay a $5 million fine", "The company", "agreed", False)
    ]


def test_agreed_to_a_thing_has_no_content() -> None:
    assert statements("The rebels agreed to a ceasefire.") == []
    assert statements("The union agreed to the terms.") == []


def test_offered_to_an_act() -> None:
    assert statements("The minister offered to resign.") == [
        ("to resign", "The minister", "offered", False)
    ]


def test_offered_goods_is_not_speech() -> None:
    assert statements("The company offered discounts to students.") == []


# -- more speech-act verbs ---------------------------------------------------------------------


def test_disputed_and_hailed() -> None:
    assert statements("Roe disputed the figures.") == [("the figures", "Roe", "disputed", False)]
    assert statements("The league hailed the deal as historic.") == [
        ("the deal as historic", "The league", "hailed", False)
    ]


def test_condemned_and_derided_as() -> None:
    assert statements("The president condemned the attack as cowardly.") == [
        ("the attack as cowardly", "The president", "condemned", False)
    ]
    assert statements("The critics derided the deal as toothless.") == [
        ("the deal as toothless", "The critics", "derided", False)
    ]


# -- passives with an agent --------------------------------------------------------------------


def test_passive_names_the_speaker_after_by() -> None:
    assert statements("The story was first reported by The Washington Post.") == [
        ("The story", "The Washington Post", "reported", False)
    ]
    assert statements("The plan was criticised by the union.") == [
        ("The plan", "the union", "criticised", False)
    ]


def test_passives_of_support_and_telling_are_not_speech() -> None:
    assert statements("The firm is backed by private investors.") == []
    assert statements("He was told by doctors to rest.") == []
    assert statements("The bill was rejected by 52 votes to 48.") == []


# -- linear time -------------------------------------------------------------------------------


def test_long_hostile_lines_stay_linear() -> None:
    for unit in (
        "Rain, as the mayor said, ",
        "A man, who said it, ",
        "It was reported by the Post and ",
        "The firm on Monday last week strongly said ",
        "X, he said, is ",
    ):
        started = time.perf_counter()
        run(unit * 1000 + "end.")
        small = time.perf_counter() - started
        started = time.perf_counter()
        run(unit * 8000 + "end.")
        large = time.perf_counter() - started
        assert large < 20 * max(small, 0.01), unit


# -- cue words used as nouns ------------------------------------------------------------------


def test_cue_word_after_a_determiner_or_possessive_is_a_noun() -> None:
    assert statements("The mayor's support for the plan grew after the vote.") == []
    assert statements("The firm made an offer of $5 a share to investors.") == []


def test_cue_word_after_a_preposition_is_a_noun_unless_it_ends_in_ing() -> None:
    assert statements("The union has support from the workers and the owners.") == []
    assert statements("He won by saying the plan was dead.") == [
        ("the plan was dead", "He", "saying", False)
    ]


# -- a colon that introduces the next paragraph ------------------------------------------------


def test_lead_in_with_a_colon_gives_the_next_paragraph() -> None:
    text = (
        "The coach spoke after the game. He added:\n\n"
        "We were not good enough today, and we know it.\n\n"
        "The team flies home on Sunday."
    )
    assert statements(text) == [
        ("We were not good enough today, and we know it.", "He", "added", False)
    ]


def test_lead_in_before_a_quoted_paragraph() -> None:
    text = 'In a statement, the ministry said:\n\n"The talks will resume next week."'
    assert statements(text) == [
        ('"The talks will resume next week."', "the ministry", "said", True)
    ]


def test_colon_without_a_speech_cue_is_not_a_lead_in() -> None:
    assert statements("The menu includes:\n\nSoup and bread on weekdays.") == []


def test_paragraph_with_its_own_attribution_keeps_it() -> None:
    text = 'He added:\n\n"We won," the coach said.'
    assert statements(text) == [('"We won,"', "the coach", "said", True)]
