"""Messages that dialogs post to the app (kept apart so the app need not import the
dialogs, and their widgets, until they are opened), and the choices the reader screen
asks the app to remember."""

from __future__ import annotations

from textual.message import Message


class DraftChanged(Message):
    """The note editor's text, a moment after typing stopped: to be kept as a draft."""

    def __init__(self, body: str) -> None:
        self.body = body
        super().__init__()


class DeleteRequested(Message):
    """A list asks to delete a note or bookmark (the user confirmed)."""

    def __init__(self, record_id: str) -> None:
        self.record_id = record_id
        super().__init__()


class ConfirmPlaceRequested(Message):
    """A list asks to accept the new place of an approximately re-found note."""

    def __init__(self, record_id: str) -> None:
        self.record_id = record_id
        super().__init__()


class ChoiceMade(Message):
    """The reader chose something the app remembers for the next start: ``name`` is its key
    in the remembered choices (``tree-width``, ``inline-notes``; see settings.schema)."""

    def __init__(self, name: str, value: str) -> None:
        self.name = name
        self.value = value
        super().__init__()
