"""Text to :class:`~tuireader.model.Document`: pure, deterministic, no I/O.

The steps, each in its own module:

1. ``blocks``: lines to paragraphs, page leftovers dropped, the comment widget located.
2. ``transcript``: speaker labels found and turned into turns.
3. Sections: questions with their answers (``qa-N``) after an ``intro``; else headings or
   parts of sensible size (``plain``).
4. ``page``: the comments after the widget, one section each, and a speech quoted in one.
"""

from __future__ import annotations

import hashlib

from tuireader.model import Document, Section, SectionKind
from tuireader.parse import page, plain, transcript
from tuireader.parse.blocks import Block, split_blocks
from tuireader.parse.transcript import Turn

__all__ = ["parse_document"]

#: How many paragraphs at the top are searched for a repeated title.
_TITLE_WINDOW = 6
_TITLE_MAX = 160


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _take_title(blocks: list[Block], fallback: str) -> tuple[str, list[Block]]:
    """The document title, and the blocks left once a repeated title is removed.

    Scraped pages repeat their title (page header, then article header); it is shown once,
    as the title. A Markdown ``# Title`` on top is taken too. Otherwise the first short
    line names the document but stays in the text.
    """
    window = blocks[:_TITLE_WINDOW]
    for index, block in enumerate(window):
        if "\n" in block.raw or len(block.text) > _TITLE_MAX:
            continue
        for later in window[index + 1 :]:
            if later.text == block.text:
                rest = [b for b in blocks if b is not block and b is not later]
                return block.text, rest
    if blocks and blocks[0].is_heading and blocks[0].raw.startswith("# "):
        return blocks[0].text[2:].strip(), blocks[1:]
    if blocks and "\n" not in blocks[0].raw and len(blocks[0].text) <= 100:
        return blocks[0].text, blocks
    return fallback, blocks


def _qa_sections(turns: list[Turn], askers: set[str]) -> list[Section]:
    sections: list[Section] = []
    intro: list[Turn] = []
    current: list[Turn] | None = None

    def close() -> None:
        if current:
            section_id = f"qa-{len(sections) + 1}"
            title = current[0].text
            sections.append(plain.make_section(section_id, SectionKind.QA, title, current))

    for turn in turns:
        if turn.labelled and turn.speaker in askers:
            close()
            current = [turn]
        elif current is None:
            intro.append(turn)
        else:
            current.append(turn)
    close()
    if intro:
        sections.insert(0, plain.make_section("intro", SectionKind.INTRO, "Intro", intro))
    return sections


def _body_sections(blocks: list[Block]) -> list[Section]:
    all_turns = transcript.turns(blocks, transcript.find_speakers(blocks))
    askers = transcript.question_speakers(all_turns)
    if askers:
        return _qa_sections(all_turns, askers)
    if any(block.is_heading for block in blocks):
        return plain.heading_sections(all_turns)
    return plain.sized_sections(all_turns)


def _speech_span(blocks: list[Block]) -> tuple[int, int, str] | None:
    """Where a quoted speech lies in a comment's blocks: [start, end) and its speaker.

    It starts at a dateline followed by a labelled paragraph. If that paragraph opens a
    quotation, the speech runs to the paragraph that closes it; otherwise to the end.
    """
    for start in range(len(blocks) - 1):
        if not page.is_dateline(blocks[start].text):
            continue
        found = transcript.split_label(blocks[start + 1].text)
        if found is None or transcript.label_strength(found[0]) == 0:
            continue
        speaker = found[0]
        if page.opens_quotation(found[1]):
            for end in range(start + 1, len(blocks)):
                if page.closes_quotation(blocks[end].text):
                    return start, end + 1, speaker
        return start, len(blocks), speaker
    return None


def _comment_sections(blocks: list[Block]) -> tuple[Section | None, list[Section]]:
    """The ``comments`` section (one child per comment) and any quoted speeches."""
    comments: list[Section] = []
    speeches: list[Section] = []
    for draft in page.split_comments(blocks):
        own = draft.blocks
        span = _speech_span(own)
        if span is not None:
            start, end, speaker = span
            speech_turns = transcript.turns(own[start:end], {speaker})
            number = len(speeches) + 1
            section_id = "speech" if number == 1 else f"speech-{number}"
            title = own[start].text.rstrip(".")
            speeches.append(plain.make_section(section_id, SectionKind.SPEECH, title, speech_turns))
            own = own[:start] + own[end:]
        if not own:
            continue
        section_id = f"comment-{len(comments) + 1}"
        comment_turns = [Turn(draft.author, b.text, False, b) for b in own]
        title = draft.author or "Anonymous"
        comments.append(plain.make_section(section_id, SectionKind.COMMENT, title, comment_turns))
    if not comments:
        return None, speeches
    parent = Section("comments", SectionKind.COMMENTS, "Comments", (), tuple(comments))
    return parent, speeches


def parse_document(
    text: str, source: str = "", *, fallback_title: str = "Untitled", warnings: tuple[str, ...] = ()
) -> Document:
    """Parse normalised text (see :mod:`tuireader.text`) into a document."""
    split = split_blocks(text, page.is_leftover, page.opens_comments)
    if split.comments_start is None:
        body, tail = split.blocks, []
    else:
        body, tail = split.blocks[: split.comments_start], split.blocks[split.comments_start :]
    title, body = _take_title(body, fallback_title)
    sections = _body_sections(body)
    comments, speeches = _comment_sections(tail)
    if comments is not None:
        sections.append(comments)
    sections.extend(speeches)
    return Document(title, source, fingerprint(text), tuple(sections), warnings)
