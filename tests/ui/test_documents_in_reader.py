"""`o` in the reader: every document with notes, and reading another one at its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import OptionList

from tests.helpers.reader import notices, pane_text, shown_notices, until, where
from tuireader.library import LAST_DOCUMENT
from tuireader.load import open_document
from tuireader.model import Document
from tuireader.store import DocumentNotes, NotesStore, StoreError
from tuireader.store.choices import RememberedChoices
from tuireader.ui.app import ReaderApp
from tuireader.ui.reader.screen import ReaderScreen
from tuireader.ui.screens.document_list import DocumentList

TALK = "---\ntitle: A talk\n---\nThe first paragraph.\n\nThe second paragraph.\n\nThe third.\n"


@pytest.fixture
def talk(tmp_path: Path) -> Path:
    """A document read before: a note on its second passage, left at its third."""
    path = tmp_path / "talk.txt"
    path.write_text(TALK)
    notes = NotesStore(tmp_path / "data").open(open_document(path), path)
    notes.add_note("part-1.p2", "On the second.")
    notes.set_position("part-1.p3")
    notes.save()
    return path


def _app(seed: Document, tmp_path: Path) -> ReaderApp:
    data = tmp_path / "data"
    notes = NotesStore(data).open(seed)
    notes.add_bookmark("qa-1.p1")
    notes.save()
    return ReaderApp(seed, notes=notes, choices=RememberedChoices(data))


def top(app: ReaderApp) -> Screen[object]:
    """The screen on top now (not narrowed by an earlier isinstance check)."""
    return app.screen


def _rows(app: ReaderApp) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_list_and_reading_another_document_at_its_place(
    seed: Document, tmp_path: Path, talk: Path
) -> None:
    app = _app(seed, tmp_path)
    async with app.run_test(size=(110, 32)) as pilot:
        first = app.reader
        await pilot.press("n", "j", "o")
        assert isinstance(app.screen, DocumentList)
        rows = _rows(app)
        assert len(rows) == 2
        assert rows[0].startswith("Foreign Minister")
        assert "0 notes · 1 bookmark · reading now" in rows[0]
        assert rows[1].startswith("A talk") and str(talk.resolve()) in rows[1]
        assert "1 note · 0 bookmarks · last read " in rows[1]
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen is not first)
        assert app.reader is top(app)
        assert app.reader.document.title == "A talk"
        assert where(app) == ("part-1", 2)  # where it was left
        assert "On the second." not in pane_text(app)  # notes hidden, but marked:
        marks = app.reader.pane.marks_at(1)
        assert marks is not None and marks.notes == ("On the second.",)
        # The first document's place was saved on the way.
        assert NotesStore(tmp_path / "data").open(seed).position == "qa-1.p2"
        assert RememberedChoices(tmp_path / "data").load()[0][LAST_DOCUMENT] == str(talk.resolve())
        # And back: `o`, the interview (now second: the one being read is first), enter.
        await pilot.press("o")
        assert _rows(app)[0].startswith("A talk") and "reading now" in _rows(app)[0]
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.reader.document.title == seed.title)
        assert where(app) == ("qa-1", 1)
        await pilot.press("q")
    assert app.return_value == 0


async def test_choosing_the_document_being_read_just_closes(seed: Document, tmp_path: Path) -> None:
    app = _app(seed, tmp_path)
    async with app.run_test(size=(110, 32)) as pilot:
        first = app.reader
        await pilot.press("o", "enter")
        assert app.screen is first and app.reader is first
        await pilot.press("o", "escape")
        assert app.screen is first


async def test_a_document_whose_file_is_gone_opens_from_its_notes_read_only(
    seed: Document, tmp_path: Path, talk: Path
) -> None:
    talk.unlink()
    app = _app(seed, tmp_path)
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        await pilot.press("o")
        row = _rows(app)[1]
        assert "✗ not found at" in row and "(moved or deleted): opens from your notes" in row
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.reader.document.title == "A talk (from your notes)")
        assert any("is no longer there" in n for n in await shown_notices(pilot))
        assert "The second paragraph." in pane_text(app)
        await pilot.press("a")  # a note cannot be written here
        assert isinstance(app.screen, ReaderScreen)
        assert any(
            "read-only because its file is no longer at" in n for n in await shown_notices(pilot)
        )
        await pilot.press("q")
    assert app.return_value == 0


async def test_when_the_notes_cannot_be_saved_the_document_stays_open(
    seed: Document, tmp_path: Path, talk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(seed, tmp_path)
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        first = app.reader

        def full_disk(self: DocumentNotes) -> None:
            raise StoreError("Could not save: the disk is full.")

        monkeypatch.setattr(DocumentNotes, "save", full_disk)
        await pilot.press("j", "o")  # moved: a position to save, which fails
        assert isinstance(app.screen, DocumentList)
        await pilot.press("down", "enter")
        await until(pilot, lambda: any("so it stays open" in n for n in notices(app)))
        assert app.reader is first and top(app) is first
        assert where(app) == ("intro", 1)


async def test_a_broken_notes_file_is_said_and_the_rest_listed(
    seed: Document, tmp_path: Path, talk: Path
) -> None:
    (tmp_path / "data" / "documents" / "broken.yaml").write_text("schema: [\n")
    app = _app(seed, tmp_path)
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        await pilot.press("o")
        assert len(_rows(app)) == 2
        assert any("broken.yaml" in n for n in await shown_notices(pilot))


async def test_no_documents_yet(seed: Document, tmp_path: Path) -> None:
    app = ReaderApp(seed, notes=NotesStore(tmp_path).open(seed))
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("o")
        [row] = _rows(app)
        assert row == (
            "No document has notes or bookmarks yet: a writes a note on the passage you are "
            "reading."
        )
        await pilot.press("enter")
        assert isinstance(app.screen, DocumentList)  # nothing to open


async def test_a_large_document_opens_at_once_and_is_read_whole_meanwhile(
    seed: Document, tmp_path: Path
) -> None:
    path = tmp_path / "long.txt"
    paragraphs = [f"Paragraph {i} of a long text, " + "with words " * 30 for i in range(1200)]
    path.write_text("---\ntitle: A long text\n---\n" + "\n\n".join(paragraphs) + "\n")
    assert path.stat().st_size > 256 * 1024  # a preview first (see load.PREVIEW_BYTES)
    whole = open_document(path)
    last = whole.readable()[-1]
    notes = NotesStore(tmp_path / "data").open(whole, path)
    notes.add_note(last.passages[-1].id, "At the very end.")
    notes.set_position(last.passages[-1].id)
    notes.save()
    app = _app(seed, tmp_path)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("o")
        assert _rows(app)[1].startswith("A long text")
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.reader.document.title == "A long text")
        await until(pilot, lambda: app.reader.notes is not None)  # read whole, notes open
        assert not app.reader.document.partial
        assert where(app) == (last.id, len(last.passages) - 1)  # its last place
