"""Hostile .briefing and template files for the corpus, built from the domain model where
the model can express them and as raw JSON where the point is what the model would refuse.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from app.models import (
    Anchor,
    Briefing,
    Figure,
    Note,
    Question,
    Section,
    Source,
    Statement,
    TextRange,
)
from tests.hostile import files as ff

FORMAT = "briefing-builder/briefing"
VERSION = 4
TEMPLATE_FORMAT = "briefing-builder/template"
TEMPLATE_VERSION = 3
SENTENCE = "The foreign minister, Maria Lopez, said the talks have failed."


def briefing_file(briefing: Briefing | dict[str, Any], *, version: int = VERSION) -> str:
    """The text of a .briefing file holding briefing (a model or its raw JSON)."""
    payload = briefing if isinstance(briefing, dict) else briefing.model_dump(mode="json")
    return json.dumps({"format": FORMAT, "schema_version": version, "briefing": payload})


def article_source(text: str = SENTENCE) -> Source:
    return Source(text=text, title="Talks", paragraphs=(TextRange(start=0, end=len(text)),))


def plain_briefing() -> Briefing:
    source = article_source()
    anchor = Anchor(source_id=source.id, start=0, end=len(SENTENCE), text=SENTENCE)
    statement = Statement(content="the talks have failed", speaker="Maria Lopez", anchor=anchor)
    return Briefing(
        title="Geneva talks",
        sections=(Section(title="Key statements", kinds=("statement",), items=(statement,)),),
        sources=(source,),
    )


def with_items(*items: Any, source: Source | None = None, **fields: Any) -> Briefing:
    sources = (source,) if source else ()
    fields.setdefault("title", "Hostile")
    return Briefing(sections=(Section(title="Items", items=items),), sources=sources, **fields)


# ----- briefings the loader must refuse clearly (or load and save again) --------------------
def damaged_briefings() -> Iterator[tuple[str, str, str | bytes, str]]:
    good = briefing_file(plain_briefing())
    yield "empty.briefing", "empty", b"", "refused"
    yield "not-json.briefing", "binary", b"\x89PNG\r\n" + bytes(range(256)) * 50, "refused"
    yield "truncated.briefing", "truncated", good[: len(good) // 2], "refused"
    yield "wrong-format.briefing", "format", json.dumps({"format": "x", "briefing": {}}), "refused"
    yield "newer.briefing", "format", briefing_file(plain_briefing(), version=99), "refused"
    yield (
        "version-text.briefing",
        "format",
        good.replace('"schema_version": 4', '"schema_version": "4"'),
        "refused",
    )
    yield (
        "deep-nesting.briefing",
        "nesting",
        '{"format":' + "[" * 200_000 + "]" * 200_000 + "}",
        "refused",
    )
    yield (
        "huge-number.briefing",
        "nesting",
        good.replace('"schema_version": 4', '"schema_version": ' + "9" * 6000),
        "refused",
    )
    yield (
        "nan.briefing",
        "format",
        briefing_file(with_items(Figure(text="x", value=1))).replace(
            '"value": 1.0', '"value": NaN'
        ),
        "refused",
    )
    yield "utf16.briefing", "encoding", good.encode("utf-16"), "either"
    yield "cp1252.briefing", "encoding", good.replace("Geneva", "Genève").encode("cp1252"), "either"
    yield "surrogates.briefing", "encoding", surrogate_briefing(), "ok"
    yield (
        "controls.briefing",
        "controls",
        briefing_file(with_items(Note(text="esc \x1b[31m nul \x00 vt \x0b"), title="bell \x07")),
        "ok",
    )
    yield (
        "offsets-negative.briefing",
        "offsets",
        good.replace('"start": 0', '"start": -5'),
        "refused",
    )


def surrogate_briefing() -> str:
    """Lone surrogate escapes in many fields: JSON allows them, UTF-8 cannot hold them."""
    raw = plain_briefing().model_dump(mode="json")
    raw["title"] = "Geneva \\ud800 talks"
    raw["author"] = "\\udfff"
    raw["sections"][0]["items"][0]["note"] = "note \\udc80\\ud83d"
    raw["sources"][0]["title"] = "Talks \\ud800"
    text = briefing_file(raw)
    return text.replace("\\\\ud", "\\ud").replace("\\\\udc", "\\udc")


# ----- briefings every writer must export ---------------------------------------------------
def export_briefings() -> Iterator[tuple[str, str, Briefing, str]]:
    """(file name, kind, briefing, a phrase the export must hold)."""
    short = article_source()
    beyond = Anchor(source_id=short.id, start=10**6, end=10**6 + 5, text="ghost")
    huge = Anchor(source_id=short.id, start=2**40, end=2**63 - 1, text="ghost")
    yield (
        "offsets-beyond.briefing",
        "offsets",
        with_items(
            Statement(content="Maria Lopez spoke", anchor=beyond),
            Figure(text="5,000", value=5000, anchor=huge),
            source=short,
        ),
        "Maria Lopez",
    )
    yield (
        "huge-note.briefing",
        "huge",
        with_items(
            Note(
                text="Maria Lopez first. "
                + ("The convoy reached the border at dawn and waited. " * 40_000)
            )
        ),
        "Maria Lopez",
    )
    yield (
        "long-words.briefing",
        "pathological",
        with_items(Note(text="Maria Lopez wrote " + " ".join(["w" * 100_000] * 3))),
        "Maria Lopez",
    )
    yield (
        "marking-2000.briefing",
        "pathological",
        with_items(Note(text="Maria Lopez said."), marking="SECRET " * 330),
        "Maria Lopez",
    )
    yield (
        "long-unit.briefing",
        "pathological",
        with_items(
            Figure(text="5,000", value=5000, unit="troops-" * 800, counts="Maria Lopez counted")
        ),
        "Maria Lopez",
    )
    yield (
        "figure-line-1mb.briefing",
        "pathological",
        with_items(Figure(text="5,000", value=5000, counts="Maria Lopez " + "12,345 | " * 140_000)),
        "Maria Lopez",
    )
    yield "citations-10k.briefing", "pathological", many_citations(10_000, 100_000), "Maria Lopez"
    yield (
        "many-items.briefing",
        "huge",
        with_items(*(Question(text=f"Question {n} for Maria Lopez?") for n in range(20_000))),
        "Maria Lopez",
    )
    yield (
        "many-sections.briefing",
        "huge",
        Briefing(
            title="Maria Lopez", sections=tuple(Section(title=f"Section {n}") for n in range(2000))
        ),
        "Maria Lopez",
    )
    yield (
        "markup-fields.briefing",
        "markup",
        with_items(
            Note(text="<b>Maria Lopez</b> & <para> &amp; </para> <font size=99>"),
            title="<i>unclosed",
            bottom_line="a < b & c > d",
        ),
        "Maria Lopez",
    )
    yield (
        "bidi-combining.briefing",
        "bidi",
        with_items(
            Note(text="Maria Lopez \u202e reversed \u202c " + "e" + "\u0301" * 5000 + " שלום عربي")
        ),
        "Maria Lopez",
    )


def many_citations(citations: int, paragraphs: int) -> Briefing:
    """citations statements anchored across an article of paragraphs paragraphs."""
    line = "Paragraph text where Maria Lopez says more.\n"
    text = line * paragraphs
    ranges = tuple(
        TextRange(start=n * len(line), end=(n + 1) * len(line) - 1) for n in range(paragraphs)
    )
    source = Source(text=text, title="Long article", paragraphs=ranges)
    step = paragraphs // citations
    items = tuple(
        Statement(
            content=f"says more {n}",
            speaker="Maria Lopez",
            anchor=Anchor(
                source_id=source.id,
                start=n * step * len(line),
                end=n * step * len(line) + len(line) - 1,
                text=line[:-1],
            ),
        )
        for n in range(citations)
    )
    return with_items(*items, source=source)


# ----- templates ---------------------------------------------------------------------------
def template_document(name: str, *, reference: str = "", **fields: Any) -> dict[str, Any]:
    body = {
        "name": name,
        "sections": [{"title": "Key statements", "kinds": ["statement"]}],
        "style": {"reference_docx": reference},
        **fields,
    }
    return {"format": TEMPLATE_FORMAT, "schema_version": TEMPLATE_VERSION, "template": body}


def template_with_reference(name: str, docx: str) -> tuple[dict[str, Any], bytes]:
    return template_document(name, reference=docx), ff.reference_docx()


def no_styles_content_type() -> bytes:
    """The reference .docx with its styles part's content type removed from the package."""
    data = ff.reference_docx()
    import io
    import zipfile

    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()
    start = types.index('<Override PartName="/word/styles.xml"')
    end = types.index("/>", start) + 2
    return ff.rewrite_members(data, {"[Content_Types].xml": (types[:start] + types[end:]).encode()})


LOOK_ALIKES = {
    "cyrillic-a": "Situ\u0430tion brief (BLUF)",
    "fullwidth": "Situation brief (\uff22\uff2c\uff35\uff26)",
    "greek-omicron": "Inf\u03bfrmation paper",
    "mathematical": "\U0001d408nformation paper",
    "ligature": "Submission (UK style)".replace("ssi", "s\u017fi"),
    "nbsp": "One-page\u00a0meeting brief",
}


def templates() -> Iterator[tuple[str, str, dict[str, Any], bytes | str | None, str]]:
    """(file name, kind, template JSON, its reference .docx (bytes, "fifo" or None), expect)."""
    yield "ok.bbtemplate", "control", template_document("Desk brief"), None, "ok"
    yield "ok-template.json", "control", template_document("Json brief"), None, "ok"
    for label, name in LOOK_ALIKES.items():
        yield f"lookalike-{label}.bbtemplate", "lookalike", template_document(name), None, "refused"
    yield "surrogate-name.bbtemplate", "encoding", template_document("Desk \ud800"), None, "refused"
    yield "control-name.bbtemplate", "controls", template_document("Desk\x1b[31m"), None, "refused"
    yield (
        "no-styles-type.bbtemplate",
        "template-docx",
        template_document("No styles type", reference="nostyles.docx"),
        no_styles_content_type(),
        "either",
    )
    yield (
        "bomb-look.bbtemplate",
        "zip",
        template_document("Bomb look", reference="bomb-look.docx"),
        ff.zip_bytes({"word/document.xml": b"<a/>", "x.bin": b"\0" * 300_000_000}),
        "refused",
    )
    yield (
        "encrypted-look.bbtemplate",
        "zip",
        template_document("Encrypted look", reference="enc-look.docx"),
        ff.patch_member(ff.reference_docx(), "word/styles.xml", flags=1),
        "either",
    )
    yield (
        "deflate64-look.bbtemplate",
        "zip",
        template_document("Deflate64 look", reference="d64-look.docx"),
        ff.patch_member(ff.reference_docx(), "word/styles.xml", method=9),
        "either",
    )
    yield (
        "not-docx-look.bbtemplate",
        "template-docx",
        template_document("Text look", reference="text-look.docx"),
        b"just text",
        "refused",
    )
    yield (
        "missing-look.bbtemplate",
        "template-docx",
        template_document("Missing look", reference="missing-look.docx"),
        None,
        "refused",
    )
    yield (
        "fifo-look.bbtemplate",
        "device",
        template_document("Fifo look", reference="fifo-look.docx"),
        "fifo",
        "refused",
    )
    yield (
        "path-look.bbtemplate",
        "template-docx",
        template_document("Path look", reference="../../etc/passwd.docx"),
        None,
        "refused",
    )
    yield (
        "huge.bbtemplate",
        "huge",
        template_document("Huge", description="d" * 2_000_000),
        None,
        "refused",
    )
    yield "long-name.bbtemplate", "pathological", template_document("N" * 5000), None, "refused"
    yield (
        "many-sections.bbtemplate",
        "huge",
        {
            **template_document("Many"),
            "template": {"name": "Many", "sections": [{"title": f"S{n}"} for n in range(10_000)]},
        },
        None,
        "refused",
    )
