"""Text to :class:`~tuireader.model.Document`: pure, deterministic, no I/O.

The steps, each in its own module:

1. ``frontmatter``: a YAML/TOML block on top becomes the document's metadata.
2. ``blocks`` (plain text) or ``markdown``: lines to paragraphs, page leftovers dropped (and
   kept aside as ``Document.dropped``), the comment widget located.
3. ``labels`` and ``turns``: speaker labels, decided for the whole document, become turns.
4. ``roles``: who asks, who answers, who gives the floor.
5. ``sections``: intro, opening statements and one section per question; a dialogue's
   exchanges; else ``plain``: headings, or parts of sensible size.
6. ``page``: the comments after the widget, one section each, and a speech quoted in one.
"""

from __future__ import annotations

import re
from itertools import pairwise

from tuireader.chunked import sha256_utf8
from tuireader.model import BlockKind, Document, DroppedLine, Section, SectionKind
from tuireader.parse import page, plain, sections
from tuireader.parse.blocks import Block, SplitText, split_blocks
from tuireader.parse.frontmatter import split_front_matter
from tuireader.parse.labels import Form, find_label, label_strength
from tuireader.parse.roles import find_roles
from tuireader.parse.turns import Turn, find_turns

__all__ = ["parse_document"]

#: How many paragraphs at the top are searched for a repeated title or a top heading.
_TITLE_WINDOW = 6
_TITLE_MAX = 160
#: A menu or a table of contents on top is at most this many blocks long.
_MENU_LONGEST = 200
_NOT_TITLES = frozenset({"contents", "table of contents", "toc", "menu", "navigation", "skip"})
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
_MARKDOWN_SIGNS = (
    re.compile(r"^#{1,6} \S", re.MULTILINE),
    re.compile(r"\*\*[^*\n]+\*\*"),
    re.compile(r"\]\([^)\s]+\)"),
    re.compile(r"^```", re.MULTILINE),
    re.compile(r"^[-*+] \S", re.MULTILINE),
)
_SNIFF_CHARS = 20_000


def fingerprint(text: str) -> str:
    return sha256_utf8(text)


def looks_like_markdown(text: str, source: str = "") -> bool:
    """A ``.md`` file, or text that uses at least three kinds of Markdown syntax twice."""
    if source.lower().endswith(_MARKDOWN_SUFFIXES):
        return True
    head = text[:_SNIFF_CHARS]
    return sum(1 for sign in _MARKDOWN_SIGNS if len(sign.findall(head)) >= 2) >= 3


def _menu_like(block: Block) -> bool:
    """A site's menu entry or a table of contents: a few words, or a list item."""
    if block.kind is BlockKind.LIST_ITEM:
        return True
    return "\n" not in block.raw.strip() and len(block.text.split()) <= 3


def _labelled(line: str) -> bool:
    """A speaker's turn (``Jane Doe: Welcome``), which names no document; a short line of
    capitalised words may be a title or a name, and counts as a title here."""
    label = find_label(line)
    return label is not None and label.form is not Form.NAME_LINE


def _repeated_title(blocks: list[Block]) -> tuple[str, list[Block], list[Block]] | None:
    window = blocks[:_TITLE_WINDOW]
    for index, block in enumerate(window):
        if "\n" in block.raw.strip() or len(block.text) > _TITLE_MAX:
            continue
        if block.text.endswith(":") or _labelled(block.text):
            continue  # a speaker's name on its own line recurs too
        for later in window[index + 1 :]:
            if later.text == block.text:
                rest = [b for b in blocks if b is not block and b is not later]
                return block.text, rest, [block, later]
    return None


def _take_title(blocks: list[Block], fallback: str) -> tuple[str, list[Block], list[Block]]:
    """The document title, the blocks left, and those removed as the title.

    Scraped pages repeat their title (page header, then article header); it is shown once,
    as the title. A level-1 heading on top (after at most a menu or a table of contents) is
    taken too. Otherwise the first short line names the document but stays in the text; a
    site's menu (several one-to-three-word lines, list items) is skipped for that.
    """
    repeated = _repeated_title(blocks)
    if repeated is not None:
        return repeated
    menu = 0
    while menu < min(len(blocks) - 1, _MENU_LONGEST) and _menu_like(blocks[menu]):
        if blocks[menu].kind is BlockKind.HEADING and blocks[menu].level == 1:
            break
        menu += 1
    if blocks and blocks[menu].kind is BlockKind.HEADING and blocks[menu].level == 1:
        return blocks[menu].text, blocks[:menu] + blocks[menu + 1 :], [blocks[menu]]
    first = blocks[menu] if menu >= 3 else (blocks[0] if blocks else None)
    if first is None or first.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
        return fallback, blocks, []
    # A title block (title, author, date on lines of their own): its first line names it.
    bounds = [*first.starts, len(first.text) + 1]
    lines = [first.text[a : b - 1].strip() for a, b in pairwise(bounds)]
    line = lines[0] if len(lines) <= 4 and all(len(x) <= 100 for x in lines) else ""
    if line and line.lower().strip(" :") not in _NOT_TITLES and not _labelled(line):
        return line, blocks, []
    return fallback, blocks, []


def _body_sections(blocks: list[Block]) -> list[Section]:
    all_turns = find_turns(blocks)
    roles, spoken = find_roles(all_turns)
    if not roles.askers:
        # The questions are headings, the answers labelled (a written interview).
        asked = sections.heading_questions(all_turns) or sections.italic_questions(all_turns)
        if asked is not None:
            all_turns = asked
            roles, spoken = find_roles(all_turns)
    if roles.askers and {turn.key for turn in spoken} <= roles.askers | roles.moderators:
        # Only questions are labelled (a print interview: the answers are plain text).
        all_turns = sections.unlabelled_answers(all_turns, roles.askers)
        roles, spoken = find_roles(all_turns)
    found = sections.qa_sections(all_turns, roles, spoken)
    if found:
        return found
    found = sections.exchange_sections(all_turns, spoken)
    if found:
        return found
    return plain.plain_sections(all_turns)


def _speech_span(blocks: list[Block]) -> tuple[int, int, str] | None:
    """Where a quoted speech lies in a comment's blocks: [start, end) and its speaker.

    It starts at a dateline followed by a labelled paragraph. If that paragraph opens a
    quotation, the speech runs to the paragraph that closes it; otherwise to the end.
    """
    for start in range(len(blocks) - 1):
        if not page.is_dateline(blocks[start].text):
            continue
        label = find_label(blocks[start + 1].text)
        if label is None or label.alone or label_strength(label.speaker) == 0:
            continue
        speaker = label.speaker
        if page.opens_quotation(blocks[start + 1].text[label.end :].lstrip()):
            for end in range(start + 1, len(blocks)):
                if page.closes_quotation(blocks[end].text):
                    return start, end + 1, speaker
        return start, len(blocks), speaker
    return None


def _speech_turns(blocks: list[Block], speaker: str) -> list[Turn]:
    turns: list[Turn] = []
    current: str | None = None
    for block in blocks:
        label = find_label(block.text)
        if label is not None and label.speaker == speaker and not label.alone:
            current = speaker
            turns.append(Turn(speaker, block.text[label.end :].strip(), True, block))
        else:
            turns.append(Turn(current, block.text, False, block))
    return turns


def _comment_sections(blocks: list[Block]) -> tuple[Section | None, list[Section]]:
    """The ``comments`` section (one child per comment) and any quoted speeches."""
    comments: list[Section] = []
    speeches: list[Section] = []
    for draft in page.split_comments(blocks):
        own = draft.blocks
        span = _speech_span(own)
        if span is not None:
            start, end, speaker = span
            speech_turns = _speech_turns(own[start:end], speaker)
            number = len(speeches) + 1
            section_id = "speech" if number == 1 else f"speech-{number}"
            title = own[start].text.rstrip(".")
            speeches.append(
                sections.make_section(section_id, SectionKind.SPEECH, title, speech_turns)
            )
            own = own[:start] + own[end:]
        if not own:
            continue
        section_id = f"comment-{len(comments) + 1}"
        comment_turns = [Turn(draft.author, b.text, False, b) for b in own]
        title = draft.author or "Anonymous"
        comments.append(
            sections.make_section(section_id, SectionKind.COMMENT, title, comment_turns)
        )
    if not comments:
        return None, speeches
    parent = Section("comments", SectionKind.COMMENTS, "Comments", (), tuple(comments))
    return parent, speeches


def _split(text: str, markdown: bool, first_line: int) -> SplitText:
    if markdown:
        from tuireader.parse.markdown import split_markdown

        return split_markdown(text, page.is_leftover, page.opens_comments, first_line)
    return split_blocks(text, page.is_leftover, page.opens_comments, first_line)


def _title_lines(removed: list[Block]) -> list[DroppedLine]:
    out: list[DroppedLine] = []
    for block in removed:
        for offset, line in enumerate(block.raw.split("\n")):
            if line.strip():
                out.append(DroppedLine(block.line + offset, line, "title"))
    return out


def parse_document(
    text: str,
    source: str = "",
    *,
    fallback_title: str = "Untitled",
    warnings: tuple[str, ...] = (),
    markdown: bool | None = None,
) -> Document:
    """Parse normalised text (see :mod:`tuireader.text`) into a document.

    ``markdown`` None decides from ``source``'s suffix, else from the text itself.
    """
    front = split_front_matter(text)
    metadata = front.metadata if front is not None else {}
    body_text = "\n".join(text.split("\n")[front.lines :]) if front is not None else text
    first_line = front.lines + 1 if front is not None else 1
    if markdown is None:
        markdown = looks_like_markdown(body_text, source)
    split = _split(body_text, markdown, first_line)
    if split.comments_start is None:
        body, tail = split.blocks, []
    else:
        body, tail = split.blocks[: split.comments_start], split.blocks[split.comments_start :]
    title, body, removed = _take_title(body, fallback_title)
    if metadata.get("title", "").strip():
        title = " ".join(metadata["title"].split())
    found = _body_sections(body)
    comments, speeches = _comment_sections(tail)
    if comments is not None:
        found.append(comments)
    found.extend(speeches)
    dropped = sorted([*split.dropped, *_title_lines(removed)], key=lambda d: d.line)
    return Document(
        title,
        source,
        fingerprint(text),
        tuple(found),
        warnings,
        metadata=metadata,
        dropped=tuple(dropped),
    )
