"""Snapshots of the screens people see (regenerate with ``pytest --snapshot-update``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tuireader.model import Document
from tuireader.store import NotesStore
from tuireader.ui.app import ReaderApp


def test_main_screen_80x24(snap_compare: Any, seed: Document) -> None:
    assert snap_compare(ReaderApp(seed), terminal_size=(80, 24), press=["n", "n", "n", "j"])


def test_main_screen_120x40(snap_compare: Any, seed: Document) -> None:
    assert snap_compare(ReaderApp(seed), terminal_size=(120, 40), press=["n"])


def test_narrow_60x20(snap_compare: Any, seed: Document) -> None:
    assert snap_compare(ReaderApp(seed), terminal_size=(60, 20), press=["n", "n"])


def test_help_screen(snap_compare: Any, seed: Document) -> None:
    assert snap_compare(ReaderApp(seed), terminal_size=(100, 32), press=["question_mark"])


def _with_notes(seed: Document, data_dir: Path) -> ReaderApp:
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p2", "Compare with the 2007 Munich speech.\nSecond line [/] literal.")
    notes.add_note("qa-3.p2", "OPCW visited Douma on April 21.")
    notes.add_bookmark("qa-1.p3")
    notes.set_position("qa-1.p2")
    notes.save()
    return ReaderApp(seed, notes=NotesStore(data_dir).open(seed))


def test_note_shown_inline(snap_compare: Any, seed: Document, tmp_path: Path) -> None:
    assert snap_compare(_with_notes(seed, tmp_path), terminal_size=(100, 30), press=["v"])


def test_notes_list(snap_compare: Any, seed: Document, tmp_path: Path) -> None:
    assert snap_compare(_with_notes(seed, tmp_path), terminal_size=(100, 30), press=["A"])


def test_markdown_drawn_as_markdown(snap_compare: Any) -> None:
    from tuireader.load import open_document

    document = open_document(Path(__file__).parents[1] / "fixtures" / "markdown.md")
    app = ReaderApp(document)
    assert snap_compare(app, terminal_size=(80, 30), press=["right_square_bracket"])
