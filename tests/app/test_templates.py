"""Templates are data: built-ins load, files round-trip, and hostile files are refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.models import BriefingStyle
from app.storage import StorageError
from app.templates import (
    MAX_TEMPLATE_BYTES,
    TEMPLATE_FORMAT,
    TEMPLATE_SCHEMA_VERSION,
    Template,
    TemplateSection,
    builtin_templates,
    load_template,
    save_template,
)

BUILTIN_NAMES = {
    "Situation brief (BLUF)",
    "One-page meeting brief",
    "Information paper",
    "Submission (UK style)",
}


def write(path: Path, template: dict, version: int = TEMPLATE_SCHEMA_VERSION) -> Path:
    body = {"format": TEMPLATE_FORMAT, "schema_version": version, "template": template}
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def minimal(**fields: object) -> dict:
    return {"name": "Weekly", "sections": [{"title": "Points", "kinds": ["statement"]}], **fields}


def test_the_four_builtin_templates_load_with_guidance_for_every_section() -> None:
    templates = builtin_templates()
    assert {t.name for t in templates} == BUILTIN_NAMES
    for template in templates:
        assert template.description and all(s.guidance for s in template.sections)


def test_builtin_templates_are_stored_in_the_current_format_with_their_look() -> None:
    folder = Path(__file__).parents[2] / "resources" / "templates"
    for path in folder.glob("*.bbtemplate"):
        document = json.loads(path.read_text("utf-8"))
        assert document["schema_version"] == TEMPLATE_SCHEMA_VERSION, path.name
        assert set(document["template"]) <= {*Template.model_fields}, path.name
    looks = {t.name: t.style for t in builtin_templates()}
    assert looks["Situation brief (BLUF)"].grading
    assert looks["Situation brief (BLUF)"].header_text == "Situation brief"
    assert len(looks["Situation brief (BLUF)"].likelihood_terms) == 7
    assert looks["One-page meeting brief"].citation_style == "inline"
    assert looks["Information paper"].numbered_items
    assert looks["Submission (UK style)"].footer_text == "Advice to ministers: not for release"


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.name)
def test_every_builtin_template_round_trips_through_a_file(template: Template, tmp_path) -> None:
    path = tmp_path / "copy.bbtemplate"
    save_template(template, path)
    assert load_template(path) == template


def test_a_user_template_round_trips_with_every_setting(tmp_path: Path) -> None:
    (tmp_path / "look.docx").write_bytes(b"PK")
    template = Template(
        name="Ops desk",
        description="Daily",
        marking="TLP:AMBER",
        author="Desk",
        sections=(TemplateSection(title="Facts", kinds=("figure",), guidance="Numbers"),),
        style=OPS_LOOK,
    )
    path = tmp_path / "ops.bbtemplate"
    save_template(template, path)
    assert load_template(path) == template
    saved = json.loads(path.read_text("utf-8"))
    assert saved["schema_version"] == TEMPLATE_SCHEMA_VERSION
    assert saved["template"]["style"]["header_text"] == "Ops"


OPS_LOOK = BriefingStyle(
    page_size="Letter",
    header_text="Ops",
    footer_text="Do not forward",
    reference_docx="look.docx",
    numbered_items=True,
    citation_style="inline",
    organisation="Ops",
    grading=True,
    likelihood_terms=("likely", "unlikely"),
)


def test_a_version_1_file_with_the_look_beside_the_name_loads_with_its_look(
    tmp_path: Path,
) -> None:
    (tmp_path / "look.docx").write_bytes(b"PK")
    added_since = {
        "page_budget",
        "statement_form",
        "statement_order",
        "label_analyst_text",
        "mark_hedged",
        "figures_compared",
        "glossary",
        "since_last_briefing",
    }
    flat = {k: v for k, v in OPS_LOOK.model_dump(mode="json").items() if k not in added_since}
    path = write(
        tmp_path / "old.bbtemplate", minimal(marking="TLP:AMBER", author="Desk", **flat), version=1
    )

    template = load_template(path)

    assert template.style == OPS_LOOK
    assert (template.marking, template.author) == ("TLP:AMBER", "Desk")
    assert template.new_briefing().style == OPS_LOOK


def test_a_version_1_file_without_a_look_gets_the_standard_one(tmp_path: Path) -> None:
    path = write(tmp_path / "old.bbtemplate", minimal(), version=1)
    assert load_template(path).style == BriefingStyle()


def test_a_version_1_file_is_checked_as_strictly_as_a_new_one(tmp_path: Path) -> None:
    hostile = minimal(reference_docx="../../etc/passwd.docx")
    path = write(tmp_path / "old.bbtemplate", hostile, version=1)
    with pytest.raises(StorageError, match="not a valid template"):
        load_template(path)
    unknown = write(tmp_path / "odd.bbtemplate", minimal(colour="red"), version=1)
    with pytest.raises(StorageError, match="not a valid template"):
        load_template(unknown)


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
        (
            json.dumps({"format": TEMPLATE_FORMAT, "schema_version": 99, "template": {}}).encode(),
            "newer version",
        ),
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
        {"style": {"reference_docx": "../../etc/passwd.docx"}},
        {"style": {"reference_docx": "/etc/look.docx"}},
        {"style": {"reference_docx": "C:\\\\Windows\\\\look.docx"}},
        {"style": {"reference_docx": "script.py"}},
        {"name": "../evil"},
        {"__class__": "os.system"},
        {"sections": []},
        {"style": {"page_size": "A0"}},
        {"style": {"colour": "red"}},
        {"page_size": "Letter"},  # the look's fields live in style since version 2
    ],
)
def test_hostile_fields_are_refused(tmp_path: Path, fields: dict) -> None:
    path = write(tmp_path / "hostile.bbtemplate", minimal(**fields))
    with pytest.raises(StorageError, match="not a valid template"):
        load_template(path)


def test_a_reference_document_must_sit_beside_the_template(tmp_path: Path) -> None:
    path = write(tmp_path / "t.bbtemplate", minimal(style={"reference_docx": "look.docx"}))
    with pytest.raises(StorageError, match="not beside it"):
        load_template(path)
    (tmp_path / "look.docx").write_bytes(b"PK")
    assert load_template(path).style.reference_docx == "look.docx"


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
    assert applied.style == template.style


def test_items_with_no_matching_section_go_to_unsorted() -> None:
    from app.models import Briefing, Note, Section
    from app.templates import apply_template

    section = TemplateSection(title="F", kinds=("figure",))
    only_figures = Template(name="Figures", sections=(section,))
    briefing = Briefing(sections=(Section(title="Mine", items=(Note(text="keep me"),)),))

    applied = apply_template(briefing, only_figures)

    assert [s.title for s in applied.sections] == ["F", "Unsorted"]
    assert applied.sections[1].items[0].text == "keep me"
