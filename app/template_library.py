"""The user's own templates: files in the per-user data folder, beside the built-in ones.

Every operation here works on files and returns plain values, so the command line and the
window share it. A template file may bring one other file, its reference .docx, and only
from its own folder.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from app.importing.errors import ImportFailure
from app.importing.zipcheck import open_checked_zip
from app.models import bare_docx_name
from app.paths import data_dir
from app.storage import StorageError, atomic_write_bytes, first_problem, read_bounded
from app.templates import (
    TEMPLATE_SUFFIX,
    Template,
    builtin_templates,
    load_template,
    parse_template,
    save_template,
)

MAX_REFERENCE_BYTES = 20 * 1024 * 1024


def user_templates_dir() -> Path:
    return data_dir() / "templates"


def user_template_files() -> tuple[list[tuple[Path, Template]], list[str]]:
    """(file, template) for each readable file in the user's folder, and a message for each
    file that could not be read."""
    found, problems = [], []
    folder = user_templates_dir()
    for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")) if folder.is_dir() else []:
        try:
            template = load_template(path)
        except StorageError as error:
            problems.append(str(error))
            continue
        if is_builtin(template):  # it would pass for the built-in one in every list
            problems.append(
                f"{path.name} uses the name of a built-in template, "
                f"“{template.name}”; rename or remove the file."
            )
            continue
        found.append((path, template))
    return found, problems


def user_templates() -> tuple[list[Template], list[str]]:
    """Templates in the user's folder, and a message for each file that could not be read."""
    found, problems = user_template_files()
    return [template for _, template in found], problems


def all_templates() -> list[Template]:
    """Built-in templates, then the user's own."""
    return [*builtin_templates(), *user_templates()[0]]


def find_template(name: str) -> Template:
    """The template called name (case-insensitive); StorageError lists the known ones."""
    templates = all_templates()
    found = next((t for t in templates if t.name.casefold() == name.casefold()), None)
    if found is None:
        known = "; ".join(t.name for t in templates)
        raise StorageError(f"There is no template called '{name}'. Templates: {known}.")
    return found


def is_builtin(template: Template | str) -> bool:
    name = template if isinstance(template, str) else template.name
    return any(t.name.casefold() == name.casefold() for t in builtin_templates())


def name_taken(name: str) -> bool:
    return any(t.name.casefold() == name.casefold() for t in all_templates())


def save_user_template(template: Template, *, replace: bool = False) -> Path:
    """Write template into the user's folder; StorageError if its name is taken.

    A Word look that is not in the folder (a colleague's briefing names theirs) is dropped:
    a template naming a missing file could not be read back.
    """
    existing = _check_name_free(template.name, replace=replace)
    reference = template.style.reference_docx
    if reference and reference_docx_path(reference) is None:
        template = _with_reference(template, "")
    folder = user_templates_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = existing or _free_file_name(folder, template.name)
    except OSError as error:
        raise StorageError(f"The templates folder cannot be written: {_reason(error)}") from None
    save_template(template, path)
    return path


def import_template(source: Path, *, replace: bool = False) -> Template:
    """Validate a template file from elsewhere and copy it (and its reference .docx) in.

    The name is checked before anything is written; a reference .docx whose name another
    template's look already uses is stored under a free name, never over it.
    """
    template = load_template(source)
    _check_name_free(template.name, replace=replace)
    docx_name = template.style.reference_docx
    if docx_name:
        stored = _store_reference(docx_name, checked_reference(source.parent / docx_name))
        template = _with_reference(template, stored)
    save_user_template(template, replace=replace)
    return template


def export_template(name: str, target: Path, *, overwrite: bool = False) -> Path:
    """Write the template called name to target (suffix added), with its reference .docx.

    An existing file is replaced only with overwrite (the window's save dialog has asked);
    a different file of the reference's name beside target is never replaced.
    """
    template = find_template(name)
    if target.suffix.lower() != TEMPLATE_SUFFIX:
        target = target.with_name(target.name + TEMPLATE_SUFFIX)
    if target.exists() and not overwrite:
        raise StorageError(f"{target} already exists; choose another name or remove it first.")
    docx_name = template.style.reference_docx
    reference = reference_docx_path(docx_name)
    if docx_name and reference is None:
        raise StorageError(f"The template's reference document, {docx_name}, is missing.")
    data = reference.read_bytes() if reference is not None else None
    beside = target.parent / docx_name  # only used when there is a reference .docx
    if data is not None and beside.exists() and beside.read_bytes() != data:
        raise StorageError(
            f"{beside} already exists and is a different document; export the "
            "template to another folder."
        )
    save_template(template, target)
    if data is not None and not beside.exists():
        atomic_write_bytes(beside, data)
    return target


def rename_user_template(old: str, new: str) -> Template:
    path = _user_file(old)
    if path is None:
        raise StorageError(f"'{old}' is not one of your templates; built-in ones cannot change.")
    if new.casefold() != old.casefold() and name_taken(new):
        raise StorageError(f"There is already a template called '{new}'.")
    renamed = _renamed(load_template(path), new)
    new_path = _free_file_name(path.parent, new, keep=path)
    save_template(renamed, new_path)
    if new_path != path:
        path.unlink()
    return renamed


def replace_user_template(old_name: str, template: Template) -> Path:
    """Write template in place of the user's template old_name, atomically; template may
    carry a new name (then its file is renamed too). Built-in templates never change.

    A Word look that is not in the folder is dropped, as when saving a new template."""
    path = _user_file(old_name)
    if path is None:
        raise StorageError(
            f"'{old_name}' is not one of your templates; built-in ones cannot change. "
            "Duplicate it to edit the copy."
        )
    renamed = template.name.casefold() != old_name.casefold()
    if renamed and name_taken(template.name):
        raise StorageError(f"There is already a template called '{template.name}'.")
    reference = template.style.reference_docx
    if reference and reference_docx_path(reference) is None:
        template = _with_reference(template, "")
    new_path = _free_file_name(path.parent, template.name, keep=path) if renamed else path
    save_template(template, new_path)
    if new_path != path:
        path.unlink()
    return new_path


def duplicate_template(name: str) -> Template:
    """A user copy of any template, built-in or own, called "name (copy)", "(copy 2)", ..."""
    original = find_template(name)
    number = 1
    while True:
        suffix = " (copy)" if number == 1 else f" (copy {number})"
        candidate = original.name[: 80 - len(suffix)] + suffix
        if not name_taken(candidate):
            break
        number += 1
    copy = _renamed(original, candidate)
    save_user_template(copy)
    return copy


def delete_user_template(name: str) -> bytes:
    """Remove one of the user's templates; returns the file's bytes so it can be put back."""
    path = _user_file(name)
    if path is None:
        raise StorageError(f"'{name}' is not one of your templates; built-in ones stay.")
    data = path.read_bytes()
    path.unlink()
    return data


def restore_user_template(data: bytes) -> Template:
    """Put back a template file deleted with delete_user_template, byte for byte."""
    template = parse_template(data, "the deleted template")
    _check_name_free(template.name, replace=False)
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(_free_file_name(folder, template.name), data)
    return template


def reference_docx_path(name: str) -> Path | None:
    """The user's reference .docx called name, if it is there; only a bare file name in the
    templates folder counts, whatever a (possibly hostile) briefing file says."""
    try:
        bare_docx_name(name)
    except ValueError:
        return None
    if not name:
        return None
    path = user_templates_dir() / name
    return path if path.is_file() else None


def reference_docx_bytes(name: str) -> tuple[bytes | None, str]:
    """The Word look a briefing's style names, or None and why it cannot be used."""
    if not name:
        return None, ""
    path = reference_docx_path(name)
    if path is None:
        return None, (
            f"The template's Word look, {name}, is not in your templates folder; "
            "the standard look was used."
        )
    try:
        return checked_reference(path), ""
    except StorageError as error:
        return None, f"{error} The standard look was used."


def checked_reference(path: Path) -> bytes:
    """A reference .docx's bytes, refused when huge, not a Word file, or a zip bomb."""
    data = read_bounded(path, MAX_REFERENCE_BYTES, what="a reference document")
    try:
        open_checked_zip(data, name=path.name, required="word/document.xml").close()
    except ImportFailure as error:  # its message names the file and what is wrong
        raise StorageError(str(error)) from None
    return data


def _check_name_free(name: str, *, replace: bool) -> Path | None:
    """The user's file for name when replace allows it; StorageError if the name is taken."""
    if is_builtin(name):
        raise StorageError(f"'{name}' is the name of a built-in template; choose another.")
    existing = _user_file(name)
    if existing is not None and not replace:
        raise StorageError(f"There is already a template called '{name}'.")
    return existing


def _store_reference(name: str, data: bytes) -> str:
    """Put a reference .docx into the folder under name, or a free variant of it if another
    document already has that name; the name it was stored under."""
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem, number, candidate = name[: -len(".docx")], 2, name
    while (folder / candidate).exists() and (folder / candidate).read_bytes() != data:
        candidate, number = f"{stem} {number}.docx", number + 1
    if not (folder / candidate).exists():
        atomic_write_bytes(folder / candidate, data)
    return candidate


def _reason(error: OSError) -> str:
    return f"{error.strerror or error}."


def _with_reference(template: Template, reference_docx: str) -> Template:
    """template with its look naming another reference .docx (a bare name, or "")."""
    style = template.style.model_copy(update={"reference_docx": reference_docx})
    return template.model_copy(update={"style": style})


def _renamed(template: Template, name: str) -> Template:
    try:
        return Template.model_validate({**template.model_dump(), "name": name})
    except ValidationError as error:
        raise StorageError(f"'{name}' cannot be a template name: {first_problem(error)}") from None


def _user_file(name: str) -> Path | None:
    found, _ = user_template_files()
    return next((p for p, t in found if t.name.casefold() == name.casefold()), None)


def _free_file_name(folder: Path, name: str, *, keep: Path | None = None) -> Path:
    """A file name for name in folder that no other template file uses."""
    stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip() or "template"
    # Names of up to 200 bytes are allowed; file names stop at 255, suffix and counter included.
    stem = stem.encode("utf-8")[:120].decode("utf-8", "ignore").strip() or "template"
    path, number = folder / f"{stem}{TEMPLATE_SUFFIX}", 2
    while path.exists() and path != keep:
        path, number = folder / f"{stem} {number}{TEMPLATE_SUFFIX}", number + 1
    return path
