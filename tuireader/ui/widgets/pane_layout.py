"""Laying out one section for the reading pane: each passage wrapped at the text's width,
as a list of lines that know which passage they belong to and what they show.

Markdown passages keep their block (a heading, a list item, a quotation, code, a rule) and
their inline styles, drawn from the model's plain text and spans — never by parsing the
text as markup. Pure given its inputs; the pane supplies the styles from its stylesheet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from rich.console import Console
from rich.style import Style
from rich.text import Text

from tuireader.annotations import PassageMarks
from tuireader.model import BlockKind, Passage, Section, SectionKind, SpanStyle
from tuireader.terminal_text import terminal_safe

NOTE_MARK = "✎"


class Role(StrEnum):
    """What a line of the pane shows; each has a component class (``reading-pane--title``)."""

    TITLE = "title"
    RULE = "rule"
    SPEAKER = "speaker"
    QUESTION = "question"
    ANSWER = "answer"
    HEADING = "heading"
    CODE = "code"
    QUOTE = "quote"
    NOTE = "note"
    BLANK = "blank"


#: Markdown blocks drawn in a style of their own.
_BLOCK_ROLES = {
    BlockKind.HEADING: Role.HEADING,
    BlockKind.CODE: Role.CODE,
    BlockKind.QUOTE: Role.QUOTE,
}
#: Lines that hold a passage's own text (where a search match can be).
TEXT_ROLES = frozenset({Role.QUESTION, Role.ANSWER, Role.HEADING, Role.CODE, Role.QUOTE})


@dataclass(frozen=True, slots=True)
class Line:
    text: Text
    passage: int | None  # index of the passage this line belongs to, None for headings
    role: Role
    first: bool = False  # the first line of its passage's text: where markers go
    offset: int = 0  # where this line starts in its passage's text (for search hits)


@dataclass(frozen=True, slots=True)
class Layout:
    lines: list[Line]
    spans: list[tuple[int, int]]  # per passage: its first line, and the line after its last


#: Inline styles that mean the same in every theme.
_INLINE = {
    SpanStyle.EMPHASIS: Style(italic=True),
    SpanStyle.STRONG: Style(bold=True),
    SpanStyle.STRIKE: Style(strike=True),
    SpanStyle.LINK: Style(underline=True),
}
BULLET = "• "
QUOTE_BAR = "│ "


@dataclass(frozen=True, slots=True)
class Shape:
    """Where a block's lines start: the first line's prefix and the others'."""

    first: str = ""
    rest: str = ""


def shape_of(passage: Passage) -> Shape:
    block = passage.block
    if block is BlockKind.LIST_ITEM:
        indent = "  " * max(0, passage.level - 1)
        numbered = passage.text[:1].isdigit()  # "1. first": the number is in the text
        first = indent + ("" if numbered else BULLET)
        return Shape(first, indent + " " * (len(BULLET) if not numbered else 3))
    if block is BlockKind.QUOTE:
        bars = QUOTE_BAR * max(1, passage.level)
        return Shape(bars, bars)
    if block is BlockKind.CODE:
        return Shape("  ", "  ")
    return Shape()


def styled(passage: Passage, code_style: Style) -> Text:
    """The passage's text with its inline spans styled (plain text stays plain)."""
    text = Text(passage.text)
    for span in passage.spans:
        style = code_style if span.style is SpanStyle.CODE else _INLINE.get(span.style)
        if style is not None and 0 <= span.start < span.end <= len(passage.text):
            text.stylize(style, span.start, span.end)
    return text


_PLAIN = Shape()

#: A text (passage or heading) with its search matches styled: (text, passage or None,
#: the text already styled) -> the text to draw.
Highlighter = Callable[[str, int | None, Text | None], Text]


def lay_out(
    section: Section,
    heading: str,
    width: int,
    console: Console,
    *,
    marks: Mapping[int, PassageMarks],
    show_notes: bool,
    highlight: Highlighter,
    style: Callable[[str], Style],
) -> Layout:
    """``section`` under ``heading``, wrapped at ``width`` columns."""
    lines: list[Line] = []
    spans: list[tuple[int, int]] = []

    def add(
        text: Text, passage: int | None, role: Role, first: bool = False, shape: Shape = _PLAIN
    ) -> None:
        source = text.plain
        position = 0
        room = max(4, width - max(len(shape.first), len(shape.rest)))
        for number, wrapped in enumerate(text.wrap(console, room, overflow="fold")):
            wrapped.rstrip()
            found = source.find(wrapped.plain, position) if wrapped.plain else position
            offset = found if found >= 0 else position
            position = offset + len(wrapped.plain)
            lead = shape.first if number == 0 else shape.rest
            if lead:
                wrapped = Text.assemble((lead, style("quote")), wrapped)
            lines.append(Line(wrapped, passage, role, first and number == 0, offset))

    add(highlight(heading, None, None), None, Role.TITLE, first=True)
    lines.append(Line(Text("─" * min(width, 60)), None, Role.RULE))
    lines.append(Line(Text(), None, Role.BLANK))
    previous_speaker: str | None = None
    is_qa = section.kind is SectionKind.QA
    question_speaker = section.passages[0].speaker if is_qa and section.passages else None
    code_style = style("code")
    for index, passage in enumerate(section.passages):
        start = len(lines)
        new_turn = index == 0 or passage.speaker != previous_speaker
        if passage.speaker and new_turn and passage.speaker != section.title:
            add(highlight(terminal_safe(passage.speaker), None, None), index, Role.SPEAKER)
        previous_speaker = passage.speaker
        is_question = is_qa and passage.speaker == question_speaker and index == 0
        role = Role.QUESTION if is_question else _BLOCK_ROLES.get(passage.block, Role.ANSWER)
        if passage.block is BlockKind.RULE:
            lines.append(Line(Text("─" * min(width, 40)), index, Role.RULE, True))
        else:
            text = highlight(passage.text, index, styled(passage, code_style))
            add(text, index, role, first=True, shape=shape_of(passage))
        if show_notes:
            for note in marks.get(index, PassageMarks()).notes:
                add(Text(f"{NOTE_MARK} {note}"), index, Role.NOTE)
        spans.append((start, len(lines)))
        following = section.passages[index + 1] if index + 1 < len(section.passages) else None
        tight = (
            following is not None
            and passage.block is BlockKind.LIST_ITEM
            and following.block is BlockKind.LIST_ITEM
            and not (show_notes and index in marks)
        )
        if not tight:  # the items of a list follow one another without a blank line
            lines.append(Line(Text(), None, Role.BLANK))
    return Layout(lines, spans)
