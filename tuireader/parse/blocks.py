"""Lines to paragraphs ("blocks"): blank lines separate, single line breaks are joined.

Printed records indent the first line of every paragraph and put no blank line between
them; when a document is laid out so, a line with that indent starts a paragraph too. Text
taken from PDF pages may have one paragraph per line and no blank lines: lines too long to
be hard-wrapped are paragraphs of their own. Running headers and page numbers repeated at
page breaks are dropped (and listed, like page chrome, in ``Document.dropped``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from tuireader.chunked import split_lines
from tuireader.model import BlockKind, DroppedLine, Span
from tuireader.parse.labels import find_label

_HEADING = re.compile(r"#{1,6}[ \t]+\S")

#: How many first-line indents (a line indented 2-8 spaces between unindented ones) make a
#: document one that starts its paragraphs so.
_INDENT_EVIDENCE = 3


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the source.

    ``text`` has its lines joined by single spaces; ``raw`` keeps the original lines;
    ``line`` is the 1-based line number of its first line; ``blanks_before`` counts the blank
    lines in front of it (scraped comment threads use two to separate comments); ``starts``
    holds the offset in ``text`` where each source line begins (labels may start there).
    Markdown blocks also carry their kind, level and inline spans.
    """

    text: str
    raw: str
    line: int
    blanks_before: int
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    spans: tuple[Span, ...] = ()
    starts: tuple[int, ...] = (0,)

    @property
    def is_heading(self) -> bool:
        return self.kind is BlockKind.HEADING


@dataclass(frozen=True, slots=True)
class SplitText:
    blocks: list[Block]
    #: Index in ``blocks`` of the first block after the comment widget, or None.
    comments_start: int | None
    dropped: list[DroppedLine]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def paragraph_indent(lines: list[str]) -> int | None:
    """The first-line indent of a printed-record layout, or None if paragraphs are not so."""
    seen: Counter[int] = Counter()
    for index in range(1, len(lines) - 1):
        line = lines[index]
        if line[:1] != " ":
            continue
        width = _indent(line)
        before, after = lines[index - 1], lines[index + 1]
        if (
            2 <= width <= 8
            and before.strip()
            and after.strip()
            and _indent(before) == 0
            and _indent(after) == 0
        ):
            seen[width] += 1
    if not seen:
        return None
    width, count = seen.most_common(1)[0]
    return width if count >= _INDENT_EVIDENCE else None


#: A line that stands first after a blank line this many times, always the same, is a page's
#: running header or footer (text extracted from PDF pages), or a page number.
_RUNNING = 3
#: A paragraph with a line longer than this is not hard-wrapped: each line is a paragraph.
_UNWRAPPED = 250
_SENTENCE_END = frozenset('.?!:;"”’)]…')
_RUNNING_LONGEST = 70
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class RunningHeads:
    """What repeats at page breaks of text taken from PDF pages."""

    exact: frozenset[str]  # the same line each time: ``O5S1GUO1 Doe - Direct``
    shapes: frozenset[str]  # the same but for its numbers: ``Cite as 28 Dec. 437``
    numbers: bool  # page numbers: ``437``, ``Page 2 of 21``

    def __bool__(self) -> bool:
        return bool(self.exact or self.shapes or self.numbers)

    def match(self, stripped: str) -> bool:
        if len(stripped) > _RUNNING_LONGEST:
            return False
        if self.numbers and _PAGE_NUMBER.fullmatch(stripped):
            return True
        if stripped in self.exact:
            return True
        return bool(self.shapes) and _DIGITS.sub("#", stripped) in self.shapes


#: The visible form of a form feed (see tuireader.text): a page break in text from PDF pages.
_FORM_FEED = "\u240c"


def _bare(line: str) -> str:
    """A line without its surrounding spaces and a page break's form feed before it."""
    stripped = line.strip()
    if stripped.startswith(_FORM_FEED):
        stripped = stripped.lstrip(_FORM_FEED).strip()
    return stripped


def _head_like(stripped: str) -> bool:
    return (
        stripped[-1] not in '.?!:;,)"”’'
        and any(ch.isalpha() for ch in stripped)
        and not stripped.startswith("#")
        and find_label(stripped) is None
    )


def running_heads(lines: list[str], pages: bool = False) -> RunningHeads:
    """Lines repeated at page breaks: ``O5S1GUO1 Doe - Direct``, ``Cite as 28 Dec. 437``.

    A candidate is short, has letters, does not end a sentence and is no speaker label (a
    name alone on its line may recur as often). It is a running header when the same line
    starts a paragraph at least ``_RUNNING`` times, or when lines that differ only in their
    numbers recur as often and one of them cuts a sentence in two (a page break inside a
    paragraph; a chapter heading never does). Page numbers (``437``, ``Page 2 of 21``) are
    dropped when there are at least as many. With ``pages`` (the text has form feeds), a
    form feed starts a page: the line after it comes first on a page, the line before it
    last.
    """
    exact: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    cutting: set[str] = set()
    numbers = 0
    previous = ""
    previous_blank = True
    page_end = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped[:1] == _FORM_FEED:
            stripped = stripped.lstrip(_FORM_FEED).strip()
            previous_blank = True  # first on its page
        if not stripped:
            previous_blank = True
            continue
        if pages:
            # Last on its page: a footer, even one that looks like a name on its own line.
            following = lines[index + 1] if index + 1 < len(lines) else ""
            page_end = following.lstrip()[:1] == _FORM_FEED
        if len(stripped) <= _RUNNING_LONGEST:
            if _PAGE_NUMBER.fullmatch(stripped):
                numbers += 1
            elif page_end and any(ch.isalpha() for ch in stripped):
                exact[stripped] += 1
            elif (previous_blank or _DIGITS.search(stripped)) and _head_like(stripped):
                if previous_blank:
                    exact[stripped] += 1
                if _DIGITS.search(stripped):
                    shape = _DIGITS.sub("#", stripped)
                    shapes[shape] += 1
                    before = _DIGITS.sub("#", previous)
                    if previous and previous[-1] not in _SENTENCE_END and before != shape:
                        cutting.add(shape)
        previous = stripped
        previous_blank = False
    return RunningHeads(
        frozenset(line for line, count in exact.items() if count >= _RUNNING),
        frozenset(shape for shape in cutting if shapes[shape] >= _RUNNING),
        numbers >= _RUNNING,
    )


#: A court reporter's line number in the margin: `` 8   as the government points out``.
_MARGIN = re.compile(r"[ \t]{0,4}(\d{1,2})(?=[ \t]|$)")
_SPACES = re.compile(r"[ \t]{2,}")
#: How many text lines are looked at to decide whether the pages number their lines.
_MARGIN_SAMPLE = 200
#: A numbered line's text this much deeper than the usual starts a paragraph.
_MARGIN_INDENT = 4


@dataclass(frozen=True, slots=True)
class Margin:
    """Lines numbered in the margin (a transcript taken from PDF pages, ``pdftotext
    -layout``): each numbered line's text without its number, and where paragraphs start
    (a deeper indent: the pages are often double-spaced, so blank lines say nothing)."""

    texts: dict[int, str]  # index of a numbered line -> its text
    starts: frozenset[int]  # indexes of numbered lines that start a paragraph


def margin_numbers(lines: list[str]) -> Margin | None:
    """The numbered lines, when most text lines are numbered and the numbers count up by
    one, starting again at 1 on each page; None otherwise (decided from the first lines)."""
    seen = numbered = in_order = previous = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > _MARGIN_SAMPLE:
            break
        match = _MARGIN.match(line)
        if match is not None:
            number = int(match.group(1))
            numbered += 1
            in_order += number in (previous + 1, 1)
            previous = number
    if seen < 20 or numbered * 3 < seen * 2 or in_order * 10 < numbered * 9:
        return None
    texts: dict[int, str] = {}
    indents: dict[int, int] = {}
    for index, line in enumerate(lines):
        match = _MARGIN.match(line)
        if match is None:
            continue
        rest = line[match.end() :]
        texts[index] = _SPACES.sub(" ", rest.strip())  # the layout's runs of spaces
        if rest.strip():
            indents[index] = len(rest) - len(rest.lstrip(" \t"))
    if not indents:
        return None
    # The text's left edge: the least indent that a twentieth of the lines have.
    widths = Counter(indents.values())
    edge = min(width for width, count in widths.items() if count * 20 >= len(indents))
    starts = {i for i, width in indents.items() if width >= edge + _MARGIN_INDENT}
    return Margin(texts, frozenset(starts))


def unwrapped_groups(lines: list[str]) -> list[tuple[int, int]] | None:
    """For a paragraph that is not hard-wrapped (a line too long for that: text taken from
    PDF pages, a speech-to-text transcript), the lines that make one paragraph each,
    ``[first, last)``: every line, except where a long line stops mid-sentence and the next
    goes on with it. None for a hard-wrapped paragraph."""
    if len(lines) < 2 or max(len(line) for line in lines[:-1]) <= _UNWRAPPED:
        return None
    groups: list[tuple[int, int]] = []
    first = 0
    for offset, line in enumerate(lines):
        tail = line.rstrip()
        goes_on = len(tail) > 100 and tail[-1:] not in _SENTENCE_END
        if offset == len(lines) - 1 or not goes_on:
            groups.append((first, offset + 1))
            first = offset + 1
    return groups


_SOFT_HYPHEN = "\u00ad"


def make_block(lines: list[str], first_line: int, blanks: int) -> Block:
    if len(lines) == 1:  # most paragraphs of most documents: the fast way
        return Block(lines[0].strip(), lines[0], first_line, blanks)
    parts: list[str] = []
    starts: list[int] = []
    size = 0
    joined = True  # no space before the next line (a word hyphenated across lines)
    last = max(i for i, part in enumerate(lines) if part.strip())
    for number, part in enumerate(lines):
        stripped = part.strip()
        if not stripped:
            continue
        if parts and not joined:
            parts.append(" ")
            size += 1
        starts.append(size)
        joined = False
        if stripped[-1] == _SOFT_HYPHEN and number < last:
            # A line of a PDF page ending in a soft hyphen: a word goes on on the next line
            # ("adminis\xad" "trative"), or pdftotext wrote a dash as "-\xad" ("as -\xad").
            if stripped[-2:-1] == "-":
                stripped = stripped[:-1] + "-"
            elif stripped[-2:-1].isalpha():
                stripped, joined = stripped[:-1], True
        parts.append(stripped)
        size += len(stripped)
    return Block("".join(parts), "\n".join(lines), first_line, blanks, starts=tuple(starts))


def split_blocks(
    text: str,
    is_leftover: Callable[[str], bool],
    opens_comments: Callable[[str], bool],
    first_line: int = 1,
) -> SplitText:
    """Cut text into blocks, dropping leftover lines (a dropped line also ends a paragraph).

    ``first_line`` is the number of the text's first line in the whole document (front
    matter before it is not part of ``text``).
    """
    blocks: list[Block] = []
    dropped: list[DroppedLine] = []
    comments_start: int | None = None
    pending: list[str] = []
    start = 0
    blanks = 0
    blanks_before_pending = 0
    # split("\n"), not splitlines(): U+2028 and friends are text, not line ends.
    lines = split_lines(text)
    margin = margin_numbers(lines)
    indent = paragraph_indent(lines) if margin is None else None
    heads = running_heads(lines, _FORM_FEED in text)

    def flush() -> None:
        nonlocal pending
        if not pending:
            return
        groups = unwrapped_groups(pending)
        if groups is None:
            blocks.append(make_block(pending, start, blanks_before_pending))
        else:
            for first, last in groups:
                blanks_here = blanks_before_pending if first == 0 else 0
                blocks.append(make_block(pending[first:last], start + first, blanks_here))
        pending = []

    for number, line in enumerate(lines, start=first_line):
        if margin is not None:
            index = number - first_line
            numbered = margin.texts.get(index)
            if numbered is not None:
                if not numbered:
                    # An empty numbered line: a blank line of the page.
                    dropped.append(DroppedLine(number, line, "line number"))
                    continue
                if index in margin.starts:
                    flush()
                if not pending:
                    start = number
                    blanks_before_pending = blanks
                    blanks = 0
                pending.append(numbered)
                continue
            if not line.strip():
                continue  # double-spaced pages: a blank line ends nothing
        if not line.strip():
            flush()
            blanks += 1
            continue
        if heads and heads.match(_bare(line)):
            # Dropped where it stands: a page break inside a paragraph does not end it.
            dropped.append(DroppedLine(number, line, "running header"))
            continue
        if len(line) <= 60 and is_leftover(line):
            flush()
            dropped.append(DroppedLine(number, line, "page chrome"))
            if comments_start is None and opens_comments(line):
                comments_start = len(blocks)
            continue
        if line.startswith("#") and _HEADING.match(line):
            flush()
            marks = len(line) - len(line.lstrip("#"))
            heading = line.strip()[marks:].strip()
            blocks.append(Block(heading, line, number, blanks, BlockKind.HEADING, marks))
            blanks = 0
            continue
        if indent is not None and pending and line[:1] == " " and _indent(line) == indent:
            flush()
        if not pending:
            start = number
            blanks_before_pending = blanks
            blanks = 0
        pending.append(line)
    flush()
    return SplitText(blocks, comments_start, dropped)
