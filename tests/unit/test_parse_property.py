"""Whatever the text, the parser never raises and loses nothing but page leftovers."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tuireader.parse import page, parse_document
from tuireader.parse.labels import find_label
from tuireader.text import normalise

WORDS = st.sampled_from(
    [
        "Question:",
        "Q:",
        "A:",
        "Sergey",
        "Lavrov:",
        "MR.",
        "SMITH:",
        "Note:",
        "the",
        "of",
        "Support",
        "SouthFront",
        "Notify",
        "of",
        "2,500 $",
        "View all comments",
        "[/]",
        "[bold]",
        "“quote",
        "end.”",
        "Munich,",
        "February 10, 2007.",
        "#",
        "##",
        "x",
        "?",
        ":",
        "(source):",
        "\u00a0",
        "\t",
        "\x1b[31m",
        "é",
        "\u2028",
        "Anonymous",
    ]
)
LINE = st.lists(WORDS, max_size=8).map(" ".join)
TEXT = st.lists(st.one_of(LINE, st.just(""), st.text(max_size=30)), max_size=40).map("\n".join)


def _squash(text: str) -> str:
    """Whitespace runs to one space, none before a colon ("MR. :" is the label "MR."),
    and no soft hyphen at a line's end (it joins a word split across lines)."""
    return " ".join(text.split()).replace(" :", ":").removesuffix("\u00ad")


def _holders(content: str, texts: list[str]) -> bool:
    return any(content in text for text in texts)


@settings(max_examples=300, deadline=None)
@given(TEXT)
@example("Question:\nA\u00ad")  # a soft hyphen at a block's end joins nothing: it is kept
def test_parser_never_raises_and_keeps_every_line(raw: str) -> None:
    text = normalise(raw)
    doc = parse_document(text, "prop")
    # A label moves from the text to the speaker: count "Speaker: text" as holding the line.
    texts = [p.text for s in doc.walk() for p in s.passages]
    texts += [f"{p.speaker}: {p.text}" for s in doc.walk() for p in s.passages if p.speaker]
    names = {_squash(t) for t in [doc.title, *(s.title for s in doc.walk())]}
    dropped = {d.line for d in doc.dropped}
    for number, line in enumerate(text.split("\n"), start=1):
        # A soft hyphen ending a line joins a word hyphenated across lines: it goes.
        content = _squash(line).removesuffix("\u00ad")
        if not content or number in dropped:
            assert (
                not content
                or page.is_leftover(line)
                or _squash(line) in names
                or any(d.line == number and d.text == line for d in doc.dropped)
            )
            continue
        found = find_label(line.strip())
        after_label = _squash(line.strip()[found.end :]) if found else content
        squashed = [_squash(t) for t in texts]
        heading = _squash(content.lstrip("#"))  # a heading's text is kept without its marks
        assert (
            _holders(content, squashed)
            or _holders(after_label, squashed)
            or _holders(heading, squashed)
            or content in names
            or heading in names
        ), (line, doc)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_same_text_same_ids(raw: str) -> None:
    text = normalise(raw)
    first, second = parse_document(text, "a"), parse_document(text, "b")
    assert first.sections == second.sections
    assert first.dropped == second.dropped
    ids = [s.id for s in first.walk()]
    assert len(ids) == len(set(ids))
    passage_ids = [p.id for s in first.walk() for p in s.passages]
    assert len(passage_ids) == len(set(passage_ids))


MARKDOWN_WORDS = st.sampled_from(
    [
        "**Q:**",
        "**Jane Doe:**",
        "*x*",
        "`c`",
        "[a](b)",
        "\\[04:01\\]",
        "- ",
        "1.",
        ">",
        "```",
        "---",
        "#",
        "##",
        "Q",
        "A.",
        "Mr.",
        "Doe.",
        "\u00a0",
        "<b>",
        "x",
        "?",
        ":",
        "\t",
    ]
)
MARKDOWN = st.lists(st.lists(MARKDOWN_WORDS, max_size=6).map(" ".join), max_size=30).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(MARKDOWN)
def test_markdown_never_raises_and_spans_stay_inside_their_text(raw: str) -> None:
    doc = parse_document(normalise(raw), "doc.md")
    for section in doc.walk():
        for passage in section.passages:
            for span in passage.spans:
                assert 0 <= span.start < span.end <= len(passage.text), (passage, span)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_dropped_lines_are_real_lines_of_the_text(raw: str) -> None:
    text = normalise(raw)
    lines = text.split("\n")
    for dropped in parse_document(text, "prop").dropped:
        assert lines[dropped.line - 1] == dropped.text
