"""All your documents: the ones with notes, the one read last, and opening any of them.

Headless, for ``tuireader notes list --all``, ``tuireader search --notes --all``, the
reader's document list and ``tuireader`` without a FILE (which opens the document read
last; the bundled interview the first time). A document whose file is gone (moved or
deleted) can still be read from its notes: :func:`document_from_notes` makes a document
of the passages they quote, and its notes open read-only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from tuireader.intake import Opened as OpenedSource
from tuireader.intake import is_address, open_source
from tuireader.load import STDIN, bundled_path, open_document
from tuireader.model import Document, Passage, Section, SectionKind
from tuireader.search import Query, context
from tuireader.store import DocumentNotes, NotesStore
from tuireader.store.catalog import DocumentEntry, list_documents
from tuireader.store.choices import RememberedChoices
from tuireader.store.schema import Record
from tuireader.terminal_text import terminal_safe
from tuireader.text import DocumentError

#: The remembered choice naming the document read last: its path, "" for the bundled one.
LAST_DOCUMENT = "last-document"

#: Reads the whole of a large document and opens its notes (the reader runs it in a thread).
RestReader = Callable[[], tuple[Document, DocumentNotes | None]]


@dataclass(frozen=True, slots=True)
class Opened:
    """A document ready for the reader: its notes, or (a large file's preview) ``rest``
    to read the whole of it and its notes."""

    document: Document
    path: Path | None
    notes: DocumentNotes | None
    rest: RestReader | None = None


def documents(store: NotesStore) -> tuple[list[DocumentEntry], list[str]]:
    """The documents with notes or bookmarks, read last first, and a sentence for each
    notes file left out (see :func:`tuireader.store.catalog.list_documents`)."""
    return list_documents(store.root)


@cache
def _bundled_fingerprint() -> str:
    return open_document(None).fingerprint


def _is_bundled_file(entry: DocumentEntry) -> bool:
    return entry.path == str(bundled_path())


def _is_bundled_text(entry: DocumentEntry) -> bool:
    """The bundled interview's text (read when it was installed elsewhere, or piped in)."""
    return entry.fingerprint == _bundled_fingerprint()


def where(entry: DocumentEntry) -> str:
    """Where the document is, for a listing: its file, or why it cannot be opened."""
    if _is_bundled_file(entry):
        return "the bundled interview"
    if entry.file_exists():
        return entry.path
    if _is_bundled_text(entry):
        return "the bundled interview"
    if entry.from_stdin:
        return "read from standard input (it has no file)"
    if is_address(entry.path):
        return entry.path
    return f"not found at {entry.path} (moved or deleted)"


def local_time(stamp: str | None) -> str:
    """An ISO time from the store as the reader's local time, to read."""
    if not stamp:
        return "never"
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return when.astimezone().strftime("%d %b %Y %H:%M")


def counts(entry: DocumentEntry) -> str:
    notes, marks = len(entry.notes), len(entry.bookmarks)
    return f"{notes} note{'s' if notes != 1 else ''} · {marks} bookmark{'s' if marks != 1 else ''}"


def available(entry: DocumentEntry) -> bool:
    """True if the document itself can be opened (else only its notes can be read)."""
    return (
        _is_bundled_file(entry)
        or entry.file_exists()
        or _is_bundled_text(entry)
        or is_address(entry.path)  # fetched again, or read from the cache
    )


def open_entry(entry: DocumentEntry, store: NotesStore, *, preview: bool = False) -> Opened:
    """Open a listed document with its notes: its file if it is there (the bundled
    interview wherever it is installed now); else the passages its notes quote, with the
    notes read-only. DocumentError if the file is there but cannot be read."""
    if _is_bundled_file(entry):
        return open_file(None, store, preview=preview)
    if entry.file_exists():
        return open_file(Path(entry.path), store, preview=preview)
    if is_address(entry.path):  # a page on the web: fetched, or from the cache offline
        try:
            return open_file(entry.path, store, preview=preview)
        except DocumentError:
            pass  # neither: read it from its notes
    if _is_bundled_text(entry):
        return open_file(None, store, preview=preview)
    document = document_from_notes(entry)
    notes = store.open(document, None, key=entry.key)
    why = (
        "it was read from standard input"
        if entry.from_stdin
        else f"its file is no longer at {terminal_safe(entry.path)}"
    )
    notes.read_only = (
        f"The notes of this document are read-only because {why}; open the file with "
        "`tuireader FILE` to change them."
    )
    return Opened(document, None, notes)


def open_file(path: Path | str | None, store: NotesStore, *, preview: bool = False) -> Opened:
    """A file or a saved page (None: the bundled interview), or a page by its address,
    and its notes, as the reader opens it: with ``preview``, a large file's start at once
    and the rest in ``Opened.rest``."""
    source = open_source(str(path) if path is not None else None, preview=preview, stdin=False)
    document, where = source.document, source.path
    if not document.partial:
        return Opened(document, where, store.open(document, where))

    def the_rest() -> tuple[Document, DocumentNotes | None]:
        whole = source.whole()
        return whole, store.open(whole, where)

    return Opened(document, where, None, the_rest)


# A document made of its notes' quotes --------------------------------------------------

_NUMBERS = re.compile(r"(\d+)")
#: Section kinds in the order documents hold them, for sorting ids made by the parser.
_KIND_ORDER = ("intro", "statement", "qa", "exchange", "part", "comments", "comment", "speech")


def _id_order(target: str) -> tuple[object, ...]:
    """``qa-10.p2`` after ``qa-9.p13``: ids by kind, then numerically."""
    head = target.split("-", 1)[0].split(".", 1)[0]
    kind = _KIND_ORDER.index(head) if head in _KIND_ORDER else len(_KIND_ORDER)
    parts = tuple(int(p) if p.isdigit() else p for p in _NUMBERS.split(target) if p)
    return (kind, tuple((0, p) if isinstance(p, int) else (1, p) for p in parts))


def document_from_notes(entry: DocumentEntry) -> Document:
    """The passages the notes and bookmarks of a document quote, as a document: each in
    a section named by its id, in the order of their ids. It has the document's
    fingerprint and path, so its notes are the document's."""
    passages: dict[str, dict[str, str]] = {}
    titles: dict[str, str] = {}
    for record in (*entry.notes, *entry.bookmarks):
        if "." in record.target:
            section_id = record.target.rpartition(".")[0]
            quote = record.anchor.exact or "(no quote of this passage was kept)"
            passages.setdefault(section_id, {}).setdefault(record.target, quote)
        else:  # a bookmark on a whole section: its anchor is the section's title
            passages.setdefault(record.target, {})
            titles[record.target] = record.anchor.exact
    sections = []
    for section_id in sorted(passages, key=_id_order):
        title = titles.get(section_id) or section_id
        found = passages[section_id]
        if not found:  # only the section is bookmarked: say which it was
            found = {f"{section_id}.p1": f"(a bookmark on the section {title})"}
        ordered = sorted(found.items(), key=lambda item: _id_order(item[0]))
        sections.append(
            Section(
                section_id,
                SectionKind.TEXT,
                title,
                tuple(Passage(pid, None, text) for pid, text in ordered),
            )
        )
    gone = (
        "It was read from standard input"
        if entry.from_stdin
        else f"{terminal_safe(entry.path)} is no longer there"
    )
    warning = (
        f"{gone}: shown are the passages your notes and bookmarks quote, and the notes "
        "are read-only."
    )
    return Document(
        f"{entry.title} (from your notes)",
        entry.path,
        entry.fingerprint,
        tuple(sections),
        warnings=(warning,),
    )


# The document read last ---------------------------------------------------------------


def _remembered_value(document: Document, path: Path | None) -> str | None:
    """How the document read last is kept: its file's path, its address, "" for the
    bundled interview; None for one read from standard input (it cannot be opened again)."""
    if document.source == STDIN:
        return None
    if path is not None:
        return str(path.resolve())
    if is_address(document.source):
        return document.source
    return ""


def remember_last(choices: RememberedChoices, document: Document, path: Path | None) -> str | None:
    """Remember ``document`` as the one read last (not one read from standard input);
    a sentence for the user if that could not be saved."""
    value = _remembered_value(document, path)
    if value is None:
        return None
    remembered, _ = choices.load()
    if remembered.get(LAST_DOCUMENT) == value:
        return None
    if choices.remember(LAST_DOCUMENT, value) is None:
        return None
    return "The document you are reading could not be remembered as the one read last."


def _with_warning(opened: OpenedSource, problem: str) -> OpenedSource:
    """The same document, with one more warning (kept when a large file's rest is read)."""

    def warned(document: Document) -> Document:
        return replace(document, warnings=(*document.warnings, problem))

    return OpenedSource(warned(opened.document), opened.path, lambda: warned(opened.whole()))


def open_last(choices: RememberedChoices, *, preview: bool = False) -> OpenedSource:
    """The document read last (a file, or a page by its address, from the cache when
    offline); the bundled interview the first time, or when the last one cannot be
    opened any more (its warnings then say why)."""
    remembered, _ = choices.load()  # a problem with the file is told by the reader
    value = remembered.get(LAST_DOCUMENT, "")
    if not value:
        return open_source(None, preview=preview)
    try:
        return open_source(value, preview=preview, stdin=False)
    except DocumentError as error:
        if is_address(value) or Path(value).exists():
            problem = f"{error} The bundled interview is open instead."
        else:
            problem = (
                f"The document you read last, {terminal_safe(value)}, is no longer there; "
                "the bundled interview is open instead."
            )
    return _with_warning(open_source(None, preview=preview), problem)


def open_for_reading(file: str | None, choices: RememberedChoices) -> OpenedSource:
    """What ``tuireader [FILE]`` opens (a large file's preview): FILE (``-`` standard
    input, an address, a saved page or a file), else the document read last. It is
    remembered as the one read last; its warnings say what went wrong."""
    opened = open_source(file, preview=True) if file else open_last(choices, preview=True)
    problem = remember_last(choices, opened.document, opened.path)
    return _with_warning(opened, problem) if problem else opened


# The notes of every document ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoteHit:
    """A match in the text of a note of one of the documents."""

    entry: DocumentEntry
    record: Record
    start: int
    end: int
    context: str


def search_notes(entries: list[DocumentEntry], query: Query) -> Iterator[NoteHit]:
    """Every match of ``query`` in the notes of these documents, document by document,
    each document's notes in the order they were written. SearchError for a bad query."""
    pattern = query.compile()
    if pattern is None:
        return
    for entry in entries:
        for record in entry.notes:
            for match in pattern.finditer(record.body):
                yield NoteHit(
                    entry,
                    record,
                    match.start(),
                    match.end(),
                    context(record.body, match.start(), match.end()),
                )
