"""Snapshots of the screens people see (regenerate with ``pytest --snapshot-update``)."""

from __future__ import annotations

from typing import Any

from tuireader.model import Document
from tuireader.ui.app import ReaderApp


def test_main_screen_80x24(snap_compare: Any, seed: Document) -> None:
    assert snap_compare(ReaderApp(seed), terminal_size=(80, 24), press=["n", "n", "n", "j"])


def test_main_screen_120x40(snap_compare: Any, seed: Document) -> None:
    assert snap_compare(ReaderApp(seed), terminal_size=(120, 40), press=["n"])


def test_narrow_60x20(snap_compare: Any, seed: Document) -> None:
    assert snap_compare(ReaderApp(seed), terminal_size=(60, 20), press=["n", "n"])


def test_help_screen(snap_compare: Any, seed: Document) -> None:
    assert snap_compare(ReaderApp(seed), terminal_size=(100, 32), press=["question_mark"])
