"""Lines to paragraphs ("blocks"): blank lines separate, single line breaks are joined."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_HEADING = re.compile(r"#{1,6}[ \t]+\S")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the source.

    ``text`` has its lines joined by single spaces; ``raw`` keeps the original lines;
    ``line`` is the 1-based line number of its first line; ``blanks_before`` counts the blank
    lines in front of it (scraped comment threads use two to separate comments).
    """

    text: str
    raw: str
    line: int
    blanks_before: int

    @property
    def is_heading(self) -> bool:
        return self.raw.startswith("#") and _HEADING.match(self.raw) is not None


@dataclass(frozen=True, slots=True)
class SplitText:
    blocks: list[Block]
    #: Index in ``blocks`` of the first block after the comment widget, or None.
    comments_start: int | None


def split_blocks(
    text: str,
    is_leftover: Callable[[str], bool],
    opens_comments: Callable[[str], bool],
) -> SplitText:
    """Cut text into blocks, dropping leftover lines (a dropped line also ends a paragraph)."""
    blocks: list[Block] = []
    comments_start: int | None = None
    pending: list[str] = []
    first_line = 0
    blanks = 0
    blanks_before_pending = 0

    def flush() -> None:
        nonlocal pending
        if pending:
            stripped = [part.strip() for part in pending]
            joined = " ".join(part for part in stripped if part)
            blocks.append(Block(joined, "\n".join(pending), first_line, blanks_before_pending))
            pending = []

    # split("\n"), not splitlines(): U+2028 and friends are text, not line ends.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            flush()
            blanks += 1
            continue
        if len(line) <= 60 and is_leftover(line):
            flush()
            if comments_start is None and opens_comments(line):
                comments_start = len(blocks)
            continue
        if line.startswith("#") and _HEADING.match(line):
            flush()
            blocks.append(Block(line.strip(), line, number, blanks))
            blanks = 0
            continue
        if not pending:
            first_line = number
            blanks_before_pending = blanks
            blanks = 0
        pending.append(line)
    flush()
    return SplitText(blocks, comments_start)
