"""Importing takes time linear in the size of the file, also on hostile input.

Each kind of input that used to take minutes (a quadratic or worse pattern or step) is
written as a real file at a size n and at 4n and imported in a child process that is
killed past a generous hang guard; before the fixes the 4n files took minutes (a run of
40,000 spaces alone took 10 seconds, and the time grew with its square). The guard is not a
speed measurement: it only tells a hang from a finish. Every case also checks the result:
the text kept, spaces trimmed, headings and emphasis read, paragraphs covering the text.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from app.importing import import_file, import_text
from app.importing.markdown import markdown_to_text
from app.importing.normalise import MAX_COMBINING_MARKS, normalise_text
from app.importing.pdf import Budgets, read_pdf
from app.importing.pdf_text import join_pdf_pages
from app.importing.structure import MAX_PARAGRAPHS, find_paragraphs

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_SECONDS = 60  # for a child that imports the n and the 4n file, one after the other
_FACTOR = 4

# The child imports each file and prints what the parent checks.
_CHILD = """
import json, sys
from app.importing import ImportFailure, import_file
results = []
for path in sys.argv[1:]:
    warnings = []
    try:
        source = import_file(path, warnings=warnings)
    except ImportFailure as error:
        results.append({"error": str(error)})
        continue
    results.append({
        "text": source.text,
        "title": source.title,
        "paragraphs": [[p.start, p.end] for p in source.paragraphs],
        "boilerplate": len(source.boilerplate),
        "warnings": warnings,
    })
sys.stdout.write(json.dumps(results))
"""


def _import_in_child(*paths: Path) -> list[dict[str, Any]]:
    """Each file imported in a child process; a hang fails the test instead of stalling it."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, *map(str, paths)],
            cwd=ROOT,
            capture_output=True,
            timeout=HANG_GUARD_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"importing {[p.name for p in paths]} hung (over {HANG_GUARD_SECONDS} s)")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def _both_sizes(tmp_path: Path, name: str, make: Any, n: int) -> list[dict[str, Any]]:
    """make(n) and make(4n) written as files and imported."""
    paths = []
    for size in (n, _FACTOR * n):
        path = tmp_path / f"{size}-{name}"
        content = make(size)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        paths.append(path)
    return _import_in_child(*paths)


# ----- white space --------------------------------------------------------------------------
def test_long_runs_of_spaces_and_tabs_are_trimmed_at_line_ends(tmp_path: Path) -> None:
    def make(n: int) -> str:
        return (
            "Officials said the talks had failed." + " " * n + "\n"
            "A second line followed." + "\t" * n + "\n"
            "A third ended in no-break spaces." + "\u00a0" * n
        )

    for result in _both_sizes(tmp_path, "trailing.txt", make, 50_000):
        assert result["text"] == (
            "Officials said the talks had failed.\n"
            "A second line followed.\n"
            "A third ended in no-break spaces."
        )


def test_long_runs_of_spaces_inside_a_line_are_kept(tmp_path: Path) -> None:
    for n, result in zip(
        (50_000, 200_000),
        _both_sizes(tmp_path, "inside.txt", lambda n: "Hello world" + " " * n + "x end\n", 50_000),
        strict=True,
    ):
        assert result["text"] == "Hello world" + " " * n + "x end"


def test_a_megabyte_of_tabs_is_read(tmp_path: Path) -> None:
    for n, result in zip(
        (250_000, 1_000_000),
        _both_sizes(tmp_path, "tabs.txt", lambda n: "Hello world\n" + "\t" * n + "x\n", 250_000),
        strict=True,
    ):
        assert result["text"] == "Hello world\n" + "\t" * n + "x"
        assert result["title"] == "Hello world"


def test_furniture_words_before_a_long_run_of_spaces(tmp_path: Path) -> None:
    # Furniture patterns put optional spaces side by side ("here\\s*[.!]?\\s*$"): on a
    # long run of spaces they tried every split of it.
    def make(n: int) -> str:
        lines = ("Follow us here", "Related", "© 2024", "Read more", "12 of")
        return "The minister spoke.\n" + "\n".join(line + " " * n + "x" for line in lines)

    for result in _both_sizes(tmp_path, "furniture.txt", make, 50_000):
        assert result["text"].startswith("The minister spoke.\nFollow us here ")
        assert result["text"].count("x") == 5


# ----- Markdown -----------------------------------------------------------------------------
def test_markdown_heading_with_a_long_run_of_spaces(tmp_path: Path) -> None:
    def make(n: int) -> str:
        return "# Budget talks" + " " * n + "##\n\nThe minister spoke on Tuesday.\n"

    for result in _both_sizes(tmp_path, "heading.md", make, 20_000):
        assert result["title"] == "Budget talks"
        assert result["text"] == "Budget talks\n\nThe minister spoke on Tuesday."


def test_markdown_heading_words_after_a_long_run_of_spaces_are_kept(tmp_path: Path) -> None:
    make = lambda n: "## Budget" + " " * n + "talks ##\n\nBody text.\n"  # noqa: E731
    for n, result in zip(
        (20_000, 80_000), _both_sizes(tmp_path, "heading2.md", make, 20_000), strict=True
    ):
        assert result["text"] == "Budget" + " " * n + "talks\n\nBody text."


@pytest.mark.parametrize(
    ("unit", "plain"),
    [
        ("*a", "*a"),  # no emphasis ever closes
        ("*a ", "*a "),
        ("_a ", "_a "),
        ("**a ", "**a "),
        ("a* ", "a* "),
        ("**bold** ", "bold "),  # every one closes: all are read
        ("*it* ", "it "),
    ],
)
def test_markdown_emphasis_runs(tmp_path: Path, unit: str, plain: str) -> None:
    results = _both_sizes(tmp_path, "emphasis.md", lambda n: "Body " + unit * n, 40_000)
    for n, result in zip((40_000, 160_000), results, strict=True):
        assert result["text"] == ("Body " + plain * n).strip()


@pytest.mark.parametrize(
    ("unit", "plain"),
    [
        ("[", "["),  # never closed
        ("![", "!["),
        ("[a](", "[a]("),  # the target never closes
        ("<!--", "<!--"),  # the comment never closes
        ("[a](b) ", "a "),  # links: the label kept
        ("![a](b)x ", "x "),  # images dropped
        ("<!-- c -->x ", "x "),  # comments dropped
    ],
)
def test_markdown_brackets_and_comments(tmp_path: Path, unit: str, plain: str) -> None:
    results = _both_sizes(tmp_path, "brackets.md", lambda n: "Body " + unit * n, 60_000)
    for n, result in zip((60_000, 240_000), results, strict=True):
        assert result["text"] == ("Body " + plain * n).strip()


def test_markdown_reads_as_before_on_ordinary_markup() -> None:
    markdown = (
        "<!-- draft -->\n# Talks *fail* again #\n\n"
        "The **minister** said the [plan](https://example.org/plan) would cost __£600m__.\n"
        "![chart](chart.png)\n\n"
        "---\n"
        "```\ncode here\n```\n"
        "> “We will not wait,” she said of the_snake_case_word.\n"
        "* * *\n"
        "an unclosed *star and a closed _one_."
    )
    assert markdown_to_text(markdown) == (
        "\nTalks fail again\n\n"
        "The minister said the plan would cost £600m.\n\n\n"
        "\n"
        "\ncode here\n\n"
        "“We will not wait,” she said of the_snake_case_word.\n"
        "\n"
        "an unclosed *star and a closed one."
    )


# ----- combining marks ----------------------------------------------------------------------
def test_a_letter_under_a_flood_of_combining_marks(tmp_path: Path) -> None:
    # Two marks of different classes: composing sorts each run, in time growing with the
    # square of its length (100,000 marks took 19 seconds).
    def make(n: int) -> str:
        return "Café prices rose.\n\nZa" + "\u0301\u0323" * (n // 2) + "lgo.\n\nEnd of story.\n"

    for result in _both_sizes(tmp_path, "marks.txt", make, 50_000):
        text = result["text"]
        assert text.startswith("Café prices rose.\n\nZ") and text.endswith("lgo.\n\nEnd of story.")
        kept = "a" + "\u0301\u0323" * (MAX_COMBINING_MARKS // 2)  # the first marks of the run
        assert text.split("\n\n")[1] == unicodedata.normalize("NFC", f"Z{kept}lgo.")
        assert unicodedata.is_normalized("NFC", text)


def test_capped_marks_are_reported_in_plain_words() -> None:
    warnings: list[str] = []
    text = normalise_text("a" + "\u0301" * 1_000 + " b\u0301", warnings)
    assert text == "á" + "\u0301" * (MAX_COMBINING_MARKS - 1) + " b́"
    assert len(warnings) == 1
    assert "968 accent or combining marks were removed" in warnings[0]
    assert "Error" not in warnings[0]


def test_ordinary_accents_are_untouched() -> None:
    warnings: list[str] = []
    text = "Ελληνικά, Tiếng Việt, हिन्दी, e\u0301"
    assert normalise_text(text, warnings) == unicodedata.normalize("NFC", text)
    assert warnings == []


# ----- many lines ---------------------------------------------------------------------------
def test_a_million_short_lines(tmp_path: Path) -> None:
    def make(n: int) -> str:
        return "".join(f"l{i % 10}\n" for i in range(n))

    for n, result in zip(
        (250_000, 1_000_000),
        _both_sizes(tmp_path, "lines.txt", make, 250_000),
        strict=True,
    ):
        text, paragraphs = result["text"], result["paragraphs"]
        assert text.count("\n") == n - 1
        assert len(paragraphs) <= MAX_PARAGRAPHS
        # The paragraphs cover every line, in order, each starting and ending on a line.
        assert paragraphs[0][0] == 0 and paragraphs[-1][1] == len(text)
        starts = [start for start, _ in paragraphs]
        assert starts == sorted(starts)
        assert all(start == 0 or text[start - 1] == "\n" for start in starts)


def test_many_paragraphs_are_grouped_with_a_warning() -> None:
    count = MAX_PARAGRAPHS * 2 + 5  # grouped three at a time
    text = "\n".join(f"Line {i}." for i in range(count))
    warnings: list[str] = []
    paragraphs = find_paragraphs(text, warnings)
    assert len(paragraphs) == -(-count // 3) <= MAX_PARAGRAPHS
    assert text[paragraphs[0].start : paragraphs[0].end] == "Line 0.\nLine 1.\nLine 2."
    assert paragraphs[-1].end == len(text)
    assert len(warnings) == 1 and "grouped" in warnings[0] and "kept" in warnings[0]


def test_few_paragraphs_are_found_as_before() -> None:
    warnings: list[str] = []
    lines = find_paragraphs("One.\nTwo.\n\n  Three.", warnings)
    assert [(p.start, p.end) for p in lines] == [(0, 9), (13, 19)]  # hard-wrapped blocks
    lines = find_paragraphs("One.\n \nTwo.\n\tThree.", warnings)
    assert [(p.start, p.end) for p in lines] == [(0, 4), (7, 19)]  # a blank line of spaces
    lines = find_paragraphs("One.\n Two.\nThree.", warnings)
    assert [(p.start, p.end) for p in lines] == [(0, 4), (5, 10), (11, 17)]  # one per line
    assert warnings == []


def test_a_page_of_furniture_lines(tmp_path: Path) -> None:
    def make(n: int) -> str:
        return "The minister spoke.\n" + "Advertisement\n" * n

    for result in _both_sizes(tmp_path, "ads.txt", make, 60_000):
        assert result["title"] == "The minister spoke."
        assert 1 <= result["boilerplate"] <= MAX_PARAGRAPHS


def test_a_title_after_thousands_of_furniture_lines() -> None:
    text = "Advertisement\n" * 50_000 + "The real headline\nBody."
    source = import_text(text)
    assert source.title == "The real headline"


# ----- PDF ----------------------------------------------------------------------------------
def _pdf(pages: list[bytes]) -> bytes:
    """A PDF whose pages have these content streams (Helvetica as F1)."""
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages)))
        + b"] /Count %d >>" % len(pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(pages):
        bodies.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        bodies.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    return bytes(out)


def _prose_page(topic: str) -> bytes:
    return (
        f"BT /F1 12 Tf 72 720 Td (The {topic} minister said the {topic} plan would change.) Tj "
        f"0 -14 Td (Officials in the {topic} office declined to comment on it.) Tj ET"
    ).encode()


def _dense_page(operators: int) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td " + b"(word ) Tj " * operators + b"ET"


def test_a_pdf_page_of_300000_text_operators_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "dense.pdf"
    path.write_bytes(_pdf([_prose_page("harbour"), _dense_page(300_000), _prose_page("rail")]))
    result = _import_in_child(path)[0]
    assert "harbour minister" in result["text"] and "rail minister" in result["text"]
    assert "word word" not in result["text"]
    document = read_pdf(path, name="dense.pdf", budgets=Budgets(page=1.0))
    assert document.left_out == (2,)
    assert list(document.warnings) == [
        "dense.pdf: page 2 took more than 1 seconds to read (an unusually large number of "
        "text or drawing instructions) and was left out. The text of the other pages was kept."
    ]


def test_pdf_pages_past_the_whole_budget_are_named(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    pages = [_prose_page("harbour")] + [_dense_page(100_000)] * 6
    path.write_bytes(_pdf(pages))
    document = read_pdf(path, name="long.pdf", budgets=Budgets(page=0.5, read=1.2))
    assert "harbour minister" in document.pages[0]
    assert document.left_out == (2, 3, 4, 5, 6, 7)
    assert (
        "were not read, because reading the file had already taken too long"
        in (document.warnings[0])
    )


def test_a_pdf_whose_only_text_is_too_slow_gets_a_sentence(tmp_path: Path) -> None:
    from app.importing import ImportFailure

    path = tmp_path / "slow.pdf"
    path.write_bytes(_pdf([_dense_page(200_000)]))
    with pytest.raises(ImportFailure) as failure:
        read_pdf(path, name="slow.pdf", budgets=Budgets(page=0.5))
    assert str(failure.value) == (
        "slow.pdf could not be read: page 1 took more than 0.5 seconds to read (an unusually "
        "large number of text or drawing instructions) and was left out, and no other page "
        "holds text."
    )


def test_a_pdf_page_of_many_short_lines_is_joined_in_linear_time(tmp_path: Path) -> None:
    def make(n: int) -> bytes:
        lines = b"(word) Tj 0 -14 Td " * n  # one word per line
        return _pdf([_prose_page("harbour"), b"BT /F1 12 Tf 72 720 Td " + lines + b"ET"])

    for n, result in zip(
        (5_000, 20_000), _both_sizes(tmp_path, "lines.pdf", make, 5_000), strict=True
    ):
        assert result["text"].count("word") == n


def test_pdf_lines_joined_as_before() -> None:
    page = (
        "The minister said the adip-\niscing plan was a well-\nknown idea, and the cost "
        "was 206–231–\n3195 pounds.\n• a list item\n“A quote,” she said.\n12"
    )
    assert join_pdf_pages((page,)) == (
        "The minister said the adipiscing plan was a well-known idea, and the cost was "
        "206–231–3195 pounds.\n• a list item\n“A quote,” she said."
    )


def test_pdf_reader_messages_name_no_exception_class(tmp_path: Path) -> None:
    from app.importing import ImportFailure

    for name, data in (
        ("bad.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage"),
        ("cut.pdf", _pdf([_prose_page("harbour")])[:300]),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportFailure) as failure:
            import_file(path)
        message = str(failure.value)
        assert message.startswith(name) and message.endswith(".")
        assert not re.search(r"[A-Z][a-z]+(Error|Exception)\b", message), message
