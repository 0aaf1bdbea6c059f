"""The lines left out of the text (page chrome, a title printed twice), with their line
numbers and why, so a reader can check that nothing real was thrown away.

Keys: ``↑``/``↓`` move, ``escape`` or ``q`` closes. (``tuireader sections --dropped``
prints the same list.)
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.model import DroppedLine
from tuireader.terminal_text import terminal_safe
from tuireader.ui.keys import hint
from tuireader.ui.screens.dialog import Dialog


class DroppedLines(Dialog[None]):
    BINDINGS = [Binding("escape,q", "close", "Close", id="dropped-close")]

    def __init__(self, dropped: tuple[DroppedLine, ...]) -> None:
        super().__init__()
        self._dropped = dropped

    def compose(self) -> ComposeResult:
        count = len(self._dropped)
        with Vertical(id="list-box") as box:
            box.border_title = Content(
                f"{count} line{'' if count == 1 else 's'} left out of the text"
            )
            width = max((len(str(d.line)) for d in self._dropped), default=1)
            options = [
                Option(
                    Content.assemble(
                        (f"{d.line:>{width}}  ", "dim"),
                        (f"{d.reason:<12} ", "dim italic"),
                        terminal_safe(d.text),
                    )
                )
                for d in self._dropped
            ] or [Option(Content("Every line of the file is in the text."), disabled=True)]
            yield OptionList(*options, id="list-options", markup=False)
            yield Static(hint(self.app, self.BINDINGS), id="list-help")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
