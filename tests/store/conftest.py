"""Fixtures for the notes store: a private data folder per test."""

from __future__ import annotations

import os
import shutil
import subprocess
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


#: What mount(8) says when the kernel refuses the mount for lack of privilege.
_NOT_PERMITTED = ("permission denied", "must be superuser", "operation not permitted")


def mount_or_skip(*args: str) -> None:
    """``mount ARGS``, or skip the test if mounting is not permitted here.

    Not permitted means not root, or root without CAP_SYS_ADMIN (a default container):
    found out by trying, since the user id does not say. Any other failure of the mount
    fails the test.
    """
    if shutil.which("mount") is None:
        pytest.skip("needs the mount program (util-linux)")
    result = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if result.returncode == 0:
        return
    message = " ".join(result.stderr.split())
    if any(phrase in message.lower() for phrase in _NOT_PERMITTED):
        pytest.skip(f"mounting is not permitted here (needs CAP_SYS_ADMIN): {message}")
    pytest.fail(f"mount {' '.join(args)} failed: {message}")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below a folder with its bytes: to prove nothing was touched."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
