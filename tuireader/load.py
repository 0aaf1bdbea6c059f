"""Opening a document: the bundled default or a file, read, decoded and parsed."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from tuireader.model import Document
from tuireader.parse import parse_document
from tuireader.text import decode_document, normalise, read_document, read_stream

BUNDLED_NAME = "interview.txt"


def display_name(path: Path) -> str:
    """A file's name as text to show: bytes that are not UTF-8 become U+FFFD (as in a
    document's text) and control characters visible symbols, so a name can title a document
    without writing a lone surrogate to the notes file or an escape sequence to a terminal."""
    return normalise(os.fsencode(path.name).decode("utf-8", "replace"))


def bundled_path() -> Path:
    """The default document shipped inside the package (installed as a plain file)."""
    return Path(__file__).resolve().parent / "data" / BUNDLED_NAME


#: Files larger than this open with a preview of their start while the rest is parsed.
PREVIEW_BYTES = 256 * 1024


#: The file name that means standard input (``tuireader -``, ``cat x | tuireader -``).
STDIN = "-"
STDIN_NAME = "standard input"


def open_bytes(data: bytes, *, name: str, source: str, preview: bool = False) -> Document:
    """A document from bytes already read (standard input): as :func:`open_document`."""
    decoded = decode_document(data, name, PREVIEW_BYTES if preview else None)
    document = parse_document(
        decoded.text, source=source, fallback_title=name, warnings=decoded.warnings
    )
    if not decoded.complete:
        document = replace(document, partial=True, warnings=())
    return document


def read_stdin() -> bytes:
    """What standard input holds (a document piped in), read once."""
    return read_stream(sys.stdin.buffer, STDIN_NAME)


def open_document(path: Path | None = None, *, preview: bool = False) -> Document:
    """Read and parse ``path`` (the bundled document if None).

    With ``preview``, a large file gives a ``partial`` document made from its start only
    (milliseconds, whatever its size); the reader shows it while the whole is parsed.
    Raises :class:`tuireader.text.DocumentError` with a one-sentence message on failure.
    """
    target = bundled_path() if path is None else path
    decoded = read_document(target, PREVIEW_BYTES if preview else None)
    document = parse_document(
        decoded.text,
        source=str(target.resolve()) if path is not None else str(target),
        fallback_title=display_name(target),
        warnings=decoded.warnings,
    )
    if not decoded.complete:
        document = replace(document, partial=True, warnings=())
    return document
