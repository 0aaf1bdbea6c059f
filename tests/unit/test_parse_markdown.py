"""Markdown as Markdown: block kinds, levels and inline spans over plain text; front matter."""

from __future__ import annotations

from tuireader.model import BlockKind, Document, Passage, SectionKind, SpanStyle
from tuireader.parse import looks_like_markdown, parse_document
from tuireader.parse.frontmatter import split_front_matter

ARTICLE = """\
---
title: "An Article\\u2019s Title"
date: 2024-01-02
tags: [one, two]
author:
  name: Jane Roe
---
# Heading Seen As Title

Intro with *emphasis*, **strong**, `code` and a [link](https://example.org/x).

## Part one

Text of part one.

### Detail

- a point
  - a sub-point
1. first
2. second

> quoted
> > nested

```python
print("[bold]not markup[/]")
```

---

## Part two

Last words with <b>raw html</b> and \\[04:01\\] escaped brackets.
"""


def passages(doc: Document) -> list[Passage]:
    return [p for s in doc.walk() for p in s.passages]


def test_front_matter_is_metadata_and_gives_the_title() -> None:
    doc = parse_document(ARTICLE, "a.md")
    assert doc.title == "An Article’s Title"
    assert doc.metadata == {
        "title": "An Article’s Title",
        "date": "2024-01-02",
        "tags": "one, two",
        "author.name": "Jane Roe",
    }
    assert not any("date:" in p.text or p.text[:3] == "---" for p in passages(doc)[:2])


def test_nested_headings_make_nested_sections() -> None:
    doc = parse_document(ARTICLE, "a.md")
    assert [(s.id, s.kind, s.title) for s in doc.sections] == [
        ("intro", SectionKind.INTRO, "Intro"),
        ("part-1", SectionKind.TEXT, "Part one"),
        ("part-3", SectionKind.TEXT, "Part two"),
    ]
    part_one = doc.section("part-1")
    assert part_one is not None
    assert [(c.id, c.title) for c in part_one.children] == [("part-2", "Detail")]
    assert [p.text for p in part_one.passages] == ["Text of part one."]
    # The level-1 heading on top is the title when there is no front matter title.
    assert parse_document(ARTICLE.split("---\n", 2)[2], "a.md").title == "Heading Seen As Title"


def test_inline_styles_are_spans_over_plain_text() -> None:
    doc = parse_document(ARTICLE, "a.md")
    intro = doc.sections[0].passages[0]
    assert intro.text == "Intro with emphasis, strong, code and a link."
    found = {(s.style, intro.text[s.start : s.end], s.target) for s in intro.spans}
    assert found == {
        (SpanStyle.EMPHASIS, "emphasis", None),
        (SpanStyle.STRONG, "strong", None),
        (SpanStyle.CODE, "code", None),
        (SpanStyle.LINK, "link", "https://example.org/x"),
    }


def test_blocks_keep_their_kind_and_level() -> None:
    doc = parse_document(ARTICLE, "a.md")
    detail = doc.section("part-2")
    assert detail is not None
    got = [(p.block, p.level, p.text) for p in detail.passages]
    assert got == [
        (BlockKind.LIST_ITEM, 1, "a point"),
        (BlockKind.LIST_ITEM, 2, "a sub-point"),
        (BlockKind.LIST_ITEM, 1, "1. first"),
        (BlockKind.LIST_ITEM, 1, "2. second"),
        (BlockKind.QUOTE, 1, "quoted"),
        (BlockKind.QUOTE, 2, "nested"),
        (BlockKind.CODE, 0, 'print("[bold]not markup[/]")'),
        (BlockKind.RULE, 0, "---"),
    ]
    last = doc.section("part-3")
    assert last is not None
    # Raw HTML and escapes are text, never markup.
    assert last.passages[0].text == "Last words with <b>raw html</b> and [04:01] escaped brackets."


def test_markdown_is_recognised() -> None:
    assert looks_like_markdown("anything", "notes.md")
    assert looks_like_markdown("# A\n\n## B\n\n**x** and **y**\n\n- [a](b)\n- [c](d)\n")
    assert not looks_like_markdown("Question: Why?\n\nAnswer: Because.\n", "t.txt")


def test_bad_or_missing_front_matter_stays_text() -> None:
    assert split_front_matter("---\n: : not yaml [\n---\nText\n") is None
    assert split_front_matter("---\njust a line\n---\n") is None  # not a mapping
    assert split_front_matter("Text first\n---\ntitle: x\n---\n") is None
    toml = split_front_matter('+++\ntitle = "T"\ncount = 3\n+++\nBody\n')
    assert toml is not None and toml.metadata == {"title": "T", "count": "3"}
    assert toml.lines == 4
    empty = split_front_matter("---\n---\n\n# The title\n")
    assert empty is not None and (empty.metadata, empty.lines) == ({}, 2)
    assert parse_document("---\n---\n\n# The title\n\nText.\n", "t.md").title == "The title"
    doc = parse_document("---\n: : not yaml [\n---\n\nQuestion: Why?\n\nA: So.\n", "t.md")
    assert doc.metadata == {}
    assert any(": : not yaml [" in p.text for p in passages(doc))


def test_markdown_transcript_with_bold_labels_and_headings_inside_answers() -> None:
    doc = parse_document(
        "**Jane Doe:** Welcome to the show. What brings you here?\n\n"
        "**John Roe:** \\[00:31\\] A long story, which I will tell you now.\n\n"
        "## A topic heading\n\n"
        "It goes on after the heading, in the same answer, for a while.\n\n"
        "**Jane Doe:** And then?\n\n"
        "**John Roe:** Then it ended.\n",
        "show.md",
    )
    qa1 = doc.section("qa-1")
    assert qa1 is not None
    assert [(p.speaker, p.block) for p in qa1.passages] == [
        ("Jane Doe", BlockKind.PARAGRAPH),
        ("John Roe [00:31]", BlockKind.PARAGRAPH),
        (None, BlockKind.HEADING),
        ("John Roe [00:31]", BlockKind.PARAGRAPH),
    ]
    assert qa1.passages[1].text == "A long story, which I will tell you now."
    assert qa1.passages[0].spans == ()  # the bold label is gone with the label
    assert len(doc.questions()) == 2


def test_lines_too_long_to_be_wrapped_are_paragraphs() -> None:
    """A speech-to-text transcript puts a paragraph on each long line, no blank lines."""
    sentence = "So we talked about the show and the **season** that is coming, and then some more. "
    long_line = (sentence * 4).strip()
    goes_on = "And this line stops in the middle of its sentence because the tool cut it " * 2
    text = "\n".join([long_line, long_line, goes_on.strip(), "and it goes on here.", long_line])
    doc = parse_document(f"---\ntitle: Episode\n---\n{text}\n", "episode.md")
    passages = [p for s in doc.walk() for p in s.passages]
    assert len(passages) == 4
    assert passages[0].text == long_line.replace("**", "")
    assert passages[2].text.endswith("the tool cut it and it goes on here.")
    strong = passages[1].spans[0]
    assert passages[1].text[strong.start : strong.end] == "season"
    assert [p.id for p in passages] == ["part-1.p1", "part-1.p2", "part-1.p3", "part-1.p4"]


def test_headings_written_in_html_are_headings() -> None:
    doc = parse_document(
        '# Questions\n\nWhat this page is for.\n\n<h2 id="basics">Basics &amp; more</h2>\n\n'
        '<h3><a href="#why" name="why">\nWhy is it so?\n</a></h3>\n\nBecause it is.\n\n'
        "<div><h2>Not alone</h2><p>in a block</p></div>\n",
        "faq.md",
    )
    assert [s.kind for s in doc.sections] == [SectionKind.INTRO, SectionKind.TEXT]
    part = doc.sections[1]
    assert part.title == "Basics & more"
    assert [c.title for c in part.children] == ["Why is it so?"]
    assert part.children[0].passages[0].text == "Because it is."
    assert part.children[0].passages[-1].text.startswith("<div><h2>Not alone")
