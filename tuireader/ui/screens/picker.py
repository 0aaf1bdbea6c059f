"""The section tree over the text, for narrow terminals where it is hidden.

Keys: the tree's own (``↑``/``↓``, ``enter`` opens); ``escape`` or ``t`` closes.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from tuireader.model import Document
from tuireader.navigation import Navigator
from tuireader.ui.widgets.section_tree import SectionTree


class SectionPicker(ModalScreen[str | None]):
    BINDINGS = [Binding("escape,t", "close", "Close", id="picker-close")]

    def __init__(self, document: Document, navigator: Navigator, current: str | None) -> None:
        super().__init__()
        self._document = document
        self._navigator = navigator
        self._current = current

    def compose(self) -> ComposeResult:
        yield SectionTree(id="picker-tree")

    def on_mount(self) -> None:
        tree = self.query_one(SectionTree)
        tree.load(self._document, self._navigator)
        if self._current:
            tree.follow(self._current)
        tree.focus()

    @on(SectionTree.SectionChosen)
    def _chosen(self, event: SectionTree.SectionChosen) -> None:
        event.stop()
        self.dismiss(event.section_id)

    def action_close(self) -> None:
        self.dismiss(None)
