"""How much a page's snapshot adds to a .briefing file: the page compressed (zlib, level 9)
and written as base64 text, for each saved page in the folders or files given.

    .venv/bin/python benchmarks/snapshot_size.py SAVED_PAGES_FOLDER [...]
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.models import Snapshot  # noqa: E402
from benchmarks.machine import describe  # noqa: E402
from benchmarks.pages import saved_pages  # noqa: E402


def main(arguments: list[str]) -> int:
    pages = saved_pages(arguments)
    if not pages:
        print("Give folders of saved .html pages (or the pages themselves).", file=sys.stderr)
        return 2
    raw, stored = [], []
    for page in pages:
        body = page.read_bytes()
        snapshot = Snapshot.of(
            body,
            media_type="text/html",
            charset="",
            final_url="",
            retrieved=dt.datetime.now(dt.UTC),
        )
        raw.append(len(body))
        stored.append(len(snapshot.data))
    ratios = [s / r for s, r in zip(stored, raw, strict=True) if r]
    print(f"{len(pages)} pages on {describe()}")
    print(
        f"page:     median {statistics.median(raw) / 1024:.0f} KB, largest {max(raw) / 1024:.0f} KB"
    )
    print(
        f"snapshot: median {statistics.median(stored) / 1024:.0f} KB, largest "
        f"{max(stored) / 1024:.0f} KB (median {statistics.median(ratios):.0%} of the page)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
