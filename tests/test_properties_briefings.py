"""Property tests: random and adversarial briefings survive save -> load (nothing lost but
what UTF-8 cannot hold) and go through both writers without an exception."""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.models import Briefing
from app.storage import StorageError, load_briefing, save_briefing
from exporters.export import document_bytes
from tests.factories import rich_briefing
from tests.hostile import profiles
from tests.hostile.messages import assert_clear_sentence
from tests.hostile.strategies import hostile_text

# The text fields a user (or a hostile file) can fill, by item kind.
ITEM_FIELDS = {
    "statement": ("content", "speaker", "speaker_role", "cue", "note", "wording"),
    "figure": ("text", "unit", "counts", "as_of", "asserted_by", "note"),
    "question": ("text", "owner", "note"),
    "note": ("text", "note"),
}
BRIEFING_FIELDS = ("title", "author", "marking", "bottom_line")
SOURCE_FIELDS = ("title", "outlet", "author", "url", "origin")
_SURROGATE = re.compile("[\ud800-\udfff]")


@st.composite
def briefings(draw: st.DrawFn, *, anchors_anywhere: bool = False) -> Briefing:
    """rich_briefing with every text field replaced by hostile text; with anchors_anywhere,
    anchors may point anywhere, far past the article's end included."""
    raw = rich_briefing(items_per_section=draw(st.integers(1, 3))).model_dump()
    text = hostile_text(max_size=12)
    for name in BRIEFING_FIELDS:
        raw[name] = draw(text)
    for name in SOURCE_FIELDS:
        raw["sources"][0][name] = draw(text)
    for section in raw["sections"]:
        section["title"] = draw(text)
        for item in section["items"]:
            for name in ITEM_FIELDS[item["kind"]]:
                item[name] = draw(text)
            if anchors_anywhere and item["anchor"] is not None:
                start = draw(st.integers(0, 2**63 - 2))
                item["anchor"]["start"], item["anchor"]["end"] = (
                    start,
                    start + draw(st.integers(0, 10**6)),
                )
    return Briefing.model_validate(raw)


def carriable(value: Any) -> Any:
    """value with each lone surrogate in its strings as U+FFFD: all a UTF-8 file can keep."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {carriable(k): carriable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [carriable(v) for v in value]
    return value


def saved_and_loaded(briefing: Briefing) -> Briefing:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "property.briefing"
        save_briefing(briefing, path)
        loaded = load_briefing(path)
        assert [p.name for p in Path(folder).iterdir()] == ["property.briefing"]  # no .tmp
        return loaded


@given(briefings())
def test_save_then_load_loses_nothing_but_what_utf8_cannot_hold(briefing: Briefing) -> None:
    expected = Briefing.model_validate(carriable(briefing.model_dump()))
    assert saved_and_loaded(briefing) == expected


@given(briefings(anchors_anywhere=True))
def test_anchors_anywhere_save_load_and_save_again(briefing: Briefing) -> None:
    once = saved_and_loaded(briefing)
    assert saved_and_loaded(once) == once  # repaired once, stable afterwards
    assert [s.title for s in once.sections] == [carriable(s.title) for s in briefing.sections]


@profiles.fewer(15)
@given(briefings())
def test_both_writers_take_any_briefing(briefing: Briefing) -> None:
    pdf, _ = document_bytes(briefing, "pdf")
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    docx, _ = document_bytes(briefing, "docx")
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        assert archive.testzip() is None and "word/document.xml" in archive.namelist()


@profiles.fewer(10)
@given(briefings(anchors_anywhere=True))
def test_writers_take_a_briefing_with_anchors_past_its_text(briefing: Briefing) -> None:
    for output_format in ("pdf", "docx"):
        data, warnings = document_bytes(briefing, output_format)
        assert data and all(isinstance(w, str) and w for w in warnings)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def damaged_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A saved briefing's JSON with one value somewhere replaced by any JSON at all."""
    document = json.loads(
        json.dumps(
            {
                "format": "briefing-builder/briefing",
                "schema_version": 4,
                "briefing": rich_briefing().model_dump(mode="json"),
            }
        )
    )
    node: Any = document
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = node[key]
        if not isinstance(child, dict | list) or not child or draw(st.booleans()):
            node[key] = draw(JSON_VALUES)
            break
        node = child
    return document


@given(damaged_documents())
def test_a_damaged_briefing_file_is_refused_in_words_or_opens_and_saves(
    document: dict[str, Any],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.briefing"
        path.write_text(json.dumps(document), encoding="utf-8")
        try:
            briefing = load_briefing(path)
        except StorageError as error:
            assert_clear_sentence(str(error), "damaged.briefing")
            return
    assert saved_and_loaded(saved_and_loaded(briefing)) == saved_and_loaded(briefing)
