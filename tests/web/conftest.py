"""The saved pages the web pages' tests read."""

from __future__ import annotations

from pathlib import Path

PAGES = Path(__file__).parent / "pages"
INTERVIEW = PAGES / "kremlin-tv-interview-ard-2013.html"
ARTICLE = PAGES / "mozilla-hacks-fetch-api-2015.html"
