"""Shared fixtures: the bundled document, parsed once per test session; hypothesis settings
that make a CI run reproducible from its output; and no test reads the settings of the
person running the tests, or writes their cache folder (where fetched pages are kept)."""

from __future__ import annotations

import os
from collections.abc import Iterator

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


@pytest.fixture(scope="session", autouse=True)
def _no_user_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Empty user config and cache folders, for this process and the programs it starts."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        patch.delenv("TUIREADER_CONFIG", raising=False)
        yield


@pytest.fixture(scope="session")
def seed() -> Document:
    return open_document(None)


@pytest.fixture(scope="session")
def seed_text() -> str:
    from tuireader.text import read_document

    return read_document(bundled_path()).text
