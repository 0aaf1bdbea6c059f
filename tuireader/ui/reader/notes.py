"""Notes, bookmarks, the reading position and the editor's draft, as the reader uses them.

The reader screen's keys ``a`` (note), ``m`` (bookmark), ``v`` (notes shown inline), ``A``
and ``M`` (the lists), and the messages the note editor and the lists post, end here.
This is the only place in the UI that changes the store; saving and what to say about it
is the headless :class:`~tuireader.store.saver.NoteSaver`: every failure becomes one
notification, the edit stays pending and saving is retried.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content
from textual.timer import Timer

from tuireader.annotations import Annotations, Listing
from tuireader.store import DocumentNotes, Item, Status, StoreError
from tuireader.store.saver import NoteSaver, SaveReport
from tuireader.terminal_text import restore_controls, terminal_safe
from tuireader.ui.messages import ChoiceMade

if TYPE_CHECKING:
    from tuireader.ui.reader.screen import ReaderScreen
    from tuireader.ui.screens.note_editor import NoteEdit

# The dialogs are imported when first opened: the reader starts without their widgets.

#: Seconds after the last move before the reading position is written.
POSITION_DELAY = 2.0
#: How often another session's notes are looked for (a stat() when nothing changed).
POLL_EVERY = 2.0


class NotesFlow:
    """The notes of the document a reader screen shows, and the dialogs that change them."""

    def __init__(self, screen: ReaderScreen, notes: DocumentNotes | None) -> None:
        self._screen = screen
        self._position_timer: Timer | None = None
        self._poll_timer: Timer | None = None
        #: What the editor is open on: passage id, note id, the note's text as stored.
        self._editing: tuple[str, str | None, str] | None = None
        self._quit_anyway = False
        self._saving = False
        self._save_again = False
        self.use(notes)

    def use(self, notes: DocumentNotes | None) -> None:
        """Work on these notes (None until a large document's notes are open)."""
        self.notes = notes
        self._saver = NoteSaver(notes) if notes is not None else None
        self.annotations = Annotations(notes, self._screen.navigator)

    # Start, stop, save ---------------------------------------------------------------

    def start(self) -> None:
        """Once the screen shows the document: warnings, polling, a draft to offer back."""
        notes, screen = self.notes, self._screen
        if notes is None:
            return
        for warning in notes.warnings:
            screen.notify(warning, severity="warning", markup=False, timeout=12)
        moved = self._moved_since_last_time()
        if moved:
            screen.notify(moved, severity="warning", markup=False, timeout=12)
        if self._poll_timer is None:
            self._poll_timer = screen.set_interval(POLL_EVERY, self._poll)
        if notes.draft is not None and not notes.read_only:
            screen.call_after_refresh(self._offer_draft)

    def _moved_since_last_time(self) -> str:
        """What changed for the notes when the document changed under them, once at start."""
        notes = self.notes
        if notes is None:
            return ""
        items = notes.notes() + notes.bookmarks()
        moved = sum(item.status is Status.APPROXIMATE for item in items)
        orphaned = sum(item.status is Status.ORPHANED for item in items)
        if not moved and not orphaned:
            return ""
        parts = []
        if moved:
            parts.append(f"{moved} found in a new place")
        if orphaned:
            parts.append(f"{orphaned} no longer in it")
        lists = f"{self._screen.key_for('list-notes')} and {self._screen.key_for('list-bookmarks')}"
        return (
            f"The document has changed. Of your notes and bookmarks, {' and '.join(parts)}: "
            f"{lists} list them."
        )

    def save(self) -> bool:
        """Write pending changes now (quitting); on failure say why (once) and keep them for
        a retry. True if nothing is left unsaved."""
        if self._saver is None:
            return True
        self._tell(self._saver.save())
        return not self._saver.failing

    def save_soon(self) -> None:
        """Write pending changes in a thread: with thousands of notes a save takes a third
        of a second, which the keys must not wait for. One save at a time; changes made
        meanwhile go in the next."""
        if self._saver is None or not self._saver.notes.pending:
            return
        if self._saving:
            self._save_again = True
            return
        self._saving = True
        saver = self._saver
        app = self._screen.app

        def in_thread() -> None:
            report = saver.save()
            app.call_from_thread(self._saved, saver, report)

        self._screen.run_worker(in_thread, thread=True, group="notes-save", exit_on_error=False)

    def _saved(self, saver: NoteSaver, report: SaveReport) -> None:
        self._saving = False
        if saver is self._saver:
            self._tell(report)
        if self._save_again:
            self._save_again = False
            self.save_soon()

    @property
    def saving(self) -> bool:
        """A save is running in its thread."""
        return self._saving

    def _tell(self, report: SaveReport) -> None:
        screen = self._screen
        if report.error is not None:
            screen.notify(
                report.error, title="Notes not saved", severity="error", markup=False, timeout=12
            )
        if report.recovered:
            screen.notify("Your notes are saved now.", markup=False, timeout=4)
        for message in report.warnings:
            screen.notify(message, severity="warning", markup=False, timeout=10)

    def ready_to_quit(self) -> bool:
        """Save before quitting. If that fails, say so: a second quit leaves anyway."""
        if self.save() or self._quit_anyway:
            return True
        self._quit_anyway = True
        key = self._screen.key_for("quit")
        self._screen.notify(
            f"Your notes could not be saved (see above); {key} again quits without them.",
            severity="error",
            markup=False,
            timeout=12,
        )
        return False

    def _poll(self) -> None:
        if self.notes is None:
            return
        if self._saving:
            return  # the notes are busy being written; look again at the next poll
        if self._saver is not None and self._saver.failing:
            self.save_soon()  # retry what failed
        elif self.notes.refresh():
            self.redraw_marks()

    def redraw_marks(self) -> None:
        """Redraw markers, tree flags and an open list after the notes changed."""
        screen = self._screen
        annotations = self.annotations
        annotations.rebuild()
        pane = screen.pane
        if pane.section is not None:
            pane.set_marks(
                annotations.marks_for(pane.section),
                annotations.section_bookmarked(pane.section.id),
            )
        screen.section_tree.set_marked(
            annotations.bookmarked_sections(), annotations.noted_sections()
        )
        from tuireader.ui.screens.annotation_list import AnnotationList

        for open_screen in screen.app.screen_stack:
            if isinstance(open_screen, AnnotationList):
                open_screen.set_rows(annotations.rows(open_screen.listing))

    def remember_position(self) -> None:
        passage = self._screen.current_passage_id()
        if self.notes is None or passage is None:
            return
        self.notes.set_position(passage)
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self._screen.set_timer(POSITION_DELAY, self.save_soon)

    def _usable(self) -> DocumentNotes | None:
        notes, screen = self.notes, self._screen
        if notes is None:
            screen.tell("Notes open once the whole document is read: a moment.")
            return None
        if notes.read_only:
            screen.notify(notes.read_only, severity="warning", markup=False, timeout=10)
            return None
        return notes

    # Notes ----------------------------------------------------------------------------

    def edit_note(self) -> None:
        """The note on the current passage in the editor; with several, ask which first."""
        passage = self._screen.current_passage_id()
        if passage is None or self._usable() is None:
            return
        notes = self.annotations.notes_on(passage)
        if len(notes) <= 1:
            self._edit(passage, notes[0] if notes else None)
            return
        from tuireader.ui.screens.note_choice import NEW, NoteChoice

        def chosen(note_id: str | None) -> None:
            if note_id is not None:
                found = [item for item in notes if item.record.id == note_id]
                self._edit(passage, found[0] if found and note_id != NEW else None)

        where = self.annotations.describe(passage)
        self._screen.app.push_screen(NoteChoice(where, notes), chosen)

    def _edit(self, passage: str, item: Item | None) -> None:
        body = item.record.body if item else ""
        self._open_editor(passage, item.record.id if item else None, body, body)

    def _open_editor(self, passage: str, note_id: str | None, body: str, original: str) -> None:
        from tuireader.ui.screens.note_editor import NoteEditor

        screen = self._screen
        found = screen.document.passage(passage)
        quote = found[1].text if found else ""
        self._editing = (passage, note_id, original)
        # Control characters (only a CLI-added note can hold them) would reach the terminal
        # through the text area: edit them as visible symbols instead (and put them back).
        body, original = (
            terminal_safe(body, multiline=True),
            terminal_safe(original, multiline=True),
        )
        editor = NoteEditor(
            self.annotations.describe(passage),
            quote,
            body,
            existing=note_id is not None,
            original=original,
        )
        screen.app.push_screen(editor, self._note_edited)

    def _note_edited(self, result: NoteEdit | None) -> None:
        from tuireader.ui.screens.note_editor import NoteAction

        notes, editing, screen = self.notes, self._editing, self._screen
        self._editing = None
        if notes is None or editing is None:
            return
        passage, note_id, original = editing
        body = restore_controls(result.body, original) if result is not None else ""
        try:
            if result is not None and result.action is NoteAction.DELETE and note_id:
                notes.delete(note_id)
                screen.tell("Note deleted.")
            elif result is not None and note_id:
                notes.edit_note(note_id, body)  # unchanged: the store leaves it alone
            elif result is not None:
                notes.add_note(passage, body)
        except StoreError as error:
            screen.notify(str(error), severity="error", markup=False, timeout=10)
        notes.clear_draft()
        self.save_soon()
        self.redraw_marks()

    def keep_draft(self, body: str) -> None:
        """The editor's text a moment after typing stopped: kept in case of a crash."""
        if self.notes is None or self._editing is None:
            return
        passage, note_id, original = self._editing
        self.notes.set_draft(passage, restore_controls(body, original), note_id)
        self.save_soon()

    def _offer_draft(self) -> None:
        notes, screen = self.notes, self._screen
        draft = notes.draft if notes else None
        if notes is None or draft is None:
            return
        try:
            when = dt.datetime.fromisoformat(draft.updated.replace("Z", "+00:00"))
            stamp = when.astimezone().strftime("%d %b %H:%M")
        except ValueError:
            stamp = draft.updated
        question = Content.assemble(
            "A note you were writing on ",
            (self.annotations.describe(draft.target), "bold"),
            f" ({stamp}) was not saved:\n\n",
            (terminal_safe(draft.body[:300], multiline=True), "italic"),
            "\n\nRestore it?",
        )

        def answered(restore: bool | None) -> None:
            if not restore:
                notes.clear_draft()
                self.save_soon()
                return
            screen.go_to_target(draft.target)
            existing = notes.get(draft.note_id) if draft.note_id else None
            self._open_editor(
                draft.target,
                existing.id if existing else None,
                draft.body,
                existing.body if existing else "",
            )

        from tuireader.ui.screens.confirm import ConfirmScreen

        screen.app.push_screen(
            ConfirmScreen(question, yes="Restore", no="Discard", focus_yes=True), answered
        )

    def toggle_inline_notes(self) -> None:
        pane = self._screen.pane
        pane.show_notes = not pane.show_notes
        shown = "shown under their passages" if pane.show_notes else "hidden (✎ marks them)"
        self._screen.tell("Notes " + shown + ".")
        remembered = "true" if pane.show_notes else "false"
        self._screen.post_message(ChoiceMade("inline-notes", remembered))

    # Bookmarks ------------------------------------------------------------------------

    def toggle_bookmark(self) -> None:
        screen = self._screen
        passage = screen.current_passage_id()
        notes = self._usable()
        if passage is None or notes is None:
            return
        marks = self.annotations.bookmarks_on(passage)
        if marks:  # all of them: two sessions may each have bookmarked it
            for item in marks:
                notes.delete(item.record.id)
            screen.tell("Bookmark removed.")
        else:
            notes.add_bookmark(passage)
            screen.tell("Bookmarked.")
        self.save_soon()
        self.redraw_marks()

    # The lists ------------------------------------------------------------------------

    def list_notes(self) -> None:
        self._open_list(Listing.NOTES)

    def list_bookmarks(self) -> None:
        self._open_list(Listing.BOOKMARKS)

    def _open_list(self, listing: Listing) -> None:
        from tuireader.ui.screens.annotation_list import AnnotationList

        screen = self._screen
        adds = screen.key_for("edit-note" if listing is Listing.NOTES else "toggle-bookmark")
        empty = f"No {listing.value} yet: {adds} adds one."
        rows = self.annotations.rows(listing)
        screen.app.push_screen(AnnotationList(listing, rows, empty=empty), self._jump_to)

    def _jump_to(self, record_id: str | None) -> None:
        if record_id is not None:
            self.jump_to_record(record_id)

    def jump_to_record(self, record_id: str) -> None:
        """Go to the passage of a note or bookmark (used by the lists and the palette)."""
        if self.notes is None:
            return
        items = {i.record.id: i for i in self.notes.notes() + self.notes.bookmarks()}
        item = items.get(record_id)
        if item is None:
            return
        screen = self._screen
        if item.status is Status.ORPHANED:
            screen.tell("Its passage is no longer in this document.")
            return
        # Once the reader's screen is back: scrolling a suspended screen does not stick.
        screen.call_after_refresh(screen.go_to_target, item.target)

    def delete_listed(self, record_id: str) -> None:
        self._change_listed(lambda notes: notes.delete(record_id))

    def confirm_listed(self, record_id: str) -> None:
        self._change_listed(lambda notes: notes.confirm_place(record_id))

    def _change_listed(self, change: Callable[[DocumentNotes], object]) -> None:
        """Apply a change asked for from a list, save, and redraw (the list included)."""
        notes = self._usable()
        if notes is None:
            return
        try:
            change(notes)
        except StoreError as error:
            self._screen.notify(str(error), severity="error", markup=False)
        self.save_soon()
        self.redraw_marks()
