"""The reader screen: the section tree, the reading pane, and the keys that move between
answers. It owns where the reader is (a :class:`~tuireader.navigation.Position`); widgets
post messages and the screen moves, asking the headless ``Navigator`` where each key goes.

Notes and search each have a helper of their own (:mod:`.notes`, :mod:`.search`) that the
screen's actions and message handlers call; they hold no state the screen needs.

Keys: every binding below has an id, so a keymap can change it; docs/keys.md lists them
(a test keeps it true) and the help screen shows them as they are bound now.
"""

from __future__ import annotations

from pathlib import Path

from textual import events, messages, on
from textual._time import get_time
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from tuireader.annotations import Annotations
from tuireader.model import Document, Section
from tuireader.navigation import Navigator, Position
from tuireader.settings import Settings
from tuireader.store import DocumentNotes
from tuireader.terminal_text import terminal_safe
from tuireader.ui.commands import DocumentCommands, NotesCommands, SectionCommands
from tuireader.ui.messages import (
    ChoiceMade,
    ConfirmPlaceRequested,
    DeleteRequested,
    DraftChanged,
)
from tuireader.ui.reader.bindings import NOWHERE, READER_BINDINGS
from tuireader.ui.reader.notes import NotesFlow
from tuireader.ui.reader.search import SEARCH_KEYS, SearchFlow
from tuireader.ui.reader.tree_panel import TreePanel
from tuireader.ui.widgets.go_to_bar import GoToBar
from tuireader.ui.widgets.key_bar import KeyBar
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.search_bar import SearchBar
from tuireader.ui.widgets.section_tree import SectionTree
from tuireader.ui.widgets.status_line import StatusLine


class ReaderScreen(Screen[None]):
    """See the module docstring."""

    COMMANDS = {SectionCommands, NotesCommands, DocumentCommands}
    #: The text has the keyboard from the first frame (Textual would pick the tree).
    AUTO_FOCUS = "#pane"

    BINDINGS = READER_BINDINGS

    def __init__(
        self,
        document: Document,
        *,
        path: Path | None = None,
        notes: DocumentNotes | None = None,
        settings: Settings | None = None,
        at: str | None = None,
        position: str | None = None,
    ) -> None:
        """``settings``: what the reader starts with (text and tree width, whether the tree
        and the notes' text are shown, the search field's defaults)."""
        super().__init__()
        self._at = at
        self._resumed = False  # see _on_screen_resume
        self._whole_frame_at = 0.0  # see _compositor_refresh
        #: The app's first screen (its first frame comes with the terminal's size).
        self.starts_the_app = False
        self._position_hint = position  # where the reader was, while its notes are read
        self.settings = settings or Settings()
        self.path = path
        self.document = document
        self.navigator = Navigator(document)
        self.notes_flow = NotesFlow(self, notes)
        self.search_flow = SearchFlow(self)
        self.position: Position | None = self._start_position()
        self.tree_panel = TreePanel(self, self.settings.tree_width, self.settings.tree_shown)

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
        """Where asked (``--at``), else where you left off (kept in the notes store), else
        the start."""
        if self._at:
            asked = self.navigator.resolve(self._at)
            if asked is not None:
                return asked
        saved = self.notes.position if self.notes is not None else self._position_hint
        if saved:
            found = self.navigator.position_of_passage(saved)
            if found is not None:
                return found
        return self.navigator.first()

    # Screen -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self._title_line(), id="title")
        with Horizontal(id="body"):
            yield SectionTree(id="tree")
            settings = self.settings
            yield ReadingPane(
                measure=settings.text_width, show_notes=settings.notes_inline, id="pane"
            )
        yield StatusLine(id="status")
        yield KeyBar(lead=SEARCH_KEYS, last=("help", "quit"), offered=self._offered_key, id="keys")

    def _title_line(self) -> Content:
        """The title, and the date, tags and author of the document's metadata if it has
        any (front matter, or a web page's), and the address of a page."""
        meta = self.document.metadata
        extra = [
            meta[key]
            for key in ("date", "published", "tags", "author", "url")
            if meta.get(key) and meta[key] not in self.document.title
        ]
        title = Content(terminal_safe(self.document.title))
        if not extra:
            return title
        return Content.assemble(title, (terminal_safe("  ·  " + "  ·  ".join(extra)), "dim"))

    # Textual writes the first frame whole, then most of the screen twice more within
    # 50 ms, unchanged (some 15 KB more at start, over SSH too): repaints of the screen
    # and of its widgets asked for before that frame, and one when the screen is first
    # resumed, are still pending after it. The three methods below (pinned to Textual
    # 8.2, like ui/keys.py) drop them: the first frame, written whole, is the repaint
    # they ask for. Later frames are left as Textual makes them.

    def _compositor_refresh(self) -> None:
        first = not self._whole_frame_at and self.is_current
        whole = first and self._compositor.size.region in self._compositor._dirty_regions
        super()._compositor_refresh()
        if whole:
            self._whole_frame_at = get_time()
            self._repaint_required = False
            for widget in self.walk_children(Widget, with_self=False):
                widget._repaint_required = False

    async def _on_update(self, message: messages.Update) -> None:
        if message.time <= self._whole_frame_at:  # asked for before a frame written whole
            message.stop()
            message.prevent_default()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """The app's first screen, resumed the first time at the terminal's size, does
        what Textual's does but ask to repaint the whole screen: its first frame (made
        when the terminal's size arrives) is, or was, written whole. A screen put in
        place of another is painted by that repaint."""
        first_screen = self.starts_the_app and self.is_attached
        if self._resumed or not first_screen or self.size != self.app.size:
            self._resumed = True
            return  # Textual's own handler runs
        self._resumed = True
        event.prevent_default()
        if self.app.SUSPENDED_SCREEN_CLASS:
            self.remove_class(self.app.SUSPENDED_SCREEN_CLASS)
        self.stack_updates += 1
        self.app._refresh_notifications()
        self._update_auto_focus()
        if event.refresh_styles:
            self.update_node_styles(animate=False)

    def on_mount(self) -> None:
        self.app.title = self.document.title
        self.tree_panel.start()
        self.tree_panel.apply_width()
        # In the first frame too: a lazy tree costs a few dozen nodes at any size.
        self._load_tree()
        if self.position is None:
            self.status_line.show("This document has no text.")
        else:
            self.go(self.position, force=True)
        for warning in self.document.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        if self._at and self.navigator.resolve(self._at) is None and not self.document.partial:
            self.notify(
                f"There is no {terminal_safe(self._at)!r} in this document: opened where you"
                " left off.",
                severity="warning",
                markup=False,
                timeout=8,
            )
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
        """Swap the preview of a large file for the whole document, keeping the place; or,
        for a document shown whole from the start, take its notes (read in a moment)."""
        if document is self.document:
            self.notes_flow.use(notes)
            self.notes_flow.redraw_marks()
            self.notes_flow.start()
            return
        start = self.navigator.first()
        where = self.location
        self.document = document
        self.navigator = Navigator(document)
        self.notes_flow.use(notes)
        self.query_one("#title", Static).update(self._title_line())
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
    def _resized(self) -> None:
        self.tree_panel.apply_width()

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
        self._update_status(keep_message=False)  # a move answers "This is the last answer."
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
            return terminal_safe(section.title)
        return terminal_safe(f"{name} · {section.title}")

    def _update_status(self, *, keep_message: bool = True) -> None:
        if self.position is None:
            return
        where = self.navigator.describe(self.position)
        if not self.document.partial:
            where += f" · {self.navigator.progress(self.position)}%"
        self.status_line.show(where, keep_message=keep_message)

    @property
    def status_line(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    def tell(self, message: str) -> None:
        """A short message in the status line (see :class:`StatusLine`). Warnings and
        errors are notifications instead."""
        self.status_line.tell(message)

    @property
    def message(self) -> str:
        """The message shown in the status line now, if any."""
        return self.status_line.message

    def _move(self, target: Position | None, nowhere: str) -> None:
        if target is None:
            if self.document.partial:
                nowhere = "Still reading the rest of the document; try again in a moment."
            self.tell(nowhere)
            return
        self.go(target)

    def action_move(self, where: str) -> None:
        """n, p, ], [, j, k, g, G: ``where`` names the Navigator's move (see BINDINGS)."""
        if self.position is None:
            return
        if where in ("next_answer", "previous_answer") and self.navigator.question_count == 0:
            binding = "next-section" if where == "next_answer" else "previous-section"
            key = self.key_for(binding)
            direction = "next" if where == "next_answer" else "previous"
            self.tell(f"This document has no questions; {key} goes to the {direction} section.")
            return
        target: Position | None = getattr(self.navigator, where)(self.position)
        self._move(target, NOWHERE.get(where, ""))

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

    def action_half_page(self, direction: int) -> None:
        """Half a page down (1) or up (-1), as ctrl+d and ctrl+u do in less and vim."""
        if self.position is not None:
            half = max(1, self.pane.scrollable_content_region.height // 2)
            self.pane.scroll_relative(y=half * direction, animate=False)

    async def action_go_to(self) -> None:
        bars = self.query(GoToBar)
        if bars:
            bar = bars.first()
        else:  # made on first use
            bar = GoToBar(
                self._resolve_place,
                questions=lambda: self.navigator.question_count,
                id="go-to-bar",
            )
            await self.mount(bar, before="#status")
        bar.open()

    def _resolve_place(self, text: str) -> Position | None:
        return self.navigator.resolve(text)

    @on(GoToBar.Chosen)
    def _go_to_chosen(self, event: GoToBar.Chosen) -> None:
        self.pane.focus()
        self.go(event.position)

    @on(GoToBar.Closed)
    def _go_to_closed(self) -> None:
        self.pane.focus()

    def action_copy_passage(self) -> None:
        """The current passage's text to the clipboard (OSC 52: works over SSH where the
        terminal allows it)."""
        if self.position is None:
            return
        section = self.navigator.section(self.position)
        passage = section.passages[self.position.passage]
        text = f"{passage.speaker}: {passage.text}" if passage.speaker else passage.text
        self.app.copy_to_clipboard(text)
        self.tell(
            f"Passage {self.position.passage + 1} of {self.navigator.short_name(section)} copied."
        )

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

    # Tree and focus (see tree_panel.py) ---------------------------------------------

    def action_toggle_tree(self) -> None:
        self.tree_panel.toggle()

    def action_close_tree(self) -> None:
        self.tree_panel.close_over()

    def action_switch_focus(self) -> None:
        self.tree_panel.switch_focus()

    def action_tree_width(self, change: int) -> None:
        """A narrower or wider tree; the app remembers the width."""
        self.post_message(ChoiceMade("tree-width", str(self.tree_panel.resize(change))))

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
        from tuireader.ui.keys import keys_for

        keys = keys_for(self.app, self.BINDINGS, binding_id)
        return keys[0] if keys else binding_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_match", "previous_match", "end_search"):
            return self.search_flow.active
        if action == "close_tree":
            return self.tree_panel.over
        return super().check_action(action, parameters)

    def action_help(self) -> None:
        from tuireader.ui.screens.help import HelpScreen, reader_key_groups

        self.app.push_screen(HelpScreen(reader_key_groups(self.BINDINGS, self.app.BINDINGS)))

    def show_dropped_lines(self) -> None:
        """The lines left out of the text (from the palette)."""
        from tuireader.ui.screens.dropped import DroppedLines

        self.app.push_screen(DroppedLines(self.document.dropped))

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

    def action_documents(self) -> None:
        """The documents with notes, to read another one (see documents.py)."""
        from tuireader.ui.reader.documents import DocumentsFlow

        DocumentsFlow(self).open_list()

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
