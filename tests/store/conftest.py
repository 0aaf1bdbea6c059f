"""Fixtures for the notes store: a private data folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tuireader.model import Document
from tuireader.store import DocumentNotes, NotesStore


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def notes(seed: Document, data_dir: Path) -> DocumentNotes:
    return NotesStore(data_dir).open(seed)


def needs_root() -> None:
    """Faults that need root (mounts, dropping to another user) run in CI, which is root.

    Outside CI, as a normal user, they are skipped; in CI a non-root run fails instead,
    so they can never silently not run there.
    """
    if os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail("CI must run these tests as root")
        pytest.skip("needs root (mount a tmpfs, or run as another user)")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below a folder with its bytes: to prove nothing was touched."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
