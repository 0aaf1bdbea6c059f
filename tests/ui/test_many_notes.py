"""With thousands of notes the reader opens at once where you were, and the notes follow."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.reader import until, where
from tuireader import cli, cli_reader
from tuireader.load import open_document
from tuireader.store import NotesStore


async def test_thousands_of_notes_are_read_after_the_first_frame(tmp_path: Path) -> None:
    document = open_document(None)
    data = tmp_path / "data"
    notes = NotesStore(data).open(document)
    passages = [p.id for s in document.walk() for p in s.passages]
    for number in range(3000):
        notes.add_note(passages[number % len(passages)], f"Note {number}: a thought")
    notes.set_position("qa-6.p2")
    notes.save()
    assert notes.file.stat().st_size > cli_reader.NOTES_READ_AFTER_START

    app = cli_reader.reader_app(cli.parse_args(["--data-dir", str(data)]))
    async with app.run_test(size=(100, 30)) as pilot:
        # The first frame: the right place, from the hint kept beside the notes file.
        assert where(app) == ("qa-6", 1)
        await until(pilot, lambda: app.reader.notes is not None)
        await pilot.pause()
        assert where(app) == ("qa-6", 1)  # not moved when the notes arrived
        assert len(app.reader.notes.notes()) == 3000  # type: ignore[union-attr]
        marks = app.reader.pane.marks_at(1)
        assert marks is not None and marks.notes  # their marks drawn once read
