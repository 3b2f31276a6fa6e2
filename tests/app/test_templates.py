"""Templates are data: built-ins load, files round-trip, and hostile files are refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.storage import StorageError
from app.templates import (
    MAX_TEMPLATE_BYTES,
    TEMPLATE_FORMAT,
    Template,
    TemplateSection,
    builtin_templates,
    load_template,
    save_template,
)

BUILTIN_NAMES = {
    "Situation brief (BLUF)", "One-page meeting brief", "Information paper",
    "Submission (UK style)",
}


def write(path: Path, template: dict, **document: object) -> Path:
    body = {"format": TEMPLATE_FORMAT, "schema_version": 1, "template": template, **document}
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def minimal(**fields: object) -> dict:
    return {"name": "Weekly", "sections": [{"title": "Points", "kinds": ["statement"]}], **fields}


def test_the_four_builtin_templates_load_with_guidance_for_every_section() -> None:
    templates = builtin_templates()
    assert {t.name for t in templates} == BUILTIN_NAMES
    for template in templates:
        assert template.description and all(s.guidance for s in template.sections)


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.name)
def test_every_builtin_template_round_trips_through_a_file(template: Template, tmp_path) -> None:
    path = tmp_path / "copy.bbtemplate"
    save_template(template, path)
    assert load_template(path) == template


def test_a_user_template_round_trips_with_every_setting(tmp_path: Path) -> None:
    (tmp_path / "look.docx").write_bytes(b"PK")
    template = Template(
        name="Ops desk", description="Daily", marking="TLP:AMBER", header_text="Ops",
        footer_text="Do not forward", page_size="Letter", reference_docx="look.docx",
        numbered_items=True, citation_style="inline", author="Desk", organisation="Ops",
        grading=True, likelihood_terms=("likely", "unlikely"),
        sections=(TemplateSection(title="Facts", kinds=("figure",), guidance="Numbers"),),
    )  # fmt: skip
    path = tmp_path / "ops.bbtemplate"
    save_template(template, path)
    assert load_template(path) == template


def test_new_sections_carry_title_kinds_and_guidance() -> None:
    situation = next(t for t in builtin_templates() if t.name.startswith("Situation"))
    sections = situation.new_sections()
    assert [s.title for s in sections] == [s.title for s in situation.sections]
    assert sections[0].kinds == ("statement",) and sections[0].guidance
    assert all(not s.items for s in sections)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "damaged"),
        (b"\xff\xfe\x00garbage", "damaged"),
        (json.dumps({"format": "something/else"}).encode(), "not a template file"),
        (json.dumps({"format": TEMPLATE_FORMAT, "schema_version": 99, "template": {}}).encode(),
         "newer version"),
        (json.dumps({"format": TEMPLATE_FORMAT, "schema_version": 1}).encode(), "holds no"),
    ],
)
def test_damaged_or_newer_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.bbtemplate"
    path.write_bytes(content)
    with pytest.raises(StorageError, match=message):
        load_template(path)


@pytest.mark.parametrize(
    "fields",
    [
        {"reference_docx": "../../etc/passwd.docx"},
        {"reference_docx": "/etc/look.docx"},
        {"reference_docx": "C:\\\\Windows\\\\look.docx"},
        {"reference_docx": "script.py"},
        {"name": "../evil"},
        {"__class__": "os.system"},
        {"sections": []},
        {"page_size": "A0"},
    ],
)
def test_hostile_fields_are_refused(tmp_path: Path, fields: dict) -> None:
    path = write(tmp_path / "hostile.bbtemplate", minimal(**fields))
    with pytest.raises(StorageError, match="not a valid template"):
        load_template(path)


def test_a_reference_document_must_sit_beside_the_template(tmp_path: Path) -> None:
    path = write(tmp_path / "t.bbtemplate", minimal(reference_docx="look.docx"))
    with pytest.raises(StorageError, match="not beside it"):
        load_template(path)
    (tmp_path / "look.docx").write_bytes(b"PK")
    assert load_template(path).reference_docx == "look.docx"


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.bbtemplate"
    path.write_bytes(b" " * (MAX_TEMPLATE_BYTES + 1))
    with pytest.raises(StorageError, match="too large"):
        load_template(path)


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.name)
def test_applying_a_template_to_a_filled_briefing_loses_no_item(template: Template) -> None:
    from app.extraction import extract
    from app.proposals import briefing_from_article
    from app.sample import load_sample
    from app.templates import apply_template

    source = load_sample()
    filled = briefing_from_article(source, extract(source))
    before = sorted(item.id for item in filled.items())

    applied = apply_template(filled, template)

    assert sorted(item.id for item in applied.items()) == before
    assert [s.title for s in applied.sections][: len(template.sections)] == [
        s.title for s in template.sections
    ]
    assert applied.template == template.name
    assert applied.marking == template.marking


def test_items_with_no_matching_section_go_to_unsorted() -> None:
    from app.models import Briefing, Note, Section
    from app.templates import apply_template

    section = TemplateSection(title="F", kinds=("figure",))
    only_figures = Template(name="Figures", sections=(section,))
    briefing = Briefing(sections=(Section(title="Mine", items=(Note(text="keep me"),)),))

    applied = apply_template(briefing, only_figures)

    assert [s.title for s in applied.sections] == ["F", "Unsorted"]
    assert applied.sections[1].items[0].text == "keep me"
