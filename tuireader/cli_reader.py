"""Starting the reader from the command line: the document, its notes (now, or in a
moment when there are thousands), the settings, and a keyboard even when standard input
was the document. Textual is imported only here, and only when the reader starts."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from tuireader.errors import UserError
from tuireader.library import open_for_reading
from tuireader.model import Document
from tuireader.store import DocumentNotes, NotesStore
from tuireader.store.choices import RememberedChoices

if TYPE_CHECKING:
    from tuireader.settings import LoadedSettings
    from tuireader.ui.app import ReaderApp

__all__ = ["NOTES_READ_AFTER_START", "keys_from_the_terminal", "reader_app", "run_reader"]

#: A notes file larger than this (some thousands of notes) is read after the first frame,
#: which then opens at the passage last read (kept beside it); smaller ones are read first,
#: so that the first frame shows their marks.
NOTES_READ_AFTER_START = 256 * 1024


def _nothing() -> None:
    pass


def reader_app(
    args: argparse.Namespace,
    *,
    freeze: Callable[[], None] = _nothing,
    pause: Callable[[], AbstractContextManager[None]] = nullcontext,
) -> ReaderApp:
    """The reader as ``tuireader [FILE]`` makes it, from parsed arguments (see
    :func:`parse_args`: the settings are loaded there). ``freeze`` is called once the
    document's long-lived objects exist, and ``pause`` holds the collector while a large
    file's rest is parsed in a thread (the command passes gc_tuning's)."""
    data_dir = Path(args.data_dir) if args.data_dir else None
    config: LoadedSettings | None = getattr(args, "settings", None)
    # FILE, else the document read last. Standard input is read once, an address fetched
    # once: the notes find a document by its text's fingerprint, else by its path or address.
    store = NotesStore(data_dir)
    choices = RememberedChoices(store.root)
    opened = open_for_reading(args.file, choices)
    document, path, whole_text = opened.document, opened.path, opened.whole

    from tuireader.ui.app import make_reader  # Textual only now: keeps the CLI fast

    def the_rest() -> tuple[Document, DocumentNotes | None]:
        with pause():
            whole = whole_text()
            notes = NotesStore(data_dir).open(whole, path)
        return whole, notes

    source = str(path.resolve()) if path is not None else document.source
    glance = store.glance(document.fingerprint, source)
    if document.partial:  # a large file: its start now, the rest (and notes) in a moment
        freeze()
        return make_reader(
            document, path=path, rest=the_rest, choices=choices, config=config, at=args.at,
            position=glance.position,
        )  # fmt: skip
    if glance.notes_bytes > NOTES_READ_AFTER_START:  # thousands of notes: read in a moment

        def notes_only() -> tuple[Document, DocumentNotes | None]:
            with pause():
                return document, NotesStore(data_dir).open(document, path)

        freeze()
        return make_reader(
            document, path=path, rest=notes_only, choices=choices, config=config, at=args.at,
            position=glance.position,
        )  # fmt: skip
    notes = store.open(document, path)
    freeze()
    return make_reader(document, path=path, notes=notes, choices=choices, config=config, at=args.at)


def keys_from_the_terminal() -> None:
    """The reader reads keys from standard input. When that is not the terminal (a
    document piped in, or ``< /dev/null``), take them from the terminal, as less does."""
    if sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise UserError(
            "There is no terminal to read keys from, so the reader cannot start; "
            "`tuireader show ID FILE` prints a section instead."
        ) from None
    os.dup2(terminal, 0)
    os.close(terminal)


def run_reader(app: ReaderApp) -> int:
    """Run the reader until the user quits; the process exit status."""
    from tuireader.ui.app import run

    return run(app)
