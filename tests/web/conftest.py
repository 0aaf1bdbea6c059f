"""Fixtures for the web pages' tests: the saved pages, a local server, and a cache folder of
the test's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.server import Server, serving

PAGES = Path(__file__).parent / "pages"
INTERVIEW = PAGES / "kremlin-tv-interview-ard-2013.html"
ARTICLE = PAGES / "mozilla-hacks-fetch-api-2015.html"

_PROXIES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user cache folder, for this test alone (fetched pages are kept under it)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "tuireader" / "pages"


@pytest.fixture(autouse=True)
def _direct(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local server is reached directly, whatever proxy the environment names."""
    for name in _PROXIES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server(cache_dir: Path) -> Iterator[Server]:
    """A local HTTP server for the test (and a cache folder of its own)."""
    with serving() as running:
        yield running
