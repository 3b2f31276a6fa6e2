"""Property tests: random and adversarial text through every import path (paste, .txt, .md,
.html) and extraction. Either a clear refusal, or a clean Source whose ranges lie inside its
text and whose proposals quote it exactly."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.extraction import extract
from app.importing import ImportFailure, import_file, import_text
from app.models import Source
from tests.hostile import profiles
from tests.hostile.messages import assert_clear_sentence
from tests.hostile.strategies import hostile_text, prose_with_noise

TEXT = st.one_of(hostile_text(), prose_with_noise())
# How a file's bytes may be made: proper UTF-8, UTF-8 with its lone surrogates kept as bytes
# (invalid), UTF-16 with a byte-order mark, or a legacy code page where it fits.
ENCODINGS = st.sampled_from(("utf-8", "utf-8-surrogatepass", "utf-16", "cp1252"))


def encoded(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-surrogatepass":
        return text.encode("utf-8", "surrogatepass")
    return text.encode(encoding, "replace" if encoding == "cp1252" else "surrogatepass")


def check_source(source: Source) -> None:
    """A Source downstream code can trust: clean text, ranges inside it, exact proposals."""
    text = source.text
    odd = [c for c in text if unicodedata.category(c) in ("Cs", "Cc") and c not in "\n\t"]
    assert not odd, f"characters a writer cannot carry were kept: {odd[:5]!r}"
    previous_end = 0
    for paragraph in source.paragraphs:
        assert previous_end <= paragraph.start <= paragraph.end <= len(text)
        previous_end = paragraph.end
    assert all(0 <= r.start <= r.end <= len(text) for r in source.boilerplate)
    check_proposals(source)


def check_proposals(source: Source) -> None:
    for kind, proposals in extract(source).as_contract().items():
        for proposal in proposals:
            start, end = proposal["start"], proposal["end"]
            assert isinstance(start, int) and isinstance(end, int)
            assert 0 <= start <= end <= len(source.text), f"{kind} at {start}:{end}"
            assert source.text[start:end] == proposal["text"], f"{kind} misquotes the text"


def imported_or_refused(read: object, where: str) -> Source | None:
    try:
        return read()  # type: ignore[operator]
    except ImportFailure as failure:
        assert_clear_sentence(str(failure), where)
        return None


@given(TEXT)
def test_pasted_text_imports_cleanly_or_is_refused_in_words(text: str) -> None:
    source = imported_or_refused(lambda: import_text(text), "paste")
    if source is not None:
        check_source(source)


@given(TEXT, st.sampled_from((".txt", ".md", ".html")), ENCODINGS)
def test_article_files_import_cleanly_or_are_refused_in_words(
    text: str, suffix: str, encoding: str
) -> None:
    if suffix == ".html":
        text = f"<html><head><title>t</title></head><body><p>{text}</p></body></html>"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(encoded(text, encoding))
        source = imported_or_refused(lambda: import_file(path), path.name)
        assert sorted(p.name for p in Path(folder).iterdir()) == [path.name]
    if source is not None:
        check_source(source)


@profiles.fewer(20)
@given(st.binary(max_size=3000), st.sampled_from((".txt", ".md", ".html", ".docx", ".pdf")))
def test_random_bytes_never_escape_as_an_exception(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_bytes(data)
        source = imported_or_refused(lambda: import_file(path), path.name)
    if source is not None:
        check_source(source)


@given(prose_with_noise())
def test_reimporting_the_imported_text_changes_nothing(text: str) -> None:
    """Normalisation is idempotent: an article pasted back in reads the same."""
    first = imported_or_refused(lambda: import_text(text), "paste")
    if first is not None:
        assert import_text(first.text).text == first.text


NUMBER_WORDS = st.sampled_from(
    ("five", "hundred", "thousand", "million", "billion", "trillion", "and", "twenty-two", "a")
)


# Runs of one word ("hundred hundred ...") as well as mixtures: a run multiplies fastest.
NUMBER_WORD_RUN = st.builds(
    lambda word, times: " ".join([word] * times), NUMBER_WORDS, st.integers(1, 400)
)


@settings(max_examples=150)  # cheap examples: many of them, in CI too
@example(" ".join(["hundred"] * 200))  # 100^200 is beyond a float
@given(st.lists(st.one_of(NUMBER_WORDS, NUMBER_WORD_RUN), min_size=1, max_size=40).map(" ".join))
def test_chains_of_number_words_are_read_without_overflow(words: str) -> None:
    """Spelled amounts multiply as they are read: a long chain must not overflow a float."""
    source = imported_or_refused(lambda: import_text(f"Officials counted {words} troops."), "paste")
    if source is not None:
        check_source(source)
