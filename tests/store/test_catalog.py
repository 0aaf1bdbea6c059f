"""Listing the documents of a data folder from their notes files alone."""

from __future__ import annotations

import os
from pathlib import Path

from tuireader.load import open_document
from tuireader.model import Document
from tuireader.store import NotesStore
from tuireader.store.catalog import list_documents


def _document(tmp_path: Path, name: str, text: str) -> tuple[Path, Document]:
    path = tmp_path / name
    path.write_text(text)
    return path, open_document(path)


def _first_passage(document: Document) -> str:
    return document.readable()[0].passages[0].id


def test_every_document_with_notes_or_bookmarks_read_last_first(
    seed: Document, data_dir: Path, tmp_path: Path
) -> None:
    store = NotesStore(data_dir)
    first = store.open(seed)
    first.add_note("qa-1.p1", "one")
    first.add_note("qa-2.p1", "two")
    first.add_bookmark("qa-3")
    first.set_position("qa-2.p1")
    first.save()
    path, essay = _document(tmp_path, "essay.txt", "An essay\n\nIts first paragraph.\n")
    second = store.open(essay, path)
    second.add_bookmark(_first_passage(essay))
    second.save()
    read = open_document(_document(tmp_path, "read.txt", "Just read.\n")[0])
    only_read = store.open(read)
    only_read.set_position(_first_passage(read))  # a position alone: not "with notes"
    only_read.save()

    entries, problems = list_documents(data_dir)

    assert problems == []
    assert [e.title for e in entries] == ["An essay", seed.title]
    essay_entry, seed_entry = entries
    assert essay_entry.path == str(path.resolve()) and essay_entry.file_exists()
    assert (len(essay_entry.notes), len(essay_entry.bookmarks)) == (0, 1)
    assert [r.body for r in seed_entry.notes] == ["one", "two"]
    assert seed_entry.position == "qa-2.p1"
    assert seed_entry.fingerprint == seed.fingerprint
    assert seed_entry.notes_file == first.file


def test_a_deleted_note_is_not_counted_and_a_vanished_file_is_said(
    data_dir: Path, tmp_path: Path
) -> None:
    path, document = _document(tmp_path, "gone.txt", "Gone\n\nSoon deleted.\n")
    notes = NotesStore(data_dir).open(document, path)
    kept = notes.add_note(_first_passage(document), "kept")
    notes.delete(notes.add_note(_first_passage(document), "deleted").id)
    notes.save()
    path.unlink()

    [entry], _ = list_documents(data_dir)

    assert [r.id for r in entry.notes] == [kept.id]
    assert not entry.file_exists()


def test_files_that_cannot_be_read_are_left_out_with_a_sentence(
    seed: Document, data_dir: Path
) -> None:
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "still listed")
    notes.save()
    folder = data_dir / "documents"
    (folder / "broken.yaml").write_text("schema: 1\nnotes: [unclosed\n")
    (folder / "newer.yaml").write_text("schema: 99\n")
    os.mkfifo(folder / "pipe.yaml")  # never opened for reading: it would block
    (folder / "binary.yaml").write_bytes(b"\xff\xfe\x00garbage")

    entries, problems = list_documents(data_dir)

    assert [e.title for e in entries] == [seed.title]
    assert len(problems) == 4
    assert all(p.endswith("Its document is not listed.") for p in problems)
    assert any("broken.yaml, line" in p for p in problems)
    assert any("newer tuireader" in p for p in problems)
    assert any("named pipe" in p for p in problems)


def test_an_empty_or_missing_data_folder_lists_nothing(tmp_path: Path) -> None:
    assert list_documents(tmp_path / "nowhere") == ([], [])
    (tmp_path / "empty" / "documents").mkdir(parents=True)
    assert list_documents(tmp_path / "empty") == ([], [])


def test_a_known_key_opens_that_notes_file(seed: Document, data_dir: Path) -> None:
    """A listed document opens the notes file it was listed from, whatever the index says."""
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "here")
    notes.save()
    for pointer in (data_dir / "index").iterdir():
        pointer.unlink()
    [entry], _ = list_documents(data_dir)
    again = NotesStore(data_dir).open(seed, key=entry.key)
    assert [i.record.body for i in again.notes()] == ["here"]
