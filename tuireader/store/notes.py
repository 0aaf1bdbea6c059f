"""The notes of one document (:class:`DocumentNotes`), and :class:`NotesStore`, which
opens them from a data folder. The folder's layout and the file's guarantees are in
``docs/notes-format.md``.

A document is found by the fingerprint of its text, else by its path (an edited file keeps
its notes, which are then re-anchored). Edits change memory first; :meth:`DocumentNotes.save`
merges them into the file under the lock. If saving fails, the edits stay in memory and the
next save tries again.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from dataclasses import replace
from pathlib import Path

from tuireader.model import Document
from tuireader.store import cache, files
from tuireader.store.anchor import PassageIndex, Placement
from tuireader.store.guard import in_lock
from tuireader.store.index import NotesIndex
from tuireader.store.items import Item, SaveResult, StoreError, clean_text
from tuireader.store.merge import Changes, merge_file, new_id
from tuireader.store.schema import (
    Draft,
    Kind,
    NotesFile,
    ReadingPosition,
    Record,
    now,
)
from tuireader.store.yamlio import NotesFormatError, dump, load

MAX_FILE_BYTES = files.MAX_FILE_BYTES
#: The source of a document read from standard input (tuireader.load.STDIN).
_STDIN_SOURCE = "-"

# Item, SaveResult and StoreError lived here before items.py: still importable from here.
__all__ = ["DocumentNotes", "Item", "NotesStore", "SaveResult", "StoreError"]


class DocumentNotes:
    """The notes, bookmarks, reading position and draft of one document."""

    def __init__(
        self, store: NotesIndex, document: Document, path: Path | None, key: str | None = None
    ) -> None:
        """``key``: its notes file (``documents/<key>.yaml``), if known (a listed one)."""
        self.store = store
        self.document = document
        self.source = str(path.resolve()) if path is not None else document.source
        # Where the notes are found by when the text has changed: a file or an address.
        # Standard input names no place (every piped text is "-"): only its text does.
        self._place = None if self.source == _STDIN_SOURCE else self.source
        self.warnings: list[str] = []
        self.read_only: str | None = None  # why edits are refused, when they are
        #: True when there are notes but none could be read (neither the file nor its
        #: backup): nothing is shown, so an empty list does not mean "no notes yet".
        self.unavailable = False
        self.key = (
            key or store.find_key(document.fingerprint, self._place) or document.fingerprint[:24]
        )
        folder = store.root / "documents"
        self.file = folder / f"{self.key}.yaml"
        self.lock_file = folder / f"{self.key}.lock"
        self.cache_file = folder / f"{self.key}.cache"
        self._index: PassageIndex | None = None
        self._placements: dict[str, Placement] = {}
        self._dirty: set[str] = set()
        self._position_dirty = False
        self._draft_dirty = False
        self._seen: tuple[int, int, int] | None = None
        self._lock = threading.RLock()
        self._data = self._empty()
        # The file as last read or written here: the base of every merge. Never mutated.
        self._disk: NotesFile | None = None
        self._emitted: dict[str, tuple[Record, str]] = {}  # see yamlio.dump
        try:
            self.warnings += files.ensure_private_dir(store.root)
            files.ensure_private_dir(folder)
        except files.StoreIOError as error:
            self.warnings.append(str(error))
        self._load_initial()

    def _empty(self) -> NotesFile:
        """A notes file for this document with nothing in it yet. The path is kept exactly
        for finding the notes again (see NotesIndex); the file holds it as text."""
        document = self.document
        return NotesFile(document.fingerprint, clean_text(self.source), clean_text(document.title))

    # Loading ------------------------------------------------------------------------

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            info = self.file.stat()
        except OSError:
            return None
        return info.st_ino, info.st_mtime_ns, info.st_size

    def _read_disk(self) -> NotesFile | None:
        """The file as it is now (None if there is none); NotesFormatError if unusable."""
        return cache.read_notes(self.file, self.cache_file, MAX_FILE_BYTES)

    def _disk_now(self) -> NotesFile | None:
        """The file's content for a merge: unchanged since we last read or wrote it (same
        inode, time and size), it is what we hold; otherwise it is read again."""
        if self._stat() == self._seen:
            return self._disk
        return self._read_disk()

    def _load_initial(self) -> None:
        try:
            stat = self._stat()
            disk = self._read_disk()
        except files.StoreIOError as error:
            self.read_only = str(error)
            self.warnings.append(str(error))
            self.unavailable = True
            return
        except NotesFormatError as error:
            self._refuse(error)
            return
        self._seen = stat
        if disk is not None:
            self._disk = disk
            self._data = _copy(disk)
            # Found by path after an edit, or opened from a new place: point both here.
            # (In a read-only folder it is found by its path again next time.)
            with contextlib.suppress(files.StoreIOError):
                self.store.remember(self.key, self.document.fingerprint, self._place)
        self._relocate()

    def _refuse(self, error: NotesFormatError, *, show_backup: bool = True) -> None:
        """Go read-only over a file that cannot be used, saying why and what is shown."""
        where = f"{self.file}, line {error.line}" if error.line else str(self.file)
        real = files.real_path(self.file)
        backup = real.with_name(real.name + ".bak")
        if error.newer:  # its notes may mean something else to this version: not shown
            self.unavailable = show_backup
            self.read_only = (
                f"The notes file {where} cannot be read by this version of tuireader: "
                f"{error.reason}. Its notes are not shown here, and it was left as it is."
            )
            self.warnings.append(self.read_only)
            return
        content = error.content
        aside = None if content is None else files.copy_aside(self.file, "corrupt", content)
        kept = f" (a copy is at {aside})" if aside else ""
        problem = (
            f"The notes file {where} cannot be used: {error.reason}. It was left as it is{kept}"
        )
        shown = self._show_backup(backup) if show_backup else False
        if shown:
            self.read_only = (
                f"{problem}; the notes shown are those of its backup {backup}, read-only until "
                f"the file is fixed or the backup is restored."
            )
        elif show_backup:
            self.unavailable = True
            self.read_only = f"{problem}, and no notes can be shown or changed until it is fixed."
        else:
            self.read_only = f"{problem}, and notes cannot be changed until it is fixed."
        self.warnings.append(self.read_only)

    def _show_backup(self, backup: Path) -> bool:
        """Show what the backup holds, read-only; False if there is none to show."""
        try:
            data = files.read_bytes(backup, MAX_FILE_BYTES)
            if data is None:
                return False
            self._data = load(data)
        except (files.StoreIOError, NotesFormatError):
            return False
        self._relocate()
        return True

    @property
    def index(self) -> PassageIndex:
        if self._index is None:
            self._index = PassageIndex(self.document)
        return self._index

    def _relocate(self) -> None:
        self._placements = {
            record.id: self.index.locate(record)
            for record in self._data.records.values()
            if not record.is_deleted
        }

    # Reading ------------------------------------------------------------------------

    def _items(self, kind: Kind) -> list[Item]:
        items = []
        for record in self._data.records.values():
            if record.kind is not kind or record.is_deleted:
                continue
            placement = self._placements.get(record.id) or self.index.locate(record)
            section = self.index.section_of(placement.target) if placement.target else None
            items.append(Item(record, placement, section))
        order = self.index.position
        items.sort(key=lambda i: (order.get(i.target, len(order)), i.record.created))
        return items

    @in_lock
    def notes(self) -> list[Item]:
        """Every note (orphaned ones last), in reading order."""
        return self._items(Kind.NOTE)

    @in_lock
    def bookmarks(self) -> list[Item]:
        return self._items(Kind.BOOKMARK)

    @in_lock
    def get(self, record_id: str) -> Record | None:
        record = self._data.records.get(record_id)
        return None if record is None or record.is_deleted else record

    @property
    def position(self) -> str | None:
        return self._data.position.passage if self._data.position else None

    @property
    def draft(self) -> Draft | None:
        return self._data.draft

    @property
    def pending(self) -> bool:
        """True while there are edits not yet written to the file."""
        return bool(self._dirty or self._position_dirty or self._draft_dirty)

    # Changing -----------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(self.read_only)

    def _put(self, record: Record) -> Record:
        self._data.records[record.id] = record
        self._dirty.add(record.id)
        if record.is_deleted:
            self._placements.pop(record.id, None)
        else:
            self._placements[record.id] = self.index.locate(record)
        return record

    def _new(self, kind: Kind, target: str, body: str = "") -> Record:
        self._check_writable()
        anchor = self.index.anchor_for(target)
        if anchor is None:
            what = "passage" if "." in target else "section"
            raise StoreError(
                f"There is no {what} {target!r} in this document; "
                "`tuireader sections --json` lists the ids."
            )
        stamp = now()
        return self._put(Record(new_id(kind), kind, target, anchor, stamp, stamp, clean_text(body)))

    @in_lock
    def add_note(self, passage_id: str, body: str) -> Record:
        if "." not in passage_id:
            raise StoreError(f"{passage_id!r} is not a passage id (they look like qa-3.p2).")
        return self._new(Kind.NOTE, passage_id, body)

    @in_lock
    def edit_note(self, note_id: str, body: str) -> Record:
        self._check_writable()
        record = self.get(note_id)
        if record is None or record.kind is not Kind.NOTE:
            raise StoreError(f"There is no note {note_id!r}.")
        body = clean_text(body)
        if body == record.body:  # saved without a change: not rewritten, not re-dated
            return record
        return self._put(record.edited(body))

    @in_lock
    def add_bookmark(self, target: str) -> Record:
        return self._new(Kind.BOOKMARK, target)

    @in_lock
    def delete(self, record_id: str) -> Record:
        self._check_writable()
        record = self.get(record_id)
        if record is None:
            raise StoreError(f"There is no note or bookmark {record_id!r}.")
        return self._put(record.tombstone())

    @in_lock
    def confirm_place(self, record_id: str) -> Record:
        """Accept where an approximately re-found record is now (moves it there)."""
        self._check_writable()
        record = self.get(record_id)
        placement = self._placements.get(record_id)
        if record is None or placement is None or placement.target is None:
            raise StoreError(f"There is no placed note or bookmark {record_id!r}.")
        anchor = self.index.anchor_for(placement.target) or record.anchor
        return self._put(replace(record, target=placement.target, anchor=anchor, updated=now()))

    @in_lock
    def set_position(self, passage_id: str) -> None:
        if self.read_only or (self.position == passage_id):
            return
        self._data.position = ReadingPosition(passage_id, now())
        self._position_dirty = True

    @in_lock
    def set_draft(self, target: str, body: str, note_id: str | None) -> None:
        if self.read_only:
            return
        self._data.draft = Draft(target, clean_text(body), note_id, now())
        self._draft_dirty = True

    @in_lock
    def clear_draft(self) -> None:
        if self._data.draft is not None and not self.read_only:
            self._data.draft = None
            self._draft_dirty = True

    # Saving -------------------------------------------------------------------------

    @in_lock
    def save(self) -> SaveResult:
        """Merge this session's edits into the file. StoreError if that fails; the edits
        then stay in memory and a later save tries again.

        Once the file is replaced the save has happened, whatever fails after it (the
        folder's fsync, the index pointers): the result says so in ``messages``, and
        nothing is saved twice.
        """
        if self.read_only:
            raise StoreError(self.read_only)
        if not self.pending:
            return SaveResult(False)
        messages: list[str] = []
        try:
            files.ensure_private_dir(self.file.parent)
            with files.locked(self.lock_file):
                files.remove_stale_temporaries(self.file.parent, self.key)
                real = files.real_path(self.file)  # a link is written through (see files)
                if real != self.file and real.is_file():
                    files.remove_stale_temporaries(real.parent, real.name)
                disk = self._disk_now()
                merged, merge_messages = self._merged(disk)
                content = dump(merged, self._emitted)
                try:
                    files.atomic_write(self.file, content, through=True)
                except files.NotSyncedError as error:
                    messages.append(
                        f"Your notes are saved, but {error.reason}: a crash of the system "
                        "in the next moments could lose this change."
                    )
                self._seen = self._stat()
                cache.write_cache(self.cache_file, hashlib.sha256(content).hexdigest(), merged)
        except files.StoreIOError as error:
            raise StoreError(
                f"{error} Your changes are kept and will be saved again.", reason=str(error)
            ) from None
        except NotesFormatError as error:
            # Another hand changed the file meanwhile: keep this session's notes in memory
            # and, since they cannot be merged into that file, in a copy beside it.
            self._refuse(error, show_backup=False)
            aside = files.copy_aside(self.file, "unsaved", dump(self._data))
            kept = f" The notes of this session are kept in {aside}." if aside else ""
            raise StoreError(f"{self.read_only}{kept}") from None
        if merged.position is not None:  # a hint for the next start (see last_position)
            with contextlib.suppress(files.StoreIOError):
                position = merged.position.passage.encode("utf-8", "replace")
                files.atomic_write(
                    self.store.position_file(self.key), position, backup=False, sync=False
                )
        try:
            self.store.remember(self.key, self.document.fingerprint, self._place)
        except files.StoreIOError as error:
            messages.append(
                f"Your notes are saved, but the index that finds them from another copy "
                f"of this text was not updated. {error}"
            )
        self._disk = merged
        self._data = _copy(merged)
        self._dirty.clear()
        self._position_dirty = self._draft_dirty = False
        self._relocate()
        return SaveResult(True, (*merge_messages, *messages))

    def _merged(self, disk: NotesFile | None) -> tuple[NotesFile, list[str]]:
        changes = Changes(self._dirty, self._position_dirty, self._draft_dirty)
        return merge_file(self._empty(), self._disk, self._data, disk, changes)

    @in_lock
    def refresh(self) -> bool:
        """Take in what other sessions saved (keeping edits not saved here). True if
        anything changed. Cheap when the file has not changed."""
        stat = self._stat()
        if stat == self._seen or self.read_only:
            return False
        try:
            disk = self._read_disk()
        except (files.StoreIOError, NotesFormatError):
            return False
        self._seen = stat
        if disk is None:
            return False
        merged, _ = self._merged(disk)
        changed = merged.records != self._data.records
        self._disk = disk
        self._data.records = merged.records
        # What differs from the file now is what the next save must write.
        self._dirty = {k for k, r in merged.records.items() if disk.records.get(k) != r}
        self._data.position = merged.position
        self._data.draft = merged.draft
        if changed:
            self._relocate()
        return changed


def _copy(notes: NotesFile) -> NotesFile:
    return NotesFile(
        notes.fingerprint, notes.path, notes.title, dict(notes.records), notes.position, notes.draft
    )


class NotesStore(NotesIndex):
    """Opens the notes of documents kept in one data folder (the user's, by default)."""

    def open(
        self, document: Document, path: Path | None = None, *, key: str | None = None
    ) -> DocumentNotes:
        return DocumentNotes(self, document, path, key)
