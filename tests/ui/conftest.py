"""Fixtures for driving the reader with Pilot (helpers are in tests/helpers/reader.py)."""

from __future__ import annotations

import pytest

from tests.helpers.reader import FIXTURES
from tuireader.load import open_document
from tuireader.model import Document
from tuireader.ui.app import ReaderApp


@pytest.fixture
def app(seed: Document) -> ReaderApp:
    return ReaderApp(seed)


@pytest.fixture
def markup_document() -> Document:
    return open_document(FIXTURES / "markup.txt")
