"""Texts read from standard input are told apart by their text alone: every one has the
source "-", which names no place to find a changed text's notes by."""

from __future__ import annotations

from pathlib import Path

from tuireader.load import STDIN, STDIN_NAME, open_bytes
from tuireader.model import Document
from tuireader.store import NotesStore


def _piped(text: str) -> Document:
    return open_bytes(text.encode(), name=STDIN_NAME, source=STDIN)


def test_two_piped_texts_have_notes_of_their_own(tmp_path: Path) -> None:
    talk = _piped("Q: Why?\n\nA: Because.\n")
    cats = _piped("Totally different text.\n\nAbout cats.\n")
    store = NotesStore(tmp_path)
    notes = store.open(talk)
    notes.add_note(talk.sections[0].passages[0].id, "on the talk")
    notes.save()

    other = NotesStore(tmp_path).open(cats)
    assert other.key != notes.key
    assert [i.record.body for i in other.notes()] == []
    # and the talk piped in again finds its note, by its text
    again = NotesStore(tmp_path).open(_piped("Q: Why?\n\nA: Because.\n"))
    assert [i.record.body for i in again.notes()] == ["on the talk"]
