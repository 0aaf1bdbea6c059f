"""Sections for text without questions: Markdown-style headings, else parts of sensible size."""

from __future__ import annotations

from tuireader.model import Passage, Section, SectionKind, passage_id
from tuireader.parse.transcript import Turn
from tuireader.titles import short_title

#: A part ends at the first paragraph past either limit.
PART_PASSAGES = 30
PART_CHARS = 12_000


def make_section(section_id: str, kind: SectionKind, title: str, turns: list[Turn]) -> Section:
    passages = tuple(
        Passage(passage_id(section_id, number), turn.speaker, turn.text)
        for number, turn in enumerate(turns, start=1)
    )
    return Section(section_id, kind, title, passages)


def heading_sections(turns: list[Turn]) -> list[Section]:
    """One section per heading; the heading's text is its title (not a passage)."""
    sections: list[Section] = []
    title: str | None = None
    body: list[Turn] = []

    def close() -> None:
        if title is None and not body:
            return
        section_id = f"part-{len(sections) + 1}"
        label = short_title(body[0].text) if title is None else title
        sections.append(make_section(section_id, SectionKind.TEXT, label, body))

    for turn in turns:
        if turn.block.is_heading:
            close()
            title = turn.text.lstrip("#").strip()
            body = []
        else:
            body.append(turn)
    close()
    return sections


def sized_sections(turns: list[Turn]) -> list[Section]:
    """Consecutive parts of at most ~PART_PASSAGES paragraphs or ~PART_CHARS characters."""
    sections: list[Section] = []
    body: list[Turn] = []
    size = 0

    def close() -> None:
        section_id = f"part-{len(sections) + 1}"
        title = short_title(body[0].text)
        sections.append(make_section(section_id, SectionKind.TEXT, title, body))

    for turn in turns:
        body.append(turn)
        size += len(turn.text)
        if len(body) >= PART_PASSAGES or size >= PART_CHARS:
            close()
            body, size = [], 0
    if body:
        close()
    return sections
