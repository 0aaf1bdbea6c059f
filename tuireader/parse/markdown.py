"""Markdown to blocks that keep their kind, and inline styles as spans over plain text.

markdown-it-py (CommonMark) reads the structure; we keep each block's plain text (what
search and note anchors use), its kind and level, and emphasis, strong, code, strikethrough
and links as :class:`~tuireader.model.Span` offsets into that text. Nothing here becomes
markup: raw HTML in the source is kept as the text it is.

Imported only for Markdown documents: markdown-it costs start-up time plain text need not pay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from itertools import pairwise
from typing import TYPE_CHECKING

from tuireader.model import BlockKind, DroppedLine, Span, SpanStyle
from tuireader.parse.blocks import Block, SplitText, unwrapped_groups

if TYPE_CHECKING:
    from markdown_it.token import Token

_STYLES = {
    "em_open": SpanStyle.EMPHASIS,
    "strong_open": SpanStyle.STRONG,
    "s_open": SpanStyle.STRIKE,
    "link_open": SpanStyle.LINK,
}


def _inline(token: Token) -> tuple[str, tuple[Span, ...], tuple[int, ...]]:
    """Plain text, spans and the offsets where each source line starts."""
    parts: list[str] = []
    size = 0
    spans: list[Span] = []
    starts = [0]
    open_at: list[tuple[SpanStyle, int, str | None]] = []

    def add(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)

    for child in token.children or []:
        kind = child.type
        if kind in ("text", "html_inline"):
            add(child.content)
        elif kind in ("softbreak", "hardbreak"):
            add(" ")
            starts.append(size)
        elif kind == "code_inline":
            spans.append(Span(size, size + len(child.content), SpanStyle.CODE))
            add(child.content)
        elif kind == "image":
            add(child.content)
        elif kind in _STYLES:
            href = child.attrGet("href") if kind == "link_open" else None
            open_at.append((_STYLES[kind], size, str(href) if href is not None else None))
        elif kind.endswith("_close") and open_at:
            style, start, target = open_at.pop()
            if size > start:
                spans.append(Span(start, size, style, target))
    text = "".join(parts)
    stripped = text.lstrip()
    cut = len(text) - len(stripped)
    text = stripped.rstrip()
    if cut or len(text) < size - cut:
        spans = [
            Span(max(s.start - cut, 0), min(s.end - cut, len(text)), s.style, s.target)
            for s in spans
            if min(s.end - cut, len(text)) > max(s.start - cut, 0)
        ]
        starts = [max(0, s - cut) for s in starts if s - cut < len(text)] or [0]
    spans.sort(key=lambda s: (s.start, -s.end))
    return text, tuple(spans), tuple(starts)


_HTML_HEADING = re.compile(r"\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def html_heading(html: str) -> tuple[int, str] | None:
    """A block of HTML that is one heading (``<h3 id="x"><a href="#x">Why?</a></h3>``, as
    Markdown pages often write them): its level and its text, tags and entities gone."""
    match = _HTML_HEADING.fullmatch(html)
    if match is None:
        return None
    text = " ".join(unescape(_TAG.sub(" ", match.group(2))).split())
    return (int(match.group(1)), text) if text else None


def split_markdown(
    text: str,
    is_leftover: Callable[[str], bool],
    opens_comments: Callable[[str], bool],
    first_line: int = 1,
) -> SplitText:
    """Blocks of a Markdown text (line numbers counted from ``first_line``)."""
    from markdown_it import MarkdownIt

    lines = text.split("\n")
    dropped: list[DroppedLine] = []
    widget_line: int | None = None
    for index, line in enumerate(lines):
        if not line.strip():
            lines[index] = ""  # a line of no-break spaces is blank too
        elif len(line) <= 60 and is_leftover(line):
            dropped.append(DroppedLine(index + first_line, line, "page chrome"))
            if widget_line is None and opens_comments(line):
                widget_line = index
            lines[index] = ""
    tokens = MarkdownIt("commonmark").enable("strikethrough").parse("\n".join(lines))
    blocks: list[Block] = []
    comments_start: int | None = None
    quote = 0
    lists: list[int] = []  # the next number of each open ordered list (0: bullets)
    item_number: str | None = None
    pending_kind: BlockKind | None = None
    pending_level = 0
    start_line = 0

    def blanks_before(index: int) -> int:
        count = 0
        while index - count - 1 >= 0 and not lines[index - count - 1]:
            count += 1
        return count

    def add(
        block_text: str,
        kind: BlockKind,
        level: int,
        token_map: list[int] | None,
        spans: tuple[Span, ...] = (),
        starts: tuple[int, ...] = (0,),
    ) -> None:
        begin, end = token_map if token_map else (start_line, start_line + 1)
        if kind is BlockKind.PARAGRAPH and len(starts) > 1 and end - begin == len(starts):
            bounds = [*starts, len(block_text) + 1]
            source = [block_text[a : b - 1] for a, b in pairwise(bounds)]
            groups = unwrapped_groups(source)
            if groups is not None:
                # Not hard-wrapped (a speech-to-text transcript): a paragraph per line.
                for first, last in groups:
                    cut, until = starts[first], bounds[last] - 1
                    part = tuple(
                        Span(max(x.start, cut) - cut, min(x.end, until) - cut, x.style, x.target)
                        for x in spans
                        if x.end > cut and x.start < until
                    )
                    moved = tuple(a - cut for a in starts[first:last])
                    place = [begin + first, begin + last]
                    one(block_text[cut:until], kind, level, place, part, moved)
                return
        one(block_text, kind, level, [begin, end], spans, starts)

    def one(
        block_text: str,
        kind: BlockKind,
        level: int,
        token_map: list[int],
        spans: tuple[Span, ...],
        starts: tuple[int, ...],
    ) -> None:
        nonlocal comments_start
        begin, end = token_map
        if widget_line is not None and comments_start is None and begin > widget_line:
            comments_start = len(blocks)
        raw = "\n".join(lines[begin:end])
        blocks.append(
            Block(
                block_text,
                raw,
                begin + first_line,
                blanks_before(begin),
                kind,
                level,
                spans,
                starts,
            )
        )

    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(1 if kind == "ordered_list_open" else 0)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_number = f"{token.info}{token.markup}" if token.info else None
        elif kind == "heading_open":
            pending_kind, pending_level = BlockKind.HEADING, int(token.tag[1:])
            start_line = token.map[0] if token.map else start_line
        elif kind == "paragraph_open":
            if lists:
                pending_kind, pending_level = BlockKind.LIST_ITEM, len(lists)
            elif quote:
                pending_kind, pending_level = BlockKind.QUOTE, quote
            else:
                pending_kind, pending_level = BlockKind.PARAGRAPH, 0
        elif kind == "inline" and pending_kind is not None:
            body, spans, starts = _inline(token)
            if pending_kind is BlockKind.LIST_ITEM and item_number is not None:
                prefix = f"{item_number} "
                body = prefix + body
                spans = tuple(
                    Span(s.start + len(prefix), s.end + len(prefix), s.style, s.target)
                    for s in spans
                )
                starts = (0, *(s + len(prefix) for s in starts[1:]))
                item_number = None
            elif pending_kind is BlockKind.LIST_ITEM:
                item_number = None
            if body:
                add(body, pending_kind, pending_level, token.map, spans, starts)
            pending_kind = None
        elif kind in ("fence", "code_block"):
            add(token.content.rstrip("\n"), BlockKind.CODE, 0, token.map)
        elif kind == "hr":
            begin = token.map[0] if token.map else 0
            add(lines[begin].strip(), BlockKind.RULE, 0, token.map)
        elif kind == "html_block" and token.content.strip():
            heading = html_heading(token.content)
            if heading is not None and not quote:
                add(heading[1], BlockKind.HEADING, heading[0], token.map)
                continue
            add(
                token.content.strip(),
                BlockKind.QUOTE if quote else BlockKind.PARAGRAPH,
                quote,
                token.map,
            )
    if widget_line is not None and comments_start is None:
        comments_start = len(blocks)
    return SplitText(blocks, comments_start, dropped)
