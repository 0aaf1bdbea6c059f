"""Notes, bookmarks, the reading position and the editor draft, as the reader uses them.

Mixed into :class:`~tuireader.ui.app.ReaderApp`: the keys ``a`` (note), ``m`` (bookmark),
``v`` (notes shown inline), ``A`` and ``M`` (the lists), and the messages the note editor
and the lists post. The app is the only place that changes the store; every store error
becomes one notification, the edit stays pending and saving is retried.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.content import Content
from textual.timer import Timer

from tuireader.navigation import Navigator, Position
from tuireader.store import DocumentNotes, Status, StoreError
from tuireader.text import make_controls_visible
from tuireader.ui.annotations import Annotations
from tuireader.ui.messages import ConfirmPlaceRequested, DeleteRequested, DraftChanged
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from tuireader.ui.screens.note_editor import NoteEdit

# The dialogs are imported when first opened: the reader starts without their widgets.

#: Seconds after the last move before the reading position is written.
POSITION_DELAY = 2.0
#: How often another session's notes are looked for (a stat() when nothing changed).
POLL_EVERY = 2.0


class NotesActions(App[int]):
    """See the module docstring. ReaderApp provides the attributes declared here."""

    notes: DocumentNotes | None
    annotations: Annotations
    navigator: Navigator
    position: Position | None
    _position_timer: Timer | None = None
    _last_error: str | None = None
    _editing: tuple[str, str | None] | None = None  # passage id, note id

    def _go(self, position: Position, *, force: bool = False) -> None:
        raise NotImplementedError  # ReaderApp moves

    # Start, stop, save ---------------------------------------------------------------

    def start_notes(self) -> None:
        if self.notes is None:
            return
        for warning in self.notes.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=12)
        self.set_interval(POLL_EVERY, self._poll_notes)
        if self.notes.draft is not None and not self.notes.read_only:
            self.call_after_refresh(self._offer_draft)

    def save_notes(self) -> bool:
        """Write pending changes; on failure say why once and keep them for a retry."""
        if self.notes is None or not self.notes.pending or self.notes.read_only:
            return True
        try:
            result = self.notes.save()
        except StoreError as error:
            message = str(error)
            if message != self._last_error:
                self.notify(
                    message, title="Notes not saved", severity="error", markup=False, timeout=12
                )
            self._last_error = message
            return False
        if self._last_error is not None:
            self.notify("Your notes are saved now.", markup=False, timeout=4)
        self._last_error = None
        for message in result.messages:
            self.notify(message, severity="warning", markup=False, timeout=10)
        return True

    def _poll_notes(self) -> None:
        if self.notes is None:
            return
        if self._last_error is not None:
            self.save_notes()  # retry what failed
        if self.notes.refresh():
            self.refresh_marks()

    def refresh_marks(self) -> None:
        """Redraw markers, tree flags and an open list after the notes changed."""
        self.annotations.rebuild()
        pane = self.query_one(ReadingPane)
        if pane.section is not None:
            pane.set_marks(
                self.annotations.marks_for(pane.section),
                self.annotations.section_bookmarked(pane.section.id),
            )
        self.query_one(SectionTree).set_bookmarked(self.annotations.bookmarked_sections())
        from tuireader.ui.screens.annotation_list import AnnotationList

        for screen in self.screen_stack:
            if isinstance(screen, AnnotationList):
                screen.set_rows(self.annotations.rows(screen.kind))

    def remember_position(self) -> None:
        passage = self.current_passage_id()
        if self.notes is None or passage is None:
            return
        self.notes.set_position(passage)
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self.save_notes)

    async def action_quit(self) -> None:
        self.save_notes()
        self.exit(0)

    def current_passage_id(self) -> str | None:
        if self.position is None:
            return None
        section = self.navigator.section(self.position)
        return section.passages[self.position.passage].id

    def _usable(self) -> DocumentNotes | None:
        if self.notes is None:
            self.notify("Notes open once the whole document is read: a moment.", markup=False)
            return None
        if self.notes.read_only:
            self.notify(self.notes.read_only, severity="warning", markup=False, timeout=10)
            return None
        return self.notes

    # Notes ----------------------------------------------------------------------------

    def action_edit_note(self) -> None:
        passage = self.current_passage_id()
        if passage is None or self._usable() is None:
            return
        item = self.annotations.note_on(passage)
        body = item.record.body if item else ""
        self._open_editor(passage, item.record.id if item else None, body, body)

    def _open_editor(self, passage: str, note_id: str | None, body: str, original: str) -> None:
        from tuireader.ui.screens.note_editor import NoteEditor

        found = self.navigator.document.passage(passage)
        quote = found[1].text if found else ""
        self._editing = (passage, note_id)
        # Control characters (only a CLI-added note can hold them) would reach the terminal
        # through the text area: edit them as visible symbols instead.
        body, original = make_controls_visible(body), make_controls_visible(original)
        editor = NoteEditor(
            self.annotations.describe(passage),
            quote,
            body,
            existing=note_id is not None,
            original=original,
        )
        self.push_screen(editor, self._note_edited)

    def _note_edited(self, result: NoteEdit | None) -> None:
        notes, editing = self.notes, self._editing
        self._editing = None
        if notes is None or editing is None:
            return
        passage, note_id = editing
        try:
            if result is not None and result.action == "delete" and note_id:
                notes.delete(note_id)
                self.notify("Note deleted.", markup=False, timeout=3)
            elif result is not None and note_id:
                notes.edit_note(note_id, result.body)
            elif result is not None:
                notes.add_note(passage, result.body)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False, timeout=10)
        notes.clear_draft()
        self.save_notes()
        self.refresh_marks()

    @on(DraftChanged)
    def _draft_typed(self, event: DraftChanged) -> None:
        if self.notes is None or self._editing is None:
            return
        passage, note_id = self._editing
        self.notes.set_draft(passage, event.body, note_id)
        self.save_notes()

    def _offer_draft(self) -> None:
        notes = self.notes
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
            (draft.body[:300], "italic"),
            "\n\nRestore it?",
        )

        def answered(restore: bool | None) -> None:
            if not restore:
                notes.clear_draft()
                self.save_notes()
                return
            target = self.navigator.position_of_passage(draft.target)
            if target is not None:
                self._go(target)
            existing = notes.get(draft.note_id) if draft.note_id else None
            self._open_editor(
                draft.target,
                existing.id if existing else None,
                draft.body,
                existing.body if existing else "",
            )

        from tuireader.ui.screens.confirm import ConfirmScreen

        self.push_screen(ConfirmScreen(question, yes="Restore", no="Discard"), answered)

    def action_toggle_inline_notes(self) -> None:
        pane = self.query_one(ReadingPane)
        pane.show_notes = not pane.show_notes
        shown = "shown under their passages" if pane.show_notes else "hidden (✎ marks them)"
        self.notify("Notes " + shown + ".", markup=False, timeout=2)

    # Bookmarks ------------------------------------------------------------------------

    def action_toggle_bookmark(self) -> None:
        passage = self.current_passage_id()
        notes = self._usable()
        if passage is None or notes is None:
            return
        item = self.annotations.bookmark_on(passage)
        if item is not None:
            notes.delete(item.record.id)
            self.notify("Bookmark removed.", markup=False, timeout=2)
        else:
            notes.add_bookmark(passage)
            self.notify("Bookmarked.", markup=False, timeout=2)
        self.save_notes()
        self.refresh_marks()

    # The lists ------------------------------------------------------------------------

    def action_list_notes(self) -> None:
        from tuireader.ui.screens.annotation_list import AnnotationList

        self.push_screen(AnnotationList("note", self.annotations.rows("note")), self._jump_to)

    def action_list_bookmarks(self) -> None:
        from tuireader.ui.screens.annotation_list import AnnotationList

        self.push_screen(
            AnnotationList("bookmark", self.annotations.rows("bookmark")), self._jump_to
        )

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
        if item.status is Status.ORPHANED:
            self.notify("Its passage is no longer in this document.", markup=False)
            return
        target = self.navigator.position_of_passage(item.target) or self.navigator.position_of(
            item.target
        )
        if target is not None:
            self.call_after_refresh(self._go, target)  # once the reader's screen is back

    @on(DeleteRequested)
    def _delete_listed(self, event: DeleteRequested) -> None:
        self._change_listed(lambda notes: notes.delete(event.record_id))

    @on(ConfirmPlaceRequested)
    def _confirm_listed(self, event: ConfirmPlaceRequested) -> None:
        self._change_listed(lambda notes: notes.confirm_place(event.record_id))

    def _change_listed(self, change: Callable[[DocumentNotes], object]) -> None:
        """Apply a change asked for from a list, save, and redraw (the list included)."""
        notes = self._usable()
        if notes is None:
            return
        try:
            change(notes)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
        self.save_notes()
        self.refresh_marks()
