"""The load cache: the last content parsed or written, as JSON, keyed by the SHA-256 of
the YAML file's bytes. Parsing YAML runs at ~4 MB/s; this answers in milliseconds. Any other
content (a hand edit, another version) misses the cache and is parsed and checked in full.
A missing, stale or broken cache only costs that full parse."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from tuireader.store import files
from tuireader.store.schema import NotesFile, from_rows, to_rows

CACHE_FORMAT = "tuireader-cache-1"


def read_cache(path: Path, digest: str) -> NotesFile | None:
    try:
        with path.open("rb") as handle:
            header = handle.readline().decode("ascii").split()
            if header != [CACHE_FORMAT, digest]:
                return None
            return from_rows(json.loads(handle.read()))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def write_cache(path: Path, digest: str, notes: NotesFile) -> None:
    payload = f"{CACHE_FORMAT} {digest}\n".encode() + json.dumps(to_rows(notes)).encode()
    with contextlib.suppress(files.StoreIOError):
        files.atomic_write(path, payload, backup=False, sync=False)
