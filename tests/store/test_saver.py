"""What the reader tells the user about saving: a failure once, then that it recovered."""

from __future__ import annotations

import errno
import os

import pytest

from tuireader.store import DocumentNotes
from tuireader.store.saver import NoteSaver


def test_nothing_pending_is_not_a_save(notes: DocumentNotes) -> None:
    report = NoteSaver(notes).save()
    assert not report.saved and report.error is None and not report.recovered


def test_a_failure_is_told_once_and_the_recovery_once(
    notes: DocumentNotes, monkeypatch: pytest.MonkeyPatch
) -> None:
    saver = NoteSaver(notes)
    notes.add_note("qa-1.p1", "kept")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    first = saver.save()
    assert not first.saved and first.error is not None and "disk is full" in first.error
    assert saver.failing and notes.pending
    again = saver.save()
    assert not again.saved and again.error is None  # the same failure is not told twice
    monkeypatch.undo()
    recovered = saver.save()
    assert recovered.saved and recovered.recovered and recovered.error is None
    assert not saver.failing and not notes.pending
    notes.add_note("qa-1.p2", "more")
    assert not saver.save().recovered  # only the first save after a failure says so


def test_read_only_notes_are_never_saved(notes: DocumentNotes) -> None:
    notes.add_note("qa-1.p1", "x")
    notes.save()
    notes.file.write_text("schema: [broken\n")
    from tuireader.store import NotesStore

    broken = NotesStore(notes.store.root).open(notes.document)
    assert broken.read_only
    report = NoteSaver(broken).save()
    assert not report.saved and report.error is None
    assert notes.file.read_text() == "schema: [broken\n"
