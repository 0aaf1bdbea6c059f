"""Shared fixtures: the bundled document, parsed once per test session; and hypothesis
settings that make a CI run reproducible from its output."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tuireader.load import bundled_path, open_document
from tuireader.model import Document

# In CI the examples are derived from each test, not drawn at random, and no example
# database is kept between runs: a run can be repeated exactly, and a failure prints the
# blob that replays it (@reproduce_failure). Locally: random, with the blob printed too.
# No deadline: a slow machine is not a failure (speed is measured in bench/).
# HYPOTHESIS_PROFILE picks one by name (.ci/run sets "ci"); the report header names it.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile("dev", print_blob=True, deadline=None)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)


def pytest_report_header() -> str:
    return f"hypothesis profile: {PROFILE} ({settings.get_profile(PROFILE)})"


@pytest.fixture(scope="session")
def seed() -> Document:
    return open_document(None)


@pytest.fixture(scope="session")
def seed_text() -> str:
    from tuireader.text import read_document

    return read_document(bundled_path()).text
