"""Reader comments in a page's HTML, one by one, with their authors.

The main-text extractor reads comments as one run of text (authors and boundaries lost), so
they are found here by the markup that comment systems share, not by site:

- a comment is an element marked as one: the class ``comment`` (WordPress, Drupal and most
  themes), ``wpd-comment`` (wpDiscuz), or schema.org's ``Comment`` microdata;
- its author is the first element inside it marked as the author (``itemprop="author"``,
  the classes ``fn``, ``comment-author``, ``wpd-comment-author``, ``username``,
  ``p-author``), without a trailing ``says:``;
- its text is the first element marked as the comment's text (``itemprop="text"``,
  ``comment-content``, ``comment-text``, ``wpd-comment-text``, ``entry-content``,
  ``e-content``, ``comment-body``), read paragraph by paragraph.

Replies nested in a comment are comments of their own, in the order of the page; the parts
of a comment that are not its words (the date line, "Reply", the form) are left out.
Works on an ``lxml.html`` tree (lxml comes with the extractor).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_COMMENT_CLASSES = frozenset({"comment", "wpd-comment"})
_AUTHOR_CLASSES = ("fn", "comment-author", "wpd-comment-author", "username", "p-author")
_TEXT_CLASSES = (
    "comment-content",
    "comment-text",
    "wpd-comment-text",
    "entry-content",
    "e-content",
    "comment-body",
)
#: Parts of a comment that are not what its author wrote.
_NOT_TEXT_CLASSES = frozenset(
    {
        "comment-meta",
        "commentmetadata",
        "comment-metadata",
        "reply",
        "comment-reply-link",
        "comment-author",
        "vcard",
        "comment-util",
        "wpd-comment-footer",
        "wpd-comment-header",
        "comment-respond",
    }
)
_SKIPPED_TAGS = frozenset(
    {"script", "style", "form", "button", "noscript", "template", "svg", "img", "textarea"}
)
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "blockquote", "li", "ul", "ol", "pre", "section", "article", "table",
        "tr", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "dl", "dt", "dd",
    }
)  # fmt: skip
_SAYS = re.compile(r"\s*(?:says|wrote|said)\s*:?\s*$", re.IGNORECASE)
_LONGEST_AUTHOR = 80


@dataclass(frozen=True, slots=True)
class PageComment:
    author: str | None
    paragraphs: tuple[str, ...]


def _classes(element: Any) -> set[str]:
    value = element.get("class") if isinstance(element.tag, str) else None
    return set(value.split()) if value else set()


def _is_comment(element: Any) -> bool:
    if not isinstance(element.tag, str):
        return False
    if _classes(element) & _COMMENT_CLASSES:
        return True
    return str(element.get("itemtype") or "").rstrip("/").endswith("schema.org/Comment")


def _own(element: Any) -> Iterator[Any]:
    """The elements inside ``element`` that are not inside a comment nested in it."""
    for child in element:
        if not isinstance(child.tag, str) or _is_comment(child):
            continue
        yield child
        yield from _own(child)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _author(comment: Any) -> str | None:
    for element in _own(comment):
        if element.get("itemprop") == "author":
            names = [e for e in _own(element) if e.get("itemprop") == "name"]
            found = _squash((names[0] if names else element).text_content())
        elif _classes(element) & set(_AUTHOR_CLASSES):
            inner = [e for e in _own(element) if e.tag in ("cite", "b", "strong", "a")]
            found = _squash((inner[0] if inner else element).text_content())
        else:
            continue
        found = _SAYS.sub("", found).strip()
        if found:
            return found[:_LONGEST_AUTHOR]
    return None


def _text_element(comment: Any) -> Any:
    own = list(_own(comment))
    for element in own:
        if element.get("itemprop") == "text":
            return element
    for name in _TEXT_CLASSES:
        for element in own:
            if name in _classes(element):
                return element
    return comment


def _paragraphs(element: Any) -> list[str]:
    """The text of ``element`` cut at its blocks, ``<br>`` kept as a line break."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        lines = [_squash(line) for line in "".join(current).split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            out.append(text)
        current.clear()

    def walk(node: Any) -> None:
        for child in node:
            if not isinstance(child.tag, str):  # an HTML comment or a processing instruction
                current.append(child.tail or "")
                continue
            if (
                _is_comment(child)
                or child.tag in _SKIPPED_TAGS
                or _classes(child) & _NOT_TEXT_CLASSES
            ):
                current.append(child.tail or "")
                continue
            if child.tag == "br":
                current.append("\n")
            elif child.tag in _BLOCK_TAGS:
                flush()
                current.append(child.text or "")
                walk(child)
                flush()
            else:
                current.append(child.text or "")
                walk(child)
            current.append(child.tail or "")

    current.append(element.text or "")
    walk(element)
    flush()
    return out


def find_comments(root: Any) -> list[PageComment]:
    """Every reader comment in the page, in its order; [] when it has none."""
    found: list[PageComment] = []
    for element in root.iter():
        if not _is_comment(element):
            continue
        paragraphs = _paragraphs(_text_element(element))
        if paragraphs:
            found.append(PageComment(_author(element), tuple(paragraphs)))
    return found
