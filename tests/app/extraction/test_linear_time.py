"""Extraction cost grows linearly with the text, also on hostile input.

The main check counts work instead of timing it: the Python lines the extractor executes
(sys.settrace), on a hostile text and on the same text four times as long. Linear code does
about four times the work; a loop over pairs of items does sixteen. Patterns that backtrack
run inside the regex engine, where no line is counted, so the sentence splitter's boundary
pattern gets a timing ratio measured inside the test as a sanity bound (never an absolute
time). The texts are our own, made up here.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from app.extraction import extract
from app.extraction.sentences import sentence_ranges
from app.extraction.spans import Span
from app.importing import import_text

_SMALL = 5_000
_FACTOR = 4
# Linear work on 4x the text is about 4x (a little less: fixed costs). A quadratic step on
# a text this size already gives well over 6x; the bound leaves room for noise in neither.
_MAX_WORK_RATIO = _FACTOR * 1.25


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def _lines_executed(run: Callable[[], object]) -> int:
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        count += 1
        return local

    def start(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        return local

    previous = sys.gettrace()
    sys.settrace(start)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


def _extraction_work(text: str) -> int:
    source = import_text(text)
    return _lines_executed(lambda: extract(source))


HOSTILE_LINES = [
    pytest.param("the minister said that ", id="reporting-cues"),
    pytest.param('"yes," he said, "no" \'a\' “b” ‘c’ ', id="quotes"),
    pytest.param("12,400 tonnes 3.5% 1/2 7 in 10 $4.2bn thousands of ", id="figures"),
    pytest.param("He said so. ", id="short-sentences"),
    pytest.param("Dr Ann Lee spoke. She said the plan works. ", id="pronouns"),
    pytest.param("Smith Jones of the Brown and ", id="capitalised-words"),
    pytest.param("Up!? ", id="marks-then-space"),
    pytest.param("one two-day three-hour half ", id="spelled-numbers"),
]


@pytest.mark.parametrize("unit", HOSTILE_LINES)
def test_extraction_work_grows_linearly_on_a_hostile_line(unit: str) -> None:
    small = _extraction_work(_repeat(unit, _SMALL))
    large = _extraction_work(_repeat(unit, _SMALL * _FACTOR))
    assert large <= small * _MAX_WORK_RATIO, f"{large / small:.1f}x the work on 4x the text"


def test_extraction_of_a_long_hostile_line_finishes() -> None:
    # 200,000 characters on one line: figures, quotation marks, reporting cues, runs of marks.
    text = _repeat('Officials said “12 of 40” may be 3.5% higher?! He said, "no." ', 200_000)
    found = extract(import_text(text))
    assert found.figures and found.questions
    spans = [(s.start, s.end, s.text) for s in found.statements]
    spans += [(f.start, f.end, f.text) for f in found.figures]
    spans += [(q.start, q.end, q.text) for q in found.questions]
    assert all(text[start:end] == quoted for start, end, quoted in spans)


def test_sentences_of_a_long_run_of_marks() -> None:
    text = "It rose. " + "!" * 1_000 + "wow. Then it fell."
    assert [text[s.start : s.end] for s in sentence_ranges(text)] == [
        "It rose.",
        "!" * 1_000 + "wow.",
        "Then it fell.",
    ]


def test_sentence_boundaries_unchanged_by_the_linear_pattern() -> None:
    text = 'He left!! "Why?" she asked. Mr. Li came at 5 p.m. today. It ended.\nNew line'
    assert [text[s.start : s.end] for s in sentence_ranges(text)] == [
        "He left!!",
        '"Why?" she asked.',
        "Mr. Li came at 5 p.m. today.",
        "It ended.",
        "New line",
    ]
    assert list(sentence_ranges("Hi.  ")) == [Span(0, 3)]


def _cpu_seconds(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def test_sentence_scan_of_a_run_of_marks_not_followed_by_a_space_is_linear() -> None:
    # A run of marks that never reaches a space used to be re-read from every position in
    # it: 20,000 marks took 3 s, 80,000 took 48 s. A timing ratio, as a sanity bound only:
    # linear is about 4x, the old pattern 16x; the generous bound (and a floor of a
    # millisecond) keeps a loaded machine from failing it.
    def scan(chars: int) -> Callable[[], object]:
        text = "It began " + "!" * chars + "x"
        return lambda: list(sentence_ranges(text))

    small = _cpu_seconds(scan(5_000))
    large = _cpu_seconds(scan(20_000))
    assert large <= max(small, 1e-3) * 10
