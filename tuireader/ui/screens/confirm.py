"""A yes/no question. Keys: ``y`` or ``enter`` on Yes confirms, ``n`` or ``escape`` declines.
Dismisses with True or False. ``enter`` answers the button the focus starts on: No, unless
``focus_yes`` (when Yes is the answer that loses nothing, as restoring a draft)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(
        self, question: Content | str, yes: str = "Yes", no: str = "No", *, focus_yes: bool = False
    ) -> None:
        super().__init__()
        self._focus = "#yes" if focus_yes else "#no"
        self._question = question if isinstance(question, Content) else Content(question)
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self._question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self._no), id="no")
                yield Button(Content(self._yes), id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one(self._focus, Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
