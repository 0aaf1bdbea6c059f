"""Reading an edited Markdown export back into a document's notes. Headless.

An import is a session that began when the export was made (see ``store/merge.py``):

- a note whose text you changed gets the new text; if it was also changed in the reader
  since the export, both texts are kept in it (yours first);
- a note you changed that was deleted meanwhile is added again, as a new note;
- text written under a passage is a new note on it;
- a note you removed (or emptied) is deleted only with ``delete``, and never when it was
  changed since the export;
- nothing else is touched: notes made since the export, bookmarks, the reading position.

:func:`plan` works out every change without making one (a dry run prints it) and raises
ImportProblem for anything that cannot be done, so an import is done whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from tuireader.notes_markdown import Export
from tuireader.store import DocumentNotes, Kind, StoreError

#: Between the two texts of a note changed both in the export and in the reader.
BOTH_RULE = "\n\n--- also written in tuireader since the export ---\n"


class ImportProblem(ValueError):
    """The export cannot be imported as it is; one sentence, naming the line."""


class Action(StrEnum):
    UPDATE = "update"
    ADD = "add"
    DELETE = "delete"
    KEEP = "keep"  # left as it is, and said why


@dataclass(frozen=True, slots=True)
class Change:
    action: Action
    passage: str
    note_id: str | None = None  # None for a note to add
    body: str = ""
    why: str = ""  # for KEEP, and for changes that are not plain

    def describe(self, *, done: bool) -> str:
        """One line for the user: what was done (``done``) or would be."""
        what = f"note {self.note_id} ({self.passage})" if self.note_id else "a new note"
        if self.action is Action.KEEP:
            line = (
                f"{'Left' if done else 'Would leave'} {what} as it is"
                if self.note_id
                else f"{'Left out' if done else 'Would leave out'} {what} on {self.passage}"
            )
            return f"{line}: {self.why}."
        verbs = {
            Action.UPDATE: ("Changed", "Would change"),
            Action.ADD: ("Added", "Would add"),
            Action.DELETE: ("Deleted", "Would delete"),
        }
        line = f"{verbs[self.action][0 if done else 1]} {what}"
        if self.action is Action.ADD:
            line += f" on {self.passage}" if self.note_id is None else ""
        return f"{line} ({self.why})." if self.why else f"{line}."


def _when(stamp: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.max.replace(tzinfo=dt.UTC)  # unknown: as if changed since
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _check_passage(notes: DocumentNotes, passage: str, line: int) -> None:
    if "." not in passage or notes.document.passage(passage) is None:
        raise ImportProblem(
            f"Line {line}: there is no passage {passage!r} in this document to put a note on "
            "(`tuireader sections --json` lists the ids); nothing was imported."
        )


def plan(notes: DocumentNotes, export: Export, *, delete: bool = False) -> list[Change]:
    """What importing ``export`` would change, in the order of the export; ImportProblem
    if any of it cannot be done."""
    exported = _when(export.exported)
    changes: list[Change] = []
    in_export = {note.id for note in export.notes}
    bodies: dict[str, set[str]] = {}
    for item in notes.notes():
        bodies.setdefault(item.target, set()).add(item.record.body)
    for note in export.notes:
        record = notes.get(note.id)
        if record is not None and record.kind is not Kind.NOTE:
            raise ImportProblem(
                f"Line {note.line}: {note.id} is a bookmark, not a note; nothing was imported."
            )
        if not note.changed:
            continue
        changed_since = record is not None and _when(record.updated) != _when(note.updated)
        if not note.body.strip():  # emptied: a deletion
            if record is None:
                continue
            if changed_since:
                why = "it was changed in tuireader since the export, so it was not deleted"
                changes.append(Change(Action.KEEP, record.target, note.id, why=why))
            elif delete:
                changes.append(Change(Action.DELETE, record.target, note.id))
            else:
                why = "its text is empty in the file; --delete deletes it"
                changes.append(Change(Action.KEEP, record.target, note.id, why=why))
        elif record is None:
            _check_passage(notes, note.passage, note.line)
            if note.body not in bodies.get(note.passage, ()):
                why = f"{note.id} was deleted since the export, so your text is a new note"
                changes.append(Change(Action.ADD, note.passage, None, note.body, why))
        elif note.body == record.body:
            continue
        elif changed_since:
            body = note.body + BOTH_RULE + record.body
            why = "it was also changed in tuireader since the export: both texts are kept"
            changes.append(Change(Action.UPDATE, record.target, note.id, body, why))
        else:
            changes.append(Change(Action.UPDATE, record.target, note.id, note.body))
    for new in export.new:
        _check_passage(notes, new.passage, new.line)
        if new.body in bodies.get(new.passage, ()):  # imported before: not twice
            why = "a note with this text is there already"
            changes.append(Change(Action.KEEP, new.passage, None, new.body, why))
        else:
            changes.append(Change(Action.ADD, new.passage, None, new.body))
    for item in notes.notes():
        record = item.record
        if record.id in in_export or _when(record.created) > exported:
            continue  # in the file, or written after the export: not the file's business
        if _when(record.updated) > exported:
            why = "it is not in the file, but it was changed since the export"
            changes.append(Change(Action.KEEP, item.target, record.id, why=why))
        elif delete:
            changes.append(Change(Action.DELETE, item.target, record.id))
        else:
            why = "it is not in the file; --delete deletes it"
            changes.append(Change(Action.KEEP, item.target, record.id, why=why))
    return changes


def apply(notes: DocumentNotes, changes: list[Change]) -> list[Change]:
    """Make the changes in memory (the caller saves); what was done, new notes with their
    ids. StoreError if the notes cannot be changed (read-only): then nothing was."""
    if notes.read_only:
        raise StoreError(notes.read_only)
    done: list[Change] = []
    for change in changes:
        if change.action is Action.UPDATE and change.note_id:
            notes.edit_note(change.note_id, change.body)
        elif change.action is Action.ADD:
            record = notes.add_note(change.passage, change.body)
            change = Change(Action.ADD, change.passage, record.id, change.body, change.why)
        elif change.action is Action.DELETE and change.note_id:
            notes.delete(change.note_id)
        done.append(change)
    return done
