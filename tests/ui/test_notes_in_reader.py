"""Notes and bookmarks in the reader: Pilot tests as a user would press the keys."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import OptionList, TextArea

from tests.helpers.reader import pane_text, shown_notices, until, where
from tuireader.model import Document
from tuireader.store import NotesStore
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.annotation_list import AnnotationList
from tuireader.ui.screens.confirm import ConfirmScreen
from tuireader.ui.screens.note_editor import NoteEditor
from tuireader.ui.widgets.pane_layout import NOTE_MARK
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.section_tree import SectionTree


def make(seed: Document, data_dir: Path) -> ReaderApp:
    return ReaderApp(seed, notes=NotesStore(data_dir).open(seed))


def saved_bodies(seed: Document, data_dir: Path) -> dict[str, str]:
    return {i.target: i.record.body for i in NotesStore(data_dir).open(seed).notes()}


async def test_add_edit_cancel_delete_a_note(seed: Document, tmp_path: Path) -> None:
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "j", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Check [/] this", "enter", *"second line", "ctrl+s")
        assert not isinstance(app.screen, NoteEditor)
        await app.workers.wait_for_complete()  # the save runs in a thread
        assert saved_bodies(seed, tmp_path) == {"qa-1.p2": "Check [/] this\nsecond line"}
        pane = app.query_one(ReadingPane)
        marks = pane.marks_at(1)
        assert marks is not None and marks.notes == ("Check [/] this\nsecond line",)
        # Edit: the editor opens prefilled.
        await pilot.press("a")
        assert app.screen.query_one(TextArea).text == "Check [/] this\nsecond line"
        await pilot.press("end", *" (edited)", "ctrl+s")
        await app.workers.wait_for_complete()  # the save runs in a thread
        assert saved_bodies(seed, tmp_path) == {"qa-1.p2": "Check [/] this\nsecond line (edited)"}
        # Cancel after typing asks first; "Keep editing" returns to the editor.
        await pilot.press("a", *"xyz", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape", "y")
        assert not isinstance(app.screen, (NoteEditor, ConfirmScreen))
        await app.workers.wait_for_complete()  # the save runs in a thread
        assert saved_bodies(seed, tmp_path) == {"qa-1.p2": "Check [/] this\nsecond line (edited)"}
        # Delete from the editor, with a confirmation.
        await pilot.press("a")
        await pilot.click("#delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await app.workers.wait_for_complete()  # the save runs in a thread
        assert saved_bodies(seed, tmp_path) == {}
        assert app.query_one(ReadingPane).marks_at(1) is None


async def test_cancel_without_changes_closes_at_once(seed: Document, tmp_path: Path) -> None:
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "escape")
        assert not isinstance(app.screen, (NoteEditor, ConfirmScreen))
        await app.workers.wait_for_complete()  # the save runs in a thread
        assert saved_bodies(seed, tmp_path) == {}


async def test_bookmark_toggle_marks_pane_and_tree(seed: Document, tmp_path: Path) -> None:
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n", "n", "j", "m")
        await app.workers.wait_for_complete()  # the save runs in a thread
        saved = NotesStore(tmp_path).open(seed).bookmarks()
        assert [m.target for m in saved] == ["qa-3.p2"]
        marks = app.query_one(ReadingPane).marks_at(1)
        assert marks is not None and marks.bookmarked
        tree = app.query_one(SectionTree)
        node = tree.node_for("qa-3")
        assert node is not None and str(node.label).startswith("★ ")
        await pilot.press("m")
        await app.workers.wait_for_complete()  # the save runs in a thread
        assert NotesStore(tmp_path).open(seed).bookmarks() == []
        assert not str(node.label).startswith("★")


async def test_inline_notes_toggle(seed: Document, tmp_path: Path) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("intro.p2", "An inline [bold]note[/bold]")
    notes.save()
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert f"{NOTE_MARK} An inline" not in pane_text(app)
        await pilot.press("v")
        assert f"{NOTE_MARK} An inline [bold]note[/bold]" in pane_text(app)
        await pilot.press("v")
        assert "An inline" not in pane_text(app)


async def test_notes_list_jump_and_delete(seed: Document, tmp_path: Path) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("qa-7.p3", "about Trump")
    notes.add_note("qa-3.p2", "about Douma")
    notes.save()
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("A")
        screen = app.screen
        assert isinstance(screen, AnnotationList)
        options = screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts[0].startswith("Q3 · ") and "about Douma" in prompts[1]
        assert prompts[2].startswith("Q7 · ") and "about Trump" in prompts[3]
        await pilot.press("down", "enter")  # the second note: qa-7.p3
        assert where(app) == ("qa-7", 2)
        await pilot.press("A", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert isinstance(app.screen, AnnotationList)
        await app.workers.wait_for_complete()  # the save runs in a thread
        assert list(saved_bodies(seed, tmp_path).values()) == ["about Trump"]


async def test_bookmarks_list_jump(seed: Document, tmp_path: Path) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_bookmark("qa-9.p2")
    notes.add_bookmark("speech")
    notes.save()
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("M")
        assert isinstance(app.screen, AnnotationList)
        await pilot.press("enter")
        assert where(app) == ("qa-9", 1)
        await pilot.press("M", "down", "enter")  # headings are skipped
        assert where(app) == ("speech", 0)


async def test_orphaned_note_is_listed(tmp_path: Path) -> None:
    from tuireader.load import open_document

    doc_path = tmp_path / "talk.txt"
    doc_path.write_text("Question: One?\n\nA: First answer here.\n")
    data_dir = tmp_path / "data"
    notes = NotesStore(data_dir).open(open_document(doc_path), doc_path)
    notes.add_note("qa-1.p2", "soon orphaned")
    notes.save()
    doc_path.write_text("Question: Something else?\n\nA: Entirely different words now.\n")
    document = open_document(doc_path)
    app = ReaderApp(document, notes=NotesStore(data_dir).open(document, doc_path))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("A")
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts[0].startswith("Orphaned")
        assert "soon orphaned" in prompts[1] and "orphaned" in prompts[1]
        assert "First answer here." in prompts[1]
        await pilot.press("enter")
        assert "no longer" in app.reader.message


async def test_position_is_restored_across_two_runs(seed: Document, tmp_path: Path) -> None:
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n", "n", "n", "j", "j", "q")
    again = make(seed, tmp_path)
    async with again.run_test(size=(100, 30)):
        assert where(again) == ("qa-4", 2)


async def test_other_sessions_notes_show_up(seed: Document, tmp_path: Path) -> None:
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        other = NotesStore(tmp_path).open(seed)
        other.add_note("qa-1.p3", "from another session")
        other.save()
        pane = app.query_one(ReadingPane)
        await until(pilot, lambda: pane.marks_at(2) is not None)  # the next poll saw it
        marks = pane.marks_at(2)
        assert marks is not None and marks.notes == ("from another session",)
        assert where(app) == ("qa-1", 0)  # undisturbed


async def test_store_errors_are_shown_and_retried(
    seed: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mp = monkeypatch
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:

        def broken(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        mp.setattr(os, "fsync", broken)
        await pilot.press("a", *"kept", "ctrl+s")
        assert any("disk is full" in n for n in await shown_notices(pilot))
        assert app.reader.notes is not None and app.reader.notes.pending
        assert app.is_running
        mp.undo()
        notes = app.reader.notes
        await until(pilot, lambda: not notes.pending)  # the retry
    assert saved_bodies(seed, tmp_path) == {"intro.p1": "kept"}


async def test_read_only_notes_refuse_edits_but_reading_goes_on(
    seed: Document, tmp_path: Path
) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("intro.p1", "fine")
    notes.save()
    notes.file.write_text("schema: [broken\n")
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("a")
        assert not isinstance(app.screen, NoteEditor)
        assert any("cannot be used" in n for n in await shown_notices(pilot))
        await pilot.press("n")
        assert where(app) == ("qa-1", 0)
    assert notes.file.read_text() == "schema: [broken\n"


async def test_draft_is_offered_back(seed: Document, tmp_path: Path) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.set_draft("qa-2.p1", "typed before the crash", None)
    notes.save()
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "typed before the crash"
        assert where(app) == ("qa-2", 0)
        await pilot.press("ctrl+s")
    again = NotesStore(tmp_path).open(seed)
    assert again.draft is None
    assert [i.record.body for i in again.notes()] == ["typed before the crash"]


async def test_enter_on_the_draft_question_restores_it(seed: Document, tmp_path: Path) -> None:
    """Enter answers the button the focus is on: Restore, the answer that loses nothing."""
    notes = NotesStore(tmp_path).open(seed)
    notes.set_draft("qa-2.p1", "typed before the crash", None)
    notes.save()
    app = make(seed, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "typed before the crash"


async def test_control_characters_in_a_note_never_reach_the_terminal(
    seed: Document, tmp_path: Path
) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("intro.p1", "evil \x1b]0;PWNED\x07 title \x9b31m")
    notes.save()
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        shown = pane_text(app)
        assert "\x1b" not in shown and "\x9b" not in shown and "␛]0;PWNED␇" in shown
        await pilot.press("a")
        assert "\x1b" not in app.screen.query_one(TextArea).text
        await pilot.press("escape")
        await pilot.press("A")
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert not any("\x1b" in p for p in prompts)


async def test_several_notes_on_one_passage_can_each_be_opened(
    seed: Document, tmp_path: Path
) -> None:
    from tuireader.ui.screens.note_choice import NoteChoice

    for body in ("first session's note", "second session's note"):
        other = NotesStore(tmp_path).open(seed)  # two sessions, one passage
        other.add_note("qa-1.p2", body)
        other.save()
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "j", "v")
        assert "first session's note" in pane_text(app)
        assert "second session's note" in pane_text(app)
        await pilot.press("a")
        assert isinstance(app.screen, NoteChoice)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts == ["1. first session's note", "2. second session's note", "+ A new note"]
        await pilot.press("down", "enter")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "second session's note"
        await pilot.press("end", *" (edited)", "ctrl+s")
        await pilot.press("a", "down", "down", "enter")  # a third one, new
        assert app.screen.query_one(TextArea).text == ""
        await pilot.press(*"third", "ctrl+s")
    assert sorted(saved_bodies_all(seed, tmp_path)) == [
        "first session's note",
        "second session's note (edited)",
        "third",
    ]


def saved_bodies_all(seed: Document, data_dir: Path) -> list[str]:
    return [i.record.body for i in NotesStore(data_dir).open(seed).notes()]


async def test_m_removes_every_bookmark_on_the_passage(seed: Document, tmp_path: Path) -> None:
    for _ in range(2):
        other = NotesStore(tmp_path).open(seed)
        other.add_bookmark("qa-3.p2")
        other.save()
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n", "n", "j")
        marks = app.query_one(ReadingPane).marks_at(1)
        assert marks is not None and marks.bookmarked
        await pilot.press("m")
        assert app.query_one(ReadingPane).marks_at(1) is None
        node = app.query_one(SectionTree).node_for("qa-3")
        assert node is not None and "★" not in str(node.label)
    assert NotesStore(tmp_path).open(seed).bookmarks() == []


async def test_the_tree_marks_sections_with_notes(seed: Document, tmp_path: Path) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("qa-5.p2", "a thought")
    notes.add_bookmark("qa-5.p3")
    notes.save()
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        node = app.query_one(SectionTree).node_for("qa-5")
        assert node is not None and str(node.label).startswith("★✎ Q5")
        other = app.query_one(SectionTree).node_for("qa-4")
        assert other is not None and str(other.label).startswith("Q4")


async def test_the_reading_position_is_saved_a_moment_after_moving(
    seed: Document, tmp_path: Path
) -> None:
    """Without q: a dropped SSH connection must not lose the place."""
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n", "n", "j")
        await until(pilot, lambda: NotesStore(tmp_path).open(seed).position == "qa-3.p2")
        assert app.is_running  # saved while reading, not on the way out


async def test_a_note_with_control_characters_saved_unchanged_keeps_them(
    seed: Document, tmp_path: Path
) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("intro.p1", "pasted from Windows\r\nsecond line \x85 end")
    notes.save()
    before = NotesStore(tmp_path).open(seed).notes()[0].record
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        shown = app.screen.query_one(TextArea).text
        assert "\r" not in shown and "␍" in shown  # edited as a visible symbol
        await pilot.press("ctrl+s")
        await pilot.press("a", "end", *" more", "ctrl+s")
    after = NotesStore(tmp_path).open(seed).notes()[0].record
    assert after.body.startswith("pasted from Windows\r\nsecond line ")
    assert after.body.endswith(" more") and "␍" not in after.body
    assert before.created == after.created


async def test_an_unchanged_note_is_not_rewritten(seed: Document, tmp_path: Path) -> None:
    notes = NotesStore(tmp_path).open(seed)
    notes.add_note("intro.p1", "a CR\r here")
    notes.save()
    updated = NotesStore(tmp_path).open(seed).notes()[0].record.updated
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "ctrl+s")
    record = NotesStore(tmp_path).open(seed).notes()[0].record
    assert record.body == "a CR\r here" and record.updated == updated


async def test_saving_runs_beside_the_keys_not_in_their_way(
    seed: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With thousands of notes a save takes a third of a second: never on the keys' thread."""
    import threading

    from tuireader.store.saver import NoteSaver

    threads: list[bool] = []
    original = NoteSaver.save

    def recorded(self: NoteSaver) -> object:
        threads.append(threading.current_thread() is threading.main_thread())
        return original(self)

    monkeypatch.setattr(NoteSaver, "save", recorded)
    app = make(seed, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "j", "m")
        await app.workers.wait_for_complete()
        assert threads and not any(threads)  # every save so far in a thread of its own
        assert [b.target for b in NotesStore(tmp_path).open(seed).bookmarks()] == ["qa-1.p2"]
