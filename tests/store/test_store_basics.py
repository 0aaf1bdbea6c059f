"""Adding, editing, deleting, persisting; where the files are and who may read them."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.store.conftest import snapshot
from tuireader.model import Document
from tuireader.store import DocumentNotes, NotesStore, Status, StoreError
from tuireader.store.yamlio import load


def reopen(seed: Document, data_dir: Path) -> DocumentNotes:
    return NotesStore(data_dir).open(seed)


def test_notes_survive_a_restart(notes: DocumentNotes, seed: Document, data_dir: Path) -> None:
    note = notes.add_note("qa-3.p2", "Douma")
    mark = notes.add_bookmark("qa-4.p1")
    section_mark = notes.add_bookmark("speech")
    notes.set_position("qa-2.p3")
    assert notes.pending
    assert notes.save().saved
    assert not notes.pending
    again = reopen(seed, data_dir)
    assert [(i.record.id, i.target, i.record.body) for i in again.notes()] == [
        (note.id, "qa-3.p2", "Douma")
    ]
    assert {i.record.id for i in again.bookmarks()} == {mark.id, section_mark.id}
    assert again.position == "qa-2.p3"
    item = again.notes()[0]
    assert item.status is Status.ANCHORED and item.section == "qa-3"
    assert item.record.anchor.exact.startswith("As for Douma")
    assert item.record.anchor.prefix.endswith("and Salisbury?")
    assert item.record.anchor.suffix.startswith("We are not asking")


def test_edit_and_delete_leave_a_tombstone(
    notes: DocumentNotes, seed: Document, data_dir: Path
) -> None:
    note = notes.add_note("qa-1.p1", "first")
    notes.save()
    edited = notes.edit_note(note.id, "second")
    assert edited.updated >= note.updated and edited.created == note.created
    notes.save()
    assert reopen(seed, data_dir).notes()[0].record.body == "second"
    notes.delete(note.id)
    notes.save()
    again = reopen(seed, data_dir)
    assert again.notes() == []
    text = notes.file.read_text()
    assert note.id in text and "deleted:" in text  # the tombstone


def test_unknown_targets_are_refused(notes: DocumentNotes) -> None:
    with pytest.raises(StoreError, match="no passage"):
        notes.add_note("qa-3.p99", "x")
    with pytest.raises(StoreError, match="not a passage id"):
        notes.add_note("qa-3", "x")
    with pytest.raises(StoreError, match="no section"):
        notes.add_bookmark("qa-77")
    with pytest.raises(StoreError, match="no note"):
        notes.edit_note("n-missing", "x")
    assert not notes.pending


def test_draft_is_kept(notes: DocumentNotes, seed: Document, data_dir: Path) -> None:
    notes.set_draft("qa-5.p1", "half a thought", None)
    notes.save()
    draft = reopen(seed, data_dir).draft
    assert draft is not None and (draft.target, draft.body) == ("qa-5.p1", "half a thought")
    notes.clear_draft()
    notes.save()
    assert reopen(seed, data_dir).draft is None


def test_files_are_private_and_named_by_hash(notes: DocumentNotes, data_dir: Path) -> None:
    notes.add_note("qa-1.p1", "x")
    notes.save()
    for path in data_dir.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
        assert "Lavrov" not in path.name and "interview" not in path.name
    assert notes.file.name == notes.document.fingerprint[:24] + ".yaml"


def test_a_looser_folder_of_ours_is_tightened(seed: Document, data_dir: Path) -> None:
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    NotesStore(data_dir).open(seed)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_xdg_data_home_is_honoured(
    seed: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    notes = NotesStore().open(seed)
    assert notes.file.is_relative_to(tmp_path / "xdg" / "tuireader")


def test_an_edited_file_keeps_its_notes(tmp_path: Path, data_dir: Path) -> None:
    from tuireader.load import open_document

    path = tmp_path / "talk.txt"
    path.write_text("Question: Why?\n\nA: Because of the weather.\n\nMore here.\n")
    first = NotesStore(data_dir).open(open_document(path), path)
    first.add_note("qa-1.p2", "about the weather")
    first.save()
    path.write_text("Intro line.\n\nQuestion: Why?\n\nA: Because of the weather.\n\nMore here.\n")
    edited = open_document(path)
    assert edited.fingerprint != first.document.fingerprint
    second = NotesStore(data_dir).open(edited, path)
    [item] = second.notes()
    assert item.record.body == "about the weather"
    assert item.status is Status.ANCHORED and item.target == "qa-1.p2"
    # The same text opened from elsewhere finds the notes by its fingerprint.
    copy = tmp_path / "copy.txt"
    copy.write_bytes(path.read_bytes())
    before = snapshot(data_dir)
    assert not second.save().saved  # nothing pending, nothing written: opening the edited
    assert snapshot(data_dir) == before  # text already pointed its fingerprint here
    third = NotesStore(data_dir).open(open_document(copy), copy)
    assert [i.record.body for i in third.notes()] == ["about the weather"]


def test_nothing_pending_writes_nothing(notes: DocumentNotes) -> None:
    assert not notes.save().saved
    assert not notes.file.exists()


def test_a_file_name_that_is_not_utf8(tmp_path: Path, data_dir: Path) -> None:
    """``caf\\xe9.txt`` (Latin-1 bytes) titles the document; the notes file holds U+FFFD
    for the byte, stays loadable without the cache, and the notes are found again."""
    import os

    import yaml

    from tuireader.load import open_document

    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_text("one long paragraph without a title line " * 5 + "\n")
    document = open_document(path)
    assert document.title == "caf\ufffd.txt"
    notes = NotesStore(data_dir).open(document, path)
    note = notes.add_note(document.sections[0].passages[0].id, "about the café")
    assert notes.save().saved
    notes.cache_file.unlink()
    raw = notes.file.read_bytes()
    for loader in (yaml.SafeLoader, yaml.CSafeLoader):
        loaded = yaml.load(raw.decode("utf-8"), Loader=loader)
        assert loaded["document"]["title"] == "caf\ufffd.txt"
        assert loaded["document"]["path"] == str(tmp_path / "caf\ufffd.txt")
    again = NotesStore(data_dir).open(open_document(path), path)
    assert again.read_only is None, again.read_only
    assert [i.record.id for i in again.notes()] == [note.id]


def test_a_notes_file_that_is_a_symbolic_link_is_written_through(
    notes: DocumentNotes, seed: Document, data_dir: Path, tmp_path: Path
) -> None:
    """Someone keeps the file elsewhere (a synced folder) and links to it: a save replaces
    the file the link points to, and the link stays a link."""
    first = notes.add_note("qa-1.p1", "first")
    notes.save()
    elsewhere = tmp_path / "synced" / "lavrov.yaml"
    elsewhere.parent.mkdir()
    notes.file.rename(elsewhere)
    notes.file.symlink_to(elsewhere)
    again = reopen(seed, data_dir)
    second = again.add_note("qa-1.p2", "second")
    assert again.save().saved
    assert notes.file.is_symlink() and notes.file.resolve() == elsewhere
    assert not elsewhere.is_symlink()
    bodies = {r.body for r in load(elsewhere.read_bytes()).records.values()}
    assert bodies == {"first", "second"}
    backup = elsewhere.with_name("lavrov.yaml.bak")
    assert set(load(backup.read_bytes()).records) == {first.id}  # the version before
    assert not list(elsewhere.parent.glob("*.tmp")) and not list(data_dir.rglob("*.tmp"))
    assert {i.record.id for i in reopen(seed, data_dir).notes()} == {first.id, second.id}


def test_a_dangling_link_is_written_through_too(
    notes: DocumentNotes, seed: Document, tmp_path: Path
) -> None:
    target = tmp_path / "not-yet" / "notes.yaml"
    target.parent.mkdir()
    notes.file.parent.mkdir(parents=True, exist_ok=True)
    notes.file.symlink_to(target)
    notes.add_note("qa-1.p1", "first")
    assert notes.save().saved
    assert notes.file.is_symlink() and target.is_file()


def test_a_note_saved_without_a_change_is_not_rewritten(
    notes: DocumentNotes, seed: Document, data_dir: Path
) -> None:
    """Opening a note and saving it as it is changes nothing: not its time, not the file
    (a pasted CRLF text keeps its CR exactly)."""
    note = notes.add_note("qa-1.p1", "pasted\r\nfrom elsewhere \x85 with controls")
    notes.save()
    before = notes.file.read_bytes()
    assert notes.edit_note(note.id, note.body) is note
    assert not notes.pending and not notes.save().saved
    assert notes.file.read_bytes() == before
    assert reopen(seed, data_dir).get(note.id) == note


def test_the_last_position_is_kept_where_it_can_be_read_at_once(
    seed: Document, data_dir: Path
) -> None:
    """Before its notes are read (thousands take a while), the reader opens where you were."""
    store = NotesStore(data_dir)
    assert store.last_position(seed.fingerprint, seed.source) is None
    notes = store.open(seed)
    notes.add_note("qa-1.p1", "x")
    notes.set_position("qa-4.p2")
    notes.save()
    assert NotesStore(data_dir).last_position(seed.fingerprint, seed.source) == "qa-4.p2"
    notes.set_position("qa-5.p1")
    notes.save()
    assert NotesStore(data_dir).last_position(seed.fingerprint, None) == "qa-5.p1"
