"""What keeping an article's versions costs: the size of a .briefing file holding one saved
page (every proposal accepted, with its snapshot), the size once Check for Updates has kept
a second version (the same page with one figure corrected), and the time update_source
takes to compare the versions and place every item.

    .venv/bin/python benchmarks/version_size.py SAVED_PAGES_FOLDER [...]
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.extraction import extract  # noqa: E402
from app.fetching import Fetched  # noqa: E402
from app.importing.errors import ImportFailure  # noqa: E402
from app.importing.web import import_fetched  # noqa: E402
from app.proposals import briefing_from_article  # noqa: E402
from app.storage import save_briefing  # noqa: E402
from app.versions import update_source  # noqa: E402
from benchmarks.machine import describe  # noqa: E402
from benchmarks.pages import saved_pages  # noqa: E402


def _fetched(body: bytes, name: str) -> Fetched:
    url = f"https://news.example/{name}"
    return Fetched(url, url, "text/html", "", body, dt.datetime.now(dt.UTC))


def _corrected(body: bytes, figures: list[str]) -> bytes | None:
    """The page with the article's first figure changed wherever the page has it (its
    structured data too), as a correction would."""
    for figure in figures:
        digits = re.search(r"\d+", figure)
        written = figure.encode()
        if digits and written in body:
            changed = figure.replace(digits.group(), str(int(digits.group()) + 1), 1)
            return body.replace(written, changed.encode())
    return None


def main(arguments: list[str]) -> int:
    pages = saved_pages(arguments)
    if not pages:
        print("Give folders of saved .html pages (or the pages themselves).", file=sys.stderr)
        return 2
    one, two, seconds = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.briefing"
        for page in pages:
            body = page.read_bytes()
            try:
                source = import_fetched(_fetched(body, page.name))
                extraction = extract(source)
                second = _corrected(body, [f.text for f in extraction.figures])
                fresh = import_fetched(_fetched(second, page.name)) if second else None
            except ImportFailure:
                continue
            briefing = briefing_from_article(source, extraction)
            save_briefing(briefing, path)
            one.append(path.stat().st_size)
            if fresh is None:
                continue
            runs = []
            for _ in range(5):
                started = time.perf_counter()
                update = update_source(briefing, source.id, fresh)
                runs.append(time.perf_counter() - started)
            if not update.changed:
                continue
            seconds.append(statistics.median(runs))
            save_briefing(update.briefing, path)
            two.append((one[-1], path.stat().st_size))
    print(f"{len(one)} pages ({len(two)} with a figure corrected) on {describe()}")
    print(f"briefing, 1 version:  median {statistics.median(one) / 1024:.0f} KB")
    added = [after - before for before, after in two]
    print(
        f"briefing, 2 versions: median {statistics.median(a for _, a in two) / 1024:.0f} KB "
        f"(a version adds a median {statistics.median(added) / 1024:.0f} KB)"
    )
    print(
        f"update_source (compare and place every item): median "
        f"{statistics.median(seconds) * 1000:.1f} ms, slowest {max(seconds) * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
