"""Acronyms and short names found with their expansions, on sentences written for the tests."""

from __future__ import annotations

import pytest

from app.extraction.acronyms import find_terms
from app.extraction.types import ProposedTerm
from app.models import TextRange
from tests.app.extraction.helpers import run


def terms(text: str) -> dict[str, str]:
    """term -> expansion for every term found in text, checking each passage on the way."""
    found = find_terms(text)
    for term in found:
        assert text[term.start : term.end] == term.text
        assert term.term in term.text, term
    assert len({t.term for t in found}) == len(found), "a term listed twice"
    return {t.term: t.expansion for t in found}


@pytest.mark.parametrize(
    ("text", "term", "expansion"),
    [
        pytest.param(
            "Officials at the National Intelligence Service (NIS) briefed lawmakers.",
            "NIS", "National Intelligence Service", id="parenthetical",
        ),
        pytest.param(
            "A statement from the Democratic People's Republic of Korea (DPRK) followed.",
            "DPRK", "Democratic People's Republic of Korea", id="of-skipped-possessive",
        ),
        pytest.param(
            "The Organisation for Economic Co-operation and Development (OECD) cut its forecast.",
            "OECD", "Organisation for Economic Co-operation and Development", id="hyphen",
        ),
        pytest.param(
            "A spokesman for the Ministry of Defence (MoD) declined to comment.",
            "MoD", "Ministry of Defence", id="function-word-used",
        ),
        pytest.param(
            "Swarms of unmanned aerial vehicles (UAVs) crossed the border.",
            "UAV", "unmanned aerial vehicles", id="plural-lower-case",
        ),
        pytest.param(
            "Leaders of the Group of Seven (G7) met in June.",
            "G7", "Group of Seven", id="digit",
        ),
        pytest.param(
            "Talks on the Strategic Arms Reduction Treaty (START) stalled.",
            "START", "Strategic Arms Reduction Treaty", id="letters-inside-words",
        ),
        pytest.param(
            "Reporters asked the NIS (National Intelligence Service) about the claim.",
            "NIS", "National Intelligence Service", id="reversed",
        ),
        pytest.param(
            "Agents of the FSB (Russia's domestic security service) were seen there.",
            "FSB", "Russia's domestic security service", id="reversed-description",
        ),
        pytest.param(
            "The NIS, South Korea's spy agency, said troops had moved.",
            "NIS", "South Korea's spy agency", id="appositive",
        ),
        pytest.param(
            "Lawmakers were briefed by the NIS, South Korea's spy agency.",
            "NIS", "South Korea's spy agency", id="appositive-at-full-stop",
        ),
        pytest.param(
            "Inspectors from the IAEA, the UN's nuclear watchdog, arrived on Monday.",
            "IAEA", "UN's nuclear watchdog", id="appositive-with-possessive-acronym",
        ),
        pytest.param(
            "Officers of Russia's Federal Security Service (FSB) detained him.",
            "FSB", "Russia's Federal Security Service", id="foreign-acronym-named-body",
        ),
        pytest.param(
            "The Ministry of Trade, Industry and Energy (MOTIE) published a plan.",
            "MOTIE", "Ministry of Trade, Industry and Energy", id="comma-inside-name",
        ),
        pytest.param(
            "Envoys of the Democratic People's Republic of Korea (North Korea) walked out.",
            "North Korea", "Democratic People's Republic of Korea", id="short-name",
        ),
    ],
)  # fmt: skip
def test_a_term_is_found_with_its_expansion(text: str, term: str, expansion: str) -> None:
    assert terms(text)[term] == expansion


def test_the_expansion_takes_no_more_words_than_the_letters_need() -> None:
    text = "Yesterday South Korea's National Intelligence Service (NIS) said so."
    assert terms(text)["NIS"] == "National Intelligence Service"


def test_a_sentence_opener_is_not_taken_into_a_name() -> None:
    text = "Meanwhile Russia's Federal Security Service (FSB) said nothing."
    assert terms(text)["FSB"] == "Russia's Federal Security Service"


def test_brackets_that_do_not_explain_leave_the_acronym_unexplained() -> None:
    found = terms("Mark Rutte (NATO) spoke after the minister (left) arrived.")
    assert found == {"NATO": ""}


def test_a_person_in_brackets_is_no_short_name() -> None:
    assert "Kim" not in terms("The leader Kim Jong Un (Kim) spoke at length.")


def test_a_list_after_an_acronym_is_no_appositive() -> None:
    text = "The UK, the US and other allies are watching, as are the EU, the G7 group, and NATO."
    found = terms(text)
    assert found.get("EU", "") == "" and found.get("UK", "") == ""


def test_a_bare_acronym_is_listed_once_at_its_first_use_with_no_expansion() -> None:
    text = "Ships from NATO members sailed. NATO said more would follow. The AU agreed."
    found = find_terms(text)
    assert [(t.term, t.expansion, t.start) for t in found] == [
        ("NATO", "", text.index("NATO")),
        ("AU", "", text.index("AU")),
    ]


def test_a_definition_beats_an_earlier_bare_use() -> None:
    text = "The KCNA report was short. The Korean Central News Agency (KCNA) later added more."
    (only,) = find_terms(text)
    assert only.term == "KCNA" and only.expansion == "Korean Central News Agency"
    assert only.start == text.index("Korean Central")
    assert only.end == text.index("(KCNA)") + len("(KCNA)")


def test_plural_and_possessive_uses_name_the_acronym() -> None:
    assert terms("Several NGOs and the WHO's staff stayed.") == {"NGO": "", "WHO": ""}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("BREAKING NEWS: NORTH KOREAN TROOPS SEEN NEAR FRONT", id="headline"),
        pytest.param("UP NEXT", id="label"),
        pytest.param("World War II ended; Louis XIV ruled.", id="roman-numerals"),
        pytest.param("I said it was OK on TV at 9 PM.", id="common-capitals"),
        pytest.param("The US and the UK agreed.", id="known-to-all"),
        pytest.param("SEOUL, Oct 18 (Reuters) - Troops moved north.", id="dateline"),
        pytest.param("Doors open in Tampa, FL and Austin, TX.", id="state-codes"),
        pytest.param("The A350 order lifted Q2 results for FY2020.", id="models-and-periods"),
        pytest.param("PENCE: Well, look at the record.", id="transcript-speaker"),
        pytest.param(
            "The full speech ran long. Read the FULL SPEECH below.", id="shouted-english-word"
        ),
        pytest.param("They said WAR IS HERE today.", id="run-of-capitals"),
        pytest.param("Sales rose in the United States and Europe.", id="capitalised-words"),
    ],
)
def test_capitals_that_are_not_acronyms_are_not_listed(text: str) -> None:
    assert terms(text) == {}


def test_only_the_given_paragraphs_are_read() -> None:
    text = "Read more: the IMF story\nThe World Bank (WB) lent more."
    content = [TextRange(start=text.index("The World"), end=len(text))]
    assert [t.term for t in find_terms(text, content)] == ["WB"]


def test_extract_proposes_the_glossary_outside_boilerplate() -> None:
    found = run("The National Intelligence Service (NIS) said so.\nRead more:\nNATO story")
    assert found.glossary == (
        ProposedTerm(
            "NIS",
            "National Intelligence Service",
            4,
            39,
            "National Intelligence Service (NIS)",
        ),
    )
    assert found.as_contract()["glossary"] == [
        {
            "term": "NIS",
            "expansion": "National Intelligence Service",
            "start": 4,
            "end": 39,
            "text": "National Intelligence Service (NIS)",
        }
    ]
