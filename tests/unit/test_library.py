"""All your documents, headless: opening a listed one (even when its file is gone), the
document read last, and searching the notes of every document."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.library import (
    LAST_DOCUMENT,
    available,
    document_from_notes,
    documents,
    open_entry,
    open_for_reading,
    open_last,
    remember_last,
    search_notes,
    where,
)
from tuireader.load import open_document
from tuireader.model import Document
from tuireader.search import Query
from tuireader.store import NotesStore, StoreError
from tuireader.store.catalog import DocumentEntry
from tuireader.store.choices import RememberedChoices

TEXT = "---\ntitle: A talk\n---\nThe first paragraph.\n\nThe second paragraph.\n\nThe third.\n"


@pytest.fixture
def store(tmp_path: Path) -> NotesStore:
    return NotesStore(tmp_path / "data")


def _talk(tmp_path: Path, store: NotesStore) -> tuple[Path, DocumentEntry]:
    path = tmp_path / "talk.txt"
    path.write_text(TEXT)
    document = open_document(path)
    notes = store.open(document, path)
    notes.add_note("part-1.p3", "On the third.")
    notes.add_note("part-1.p2", "On the second.")
    notes.add_bookmark("part-1")
    notes.set_position("part-1.p3")
    notes.save()
    [entry], _ = documents(store)
    return path, entry


def test_a_listed_document_opens_with_its_notes_at_its_place(
    tmp_path: Path, store: NotesStore
) -> None:
    path, entry = _talk(tmp_path, store)
    assert available(entry) and where(entry) == str(path.resolve())
    opened = open_entry(entry, store)
    assert opened.path == path.resolve() and opened.document.title == "A talk"
    assert opened.notes is not None and opened.notes.position == "part-1.p3"
    assert not opened.notes.read_only


def test_a_document_whose_file_is_gone_is_read_from_its_notes(
    tmp_path: Path, store: NotesStore
) -> None:
    path, entry = _talk(tmp_path, store)
    path.unlink()
    assert not available(entry)
    assert where(entry) == f"not found at {path.resolve()} (moved or deleted)"

    opened = open_entry(entry, store)
    document = opened.document
    assert document.title == "A talk (from your notes)"
    assert [p.id for s in document.walk() for p in s.passages] == ["part-1.p2", "part-1.p3"]
    assert [p.text for s in document.walk() for p in s.passages] == [
        "The second paragraph.",
        "The third.",
    ]
    assert document.section("part-1") is not None  # the bookmarked section, by its title
    assert any("is no longer there" in w for w in document.warnings)
    notes = opened.notes
    assert notes is not None and notes.read_only and "read-only" in notes.read_only
    assert {i.record.body for i in notes.notes()} == {"On the second.", "On the third."}
    assert all(i.status.value == "anchored" for i in notes.notes() + notes.bookmarks())
    with pytest.raises(StoreError):
        notes.add_note("part-1.p2", "refused")
    # Nothing was written: the notes file is as it was.
    before = entry.notes_file.read_bytes()
    notes.set_position("part-1.p2")
    assert entry.notes_file.read_bytes() == before


def test_ids_sort_by_kind_then_number() -> None:
    from tuireader.store.catalog import entry_of
    from tuireader.store.schema import Anchor, Kind, NotesFile, Record

    records = {
        f"n-{i}": Record(
            f"n-{i}",
            Kind.NOTE,
            target,
            Anchor(target),
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00Z",
            "x",
        )
        for i, target in enumerate(["qa-10.p2", "qa-9.p13", "intro.p1", "qa-9.p2", "comment-1.p1"])
    }
    entry = entry_of("k", Path("k.yaml"), NotesFile("f", "/gone", "T", records))
    ids = [p.id for s in document_from_notes(entry).walk() for p in s.passages]
    assert ids == ["intro.p1", "qa-9.p2", "qa-9.p13", "qa-10.p2", "comment-1.p1"]


def test_the_document_read_last(tmp_path: Path, store: NotesStore, seed: Document) -> None:
    choices = RememberedChoices(store.root)
    first = open_last(choices)  # the first time: the interview
    assert (first.path, first.document) == (None, open_document(None))
    path = tmp_path / "talk.txt"
    path.write_text(TEXT)
    opened = open_for_reading(str(path), choices)
    assert (opened.path, opened.document.title) == (path, "A talk")
    assert choices.load()[0][LAST_DOCUMENT] == str(path.resolve())
    last = open_last(choices)
    assert last.path == path.resolve() and last.document.title == "A talk"
    # The bundled interview is remembered too (as ""), standard input is not.
    assert remember_last(choices, seed, None) is None
    assert choices.load()[0][LAST_DOCUMENT] == ""
    piped = open_document(None)
    from dataclasses import replace

    assert remember_last(choices, replace(piped, source="-"), None) is None
    assert choices.load()[0][LAST_DOCUMENT] == ""
    # A page read from its address is remembered by the address (it has no file).
    page = replace(piped, source="https://example.org/talk")
    assert remember_last(choices, page, None) is None
    assert choices.load()[0][LAST_DOCUMENT] == "https://example.org/talk"


def test_a_last_document_that_is_gone_opens_the_interview_and_says_so(
    tmp_path: Path, store: NotesStore
) -> None:
    choices = RememberedChoices(store.root)
    path = tmp_path / "talk.txt"
    path.write_text(TEXT)
    open_for_reading(str(path), choices)
    path.unlink()
    opened = open_for_reading(None, choices)
    document = opened.document
    assert opened.path is None and document.title.startswith("Foreign Minister")
    assert document.warnings[-1] == (
        f"The document you read last, {path.resolve()}, is no longer there; the bundled "
        "interview is open instead."
    )
    assert choices.load()[0][LAST_DOCUMENT] == ""
    path.write_bytes(b"\x00\x01binary\x00")
    choices.remember(LAST_DOCUMENT, str(path))
    document = open_for_reading(None, choices).document
    assert (
        "binary" in document.warnings[-1]
        and "bundled interview is open instead" in (document.warnings[-1])
    )


def test_search_the_notes_of_every_document(
    tmp_path: Path, store: NotesStore, seed: Document
) -> None:
    _talk(tmp_path, store)
    notes = store.open(seed)
    notes.add_note("qa-3.p2", "The SECOND time, and the second place")
    notes.save()
    entries, _ = documents(store)
    hits = list(search_notes(entries, Query("second")))
    assert [(h.entry.title, h.record.body[h.start : h.end]) for h in hits] == [
        (seed.title, "SECOND"),
        (seed.title, "second"),
        ("A talk", "second"),
    ]
    assert hits[2].context == "On the second."
    assert [h.record.body[h.start : h.end] for h in search_notes(entries, Query("SECOND"))] == [
        "SECOND"
    ]
