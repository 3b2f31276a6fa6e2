"""Briefing templates: the structure, marking and look a briefing starts from.

A template is data only. Files from other people are validated like any input: a size cap,
a known format and version, no unknown fields, and the one file name a template may name
(its reference .docx) must be a bare name in the template's own folder.
"""

from __future__ import annotations

import functools
import json
import unicodedata
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
    first_problem,
    migrate,
    read_json_document,
    write_json_document,
)

TEMPLATE_FORMAT = "briefing-builder/template"
TEMPLATE_SCHEMA_VERSION = 3
TEMPLATE_SUFFIX = ".bbtemplate"
MAX_TEMPLATE_BYTES = 1024 * 1024
_MAX_NAME_BYTES = 200  # file systems allow 255 bytes for a name, suffix included


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
        if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
            # Control and invisible characters (escapes, bidi overrides, zero-width spaces)
            # would let one name pass for another in lists and terminals.
            raise ValueError("a template name may not contain control or invisible characters")
        if len(name.encode("utf-8")) > _MAX_NAME_BYTES:
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
    return tuple(_parse(json.loads(folder.joinpath(n).read_text("utf-8")), n) for n in names)


def load_template(path: str | Path) -> Template:
    """Read and validate a template file; StorageError says what is wrong."""
    path = Path(path)
    document = read_json_document(
        path, expected_format=TEMPLATE_FORMAT, max_bytes=MAX_TEMPLATE_BYTES
    )
    template = _parse(document, path.name)
    reference = template.style.reference_docx
    if reference and not (path.parent / reference).is_file():
        raise StorageError(
            f"{path.name} names a reference document, {reference}, that is not beside it."
        )
    return template


def parse_template(data: bytes, name: str) -> Template:
    """A template from a file's bytes already in hand (e.g. one just deleted)."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise StorageError(f"{name} is damaged and cannot be read.") from None
    if not isinstance(document, dict) or document.get("format") != TEMPLATE_FORMAT:
        raise StorageError(f"{name} is not a template file.")
    return _parse(document, name)


def save_template(template: Template, path: str | Path) -> None:
    """Write template to path in the current file format, atomically."""
    write_json_document(
        Path(path),
        file_format=TEMPLATE_FORMAT,
        schema_version=TEMPLATE_SCHEMA_VERSION,
        key="template",
        payload=template.model_dump(mode="json"),
    )


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


TEMPLATE_MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3}


def _parse(document: JsonDocument, name: str) -> Template:
    document = migrate(document, TEMPLATE_MIGRATIONS, TEMPLATE_SCHEMA_VERSION, name=name)
    try:
        return Template.model_validate(document["template"])
    except KeyError:
        raise StorageError(f"{name} is damaged: it holds no template.") from None
    except ValidationError as error:
        raise StorageError(f"{name} is not a valid template: {first_problem(error)}") from None


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
