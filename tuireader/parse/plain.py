"""Sections for text without questions or dialogue: headings, else parts of sensible size.

- Headings are Markdown headings, or, in plain text, lines in capitals standing alone
  (``FINDINGS OF FACT``, ``II. ANALYSIS``) when there are at least two of them. Nested
  headings give nested sections; a heading is its section's title, not a passage.
- What comes before the first heading is the intro; without headings, the short lines on
  top (a title block: title, author, date) are.
- Without headings the text is cut into parts of about ``PART_PASSAGES`` paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tuireader.model import BlockKind, Section, SectionKind
from tuireader.parse.sections import make_section
from tuireader.parse.turns import Turn
from tuireader.titles import short_title

#: A part ends at the first paragraph past either limit.
PART_PASSAGES = 30
PART_CHARS = 12_000
#: A title block on top: at most this many short paragraphs.
_TITLE_BLOCK = 6
_SHORT_LINE = 100

_CAPS_HEADING = re.compile(r"(?:[IVXLC]{1,6}\.|[A-Z]\.|\d{1,2}\.)?[ A-Z0-9'’&,\-:()]{3,80}")


def _caps_heading(turn: Turn) -> bool:
    text = turn.text
    return (
        "\n" not in turn.block.raw.strip()
        and _CAPS_HEADING.fullmatch(text) is not None
        and sum(ch.isalpha() for ch in text) >= 4
        and not text.endswith((",", ":"))
    )


def _heading_level(turn: Turn, caps: bool) -> int:
    """0 for a paragraph; the level of a heading (1 for a heading in capitals)."""
    if turn.block.kind is BlockKind.HEADING:
        return turn.block.level or 1
    return 1 if caps and _caps_heading(turn) else 0


def _is_short(turn: Turn) -> bool:
    lines = turn.block.raw.strip().split("\n")
    return len(lines) <= 3 and all(len(line.strip()) <= _SHORT_LINE for line in lines)


def _title_block(turns: list[Turn]) -> int:
    """How many paragraphs on top are a title block: short lines that end no sentence
    (title, author, date; a salutation ending in a colon), before a longer paragraph."""
    count = 0
    while (
        count < min(len(turns) - 1, _TITLE_BLOCK)
        and _is_short(turns[count])
        and turns[count].text.rstrip()[-1:] not in ".?!"
    ):
        count += 1
    if count and count < len(turns) and not _is_short(turns[count]):
        return count
    return 0


@dataclass(slots=True)
class _Open:
    level: int
    title: str
    body: list[Turn] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    number: int = 0


def heading_sections(turns: list[Turn], caps: bool) -> list[Section]:
    """The intro before the first heading, then one (nested) section per heading."""
    levels = [_heading_level(turn, caps) for turn in turns]
    first = next((i for i, level in enumerate(levels) if level), len(turns))
    sections: list[Section] = []
    if first:
        sections.append(make_section("intro", SectionKind.INTRO, "Intro", turns[:first]))
    counter = 0
    stack: list[_Open] = []

    def close_one() -> None:
        done = stack.pop()
        made = make_section(f"part-{done.number}", SectionKind.TEXT, done.title, done.body)
        section = Section(made.id, made.kind, made.title, made.passages, tuple(done.children))
        (stack[-1].children if stack else sections).append(section)

    for turn, level in zip(turns[first:], levels[first:], strict=True):
        if level:
            while stack and stack[-1].level >= level:
                close_one()
            counter += 1
            stack.append(_Open(level, turn.text or "Untitled", number=counter))
        else:
            stack[-1].body.append(turn)
    while stack:
        close_one()
    return sections


def sized_sections(turns: list[Turn]) -> list[Section]:
    """A title block as the intro, then parts of ~PART_PASSAGES paragraphs or ~PART_CHARS."""
    sections: list[Section] = []
    top = _title_block(turns)
    if top:
        sections.append(make_section("intro", SectionKind.INTRO, "Intro", turns[:top]))
    body: list[Turn] = []
    size = 0
    number = 0

    def close() -> None:
        nonlocal number
        number += 1
        title = short_title(body[0].text)
        sections.append(make_section(f"part-{number}", SectionKind.TEXT, title, body))

    for turn in turns[top:]:
        body.append(turn)
        size += len(turn.text)
        if len(body) >= PART_PASSAGES or size >= PART_CHARS:
            close()
            body, size = [], 0
    if body:
        close()
    return sections


def plain_sections(turns: list[Turn]) -> list[Section]:
    if any(turn.block.is_heading for turn in turns):
        return heading_sections(turns, caps=False)
    if sum(1 for turn in turns if _caps_heading(turn)) >= 2:
        return heading_sections(turns, caps=True)
    return sized_sections(turns)
