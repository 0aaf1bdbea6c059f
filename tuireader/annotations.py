"""Between the reader and the notes store: which passages carry notes and bookmarks, and
the rows of the notes and bookmarks lists. Headless: the UI draws what this computes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tuireader.model import Section
from tuireader.navigation import Navigator
from tuireader.store import DocumentNotes, Item, Status
from tuireader.terminal_text import terminal_safe
from tuireader.titles import short_title


@dataclass(frozen=True, slots=True)
class PassageMarks:
    """What is attached to one passage: note texts, and whether it is bookmarked."""

    notes: tuple[str, ...] = ()
    bookmarked: bool = False


class Listing(StrEnum):
    """Which list a row belongs to."""

    NOTES = "notes"
    BOOKMARKS = "bookmarks"


@dataclass(frozen=True, slots=True)
class ListRow:
    """One note or bookmark as the lists show it."""

    record_id: str
    group: str  # the section heading it is listed under
    quote: str
    body: str | None  # None for a bookmark
    status: Status
    where: str  # "Q3 · passage 2", or where it was


class Annotations:
    """The notes and bookmarks of one document, indexed by the passage they sit on."""

    def __init__(self, notes: DocumentNotes | None, navigator: Navigator) -> None:
        self.notes = notes
        self.navigator = navigator
        self._notes_at: dict[str, list[Item]] = {}
        self._bookmarks_at: dict[str, list[Item]] = {}
        self.rebuild()

    def rebuild(self) -> None:
        """Recompute after the store changed (an edit here, or another session's save)."""
        self._notes_at = {}
        self._bookmarks_at = {}
        if self.notes is None:
            return
        # Two sessions (or the CLI) can put two notes, or two bookmarks, on one passage:
        # all are kept and shown, oldest first.
        for item in self.notes.notes():
            if item.status is not Status.ORPHANED:
                self._notes_at.setdefault(item.target, []).append(item)
        for item in self.notes.bookmarks():
            if item.status is not Status.ORPHANED:
                self._bookmarks_at.setdefault(item.target, []).append(item)
        for items in (*self._notes_at.values(), *self._bookmarks_at.values()):
            items.sort(key=lambda i: (i.record.created, i.record.id))

    # Marks ---------------------------------------------------------------------------

    def marks_for(self, section: Section) -> dict[int, PassageMarks]:
        """The marks of a section's passages, by passage index (unmarked ones left out)."""
        marks = {}
        for index, passage in enumerate(section.passages):
            notes = self._notes_at.get(passage.id, [])
            bookmarked = passage.id in self._bookmarks_at
            if notes or bookmarked:
                bodies = tuple(terminal_safe(n.record.body, multiline=True) for n in notes)
                marks[index] = PassageMarks(bodies, bookmarked)
        return marks

    def section_bookmarked(self, section_id: str) -> bool:
        return section_id in self._bookmarks_at

    def bookmarked_sections(self) -> set[str]:
        """Sections holding a bookmark, on themselves or on one of their passages."""
        return {self._section_of(target) for target in self._bookmarks_at}

    def noted_sections(self) -> set[str]:
        """Sections with a note on one of their passages."""
        return {self._section_of(target) for target in self._notes_at}

    @staticmethod
    def _section_of(target: str) -> str:
        return target.rpartition(".")[0] if "." in target else target

    def notes_on(self, passage_id: str) -> list[Item]:
        """The notes on a passage, oldest first."""
        return list(self._notes_at.get(passage_id, ()))

    def bookmarks_on(self, target: str) -> list[Item]:
        """The bookmarks on a passage or section (more than one after two sessions)."""
        return list(self._bookmarks_at.get(target, ()))

    # Lists ---------------------------------------------------------------------------

    def describe(self, target: str) -> str:
        """``Q3 · passage 2`` for a passage id, ``Q3`` for a section id. An id that is not
        in the document (from a notes file, which anyone can edit) is shown harmlessly."""
        section_id, _, number = target.rpartition(".p")
        if not section_id:
            section = self.navigator.document.section(target)
            return self.navigator.short_name(section) if section else terminal_safe(target)
        section = self.navigator.document.section(section_id)
        name = self.navigator.short_name(section) if section else terminal_safe(section_id)
        return f"{name} · passage {terminal_safe(number)}"

    def _group(self, item: Item) -> str:
        if item.status is Status.ORPHANED or item.section is None:
            return "Orphaned: no longer in the document"
        section = self.navigator.document.section(item.section)
        if section is None:
            return terminal_safe(item.section)
        name = self.navigator.short_name(section)
        title = short_title(section.title, 60)
        return title if name == section.title else f"{name} · {title}"

    def rows(self, listing: Listing) -> list[ListRow]:
        """The rows of the notes or bookmarks list: in reading order, orphaned ones last."""
        if self.notes is None:
            return []
        notes = listing is Listing.NOTES
        items = self.notes.notes() if notes else self.notes.bookmarks()
        rows = []
        for item in items:
            where = self.describe(item.target)
            if item.status is Status.ORPHANED:
                where = f"was at {terminal_safe(item.record.target)}"
            rows.append(
                ListRow(
                    item.record.id,
                    self._group(item),
                    item.record.anchor.exact,
                    terminal_safe(item.record.body, multiline=True) if notes else None,
                    item.status,
                    where,
                )
            )
        orphaned = [r for r in rows if r.status is Status.ORPHANED]
        return [r for r in rows if r.status is not Status.ORPHANED] + orphaned
