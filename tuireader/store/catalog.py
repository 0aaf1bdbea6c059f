"""The documents a data folder holds notes for, read from their notes files alone.

Each notes file records its document's path, fingerprint and title, so the documents can
be listed (``tuireader notes list --all``, the reader's document list) and their notes
searched without opening a single document. A file that cannot be read (broken, from a
newer tuireader, not a regular file) is left out with a sentence saying so; the listing
never fails because of one file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tuireader.store import cache, files
from tuireader.store.schema import Kind, NotesFile, Record
from tuireader.store.yamlio import NotesFormatError

#: How a document read from standard input is recorded (it has no file).
STDIN_SOURCE = "-"


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    """One document with notes or bookmarks, as its notes file describes it."""

    key: str  # the notes file is documents/<key>.yaml
    notes_file: Path
    path: str  # where the document was last opened from ("-": standard input)
    fingerprint: str
    title: str
    notes: tuple[Record, ...]  # live notes, oldest first
    bookmarks: tuple[Record, ...]
    position: str | None  # the passage the reader was at
    #: When it was last read: its reading position was last saved, else its notes last
    #: changed (ISO 8601 UTC).
    last_read: str | None

    @property
    def from_stdin(self) -> bool:
        return self.path == STDIN_SOURCE

    def file_exists(self) -> bool:
        """True if the document's file is where it was read from."""
        if self.from_stdin or not self.path:
            return False
        try:
            return Path(self.path).is_file()
        except (OSError, ValueError):  # a path with a NUL byte, say
            return False

    def record(self, record_id: str) -> Record | None:
        return next((r for r in (*self.notes, *self.bookmarks) if r.id == record_id), None)


def _stamp(value: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def entry_of(key: str, notes_file: Path, data: NotesFile) -> DocumentEntry:
    live = sorted(
        (r for r in data.records.values() if not r.is_deleted), key=lambda r: (r.created, r.id)
    )
    times = [r.updated for r in data.records.values()]
    if data.position is not None:
        last: str | None = data.position.updated
    else:
        last = max(times, key=_stamp) if times else None
    return DocumentEntry(
        key,
        notes_file,
        data.path,
        data.fingerprint,
        data.title,
        tuple(r for r in live if r.kind is Kind.NOTE),
        tuple(r for r in live if r.kind is Kind.BOOKMARK),
        data.position.passage if data.position else None,
        last,
    )


def list_documents(root: Path) -> tuple[list[DocumentEntry], list[str]]:
    """Every document in the data folder ``root`` with notes or bookmarks, the one read
    last first; and a sentence for each notes file that had to be left out."""
    folder = root / "documents"
    try:
        names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [files.describe_os_error(error, "list the notes in", folder)]
    entries: list[DocumentEntry] = []
    problems: list[str] = []
    for name in names:
        key = name.removesuffix(".yaml")
        notes_file = folder / name
        try:
            data = cache.read_notes(notes_file, folder / f"{key}.cache", files.MAX_FILE_BYTES)
        except files.StoreIOError as error:
            problems.append(f"{error} Its document is not listed.")
            continue
        except NotesFormatError as error:
            where = f"{notes_file}, line {error.line}" if error.line else str(notes_file)
            problems.append(
                f"The notes file {where} cannot be used: {error.reason}. Its document is "
                "not listed."
            )
            continue
        if data is None:  # gone since the folder was listed
            continue
        entry = entry_of(key, notes_file, data)
        if entry.notes or entry.bookmarks:
            entries.append(entry)
    entries.sort(key=lambda e: _stamp(e.last_read or ""), reverse=True)
    return entries, problems
