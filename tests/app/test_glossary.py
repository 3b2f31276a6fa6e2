"""The briefing's glossary: proposals from articles, accepting, rejecting, editing, and the
glossary kept through a real save and load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import glossary
from app.edits import EditError, add_source
from app.extraction import Extraction, extract
from app.importing import import_text
from app.models import Briefing, GlossaryEntry, Source
from app.storage import load_briefing, open_briefing, save_briefing

FIRST = (
    "Seoul warns of troop movements\n"
    "The National Intelligence Service (NIS) said on Friday that troops had moved. "
    "Officials at NATO were told.\n"
    "The KCNA, the North's state news agency, denied it."
)
SECOND = "NATO (North Atlantic Treaty Organization) allies met. The NIS said little more.\n"


def article(text: str) -> tuple[Source, Extraction]:
    source = import_text(text)
    return source, extract(source)


def briefing_with(*sources: Source) -> Briefing:
    briefing = Briefing(title="Troops")
    for source in sources:
        briefing = add_source(briefing, source)
    return briefing


def by_term(proposals: list[glossary.TermProposal]) -> dict[str, glossary.TermProposal]:
    return {p.term: p for p in proposals}


def test_proposals_are_named_by_article_and_passage() -> None:
    source, found = article(FIRST)
    proposals = glossary.glossary_proposals(briefing_with(source), source, found)
    assert [(p.term, p.expansion, p.state) for p in proposals] == [
        ("NIS", "National Intelligence Service", "proposed"),
        ("NATO", "", "proposed"),
        ("KCNA", "North's state news agency", "proposed"),
    ]
    nis = proposals[0]
    assert nis.key == glossary.term_key(source.id, nis.start, nis.end)
    assert nis.key == f"term:{source.id}:{nis.start}:{nis.end}"
    assert source.text[nis.start : nis.end] == "National Intelligence Service (NIS)"


def test_accepted_terms_are_anchored_and_shown_as_accepted() -> None:
    source, found = article(FIRST)
    briefing = briefing_with(source)
    proposals = glossary.glossary_proposals(briefing, source, found)
    briefing = glossary.accept_terms(briefing, source, proposals[:2])
    nis, nato = briefing.glossary
    assert (nis.term, nis.expansion, nato.term, nato.expansion) == (
        "NIS",
        "National Intelligence Service",
        "NATO",
        "",
    )
    assert nis.anchor is not None and nis.anchor.source_id == source.id
    assert nis.anchor.text == "National Intelligence Service (NIS)"
    assert nis.anchor.suffix.startswith(" said on Friday")
    states = by_term(glossary.glossary_proposals(briefing, source, found))
    assert (states["NIS"].state, states["NATO"].state, states["KCNA"].state) == (
        "accepted",
        "accepted",
        "proposed",
    )
    assert [e.term for e in glossary.missing_expansions(briefing)] == ["NATO"]


def test_a_second_article_fills_an_empty_expansion_without_a_duplicate() -> None:
    first, first_found = article(FIRST)
    second, second_found = article(SECOND)
    briefing = briefing_with(first, second)
    briefing = glossary.accept_terms(
        briefing, first, glossary.glossary_proposals(briefing, first, first_found)
    )
    offered = by_term(glossary.glossary_proposals(briefing, second, second_found))
    assert offered["NATO"].state == "proposed"  # it would explain what the glossary lacks
    assert offered["NIS"].state == "accepted"  # a bare use adds nothing to an explained term
    briefing = glossary.accept_terms(briefing, second, list(offered.values()))
    assert [(e.term, e.expansion) for e in briefing.glossary] == [
        ("NIS", "National Intelligence Service"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("KCNA", "North's state news agency"),
    ]
    nato = briefing.glossary[1]
    assert nato.anchor is not None and nato.anchor.source_id == second.id
    assert glossary.missing_expansions(briefing) == []


def test_rejected_terms_stay_rejected_until_restored_or_accepted() -> None:
    source, found = article(FIRST)
    briefing = briefing_with(source)
    kcna = by_term(glossary.glossary_proposals(briefing, source, found))["KCNA"]
    briefing = glossary.reject_terms(briefing, source, [kcna])
    assert kcna.key in briefing.rejected
    assert by_term(glossary.glossary_proposals(briefing, source, found))["KCNA"].state == (
        "rejected"
    )
    restored = glossary.restore_terms(briefing, source, [kcna])
    assert kcna.key not in restored.rejected
    accepted = glossary.accept_terms(briefing, source, [kcna])
    assert kcna.key not in accepted.rejected
    assert [e.term for e in accepted.glossary] == ["KCNA"]


def test_terms_typed_by_hand_are_added_edited_and_removed() -> None:
    briefing = glossary.add_entry(Briefing(), "  IAEA ", " International Atomic  Energy Agency")
    (entry,) = briefing.glossary
    assert (entry.term, entry.expansion, entry.anchor) == (
        "IAEA",
        "International Atomic Energy Agency",
        None,
    )
    briefing = glossary.add_entry(briefing, "SBU")
    sbu = briefing.glossary[1]
    briefing = glossary.add_entry(briefing, "SBU", "Security Service of Ukraine")
    assert briefing.glossary[1].expansion == "Security Service of Ukraine"
    assert briefing.glossary[1].id == sbu.id
    briefing = glossary.edit_entry(briefing, sbu.id, term="SSU")
    assert [e.term for e in briefing.glossary] == ["IAEA", "SSU"]
    briefing = glossary.remove_entry(briefing, entry.id)
    assert [e.term for e in briefing.glossary] == ["SSU"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda b, i: glossary.add_entry(b, "   "), "cannot be empty"),
        (lambda b, i: glossary.add_entry(b, "NIS", "Anything"), "already"),
        (lambda b, i: glossary.edit_entry(b, i, term=""), "cannot be empty"),
        (lambda b, i: glossary.edit_entry(b, "gone", expansion="x"), "no longer"),
        (lambda b, i: glossary.remove_entry(b, "gone"), "no longer"),
        (lambda b, i: glossary.add_entry(b, "X" * 201), "at most 200"),
        (lambda b, i: glossary.edit_entry(b, i, expansion="x" * 1001), "at most 1,000"),
    ],
)
def test_edits_that_cannot_apply_say_why_in_words(edit: object, message: str) -> None:
    briefing = glossary.add_entry(Briefing(), "NIS", "National Intelligence Service")
    with pytest.raises(EditError, match=message):
        edit(briefing, briefing.glossary[0].id)  # type: ignore[operator]


def test_renaming_onto_another_term_is_refused() -> None:
    briefing = glossary.add_entry(glossary.add_entry(Briefing(), "NIS"), "KCNA")
    with pytest.raises(EditError, match="already"):
        glossary.edit_entry(briefing, briefing.glossary[1].id, term="NIS")


def test_acronyms_match_as_written_and_names_ignoring_case() -> None:
    briefing = glossary.add_entry(Briefing(), "Nis")  # a word, not the acronym NIS
    briefing = glossary.add_entry(briefing, "NIS", "National Intelligence Service")
    assert [e.term for e in briefing.glossary] == ["Nis", "NIS"]
    with pytest.raises(EditError):
        glossary.add_entry(glossary.add_entry(Briefing(), "sunshine", "a policy"), "Sunshine")


def test_the_export_order_is_alphabetical_ignoring_case_and_accents() -> None:
    briefing = Briefing(
        glossary=(
            GlossaryEntry(term="NATO", expansion="North Atlantic Treaty Organization"),
            GlossaryEntry(term="État-major", expansion="general staff"),
            GlossaryEntry(term="dprk", expansion="North Korea"),
            GlossaryEntry(term="Eurojust", expansion="an EU agency"),
        )
    )
    terms = [e.term for e in glossary.glossary_for_export(briefing)]
    assert terms == ["dprk", "État-major", "Eurojust", "NATO"]


def test_the_glossary_survives_a_real_save_and_load(tmp_path: Path) -> None:
    source, found = article(FIRST)
    briefing = briefing_with(source)
    proposals = glossary.glossary_proposals(briefing, source, found)
    briefing = glossary.accept_terms(briefing, source, proposals[:1])
    briefing = glossary.reject_terms(briefing, source, proposals[2:])
    briefing = glossary.add_entry(briefing, "SBU")
    path = tmp_path / "troops.briefing"
    save_briefing(briefing, path)
    loaded = load_briefing(path)
    assert loaded == briefing
    again = by_term(glossary.glossary_proposals(loaded, source, found))
    assert (again["NIS"].state, again["NATO"].state, again["KCNA"].state) == (
        "accepted",
        "proposed",
        "rejected",
    )
    assert [e.term for e in glossary.missing_expansions(loaded)] == ["SBU"]


def test_an_entry_anchor_outside_its_article_is_found_again_on_load(tmp_path: Path) -> None:
    source, found = article(FIRST)
    briefing = briefing_with(source)
    briefing = glossary.accept_terms(
        briefing, source, glossary.glossary_proposals(briefing, source, found)[:1]
    )
    path = tmp_path / "hand-edited.briefing"
    save_briefing(briefing, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    anchor = document["briefing"]["glossary"][0]["anchor"]
    right = (anchor["start"], anchor["end"])
    anchor["start"], anchor["end"] = 10**9, 10**9 + 35  # offsets no article has
    path.write_text(json.dumps(document), encoding="utf-8")
    loaded, problems = open_briefing(path)
    repaired = loaded.glossary[0].anchor
    assert repaired is not None and (repaired.start, repaired.end) == right
    assert problems and "found again" in problems[0]
