"""Merging this session's changes into what is on disk, by record id.

Rules, so that two sessions never lose each other's work:

- A record only this session changed is written as it is now.
- A record nobody here changed is taken from the disk (another session's edit shows up).
- A deletion leaves a tombstone, and a tombstone wins: a session still holding the record
  cannot bring it back. If one session edited it while the other deleted it, the edited
  text is kept as a new note, and the merge says so.
- The same note edited in both sessions: the newer edit wins, and the other text is
  appended below it, so both texts are kept.
- The reading position: the newer of the two, whichever session set it. The draft: this
  session's if it changed it, else the file's.
- Tombstones older than TOMBSTONE_DAYS are dropped.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace

from tuireader.store.schema import Kind, NotesFile, Record

CONFLICT_RULE = "\n\n--- also written in another session ---\n"
#: Tombstones older than this are dropped when the file is written.
TOMBSTONE_DAYS = 90


def new_id(kind: Kind) -> str:
    return ("n-" if kind is Kind.NOTE else "b-") + os.urandom(6).hex()


@dataclass(slots=True)
class MergeResult:
    records: dict[str, Record]
    messages: list[str] = field(default_factory=list)


def merge(
    base: dict[str, Record],
    local: dict[str, Record],
    disk: dict[str, Record],
    dirty: set[str],
) -> MergeResult:
    """``base``: records as last read or written here; ``local``: as they are now here;
    ``disk``: as they are in the file now; ``dirty``: ids changed here since ``base``."""
    merged = dict(disk)
    result = MergeResult(merged)
    for record_id in sorted(dirty):
        mine = local.get(record_id)
        if mine is None:
            continue
        theirs = disk.get(record_id)
        before = base.get(record_id)
        if theirs is None or theirs == before:
            merged[record_id] = mine
        elif mine.is_deleted or theirs.is_deleted:
            # The tombstone stays; text edited meanwhile on the other side survives as a copy.
            deleted, edited = (mine, theirs) if mine.is_deleted else (theirs, mine)
            merged[record_id] = deleted
            if not edited.is_deleted and _edited_since(edited, before):
                copy = replace(edited, id=new_id(edited.kind))
                merged[copy.id] = copy
                result.messages.append(
                    "A note was deleted in one session while edited in another; "
                    "the edited text was kept as a new note."
                )
        elif mine.body == theirs.body:
            merged[record_id] = mine if mine.updated >= theirs.updated else theirs
        else:
            newer, older = (mine, theirs) if mine.updated >= theirs.updated else (theirs, mine)
            body = (
                newer.body if older.body in newer.body else newer.body + CONFLICT_RULE + older.body
            )
            merged[record_id] = replace(newer, body=body)
            result.messages.append(
                "A note was edited in two sessions at once; both texts were kept in it."
            )
    return result


def _edited_since(record: Record, before: Record | None) -> bool:
    return (
        record.kind is Kind.NOTE
        and bool(record.body)
        and (before is None or record.body != before.body)
    )


@dataclass(slots=True)
class Changes:
    """What a session changed since it last read or wrote the file."""

    records: set[str]
    position: bool = False
    draft: bool = False


def merge_file(
    shell: NotesFile,
    base: NotesFile | None,
    local: NotesFile,
    disk: NotesFile | None,
    changes: Changes,
) -> tuple[NotesFile, list[str]]:
    """The file to write: ``shell`` (the document's fingerprint, path and title) with the
    records merged as above, the newer reading position, and the draft. ``base``: the file
    as last read or written here; ``local``: this session's notes; ``disk``: the file now."""
    theirs = disk.records if disk is not None else {}
    before = base.records if base is not None else {}
    result = merge(before, local.records, theirs, changes.records)
    notes = NotesFile(shell.fingerprint, shell.path, shell.title, compact(result.records))
    notes.position = local.position
    if disk is not None and disk.position is not None:
        if not changes.position or local.position is None:
            notes.position = disk.position
        else:  # both moved: the later move wins, whichever session made it
            notes.position = max(disk.position, local.position, key=lambda p: p.updated)
    notes.draft = local.draft if changes.draft or disk is None else disk.draft
    return notes, result.messages


def compact(records: dict[str, Record]) -> dict[str, Record]:
    """Drop tombstones older than TOMBSTONE_DAYS."""
    limit = (dt.datetime.now(dt.UTC) - dt.timedelta(days=TOMBSTONE_DAYS)).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ"
    )
    return {k: r for k, r in records.items() if r.deleted is None or r.deleted >= limit}
