"""The bundled interview must split exactly as the foundation issue describes."""

from __future__ import annotations

import re

from tuireader.model import Document, SectionKind
from tuireader.parse import page
from tuireader.parse.labels import find_label

TITLE = "Foreign Minister Sergey Lavrov’s Interview With Italy’s Panorama Magazine"


def test_title_once(seed: Document) -> None:
    assert seed.title == TITLE
    assert not any(TITLE in p.text for s in seed.walk() for p in s.passages)


def test_top_level_order(seed: Document) -> None:
    ids = [s.id for s in seed.sections]
    assert ids == ["intro", *[f"qa-{n}" for n in range(1, 11)], "comments", "speech"]
    kinds = [s.kind for s in seed.sections]
    assert kinds[0] is SectionKind.INTRO
    assert all(k is SectionKind.QA for k in kinds[1:11])
    assert kinds[11] is SectionKind.COMMENTS and kinds[12] is SectionKind.SPEECH


def test_intro(seed: Document) -> None:
    intro = seed.sections[0]
    texts = [p.text for p in intro.passages]
    assert len(texts) == 3
    assert texts[0] == "JUNE 2021"
    assert texts[1].startswith("This interview shows that")
    assert texts[2].endswith("published on May 3, 2018 (source):")
    assert [p.id for p in intro.passages] == ["intro.p1", "intro.p2", "intro.p3"]
    assert all(p.speaker is None for p in intro.passages)


def test_questions_and_answers(seed: Document) -> None:
    expected_lengths = [5, 5, 13, 8, 5, 6, 7, 6, 5, 4]
    for number, length in enumerate(expected_lengths, start=1):
        section = seed.section(f"qa-{number}")
        assert section is not None
        first, *answer = section.passages
        assert first.speaker == "Question"
        assert section.title == first.text
        assert not first.text.startswith(("Question", "\u00a0", " "))
        assert answer and all(p.speaker == "Sergey Lavrov" for p in answer)
        assert all(not p.text.startswith("Sergey Lavrov") for p in answer)
        assert len(section.passages) == length
        assert [p.id for p in section.passages] == [
            f"qa-{number}.p{i}" for i in range(1, length + 1)
        ]
    qa1 = seed.section("qa-1")
    assert qa1 is not None
    assert qa1.title == "Can an armed confrontation flare up between Russia and Western countries?"
    qa10 = seed.section("qa-10")
    assert qa10 is not None
    assert qa10.passages[-1].text.endswith(
        "contribute to finding solutions to the challenges the humanity is facing."
    )


def test_comments(seed: Document) -> None:
    comments = seed.section("comments")
    assert comments is not None and comments.passages == ()
    children = comments.children
    assert [c.id for c in children] == ["comment-1", "comment-2", "comment-3", "comment-4"]
    assert [c.title for c in children] == [
        "jade villaceran",
        "Angelo Cinarelli",
        "Anonymous",
        "Anonymous",
    ]
    assert all(c.kind is SectionKind.COMMENT for c in children)
    assert [p.text for p in children[2].passages] == [
        "Excellent commentary from Mr Lavrov as usual."
    ]
    last = [p.text for p in children[3].passages]
    assert len(last) == 2
    assert last[0].startswith("There is much more in the full speech")
    assert last[1].startswith("That was 2007.")
    assert children[0].passages[0].text.startswith("Very well said mr. Lavrov")
    assert children[1].passages[0].text.startswith("Maybe not the last Italian Government")


def test_speech(seed: Document) -> None:
    speech = seed.section("speech")
    assert speech is not None
    dateline, *said = speech.passages
    assert dateline.text == "Munich Security Conference, Munich, Germany, February 10, 2007."
    assert said[0].text.startswith("“…This conference’s structure")
    assert said[-1].text.endswith("not only for a select few, but for all.”")
    assert all(p.speaker == "Vladimir Putin" for p in said)
    assert len(speech.passages) == 22
    # Hard-wrapped lines are joined into their paragraph.
    joined = [p.text for p in said if "As a result we do not have sufficient strength" in p.text]
    assert len(joined) == 1
    assert all("\n" not in p.text for s in seed.walk() for p in s.passages)


def test_no_leftovers_in_passages(seed: Document) -> None:
    leftovers = (
        "Support SouthFront",
        "Notify of",
        "Newest Most Voted",
        "Inline Feedbacks",
        "View all comments",
        "please comment",
        "2,500 $",
        "5,000 $",
    )
    for section in seed.walk():
        for passage in section.passages:
            for leftover in leftovers:
                assert leftover not in passage.text
            assert not re.fullmatch(r"[\d,]+ \$", passage.text)


def test_nothing_lost(seed: Document, seed_text: str) -> None:
    """Every line that is not a leftover (or the title) is in exactly one passage."""
    passages = [p for s in seed.walk() for p in s.passages]
    titles = [s.title for s in seed.walk() if s.kind is SectionKind.COMMENT]
    for line in seed_text.split("\n"):
        content = line.strip()
        if not content or page.is_leftover(line) or content == TITLE:
            continue
        found = find_label(content)
        if found and found.strength and not found.alone:
            content = content[found.end :].strip()
        holders = [p for p in passages if content in p.text]
        if not holders:
            assert titles.count(content) == 1, line
        else:
            assert len(holders) == 1, (line, [p.id for p in holders])


def test_same_text_same_ids(seed: Document, seed_text: str) -> None:
    from tuireader.parse import parse_document

    again = parse_document(seed_text, "elsewhere")
    assert again.sections == seed.sections
    assert again.fingerprint == seed.fingerprint
