"""Page images of the sample briefing as exported, for the README: PDF and Word, in the
standard look and under each built-in template (docs/templates/).

The PDF is rendered with pdftoppm; the .docx is first converted by LibreOffice, so the
images show what a reader of the Word file sees. Needs poppler-utils and LibreOffice:
    .venv/bin/python scripts/export_pages.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))

from app.edits import add_item, remove_items, set_header  # noqa: E402
from app.extraction import extract  # noqa: E402
from app.models import Briefing, Figure, Item, Note, NoteRole, Statement  # noqa: E402
from app.proposals import briefing_from_article  # noqa: E402
from app.sample import load_sample  # noqa: E402
from app.templates import apply_template, builtin_templates  # noqa: E402
from exporters.export import export_briefing  # noqa: E402

HEADER = {
    "marking": "OFFICIAL-SENSITIVE",
    "author": "J. Analyst, Eastern Europe desk",
    "date": dt.date(2024, 10, 24),
    "bottom_line": "North Korean troops are reported in Russia; their number and any role "
    "in Ukraine are unconfirmed. Integration with Russian command is the open question.",
}


def sample_briefing():
    source = load_sample()
    briefing = briefing_from_article(source, extract(source))
    for field, value in HEADER.items():
        briefing = set_header(briefing, field, value)
    return briefing


def under_template(briefing: Briefing, name: str) -> Briefing:
    """The sample laid out in a built-in template; a grading template gets two example
    grades and a likelihood, so its images show what grading looks like."""
    template = next(t for t in builtin_templates() if t.name == name)
    briefing = apply_template(briefing, template)
    if template.style.grading:
        grades = iter((("B", "2"), ("C", "3")))
        sections = []
        for section in briefing.sections:
            items = []
            for item in section.items:
                grade = next(grades, None) if isinstance(item, Statement) else None
                if grade:
                    item = item.model_copy(
                        update={"reliability": grade[0], "credibility": grade[1]}
                    )
                items.append(item)
            sections.append(section.model_copy(update={"items": tuple(items)}))
        briefing = briefing.model_copy(update={"sections": tuple(sections)})
    if template.style.likelihood_terms:
        briefing = set_header(briefing, "likelihood", "realistic possibility")
    return as_an_analyst_finishes_it(briefing, name)


# What an analyst writes in their own words, by section title: (role, text). Written for
# these page images; the app never writes the analyst's text.
OWN_WORDS: dict[str, tuple[NoteRole, str]] = {
    "Purpose": (
        "",
        "To prepare the Director for Thursday's meeting with allies on reports that North "
        "Korea is sending troops to Russia, and to agree what we ask partners to confirm.",
    ),
    "Issue": (
        "",
        "Whether to ask allies at Thursday's meeting for a joint assessment of reported "
        "North Korean deployments to Russia.",
    ),
    "Recommendation": (
        "recommendation",
        "That you agree to propose a joint assessment, led by the intelligence staff, "
        "reporting within two weeks.",
    ),
    "Timing": ("", "Before Thursday's meeting, when allies will discuss support to Ukraine."),
    "Notes": (
        "assessment",
        "If confirmed, a deployment would be a step change in North Korea's support to "
        "Russia. So far the reports rest on Ukrainian intelligence.\n"
        "- Numbers: 10,000 is Ukraine's figure; Western officials have not confirmed it.\n"
        "- Impact: small against Russia's casualty rate, large as a political signal.",
    ),
    "Discussion": (
        "assessment",
        "The reported numbers would replace only days of Russian losses; the larger question "
        "is whether the forces can work together at all.",
    ),
    "Argument": (
        "",
        "A joint assessment would test the Ukrainian figures before allies respond, and would "
        "show Pyongyang and Moscow that the deployment is being watched.",
    ),
}
ONE_PAGE_KEEP = {"statement": 3, "figure": 2, "question": 3}


def _few_that_matter(briefing: Briefing) -> list[Item]:
    """What an analyst keeps for one page: the first statements, figures someone asserts,
    and questions from the body of the article rather than its headline."""
    chosen: list[Item] = [i for i in briefing.items() if i.kind == "note"]  # their own words
    for kind, count in ONE_PAGE_KEEP.items():
        of_kind = [i for i in briefing.items() if i.kind == kind]
        if kind == "figure":
            of_kind = [i for i in of_kind if isinstance(i, Figure) and i.asserted_by]
        if kind == "question":
            of_kind = [i for i in of_kind if _paragraph(briefing, i) > 2]
        chosen += of_kind[:count]
    return chosen


def _paragraph(briefing: Briefing, item: Item) -> int:
    """The item's paragraph; the sample's first two are its headline and standfirst."""
    source = briefing.source(item.anchor.source_id) if item.anchor else None
    return (source.paragraph_number(item.anchor.start) or 0) if source and item.anchor else 0


def as_an_analyst_finishes_it(briefing: Briefing, name: str) -> Briefing:
    """The analyst's own paragraphs in the sections that want them, and for the one-page
    brief only the few items its guidance asks for, as someone preparing it would choose."""
    for section in briefing.sections:
        if section.title in OWN_WORDS:
            role, text = OWN_WORDS[section.title]
            briefing = add_item(
                briefing, Note(text=text, role=role), section_id=section.id, index=0
            )
    if name == "One-page meeting brief":
        kept = {item.id for item in _few_that_matter(briefing)}
        briefing = remove_items(briefing, [i.id for i in briefing.items() if i.id not in kept])
    return briefing


def render(pdf: Path, prefix: Path) -> list[Path]:
    for old in prefix.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def export_and_render(briefing: Briefing, work: Path, prefix: Path) -> list[Path]:
    work.mkdir(parents=True, exist_ok=True)
    export_briefing(briefing, work / "sample.pdf", "pdf")
    export_briefing(briefing, work / "sample.docx", "docx")
    written = render(work / "sample.pdf", prefix.with_name(prefix.name + "-pdf"))
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: no images of the Word export")
        return written
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{work}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "lo"),
            str(work / "sample.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return written + render(work / "lo" / "sample.pdf", prefix.with_name(prefix.name + "-docx"))


def slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def main() -> int:
    work = Path(tempfile.mkdtemp())
    briefing = sample_briefing()
    written = export_and_render(briefing, work / "standard", DOCS / "export")
    (DOCS / "templates").mkdir(exist_ok=True)
    for template in builtin_templates():
        styled = under_template(briefing, template.name)
        written += export_and_render(
            styled, work / slug(template.name), DOCS / "templates" / slug(template.name)
        )
    for path in written:
        print("wrote", path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
