"""Proposed items as the extractor returns them: plain, fast value objects with offsets."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class ProposedStatement:
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    direct: bool = False
    # A modal hedge or forecast in the content ("prices could rise"): a possibility, not a fact.
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class ProposedFigure:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    counts: str | None = None
    approximate: bool = False
    value_high: float | None = None
    # A vague plural ("thousands of"): the range is the order of magnitude it names, and only
    # its lower end is a claim the article makes.
    vague: bool = False
    # The speaker of the attributed statement or sentence the figure sits in (None: the
    # article's own), and whether the article marks the passage as an unconfirmed claim.
    # Neither is part of the `extract` contract.
    asserted_by: str | None = None
    unconfirmed: bool = False
    hedged: bool = False  # its clause is a possibility or forecast ("could reach 5,000")


@dataclass(frozen=True, slots=True)
class ProposedQuestion:
    start: int
    end: int
    text: str
    kind: str  # explicit | unconfirmed | uncertainty


@dataclass(frozen=True, slots=True)
class ProposedTerm:
    """An acronym and its expansion as the article gives it ("" when it never does)."""

    term: str
    expansion: str
    start: int  # the defining passage (expansion and term), or the term's first use
    end: int
    # text[start:end], as every list of the contract carries, so that one check of offsets
    # serves them all.
    text: str = ""


@dataclass(frozen=True, slots=True)
class Extraction:
    statements: tuple[ProposedStatement, ...] = field(default=())
    figures: tuple[ProposedFigure, ...] = field(default=())
    questions: tuple[ProposedQuestion, ...] = field(default=())
    glossary: tuple[ProposedTerm, ...] = field(default=())

    def as_contract(self) -> dict[str, list[dict[str, object]]]:
        """The lists of the `extract --format jsonl` contract (extra fields dropped)."""
        return {
            "statements": [asdict(s) for s in self.statements],
            "figures": [_figure_contract(f) for f in self.figures],
            "questions": [asdict(q) for q in self.questions],
            "glossary": [asdict(t) for t in self.glossary],
        }


def _figure_contract(figure: ProposedFigure) -> dict[str, object]:
    # A range is reported by its midpoint, the convention of quantity-extraction benchmarks;
    # the app itself keeps both ends. A vague plural is reported by what it asserts: at least
    # its lower end ("thousands" -> 1,000).
    value = figure.value
    if value is not None and figure.value_high is not None and not figure.vague:
        value = (value + figure.value_high) / 2
    return {
        "start": figure.start,
        "end": figure.end,
        "text": figure.text,
        "value": value,
        "unit": figure.unit,
        "counts": figure.counts,
        "hedged": figure.hedged,
    }
