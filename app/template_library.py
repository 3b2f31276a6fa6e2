"""The user's own templates: files in the per-user data folder, beside the built-in ones.

Every operation here works on files and returns plain values, so the command line and the
window share it. A template file may bring one other file, its reference .docx, and only
from its own folder.

Every failure is a StorageError whose text is a sentence for the user. Files are read only
after they are known to be regular files (a pipe or device never ends), and names are
compared by how they look, so no template can pose as another.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path
from xml.parsers import expat

from pydantic import ValidationError

from app.models import bare_docx_name
from app.paths import data_dir
from app.storage import StorageError, atomic_write_bytes
from app.templates import (
    MAX_NAME_BYTES,
    MAX_TEMPLATE_BYTES,
    TEMPLATE_SUFFIX,
    Template,
    builtin_templates,
    imitated_name,
    imitation_message,
    is_plain_name,
    load_template,
    parse_template,
    save_template,
    shown_name,
    template_problem,
)

MAX_REFERENCE_BYTES = 20 * 1024 * 1024
_MAX_COPIES = 1000  # "name (copy 999)" is as far as duplicating goes


def user_templates_dir() -> Path:
    return data_dir() / "templates"


def user_template_files() -> tuple[list[tuple[Path, Template]], list[str]]:
    """(file, template) for each readable file in the user's folder, and a message for each
    file that could not be read or whose name poses as another template's."""
    loaded: list[tuple[Path, Template]] = []
    problems: list[str] = []
    for path in _template_paths(problems):
        try:
            loaded.append((path, load_template(path)))
        except StorageError as error:
            problems.append(str(error))
    kept: list[tuple[Path, Template]] = []
    # Plain names are taken first, so a look-alike never displaces the template it imitates.
    for path, template in sorted(loaded, key=lambda e: (not is_plain_name(e[1].name), e[0])):
        problem = _listing_problem(path, template, kept)
        if problem:
            problems.append(problem)
        else:
            kept.append((path, template))
    return sorted(kept, key=lambda entry: entry[0]), problems


def _template_paths(problems: list[str]) -> list[Path]:
    folder = user_templates_dir()
    try:
        return sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")) if folder.is_dir() else []
    except OSError as error:
        problems.append(f"Your templates folder cannot be read: {_reason(error)}")
        return []


def _listing_problem(path: Path, template: Template, kept: list[tuple[Path, Template]]) -> str:
    """Why template (in path) is not listed beside the built-ins and those kept, or ""."""
    if is_builtin(template):  # it would pass for the built-in one in every list
        return (
            f"{path.name} uses the name of a built-in template, "
            f"“{template.name}”; rename or remove the file."
        )
    builtin = imitated_name(template.name, (t.name for t in builtin_templates()))
    if builtin is not None:
        return f"{path.name} was skipped. {imitation_message(template.name, builtin, builtin=True)}"
    other = imitated_name(template.name, (t.name for _, t in kept))
    if other is None:
        return ""
    if _same(other, template.name):
        return (
            f"{path.name} has the same name as another template file, “{other}”; "
            "rename or remove one of them."
        )
    return f"{path.name} was skipped. {imitation_message(template.name, other, builtin=False)}"


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
    found = next((t for t in templates if _same(t.name, name)), None)
    if found is None:
        known = "; ".join(t.name for t in templates)
        raise StorageError(f"There is no template called '{shown_name(name)}'. Templates: {known}.")
    return found


def is_builtin(template: Template | str) -> bool:
    name = template if isinstance(template, str) else template.name
    return any(_same(t.name, name) for t in builtin_templates())


def name_taken(name: str) -> bool:
    """True when a template has name, or one that looks the same."""
    return imitated_name(name, (t.name for t in all_templates())) is not None


def is_own_name(name: str) -> bool:
    """True when one of the user's templates is called name (case-insensitive): the one a
    save or import with replace would replace."""
    return _user_file(name) is not None


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
    with _plain_errors("The templates folder cannot be written"):
        folder.mkdir(parents=True, exist_ok=True)
        path = existing or _free_file_name(folder, template.name)
        save_template(template, path)
    return path


def import_template(source: Path, *, replace: bool = False) -> Template:
    """Validate a template file from elsewhere and copy it (and its reference .docx) in.

    The name is checked before anything is written; a reference .docx whose name another
    template's look already uses is stored under a free name, never over it.
    """
    with _plain_errors(f"{source.name} cannot be imported"):
        template = load_template(source, known=[t.name for t in user_templates()[0]])
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
    a different file of the reference's name beside target is never replaced, and nothing
    but a regular file is ever read or replaced (a pipe there would block for ever).
    """
    template = find_template(name)
    if target.suffix.lower() != TEMPLATE_SUFFIX:
        target = target.with_name(target.name + TEMPLATE_SUFFIX)
    with _plain_errors(f"The template cannot be exported to {target}"):
        _refuse_irregular(target)
        if target.exists() and not overwrite:
            raise StorageError(f"{target} already exists; choose another name or remove it first.")
        docx_name = template.style.reference_docx
        reference = reference_docx_path(docx_name)
        if docx_name and reference is None:
            raise StorageError(f"The template's reference document, {docx_name}, is missing.")
        data = None if reference is None else _read_regular(reference, MAX_REFERENCE_BYTES)
        beside = target.parent / docx_name  # only used when there is a reference .docx
        if data is not None and _differs(beside, data):
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
    with _plain_errors("The template cannot be renamed"):
        renamed = _renamed(load_template(path), new)
        _check_name_free(renamed.name, replace=False, keep=old)
        new_path = _free_file_name(path.parent, renamed.name, keep=path)
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
    _check_name_free(template.name, replace=False, keep=old_name)
    renamed = not _same(template.name, old_name)
    reference = template.style.reference_docx
    if reference and reference_docx_path(reference) is None:
        template = _with_reference(template, "")
    with _plain_errors("The template cannot be saved"):
        new_path = _free_file_name(path.parent, template.name, keep=path) if renamed else path
        save_template(template, new_path)
        if new_path != path:
            path.unlink()
    return new_path


def duplicate_template(name: str) -> Template:
    """A user copy of any template, built-in or own, called "name (copy)", "(copy 2)", ..."""
    original = find_template(name)
    names = [t.name for t in all_templates()]
    for number in range(1, _MAX_COPIES):
        candidate = _copy_name(original.name, " (copy)" if number == 1 else f" (copy {number})")
        if imitated_name(candidate, names) is None:
            break
    else:
        raise StorageError(
            f"There are too many copies of “{original.name}” already; rename or delete some."
        )
    copy = _renamed(original, candidate)
    save_user_template(copy)
    return copy


def _copy_name(name: str, suffix: str) -> str:
    """name with suffix, name cut so the whole stays within a template name's limits."""
    base = name[: 80 - len(suffix)]
    while len((base + suffix).encode("utf-8")) > MAX_NAME_BYTES:
        base = base[:-1]
    return base.rstrip() + suffix


def delete_user_template(name: str) -> bytes:
    """Remove one of the user's templates; returns the file's bytes so it can be put back."""
    path = _user_file(name)
    if path is None:
        raise StorageError(f"'{name}' is not one of your templates; built-in ones stay.")
    with _plain_errors("The template cannot be deleted"):
        data = _read_regular(path, MAX_TEMPLATE_BYTES)
        path.unlink()
    return data


def restore_user_template(data: bytes) -> Template:
    """Put back a template file deleted with delete_user_template, byte for byte."""
    template = parse_template(data, "the deleted template")
    _check_name_free(template.name, replace=False)
    folder = user_templates_dir()
    with _plain_errors("The template cannot be put back"):
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
    try:
        return path if path.is_file() else None
    except OSError:  # a name too long for this file system, a folder that cannot be read
        return None


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
    """A reference .docx's bytes, refused when huge, not a regular file, a zip bomb, or not
    a Word document that a Word writer can build on (see _reference_problem)."""
    data = _read_regular(path, MAX_REFERENCE_BYTES)
    problem = _reference_problem(data)
    if problem:
        raise StorageError(f"{path.name} cannot be used as a template's Word look: {problem}")
    return data


# ----- names ---------------------------------------------------------------------------------
def _same(first: str, second: str) -> bool:
    return first.casefold() == second.casefold()


def _check_name_free(name: str, *, replace: bool, keep: str | None = None) -> Path | None:
    """The user's file for name when replace allows it; StorageError if the name is taken
    or looks like a template's. keep: the template being renamed, which name may resemble.
    """
    if is_builtin(name):
        raise StorageError(f"'{name}' is already the name of a built-in template; choose another.")
    builtin = imitated_name(name, (t.name for t in builtin_templates()))
    if builtin is not None:
        raise StorageError(imitation_message(name, builtin, builtin=True))
    found, _ = user_template_files()
    others = [(p, t) for p, t in found if keep is None or not _same(t.name, keep)]
    existing, called = next(((p, t.name) for p, t in others if _same(t.name, name)), (None, ""))
    if existing is not None and not replace:
        raise StorageError(f"There is already a template called '{called}'.")
    lookalike = imitated_name(name, (t.name for p, t in others if p != existing))
    if lookalike is not None:
        raise StorageError(imitation_message(name, lookalike, builtin=False))
    return existing


def _renamed(template: Template, name: str) -> Template:
    try:
        return Template.model_validate({**template.model_dump(), "name": name})
    except ValidationError as error:
        raise StorageError(template_refusal(name, error, current=template.name)) from None


def template_refusal(name: str, error: ValidationError, *, current: str = "") -> str:
    """Why a template called name could not be made (error, from validation), as a
    sentence: for a refused name, the template it imitates when it poses as one (current,
    the template's own name, aside)."""
    if error.errors()[0]["loc"] != ("name",):
        return f"The template cannot be made: {template_problem(error)}"
    builtin = imitated_name(name, (t.name for t in builtin_templates()))
    other = builtin or imitated_name(
        name, (t.name for t in user_templates()[0] if not _same(t.name, current))
    )
    if other is not None:
        return imitation_message(name, other, builtin=builtin is not None)
    return f"“{shown_name(name)}” cannot be a template name: {template_problem(error)}"


def _user_file(name: str) -> Path | None:
    found, _ = user_template_files()
    return next((p for p, t in found if _same(t.name, name)), None)


def _free_file_name(folder: Path, name: str, *, keep: Path | None = None) -> Path:
    """A file name for name in folder that no other template file uses."""
    stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip() or "template"
    # Names of up to 200 bytes are allowed; file names stop at 255, suffix and counter included.
    stem = stem.encode("utf-8")[:120].decode("utf-8", "ignore").strip() or "template"
    path, number = folder / f"{stem}{TEMPLATE_SUFFIX}", 2
    while (path.exists() or path.is_symlink()) and path != keep:
        path, number = folder / f"{stem} {number}{TEMPLATE_SUFFIX}", number + 1
    return path


def _with_reference(template: Template, reference_docx: str) -> Template:
    """template with its look naming another reference .docx (a bare name, or "")."""
    style = template.style.model_copy(update={"reference_docx": reference_docx})
    return template.model_copy(update={"style": style})


# ----- files -----------------------------------------------------------------------------------
@contextlib.contextmanager
def _plain_errors(what: str) -> Iterator[None]:
    """Turns what the file system raises into a sentence beginning with what."""
    try:
        yield
    except OSError as error:
        raise StorageError(f"{what}: {_reason(error)}") from None
    except UnicodeError:  # a file name the file system cannot hold
        raise StorageError(f"{what}: a file name holds characters it cannot use.") from None


def _reason(error: OSError) -> str:
    return f"{error.strerror or 'the system refused'}."


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """path's bytes, opened without blocking and read only if it is a regular file.

    Opening a pipe for reading waits for a writer, and reading a pipe or device never
    ends, so the file is opened non-blocking and its type checked on the open descriptor
    before one byte is read (no race between a check and the read).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise StorageError(f"{path} does not exist.") from None
    except OSError as error:
        raise StorageError(f"{path} cannot be read: {_reason(error)}") from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise StorageError(_irregular(path))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise StorageError(f"{path} cannot be read: {_reason(error)}") from None
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise StorageError(f"{path.name} is too large ({max_bytes // (1024 * 1024)} MB at most).")
    return data


def _irregular(path: Path) -> str:
    return (
        f"{path} is not a regular file (it is a folder, device or pipe), so it was neither "
        "read nor replaced."
    )


def _refuse_irregular(path: Path) -> None:
    """StorageError if something other than a regular file (or a link to one) is at path."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return  # nothing there, or a link to nothing: a save replaces the link
    if not stat.S_ISREG(mode):
        raise StorageError(_irregular(path))


def _differs(path: Path, data: bytes) -> bool:
    """True when a file other than one holding exactly data is at path."""
    _refuse_irregular(path)
    if not (path.exists() or path.is_symlink()):
        return False
    if path.stat().st_size != len(data):
        return True
    return _read_regular(path, len(data)) != data


def _store_reference(name: str, data: bytes) -> str:
    """Put a reference .docx into the folder under name, or a free variant of it if another
    document (or anything but a regular file) already has that name; the name it was
    stored under."""
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = name[: -len(".docx")]
    for number in range(1, _MAX_COPIES):
        candidate = name if number == 1 else f"{stem} {number}.docx"
        try:
            if not _differs(folder / candidate, data):
                break
        except StorageError:  # a pipe, device or folder of that name: use another name
            continue
    else:
        raise StorageError(f"Your templates folder has too many documents called {name}.")
    if not (folder / candidate).exists():
        atomic_write_bytes(folder / candidate, data)
    return candidate


# ----- reference documents -----------------------------------------------------------------
# A Word writer opens a reference .docx as an Open Packaging package: [Content_Types].xml
# gives each part's type, _rels/*.rels files link parts, and each part the writer gives a
# meaning to (document, styles, numbering, headers, ...) must have the type that meaning
# needs, or the writer fails deep inside (a styles part without its type has no styles).
_MAX_MEMBERS = 2_000
_MAX_EXPANDED = 100 * 1024 * 1024
_MAX_RATIO = 200  # XML rarely compresses past 20:1; decompression bombs reach thousands
_MAX_XML_DEPTH = 200  # Word's own XML readers stop at 256 levels
_MAX_TEXT_RUN = 5_000_000  # ... and at 10 MB of text in one run
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
_MAIN = _WML + "document.main+xml"
# Content type -> the root element a part of that type holds ("namespace local").
_XML_PARTS = {
    _MAIN: f"{_W} document",
    _WML + "styles+xml": f"{_W} styles",
    _WML + "numbering+xml": f"{_W} numbering",
    _WML + "settings+xml": f"{_W} settings",
    _WML + "header+xml": f"{_W} hdr",
    _WML + "footer+xml": f"{_W} ftr",
    _WML + "comments+xml": f"{_W} comments",
    _CORE: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties coreProperties",
}
# Relationship type -> (what the part is called in a message, the content type it needs).
_LINKS = {
    f"{_R}/officeDocument": ("main document", _MAIN),
    f"{_R}/styles": ("styles", _WML + "styles+xml"),
    f"{_R}/numbering": ("numbering", _WML + "numbering+xml"),
    f"{_R}/settings": ("settings", _WML + "settings+xml"),
    f"{_R}/header": ("header", _WML + "header+xml"),
    f"{_R}/footer": ("footer", _WML + "footer+xml"),
    f"{_R}/comments": ("comments", _WML + "comments+xml"),
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties": (
        "document properties",
        _CORE,
    ),
}


class _Refused(Exception):
    """The reference document cannot be used; str(error) ends the sentence saying why."""


def _reference_problem(data: bytes) -> str:
    """Why data cannot be a Word look, as the end of a sentence, or "" when it can."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            _check_sizes(archive.infolist())
            _Package(archive).check()
    except _Refused as refused:
        return str(refused)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return "it is damaged or not a Word document."
    return ""


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > _MAX_MEMBERS:
        raise _Refused(f"it has more than {_MAX_MEMBERS} parts, far more than a Word look.")
    total = sum(m.file_size for m in members)
    bomb = any(
        m.file_size > 2 * 1024 * 1024 and m.file_size > _MAX_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if total > _MAX_EXPANDED or bomb:
        raise _Refused(
            f"it would unpack to {total // (1024 * 1024)} MB, far more than a Word look holds; "
            "it may be a decompression bomb."
        )


class _Package:
    """The parts of a .docx reachable from its package relationships, as a Word writer
    reads them."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = set(archive.namelist())
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        self.links: dict[str, dict[str, tuple[str, str]]] = {}  # part -> id -> (type, target)
        self.document = _Found()
        self.styles_use_numbering = False

    def check(self) -> None:
        self._read_content_types()
        package_links = self._walk()
        main = next((t for k, t in package_links.values() if k == f"{_R}/officeDocument"), "")
        if not main:
            raise _Refused("it has no main document.")
        self._check_main(main)

    def _read(self, member: str) -> bytes:
        try:
            return self.archive.read(member)
        except KeyError:
            raise _Refused(f"its part {shown_name(member)} is missing.") from None
        except (RuntimeError, NotImplementedError, zipfile.BadZipFile, zlib.error, EOFError):
            raise _Refused(
                f"its part {shown_name(member)} is encrypted, damaged or compressed in a way "
                "Word files are not."
            ) from None

    def _read_content_types(self) -> None:
        if "[Content_Types].xml" not in self.names:
            raise _Refused("it has no list of its parts' types ([Content_Types].xml).")

        def take(tag: str, attributes: dict[str, str], _depth: int) -> None:
            kind = attributes.get("ContentType", "")
            if tag.endswith(" Default") and "Extension" in attributes:
                self.defaults[attributes["Extension"].lower()] = kind
            elif tag.endswith(" Override") and "PartName" in attributes:
                self.overrides[attributes["PartName"].lower()] = kind

        _parse_xml(self._read("[Content_Types].xml"), "[Content_Types].xml", take)

    def content_type(self, part: str) -> str:
        extension = posixpath.splitext(part)[1][1:].lower()
        return self.overrides.get(part.lower()) or self.defaults.get(extension, "")

    def _walk(self) -> dict[str, tuple[str, str]]:
        """Read every part reachable from the package's relationships, checking each; the
        package's own relationships."""
        package_links = self._links_of("/")
        waiting = [target for _, target in package_links.values()]
        seen: set[str] = set()
        while waiting:
            part = waiting.pop()
            if part in seen:
                continue
            seen.add(part)
            if len(seen) > _MAX_MEMBERS:
                raise _Refused("its parts link to one another without end.")
            self._check_part(part)
            waiting.extend(target for _, target in self._links_of(part).values())
        return package_links

    def _links_of(self, part: str) -> dict[str, tuple[str, str]]:
        """The internal relationships of part: id -> (type, target part name)."""
        folder, file_name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{file_name}.rels").lstrip("/")
        found: dict[str, tuple[str, str]] = {}
        if rels not in self.names:
            self.links[part] = found
            return found

        def take(tag: str, attributes: dict[str, str], _depth: int) -> None:
            if not tag.endswith(" Relationship") or attributes.get("TargetMode") == "External":
                return
            if not {"Id", "Type", "Target"} <= attributes.keys():
                raise _Refused(f"a link in {shown_name(rels)} is incomplete.")
            target = posixpath.normpath(posixpath.join(folder, attributes["Target"]))
            found[attributes["Id"]] = (attributes["Type"], target)

        _parse_xml(self._read(rels), rels, take)
        for kind, target in found.values():
            self._check_link(kind, target)
        self.links[part] = found
        return found

    def _check_link(self, kind: str, target: str) -> None:
        member = target.lstrip("/")
        if member not in self.names:
            raise _Refused(f"it links to a part, {shown_name(member)}, that is missing.")
        content_type = self.content_type(target)
        if not content_type:
            raise _Refused(f"its part {shown_name(member)} has no content type.")
        what, needed = _LINKS.get(kind, ("", ""))
        if needed and content_type != needed:
            raise _Refused(
                f"its {what} part ({shown_name(member)}) does not have the content type of "
                f"a {what} part, so a Word writer could not use it."
            )

    def _check_part(self, part: str) -> None:
        """Read the part (so a damaged one shows now); parse it if a writer would."""
        member = part.lstrip("/")
        blob = self._read(member)
        root = _XML_PARTS.get(self.content_type(part))
        if root is None:
            return  # images and other parts a writer only copies
        found = _Found() if root != f"{_W} document" else self.document
        found.is_styles = root == f"{_W} styles"
        _parse_xml(blob, member, found.take)
        if found.root != root:
            raise _Refused(f"its part {shown_name(member)} does not hold what its type says.")
        self.styles_use_numbering = self.styles_use_numbering or found.numbering

    def _check_main(self, main: str) -> None:
        if self.content_type(main) != _MAIN:
            raise _Refused("its main part is not a Word document's.")
        found = self.document
        if not found.body or not found.page_settings:
            raise _Refused("its main document has no body or no page settings.")
        links = self.links.get(main, {})
        kinds = {kind for kind, _ in links.values()}
        if f"{_R}/styles" not in kinds:
            raise _Refused("it has no styles part, and styles are what a Word look is for.")
        if self.styles_use_numbering and f"{_R}/numbering" not in kinds:
            raise _Refused("its styles use list numbering that the document does not have.")
        for wanted, link in found.references:
            if links.get(link, ("", ""))[0] != f"{_R}/{wanted}":
                raise _Refused("its page settings name a header or footer it does not have.")


class _Found:
    """What a Word writer relies on in one part, noted while it is parsed."""

    def __init__(self) -> None:
        self.root = ""
        self.is_styles = False
        self.body = self.page_settings = self.numbering = False
        self.references: list[tuple[str, str]] = []  # ("header" or "footer", link id)

    def take(self, tag: str, attributes: dict[str, str], depth: int) -> None:
        if depth == 1:
            self.root = tag
        elif tag == f"{_W} body" and depth == 2:
            self.body = True
        elif tag == f"{_W} sectPr" and depth in (3, 5):  # the body's, or a paragraph's
            self.page_settings = True
        elif tag in (f"{_W} headerReference", f"{_W} footerReference"):
            kind = "header" if tag.endswith("headerReference") else "footer"
            self.references.append((kind, attributes.get(f"{_R} id", "")))
        elif tag == f"{_W} numId" and self.is_styles:
            self.numbering = True


def _parse_xml(
    blob: bytes, member: str, on_start: Callable[[str, dict[str, str], int], None]
) -> None:
    """Parse blob, calling on_start(tag, attributes, depth) for each element ("namespace
    local" tags, the root at depth 1); _Refused if it is not well-formed, declares
    entities or nests too deep."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    depth, text = 0, 0

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth, text
        depth, text = depth + 1, 0
        if depth > _MAX_XML_DEPTH:
            raise _Refused(f"its part {shown_name(member)} nests too deep for a Word file.")
        on_start(tag, attributes, depth)

    def end(_tag: str) -> None:
        nonlocal depth, text
        depth, text = depth - 1, 0

    def characters(data: str) -> None:
        nonlocal text
        text += len(data)
        if text > _MAX_TEXT_RUN:
            raise _Refused(f"its part {shown_name(member)} has a run of text too long to read.")

    def declaration(*_: object) -> None:
        # Entity declarations are how XML bombs expand; Word never writes them.
        raise _Refused(f"its part {shown_name(member)} declares entities, as Word files never do.")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = declaration
    parser.EntityDeclHandler = declaration
    try:
        parser.Parse(blob, True)
    except (expat.ExpatError, ValueError, UnicodeError, LookupError):
        raise _Refused(f"its part {shown_name(member)} is damaged.") from None
