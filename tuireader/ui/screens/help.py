"""The help screen: every key, grouped by where it works, built from the bindings of the
classes that own the keys (with the keymap applied), so it cannot go stale.

Descriptions are wrapped under their column to the screen's width (never cut), and the
key that closes the help is on the frame, always in view however long the list.

Keys: ``escape``, ``q`` or ``?`` close it; ``↑``/``↓``, ``PgUp``/``PgDn`` scroll.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.ui.keys import KeyRow, hint, key_rows

#: A heading ("In the tree") and the bindings of the class that owns those keys.
KeyGroup = tuple[str, Sequence[BindingType]]
#: The widest the help's text gets (a readable line).
MAX_WIDTH = 90


def reader_key_groups(
    reader: Sequence[BindingType], anywhere: Sequence[BindingType]
) -> list[KeyGroup]:
    """The reader's keys, then those of each widget and dialog it opens."""
    from tuireader.ui.screens.annotation_list import AnnotationList
    from tuireader.ui.screens.document_list import DocumentList
    from tuireader.ui.screens.note_editor import NoteEditor
    from tuireader.ui.screens.search_results import SearchResults
    from tuireader.ui.widgets.search_bar import SearchBar, SearchInput
    from tuireader.ui.widgets.section_tree import SectionTree

    return [
        ("Reading", [*reader, *anywhere]),
        ("In the tree", SectionTree.BINDINGS),
        ("In the search field", [*SearchInput.BINDINGS, *SearchBar.BINDINGS]),
        ("In the note editor", NoteEditor.BINDINGS),
        ("In the notes and bookmarks lists", AnnotationList.BINDINGS),
        ("In the list of matches", SearchResults.BINDINGS),
        ("In the list of your documents", DocumentList.BINDINGS),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss_help", "Close", id="help-close"),
    ]

    def __init__(self, groups: Sequence[KeyGroup]) -> None:
        super().__init__()
        self._groups = groups
        self._rows: list[tuple[str, list[KeyRow]]] = []

    def compose(self) -> ComposeResult:
        self._rows = [
            (heading, [r for r in key_rows(self.app, bindings) if r.description])
            for heading, bindings in self._groups
        ]
        with VerticalScroll(id="help-box") as box:
            box.border_title = Content("Keys")
            box.border_subtitle = hint(self.app, self.BINDINGS)
            yield Static(self._text(self._width()), id="help-text")

    def _width(self) -> int:
        """The width of the text inside the frame (borders and padding: 6 cells)."""
        return max(20, min(MAX_WIDTH, self.app.size.width - 4) - 6)

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#help-text", Static).update(self._text(self._width()))

    def _text(self, width: int) -> Content:
        keys_width = max(len(" ".join(r.keys)) for _, group in self._rows for r in group) + 2
        room = max(10, width - keys_width)
        lines: list[Content] = []
        for heading, group in self._rows:
            if lines:
                lines.append(Content(""))
            lines.append(Content.assemble((heading, "bold underline")))
            for row in group:
                wrapped = textwrap.wrap(row.description, room) or [""]
                keys = " ".join(row.keys).ljust(keys_width)
                lines.append(Content.assemble((keys, "bold"), wrapped[0]))
                lines.extend(Content(" " * keys_width + more) for more in wrapped[1:])
        return Content("\n").join(lines)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
