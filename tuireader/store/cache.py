"""The load cache: the last content parsed or written, as JSON, keyed by the SHA-256 of
the YAML file's bytes. Parsing YAML runs at ~4 MB/s; this answers in milliseconds. Any other
content (a hand edit, another version) misses the cache and is parsed and checked in full.
A missing, stale or broken cache only costs that full parse."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from tuireader.store import files
from tuireader.store.schema import NotesFile, from_rows, to_rows
from tuireader.store.yamlio import NotesFormatError, load

CACHE_FORMAT = "tuireader-cache-1"


#: A cache holds what its notes file holds, as JSON: about the same size.
MAX_CACHE_BYTES = 2 * files.MAX_FILE_BYTES


def read_cache(path: Path, digest: str) -> NotesFile | None:
    data = files.read_small(path, MAX_CACHE_BYTES)
    if data is None:
        return None
    header, _, payload = data.partition(b"\n")
    if header.split() != [CACHE_FORMAT.encode(), digest.encode()]:
        return None
    try:
        return from_rows(json.loads(payload))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def write_cache(path: Path, digest: str, notes: NotesFile) -> None:
    payload = f"{CACHE_FORMAT} {digest}\n".encode() + json.dumps(to_rows(notes)).encode()
    with contextlib.suppress(files.StoreIOError):
        files.atomic_write(path, payload, backup=False, sync=False)


def read_notes(path: Path, cache_path: Path, limit: int) -> NotesFile | None:
    """The notes file at ``path`` (None if there is none), from the cache when it holds
    this very content, else parsed and checked in full (and the cache written).

    StoreIOError if the file cannot be read; NotesFormatError if it cannot be used, with
    the bytes that could not be used in its ``content`` (to keep a copy of exactly them).
    """
    data = files.read_bytes(path, limit)
    if data is None:
        return None
    digest = hashlib.sha256(data).hexdigest()
    cached = read_cache(cache_path, digest)
    if cached is not None:
        return cached
    try:
        notes = load(data)
    except NotesFormatError as error:
        error.content = data
        raise
    write_cache(cache_path, digest, notes)
    return notes
