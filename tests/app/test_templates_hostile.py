"""Hostile templates: look-alike names, damaged reference documents, pipes where files
should be, and template files damaged in every way. Real files are written in tmp_path and
go through the library's public functions; the user's folder is redirected there too."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pydantic import ValidationError

from app import template_library as library
from app.layout import layout
from app.models import Briefing, BriefingStyle, Note, Section
from app.storage import StorageError
from app.templates import (
    TEMPLATE_FORMAT,
    Template,
    TemplateSection,
    name_keys,
    save_template,
)
from exporters.word import docx_bytes

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_SECONDS = 20  # a guard against blocking for ever, not a speed measurement
# What no message may show: exception classes, library internals, tracebacks.
INTERNALS = re.compile(
    r"Traceback|Error\b|Exception|pydantic|instance of|codec|Value error|errno|"
    r"\bKeyError|\bPart\b|object has no attribute|line \d+ column|Expecting|unable to",
)


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_BUILDER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def weekly(name: str = "Weekly", **fields: object) -> Template:
    return Template(name=name, sections=(TemplateSection(title="Points"),), **fields)


def template_file(folder: Path, body: object, *, file_name: str = "in.bbtemplate") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    document = {"format": TEMPLATE_FORMAT, "schema_version": 3, "template": body}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def named(name: str) -> dict[str, object]:
    return {"name": name, "sections": [{"title": "Points"}]}


def assert_plain(message: str) -> None:
    assert message.endswith((".", ".”")), message
    assert not INTERNALS.search(message), message


def folder_snapshot() -> dict[str, bytes]:
    folder = library.user_templates_dir()
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# ----- look-alike names ------------------------------------------------------------------------
LOOKALIKES_OF_INFORMATION_PAPER = [
    "Inform\u0430tion paper",  # Cyrillic а
    "Informati\u03bfn paper",  # Greek ο
    "\uff29\uff4e\uff46\uff4f\uff52\uff4d\uff41\uff54\uff49\uff4f\uff4e paper",  # full-width
    "Information\u200d paper",  # zero-width joiner
    "Infor\u200bmation paper",  # zero-width space
    "Information paper\ufe0f",  # variation selector
    "INFORMATION  Paper",  # mixed case and a doubled space
    "Information\u00a0paper",  # no-break space
    "Information\u3000paper",  # ideographic space
    "Information\u3164paper",  # Hangul filler, drawn as blank
    "lnformation paper",  # a lower-case L for the capital I
    "\u0406nformation paper",  # Cyrillic І
    "Inf0rmation paper",  # digit zero
    "Informa\u0442ion paper",  # Cyrillic те, small
    "Informat\u0456on paper",  # Cyrillic і
]


@pytest.mark.parametrize("name", LOOKALIKES_OF_INFORMATION_PAPER)
def test_importing_a_lookalike_of_a_builtin_is_refused_naming_it(tmp_path: Path, name: str) -> None:
    library.save_user_template(weekly())
    before = folder_snapshot()
    path = template_file(tmp_path / "shared", named(name))

    with pytest.raises(StorageError) as refused:
        library.import_template(path)

    message = str(refused.value)
    assert "“Information paper”" in message and "built-in" in message
    assert_plain(message)
    assert folder_snapshot() == before
    assert [t.name for t in library.all_templates()].count("Information paper") == 1


@pytest.mark.parametrize("name", LOOKALIKES_OF_INFORMATION_PAPER)
def test_a_lookalike_file_dropped_in_the_folder_is_skipped_not_listed(name: str) -> None:
    template_file(library.user_templates_dir(), named(name), file_name="a.bbtemplate")
    templates, problems = library.user_templates()
    assert templates == []
    assert len(problems) == 1 and "Information paper" in problems[0]
    assert_plain(problems[0])


def save_as_template(name: str, *, replacing: str = "") -> object:
    """As the window's Save as Template (or, replacing, the template editor) does: a name
    that validation refuses is explained too."""
    try:
        template = weekly(name.strip())
    except ValidationError as error:
        raise StorageError(library.template_refusal(name, error, current=replacing)) from None
    if replacing:
        return library.replace_user_template(replacing, template)
    return library.save_user_template(template)


@pytest.mark.parametrize(
    "lookalike", ["W\u0435ekly", "WEEKLY ", "\uff37eekly", "We\u00adekly", "Week1y", "Weekly\u2060"]
)
def test_save_rename_duplicate_and_replace_refuse_lookalikes_of_ones_own(lookalike: str) -> None:
    library.save_user_template(weekly())
    library.save_user_template(weekly("Monthly"))
    before = folder_snapshot()
    attempts: list[Callable[[], object]] = [
        lambda: save_as_template(lookalike),
        lambda: library.rename_user_template("Monthly", lookalike),
        lambda: save_as_template(lookalike, replacing="Monthly"),
    ]
    for attempt in attempts:
        try:
            attempt()
        except StorageError as refused:
            assert "Weekly" in str(refused), str(refused)
            assert_plain(str(refused))
        else:
            pytest.fail(f"{lookalike!r} was accepted beside “Weekly”")
    assert folder_snapshot() == before


def test_duplicate_skips_names_that_look_like_existing_copies() -> None:
    library.save_user_template(weekly())
    folder = library.user_templates_dir()
    template_file(folder, named("W\u0435ekly (copy)"), file_name="x.bbtemplate")
    # Listed (it imitates nothing older), but "Weekly (copy)" would read the same as it.
    assert "W\u0435ekly (copy)" in [t.name for t in library.user_templates()[0]]
    assert library.duplicate_template("Weekly").name == "Weekly (copy 2)"
    assert library.duplicate_template("Weekly").name == "Weekly (copy 3)"


def test_the_plain_name_wins_over_its_lookalike_whatever_the_file_order() -> None:
    folder = library.user_templates_dir()
    template_file(folder, named("W\u0435ekly"), file_name="a.bbtemplate")  # sorts first
    template_file(folder, named("Weekly"), file_name="b.bbtemplate")
    templates, problems = library.user_templates()
    assert [t.name for t in templates] == ["Weekly"]
    assert len(problems) == 1 and "“Weekly”" in problems[0] and "a.bbtemplate" in problems[0]


@pytest.mark.parametrize(
    ("first", "second"),
    [("Tail", "Tall"), ("Weekly 1", "Weekly 2"), ("Café", "Cafe"), ("Desk", "Disk")],
)
def test_names_that_read_differently_are_both_accepted(first: str, second: str) -> None:
    library.save_user_template(weekly(first))
    library.save_user_template(weekly(second))
    assert sorted(t.name for t in library.user_templates()[0]) == sorted([first, second])


def test_the_confusables_table_covers_cyrillic_greek_and_symbols() -> None:
    table = (ROOT / "resources" / "confusables.txt").read_text("utf-8")
    assert "Technical Standard #39" in table
    pairs = {
        "\u0430": "a",
        "\u0435": "e",
        "\u043e": "o",
        "\u0440": "p",
        "\u0441": "c",
        "\u0445": "x",
        "\u03bf": "o",
        "\u03b1": "a",
        "\u0391": "a",
        "\u039c": "m",
        "\u2013": "-",
        "\u2019": "'",
        "\u2044": "/",
    }
    for lookalike, latin in pairs.items():
        assert name_keys(f"x{lookalike}y") == name_keys(f"x{latin}y"), lookalike


# ----- reference documents ---------------------------------------------------------------------
def word_parts() -> dict[str, bytes]:
    stream = io.BytesIO()
    docx.Document().save(stream)
    with zipfile.ZipFile(stream) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return stream.getvalue()


def without_styles_type(parts: dict[str, bytes]) -> dict[str, bytes]:
    types = parts["[Content_Types].xml"]
    types = re.sub(rb'<Override PartName="/word/styles.xml"[^>]*/>', b"", types)
    return {**parts, "[Content_Types].xml": types}


def retyped(parts: dict[str, bytes], part: str, content_type: bytes) -> dict[str, bytes]:
    types = re.sub(
        rb'(<Override PartName="' + part.encode() + rb'" ContentType=")[^"]*',
        rb"\g<1>" + content_type,
        parts["[Content_Types].xml"],
    )
    return {**parts, "[Content_Types].xml": types}


def replaced(parts: dict[str, bytes], member: str, old: bytes, new: bytes) -> dict[str, bytes]:
    assert old in parts[member]
    return {**parts, member: parts[member].replace(old, new, 1)}


def dropped(parts: dict[str, bytes], member: str) -> dict[str, bytes]:
    return {name: data for name, data in parts.items() if name != member}


def with_method(data: bytes, member: str, *, method: int = 0, flags: int = 0) -> bytes:
    """data (a stored zip) with member's compression method or flag bits changed in both
    of its headers, as an encrypted or Deflate64 member would have them."""
    raw = bytearray(data)
    name = member.encode()
    for signature, method_at, flags_at, name_at in (
        (b"PK\x03\x04", 8, 6, 30),
        (b"PK\x01\x02", 10, 8, 46),
    ):
        start = 0
        while (start := raw.find(signature, start)) >= 0:
            if raw[start + name_at : start + name_at + len(name)] == name:
                if method:
                    raw[start + method_at : start + method_at + 2] = method.to_bytes(2, "little")
                raw[start + flags_at] |= flags
            start += 4
    return bytes(raw)


def stored(parts: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return stream.getvalue()


def damaged_references() -> dict[str, bytes]:
    parts = word_parts()
    styles = "/word/styles.xml"
    return {
        "styles part without its content type": zipped(without_styles_type(parts)),
        "styles part typed as plain XML": zipped(retyped(parts, styles, b"application/xml")),
        "styles part typed as the main document": zipped(
            retyped(
                parts,
                styles,
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            )
        ),
        "main part typed as a template": zipped(
            retyped(
                parts,
                "/word/document.xml",
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
            )
        ),
        "no content types": zipped(dropped(parts, "[Content_Types].xml")),
        "no package links": zipped(dropped(parts, "_rels/.rels")),
        "no styles link": zipped(
            replaced(
                parts, "word/_rels/document.xml.rels", b'Target="styles.xml"', b'Target="x.xml"'
            )
        ),
        "styles part missing": zipped(dropped(parts, "word/styles.xml")),
        "styles holds something else": zipped(
            replaced(parts, "word/styles.xml", b"<w:styles ", b"<w:numbering ")
        ),
        "styles cut short": zipped({**parts, "word/styles.xml": parts["word/styles.xml"][:500]}),
        "entity bomb in styles": zipped(
            {
                **parts,
                "word/styles.xml": b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">'
                b'<!ENTITY b "&a;&a;&a;&a;">]><w:styles xmlns:w="http://schemas.'
                b'openxmlformats.org/wordprocessingml/2006/main">&b;</w:styles>',
            }
        ),
        "styles nested 300 deep": zipped(
            {
                **parts,
                "word/styles.xml": b'<w:styles xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main">' + b"<w:x>" * 300 + b"</w:x>" * 300 + b"</w:styles>",
            }
        ),
        "no page settings": zipped(
            {
                **parts,
                "word/document.xml": re.sub(
                    rb"<w:sectPr.*</w:sectPr>", b"", parts["word/document.xml"], flags=re.S
                ),
            }
        ),
        "styles part encrypted": with_method(stored(parts), "word/styles.xml", flags=0x1),
        "styles part in Deflate64": with_method(stored(parts), "word/styles.xml", method=9),
        "not a zip": b"just text, no Word here",
        "empty": b"",
    }


@pytest.mark.parametrize("case", sorted(damaged_references()))
def test_a_damaged_reference_document_is_refused_at_import(tmp_path: Path, case: str) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "look.docx").write_bytes(damaged_references()[case])
    save_template(
        weekly("House", style=BriefingStyle(reference_docx="look.docx")), shared / "h.bbtemplate"
    )

    with pytest.raises(StorageError) as refused:
        library.import_template(shared / "h.bbtemplate")

    assert "look.docx" in str(refused.value)
    assert_plain(str(refused.value))
    assert folder_snapshot() == {}


def test_the_styles_case_crashed_the_word_writer_and_now_falls_back(data_folder: Path) -> None:
    """The reported case: imported before this check, every export with it crashed."""
    bad = damaged_references()["styles part without its content type"]
    with pytest.raises(AttributeError):  # what python-docx does with it, so the check matters
        docx.Document(io.BytesIO(bad)).styles  # noqa: B018
    folder = library.user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "look.docx").write_bytes(bad)  # already in the folder from an older version

    reference, problem = library.reference_docx_bytes("look.docx")

    assert reference is None and "standard look was used" in problem
    assert_plain(problem)


def test_a_good_reference_is_accepted_and_builds_a_word_document(tmp_path: Path) -> None:
    good = zipped(word_parts())
    (tmp_path / "good.docx").write_bytes(good)
    assert library.checked_reference(tmp_path / "good.docx") == good
    briefing = Briefing(sections=(Section(title="S", items=(Note(text="n"),)),))
    assert docx_bytes(layout(briefing), reference=good).startswith(b"PK")


def test_no_mutated_reference_that_passes_the_check_breaks_the_word_writer() -> None:
    """Deterministic mutations of a real .docx: whatever the check accepts, the Word
    writer must be able to build on."""
    import random

    parts = word_parts()
    document_layout = layout(
        Briefing(
            style=BriefingStyle(numbered_items=True, header_text="H", footer_text="F"),
            sections=(Section(title="S", items=(Note(text="n"),)),),
        )
    )
    rng = random.Random(16)
    accepted = 0
    for _ in range(80):
        mutant = dict(parts)
        name = rng.choice(sorted(mutant))
        blob = mutant[name]
        choice = rng.randrange(4)
        if choice == 0:
            del mutant[name]
        elif choice == 1:
            elements = re.findall(rb"<(?:Override|Default|Relationship)\b[^>]*/>", blob)
            if elements:
                mutant[name] = blob.replace(rng.choice(elements), b"", 1)
        elif choice == 2:
            mutant[name] = blob[: rng.randrange(len(blob) + 1)]
        else:
            types = re.findall(rb'(?:Type|ContentType)="([^"]*)"', blob)
            if types:
                mutant[name] = blob.replace(rng.choice(types), rng.choice(types), 1)
        data = zipped(mutant)
        if library._reference_problem(data):
            continue
        accepted += 1
        assert docx_bytes(document_layout, reference=data).startswith(b"PK")
    assert accepted > 10  # the check is not simply refusing everything


# ----- pipes where files should be ----------------------------------------------------------
def finishes(action: Callable[[], object], unblock: list[Path]) -> BaseException | None:
    """Run action in a thread under the hang guard; what it raised, or None."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            action()
            outcome.append(None)
        except BaseException as error:  # handed back to the test
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(HANG_GUARD_SECONDS)
    if worker.is_alive():
        for pipe in unblock:  # let the stuck thread go before failing
            descriptor = os.open(pipe, os.O_RDWR | os.O_NONBLOCK)
            os.close(descriptor)
        pytest.fail(f"blocked for over {HANG_GUARD_SECONDS} s")
    return outcome[0]


def house_template(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    docx.Document().save(str(shared / "house.docx"))
    save_template(
        weekly("House", style=BriefingStyle(reference_docx="house.docx")), shared / "h.bbtemplate"
    )
    library.import_template(shared / "h.bbtemplate")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes in the file system")
def test_export_with_a_pipe_where_the_reference_goes_is_refused_not_blocked(tmp_path: Path) -> None:
    house_template(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "house.docx")

    error = finishes(lambda: library.export_template("House", out / "mine"), [out / "house.docx"])

    assert isinstance(error, StorageError) and "not a regular file" in str(error)
    assert_plain(str(error))
    assert not (out / "mine.bbtemplate").exists()  # nothing half-exported


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes in the file system")
@pytest.mark.parametrize("where", ["target", "folder reference", "import reference"])
def test_pipes_anywhere_a_template_operation_reads_or_writes_never_block(
    tmp_path: Path, where: str
) -> None:
    house_template(tmp_path)
    folder = library.user_templates_dir()
    if where == "target":
        pipe = tmp_path / "out.bbtemplate"
        os.mkfifo(pipe)
        target = pipe
    elif where == "folder reference":
        (folder / "house.docx").unlink()
        pipe = folder / "house.docx"
        os.mkfifo(pipe)
        target = tmp_path / "x"
    else:  # a pipe where an imported reference would be stored: another name is used
        other = tmp_path / "other"
        other.mkdir()
        docx.Document().save(str(other / "look.docx"))
        pipe = folder / "look.docx"
        os.mkfifo(pipe)
        look = BriefingStyle(reference_docx="look.docx")
        save_template(weekly("Team", style=look), other / "t.bbtemplate")

    def action() -> object:
        if where == "import reference":
            return library.import_template(other / "t.bbtemplate")
        return library.export_template("House", target, overwrite=True)

    error = finishes(action, [pipe])

    if where == "import reference":
        assert error is None
        assert library.find_template("Team").style.reference_docx == "look 2.docx"
    else:
        assert isinstance(error, StorageError), error
        assert_plain(str(error))


# ----- damaged template files -----------------------------------------------------------------
def raw_cases() -> dict[str, bytes]:
    def document(body: object, **top: object) -> bytes:
        whole = {"format": TEMPLATE_FORMAT, "schema_version": 3, "template": body, **top}
        return json.dumps(whole).encode()

    deep: object = "x"
    for _ in range(500):
        deep = {"a": deep}
    return {
        "empty": b"",
        "only spaces": b"   \n\t ",
        "binary": bytes(range(256)) * 4,
        "NUL bytes in JSON": b'{"format": "briefing-builder/template"\x00}',
        "UTF-16": json.dumps({"format": TEMPLATE_FORMAT}).encode("utf-16"),
        "cut short": document(named("Cut"))[:40],
        "over the size cap": b'{"format": "briefing-builder/template", "x": "'
        + b"a" * (1024 * 1024 + 10)
        + b'"}',
        "arrays 100,000 deep": b"[" * 100_000,
        "objects 500 deep": document({"name": "Deep", "sections": [{"title": "A"}], "x": deep}),
        "a huge number": document(named("N"), schema_version=int("9" * 4000)),
        "a list, not an object": b"[1, 2, 3]",
        "no template": json.dumps({"format": TEMPLATE_FORMAT, "schema_version": 3}).encode(),
        "template is a list": document([1, 2]),
        "template is a string": document("Weekly"),
        "name is a number": document({"name": 5, "sections": [{"title": "A"}]}),
        "sections a string": document({"name": "S", "sections": "A"}),
        "section a number": document({"name": "S", "sections": [5]}),
        "style a list": document({**named("S"), "style": []}),
        "version a string": document(named("S"), schema_version="3"),
        "version true": document(named("S"), schema_version=True),
        "version 2.5": document(named("S"), schema_version=2.5),
        "a newer version": document(named("S"), schema_version=99),
        "surrogate in the name": document(named("Bad\ud800name")),
        "surrogate in a key": document({**named("S"), "\udcff": 1}),
        "escape codes in the name": document(named("red\x1b[31m\x07")),
        "bidi override in the name": document(named("abc\u202egpj")),
        "line separator in the name": document(named("one\u2028two")),
        "markup in the name": document(named("<b>bold</b>")),
        "an unknown field": document({**named("S"), "script": "<script>alert(1)</script>"}),
        "a bad pattern field": document({**named("S"), "style": {"page_size": "Huge"}}),
        "an over-long name": document(named("n" * 5000)),
    }


@pytest.mark.parametrize("case", sorted(raw_cases()))
def test_a_damaged_template_file_gets_a_sentence_and_loses_nothing(
    tmp_path: Path, case: str
) -> None:
    library.save_user_template(weekly(description="keep me"))
    before = folder_snapshot()
    path = tmp_path / "bad.bbtemplate"
    path.write_bytes(raw_cases()[case])

    with pytest.raises(StorageError) as refused:
        library.import_template(path, replace=True)

    assert_plain(str(refused.value))
    str(refused.value).encode("utf-8")  # printable anywhere: no halves of characters
    assert folder_snapshot() == before
    assert library.find_template("Weekly").description == "keep me"


def test_a_damaged_file_in_the_folder_is_reported_with_a_sentence_and_others_stay() -> None:
    library.save_user_template(weekly())
    folder = library.user_templates_dir()
    for number, data in enumerate(raw_cases().values()):
        (folder / f"bad {number}.bbtemplate").write_bytes(data)
    templates, problems = library.user_templates()
    assert [t.name for t in templates] == ["Weekly"]
    assert len(problems) == len(raw_cases())
    for problem in problems:
        assert_plain(problem)


def test_surrogates_and_markup_outside_the_name_are_kept_safely(tmp_path: Path) -> None:
    body = {
        **named("Odd text"),
        "description": "<img src=x onerror=alert(1)> half \ud83d of a face",
        "sections": [{"title": "Title \udc80", "guidance": "<b>bold?</b>"}],
    }
    imported = library.import_template(template_file(tmp_path, body))
    assert imported.description == "<img src=x onerror=alert(1)> half \ufffd of a face"
    assert imported.sections[0].title == "Title \ufffd"
    saved = library.find_template("Odd text")  # written and read back
    assert saved == imported
    saved.model_dump_json().encode("utf-8")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.bbtemplate"
    document = {"format": TEMPLATE_FORMAT, "schema_version": 3, "template": named("Bom")}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode())
    assert library.import_template(path).name == "Bom"


def test_the_command_line_refuses_hostile_templates_with_sentences(tmp_path: Path) -> None:
    cases = {
        "lookalike": template_file(
            tmp_path, named("Inform\u0430tion paper"), file_name="a.bbtemplate"
        ),
        "binary": tmp_path / "b.bbtemplate",
        "surrogate": tmp_path / "c.bbtemplate",
    }
    cases["binary"].write_bytes(bytes(range(256)))
    cases["surrogate"].write_bytes(raw_cases()["surrogate in the name"])
    env = {**os.environ, "BRIEFING_BUILDER_DATA_DIR": str(tmp_path / "data")}
    for case, path in cases.items():
        done = subprocess.run(
            [sys.executable, "-m", "cli", "templates", "import", str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        assert done.returncode == 1, (case, done.stdout, done.stderr)
        assert_plain(done.stderr.strip().removeprefix("briefing-builder: "))
        if case == "lookalike":
            assert "“Information paper”" in done.stderr
