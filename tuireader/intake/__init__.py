"""Intake: whatever names a document (a file, standard input, a saved web page, an address)
becomes a :class:`~tuireader.model.Document`, through the same parser. Headless.

- a file or standard input that is HTML (by its suffix, or by how it begins) is a web page:
  its text, title, date and comments are extracted (:mod:`.webpage`, the ``web`` extra);
- anything else is read as text, as :mod:`tuireader.load` always has.

The page's metadata (title, author, date, site, address) is the document's metadata; a
page's notes are found by the document's text, else by the address (or path) it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from tuireader.intake.webpage import looks_like_html
from tuireader.load import STDIN, STDIN_NAME, display_name, open_bytes, open_document, read_stdin
from tuireader.model import Document
from tuireader.parse import parse_document
from tuireader.text import DocumentError, read_file_bytes

__all__ = ["Opened", "open_page", "open_source"]

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: Suffixes that are never sniffed for HTML: their own format says what they are.
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".mkdn")
_SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Opened:
    """A document, the file its notes are kept by (None for standard input and addresses),
    and how to get the whole of it (the document may be a preview of a large file)."""

    document: Document
    path: Path | None
    whole: Callable[[], Document]


def open_page(
    data: bytes,
    *,
    name: str,
    source: str,
    title: str | None = None,
    charset: str | None = None,
    url: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Document:
    """A web page's bytes -> a document: its text parsed, its metadata kept. ``title`` is
    used when the page names none; ``url`` is the address it was fetched from (it wins over
    the address the page gives itself)."""
    from tuireader.intake.webpage import decode_html, extract_page

    html = decode_html(data, name, charset)
    page = extract_page(html.text, name, url)
    metadata = dict(page.metadata)
    if url:
        metadata["url"] = url
    document = parse_document(
        page.text,
        source=source,
        fallback_title=page.title or title or name,
        warnings=(*html.warnings, *warnings),
        markdown=False,
    )
    return replace(document, title=page.title or document.title, metadata=metadata)


def _is_page_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in PAGE_SUFFIXES:
        return True
    if suffix in _TEXT_SUFFIXES:
        return False
    try:
        head = read_file_bytes(path, head=_SNIFF_BYTES)
    except DocumentError:
        return False  # read_document says why, in the same words
    return looks_like_html(head)


def open_source(name: str | None, *, preview: bool = False, stdin: bool = True) -> Opened:
    """The document ``name`` names: None for the bundled one, ``-`` for standard input
    (unless ``stdin`` is False: then it is a file), or a file."""
    if name == STDIN and stdin:
        data = read_stdin()
        if looks_like_html(data):
            page = open_page(data, name=STDIN_NAME, source=STDIN)
            return Opened(page, None, lambda: page)
        document = open_bytes(data, name=STDIN_NAME, source=STDIN, preview=preview)
        return Opened(document, None, lambda: open_bytes(data, name=STDIN_NAME, source=STDIN))
    path = Path(name) if name else None
    if path is not None and _is_page_file(path):
        data = read_file_bytes(path)
        page = open_page(data, name=str(path), source=str(path.resolve()), title=display_name(path))
        return Opened(page, path, lambda: page)
    document = open_document(path, preview=preview)
    return Opened(document, path, lambda: open_document(path))
