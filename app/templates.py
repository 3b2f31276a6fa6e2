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
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator

from app.edits import UNSORTED
from app.models import (
    FORBIDDEN_IN_FILE_NAMES,
    Briefing,
    BriefingStyle,
    Frozen,
    ItemKind,
    Section,
    bare_docx_name,
)
from app.storage import (
    StorageError,
    first_problem,
    migrate,
    read_json_document,
    write_json_document,
)

TEMPLATE_FORMAT = "briefing-builder/template"
TEMPLATE_SCHEMA_VERSION = 1
TEMPLATE_SUFFIX = ".bbtemplate"
MAX_TEMPLATE_BYTES = 1024 * 1024
_MAX_NAME_BYTES = 200  # file systems allow 255 bytes for a name, suffix included


class TemplateSection(Frozen):
    title: str = Field(min_length=1, max_length=120)
    kinds: tuple[ItemKind, ...] = ()
    guidance: str = Field(default="", max_length=2000)


class Template(Frozen):
    name: str = Field(min_length=1, max_length=80)
    description: str = Field(default="", max_length=500)
    sections: tuple[TemplateSection, ...] = Field(min_length=1, max_length=50)
    marking: str = Field(default="", max_length=200)
    header_text: str = Field(default="", max_length=200)
    footer_text: str = Field(default="", max_length=200)
    page_size: Literal["A4", "Letter"] = "A4"
    reference_docx: str = ""  # a bare file name beside the template file, or "" for ours
    numbered_items: bool = False
    citation_style: Literal["numbered", "inline"] = "numbered"
    author: str = Field(default="", max_length=120)
    organisation: str = Field(default="", max_length=120)
    grading: bool = False  # Admiralty source reliability (A–F) and credibility (1–6)
    likelihood_terms: tuple[Annotated[str, Field(max_length=60)], ...] = Field(
        default=(), max_length=12
    )

    @field_validator("name")
    @classmethod
    def _plain_name(cls, name: str) -> str:
        if set(name) & FORBIDDEN_IN_FILE_NAMES or name.strip() != name or name in (".", ".."):
            raise ValueError("a template name may not contain / \\ : * ? \" < > | or edge spaces")
        if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
            # Control and invisible characters (escapes, bidi overrides, zero-width spaces)
            # would let one name pass for another in lists and terminals.
            raise ValueError("a template name may not contain control or invisible characters")
        if len(name.encode("utf-8")) > _MAX_NAME_BYTES:
            raise ValueError("the template name is too long")
        return unicodedata.normalize("NFC", name)

    @field_validator("reference_docx")
    @classmethod
    def _bare_file_name(cls, name: str) -> str:
        return bare_docx_name(name)

    def style(self) -> BriefingStyle:
        """The export settings a briefing made from this template carries with it."""
        return BriefingStyle(**{name: getattr(self, name) for name in BriefingStyle.model_fields})

    def new_briefing(self) -> Briefing:
        return Briefing(
            sections=self.new_sections(), marking=self.marking, author=self.author,
            style=self.style(), template=self.name,
        )  # fmt: skip

    def new_sections(self) -> tuple[Section, ...]:
        """Empty sections for a new briefing made from this template."""
        return tuple(Section(title=s.title, kinds=s.kinds, guidance=s.guidance)
                     for s in self.sections)


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
    if template.reference_docx and not (path.parent / template.reference_docx).is_file():
        raise StorageError(
            f"{path.name} names a reference document, {template.reference_docx}, "
            "that is not beside it."
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
    write_json_document(
        Path(path), file_format=TEMPLATE_FORMAT, schema_version=TEMPLATE_SCHEMA_VERSION,
        key="template", payload=template.model_dump(mode="json"),
    )  # fmt: skip


def _parse(document: dict, name: str) -> Template:
    document = migrate(document, {}, TEMPLATE_SCHEMA_VERSION, name=name)
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
    placed: list[list] = [[] for _ in sections]
    unsorted = []
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
    return briefing.model_copy(update={
        "sections": tuple(filled),
        "template": template.name,
        "marking": briefing.marking or template.marking,
        "author": briefing.author or template.author,
        "style": template.style(),
    })  # fmt: skip  # a likelihood the template does not list stays; the export warns


def template_from_briefing(briefing: Briefing, name: str, description: str = "") -> Template:
    """A template keeping briefing's structure and settings, never its articles or items.

    Raises ValueError (from validation) when name is not a usable template name.
    """
    sections = tuple(
        TemplateSection(title=s.title.strip()[:120] or "Untitled section", kinds=s.kinds,
                        guidance=s.guidance[:2000])
        for s in briefing.sections
        if s.title != UNSORTED  # a holding pen for one briefing's leftovers, not structure
    ) or (TemplateSection(title="Key points"),)
    style = briefing.style.model_dump()
    return Template(
        name=name, description=description[:500], sections=sections[:50],
        marking=briefing.marking[:200], author=briefing.author[:120], **style,
    )  # fmt: skip
