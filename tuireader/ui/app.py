"""ReaderApp: the section tree, the reading pane, and the keys that move between answers.

The app owns where the reader is (a :class:`~tuireader.navigation.Position`); widgets post
messages and the app moves. Every binding has an id so a keymap can change it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tuireader.model import Document
from tuireader.navigation import Navigator, Position
from tuireader.store import DocumentNotes
from tuireader.ui.annotations import Annotations
from tuireader.ui.commands import NotesCommands, SectionCommands
from tuireader.ui.notes_actions import NotesActions
from tuireader.ui.search_actions import SearchActions
from tuireader.ui.widgets.key_bar import KeyBar
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.section_tree import SectionTree

#: Below this width the tree is hidden and `t` shows it over the text.
NARROW = 70


class ReaderApp(SearchActions, NotesActions, App[int]):
    """A terminal reader for transcripts."""

    CSS_PATH = "reader.tcss"
    TITLE = "tuireader"
    COMMANDS = App.COMMANDS | {SectionCommands, NotesCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("n", "next_answer", "Next answer", id="next-answer"),
        Binding("p", "previous_answer", "Prev answer", show=False, id="previous-answer"),
        Binding(
            "right_square_bracket",
            "next_section",
            "Next section",
            show=False,
            key_display="]",
            id="next-section",
        ),
        Binding(
            "left_square_bracket",
            "previous_section",
            "Prev section",
            show=False,
            key_display="[",
            id="previous-section",
        ),
        Binding("j,down", "next_passage", "Next passage", show=False, id="next-passage"),
        Binding("k,up", "previous_passage", "Prev passage", show=False, id="previous-passage"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page-up"),
        Binding("g,home", "first_passage", "First passage", show=False, id="first-passage"),
        Binding("G,end", "last_passage", "Last passage", show=False, id="last-passage"),
        Binding("tab", "switch_focus", "Tree/text", show=False, id="switch-focus"),
        Binding("t", "toggle_tree", "Tree", id="toggle-tree"),
        Binding("a", "edit_note", "Note", id="edit-note"),
        Binding("m", "toggle_bookmark", "Bookmark", id="toggle-bookmark"),
        Binding("v", "toggle_inline_notes", "Show notes", show=False, id="inline-notes"),
        Binding("A", "list_notes", "All notes", show=False, id="list-notes"),
        Binding("M", "list_bookmarks", "All bookmarks", show=False, id="list-bookmarks"),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        Binding(
            "full_stop", "next_hit", "Next match", show=False, key_display=".", id="next-match"
        ),
        Binding(
            "comma", "previous_hit", "Prev match", show=False, key_display=",", id="previous-match"
        ),
        Binding("escape", "end_search", "End search", show=False, id="end-search"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        document: Document,
        *,
        path: Path | None = None,
        notes: DocumentNotes | None = None,
        rest: Callable[[], tuple[Document, DocumentNotes | None]] | None = None,
    ) -> None:
        super().__init__()
        self._rest = rest
        self._hits = []
        self._hit_order = []
        self.document = document
        self.path = path
        self.navigator = Navigator(document)
        self.notes = notes
        self.annotations = Annotations(notes, self.navigator)
        self.position: Position | None = self._start_position()
        self._tree_hidden = False

    def _start_position(self) -> Position | None:
        """Where you left off (kept in the notes store), else the start."""
        saved = self.notes.position if self.notes is not None else None
        if saved:
            found = self.navigator.position_of_passage(saved)
            if found is not None:
                return found
        return self.navigator.first()

    # Screen -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(Content(self.document.title), id="title")
        with Horizontal(id="body"):
            yield SectionTree(id="tree")
            yield ReadingPane(id="pane")
        yield Static(id="status")
        yield KeyBar(self.BINDINGS, id="keys")

    def on_mount(self) -> None:
        self.title = self.document.title
        pane = self.query_one(ReadingPane)
        pane.focus()
        self._apply_width()
        # The text first; the tree is filled right after the first frame.
        self.call_after_refresh(self._load_tree)
        if self._rest is not None:
            # After the first frame: a thread parsing megabytes would hold the GIL meanwhile.
            self.call_after_refresh(
                self.run_worker, self._read_the_rest, thread=True, exit_on_error=False
            )
        if self.position is None:
            self.query_one("#status", Static).update(Content("This document has no text."))
        else:
            self._go(self.position, force=True)
        for warning in self.document.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        if self._rest is None:
            self.start_notes()
            self.call_after_refresh(_freeze_long_lived)

    def _read_the_rest(self) -> None:
        """In a thread: the whole document and its notes, then handed to the app."""
        assert self._rest is not None
        try:
            document, notes = self._rest()
        except Exception as error:  # the file vanished or changed under us: say so, keep reading
            message = str(error) or type(error).__name__
            self.call_from_thread(
                self.notify,
                f"Could not read the whole document: {message}",
                severity="error",
                markup=False,
                timeout=12,
            )
            return
        self.call_from_thread(self._whole_document, document, notes)

    def _whole_document(self, document: Document, notes: DocumentNotes | None) -> None:
        """Swap the preview for the whole document, keeping the reader's place."""
        start = self.navigator.first()
        where = None
        if self.position is not None:
            where = (self.navigator.section(self.position).id, self.position.passage)
        self.document = document
        self.navigator = Navigator(document)
        self.notes = notes
        self.annotations = Annotations(notes, self.navigator)
        position = None
        if where is not None and self.position != start:  # the reader moved: stay there
            position = self.navigator.position_of(*where)
        self.position = position or self._start_position()
        self._load_tree()
        if self.position is not None:
            self._go(self.position, force=True)
        for warning in document.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        self.start_notes()
        _freeze_long_lived()

    def _load_tree(self) -> None:
        tree = self.query_one(SectionTree)
        tree.load(self.document, self.navigator)
        tree.set_bookmarked(self.annotations.bookmarked_sections())
        if self.position is not None:
            tree.follow(self.navigator.section(self.position).id)

    @on(ReadingPane.Resized)
    def _keep_focus_visible(self) -> None:
        """Hide the tree on a narrow terminal (it must not keep the keyboard then)."""
        self._apply_width()
        tree = self.query_one(SectionTree)
        if (self.narrow or self._tree_hidden) and tree.has_focus:
            self.query_one(ReadingPane).focus()

    # Moving -------------------------------------------------------------------------

    def _go(self, position: Position, *, force: bool = False) -> None:
        pane = self.query_one(ReadingPane)
        section = self.navigator.section(position)
        if force or pane.section is not section:
            pane.show(
                section,
                self._heading(position),
                position.passage,
                self.annotations.marks_for(section),
                self.annotations.section_bookmarked(section.id),
            )
            self.query_one(SectionTree).follow(section.id)
        else:
            pane.set_current(position.passage)
        self.position = position
        self._update_status()
        self.remember_position()

    def _heading(self, position: Position) -> str:
        section = self.navigator.section(position)
        name = self.navigator.short_name(section)
        if name == section.title:
            return section.title
        return f"{name} · {section.title}"

    def _update_status(self) -> None:
        if self.position is None:
            return
        self.query_one("#status", Static).update(Content(self.navigator.describe(self.position)))

    def _move(self, target: Position | None, nowhere: str) -> None:
        if target is None:
            if self.document.partial:
                nowhere = "Still reading the rest of the document; try again in a moment."
            self.notify(nowhere, timeout=3, markup=False)
            return
        self._go(target)

    def action_next_answer(self) -> None:
        self._answer(+1)

    def action_previous_answer(self) -> None:
        self._answer(-1)

    def _answer(self, step: int) -> None:
        if self.position is None:
            return
        if self.navigator.question_count == 0:
            key, where = ("]", "next") if step > 0 else ("[", "previous")
            self.notify(
                f"This document has no questions; {key} goes to the {where} section.",
                timeout=3,
                markup=False,
            )
            return
        if step > 0:
            self._move(self.navigator.next_answer(self.position), "This is the last answer.")
        else:
            self._move(self.navigator.previous_answer(self.position), "This is the first answer.")

    def action_next_section(self) -> None:
        if self.position is not None:
            self._move(self.navigator.next_section(self.position), "This is the last section.")

    def action_previous_section(self) -> None:
        if self.position is not None:
            self._move(self.navigator.previous_section(self.position), "This is the first section.")

    def action_next_passage(self) -> None:
        if self.position is not None:
            self._move(
                self.navigator.next_passage(self.position), "This is the end of the document."
            )

    def action_previous_passage(self) -> None:
        if self.position is not None:
            self._move(
                self.navigator.previous_passage(self.position), "This is the start of the document."
            )

    def action_first_passage(self) -> None:
        if self.position is not None:
            self._go(self.navigator.first_passage(self.position))

    def action_last_passage(self) -> None:
        if self.position is not None:
            self._go(self.navigator.last_passage(self.position))

    def action_page_down(self) -> None:
        pane = self.query_one(ReadingPane)
        if self.position is None:
            return
        if pane.at_bottom:
            self._move(
                self.navigator.next_section(self.position), "This is the end of the document."
            )
        else:
            pane.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        pane = self.query_one(ReadingPane)
        if self.position is None:
            return
        if pane.at_top:
            target = self.navigator.previous_section(self.position)
            if target is not None:
                target = self.navigator.last_passage(target)
            self._move(target, "This is the start of the document.")
        else:
            pane.scroll_page_up(animate=False)

    @on(ReadingPane.CurrentChanged)
    def _pane_moved(self, event: ReadingPane.CurrentChanged) -> None:
        if (
            self.position is not None
            and self.navigator.section(self.position).id == event.section_id
        ):
            self.position = Position(self.position.section, event.passage)
            self._update_status()
            self.remember_position()

    @on(SectionTree.SectionChosen)
    def _tree_chose(self, event: SectionTree.SectionChosen) -> None:
        self.open_section(event.section_id)
        self.query_one(ReadingPane).focus()

    def open_section(self, section_id: str) -> None:
        """Go to a section by id (its first passage); used by the tree and the palette."""
        target = self.navigator.position_of(section_id)
        if target is not None:
            self._go(target)

    # Tree and focus -----------------------------------------------------------------

    @property
    def narrow(self) -> bool:
        return self.size.width < NARROW

    def _apply_width(self) -> None:
        # A class only when narrow: a class that changes makes Textual restyle every widget,
        # which a breakpoint class would do at every start.
        self.screen.set_class(self.narrow, "-narrow")

    def action_toggle_tree(self) -> None:
        if self.narrow:
            from tuireader.ui.screens.picker import SectionPicker

            current = self.navigator.section(self.position).id if self.position else None
            self.push_screen(SectionPicker(self.document, self.navigator, current), self._picked)
            return
        self._tree_hidden = not self._tree_hidden
        self.screen.set_class(self._tree_hidden, "-hide-tree")
        if self._tree_hidden:
            self.query_one(ReadingPane).focus()

    def _picked(self, section_id: str | None) -> None:
        if section_id:
            self.open_section(section_id)

    def action_switch_focus(self) -> None:
        tree = self.query_one(SectionTree)
        pane = self.query_one(ReadingPane)
        if tree.has_focus or self.narrow or self._tree_hidden:
            pane.focus()
        else:
            tree.focus()

    def action_help(self) -> None:
        from tuireader.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.BINDINGS))


def _freeze_long_lived() -> None:
    """Keep the garbage collector off the document's objects (tens of thousands on a big
    file): freeze what exists now, as it lives as long as the app, and collect the young
    generation less often. Measured: with CPython's default threshold (700) each collection
    during a key press cost more the bigger the document; at 20,000 the 10 MB document
    draws a section as fast as the 32 KB one."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def run_reader(
    document: Document,
    *,
    path: Path | None = None,
    notes: DocumentNotes | None = None,
    rest: Callable[[], tuple[Document, DocumentNotes | None]] | None = None,
) -> int:
    """Run the reader until the user quits; the process exit status.

    ``rest``, for a ``partial`` document, reads the whole document and opens its notes; it
    runs in a thread once the first screen is shown.
    """
    app = ReaderApp(document, path=path, notes=notes, rest=rest)
    result = app.run()
    return result if isinstance(result, int) else 0
