"""A web page's HTML -> the text the parser reads, and the page's metadata.

trafilatura (the ``web`` extra, imported only when a page is opened) finds the main text,
the title, the date, the author, the site's name and the page's own address; the reader
comments are found by their markup (:mod:`tuireader.intake.comments`). The result is plain
text written the way the parser reads a scraped page: one paragraph per block, separated by
blank lines, headings as ``#`` lines; then, if the page has comments, the comment widget's
line and each comment as the bundled page has them (its author alone on a line, the comment
below, two blank lines before the next). Every string that came from the page is made safe
here (:func:`tuireader.text.normalise`): an entity such as ``&#27;`` becomes a control
character only after the HTML is read, so the markup's own decoding is not enough.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tuireader.intake.comments import PageComment, find_comments
from tuireader.text import DecodedText, DocumentError, decode, looks_binary, normalise

#: What to install for web pages, said in every message about it.
INSTALL = "pip install 'tuireader[web]'"
#: A line the parser knows as the comment widget's: the comments follow it.
COMMENTS_LINE = "View all comments"

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF_BYTES = 4096
_PAGE_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)[\s>]", re.I | re.S)
_UTF8 = frozenset({"utf-8", "utf_8", "utf8"})


@dataclass(frozen=True, slots=True)
class Page:
    """What a page holds: the text to parse, its title (None if it names none), and its
    metadata (``title``, ``author``, ``date``, ``site``, ``url`` when known)."""

    text: str
    title: str | None
    metadata: dict[str, str]
    comments: int


def looks_like_html(data: bytes) -> bool:
    """True when bytes begin as an HTML document does (a BOM and comments allowed)."""
    head = data[:_SNIFF_BYTES]
    for bom in (codecs.BOM_UTF8,):
        head = head.removeprefix(bom)
    return _PAGE_START.match(head) is not None


def decode_html(data: bytes, name: str, charset: str | None = None) -> DecodedText:
    """The page's characters: by the server's charset, else the page's ``<meta charset>``,
    else UTF-8 (a BOM wins over both, as browsers do)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, name)
    if charset is None:
        found = _META_CHARSET.search(data[:_SNIFF_BYTES])
        charset = found.group(1).decode("ascii") if found else None
    try:
        codec = codecs.lookup(charset).name if charset else "utf-8"
    except LookupError:
        codec = "utf-8"
    if codec.replace("-", "_") in {c.replace("-", "_") for c in _UTF8}:
        return decode(data, name)
    if looks_binary(data):
        raise DocumentError(f"{name} looks like a binary file, not text, so it was not opened.")
    return DecodedText(normalise(data.decode(codec, errors="replace")))


_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _reference(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(digits)
    if 0x80 <= code <= 0x9F:  # as browsers read them (HTML): Windows-1252's characters
        character = bytes([code]).decode("cp1252", errors="replace")
        return normalise(character) if character != "\ufffd" else normalise(chr(code))
    if (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or code == 0x7F:
        return normalise(chr(code))  # its visible symbol: a control never reaches lxml
    return match.group(0)


def visible_references(html: str) -> str:
    """Character references to control characters (``&#27;``) as their visible symbols,
    and ``&#128;``-``&#159;`` as the Windows-1252 characters browsers show for them: the
    HTML's own characters were made safe when it was decoded, these only when parsed."""
    if "&#" not in html:
        return html
    return _CHARACTER_REFERENCE.sub(_reference, html)


def _extractor(name: str) -> Any:
    try:
        import trafilatura
    except ImportError:
        raise DocumentError(
            f"{name} is a web page, and reading web pages needs the web extra: {INSTALL}."
        ) from None
    return trafilatura


def _clean(text: str) -> str:
    return normalise(" ".join(text.split()))


def _lines(parts: list[str]) -> str:
    """Inline text with its ``<lb/>`` breaks; spaces squashed within each line."""
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "div", "section", "table"})


def body_blocks(body: Any) -> Iterator[str]:
    """trafilatura's body (its XML: p, head, list/item, quote, table/row/cell, lb, hi …)
    as paragraphs of plain text; a heading as ``#`` marks and its text."""
    current: list[str] = []
    out: list[str] = []

    def flush(lead: str = "") -> None:
        text = _lines(current)
        if text:
            out.append(lead + text)
        current.clear()

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "lb":
                current.append("\n")
            elif tag == "row":
                flush()
                cells = (" ".join(cell.itertext()).split() for cell in child)
                out.append(" | ".join(" ".join(cell) for cell in cells if cell))
            elif tag in _BLOCKS:
                flush()
                current.append(child.text or "")
                walk(child)
                level = (child.get("rend") or "h2")[1:] if tag == "head" else ""
                flush("#" * min(int(level), 6) + " " if level.isdigit() else "")
            elif tag:
                current.append(child.text or "")
                walk(child)
            current.append(child.tail or "")

    walk(body)
    flush()
    for block in out:
        if block.strip():
            yield normalise(block)


def _comment_text(comment: PageComment) -> str:
    paragraphs = "\n\n".join(normalise(p) for p in comment.paragraphs)
    if comment.author:
        return f"{_clean(comment.author)}\n\n{paragraphs}"
    return paragraphs


def page_text(blocks: list[str], comments: list[PageComment]) -> str:
    """The text the parser reads: the blocks, then the widget line and the comments."""
    text = "\n\n".join(blocks)
    if comments:
        text += f"\n\n{COMMENTS_LINE}\n\n\n" + "\n\n\n".join(map(_comment_text, comments))
    return text + "\n"


def extract_page(html: str, name: str, url: str | None = None) -> Page:
    """Read a page's HTML (see the module's docstring); DocumentError when trafilatura is
    not installed, or the page has no text to read."""
    trafilatura = _extractor(name)
    tree = trafilatura.load_html(visible_references(html))
    if tree is None:
        raise DocumentError(f"{name} could not be read as a web page.")
    comments = find_comments(tree)  # before the extractor, which prunes the tree
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        include_links=False,
        include_images=False,
    )
    blocks = list(body_blocks(found.body)) if found is not None and found.body is not None else []
    if not blocks:
        raise DocumentError(f"{name} has no text that could be read as an article.")
    metadata: dict[str, str] = {}
    for key, value in (
        ("title", found.title),
        ("author", found.author),
        ("date", found.date),
        ("site", found.sitename),
        ("url", found.url),
    ):
        if isinstance(value, str) and value.strip():
            metadata[key] = _clean(value)
    return Page(page_text(blocks, comments), metadata.get("title"), metadata, len(comments))
