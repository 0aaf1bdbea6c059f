"""Re-finding a note's passage in a document that may have changed since.

In order: the same passage id with the same text; the exact text anywhere (the passage
moved); the quote found approximately, judged with the text around it (a few words
changed). Otherwise the note is *orphaned*: kept, listed, never dropped or misplaced. A
paragraph that used to stand right before or after the passage is never taken for it, so
a deleted passage next to a look-alike does not jump onto the look-alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tuireader.model import Document
from tuireader.store.schema import Anchor, Record

CONTEXT_CHARS = 64


class Status(StrEnum):
    ANCHORED = "anchored"
    APPROXIMATE = "approximate"
    ORPHANED = "orphaned"


@dataclass(frozen=True, slots=True)
class Placement:
    status: Status
    target: str | None  # where the record is now (a passage or section id), None if orphaned


class PassageIndex:
    """The document's passages in reading order, for anchoring and re-anchoring."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.ids: list[str] = []
        self.texts: list[str] = []
        self.sections: list[str] = []
        for section in document.walk():
            for passage in section.passages:
                self.ids.append(passage.id)
                self.texts.append(passage.text)
                self.sections.append(section.id)
        self.position = {pid: i for i, pid in enumerate(self.ids)}
        self._by_text: dict[str, list[int]] | None = None
        self._section_titles: dict[str, str] | None = None

    def by_text(self, text: str) -> list[int]:
        if self._by_text is None:
            self._by_text = {}
            for index, passage_text in enumerate(self.texts):
                self._by_text.setdefault(passage_text, []).append(index)
        return self._by_text.get(text, [])

    def prefix(self, index: int) -> str:
        return self.texts[index - 1][-CONTEXT_CHARS:] if index > 0 else ""

    def suffix(self, index: int) -> str:
        return self.texts[index + 1][:CONTEXT_CHARS] if index + 1 < len(self.texts) else ""

    def anchor_for(self, target: str) -> Anchor | None:
        """The anchor to store for a passage id, or for a section id (its title)."""
        index = self.position.get(target)
        if index is not None:
            return Anchor(self.texts[index], self.prefix(index), self.suffix(index))
        section = self.document.section(target)
        if section is not None:
            return Anchor(section.title)
        return None

    def section_of(self, target: str) -> str | None:
        index = self.position.get(target)
        if index is not None:
            return self.sections[index]
        return target if self.document.section(target) is not None else None

    def _section_by_title(self, title: str) -> str | None:
        if self._section_titles is None:
            self._section_titles = {}
            for section in self.document.walk():
                self._section_titles.setdefault(section.title, section.id)
        return self._section_titles.get(title)

    # Finding ------------------------------------------------------------------------

    def _context(self, anchor: Anchor, index: int) -> float:
        from rapidfuzz import fuzz

        scores = []
        if anchor.prefix:
            scores.append(fuzz.ratio(anchor.prefix, self.prefix(index)) / 100)
        if anchor.suffix:
            scores.append(fuzz.ratio(anchor.suffix, self.suffix(index)) / 100)
        return sum(scores) / len(scores) if scores else 0.5

    def _was_a_neighbour(self, anchor: Anchor, index: int) -> bool:
        """True if this paragraph is the one that stood just before or after the passage."""
        from rapidfuzz import fuzz

        text = self.texts[index]
        if len(anchor.suffix) >= 12 and fuzz.ratio(anchor.suffix, text[: len(anchor.suffix)]) >= 90:
            return True
        return (
            len(anchor.prefix) >= 12
            and fuzz.ratio(anchor.prefix, text[-len(anchor.prefix) :]) >= 90
        )

    def locate(self, record: Record) -> Placement:
        anchor = record.anchor
        if "." not in record.target:  # a section bookmark: its id, checked by its title
            section = self.document.section(record.target)
            if section is not None and (section.title == anchor.exact or not anchor.exact):
                return Placement(Status.ANCHORED, record.target)
            moved = self._section_by_title(anchor.exact) if anchor.exact else None
            if moved:
                return Placement(Status.ANCHORED, moved)
            if section is not None:
                return Placement(Status.APPROXIMATE, record.target)
            return Placement(Status.ORPHANED, None)
        index = self.position.get(record.target)
        if index is not None and self.texts[index] == anchor.exact:
            return Placement(Status.ANCHORED, record.target)
        if not anchor.exact:
            return Placement(Status.ORPHANED, None)
        same = self.by_text(anchor.exact)
        if same:
            best = max(same, key=lambda i: self._context(anchor, i))
            return Placement(Status.ANCHORED, self.ids[best])
        return self._approximate(anchor)

    def _approximate(self, anchor: Anchor) -> Placement:
        # rapidfuzz is imported only when a note has to be searched for: start-up stays quick.
        from rapidfuzz import fuzz, process

        matches = process.extract(
            anchor.exact, self.texts, scorer=fuzz.ratio, score_cutoff=60, limit=8
        )
        best: tuple[float, int] | None = None
        for _, score, index in matches:
            if self._was_a_neighbour(anchor, index):
                continue
            text_score = score / 100
            context = self._context(anchor, index)
            accepted = (
                (text_score >= 0.6 and context >= 0.6)
                or (text_score >= 0.9 and context >= 0.3)
                or text_score >= 0.97
            )
            if accepted and (best is None or text_score + context > best[0]):
                best = (text_score + context, index)
        if best is None:
            return Placement(Status.ORPHANED, None)
        return Placement(Status.APPROXIMATE, self.ids[best[1]])
