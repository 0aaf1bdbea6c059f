"""Opening a document: the bundled default or a file, read, decoded and parsed."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from tuireader.model import Document
from tuireader.parse import parse_document
from tuireader.text import read_document

BUNDLED_NAME = "interview.txt"


def bundled_path() -> Path:
    """The default document shipped inside the package."""
    return Path(str(resources.files("tuireader") / "data" / BUNDLED_NAME))


def open_document(path: Path | None = None) -> Document:
    """Read and parse ``path`` (the bundled document if None).

    Raises :class:`tuireader.text.DocumentError` with a one-sentence message on failure.
    """
    target = bundled_path() if path is None else path
    decoded = read_document(target)
    return parse_document(
        decoded.text,
        source=str(target.resolve()) if path is not None else str(target),
        fallback_title=target.name,
        warnings=decoded.warnings,
    )
