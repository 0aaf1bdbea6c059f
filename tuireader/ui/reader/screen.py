"""The reader screen: the section tree, the reading pane, and the keys that move between
answers. It owns where the reader is (a :class:`~tuireader.navigation.Position`); widgets
post messages and the screen moves, asking the headless ``Navigator`` where each key goes.

Notes and search each have a helper of their own (:mod:`.notes`, :mod:`.search`) that the
screen's actions and message handlers call; they hold no state the screen needs.

Keys (every binding has an id, so a keymap can change it):

| key | binding id | what it does |
| :- | :- | :- |
| n / p | next-answer / previous-answer | next / previous question with its answer |
| ] / [ | next-section / previous-section | next / previous section of any kind |
| j ↓ / k ↑ | next-passage / previous-passage | next / previous passage (paragraph) |
| space PgDn / PgUp | page-down / page-up | a page down / up, on into the next section |
| g Home / G End | first-passage / last-passage | first / last passage of the section |
| tab | switch-focus | tree or text |
| t / esc | toggle-tree / close-tree | hide or show the tree (over the text when narrow) |
| a, m, v, A, M | edit-note, toggle-bookmark, inline-notes, list-notes, list-bookmarks | notes |
| / . , esc | search, next-match, previous-match, end-search | search |
| ? / q | help / quit | |
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from tuireader.annotations import Annotations
from tuireader.model import Document, Section
from tuireader.navigation import Navigator, Position
from tuireader.store import DocumentNotes
from tuireader.ui.commands import NotesCommands, SectionCommands
from tuireader.ui.messages import ConfirmPlaceRequested, DeleteRequested, DraftChanged
from tuireader.ui.reader.notes import NotesFlow
from tuireader.ui.reader.search import SEARCH_KEYS, SearchFlow
from tuireader.ui.widgets.key_bar import KeyBar
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.search_bar import SearchBar
from tuireader.ui.widgets.section_tree import SectionTree

#: Below this width the tree is hidden and `t` shows it over the text.
NARROW = 70
#: Seconds a message stays in the status line (the next one replaces it sooner).
MESSAGE_SECONDS = 4.0


class ReaderScreen(Screen[None]):
    """See the module docstring."""

    COMMANDS = {SectionCommands, NotesCommands}
    #: The text has the keyboard from the first frame (Textual would pick the tree).
    AUTO_FOCUS = "#pane"

    BINDINGS = [
        Binding("n", "next_answer", "Next answer", id="next-answer"),
        Binding("p", "previous_answer", "Prev answer", show=False, id="previous-answer"),
        Binding("right_square_bracket", "next_section", "Next section", False, id="next-section"),
        Binding(
            "left_square_bracket", "previous_section", "Prev section", False, id="previous-section"
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
        Binding("slash", "search", "Search", id="search"),
        # Shown (first) only while a search is on; see check_action.
        Binding("full_stop", "next_match", "Next match", id="next-match"),
        Binding("comma", "previous_match", "Prev match", id="previous-match"),
        Binding("escape", "close_tree", "Close the tree", show=False, id="close-tree"),
        Binding("escape", "end_search", "End search", id="end-search"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self, document: Document, *, path: Path | None = None, notes: DocumentNotes | None = None
    ) -> None:
        super().__init__()
        self.path = path
        self.document = document
        self.navigator = Navigator(document)
        self.notes_flow = NotesFlow(self, notes)
        self.search_flow = SearchFlow(self)
        self.position: Position | None = self._start_position()
        self._message = ""
        self._message_timer: Timer | None = None
        self._tree_hidden = False  # wide: hidden with t
        self._tree_over = False  # narrow: shown over the text with t

    @property
    def notes(self) -> DocumentNotes | None:
        return self.notes_flow.notes

    @property
    def annotations(self) -> Annotations:
        return self.notes_flow.annotations

    @property
    def location(self) -> tuple[str, int] | None:
        """Where the reader is: the section id and the passage's index in it."""
        if self.position is None:
            return None
        return self.navigator.section(self.position).id, self.position.passage

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
        yield KeyBar(lead=SEARCH_KEYS, offered=self._offered_key, id="keys")

    def on_mount(self) -> None:
        self.app.title = self.document.title
        self._apply_width()
        # In the first frame too: a lazy tree costs a few dozen nodes at any size.
        self._load_tree()
        if self.position is None:
            self.query_one("#status", Static).update(Content("This document has no text."))
        else:
            self.go(self.position, force=True)
        for warning in self.document.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        if not self.document.partial:
            self.notes_flow.start()

    def on_unmount(self) -> None:
        self.notes_flow.save()

    @property
    def pane(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def section_tree(self) -> SectionTree:
        return self.query_one("#tree", SectionTree)

    def take_whole_document(self, document: Document, notes: DocumentNotes | None) -> None:
        """Swap the preview of a large file for the whole document, keeping the place."""
        start = self.navigator.first()
        where = self.location
        self.document = document
        self.navigator = Navigator(document)
        self.notes_flow.use(notes)
        self.query_one(KeyBar).rebuild()  # the keys that suit it (questions or not)
        position = None
        if where is not None and self.position != start:  # the reader moved: stay there
            position = self.navigator.position_of(*where)
        self.position = position or self._start_position()
        self._load_tree()
        if self.position is not None:
            self.go(self.position, force=True)
        for warning in document.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        self.notes_flow.start()

    def _load_tree(self) -> None:
        tree = self.section_tree
        tree.load(self.document, self.navigator)
        tree.set_marked(self.annotations.bookmarked_sections(), self.annotations.noted_sections())
        if self.position is not None:
            tree.follow(self.navigator.section(self.position).id)

    @on(ReadingPane.Resized)
    def _keep_focus_visible(self) -> None:
        """Hide the tree on a narrow terminal (it must not keep the keyboard then)."""
        self._apply_width()
        if self.section_tree.has_focus and not self._tree_shown:
            self.pane.focus()

    # Moving -------------------------------------------------------------------------

    def go(self, position: Position, *, force: bool = False) -> None:
        """Show the passage at ``position`` (and its section, if another one)."""
        pane = self.pane
        section = self.navigator.section(position)
        if force or pane.section is not section:
            pane.show(
                section,
                self._heading(section),
                position.passage,
                self.annotations.marks_for(section),
                self.annotations.section_bookmarked(section.id),
            )
            self.section_tree.follow(section.id)
        else:
            pane.set_current(position.passage)
        self.position = position
        self._message = ""  # a move answers the last message ("This is the last answer.")
        self._update_status()
        self.notes_flow.remember_position()

    def go_to_target(self, target: str) -> bool:
        """Go to a passage id (``qa-3.p2``) or a section id; False if it is not here."""
        position = self.navigator.position_of_passage(target) or self.navigator.position_of(target)
        if position is None:
            return False
        self.go(position)
        return True

    def open_section(self, section_id: str) -> None:
        """Go to a section by id (its first passage); used by the tree and the palette."""
        target = self.navigator.position_of(section_id)
        if target is not None:
            self.go(target)

    def current_passage_id(self) -> str | None:
        if self.position is None:
            return None
        return self.navigator.section(self.position).passages[self.position.passage].id

    def _heading(self, section: Section) -> str:
        name = self.navigator.short_name(section)
        # A part's short name is its own title cut short: say it once.
        if name == section.title or section.title.startswith(name.rstrip("…")):
            return section.title
        return f"{name} · {section.title}"

    def _update_status(self) -> None:
        if self.position is None:
            return
        where = self.navigator.describe(self.position)
        if not self.document.partial:
            where += f" · {self.navigator.progress(self.position)}%"
        status = Content(where)
        if self._message:
            status = Content.assemble(status, "   ", (self._message, "bold"))
        self.query_one("#status", Static).update(status)

    def tell(self, message: str) -> None:
        """A short message in the status line; it replaces the one before (they never pile
        up) and goes after a few seconds. Warnings and errors are notifications instead."""
        self._message = message
        if self._message_timer is not None:
            self._message_timer.stop()
        self._message_timer = self.set_timer(MESSAGE_SECONDS, self._clear_message)
        self._update_status()

    def _clear_message(self) -> None:
        self._message = ""
        self._message_timer = None
        self._update_status()

    @property
    def message(self) -> str:
        """The message shown in the status line now, if any."""
        return self._message

    def _move(self, target: Position | None, nowhere: str) -> None:
        if target is None:
            if self.document.partial:
                nowhere = "Still reading the rest of the document; try again in a moment."
            self.tell(nowhere)
            return
        self.go(target)

    def action_next_answer(self) -> None:
        self._answer(+1)

    def action_previous_answer(self) -> None:
        self._answer(-1)

    def _answer(self, step: int) -> None:
        if self.position is None:
            return
        if self.navigator.question_count == 0:
            binding = "next-section" if step > 0 else "previous-section"
            where = "next" if step > 0 else "previous"
            key = self.key_for(binding)
            self.tell(f"This document has no questions; {key} goes to the {where} section.")
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
            target = self.navigator.next_passage(self.position)
            self._move(target, "This is the end of the document.")

    def action_previous_passage(self) -> None:
        if self.position is not None:
            target = self.navigator.previous_passage(self.position)
            self._move(target, "This is the start of the document.")

    def action_first_passage(self) -> None:
        if self.position is not None:
            self.go(self.navigator.first_passage(self.position))

    def action_last_passage(self) -> None:
        if self.position is not None:
            self.go(self.navigator.last_passage(self.position))

    def action_page_down(self) -> None:
        if self.position is None:
            return
        if self.pane.at_bottom:
            target = self.navigator.next_section(self.position)
            self._move(target, "This is the end of the document.")
        else:
            self.pane.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        if self.position is None:
            return
        if self.pane.at_top:
            target = self.navigator.previous_section(self.position)
            if target is not None:
                target = self.navigator.last_passage(target)
            self._move(target, "This is the start of the document.")
        else:
            self.pane.scroll_page_up(animate=False)

    @on(ReadingPane.CurrentChanged)
    def _pane_moved(self, event: ReadingPane.CurrentChanged) -> None:
        if self.location is not None and self.location[0] == event.section_id:
            assert self.position is not None
            self.position = Position(self.position.section, event.passage)
            self._update_status()
            self.notes_flow.remember_position()

    @on(SectionTree.SectionChosen)
    def _tree_chose(self, event: SectionTree.SectionChosen) -> None:
        self.open_section(event.section_id)
        self.action_close_tree()

    # Tree and focus -----------------------------------------------------------------

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW

    @property
    def _tree_shown(self) -> bool:
        """Beside the text (wide, not hidden with t), or over it (narrow, opened with t)."""
        return self._tree_over if self.narrow else not self._tree_hidden

    def _apply_width(self) -> None:
        # A class only when narrow: a class that changes makes Textual restyle every widget,
        # which a breakpoint class would do at every start.
        self.set_class(self.narrow, "-narrow")
        if not self.narrow and self._tree_over:  # widened: the side tree again
            self._tree_over = False
            self.remove_class("-tree-over")

    def action_toggle_tree(self) -> None:
        if self.narrow:
            self._tree_over = not self._tree_over
            self.set_class(self._tree_over, "-tree-over")
        else:
            self._tree_hidden = not self._tree_hidden
            self.set_class(self._tree_hidden, "-hide-tree")
        if self._tree_shown and self.narrow:
            self.section_tree.focus()
        elif not self._tree_shown:
            self.pane.focus()

    def action_close_tree(self) -> None:
        """Close the tree shown over the text (narrow terminals); the text has the keyboard."""
        if self._tree_over:
            self._tree_over = False
            self.remove_class("-tree-over")
        self.pane.focus()

    def action_switch_focus(self) -> None:
        if self.section_tree.has_focus or not self._tree_shown:
            self.pane.focus()
        else:
            self.section_tree.focus()

    # Keys, help, quitting -------------------------------------------------------------

    def _offered_key(self, binding_id: str) -> bool | None:
        """The key bar's choice for a document without questions: ] rather than n."""
        if self.navigator.question_count == 0:
            if binding_id == "next-answer":
                return False
            if binding_id == "next-section":
                return True
        return None

    def key_for(self, binding_id: str) -> str:
        """The name of the (first) key bound to ``binding_id`` now, as the key bar shows it."""
        from tuireader.ui.keys import key_rows

        for row in key_rows(self.app, self.BINDINGS):
            if row.binding_id == binding_id:
                return row.keys[0]
        return binding_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_match", "previous_match", "end_search"):
            return self.search_flow.active
        if action == "close_tree":
            return self._tree_over
        return super().check_action(action, parameters)

    def action_help(self) -> None:
        from tuireader.ui.screens.annotation_list import AnnotationList
        from tuireader.ui.screens.help import HelpScreen
        from tuireader.ui.screens.note_editor import NoteEditor
        from tuireader.ui.screens.search_results import SearchResults
        from tuireader.ui.widgets.search_bar import SearchInput

        groups = [
            ("Reading", [*self.BINDINGS, *self.app.BINDINGS]),
            ("In the tree", SectionTree.BINDINGS),
            ("In the search field", [*SearchInput.BINDINGS, *SearchBar.BINDINGS]),
            ("In the note editor", NoteEditor.BINDINGS),
            ("In the notes and bookmarks lists", AnnotationList.BINDINGS),
            ("In the list of matches", SearchResults.BINDINGS),
        ]
        self.app.push_screen(HelpScreen(groups))

    def action_quit(self) -> None:
        """Save, then quit; if saving fails, say so and quit only when asked again."""
        if self.notes_flow.ready_to_quit():
            self.app.exit(0)

    # Notes and bookmarks (see notes.py) -----------------------------------------------

    def action_edit_note(self) -> None:
        self.notes_flow.edit_note()

    def action_toggle_bookmark(self) -> None:
        self.notes_flow.toggle_bookmark()

    def action_toggle_inline_notes(self) -> None:
        self.notes_flow.toggle_inline_notes()

    def action_list_notes(self) -> None:
        self.notes_flow.list_notes()

    def action_list_bookmarks(self) -> None:
        self.notes_flow.list_bookmarks()

    @on(DraftChanged)
    def _draft_typed(self, event: DraftChanged) -> None:
        self.notes_flow.keep_draft(event.body)

    @on(DeleteRequested)
    def _delete_listed(self, event: DeleteRequested) -> None:
        self.notes_flow.delete_listed(event.record_id)

    @on(ConfirmPlaceRequested)
    def _confirm_listed(self, event: ConfirmPlaceRequested) -> None:
        self.notes_flow.confirm_listed(event.record_id)

    # Search (see search.py) -----------------------------------------------------------

    async def action_search(self) -> None:
        await self.search_flow.open()

    def action_next_match(self) -> None:
        self.search_flow.step(+1)

    def action_previous_match(self) -> None:
        self.search_flow.step(-1)

    def action_end_search(self) -> None:
        self.search_flow.end()

    @on(SearchBar.Found)
    def _found(self, event: SearchBar.Found) -> None:
        self.search_flow.found(event)

    @on(SearchBar.Submitted)
    def _list_matches(self, event: SearchBar.Submitted) -> None:
        self.search_flow.list_matches(event.query.text)

    @on(SearchBar.Closed)
    def _bar_closed(self) -> None:
        self.search_flow.end()
