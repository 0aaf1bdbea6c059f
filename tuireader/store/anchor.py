"""Re-finding a note's passage in a document that may have changed since.

In order: the exact text (at its old place, or moved), judged with the text around it;
else the quote found approximately (a few words changed), the text around it deciding;
else the note is *orphaned*: kept, listed, never dropped or misplaced. When the evidence
is ambiguous (a short text such as "Thank you." among new neighbours, two copies that fit
alike, a look-alike elsewhere that differs only in numbers) the note is orphaned too. A
paragraph that used to stand right before or after the passage is never taken for it, so
a deleted passage next to a look-alike does not jump onto the look-alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tuireader.model import Document
from tuireader.store.schema import Anchor, Record

CONTEXT_CHARS = 64
#: Two random stretches of 64 characters of English are about 40 % alike (fuzz.ratio);
#: neighbours that agree with a quote's context this well are evidence, not chance.
SUPPORT = 0.6
#: One side (the paragraph before or after) this alike is evidence on its own.
STRONG_SIDE = 0.85
#: How far the best place must lead the next one to be chosen over it.
MARGIN = 0.1
#: A passage this long is taken to be unique: found once, it is the note's passage even
#: among new neighbours (moved). Shorter texts ("Thank you.") repeat; they need neighbours.
DISTINCTIVE_CHARS = 80
#: The least alike a changed passage may be and still be considered.
MIN_TEXT = 0.6
#: The context score of a quote that has no context (a one-passage document).
NO_CONTEXT = 0.6


class Status(StrEnum):
    ANCHORED = "anchored"
    APPROXIMATE = "approximate"
    ORPHANED = "orphaned"


@dataclass(frozen=True, slots=True)
class Context:
    """How a passage's neighbours fit a quote's prefix and suffix (0 to 1)."""

    mean: float  # of the sides the quote has
    best_side: float

    @property
    def supports(self) -> bool:
        return self.mean >= SUPPORT or self.best_side >= STRONG_SIDE


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

    def _context(self, anchor: Anchor, index: int) -> Context:
        """How well the passage's neighbours agree with the quote's prefix and suffix."""
        from rapidfuzz import fuzz

        scores = []
        if anchor.prefix:
            scores.append(fuzz.ratio(anchor.prefix, self.prefix(index)) / 100)
        if anchor.suffix:
            scores.append(fuzz.ratio(anchor.suffix, self.suffix(index)) / 100)
        if not scores:
            return Context(NO_CONTEXT, 0.0)
        return Context(sum(scores) / len(scores), max(scores))

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
        if not anchor.exact:
            return Placement(Status.ORPHANED, None)
        same = self.by_text(anchor.exact)
        if same:
            return self._exact(anchor, same, self.position.get(record.target))
        return self._approximate(anchor)

    def _exact(self, anchor: Anchor, same: list[int], original: int | None) -> Placement:
        """Among the passages with the quote's exact text, the one the evidence points to.

        Its old place, if that still holds its text, unless another copy's neighbours fit
        clearly better. Otherwise the copy whose neighbours fit clearly best, if they do
        fit, or, for a text long enough not to be repeated by chance, its only copy. Two
        copies that fit alike, or a short text ("Thank you.") among new neighbours, are not
        evidence enough: the note is orphaned rather than put on a look-alike.
        """
        if original is not None and original in same:  # the quick answer, most of the time
            unchanged = self.prefix(original) == anchor.prefix and (
                self.suffix(original) == anchor.suffix
            )
            if len(same) == 1 or unchanged:  # nothing can fit better than that
                return Placement(Status.ANCHORED, self.ids[original])
        fits = {index: self._context(anchor, index) for index in same}
        ranked = sorted(same, key=lambda i: fits[i].mean, reverse=True)
        best = ranked[0]
        if original in fits and fits[best].mean - fits[original].mean < MARGIN:
            return Placement(Status.ANCHORED, self.ids[original])
        if len(ranked) > 1 and fits[best].mean - fits[ranked[1]].mean < MARGIN:
            return Placement(Status.ORPHANED, None)
        if fits[best].supports or (len(ranked) == 1 and len(anchor.exact) >= DISTINCTIVE_CHARS):
            return Placement(Status.ANCHORED, self.ids[best])
        return Placement(Status.ORPHANED, None)

    def _approximate(self, anchor: Anchor) -> Placement:
        """A passage like the quote (a few words changed), if its neighbours say it is the
        same passage: the less alike the text, the more alike the neighbours must be. Two
        candidates that fit alike leave the note orphaned."""
        # rapidfuzz is imported only when a note has to be searched for: start-up stays quick.
        from rapidfuzz import fuzz, process

        matches = process.extract(
            anchor.exact, self.texts, scorer=fuzz.ratio, score_cutoff=MIN_TEXT * 100, limit=8
        )
        accepted: list[tuple[float, int]] = []
        for _, score, index in matches:
            if self._was_a_neighbour(anchor, index):
                continue
            text_score = score / 100
            context = self._context(anchor, index).mean
            if context >= needed_context(text_score):
                accepted.append((text_score + context, index))
        accepted.sort(reverse=True)
        if not accepted or (len(accepted) > 1 and accepted[0][0] - accepted[1][0] < MARGIN):
            return Placement(Status.ORPHANED, None)
        return Placement(Status.APPROXIMATE, self.ids[accepted[0][1]])


def needed_context(text_score: float) -> float:
    """How well the neighbours must fit for a passage this alike to be taken: SUPPORT for
    a text at least 90 % alike, rising to 0.75 at the least alike considered (60 %)."""
    return SUPPORT + max(0.0, 0.9 - text_score) / 2
