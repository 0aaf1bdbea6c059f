"""Merging this session's changes into what is on disk, by record id.

Rules, so that two sessions never lose each other's work:

- A record only this session changed is written as it is now.
- A record nobody here changed is taken from the disk (another session's edit shows up).
- A deletion leaves a tombstone, and a tombstone wins: a session still holding the record
  cannot bring it back. If one session edited it while the other deleted it, the edited
  text is kept as a new note, and the merge says so.
- The same note edited in both sessions: the newer edit wins, and the other text is
  appended below it, so both texts are kept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from tuireader.store.schema import Kind, Record

CONFLICT_RULE = "\n\n--- also written in another session ---\n"


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
