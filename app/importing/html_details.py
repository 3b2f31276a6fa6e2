"""Source details of a saved web page: trafilatura's metadata, checked against the page's own
structured data (schema.org JSON-LD, Open Graph) and cleaned.

trafilatura reads most fields well, but it joins the site's name into the author ("BBC
News; Jane Smith"), falls back to the host name for the site, and keeps " - BBC News" on
some titles; the JSON-LD of a NewsArticle says who published it and when. Every value of
the page is untrusted: any JSON-LD field may be a list, an object, a number or garbage.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from trafilatura import load_html

from app.importing.metadata import (
    SourceDetails,
    clean_author,
    clean_outlet,
    clean_title,
    clean_url,
    host_of,
    parse_machine_date,
)

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
        "liveblogposting",
        "scholarlyarticle",
        "report",
    }
)
_MAX_JSON_CHARS = 500_000
_MAX_NODES = 2_000  # objects visited in one page's JSON-LD


def page_details(markup: str, document: object) -> SourceDetails:
    """Title, outlet, author, URL and publication date of a page; empty where unknown.
    Never raises: bad metadata only costs the details, never the import."""
    try:
        return _details(markup, document)
    except Exception:  # a last guard: hostile markup may break lxml or json in odd ways
        return SourceDetails()


def _details(markup: str, document: object) -> SourceDetails:
    tree = load_html(markup)
    article = _json_ld_article(tree) if tree is not None else {}
    head = _head_values(tree) if tree is not None else {}
    url = clean_url(_text(document, "url")) or clean_url(head.get("canonical"))
    url = url or clean_url(head.get("og:url")) or clean_url(article.get("url"))
    outlet = _outlet(document, article, head, url)
    title = _text(document, "title") or head.get("og:title", "") or head.get("title", "")
    author = clean_author(_text(document, "author"), outlet=outlet, url=url)
    if not author:
        author = clean_author("; ".join(_names(article.get("author"))), outlet=outlet, url=url)
    return SourceDetails(
        title=clean_title(title, outlet=outlet, url=url)
        or clean_title(_first_text(article.get("headline")), outlet=outlet, url=url),
        outlet=outlet,
        author=author,
        url=url,
        published=_published(article, head, document),
    )


def _outlet(document: object, article: dict[str, object], head: dict[str, str], url: str) -> str:
    """og:site_name, then the JSON-LD publisher, then what trafilatura found (which may
    be the host name: better than nothing for a citation)."""
    named = clean_outlet(head.get("og:site_name"))
    if named:
        return named
    publisher = _names(article.get("publisher"))
    if publisher and clean_outlet(publisher[0]):
        return clean_outlet(publisher[0])
    found = clean_outlet(_text(document, "sitename"))
    return found or host_of(url)


def _published(article: dict[str, object], head: dict[str, str], document: object) -> date | None:
    for value in (
        _first_text(article.get("datePublished")),
        head.get("article:published_time", ""),
        _text(document, "date"),  # htmldate on the markup only (see html._extract)
    ):
        found = parse_machine_date(value)
        if found:
            return found
    return None


def _text(document: object, name: str) -> str:
    value = getattr(document, name, None)
    return value.strip() if isinstance(value, str) else ""


# ---- the page's <head> --------------------------------------------------------------------


def _head_values(tree: object) -> dict[str, str]:
    """First value of each Open Graph / article meta property, the canonical link, <title>."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):  # type: ignore[attr-defined]
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        value = meta.get("content")
        if key and isinstance(value, str) and key not in found:
            found[key] = value
        if len(found) > 500:
            break
    for link in tree.iter("link"):  # type: ignore[attr-defined]
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href") and "canonical" not in found:
            found["canonical"] = link.get("href")
    title = next(iter(tree.iter("title")), None)  # type: ignore[attr-defined]
    if title is not None and isinstance(title.text, str):
        found["title"] = title.text
    return found


# ---- JSON-LD --------------------------------------------------------------------------


def _json_ld_article(tree: object) -> dict[str, object]:
    """The first article-typed object of the page's JSON-LD blocks, or {}."""
    for script in tree.iter("script"):  # type: ignore[attr-defined]
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        body = script.text or ""
        if len(body) > _MAX_JSON_CHARS:
            continue
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            continue
        for node in _objects(data):
            if _is_article(node):
                return node
    return {}


def _objects(data: object) -> Iterator[dict[str, object]]:
    """The objects of a JSON-LD value, breadth first, through lists and @graph, bounded."""
    queue: list[object] = [data]
    visited = 0
    while queue and visited < _MAX_NODES:
        item = queue.pop(0)
        visited += 1
        if isinstance(item, list):
            queue.extend(item[:_MAX_NODES])
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                queue.extend(graph[:_MAX_NODES])


def _is_article(node: dict[str, object]) -> bool:
    kinds = node.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in names)


def _names(value: object) -> list[str]:
    """Names in a JSON-LD author or publisher: a string, an object with a name, or a list
    of either."""
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for entry in values[:20]:
        if isinstance(entry, dict):
            entry = entry.get("name")
        if isinstance(entry, list):
            entry = entry[0] if entry else None
        if isinstance(entry, str) and entry.strip():
            names.append(entry.strip())
    return names


def _first_text(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value if isinstance(value, str) else ""
