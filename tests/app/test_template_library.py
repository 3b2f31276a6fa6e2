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
    library.save_user_template(weekly(header_text="Desk"))
    renamed = library.rename_user_template("Weekly", "Monday desk")
    assert renamed.header_text == "Desk"
    assert [t.name for t in library.user_templates()[0]] == ["Monday desk"]
    assert [p.name for p in library.user_templates_dir().iterdir()] == ["Monday desk.bbtemplate"]


@pytest.mark.parametrize("bad", ["a/b", "", " edge", "Information paper"])
def test_rename_to_an_unusable_name_is_refused_and_changes_nothing(bad: str) -> None:
    library.save_user_template(weekly())
    with pytest.raises(StorageError):
        library.rename_user_template("Weekly", bad)
    assert [t.name for t in library.user_templates()[0]] == ["Weekly"]


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
    library.save_user_template(weekly(footer_text="keep"))
    data = library.delete_user_template("Weekly")
    assert library.user_templates()[0] == []
    restored = library.restore_user_template(data)
    assert restored == weekly(footer_text="keep")
    assert [t.name for t in library.user_templates()[0]] == ["Weekly"]


def _reference(path: Path) -> Path:
    docx.Document().save(str(path))
    return path


def test_import_and_export_carry_the_reference_document(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    _reference(shared / "house.docx")
    library.save_user_template(weekly(reference_docx=""))
    template = weekly("House", reference_docx="house.docx")
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
    save_template(weekly(reference_docx="look.docx"), tmp_path / "t.bbtemplate")
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
    style = BriefingStyle(page_size="Letter", header_text="Desk", numbered_items=True,
                          grading=True, likelihood_terms=("likely",))  # fmt: skip
    filled = rich_briefing().model_copy(update={"style": style, "marking": "SECRET",
                                                "author": "Analyst"})  # fmt: skip
    filled = filled.model_copy(update={"sections": (*filled.sections, Section(
        title="Unsorted", items=(Note(text="left over"),)))})  # fmt: skip
    template = template_from_briefing(filled, "From my briefing", "mine")
    assert [s.title for s in template.sections] == [
        s.title for s in filled.sections if s.title != "Unsorted"]
    assert template.style() == style and template.marking == "SECRET"
    text = template.model_dump_json()
    assert "Kowalska" not in text and "left over" not in text and "Test Times" not in text
    fresh = template.new_briefing()
    assert fresh.items() == () and fresh.sources == () and fresh.style == style


def test_applying_a_template_sets_its_style_and_keeps_the_likelihood() -> None:
    template = weekly(page_size="Letter", likelihood_terms=("likely",))
    briefing = Briefing(likelihood="probable", sections=(Section(title="Points"),))
    applied = apply_template(briefing, template)
    assert applied.style.page_size == "Letter" and applied.likelihood == "probable"


def test_a_styled_graded_briefing_round_trips_through_its_file(tmp_path: Path) -> None:
    style = BriefingStyle(citation_style="inline", grading=True, organisation="Unit 9")
    note = Note(text="graded", reliability="B", credibility="3")
    briefing = Briefing(style=style, likelihood="likely",
                        sections=(Section(title="S", items=(note,)),))  # fmt: skip
    save_briefing(briefing, tmp_path / "b.briefing")
    assert load_briefing(tmp_path / "b.briefing") == briefing
