"""The notes of every document from the shell: ``tuireader notes list --all`` and
``tuireader search --notes --all QUERY``; and finding which document holds a note (for
``tuireader notes edit ID`` without a FILE). Read from the notes files alone: no document
is opened to list or search them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tuireader.errors import UserError, warn
from tuireader.library import (
    available,
    counts,
    documents,
    local_time,
    open_entry,
    search_notes,
    where,
)
from tuireader.search import Query, SearchError
from tuireader.store import DocumentNotes, NotesStore
from tuireader.store.catalog import DocumentEntry
from tuireader.terminal_text import terminal_json, terminal_safe


def store_of(args: argparse.Namespace) -> NotesStore:
    return NotesStore(Path(args.data_dir) if getattr(args, "data_dir", None) else None)


def _entries(args: argparse.Namespace) -> list[DocumentEntry]:
    if getattr(args, "file", None):
        raise UserError("--all is about every document: give no FILE with it.")
    entries, problems = documents(store_of(args))
    for problem in problems:
        warn(problem)
    return entries


def _file_state(entry: DocumentEntry) -> str:
    if available(entry):
        return "found"
    return "standard input" if entry.from_stdin else "missing"


def list_all(args: argparse.Namespace) -> int:
    entries = _entries(args)
    if args.json:
        rows: list[dict[str, Any]] = [
            {
                "title": e.title,
                "path": e.path,
                "file": _file_state(e),
                "fingerprint": e.fingerprint,
                "notes": len(e.notes),
                "bookmarks": len(e.bookmarks),
                "last_read": e.last_read,
                "position": e.position,
                "notes_file": str(e.notes_file),
            }
            for e in entries
        ]
        sys.stdout.write(terminal_json(rows) + "\n")
        return 0
    if not entries:
        print("No document has notes or bookmarks yet.")
        return 0
    for entry in entries:
        print(terminal_safe(entry.title or "(no title)"))
        print(f"    {terminal_safe(where(entry))}")
        print(f"    {counts(entry)} · last read {local_time(entry.last_read)}")
    return 0


def search_all(args: argparse.Namespace) -> int:
    """``search --notes --all``: the notes of every document."""
    if args.scope != "notes":
        raise UserError(
            "--all searches the notes of every document: add --notes (the documents' text "
            "is searched one document at a time)."
        )
    entries = _entries(args)
    try:
        hits = list(search_notes(entries, Query(args.query, args.regex)))
    except SearchError as error:
        raise UserError(str(error)) from None
    if args.json:
        rows = [
            {
                "document": h.entry.title,
                "path": h.entry.path,
                "note": h.record.id,
                "passage": h.record.target,
                "start": h.start,
                "end": h.end,
                "context": h.context,
            }
            for h in hits
        ]
        sys.stdout.write(terminal_json(rows) + "\n")
    else:
        shown: DocumentEntry | None = None
        for hit in hits:
            if hit.entry is not shown:
                shown = hit.entry
                title = terminal_safe(hit.entry.title or "(no title)")
                print(f"{title}  ({terminal_safe(where(hit.entry))})")
            where_in = terminal_safe(f"{hit.record.target}  {hit.record.id}")
            print(f"    {where_in}  {terminal_safe(hit.context)}")
        if not hits:
            print("No matches.", file=sys.stderr)
    return 0 if hits else 1


def notes_holding(record_id: str, args: argparse.Namespace) -> DocumentNotes:
    """The notes of the document that holds ``record_id``, opened with the document."""
    store = store_of(args)
    entries, problems = documents(store)
    found = [e for e in entries if e.record(record_id) is not None]
    if not found:
        for problem in problems:
            warn(problem)
        raise UserError(
            f"There is no note {record_id!r} in the notes of any document "
            "(`tuireader notes list --all` lists the documents)."
        )
    entry = found[0]
    if not available(entry):
        raise UserError(
            f"The note {record_id} is on {entry.title!r}, whose file is not there any more "
            f"({where(entry)}); give the document's file to change it."
        )
    notes = open_entry(entry, store).notes
    assert notes is not None  # opened whole, not as a preview
    for warning in notes.warnings:
        warn(warning)
    return notes
