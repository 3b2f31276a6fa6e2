"""Extraction of hostile text finishes: a hang guard over about 1 MB of each kind of text.

Each case is a text of about a million characters made to stress one part of the
extractor: runs of one punctuation or white-space character, quotation marks unclosed and
alternating, digits with separators, dense figure lines, capitalised name runs, repeated
reporting verbs, reporting cues followed by long runs of white space, question marks, a
sentence without punctuation, a 200,000-character word, combining marks, right-to-left
script and emoji. Each must be extracted within a generous cap of processor time: the cap
is a guard against hangs (the quadratic patterns this file was written for took minutes on
a tenth of this size), not a speed measurement.

The cases run in a child process, so that a case that hangs is stopped instead of stopping
the test run. Run as a script, this file prints the processor time of every case at two
sizes (n and 4n), to see how the time grows:

    .venv/bin/python tests/app/extraction/test_extraction_linear.py [--chars 250000] [CASE ...]
"""

from __future__ import annotations

import json
import string
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CHARS = 1_000_000
CAP_SECONDS = 10.0  # processor time per case of ~1 MB; linear cases take well under 3 s


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def _run_of(char: str) -> Callable[[int], str]:
    return lambda chars: "It began " + char * chars + " and ended."


def _repeated(unit: str) -> Callable[[int], str]:
    return lambda chars: _repeat(unit, chars)


def _gap_after(cue: str, gap: str) -> Callable[[int], str]:
    # A reporting cue, then a long run of white space before what it reports.
    return lambda chars: f"Kim {cue}" + gap * chars + " that 10 people were here."


PUNCTUATION = {f"run of {char!r}": _run_of(char) for char in string.punctuation}
WHITE_SPACE = {
    f"run of {char!r}": _run_of(char)
    for char in (" ", "\t", "\n", "\r", "\x0b", "\x0c", "\u00a0", "\u2028", "\u3000", "\u200b")
}
SHAPES: dict[str, Callable[[int], str]] = {
    "unclosed straight quote": lambda n: 'He said "' + _repeat("word ", n),
    "unclosed curly quote": lambda n: "He said “" + _repeat("word ", n),
    "alternating straight quotes": _repeated('"a '),
    "alternating curly quotes": _repeated("“a” "),
    "mixed quotation marks": _repeated("\"'“‘”’ "),
    "quotes with speakers": _repeated("“We will,” said Kim. "),
    "digits with commas": _repeated("1,"),
    # A figure every two characters costs ~14 s a megabyte (linear, but each of the 450,000
    # figures is read in full): half a megabyte keeps it inside the cap.
    "digits with spaces": lambda n: _repeat("1 1 1 1 1 1 1 1 1 1 a ", n // 2),
    "digits with dots": _repeated("1."),
    "dense figure line": _repeated("10 troops 20 troops 30% 4.5 million $6bn 7 km "),
    "figure line of ranges": _repeated("12,400 tonnes 3.5% 1/2 7 in 10 $4.2bn thousands of "),
    "capitalised name run": _repeated("Kim "),
    "long names": _repeated("Kim Jong Un Vladimir Putin "),
    "said said said": _repeated("said "),
    "he said he said": _repeated("he said "),
    "told reporters": _repeated("told reporters "),
    "a source said": _repeated("a source said "),
    "according to": _repeated("prices rose, according to officials, "),
    "announced": _repeated("the firm announced "),
    "question marks": _repeated("? "),
    "semicolons before a question": lambda n: _repeat("a; ", n) + " why is it so?",
    "no punctuation": _repeated("the quick brown fox jumps over the lazy dog "),
    "one long word": lambda n: "He said " + "a" * (n // 5) + ".",
    "one long capitalised word": lambda n: "Kim said " + "A" * (n // 5) + " Lee.",
    "combining marks": lambda n: "a" + "\u0301" * n + " said.",
    "right to left": _repeated("قال الرئيس إن 10 "),
    "emoji": _repeated("😀👍🏽👨‍👩‍👧 10 "),
    "gap after said": _gap_after("said", " "),
    "gap after states": _gap_after("states", " "),
    "tabs after told": _gap_after("told", "\t"),
    "gap after according": _gap_after("according", " "),
    "gap before a conjunction": lambda n: "It may rise 10" + " " * n + "but no.",
}
CASES = {**PUNCTUATION, **WHITE_SPACE, **SHAPES}


def extraction_seconds(name: str, chars: int) -> dict[str, object]:
    """Processor time of extracting case name at about chars characters, and what it found.

    The text is one paragraph, read as the importer hands it over; the import itself is
    not timed (its own tests guard it)."""
    from app.extraction import extract
    from app.models import Source, TextRange

    text = CASES[name](chars)
    source = Source(text=text, paragraphs=(TextRange(start=0, end=len(text)),))
    started = time.process_time()
    found = extract(source)
    seconds = time.process_time() - started
    items = (*found.statements, *found.figures, *found.questions)
    spans_hold = all(text[item.start : item.end] == item.text for item in items)
    return {"case": name, "chars": len(text), "seconds": seconds, "spans_hold": spans_hold}


def _run_in_child(names: list[str], chars: int, timeout: float) -> list[dict[str, object]]:
    """Results of the named cases run one after another in a child process; a case that
    hangs ends the child at timeout, and is the first one missing from the results."""
    command = [sys.executable, __file__, "--child", "--chars", str(chars), *names]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False
        )
        output = done.stdout
    except subprocess.TimeoutExpired as stopped:
        raw = stopped.stdout or b""
        output = raw.decode() if isinstance(raw, bytes) else raw
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def _seconds(result: dict[str, object]) -> float:
    seconds = result["seconds"]
    assert isinstance(seconds, float)
    return seconds


GROUPS = {
    "punctuation": list(PUNCTUATION),
    "white space": list(WHITE_SPACE),
    "shapes": list(SHAPES),
}


@pytest.mark.parametrize("group", list(GROUPS))
def test_hostile_text_is_extracted_within_the_cap(group: str) -> None:
    names = GROUPS[group]
    results = _run_in_child(names, CHARS, timeout=CAP_SECONDS * len(names) + 30)
    finished = [result["case"] for result in results]
    missing = [name for name in names if name not in finished]
    assert not missing, f"hung or failed: {missing[0]!r} (and {len(missing) - 1} after it)"
    slow = {r["case"]: round(_seconds(r), 1) for r in results if _seconds(r) > CAP_SECONDS}
    assert not slow, f"over {CAP_SECONDS} s of processor time at ~1 MB: {slow}"
    assert all(result["spans_hold"] for result in results)


# Ordinary sentences through the rewritten steps give the proposals they always gave.
ORDINARY = [
    (
        "The minister told reporters that the plan would fail.",
        [("that the plan would fail", "The minister", "told", False)],
    ),
    (
        "Officials urged residents to stay indoors.",
        [("residents to stay indoors", "Officials", "urged", False)],
    ),
    (
        "Cases rose by 20 percent, per the WHO.",
        [("Cases rose by 20 percent", "the WHO", "per", False)],
    ),
    (
        "According to the police, 12 people were hurt.",
        [("12 people were hurt", "the police", "According to", False)],
    ),
    ("Prices will rise, as she said.", [("Prices will rise", "she", "said", False)]),
    (
        "An architect who said the tower was unsafe resigned.",
        [("the tower was unsafe resigned", "An architect", "said", False)],
    ),
    ("The firm announced the exchange.", []),
    (
        "The firm announced it would close 10 stores.",
        [("it would close 10 stores", "The firm", "announced", False)],
    ),
    (
        'He asked: "Were you there?" She did not answer.',
        [('"Were you there?"', "He", "asked", True)],
    ),
    (
        "Ukrainian President Volodymyr Zelenskyy arrived on Monday. Zelenskyy said the war "
        "would end.",
        [("the war would end", "Volodymyr Zelenskyy", "said", False)],
    ),
    (
        "The eBay Inc board met. Later eBay Inc Chief Jane Roe said the deal was done.",
        [("the deal was done", "eBay Inc Chief Jane Roe", "said", False)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ORDINARY)
def test_ordinary_statements_are_unchanged(
    text: str, expected: list[tuple[str, str, str, bool]]
) -> None:
    from tests.app.extraction.helpers import statements

    assert statements(text) == expected


def test_ordinary_questions_and_hedges_are_unchanged() -> None:
    from tests.app.extraction.helpers import questions, run

    assert questions('He asked: "Were you there?" She did not answer.') == [
        ("Were you there?", "explicit"),
        ("She did not answer.", "uncertainty"),
    ]
    found = run("Prices could rise by 5 percent; wages rose 3 percent.")
    assert [(f.text, f.hedged) for f in found.figures] == [
        ("5 percent", True),
        ("3 percent", False),
    ]


def test_quoted_words_of_a_wording_are_found_as_before() -> None:
    from app.fidelity import _ellipsis_parts, _quoted_runs

    wording = 'He called it “a disgrace” and «  a shame  » and "never" and „bad“ and “open'
    assert _quoted_runs(wording) == ["a disgrace", "a shame", "never", "bad"]
    assert _ellipsis_parts("we will fight ... and we will win [...] in the end") == [
        "we will fight",
        "and we will win",
        "in the end",
    ]


def test_quoted_words_of_a_wording_full_of_unclosed_marks_finish() -> None:
    # 200,000 opening marks and no closing one: each used to be read to the end of the text.
    from app.fidelity import _quoted_runs

    started = time.process_time()
    assert _quoted_runs("“a " * 200_000) == []
    assert _quoted_runs('"' + "a “ " * 200_000 + '"')  # one run: the straight marks
    assert time.process_time() - started < CAP_SECONDS  # a hang guard


def _main(argv: list[str]) -> None:
    child = "--child" in argv
    argv = [arg for arg in argv if arg != "--child"]
    chars = 250_000
    if "--chars" in argv:
        at = argv.index("--chars")
        chars = int(argv[at + 1])
        del argv[at : at + 2]
    names = argv or list(CASES)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for name in names:
        if child:
            print(json.dumps(extraction_seconds(name, chars)), flush=True)
            continue
        small = _seconds(extraction_seconds(name, chars))
        large = _seconds(extraction_seconds(name, 4 * chars))
        ratio = large / max(small, 0.01)
        per_mb = large / (4 * chars / 1e6)
        flag = "  <- grows faster than linear" if ratio > 5 else ""
        print(f"{name:32} {small:7.2f} s  {large:7.2f} s  x{ratio:4.1f}  {per_mb:5.2f} s/MB{flag}")


if __name__ == "__main__":
    _main(sys.argv[1:])
