"""The user's template folder: save, rename, duplicate, delete and restore, import and export,
and templates made from a briefing keep its structure and settings but none of its content."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from app import template_library as library
from app.models import Briefing, BriefingStyle, Note, Section
from app.storage import StorageError, load_briefing, save_briefing
from app.templates import Template, TemplateSection, apply_template, template_from_briefing
from tests.factories import rich_briefing


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_BUILDER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def weekly(name: str = "Weekly", **fields: object) -> Template:
    return Template(name=name, sections=(TemplateSection(title="Points"),), **fields)


def look(**fields: object) -> BriefingStyle:
    return BriefingStyle.model_validate(fields)


def test_a_saved_user_template_round_trips_and_is_listed_after_the_builtins() -> None:
    path = library.save_user_template(weekly(marking="OFFICIAL"))
    assert path.parent == library.user_templates_dir()
    assert library.find_template("weekly") == weekly(marking="OFFICIAL")
    names = [t.name for t in library.all_templates()]
    assert names[-1] == "Weekly" and len(names) == 5


def test_builtin_names_and_taken_names_are_refused() -> None:
    with pytest.raises(StorageError, match="built-in"):
        library.save_user_template(weekly("Information paper"))
    library.save_user_template(weekly())
    with pytest.raises(StorageError, match="already"):
        library.save_user_template(weekly("WEEKLY"))
    library.save_user_template(weekly(marking="changed"), replace=True)
    assert library.find_template("Weekly").marking == "changed"


def test_rename_moves_the_file_and_keeps_the_settings() -> None:
    library.save_user_template(weekly(style=look(header_text="Desk")))
    renamed = library.rename_user_template("Weekly", "Monday desk")
    assert renamed.style.header_text == "Desk"
    assert [t.name for t in library.user_templates()[0]] == ["Monday desk"]
    assert [p.name for p in library.user_templates_dir().iterdir()] == ["Monday desk.bbtemplate"]


@pytest.mark.parametrize("bad", ["a/b", "", " edge", "Information paper"])
def test_rename_to_an_unusable_name_is_refused_and_changes_nothing(bad: str) -> None:
    library.save_user_template(weekly())
    with pytest.raises(StorageError):
        library.rename_user_template("Weekly", bad)
    assert [t.name for t in library.user_templates()[0]] == ["Weekly"]


def test_a_version_1_file_in_the_folder_is_listed_and_rewritten_when_renamed() -> None:
    import json

    from app.templates import TEMPLATE_FORMAT, TEMPLATE_SCHEMA_VERSION

    folder = library.user_templates_dir()
    folder.mkdir(parents=True)
    old = {
        "name": "Old desk",
        "sections": [{"title": "Points"}],
        "marking": "OFFICIAL",
        "page_size": "Letter",
        "grading": True,
    }
    (folder / "old.bbtemplate").write_text(
        json.dumps({"format": TEMPLATE_FORMAT, "schema_version": 1, "template": old}), "utf-8"
    )
    assert library.find_template("Old desk").style == look(page_size="Letter", grading=True)

    library.rename_user_template("Old desk", "Desk")

    saved = json.loads((folder / "Desk.bbtemplate").read_text("utf-8"))
    assert saved["schema_version"] == TEMPLATE_SCHEMA_VERSION
    assert saved["template"]["style"]["grading"] is True and "grading" not in saved["template"]
    assert library.find_template("Desk").style == look(page_size="Letter", grading=True)


def test_builtin_templates_cannot_be_renamed_or_deleted() -> None:
    with pytest.raises(StorageError, match="built-in"):
        library.rename_user_template("Information paper", "Mine")
    with pytest.raises(StorageError, match="built-in"):
        library.delete_user_template("Information paper")


def test_duplicate_copies_a_builtin_under_a_free_name() -> None:
    first = library.duplicate_template("Information paper")
    second = library.duplicate_template("Information paper")
    assert (first.name, second.name) == ("Information paper (copy)", "Information paper (copy 2)")
    original = library.find_template("Information paper")
    assert first.sections == original.sections


def test_delete_then_restore_gives_the_same_template_back() -> None:
    library.save_user_template(weekly(style=look(footer_text="keep")))
    data = library.delete_user_template("Weekly")
    assert library.user_templates()[0] == []
    restored = library.restore_user_template(data)
    assert restored == weekly(style=look(footer_text="keep"))
    assert [t.name for t in library.user_templates()[0]] == ["Weekly"]


def _reference(path: Path) -> Path:
    docx.Document().save(str(path))
    return path


def test_import_and_export_carry_the_reference_document(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    _reference(shared / "house.docx")
    library.save_user_template(weekly())
    template = weekly("House", style=look(reference_docx="house.docx"))
    from app.templates import save_template

    save_template(template, shared / "house.bbtemplate")
    assert library.import_template(shared / "house.bbtemplate") == template
    assert (library.user_templates_dir() / "house.docx").is_file()

    out = tmp_path / "out"
    out.mkdir()
    written = library.export_template("House", out / "for-colleague")
    assert written.name == "for-colleague.bbtemplate"
    assert (out / "house.docx").read_bytes() == (shared / "house.docx").read_bytes()


def test_import_refuses_a_reference_that_is_a_zip_bomb_or_not_word(tmp_path: Path) -> None:
    from app.templates import save_template

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * 50_000_000)
    (tmp_path / "look.docx").write_bytes(bomb.getvalue())
    save_template(weekly(style=look(reference_docx="look.docx")), tmp_path / "t.bbtemplate")
    with pytest.raises(StorageError):
        library.import_template(tmp_path / "t.bbtemplate")
    (tmp_path / "look.docx").write_bytes(b"just text")
    with pytest.raises(StorageError, match="damaged or not a Word document"):
        library.import_template(tmp_path / "t.bbtemplate")
    assert library.user_templates()[0] == []


def test_a_damaged_file_in_the_folder_is_reported_not_fatal() -> None:
    library.save_user_template(weekly())
    (library.user_templates_dir() / "broken.bbtemplate").write_text("{", encoding="utf-8")
    templates, problems = library.user_templates()
    assert [t.name for t in templates] == ["Weekly"] and len(problems) == 1


def test_save_as_template_keeps_structure_and_settings_but_no_content() -> None:
    style = BriefingStyle(
        page_size="Letter",
        header_text="Desk",
        numbered_items=True,
        grading=True,
        likelihood_terms=("likely",),
    )
    filled = rich_briefing().model_copy(
        update={"style": style, "marking": "SECRET", "author": "Analyst"}
    )
    filled = filled.model_copy(
        update={
            "sections": (
                *filled.sections,
                Section(title="Unsorted", items=(Note(text="left over"),)),
            )
        }
    )
    template = template_from_briefing(filled, "From my briefing", "mine")
    assert [s.title for s in template.sections] == [
        s.title for s in filled.sections if s.title != "Unsorted"
    ]
    assert template.style == style and template.marking == "SECRET"
    text = template.model_dump_json()
    assert "Kowalska" not in text and "left over" not in text and "Test Times" not in text
    fresh = template.new_briefing()
    assert fresh.items() == () and fresh.sources == () and fresh.style == style


def test_applying_a_template_sets_its_style_and_keeps_the_likelihood() -> None:
    template = weekly(style=look(page_size="Letter", likelihood_terms=("likely",)))
    briefing = Briefing(likelihood="probable", sections=(Section(title="Points"),))
    applied = apply_template(briefing, template)
    assert applied.style.page_size == "Letter" and applied.likelihood == "probable"


def test_a_styled_graded_briefing_round_trips_through_its_file(tmp_path: Path) -> None:
    style = BriefingStyle(citation_style="inline", grading=True, organisation="Unit 9")
    note = Note(text="graded", reliability="B", credibility="3")
    briefing = Briefing(
        style=style, likelihood="likely", sections=(Section(title="S", items=(note,)),)
    )
    save_briefing(briefing, tmp_path / "b.briefing")
    assert load_briefing(tmp_path / "b.briefing") == briefing


# Hostile and unlucky cases found in a trial run


@pytest.mark.parametrize("name", ["../../secret.docx", "/etc/secret.docx", "a\\b.docx", ".docx"])
def test_a_briefing_cannot_name_a_reference_outside_the_templates_folder(name: str) -> None:
    with pytest.raises(ValueError):
        BriefingStyle(reference_docx=name)
    assert library.reference_docx_path(name) is None


def test_a_refused_import_writes_no_reference_and_a_clash_never_replaces_a_look(
    tmp_path: Path,
) -> None:
    from app.templates import save_template

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    _reference(first / "look.docx")
    save_template(
        weekly("Corp look", style=look(reference_docx="look.docx")), first / "t.bbtemplate"
    )
    library.import_template(first / "t.bbtemplate")
    original = (library.user_templates_dir() / "look.docx").read_bytes()

    other = docx.Document()
    other.add_paragraph("a different look")
    other.save(str(second / "look.docx"))
    save_template(
        weekly("Information paper", style=look(reference_docx="look.docx")), second / "t.bbtemplate"
    )
    with pytest.raises(StorageError, match="built-in"):
        library.import_template(second / "t.bbtemplate")
    assert (library.user_templates_dir() / "look.docx").read_bytes() == original

    save_template(
        weekly("Team look", style=look(reference_docx="look.docx")), second / "t.bbtemplate"
    )
    imported = library.import_template(second / "t.bbtemplate")
    assert imported.style.reference_docx == "look 2.docx"
    assert (library.user_templates_dir() / "look.docx").read_bytes() == original
    assert library.find_template("Corp look").style.reference_docx == "look.docx"


def test_export_never_replaces_a_file_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "mine.bbtemplate"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(StorageError, match="already exists"):
        library.export_template("Information paper", target)
    assert target.read_text(encoding="utf-8") == "keep me"
    library.export_template("Information paper", target, overwrite=True)
    assert "Information paper" in target.read_text(encoding="utf-8")


def test_a_file_with_a_builtin_name_in_the_folder_is_reported_not_listed() -> None:
    from app.templates import save_template

    folder = library.user_templates_dir()
    folder.mkdir(parents=True)
    save_template(weekly("Information paper", marking="HIJACKED"), folder / "x.bbtemplate")
    templates, problems = library.user_templates()
    assert templates == [] and "built-in" in problems[0]
    assert library.find_template("Information paper").marking != "HIJACKED"


def test_saving_a_template_whose_look_is_missing_keeps_it_readable() -> None:
    colleagues = look(reference_docx="colleague.docx", header_text="Theirs")
    library.save_user_template(weekly("From colleague", style=colleagues))
    kept = library.find_template("From colleague").style
    assert kept.reference_docx == "" and kept.header_text == "Theirs"


def test_json_nested_too_deep_or_with_huge_numbers_is_refused_clearly(tmp_path: Path) -> None:
    deep = tmp_path / "deep.bbtemplate"
    deep.write_text("[" * 100_000, encoding="utf-8")
    huge = tmp_path / "huge.bbtemplate"
    huge.write_text(
        '{"format": "briefing-builder/template", "schema_version": ' + "9" * 5000 + "}",
        encoding="utf-8",
    )
    for path in (deep, huge):
        with pytest.raises(StorageError, match="damaged"):
            library.import_template(path)


def test_a_pipe_is_refused_instead_of_read_for_ever(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "pipe.bbtemplate"
    os.mkfifo(pipe)
    with pytest.raises(StorageError, match="not a regular file"):
        library.import_template(pipe)


def test_a_long_name_in_wide_characters_gets_a_short_enough_file_name() -> None:
    name = "𝐀" * 50  # 200 bytes in UTF-8
    path = library.save_user_template(weekly(name))
    assert len(path.name.encode("utf-8")) < 255
    assert library.find_template(name).name == name


@pytest.mark.parametrize(
    "name",
    [
        "line1\nline2",
        "bell\x07\x1b[31mred",
        "abc\u202egpj.exe",
        "Information\u200b paper",
        "𝐀" * 51,
    ],
)
def test_control_invisible_and_over_long_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError):
        weekly(name)


def test_names_are_compared_after_unicode_normalisation() -> None:
    library.save_user_template(weekly("Caf\u00e9"))
    with pytest.raises(StorageError, match="already"):
        library.save_user_template(weekly("Cafe\u0301"))


def test_a_templates_own_unsorted_section_takes_the_leftovers() -> None:
    template = Template(name="Own", sections=(TemplateSection(title="UNSORTED"),))
    briefing = Briefing(sections=(Section(title="Mine", items=(Note(text="keep"),)),))
    applied = apply_template(briefing, template)
    assert [s.title for s in applied.sections] == ["UNSORTED"]
    assert applied.sections[0].items[0].text == "keep"


def test_replace_user_template_writes_in_place_and_renames_the_file() -> None:
    library.save_user_template(weekly(description="Mondays"))
    edited = Template(
        name="Weekly",
        description="Mondays and Thursdays",
        sections=(
            TemplateSection(title="Bottom line", kinds=("note",), item_limit=1),
            TemplateSection(title="Points", kinds=("statement",), guidance="Three."),
        ),
    )
    path = library.replace_user_template("weekly", edited)
    assert path.name == "Weekly.bbtemplate"
    assert library.find_template("Weekly") == edited  # read back from the file
    renamed = edited.model_copy(update={"name": "Twice weekly"})
    path = library.replace_user_template("Weekly", renamed)
    assert [p.name for p in library.user_templates_dir().iterdir()] == [path.name]
    assert library.find_template("Twice weekly").sections == edited.sections


def test_replace_user_template_never_touches_builtins_or_takes_a_used_name() -> None:
    library.save_user_template(weekly())
    library.save_user_template(weekly("Other"))
    with pytest.raises(StorageError, match="built-in"):
        library.replace_user_template("Information paper", weekly("Information paper"))
    with pytest.raises(StorageError, match="already"):
        library.replace_user_template("Weekly", weekly("Other"))
    with pytest.raises(StorageError, match="already"):
        library.replace_user_template("Weekly", weekly("Information paper"))
    assert sorted(t.name for t in library.user_templates()[0]) == ["Other", "Weekly"]


def test_updating_a_template_from_a_briefing_takes_sections_and_look_only() -> None:
    from app.templates import template_updated_from

    original = weekly(description="Desk", marking="OFFICIAL", author="Desk lead")
    briefing = Briefing(
        sections=(
            Section(title="Summary", kinds=("note",), item_limit=3, items=(Note(text="x"),)),
            Section(title="Unsorted"),
        ),
        marking="SECRET",
        style=look(page_budget=1, numbered_items=True),
    )
    updated = template_updated_from(original, briefing)
    assert [s.title for s in updated.sections] == ["Summary"]
    assert updated.sections[0].item_limit == 3 and updated.style.page_budget == 1
    assert (updated.name, updated.description) == ("Weekly", "Desk")
    assert (updated.marking, updated.author) == ("OFFICIAL", "Desk lead")
