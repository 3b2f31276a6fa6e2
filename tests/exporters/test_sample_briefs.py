"""The sample article, every proposal accepted, exported under every built-in template and
read back: the pages read as briefing prose, not as extraction output."""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import cache
from pathlib import Path

import docx
import pypdf
import pytest

from app.edits import set_header
from app.extraction import extract
from app.importing import import_file
from app.models import Briefing
from app.proposals import briefing_from_article
from app.sample import load_sample
from app.templates import apply_template, builtin_templates
from exporters.export import export_briefing, render_document

BRACKETED_CUE = re.compile(r"\((?:saying|says|said|claim|claims|calling|told|warning)\)")
TEMPLATES = [t.name for t in builtin_templates()]
NUMBERED = re.compile(r"^\d+\.\s+")


@cache
def sample_briefing() -> Briefing:
    source = load_sample()
    return briefing_from_article(source, extract(source))


def under(name: str) -> Briefing:
    template = next(t for t in builtin_templates() if t.name == name)
    return apply_template(sample_briefing(), template)


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.mark.parametrize("name", TEMPLATES)
def test_statements_read_as_sentences_in_both_formats(name: str, tmp_path: Path) -> None:
    briefing = under(name)
    statements = [i for i in briefing.items() if i.kind == "statement"]
    assert len(statements) >= 5
    export_briefing(briefing, tmp_path / "b.docx", "docx")
    body = [
        NUMBERED.sub("", p.text)  # a numbered template's "4. " before the sentence
        for p in docx.Document(str(tmp_path / "b.docx")).paragraphs
        if p.style is not None and p.style.name == "Body Text"
    ]
    speakers = {s.speaker for s in statements}
    sentences = [p for p in body if any(speaker in p for speaker in speakers)]
    assert len(sentences) >= len(statements) - 1  # one sentence per statement
    for sentence in sentences:
        assert sentence[0].isupper() or sentence[0] in "“‘", sentence
        assert not BRACKETED_CUE.search(sentence), sentence
        assert re.search(r"\b(said|asked|called|revealed|claimed|warned|told)\b", sentence)
    text = pdf_text(render_document(briefing, "pdf").data)
    for noise in ("Owner: unassigned", "Status: open", "[ungraded]", "— Unattributed"):
        assert noise not in text
    assert not BRACKETED_CUE.search(text)


def test_the_one_page_brief_fits_or_says_which_sections_overflow() -> None:
    briefing = under("One-page meeting brief")
    rendered = render_document(briefing, "pdf")
    pages = len(pypdf.PdfReader(io.BytesIO(rendered.data)).pages)
    over = [w for w in rendered.warnings if "against a budget of 1" in w]
    if pages == 1:
        assert over == []
    else:
        assert len(over) == 1 and f"runs to {pages} pages" in over[0]
        titles = [s.title for s in briefing.sections]
        assert any(f"“{title}”" in over[0] for title in titles), over[0]
    # Its "Key points" holds far more than its guidance's five, and the export says so.
    assert any("“Key points” holds" in w for w in rendered.warnings)


def test_the_one_page_brief_cut_to_its_guidance_fits_one_page() -> None:
    briefing = under("One-page meeting brief")
    keep = {"statement": 3, "figure": 1, "question": 3}
    kept_ids = set()
    for kind, count in keep.items():
        kept_ids |= {i.id for i in [i for i in briefing.items() if i.kind == kind][:count]}
    sections = tuple(
        s.model_copy(update={"items": tuple(i for i in s.items if i.id in kept_ids)})
        for s in briefing.sections
    )
    briefing = set_header(briefing.model_copy(update={"sections": sections}), "bottom_line", "X.")
    rendered = render_document(briefing, "pdf")
    assert len(pypdf.PdfReader(io.BytesIO(rendered.data)).pages) == 1
    assert not any("budget" in w for w in rendered.warnings)


def test_a_web_page_source_is_cited_with_outlet_date_and_address(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Port strike widens - Coast Courier</title>"
        '<meta property="og:site_name" content="Coast Courier">'
        '<meta property="article:published_time" content="2025-03-04T08:00:00Z">'
        '<meta name="author" content="Jane Smith">'
        '<link rel="canonical" href="https://courier.example/port-strike">'
        "</head><body><article><h1>Port strike widens</h1>"
        "<p>The strike spread to three more ports on Tuesday, the union said.</p>"
        "<p>“We cannot load a single ship,” said Tom Reyes, a union organiser. He said "
        "that 4,000 dockers had walked out and that talks would resume on Friday.</p>"
        "</article></body></html>",
        "utf-8",
    )
    source = import_file(page)
    assert (source.outlet, source.published) == ("Coast Courier", dt.date(2025, 3, 4))
    briefing = briefing_from_article(source, extract(source))
    export_briefing(briefing, tmp_path / "b.pdf", "pdf")
    text = pdf_text((tmp_path / "b.pdf").read_bytes())
    assert "Coast Courier" in text and "4 March 2025" in text
    assert "https://courier.example/port-strike" in text
