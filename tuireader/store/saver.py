"""Saving a session's notes and deciding what the user is told about it. Headless.

The reader saves often (each edit, the reading position, the editor's draft); a failure
such as a full disk must be said once, not at every save, and the edits kept for the
next try. :class:`NoteSaver` holds that policy so the UI only shows what it reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from tuireader.store.notes import DocumentNotes, StoreError


@dataclass(frozen=True, slots=True)
class SaveReport:
    """The outcome of one save, as the user should hear it."""

    saved: bool  # False: nothing was pending, the notes are read-only, or saving failed
    error: str | None = None  # a failure to tell (None when it is the one told last time)
    recovered: bool = False  # saved after an earlier failure: say that all is well now
    warnings: tuple[str, ...] = ()  # what merging with another session's changes found


class NoteSaver:
    """Saves one document's pending notes; remembers a failure until a save succeeds."""

    def __init__(self, notes: DocumentNotes) -> None:
        self.notes = notes
        self._failure: str | None = None

    @property
    def failing(self) -> bool:
        """The last save failed: the edits are pending and :meth:`save` should be retried."""
        return self._failure is not None

    def save(self) -> SaveReport:
        notes = self.notes
        if not notes.pending or notes.read_only:
            return SaveReport(False)
        try:
            result = notes.save()
        except StoreError as error:
            message = str(error)
            repeated = message == self._failure
            self._failure = message
            return SaveReport(False, error=None if repeated else message)
        recovered = self._failure is not None
        self._failure = None
        return SaveReport(True, recovered=recovered, warnings=result.messages)
