"""The base of the reader's dialogs: a modal screen that talks to the screen below it.

A screen's messages bubble to the app, not to the screen it was opened over; the dialogs'
requests (delete this note, keep this draft) are for the reader screen, so
:meth:`Dialog.tell_opener` posts them there.
"""

from __future__ import annotations

from typing import TypeVar

from textual.message import Message
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    def tell_opener(self, message: Message) -> None:
        """Post ``message`` to the screen this dialog was opened over."""
        stack = self.app.screen_stack
        if self in stack:
            below = stack.index(self) - 1
            if below >= 0:
                stack[below].post_message(message)
