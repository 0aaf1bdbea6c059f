"""Shared fixtures: the bundled document, parsed once per test session."""

from __future__ import annotations

import pytest

from tuireader.load import bundled_path, open_document
from tuireader.model import Document


@pytest.fixture(scope="session")
def seed() -> Document:
    return open_document(None)


@pytest.fixture(scope="session")
def seed_text() -> str:
    from tuireader.text import read_document

    return read_document(bundled_path()).text
