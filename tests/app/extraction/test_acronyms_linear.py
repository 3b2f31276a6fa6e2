"""The glossary finder's work grows linearly with the text, also on hostile input, and its
contract output from `briefing-builder extract` quotes the article exactly.

Work is counted, not timed: the Python lines find_terms executes (sys.settrace) on a text
and on the same text four times as long. Linear code does about four times the work; a loop
over pairs does sixteen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from app.extraction.acronyms import find_terms
from app.extraction.spans import Span

ROOT = Path(__file__).resolve().parents[3]
_SMALL = 4_000
_FACTOR = 4
_MAX_WORK_RATIO = _FACTOR * 1.25


def _lines_executed(run: Callable[[], object]) -> int:
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        count += 1
        return local

    previous = sys.gettrace()
    sys.settrace(lambda frame, event, arg: local)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


HOSTILE = [
    pytest.param("(", id="open-brackets"),
    pytest.param("(NIS ", id="unclosed-acronym-brackets"),
    pytest.param("ABCDEFGH", id="capitals-without-spaces"),
    pytest.param("NIS ABC DPRK G7 ", id="capital-words"),
    pytest.param("NIS, ", id="commas-after-acronyms"),
    pytest.param("the National Intelligence Service (NIS) ", id="definitions"),
    pytest.param("A B C D E F G H I J K (ABCDEFGHIJ) ", id="long-unmatched-acronyms"),
    pytest.param("Say KQ, the agency of a group, ", id="appositives"),
]


@pytest.mark.parametrize("unit", HOSTILE)
def test_work_grows_linearly_on_a_hostile_line(unit: str) -> None:
    small, large = _repeat(unit, _SMALL), _repeat(unit, _SMALL * _FACTOR)
    ratio = _lines_executed(lambda: find_terms(large)) / _lines_executed(lambda: find_terms(small))
    assert ratio < _MAX_WORK_RATIO, f"work grew {ratio:.1f}x for {_FACTOR}x the text"


def _numbered_acronyms(count: int) -> tuple[str, list[Span]]:
    """count paragraphs, each using an acronym of its own and a bracket that explains
    nothing: every paragraph brings a new term to keep."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    lines = [
        f"The {letters[i % 26]}{letters[i // 26 % 26]}{letters[i // 676 % 26]} said (XY{i % 9})."
        for i in range(count)
    ]
    paragraphs, position = [], 0
    for line in lines:
        paragraphs.append(Span(position, position + len(line)))
        position += len(line) + 1
    return "\n".join(lines), paragraphs


def test_work_grows_linearly_with_many_paragraphs_of_new_terms() -> None:
    small_text, small_paragraphs = _numbered_acronyms(300)
    large_text, large_paragraphs = _numbered_acronyms(300 * _FACTOR)
    small = _lines_executed(lambda: find_terms(small_text, small_paragraphs))
    large = _lines_executed(lambda: find_terms(large_text, large_paragraphs))
    # Every acronym is kept but USA, known to all readers; the nine brackets are kept too.
    assert len(find_terms(large_text, large_paragraphs)) == 300 * _FACTOR - 1 + 9
    assert large / small < _MAX_WORK_RATIO


def test_a_megabyte_of_capitals_and_ten_thousand_brackets_finish() -> None:
    capitals = " ".join(["NATO DPRK IAEA G7"] * 60_000)
    assert find_terms(capitals) == ()  # one line of capitals: a headline, not acronyms
    brackets = "(" * 10_000 + " the NIS said."
    assert [t.term for t in find_terms(brackets)] == ["NIS"]


def test_extract_command_lists_the_glossary_with_exact_offsets(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Seoul says troops moved north\n\n"
        "The National Intelligence Service (NIS) told lawmakers on Friday that the "
        "Democratic People's Republic of Korea (DPRK) had sent troops.\n\n"
        "The KCNA, the North's state news agency, did not comment. The UN said little.\n",
        encoding="utf-8",
    )
    completed = subprocess.run(
        [sys.executable, "-m", "cli", "extract", str(article), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    document = json.loads(completed.stdout)
    text, glossary = document["text"], document["glossary"]
    assert [(t["term"], t["expansion"]) for t in glossary] == [
        ("NIS", "National Intelligence Service"),
        ("DPRK", "Democratic People's Republic of Korea"),
        ("KCNA", "North's state news agency"),
        ("UN", ""),
    ]
    for term in glossary:
        assert set(term) == {"term", "expansion", "start", "end", "text"}
        assert text[term["start"] : term["end"]] == term["text"]
        assert term["term"] in term["text"]
        if term["expansion"]:
            assert term["expansion"] in term["text"]
