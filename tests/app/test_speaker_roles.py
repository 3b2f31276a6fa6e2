"""Speakers' roles and "the" before a body, found where an article introduces them.

All sentences here are written for these tests (invented people and places)."""

from __future__ import annotations

import time

import pytest

from app.extraction import extract
from app.extraction.roles import introduce_speaker, speaker_role
from app.importing import import_text
from app.layout import layout
from app.models import Statement
from app.proposals import briefing_from_article, item_from_proposal

ARTICLE = (
    "Border talks stall as winter nears\n"
    "That is the warning Moldovan President Ana Lungu gave on a visit to Vienna.\n"
    "“We are ready for a long winter,” Ms Lungu said at a news conference with Lars Holm, "
    "the new secretary general of NATO.\n"
    "Pentagon spokeswoman Dana Reyes said the convoy had turned back. Earlier the Pentagon "
    "said it would send observers.\n"
    "Defence Secretary Tom Ashby told MPs the plan was sound.\n"
    "Russian foreign ministry spokeswoman Irina Volkova denied the report.\n"
    "Priya Nair, a researcher at the Institute for Strategic Studies, said the gap was real.\n"
    "The defence minister, Elena Petrova, said the border would stay open.\n"
    "Republican Sen. Dale Hoyt said no deal was near. Moldova's Foreign Minister Ion Rusu "
    "agreed.\n"
)


@pytest.mark.parametrize(
    ("speaker", "role"),
    [
        ("Ana Lungu", "the Moldovan president"),
        ("Dana Reyes", "a Pentagon spokeswoman"),
        ("Tom Ashby", "the defence secretary"),
        ("Irina Volkova", "a Russian foreign ministry spokeswoman"),
        ("Dale Hoyt", "a Republican senator"),
        ("Ion Rusu", "Moldova's foreign minister"),
    ],
)
def test_a_title_before_the_name_becomes_an_appositive(speaker: str, role: str) -> None:
    assert speaker_role(ARTICLE, speaker) == role


@pytest.mark.parametrize(
    ("speaker", "role"),
    [
        ("Lars Holm", "the new secretary general of NATO"),
        ("Priya Nair", "a researcher at the Institute for Strategic Studies"),
        ("Elena Petrova", "the defence minister"),
    ],
)
def test_an_appositive_is_kept_as_written(speaker: str, role: str) -> None:
    assert speaker_role(ARTICLE, speaker) == role


@pytest.mark.parametrize("speaker", ["Lungu", "Ms Lungu", "Mr Holm", "Holm"])
def test_a_surname_finds_the_role_of_the_full_name(speaker: str) -> None:
    found = introduce_speaker(ARTICLE, speaker)
    assert found.name == speaker and found.role.startswith("the ")


def test_a_speaker_given_with_the_title_is_split_into_name_and_role() -> None:
    found = introduce_speaker(ARTICLE, "Moldovan President Ana Lungu")
    assert (found.name, found.role) == ("Ana Lungu", "the Moldovan president")


def test_no_role_when_the_article_gives_none() -> None:
    text = "Tom Ashby said the plan was sound. Mr Ashby added that it was cheap."
    assert introduce_speaker(text, "Tom Ashby") == introduce_speaker(text, "Tom Ashby")
    assert speaker_role(text, "Tom Ashby") == ""
    assert speaker_role(text, "Ashby") == ""
    assert speaker_role(text, "a Western official") == ""


def test_a_word_that_only_opens_the_sentence_is_not_part_of_the_title() -> None:
    text = (
        "On Monday President Ana Lungu spoke. Separately Defence Secretary Tom Ashby "
        "replied. Meanwhile Professor Lea Brandt said nothing. Yesterday Omar Said spoke."
    )
    assert speaker_role(text, "Ana Lungu") == "the president"
    assert speaker_role(text, "Tom Ashby") == "the defence secretary"
    assert speaker_role(text, "Lea Brandt") == ""  # a rank alone is how she is addressed
    assert speaker_role(text, "Omar Said") == ""


def test_a_capitalised_word_at_a_sentence_start_stays_when_the_text_shows_it_is_proper() -> None:
    text = "Moldovan troops moved. Moldovan President Ana Lungu said so."
    assert speaker_role(text, "Ana Lungu") == "the Moldovan president"


@pytest.mark.parametrize(
    "text",
    [
        "The summit was opened by the president, Mark Stone, and Olaf Berg said nothing.",
        "Mark Stone, who leads the party, said the vote was fair.",
        "Mark Stone, Olaf Berg and Ana Lungu signed the treaty.",
        "Mark Stone said, as the vote was counted, that it was fair.",
    ],
)
def test_lists_and_clauses_are_not_roles(text: str) -> None:
    assert speaker_role(text, "Mark Stone") == ""


def test_an_age_before_the_appositive_is_passed_over() -> None:
    text = "Bob Carey, 54, a farmer from the valley, said the river had risen."
    assert speaker_role(text, "Bob Carey") == "a farmer from the valley"


def test_two_people_with_one_surname_leave_a_surname_speaker_without_role() -> None:
    text = "Senator Anna Lee spoke first. Her brother, the mayor, Tom Lee, disagreed. Lee said no."
    assert speaker_role(text, "Lee") == ""
    assert speaker_role(text, "Anna Lee") == "a senator"


def test_an_organisation_keeps_the_article_the_text_gives_it() -> None:
    text = (
        "Pentagon says convoy turned back\n"
        "A Pentagon spokeswoman confirmed it. The convoy stopped, the Pentagon said on Friday.\n"
        "NATO said it was watching. The White House declined to comment."
    )
    assert introduce_speaker(text, "Pentagon").name == "the Pentagon"
    assert introduce_speaker(text, "White House").name == "the White House"
    assert introduce_speaker(text, "The White House").name == "the White House"
    assert introduce_speaker(text, "NATO").name == "NATO"
    assert introduce_speaker(text, "the ministry").name == "the ministry"


def test_a_body_only_used_before_another_noun_gets_no_article() -> None:
    text = "The Pentagon spokeswoman Dana Reyes said no. Pentagon officials agreed."
    assert introduce_speaker(text, "Pentagon").name == "Pentagon"


def test_accepted_statements_carry_role_and_article_into_the_briefing_prose() -> None:
    text = (
        "Pentagon says convoy turned back\n"
        "Moldovan President Ana Lungu warned of a long winter on Tuesday.\n"
        "“We are ready for a long winter,” Ms Lungu said.\n"
        "The convoy turned back before dawn, the Pentagon said.\n"
    )
    source = import_text(text)
    found = extract(source)
    # The extract contract keeps the bare names; only the briefing items gain role and "the".
    assert {s.speaker for s in found.statements} == {"Ana Lungu", "Pentagon"}
    items = [item_from_proposal(source, s) for s in found.statements]
    speakers = {(i.speaker, i.speaker_role) for i in items if isinstance(i, Statement)}
    assert ("Ana Lungu", "the Moldovan president") in speakers
    assert ("the Pentagon", "") in speakers
    prose = layout(briefing_from_article(source, found)).plain_text()
    assert "Ana Lungu, the Moldovan president, said." in prose
    assert prose.count("the Moldovan president") == 1  # the role is given once
    assert "The Pentagon said that convoy turned back." in prose  # capitalised at the start
    assert "before dawn, the Pentagon said." in prose


def test_hostile_long_lines_stay_fast_and_bounded() -> None:
    long_title = "Minister " * 40_000 + "Ana Lungu said it."
    capitals = "Lungu " * 40_000 + "said it."
    commas = "Ana Lungu, " + "the deputy, " * 40_000 + "said it."
    started = time.perf_counter()
    for text in (long_title, capitals, commas):
        role = speaker_role(text, "Ana Lungu")
        assert len(role.split()) <= 13
    speaker_role(capitals, "Lungu")
    assert time.perf_counter() - started < 5


def test_many_speakers_in_a_long_article_share_one_index() -> None:
    paragraph = (
        "Defence Secretary Tom Ashby{n} said the talks would go on. “We are ready,” "
        "Mr Ashby{n} said. Priya Nair{n}, a researcher at the Institute, agreed."
    )
    text = "\n".join(paragraph.format(n=n) for n in range(3_000))
    started = time.perf_counter()
    roles = [speaker_role(text, f"Ashby{n}") for n in range(3_000)]
    roles += [speaker_role(text, f"Priya Nair{n}") for n in range(3_000)]
    assert time.perf_counter() - started < 3
    assert roles[0] == "the defence secretary" and roles[-1] == "a researcher at the Institute"


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("US Attorney General Jo Bell said yes.", "Jo Bell", "the US attorney general"),
        ("Russian General Ivan Orlov said no.", "Ivan Orlov", "a Russian general"),
        ("Interim DNC chairwoman Donna Bray agreed.", "Donna Bray", "the interim DNC chairwoman"),
        (
            "Environment Canada spokeswoman Ann Roy said.",
            "Ann Roy",
            "an Environment Canada spokeswoman",
        ),
        ("Later, Labour Party leader Sam Hale said.", "Sam Hale", "the Labour Party leader"),
        ("On Monday Kyiv resident Olena Shevchuk said so.", "Olena Shevchuk", "a Kyiv resident"),
        ("Secretary of State Jo Bell said.", "Jo Bell", "the secretary of state"),
    ],
)
def test_titles_keep_the_capitals_of_names_and_take_the_right_article(
    text: str, speaker: str, role: str
) -> None:
    assert speaker_role(text, speaker) == role
