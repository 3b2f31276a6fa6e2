"""The hedged marker: a modal hedge or forecast marks the statement or figure it sits in,
which keeps the mark when accepted into the briefing; it never becomes a question."""

from __future__ import annotations

import time

from app.extraction import ProposedFigure, ProposedStatement, extract
from app.extraction.hedges import hedge_cue
from app.importing import import_text
from app.models import Figure, Statement
from app.proposals import item_from_proposal
from tests.app.extraction.helpers import run


def hedged_statements(text: str) -> list[tuple[str, bool]]:
    return [(s.text, s.hedged) for s in run(text).statements]


def hedged_figures(text: str) -> list[tuple[str, bool]]:
    return [(f.text, f.hedged) for f in run(text).figures]


def test_a_modal_in_a_statement_marks_it_hedged_not_a_question() -> None:
    text = "The minister said prices could rise again next winter."
    assert hedged_statements(text) == [("prices could rise again next winter", True)]
    assert run(text).questions == ()


def test_a_plain_statement_is_not_hedged() -> None:
    assert hedged_statements("The minister said prices rose in May.") == [
        ("prices rose in May", False)
    ]


def test_a_forecast_marks_its_figure_hedged() -> None:
    text = "The board is expected to approve a $2 billion budget."
    assert hedged_figures(text) == [("$2 billion", True)]
    assert run(text).questions == ()


def test_only_the_figure_in_the_hedged_clause_is_hedged() -> None:
    text = "Exports reached 5,000 tonnes last year, but could reach 9,000 tonnes next year."
    assert hedged_figures(text) == [("5,000 tonnes", False), ("9,000 tonnes", True)]


def test_known_outcomes_and_the_month_may_do_not_hedge() -> None:
    assert hedged_figures("Profits were better than expected at 300 million dollars.") == [
        ("300 million dollars", False)
    ]
    assert hedged_figures("Shares closed at 40 dollars on 3 May.") == [("40 dollars", False)]
    text = "It should be noted that the depot holds 12 tonnes of fuel."
    assert [hedged for _, hedged in hedged_figures(text)] == [False]


def test_hedge_cues() -> None:
    for text, cue in (
        ("The plant might close.", "might"),
        ("The deal is likely to fail.", "likely"),
        ("The researchers think it works.", "think"),
        ("Output seems to be falling.", "seems"),
        ("The index is poised to hit a record.", "poised"),
    ):
        found = hedge_cue(text, 0, len(text))
        assert found is not None and found.group() == cue, text
    for text in ("The projects were finished.", "The plant closed in May 2020."):
        assert hedge_cue(text, 0, len(text)) is None, text


def test_accepted_items_keep_the_mark() -> None:
    source = import_text("Exports could reach 5,000 tonnes next year, the minister said.")
    extraction = extract(source)
    statement = next(s for s in extraction.statements if s.hedged)
    figure = next(f for f in extraction.figures if f.hedged)
    accepted_statement = item_from_proposal(source, statement)
    accepted_figure = item_from_proposal(source, figure)
    assert isinstance(accepted_statement, Statement) and accepted_statement.hedged
    assert isinstance(accepted_figure, Figure) and accepted_figure.hedged
    plain = ProposedFigure(0, 7, source.text[0:7], None)
    accepted_plain = item_from_proposal(source, plain)
    assert isinstance(accepted_plain, Figure) and not accepted_plain.hedged
    assert isinstance(item_from_proposal(source, ProposedStatement(0, 7, "Exports")), Statement)


def test_the_contract_carries_the_mark() -> None:
    contract = run("Exports could reach 5,000 tonnes next year, the minister said.").as_contract()
    assert [s["hedged"] for s in contract["statements"]] == [True]
    assert [f["hedged"] for f in contract["figures"]] == [True]


def test_a_long_sentence_with_many_figures_is_marked_in_linear_time() -> None:
    text = '"' + "prices may rise by 5 percent and " * 3000 + '," the minister said.'
    started = time.perf_counter()
    found = run(text).figures
    assert time.perf_counter() - started < 2.0
    assert len(found) == 3000 and all(figure.hedged for figure in found)
