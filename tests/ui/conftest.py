"""Helpers for driving the reader with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.load import open_document
from tuireader.model import Document
from tuireader.ui.app import ReaderApp

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def app(seed: Document) -> ReaderApp:
    return ReaderApp(seed)


@pytest.fixture
def markup_document() -> Document:
    return open_document(FIXTURES / "markup.txt")


def status(app: ReaderApp) -> str:
    from textual.widgets import Static

    return str(app.query_one("#status", Static).render())


def where(app: ReaderApp) -> tuple[str, int]:
    assert app.position is not None
    return app.navigator.section(app.position).id, app.position.passage
