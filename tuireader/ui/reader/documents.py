"""``o``: the documents with notes or bookmarks, and reading another one.

The list and the opening are headless (:mod:`tuireader.library`); here the reader saves
its notes and place first (and stays if it cannot: nothing unsaved is left behind), then
a fresh :class:`ReaderScreen` for the chosen document replaces it, at that document's
last place. A large file opens with its start at once and the rest read in a thread, as
at start-up. The document is remembered as the one read last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tuireader.library import (
    Opened,
    available,
    counts,
    documents,
    local_time,
    open_entry,
    remember_last,
    where,
)
from tuireader.store import NotesStore
from tuireader.store.catalog import DocumentEntry
from tuireader.text import DocumentError

if TYPE_CHECKING:
    from tuireader.ui.reader.screen import ReaderScreen
    from tuireader.ui.screens.document_list import DocumentRow


def _row(entry: DocumentEntry, current_key: str | None) -> DocumentRow:
    from tuireader.ui.screens.document_list import DocumentRow

    return DocumentRow(
        entry.key,
        entry.title,
        where(entry),
        available(entry),
        counts(entry),
        local_time(entry.last_read),
        entry.key == current_key,
    )


class DocumentsFlow:
    """The document list of one reader screen, and the switch to another document."""

    def __init__(self, screen: ReaderScreen) -> None:
        self._screen = screen
        self._entries: dict[str, DocumentEntry] = {}

    def _store(self) -> NotesStore | None:
        notes = self._screen.notes
        return NotesStore(notes.store.root) if notes is not None else None

    def open_list(self) -> None:
        screen = self._screen
        store = self._store()
        if store is None:
            screen.tell("Your documents are listed once this one is read whole: a moment.")
            return
        screen.notes_flow.save()  # this document's notes as they are now, counted right
        entries, problems = documents(store)
        for problem in problems:
            screen.notify(problem, severity="warning", markup=False, timeout=12)
        self._entries = {e.key: e for e in entries}
        current = screen.notes.key if screen.notes is not None else None
        empty = (
            "No document has notes or bookmarks yet: "
            f"{screen.key_for('edit-note')} writes a note on the passage you are reading."
        )
        from tuireader.ui.screens.document_list import DocumentList

        # The one being read first; then the one read last, and so on.
        entries.sort(key=lambda e: e.key != current)
        rows = [_row(e, current) for e in entries]
        screen.app.push_screen(DocumentList(rows, empty=empty), self._chosen)

    def _chosen(self, key: str | None) -> None:
        # Called before the list is taken off the screen stack: switch once it is.
        if key is not None:
            self._screen.call_after_refresh(self._open, key)

    def _open(self, key: str) -> None:
        screen = self._screen
        entry = self._entries.get(key)
        store = self._store()
        if entry is None or store is None:
            return
        if screen.notes is not None and entry.key == screen.notes.key:
            screen.tell("You are reading it.")
            return
        screen.notes_flow.remember_position()
        if not screen.notes_flow.save():
            screen.notify(
                "Your notes on this document could not be saved (see above), so it stays "
                "open; try again once they are.",
                severity="error",
                markup=False,
                timeout=12,
            )
            return
        try:
            opened = open_entry(entry, store, preview=True)
        except DocumentError as error:
            screen.notify(str(error), severity="error", markup=False, timeout=12)
            return
        self.read(opened)

    def read(self, opened: Opened) -> None:
        """Put a reader for ``opened`` in place of this one."""
        from tuireader.ui.app import ReaderApp
        from tuireader.ui.reader.screen import ReaderScreen

        old = self._screen
        app = old.app
        reader = ReaderScreen(opened.document, path=opened.path, notes=opened.notes)
        reader.tree_panel.width = old.tree_panel.width
        problem = None
        if isinstance(app, ReaderApp):
            app.reader = reader  # what quitting (and ctrl+q) asks to save
            if app._choices is not None:
                problem = remember_last(app._choices, opened.document, opened.path)
        # switch_screen drops the replaced screen's result callback, and the app's first
        # screen (the default screen) was never given one: give it the one push_screen
        # gives (pinned to Textual 8.2, like ui/keys.py).
        if not old._result_callbacks:
            old._push_result_callback(old, None)
        app.switch_screen(reader)
        if problem:
            app.notify(problem, severity="warning", markup=False, timeout=10)
        if opened.rest is not None and isinstance(app, ReaderApp):  # as at start-up
            app.read_the_rest(reader, opened.rest)
