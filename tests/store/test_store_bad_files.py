"""Notes files that are broken, mangled by hand, hostile or from a newer version: each is
refused or opened read-only with a clear message, and never written over."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tuireader.model import Document
from tuireader.store import DocumentNotes, NotesStore, StoreError
from tuireader.store.yamlio import dump, load


@pytest.fixture
def saved(seed: Document, data_dir: Path) -> DocumentNotes:
    notes = NotesStore(data_dir).open(seed)
    notes.add_note("qa-1.p1", "a good note")
    notes.add_bookmark("qa-2.p1")
    notes.save()
    (data_dir / "documents" / f"{notes.key}.cache").unlink()  # force a real parse
    return notes


def _reopen_with(
    seed: Document, data_dir: Path, saved: DocumentNotes, content: bytes
) -> DocumentNotes:
    saved.file.write_bytes(content)
    return NotesStore(data_dir).open(seed)


def _valid_text(saved: DocumentNotes) -> str:
    return saved.file.read_text("utf-8")


GOOD = 'body: "a good note"'

BAD_FILES: dict[str, Callable[[str], str]] = {
    "truncated": lambda t: t[: len(t) // 2],
    "not yaml": lambda t: "schema: 1\nnotes: [unclosed\n  - {{{\n",
    "empty": lambda t: "",
    "a list": lambda t: "- 1\n- 2\n",
    "body: no": lambda t: t.replace(GOOD, "body: no"),
    "body: 12": lambda t: t.replace(GOOD, "body: 12"),
    "body a date": lambda t: t.replace(GOOD, "body: 2024-01-01"),
    "no passage": lambda t: t.replace("passage: qa-1.p1", "where: qa-1.p1"),
    "bad time": lambda t: t.replace('updated: "20', 'updated: "yesterday 20', 1),
    "python tag": lambda t: t.replace(
        GOOD, "body: !!python/object/apply:os.system ['touch /tmp/tuireader-pwned']"
    ),
    "alias bomb": lambda t: (
        "schema: 1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e]\n"
        "notes: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
    ),
    # Hand edits that load with PyYAML but would lose something at the next save (issue 12).
    "notes: [] appended": lambda t: t + "notes: []\n",
    "body twice": lambda t: t.replace(GOOD, GOOD + '\n  body: "another text"'),
    "unknown key in a note": lambda t: t.replace(GOOD, GOOD + "\n  tags: [urgent]"),
    "unknown top-level key": lambda t: t + "tags: [urgent]\n",
    "unknown key in a quote": lambda t: t.replace("    exact:", "    colour: red\n    exact:", 1),
    "a bookmark with a body": lambda t: t.replace(
        "bookmarks:\n- id: ", "bookmarks:\n- body: remember\n  id: "
    ),
    "a comment after a value": lambda t: t.replace(GOOD, GOOD + "  # my remark"),
    "a comment line": lambda t: t.replace("bookmarks:", "# my remark\nbookmarks:"),
    "merge key": lambda t: t.replace("  quote:\n", "  <<: {extra: 1}\n  quote:\n", 1),
    "duplicate ids": lambda t: t.replace(
        "bookmarks:\n- id: " + t.split("bookmarks:\n- id: ")[1].split("\n")[0],
        "bookmarks:\n- id: " + t.split("notes:\n- id: ")[1].split("\n")[0],
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_read_only_and_untouched(
    name: str, seed: Document, data_dir: Path, saved: DocumentNotes
) -> None:
    content = BAD_FILES[name](_valid_text(saved)).encode("utf-8")
    notes = _reopen_with(seed, data_dir, saved, content)
    assert notes.read_only is not None, name
    assert str(saved.file) in notes.read_only
    assert "cannot be used" in notes.read_only
    assert notes.warnings and notes.warnings[-1] == notes.read_only
    with pytest.raises(StoreError):
        notes.add_note("qa-3.p1", "refused")
    with pytest.raises(StoreError):
        notes.save()
    assert saved.file.read_bytes() == content  # byte for byte
    assert list((data_dir / "documents").glob("*.corrupt-*"))  # a copy was kept aside
    assert not Path("/tmp/tuireader-pwned").exists()


def test_errors_name_the_line(seed: Document, data_dir: Path, saved: DocumentNotes) -> None:
    text = _valid_text(saved)
    line = text.split("\n").index("  " + GOOD) + 1
    notes = _reopen_with(seed, data_dir, saved, text.replace(GOOD, "body: no").encode())
    assert notes.read_only is not None
    assert f"line {line}" in notes.read_only
    assert "yes/no" in notes.read_only


@pytest.mark.parametrize(
    ("edit", "marker", "phrase"),
    [
        (lambda t: t + "notes: []\n", "notes: []", "'notes' is there twice"),
        (lambda t: t.replace(GOOD, GOOD + "\n  tags: [x]"), "  tags: [x]", "'tags'"),
        (lambda t: t.replace(GOOD, GOOD + "  # mine"), "  " + GOOD + "  # mine", "comment"),
    ],
    ids=["duplicate key", "unknown key", "comment"],
)
def test_hand_edits_that_would_be_lost_name_the_line(
    seed: Document, data_dir: Path, saved: DocumentNotes, edit: Any, marker: str, phrase: str
) -> None:
    text = edit(_valid_text(saved))
    line = text.split("\n").index(marker) + 1
    notes = _reopen_with(seed, data_dir, saved, text.encode())
    assert notes.read_only is not None
    assert f"line {line}" in notes.read_only and phrase in notes.read_only
    assert "lose" in notes.read_only


def test_hashes_that_are_not_comments_are_taken(
    seed: Document, data_dir: Path, saved: DocumentNotes
) -> None:
    """A # inside a quoted text or a block is text, and the header's comments are ours."""
    text = _valid_text(saved).replace(GOOD, "body: |-\n    # a heading\n    and a #tag")
    text = text.replace("passage: qa-1.p1", "passage: 'qa-1.p1' ", 1)  # not as we write it
    notes = _reopen_with(seed, data_dir, saved, text.encode())
    assert notes.read_only is None, notes.read_only
    assert [i.record.body for i in notes.notes()] == ["# a heading\nand a #tag"]


def test_non_utf8(seed: Document, data_dir: Path, saved: DocumentNotes) -> None:
    content = (
        _valid_text(saved).replace("a good note", "caf\udce9", 1).encode("utf-8", "surrogateescape")
    )
    notes = _reopen_with(seed, data_dir, saved, content)
    assert notes.read_only is not None and "UTF-8" in notes.read_only
    assert saved.file.read_bytes() == content


def test_a_corrupt_file_shows_the_backup_read_only(
    seed: Document, data_dir: Path, saved: DocumentNotes
) -> None:
    saved.add_note("qa-1.p2", "second")
    saved.save()  # the first version is now the backup
    notes = _reopen_with(seed, data_dir, saved, b"garbage: [")
    backup = saved.file.with_name(saved.file.name + ".bak")
    assert notes.read_only is not None
    assert f"the notes shown are those of its backup {backup}" in notes.read_only
    assert [i.record.body for i in notes.notes()] == ["a good note"]
    assert not notes.unavailable


def test_a_corrupt_file_without_a_usable_backup_shows_nothing_and_says_so(
    seed: Document, data_dir: Path, saved: DocumentNotes
) -> None:
    saved.file.with_name(saved.file.name + ".bak").unlink(missing_ok=True)
    notes = _reopen_with(seed, data_dir, saved, b"garbage: [")
    assert notes.notes() == [] and notes.unavailable
    assert notes.read_only is not None and "no notes can be shown" in notes.read_only


def test_one_copy_aside_per_distinct_content(
    seed: Document, data_dir: Path, saved: DocumentNotes
) -> None:
    for _ in range(5):
        _reopen_with(seed, data_dir, saved, b"garbage: [")
    copies = list((data_dir / "documents").glob("*.corrupt-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == b"garbage: ["
    _reopen_with(seed, data_dir, saved, b"other garbage: [")
    contents = {p.read_bytes() for p in (data_dir / "documents").glob("*.corrupt-*")}
    assert contents == {b"garbage: [", b"other garbage: ["}


def test_a_file_broken_during_a_session_does_not_lose_its_notes(
    seed: Document, data_dir: Path, saved: DocumentNotes
) -> None:
    """The save cannot merge into a file someone broke meanwhile: the session's notes stay
    in memory and are written to a copy beside it, which the message names."""
    session = NotesStore(data_dir).open(seed)
    typed = session.add_note("qa-3.p1", "typed while the file was broken")
    saved.file.write_bytes(b"garbage: [")
    with pytest.raises(StoreError, match="unsaved") as failure:
        session.save()
    assert session.get(typed.id) is not None  # still there
    assert [i.record.body for i in session.notes()] == ["a good note", typed.body]
    [copy] = (data_dir / "documents").glob("*.unsaved-*")
    assert str(copy) in str(failure.value)
    kept = load(copy.read_bytes())
    assert kept.records[typed.id].body == typed.body


def test_newer_schema_is_not_shown(seed: Document, data_dir: Path, saved: DocumentNotes) -> None:
    content = _valid_text(saved).replace("schema: 1", "schema: 99").encode()
    notes = _reopen_with(seed, data_dir, saved, content)
    assert notes.read_only is not None
    assert "newer tuireader" in notes.read_only and "schema 99" in notes.read_only
    # The message says what happens: no notes are shown (it used to say "can only be read").
    assert "not shown" in notes.read_only and "can only be read" not in notes.read_only
    assert notes.notes() == [] and notes.unavailable
    with pytest.raises(StoreError):
        notes.add_note("qa-3.p1", "refused")
    assert saved.file.read_bytes() == content
    assert not list((data_dir / "documents").glob("*.corrupt-*"))


def test_hand_edits_that_are_valid_are_taken(
    seed: Document, data_dir: Path, saved: DocumentNotes
) -> None:
    [original] = (i.record for i in saved.notes())
    text = _valid_text(saved).replace(GOOD, "body: 'edited: by hand'")
    text = text.replace('created: "', "created: ", 1)
    first_created = text.split("created: ")[1].split("\n")[0]
    text = text.replace(first_created, first_created.rstrip('"').replace("T", " ").rstrip("Z"), 1)
    assert f'created: "{original.created}"' not in text  # an unquoted timestamp now
    notes = _reopen_with(seed, data_dir, saved, text.encode())
    assert notes.read_only is None, notes.read_only
    assert [i.record.body for i in notes.notes()] == ["edited: by hand"]
    # Saving again writes the canonical form, and keeps what was edited by hand.
    added = notes.add_note("qa-2.p2", "more")
    assert notes.save().saved
    rewritten = saved.file.read_bytes()
    assert rewritten != text.encode() and dump(load(rewritten)) == rewritten
    assert saved.file.with_name(saved.file.name + ".bak").read_bytes() == text.encode()
    notes.cache_file.unlink()  # read the rewritten file itself
    again = NotesStore(data_dir).open(seed)
    assert again.read_only is None, again.read_only
    by_hand = again.get(original.id)
    assert by_hand is not None and by_hand.body == "edited: by hand"
    assert by_hand.created == original.created  # the unquoted time, read back the same
    assert {i.record.id for i in again.notes()} == {original.id, added.id}
