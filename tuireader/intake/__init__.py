"""Intake: whatever names a document (a file, standard input, a saved web page, an address)
becomes a :class:`~tuireader.model.Document`, through the same parser. Headless.

- a file or standard input that is HTML (by its suffix, or by how it begins) is a web page:
  its text, title, date and comments are extracted (:mod:`.webpage`, the ``web`` extra);
- an ``http:`` or ``https:`` address is fetched (:mod:`.fetch`) and kept in the user cache
  folder (:mod:`.cache`); if it cannot be fetched again later, the kept copy is read, and
  the reader is told so. Other schemes (``file:``, ``ftp:`` …) are refused with a message;
- anything else is read as text, as :mod:`tuireader.load` always has.

The page's metadata (title, author, date, site, address) is the document's metadata; a
page's notes are found by the document's text, else by the address (or path) it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tuireader.intake.webpage import looks_like_html
from tuireader.load import STDIN, STDIN_NAME, display_name, open_bytes, open_document, read_stdin
from tuireader.model import Document
from tuireader.parse import parse_document
from tuireader.text import DocumentError, decode_document, read_file_bytes

if TYPE_CHECKING:  # urllib.request alone takes 40 ms to import: only for an address
    from tuireader.intake.cache import PageCache
    from tuireader.intake.fetch import Fetched, Limits

__all__ = ["Opened", "is_address", "open_address", "open_page", "open_source"]

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: Suffixes that are never sniffed for HTML: their own format says what they are.
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".mkdn")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]+):")
#: Schemes that make an argument an address even without ``//`` (``file:page.html``).
_KNOWN_SCHEMES = frozenset(
    {"http", "https", "file", "ftp", "ftps", "data", "javascript", "mailto", "about", "sftp"}
)
_SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Opened:
    """A document, the file its notes are kept by (None for standard input and addresses),
    and how to get the whole of it (the document may be a preview of a large file)."""

    document: Document
    path: Path | None
    whole: Callable[[], Document]


def is_address(name: str) -> bool:
    """True for ``scheme://…`` and ``file:``/``http:``-like arguments that are no file here
    (a file of that name wins: ``tuireader ./http:x`` always opens the file)."""
    match = _SCHEME.match(name)
    if match is None:
        return False
    if "://" not in name and match.group(1).lower() not in _KNOWN_SCHEMES:
        return False
    return not Path(name).exists()


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


def _document(page: Fetched, warnings: tuple[str, ...]) -> Document:
    """A fetched page, read as a web page or (text/plain, Markdown) as text."""
    from tuireader.intake.fetch import PAGE_TYPES

    name = page.url
    if page.media_type in PAGE_TYPES or (not page.media_type and looks_like_html(page.body)):
        return open_page(
            page.body, name=name, source=page.url, charset=page.charset,
            url=page.final_url, warnings=warnings,
        )  # fmt: skip
    if page.charset and page.charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            text = page.body.decode(page.charset, errors="replace").encode("utf-8")
        except LookupError:
            text = page.body
    else:
        text = page.body
    decoded = decode_document(text, name)
    markdown = True if "markdown" in page.media_type else None
    document = parse_document(
        decoded.text, page.url, fallback_title=name,
        warnings=(*decoded.warnings, *warnings), markdown=markdown,
    )  # fmt: skip
    return replace(document, metadata={**document.metadata, "url": page.final_url})


def open_address(url: str, *, cache: PageCache | None = None,
                 limits: Limits | None = None) -> Document:  # fmt: skip
    """Fetch ``url`` and keep it; if it cannot be fetched, the copy kept before (with a
    warning saying so), else FetchError."""
    from tuireader.intake.cache import PageCache
    from tuireader.intake.fetch import FetchError, check_address, fetch

    check_address(url)
    cache = cache if cache is not None else PageCache()
    warnings: list[str] = []
    try:
        page = fetch(url, limits)
    except FetchError as error:
        kept = cache.load(url)
        if kept is None:
            raise
        page = kept.page
        warnings.append(f"Showing the copy kept on {kept.fetched_at}: {error}")
    else:
        problem = cache.save(page)
        if problem:
            warnings.append(problem)
    return _document(page, tuple(warnings))


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
    (unless ``stdin`` is False: then it is a file), an address, or a file."""
    if name == STDIN and stdin:
        data = read_stdin()
        if looks_like_html(data):
            page = open_page(data, name=STDIN_NAME, source=STDIN)
            return Opened(page, None, lambda: page)
        document = open_bytes(data, name=STDIN_NAME, source=STDIN, preview=preview)
        return Opened(document, None, lambda: open_bytes(data, name=STDIN_NAME, source=STDIN))
    if name and is_address(name):
        fetched = open_address(name)
        return Opened(fetched, None, lambda: fetched)
    path = Path(name) if name else None
    if path is not None and _is_page_file(path):
        data = read_file_bytes(path)
        page = open_page(data, name=str(path), source=str(path.resolve()), title=display_name(path))
        return Opened(page, path, lambda: page)
    document = open_document(path, preview=preview)
    return Opened(document, path, lambda: open_document(path))
