"""The note editor: a multi-line text area for the note on the current passage.

Keys: ``ctrl+s`` saves, ``escape`` cancels (asking first when there are unsaved changes),
``tab`` reaches the buttons (Delete removes the note, after asking), ``ctrl+e`` hands the
text to the user's own editor ($VISUAL or $EDITOR) with the reader suspended, and puts
back what it wrote (nothing changes if the editor fails: the text stays as it was).

While you type, the reader is told ``DraftChanged`` (``ui/messages.py``) at most once a second
so it can keep a draft in the store; a crash or a dropped connection then loses almost
nothing. Dismisses with a :class:`NoteEdit` (or None when cancelled).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, Static, TextArea

from tuireader.terminal_text import terminal_safe
from tuireader.ui.keys import hint, key_rows, keys_for
from tuireader.ui.messages import DraftChanged
from tuireader.ui.screens.confirm import ConfirmScreen
from tuireader.ui.screens.dialog import Dialog

DRAFT_DELAY = 1.0
#: Terminals with fewer rows than this get the compact editor.
CRAMPED_BELOW = 22


class NoteAction(StrEnum):
    SAVE = "save"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class NoteEdit:
    action: NoteAction
    body: str


class NoteEditor(Dialog[NoteEdit | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note-save"),
        Binding("escape", "cancel", "Cancel", id="note-cancel"),
        Binding("tab", "app.focus_next", "Reach the buttons", show=False, id="note-buttons"),
        # The text area's ctrl+e (end of line) gives way: `end` does that too.
        Binding("ctrl+e", "own_editor", "Edit in $EDITOR", priority=True, id="note-own-editor"),
    ]

    def __init__(self, where: str, quote: str, body: str, *, existing: bool, original: str = ""):
        super().__init__()
        self._where = where
        self._quote = quote
        self._start = body
        self._original = original if existing else ""
        self._existing = existing
        self._draft_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        what = "Edit note" if self._existing else "New note"
        with Vertical(id="editor-box") as box:
            box.border_title = Content.assemble(f"{what} · Note on ", (self._where, "bold"))
            box.border_subtitle = hint(self.app, self.BINDINGS)
            yield Static(Content(self._quote), id="editor-quote")
            yield TextArea(self._start, id="editor-text", soft_wrap=True, tab_behavior="focus")
            keys = {row.binding_id: "/".join(row.keys) for row in key_rows(self.app, self.BINDINGS)}
            with Horizontal(id="editor-buttons"):
                if self._existing:
                    yield Button(Content("Delete"), id="delete", variant="error")
                yield Button(Content(f"Cancel ({keys['note-cancel']})"), id="cancel")
                yield Button(Content(f"Save ({keys['note-save']})"), id="save", variant="primary")

    def on_resize(self) -> None:
        # On a short terminal the typing area comes first: a one-line quote, no buttons
        # (their keys are named on the frame).
        self.set_class(self.size.height < CRAMPED_BELOW, "-cramped")

    def on_mount(self) -> None:
        self.on_resize()
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @property
    def changed(self) -> bool:
        return self.text != (self._original if self._existing else "")

    @on(TextArea.Changed)
    def _typed(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self._post_draft)

    def _post_draft(self) -> None:
        self._draft_timer = None
        self.tell_opener(DraftChanged(self.text))

    def action_save(self) -> None:
        if not self.text.strip():
            if self._existing:
                self._ask_delete()
            else:
                self.dismiss(None)
            return
        self.dismiss(NoteEdit(NoteAction.SAVE, self.text))

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard the changes to this note?", yes="Discard", no="Keep editing"),
            answered,
        )

    def _ask_delete(self) -> None:
        def answered(delete: bool | None) -> None:
            if delete:
                self.dismiss(NoteEdit(NoteAction.DELETE, ""))

        self.app.push_screen(ConfirmScreen("Delete this note?", yes="Delete"), answered)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()
        elif event.button.id == "delete":
            self._ask_delete()

    def action_own_editor(self) -> None:
        """The text in $VISUAL or $EDITOR, the reader suspended meanwhile; then back here
        (to be saved or not, as typed text is). A failure is told and changes nothing."""
        from textual.app import SuspendNotSupported

        from tuireader.external_editor import Edited, EditorError, editor_command, run_editor

        area = self.query_one(TextArea)
        problem: str | None = None
        edited: Edited | None = None
        try:
            command = editor_command()
            with self.app.suspend():
                try:  # inside: the reader must come back whatever the editor does
                    edited = run_editor(command, area.text)
                except EditorError as error:
                    problem = str(error)
        except EditorError as error:
            problem = str(error)
        except SuspendNotSupported:
            problem = "This terminal cannot be handed to an editor; the note was not changed."
        if edited is None:
            problem = problem or "The editor gave nothing back; the note was not changed."
            self.notify(problem, severity="error", markup=False, timeout=12)
            return
        if edited.warning:
            self.notify(edited.warning, severity="warning", markup=False, timeout=10)
        text = terminal_safe(edited.text, multiline=True)  # no control reaches the terminal
        if text == area.text:
            self.notify("The editor left the note as it was.", markup=False)
            return
        area.replace(text, area.document.start, area.document.end)
        area.move_cursor(area.document.end)
        area.focus()
        save = keys_for(self.app, self.BINDINGS, "note-save")[0]  # declared above: always there
        self.notify(f"The note has the editor's text now; {save} saves it.", markup=False)

    def on_unmount(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
