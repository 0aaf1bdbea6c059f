"""The document model: frozen, I/O-free dataclasses that everything else points into.

Notes, bookmarks and the reading position refer to sections and passages by their ids
(``qa-3``, ``qa-3.p2``), never by screen rows, so the ids must come out the same every time
the same text is parsed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class SectionKind(StrEnum):
    """What a section holds; the UI and search use it to group and label."""

    INTRO = "intro"
    #: An opening statement: a speaker's turn before the first question (``statement-N``).
    STATEMENT = "statement"
    QA = "qa"
    #: A run of turns of a dialogue without an interviewer (``exchange-N``).
    EXCHANGE = "exchange"
    COMMENTS = "comments"
    COMMENT = "comment"
    SPEECH = "speech"
    TEXT = "text"


class BlockKind(StrEnum):
    """What kind of block a passage is (Markdown documents have all of them)."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"  # ``level`` 1-6
    LIST_ITEM = "list_item"  # ``level``: nesting depth, 1 for a top-level item
    CODE = "code"  # text keeps its line breaks
    QUOTE = "quote"  # ``level``: quotation depth
    RULE = "rule"  # a thematic break; text is the marker as written


class SpanStyle(StrEnum):
    EMPHASIS = "emphasis"
    STRONG = "strong"
    CODE = "code"
    LINK = "link"  # ``Span.target`` is the address
    STRIKE = "strike"


@dataclass(frozen=True, slots=True)
class Span:
    """A style over ``text[start:end]`` of a passage's plain text."""

    start: int
    end: int
    style: SpanStyle
    target: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph: the unit that notes and bookmarks attach to.

    ``text`` is always plain (search and note anchoring use it); Markdown structure is in
    ``block``/``level`` and inline styles in ``spans``, which default to nothing so that the
    ~100k passages of a large plain document cost no more than before.
    """

    id: str
    speaker: str | None
    text: str
    block: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A source line left out of the passages (page chrome, a repeated title)."""

    line: int  # 1-based, in the normalised text
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Section:
    """A node of the document tree: its own passages, then its children."""

    id: str
    kind: SectionKind
    title: str
    passages: tuple[Passage, ...] = ()
    children: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document.

    ``fingerprint`` is the SHA-256 of the normalised text: it names the document in the
    notes store, so the same text found at another path keeps its notes.
    """

    title: str
    source: str
    fingerprint: str
    sections: tuple[Section, ...]
    warnings: tuple[str, ...] = ()
    #: True for a preview made from the start of a large file while the rest is read.
    partial: bool = False
    #: Front matter (YAML ``---`` or TOML ``+++`` block on top): lower-case keys, text values.
    metadata: Mapping[str, str] = field(default_factory=dict)
    #: Lines that are in no passage, so a reader can check nothing real was thrown away.
    dropped: tuple[DroppedLine, ...] = ()
    _by_id: dict[str, Section] = field(default_factory=dict, init=False, repr=False, compare=False)
    _order: list[Section] = field(default_factory=list, init=False, repr=False, compare=False)
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for top in self.sections:
            for section in top.walk():
                self._index[section.id] = len(self._order)
                self._order.append(section)
                self._by_id[section.id] = section

    def walk(self) -> tuple[Section, ...]:
        """Every section, parents before children, in reading order."""
        return tuple(self._order)

    def section(self, section_id: str) -> Section | None:
        return self._by_id.get(section_id)

    def index_of(self, section_id: str) -> int:
        """Position of a section in reading order (``walk()``); ValueError if unknown."""
        try:
            return self._index[section_id]
        except KeyError:
            raise ValueError(section_id) from None

    def passage(self, passage_id: str) -> tuple[Section, Passage] | None:
        """The section and passage for a passage id such as ``qa-3.p2``."""
        section_id, _, _ = passage_id.rpartition(".")
        section = self._by_id.get(section_id)
        if section is None:
            return None
        for passage in section.passages:
            if passage.id == passage_id:
                return section, passage
        return None

    def readable(self) -> tuple[Section, ...]:
        """Sections that hold passages, in reading order: what next/previous moves through."""
        return tuple(s for s in self._order if s.passages)

    def questions(self) -> tuple[Section, ...]:
        return tuple(s for s in self._order if s.kind is SectionKind.QA)


def passage_id(section_id: str, number: int) -> str:
    """The id of the ``number``-th (1-based) passage of a section."""
    return f"{section_id}.p{number}"
