"""Web-page leftovers (the "chrome" a scraper keeps) and the reader comments after them.

Leftovers are recognised line by line and only when a whole line is one: a donation amount,
``Support <Site>``, a button of the comment widget. Anything we are not sure about stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuireader.parse.blocks import Block

_NUMBER = r"\d{1,3}(?:,\d{3})*(?:\.\d\d)?"
_AMOUNT = re.compile(rf"(?:[$€£]\s?{_NUMBER}|{_NUMBER}\s?[$€£])")
_SUPPORT = re.compile(r"Support (?:[A-Z][\w.\-]*)(?: [A-Z][\w.\-]*)?")
_WIDGET = re.compile(
    r"(?:notify of|(?:oldest )?newest most voted|inline feedbacks|view all comments"
    r"|load more comments|(?:would love your thoughts, )?please comment\.?x?)",
    re.IGNORECASE,
)
#: Widget lines that open the comment area (the trailing "please comment" does not).
_WIDGET_OPENERS = frozenset(
    {
        "notify of",
        "newest most voted",
        "oldest newest most voted",
        "inline feedbacks",
        "view all comments",
    }
)

_LONGEST_LEFTOVER = 60


def _squash(line: str) -> str:
    return " ".join(line.replace("\u00a0", " ").split())


def is_leftover(line: str) -> bool:
    """True when a whole line is page chrome: an amount, ``Support X`` or a widget button."""
    if len(line) > _LONGEST_LEFTOVER:
        return False
    text = _squash(line)
    if not text:
        return False
    return bool(_AMOUNT.fullmatch(text) or _SUPPORT.fullmatch(text) or _WIDGET.fullmatch(text))


def opens_comments(line: str) -> bool:
    """True for the comment widget's lines that stand just before the comments."""
    return len(line) <= _LONGEST_LEFTOVER and _squash(line).lower() in _WIDGET_OPENERS


_AUTHOR_FORBIDDEN = re.compile(r"[.!?:;,\"“”()\[\]{}<>@/\\#*=+|0-9]")


def is_author_line(block: Block, following: Block | None) -> bool:
    """A comment's author line: a short name on its own line, with the comment right after."""
    if following is None or following.blanks_before > 1 or "\n" in block.raw:
        return False
    text = block.text
    words = text.split()
    return (
        0 < len(words) <= 4
        and len(text) <= 50
        and _AUTHOR_FORBIDDEN.search(text) is None
        and any(ch.isalpha() for ch in text)
    )


@dataclass(slots=True)
class CommentDraft:
    """A comment before ids are given: its author (None if anonymous) and its blocks."""

    author: str | None
    blocks: list[Block]


def split_comments(blocks: list[Block]) -> list[CommentDraft]:
    """Cut the blocks after the comment widget into comments.

    A comment starts at an author line, or after two or more blank lines (an anonymous
    comment), unless the paragraph before ends with a colon: that introduces what follows
    (a quotation or a link the scraper dropped) within the same comment.
    """
    comments: list[CommentDraft] = []
    current: CommentDraft | None = None
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if is_author_line(block, following):
            current = CommentDraft(block.text, [])
            comments.append(current)
            continue
        introduces = bool(current and current.blocks and current.blocks[-1].text.endswith(":"))
        if current is None or (block.blanks_before >= 2 and not introduces):
            current = CommentDraft(None, [])
            comments.append(current)
        current.blocks.append(block)
    return [c for c in comments if c.blocks]


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = rf"(?:(?:{_MONTHS})\.? \d{{1,2}},? \d{{4}}|\d{{1,2}} (?:{_MONTHS})\.?,? \d{{4}})"
_DATELINE = re.compile(rf"[^.!?:\n]{{3,160}},\s*{_DATE}\.?")


def is_dateline(text: str) -> bool:
    """A speech's dateline: ``Munich Security Conference, Munich, Germany, February 10, 2007.``"""
    return len(text) <= 200 and _DATELINE.fullmatch(text) is not None


_OPENING_QUOTES = ("“", '"', "«", "„")
_CLOSING_QUOTES = ("”", '"', "»", "“")


def opens_quotation(text: str) -> bool:
    return text.startswith(_OPENING_QUOTES)


def closes_quotation(text: str) -> bool:
    return text.rstrip().endswith(_CLOSING_QUOTES)
