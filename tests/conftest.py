"""Shared fixtures: the bundled document, parsed once per test session; and no test reads
the settings of the person running the tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tuireader.load import bundled_path, open_document
from tuireader.model import Document


@pytest.fixture(scope="session", autouse=True)
def _no_user_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """An empty user config folder, for this process and the programs it starts."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))
        patch.delenv("TUIREADER_CONFIG", raising=False)
        yield


@pytest.fixture(scope="session")
def seed() -> Document:
    return open_document(None)


@pytest.fixture(scope="session")
def seed_text() -> str:
    from tuireader.text import read_document

    return read_document(bundled_path()).text
