"""Where the reader is, and where each movement key takes it: pure, no UI.

A :class:`Position` is a readable section (one with passages) and a passage index in it.
Each move returns the new position, or None when there is nowhere to go; the UI says so.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from tuireader.model import Document, Section, SectionKind
from tuireader.titles import short_title


@dataclass(frozen=True, slots=True)
class Position:
    section: int  # index into Navigator.sections
    passage: int  # index into that section's passages


class Navigator:
    """Moves over a document's readable sections (those holding passages)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.sections: tuple[Section, ...] = document.readable()
        self._index = {section.id: i for i, section in enumerate(self.sections)}
        self._questions = [i for i, s in enumerate(self.sections) if s.kind is SectionKind.QA]
        self._question_number = {index: n for n, index in enumerate(self._questions, start=1)}
        # Passages before each readable section, and in all: how far through a position is.
        self._before: list[int] = []
        total = 0
        for section in self.sections:
            self._before.append(total)
            total += len(section.passages)
        self._total_passages = total
        self._number: dict[SectionKind, dict[int, int]] = {}
        for kind in (SectionKind.COMMENT, SectionKind.STATEMENT, SectionKind.EXCHANGE):
            found = [i for i, s in enumerate(self.sections) if s.kind is kind]
            self._number[kind] = {index: n for n, index in enumerate(found, start=1)}
        self._comment_number = self._number[SectionKind.COMMENT]

    @property
    def empty(self) -> bool:
        return not self.sections

    @property
    def question_count(self) -> int:
        return len(self._questions)

    def question_number(self, position: Position) -> int | None:
        """1-based number of the question at ``position``, if it is one."""
        return self._question_number.get(position.section)

    def section(self, position: Position) -> Section:
        return self.sections[position.section]

    def position_of(self, section_id: str, passage: int = 0) -> Position | None:
        """The position of a section id; a section without passages maps to its first
        readable descendant (``comments`` opens the first comment)."""
        index = self._index.get(section_id)
        if index is None:
            found = self.document.section(section_id)
            if found is None:
                return None
            for child in found.walk():
                if child.id in self._index:
                    index = self._index[child.id]
                    passage = 0
                    break
            else:
                return None
        count = len(self.sections[index].passages)
        return Position(index, max(0, min(passage, count - 1)))

    def position_of_passage(self, passage_id: str) -> Position | None:
        section_id, _, number = passage_id.rpartition(".p")
        position = self.position_of(section_id)
        if position is None or not number.isdigit():
            return None
        section = self.sections[position.section]
        index = int(number) - 1
        if section.id != section_id or not 0 <= index < len(section.passages):
            return None
        return Position(position.section, index)

    def first(self) -> Position | None:
        return None if self.empty else Position(0, 0)

    # Answers -------------------------------------------------------------------------

    def next_answer(self, position: Position) -> Position | None:
        at = bisect.bisect_right(self._questions, position.section)
        return Position(self._questions[at], 0) if at < len(self._questions) else None

    def previous_answer(self, position: Position) -> Position | None:
        at = bisect.bisect_left(self._questions, position.section)
        return Position(self._questions[at - 1], 0) if at > 0 else None

    # Sections ------------------------------------------------------------------------

    def next_section(self, position: Position) -> Position | None:
        if position.section + 1 < len(self.sections):
            return Position(position.section + 1, 0)
        return None

    def previous_section(self, position: Position) -> Position | None:
        if position.section > 0:
            return Position(position.section - 1, 0)
        return None

    # Passages ------------------------------------------------------------------------

    def next_passage(self, position: Position) -> Position | None:
        """The next passage, going on into the next section past the end of this one."""
        if position.passage + 1 < len(self.sections[position.section].passages):
            return Position(position.section, position.passage + 1)
        return self.next_section(position)

    def previous_passage(self, position: Position) -> Position | None:
        """The previous passage, going back to the end of the previous section."""
        if position.passage > 0:
            return Position(position.section, position.passage - 1)
        if position.section > 0:
            previous = position.section - 1
            return Position(previous, len(self.sections[previous].passages) - 1)
        return None

    def first_passage(self, position: Position) -> Position:
        return Position(position.section, 0)

    def last_passage(self, position: Position) -> Position:
        return Position(position.section, len(self.sections[position.section].passages) - 1)

    # Where you are -------------------------------------------------------------------

    def describe(self, position: Position) -> str:
        """``Q3/10 · passage 2/14``: for the status line."""
        section = self.sections[position.section]
        count = len(section.passages)
        where = self.short_name(section)
        total_questions = "…" if self.document.partial else str(len(self._questions))
        if section.kind is SectionKind.QA:
            where = f"Q{self._question_number[position.section]}/{total_questions}"
        elif section.kind in _COUNTED:
            numbers = self._number[section.kind]
            where = f"{_COUNTED[section.kind]} {numbers[position.section]}/{len(numbers)}"
            if section.kind is SectionKind.STATEMENT:
                where = f"{where} ({_shorten(section.title)})"
        loading = " · reading the rest of the document…" if self.document.partial else ""
        return f"{where} · passage {position.passage + 1}/{count}{loading}"

    def short_name(self, section: Section) -> str:
        """A few words naming a section: ``Q3``, ``Intro``, ``Speech``, ``Comment 2``,
        ``Exchange 3``; a statement by its speaker; a text part by its title."""
        index = self._index.get(section.id)
        if section.kind is SectionKind.QA and index is not None:
            return f"Q{self._question_number[index]}"
        if section.kind is SectionKind.INTRO:
            return "Intro"
        if section.kind is SectionKind.SPEECH:
            return "Speech"
        if section.kind in (SectionKind.COMMENT, SectionKind.EXCHANGE) and index is not None:
            return f"{_COUNTED[section.kind]} {self._number[section.kind][index]}"
        return _shorten(section.title)

    def progress(self, position: Position) -> int:
        """How far through the document a position is, in percent of its passages (``less``
        shows the same): 0 at the first passage, 100 at the last."""
        if self._total_passages <= 1:
            return 100
        passed = self._before[position.section] + position.passage
        return passed * 100 // (self._total_passages - 1)

    def at_progress(self, percent: int) -> Position | None:
        """The passage ``percent`` of the way through the document (the inverse of
        :meth:`progress`)."""
        if not self.sections:
            return None
        target = max(0, min(100, percent)) * (self._total_passages - 1) // 100
        index = bisect.bisect_right(self._before, target) - 1
        return Position(index, target - self._before[index])

    def resolve(self, text: str) -> Position | None:
        """Where a "go to" typed by the user points: ``14`` or ``Q14`` (the 14th question;
        without questions, the 14th section), ``45%``, or an id as the program prints them
        (``qa-3``, ``qa-3.p2``, ``comment-2``). None if it points nowhere here."""
        wanted = text.strip()
        if not wanted:
            return None
        if wanted.endswith("%") and wanted[:-1].strip().isdigit():
            return self.at_progress(int(wanted[:-1]))
        number = wanted[1:] if wanted[:1] in ("Q", "q") and wanted[1:].isdigit() else wanted
        if number.isdigit():
            index = int(number) - 1
            if self._questions:
                ok = 0 <= index < len(self._questions)
                return Position(self._questions[index], 0) if ok else None
            return Position(index, 0) if 0 <= index < len(self.sections) else None
        if "." in wanted:
            return self.position_of_passage(wanted)
        return self.position_of(wanted)


#: Sections numbered in the status line: "Comment 2/4", "Statement 1/3", "Exchange 5/9".
_COUNTED = {
    SectionKind.COMMENT: "Comment",
    SectionKind.STATEMENT: "Statement",
    SectionKind.EXCHANGE: "Exchange",
}


def _shorten(title: str, limit: int = 24) -> str:
    return short_title(title, limit)
