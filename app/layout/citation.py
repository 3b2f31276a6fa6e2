"""How a briefing names its sources: inline short names, bibliography entries, and one item
with its citation for the clipboard."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from app.layout import blocks as b
from app.layout.figures import figure_value
from app.layout.prose import end_sentence, statement_sentence
from app.layout.wording import clean, link_target, long_date, quoted, typographic, unquoted
from app.models import Briefing, Figure, Item, Note, Question, Source, Statement


def short_name(source: Source, number: int) -> str:
    """How an inline citation names a source: its outlet, else the web site's host, else
    its author, else "Source 2". Never a title cut mid-word."""
    return clean(source.outlet) or _host(source.url) or clean(source.author) or f"Source {number}"


def _host(url: str) -> str:
    try:
        host = urlsplit(clean(url)).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def source_entry(source: Source, *, earlier: bool = False) -> b.Spans:
    """A bibliography entry: Outlet, “Title”, by Author, 17 October 2024, URL, accessed
    18 October 2024 — only the parts known, in that order. An earlier version of an article
    (cited by items whose passage has since changed) says so after its title."""
    title = _quoted_title(source)
    if earlier:
        title = f"{title} (version {source.version}, since updated)".lstrip()
    elif source.earlier:  # the newer version of an article also cited as it was before
        title = f"{title} (version {source.version})".lstrip()
    before = [clean(source.outlet), title]
    author = clean(source.author)
    before += [f"by {author}" if author else "", long_date(source.published)]
    before = [part for part in before if part]
    url = clean(source.url)
    accessed = long_date(source.retrieved.date()) if source.retrieved else ""
    if not before and not url:
        before = [_fallback_title(source)]
    spans: list[b.Span] = []
    text = ", ".join(before)
    if url:
        target = link_target(url)
        spans.append(b.Span(text + ", " if text else ""))
        spans.append(b.Span(url, "link", target) if target else b.Span(url))
        # A stop straight after an address would be copied as part of it.
        tail = f", accessed {accessed}." if accessed else ""
    else:
        tail = f", accessed {accessed}." if accessed else _full_stop_after(text)
        tail = tail if text else tail.lstrip(", ")
        spans.append(b.Span(text))
    if tail:
        spans.append(b.Span(tail))
    return tuple(span for span in spans if span.text)


def _full_stop_after(text: str) -> str:
    """A closing stop, unless a title in quotes already ends the entry with "?" or "!"."""
    return "" if text.rstrip("”’\"'").endswith(("?", "!", ".")) else "."


def _quoted_title(source: Source) -> str:
    title = unquoted(typographic(clean(source.title)))
    return f"“{title}”" if title else ""


def _fallback_title(source: Source) -> str:
    origin = clean(source.origin)
    return f"“{origin}”" if origin and origin != "pasted" else "Untitled article"


def human_citation(item: Item, briefing: Briefing) -> tuple[str, str]:
    """'Sky News, 17 October 2024' and the source's URL, for an item taken from an article;
    two empty strings for the analyst's own text."""
    anchor = item.anchor
    source = briefing.source(anchor.source_id) if anchor else None
    if source is None:
        return "", ""
    number = next((n for n, s in enumerate(briefing.sources, 1) if s.id == source.id), 1)
    name = clean(source.outlet) or _host(source.url) or clean(source.author)
    name = name or unquoted(clean(source.title)) or f"Source {number}"
    parts = [name, long_date(source.published)]
    return ", ".join(part for part in parts if part), clean(source.url)


def item_sentence(item: Item, briefing: Briefing) -> str:
    """One item as the words a reader would paste into an email."""
    match item:
        case Statement():
            return statement_sentence(item, form=briefing.style.statement_form)
        case Figure():
            return figure_sentence(item)
        case Question():
            return end_sentence(typographic(clean(item.text)))
        case Note():
            if item.anchor is not None:
                return quoted(clean(item.text))
            return _own_paragraphs(item.text)
    return ""


def _own_paragraphs(text: str) -> str:
    """The analyst's lines cleaned, keeping one blank line where they left a blank line
    between paragraphs, so a paste reads as they wrote it."""
    lines = [typographic(clean(line)) for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def figure_sentence(figure: Figure) -> str:
    """'≈ 1,000–10,000 (thousands of) North Korean troops, according to officials.'"""
    value = figure_value(figure)
    unit, counts = clean(figure.unit), clean(figure.counts)
    text = " ".join(part for part in (value, unit) if part)
    if counts:
        text = f"{text} ({counts})" if unit else f"{text} {counts}"
    if clean(figure.as_of):
        text += f", as of {clean(figure.as_of)}"
    if clean(figure.asserted_by):
        text += f", according to {mid_sentence(clean(figure.asserted_by))}"
    return end_sentence(typographic(text))


_DETERMINER = re.compile(r"^(The|A|An) (?=\S)")


def mid_sentence(name: str) -> str:
    """A name the article gave at a sentence's start, as it reads inside one: "The NIS"
    -> "the NIS", "A NATO official" -> "a NATO official" (names themselves keep capitals)."""
    return _DETERMINER.sub(lambda m: m.group(1).lower() + " ", name)


def item_plain_text(item: Item, briefing: Briefing) -> str:
    """The item as a sentence with a human citation, for the clipboard:
    'Mark Rutte said that … (Sky News, 17 October 2024, https://…)'."""
    text = item_sentence(item, briefing)
    name, url = human_citation(item, briefing)
    cited = ", ".join(part for part in (name, url) if part)
    return f"{text} ({cited})" if cited else text


def item_html(item: Item, briefing: Briefing) -> str:
    """The same as item_plain_text, as escaped HTML paragraphs with the URL as a link."""
    paragraphs = [
        html.escape(line, quote=False)
        for line in item_sentence(item, briefing).split("\n")
        if line.strip()
    ]
    name, url = human_citation(item, briefing)
    parts = [html.escape(name, quote=False)] if name else []
    target = link_target(url) if url else ""
    if target:
        parts.append(f'<a href="{html.escape(target)}">{html.escape(url, quote=False)}</a>')
    elif url:
        parts.append(html.escape(url, quote=False))
    if parts and paragraphs:
        paragraphs[-1] += f" ({', '.join(parts)})"
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
