"""Re-finding notes after the document changed: anchored, approximate, orphaned; never lost,
never misplaced."""

from __future__ import annotations

from pathlib import Path

from tuireader.load import open_document
from tuireader.store import NotesStore, Status

ORIGINAL = [
    "Question: What about the harbour?",
    "A: The harbour was rebuilt in 1990 after the storm destroyed the old piers and the sea wall.",
    "The city paid for the new piers with a special tax that lasted for ten years.",
    "We hope the West will realise this sooner or later, for everyone's sake and for peace.",
    "We hope the East will realise this sooner or later, for everyone's sake and for peace.",
    "Question: And the railway?",
    "A: The railway came later, in 1995, and it changed the town more than the harbour did.",
]


def write(path: Path, paragraphs: list[str]) -> None:
    path.write_text("\n\n".join(paragraphs) + "\n")


def place(tmp_path: Path, passage: str) -> tuple[Path, Path, str]:
    doc_path = tmp_path / "talk.txt"
    write(doc_path, ORIGINAL)
    data_dir = tmp_path / "data"
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    note_id = notes.add_note(passage, "my note").id
    notes.save()
    return doc_path, data_dir, note_id


def reopen(doc_path: Path, data_dir: Path, note_id: str) -> tuple[Status, str]:
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    [item] = [i for i in notes.notes() if i.record.id == note_id]
    assert item.record.body == "my note"  # never lost
    return item.status, item.target


def test_text_inserted_before(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-1.p3")
    write(doc_path, [ORIGINAL[0], "An aside about boats, added later.", *ORIGINAL[1:]])
    assert reopen(doc_path, data_dir, note_id) == (Status.ANCHORED, "qa-1.p4")


def test_a_few_words_changed(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-1.p3")
    changed = list(ORIGINAL)
    changed[2] = "The town paid for the new piers with a special tax that lasted for twelve years."
    write(doc_path, changed)
    assert reopen(doc_path, data_dir, note_id) == (Status.APPROXIMATE, "qa-1.p3")


def test_deleted_next_to_a_look_alike_is_orphaned_not_misplaced(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-1.p4")  # "We hope the West ..."
    write(doc_path, ORIGINAL[:3] + ORIGINAL[4:])  # deleted; "We hope the East ..." remains
    status, _ = reopen(doc_path, data_dir, note_id)
    assert status is Status.ORPHANED


def test_whole_file_replaced(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-2.p2")
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    other_id = notes.add_note("qa-1.p1", "second").id
    notes.save()
    write(doc_path, ["Something else entirely.", "Nothing in common with before, at all."])
    after = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    items = after.notes()
    assert {i.record.id for i in items} == {note_id, other_id}
    assert all(i.status is Status.ORPHANED and i.section is None for i in items)
    assert {i.target for i in items} == {"qa-2.p2", "qa-1.p1"}  # where they were


def test_confirming_an_approximate_place_anchors_it(tmp_path: Path) -> None:
    doc_path, data_dir, note_id = place(tmp_path, "qa-1.p3")
    changed = list(ORIGINAL)
    changed[2] = "The town paid for the new piers with a special tax that lasted for twelve years."
    write(doc_path, changed)
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    notes.confirm_place(note_id)
    notes.save()
    assert reopen(doc_path, data_dir, note_id) == (Status.ANCHORED, "qa-1.p3")


def test_section_bookmark_follows_its_title(tmp_path: Path) -> None:
    doc_path = tmp_path / "talk.txt"
    write(doc_path, ORIGINAL)
    data_dir = tmp_path / "data"
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    mark = notes.add_bookmark("qa-2")
    notes.save()
    write(doc_path, ["Question: A new first question?", "A: Yes.", *ORIGINAL])
    again = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    [item] = again.bookmarks()
    assert item.record.id == mark.id and item.target == "qa-3"
