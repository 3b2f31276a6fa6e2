"""Briefing templates: the structure, marking and look a briefing starts from.

A template is data only. Files from other people are validated like any input: a size cap,
a known format and version, no unknown fields, and the one file name a template may name
(its reference .docx) must be a bare name in the template's own folder.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from pydantic import Field, ValidationError, field_validator

from app.edits import UNSORTED
from app.models import (
    FORBIDDEN_IN_FILE_NAMES,
    Briefing,
    BriefingStyle,
    Frozen,
    Item,
    ItemKind,
    Section,
)
from app.storage import (
    JsonDocument,
    Migration,
    StorageError,
    migrate,
    parse_json,
    read_bounded,
    write_json_document,
)
from app.validation_words import plain_problem

TEMPLATE_FORMAT = "briefing-builder/template"
TEMPLATE_SCHEMA_VERSION = 4
TEMPLATE_SUFFIX = ".bbtemplate"
MAX_TEMPLATE_BYTES = 1024 * 1024
MAX_NAME_BYTES = 200  # file systems allow 255 bytes for a name, suffix included
_MAX_DEPTH = 32  # a template nests five deep; anything far deeper is not one


class TemplateSection(Frozen):
    title: str = Field(min_length=1, max_length=120)
    kinds: tuple[ItemKind, ...] = ()
    guidance: str = Field(default="", max_length=2000)
    item_limit: int | None = Field(default=None, ge=1, le=999)


class Template(Frozen):
    name: str = Field(min_length=1, max_length=80)
    description: str = Field(default="", max_length=500)
    sections: tuple[TemplateSection, ...] = Field(min_length=1, max_length=50)
    marking: str = Field(default="", max_length=200)
    author: str = Field(default="", max_length=120)
    # The look a briefing made from this template carries with it. Its reference_docx is a
    # bare file name beside the template file, or "" for ours.
    style: BriefingStyle = BriefingStyle()

    @field_validator("name")
    @classmethod
    def _plain_name(cls, name: str) -> str:
        if set(name) & FORBIDDEN_IN_FILE_NAMES or name.strip() != name or name in (".", ".."):
            raise ValueError('a template name may not contain / \\ : * ? " < > | or edge spaces')
        if any(_is_hidden(c) for c in name):
            # Control and invisible characters (escapes, bidi overrides, zero-width spaces,
            # fillers, line separators, halves of broken characters) would let one name
            # pass for another in lists and terminals, or could not be saved.
            raise ValueError("a template name may not contain control or invisible characters")
        if len(name.encode("utf-8")) > MAX_NAME_BYTES:
            raise ValueError("the template name is too long")
        return unicodedata.normalize("NFC", name)

    def new_briefing(self) -> Briefing:
        """An empty briefing with this template's sections, marking, author and look."""
        return Briefing(
            sections=self.new_sections(),
            marking=self.marking,
            author=self.author,
            style=self.style,
            template=self.name,
        )

    def new_sections(self) -> tuple[Section, ...]:
        """Empty sections for a new briefing made from this template."""
        return tuple(
            Section(title=s.title, kinds=s.kinds, guidance=s.guidance, item_limit=s.item_limit)
            for s in self.sections
        )


@functools.cache  # read once per process: listing and lookups ask for them repeatedly
def builtin_templates() -> tuple[Template, ...]:
    """The templates shipped in resources/templates, in their display order."""
    folder = files("resources").joinpath("templates")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMPLATE_SUFFIX))
    return tuple(
        _parse(json.loads(folder.joinpath(n).read_text("utf-8")), n, builtins=False) for n in names
    )


def load_template(path: str | Path, *, known: Iterable[str] = ()) -> Template:
    """Read and validate a template file; StorageError says what is wrong.

    known: names of the user's templates, so that a name refused for invisible characters
    can be reported as imitating the template it poses as (built-in ones always are).
    """
    path = Path(path)
    data = read_bounded(path, MAX_TEMPLATE_BYTES, what="a template")
    template = _from_bytes(data, path.name, known)
    reference = template.style.reference_docx
    if reference and not (path.parent / reference).is_file():
        raise StorageError(
            f"{path.name} names a reference document, {reference}, that is not beside it "
            "(or is not a regular file)."
        )
    return template


def parse_template(data: bytes, name: str) -> Template:
    """A template from a file's bytes already in hand (e.g. one just deleted)."""
    return _from_bytes(data, name, ())


def save_template(template: Template, path: str | Path) -> None:
    """Write template to path in the current file format, atomically."""
    write_json_document(
        Path(path),
        file_format=TEMPLATE_FORMAT,
        schema_version=TEMPLATE_SCHEMA_VERSION,
        key="template",
        # Text that cannot be written as UTF-8 (a lone surrogate from a briefing file) is
        # replaced, so a template that could be made can always be saved.
        payload=_cleaned(template.model_dump(mode="json")),
    )


# ----- names that look alike ---------------------------------------------------------------
# Default-ignorable code points (Unicode's DerivedCoreProperties): they draw nothing, so a
# name holding them reads the same as one without.
_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_HIDDEN_CATEGORIES = ("Cc", "Cf", "Cs", "Zl", "Zp")
_FOLD_LIMIT = 400  # characters of a name folded: valid names have 80; hostile ones are cut


def _is_ignorable(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _IGNORABLE)


def _is_hidden(char: str) -> bool:
    """True for a character that draws nothing or cannot be saved (see _IGNORABLE)."""
    return unicodedata.category(char) in _HIDDEN_CATEGORIES or _is_ignorable(char)


@functools.cache
def _confusables() -> tuple[dict[int, str], tuple[tuple[str, str], ...]]:
    """resources/confusables.txt: single characters to their prototypes, and the Latin
    sequences read as another letter once a name is in lower case."""
    text = files("resources").joinpath("confusables.txt").read_text("utf-8")
    single: dict[int, str] = {}
    sequences: list[tuple[str, str]] = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        source_hex, target_hex = (part.split() for part in entry.split(";", 1))
        source = "".join(chr(int(h, 16)) for h in source_hex)
        target = "".join(chr(int(h, 16)) for h in target_hex)
        if len(source) == 1:
            single[ord(source)] = target
        else:
            sequences.append((source, target))
    return single, tuple(sequences)


def _shape(name: str) -> str:
    """name as it looks: compatibility forms unified, look-alikes replaced by their
    prototypes (capitals by capitals), invisible characters gone."""
    single, _ = _confusables()
    text = unicodedata.normalize("NFKC", name[:_FOLD_LIMIT]).translate(single)
    return "".join(c for c in text if unicodedata.category(c) != "Cf" and not _is_ignorable(c))


def _skeleton(shape: str) -> str:
    single, sequences = _confusables()
    text = shape.casefold().translate(single).casefold()
    for source, target in sequences:
        text = text.replace(source, target)
    return " ".join(text.split())


def name_keys(name: str) -> tuple[str, str]:
    """Two skeletons of name: names sharing either look alike.

    The first folds case, as names are compared; the second also reads a capital I as
    the lower-case l it is drawn like, which folding case alone would turn into an i.
    (The idea follows Unicode TR39's confusable skeletons; the table is ours.)
    """
    shape = _shape(name)
    return _skeleton(shape), _skeleton(shape.replace("I", "l"))


def is_plain_name(name: str) -> bool:
    """True when nothing in name had to be folded to compare it: no look-alike letters,
    compatibility forms or invisible characters."""
    return _shape(name) == name


def imitated_name(name: str, others: Iterable[str]) -> str | None:
    """The first of others that name looks like, or None."""
    first, second = name_keys(name)
    for other in others:
        keys = name_keys(other)
        if keys[0] == first or keys[1] == second:
            return other
    return None


def shown_name(name: str) -> str:
    """name for a message: invisible and control characters spelt out, length bounded."""
    shown = "".join(f"<U+{ord(c):04X}>" if _is_hidden(c) else c for c in name[:100])
    return shown + ("…" if len(name) > 100 else "")


def imitation_message(name: str, imitated: str, *, builtin: bool) -> str:
    whose = "the built-in template" if builtin else "your template"
    return (
        f"The name “{shown_name(name)}” imitates {whose} “{imitated}”: it differs only in "
        "look-alike letters, letter case, spacing or invisible characters. Choose a name "
        "that reads differently."
    )


# ----- reading ---------------------------------------------------------------------------
def _from_bytes(data: bytes, name: str, known: Iterable[str]) -> Template:
    """The template in a file's bytes; StorageError in plain words for anything else."""
    if not data.strip():
        raise StorageError(f"{name} is empty; it holds no template.")
    try:
        text = data.decode("utf-8-sig")  # an editor's byte-order mark is harmless
    except UnicodeDecodeError:
        text = "\x00"
    if "\x00" in text:
        raise StorageError(f"{name} is damaged or not a template file: it is not text.")
    document = parse_json(text, name=name)
    if not isinstance(document, dict) or document.get("format") != TEMPLATE_FORMAT:
        raise StorageError(f"{name} is not a template file.")
    return _parse(_cleaned_document(document, name), name, known=known)


def _cleaned_document(document: JsonDocument, name: str) -> JsonDocument:
    """document with lone surrogates replaced (the name excepted: it is refused instead)."""
    try:
        cleaned = _cleaned(document)
    except _TooDeep:
        raise StorageError(
            f"{name} is damaged: its contents are nested far deeper than a template's."
        ) from None
    assert isinstance(cleaned, dict)
    original, template = document.get("template"), cleaned.get("template")
    if isinstance(original, dict) and isinstance(template, dict) and "name" in original:
        template["name"] = original["name"]
    return cleaned


class _TooDeep(Exception):
    pass


def _cleaned(value: object, depth: int = 0) -> object:
    """value with every string UTF-8 safe; _TooDeep past _MAX_DEPTH (so never a
    RecursionError, however the JSON nests)."""
    if depth > _MAX_DEPTH:
        raise _TooDeep
    if isinstance(value, str):
        return _utf8_safe(value)
    if isinstance(value, list):
        return [_cleaned(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {_utf8_safe(str(k)): _cleaned(v, depth + 1) for k, v in value.items()}
    return value


def _utf8_safe(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


# The look's fields as version 1 held them, loose beside the template's name (frozen here:
# the version 1 format does not change when BriefingStyle does).
_V1_STYLE_FIELDS = (
    "page_size",
    "header_text",
    "footer_text",
    "reference_docx",
    "numbered_items",
    "citation_style",
    "organisation",
    "grading",
    "likelihood_terms",
)


def _v1_to_v2(document: JsonDocument) -> JsonDocument:
    """Version 2 holds the look in one `style` object, the BriefingStyle a briefing keeps."""
    template = document.get("template")
    if isinstance(template, dict) and "style" not in template:
        template["style"] = {k: template.pop(k) for k in _V1_STYLE_FIELDS if k in template}
    return document


def _v2_to_v3(document: JsonDocument) -> JsonDocument:
    """Version 3 adds item limits, a page budget and how statements and analyst text read;
    their defaults are what version 2 meant. The version moves on so an older app refuses
    a newer template clearly."""
    return document


def _v3_to_v4(document: JsonDocument) -> JsonDocument:
    """Version 4 adds the switches for the Figures compared, Glossary and Since the last
    briefing sections; all on, as version 3 exported (it had nothing to put in them)."""
    return document


TEMPLATE_MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def _parse(
    document: JsonDocument, name: str, *, known: Iterable[str] = (), builtins: bool = True
) -> Template:
    """The template in a file's document. builtins: whether a refused name is checked
    against the built-in templates' (not while reading those)."""
    document = migrate(document, TEMPLATE_MIGRATIONS, TEMPLATE_SCHEMA_VERSION, name=name)
    fields = document.get("template")
    if not isinstance(fields, dict):
        raise StorageError(f"{name} is damaged: it holds no template.")
    try:
        return Template.model_validate(fields)
    except ValidationError as error:
        raw = fields.get("name")
        if builtins and isinstance(raw, str) and error.errors()[0]["loc"] == ("name",):
            _refuse_imitation(raw, name, known)
        raise StorageError(f"{name} is not a valid template: {template_problem(error)}") from None


def _refuse_imitation(raw: str, file_name: str, known: Iterable[str]) -> None:
    """StorageError naming the template raw (a refused name) poses as, if it poses as one."""
    builtin = imitated_name(raw, (t.name for t in builtin_templates()))
    imitated = builtin or imitated_name(raw, known)
    if imitated is not None:
        message = imitation_message(raw, imitated, builtin=builtin is not None)
        raise StorageError(f"{file_name} cannot be used. {message}")


def template_problem(error: ValidationError) -> str:
    """The first thing wrong with a template's fields, as plain words."""
    return plain_problem(error, whole="the template", shown=shown_name)


def apply_template(briefing: Briefing, template: Template) -> Briefing:
    """briefing laid out in template's sections; no item is lost.

    An item goes to the section with its current section's title, else to the first that
    takes its kind, else to an "Unsorted" section at the end.
    """
    sections = list(template.new_sections())
    by_title = {s.title.casefold(): i for i, s in enumerate(sections)}
    placed: list[list[Item]] = [[] for _ in sections]
    unsorted: list[Item] = []
    for old in briefing.sections:
        for item in old.items:
            index = by_title.get(old.title.casefold())
            if index is None:
                index = next((i for i, s in enumerate(sections) if item.kind in s.kinds), None)
            (unsorted if index is None else placed[index]).append(item)
    filled = [
        section.model_copy(update={"items": tuple(items)})
        for section, items in zip(sections, placed, strict=True)
    ]
    if unsorted:
        # A template's own "Unsorted" section takes them, rather than a second one.
        index = by_title.get(UNSORTED.casefold())
        if index is None:
            filled.append(Section(title=UNSORTED, items=tuple(unsorted)))
        else:
            held = filled[index]
            filled[index] = held.model_copy(update={"items": (*held.items, *unsorted)})
    return briefing.model_copy(
        update={
            "sections": tuple(filled),
            "template": template.name,
            "marking": briefing.marking or template.marking,
            "author": briefing.author or template.author,
            "style": template.style,
        }
    )  # a likelihood the template does not list stays; the export warns


def template_updated_from(template: Template, briefing: Briefing) -> Template:
    """template with briefing's sections and look; its name, description, marking and
    author stay."""
    shaped = template_from_briefing(briefing, template.name, template.description)
    return template.model_copy(update={"sections": shaped.sections, "style": shaped.style})


def template_from_briefing(briefing: Briefing, name: str, description: str = "") -> Template:
    """A template keeping briefing's structure and settings, never its articles or items.

    Raises ValueError (from validation) when name is not a usable template name.
    """
    sections = tuple(
        TemplateSection(
            title=s.title.strip()[:120] or "Untitled section",
            kinds=s.kinds,
            guidance=s.guidance[:2000],
            item_limit=s.item_limit,
        )
        for s in briefing.sections
        if s.title != UNSORTED  # a holding pen for one briefing's leftovers, not structure
    ) or (TemplateSection(title="Key points"),)
    return Template(
        name=name,
        description=description[:500],
        sections=sections[:50],
        marking=briefing.marking[:200],
        author=briefing.author[:120],
        style=briefing.style,
    )
