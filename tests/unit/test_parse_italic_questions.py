"""A written interview with no labels: its questions are paragraphs in italics."""

from __future__ import annotations

import pytest

from tuireader.model import SectionKind
from tuireader.parse import parse_document

INTERVIEW = """We asked the two organisers a few things before the fair.

{m}How did the fair begin?{m}

A few of us met in a library basement. Nobody came the first year.

Then the second year a hundred people came.

{m}What is new this time?{m}

A workshop for children, and a _much_ larger hall.

Thanks to both of you!
"""


@pytest.mark.parametrize(("mark", "source"), [("*", "a.md"), ("_", "a.md"), ("_", "a.txt")])
def test_italic_paragraphs_that_ask_are_questions(mark: str, source: str) -> None:
    doc = parse_document(INTERVIEW.format(m=mark), source)
    kinds = [s.kind for s in doc.sections]
    assert kinds == [SectionKind.INTRO, SectionKind.QA, SectionKind.QA]
    first = doc.sections[1]
    assert first.passages[0].text == "How did the fair begin?"
    assert [p.text[:6] for p in first.passages[1:]] == ["A few ", "Then t"]
    assert doc.sections[2].passages[-1].text == "Thanks to both of you!"


def test_one_italic_question_is_not_an_interview() -> None:
    text = "Some prose here.\n\n*Why would anyone do that?*\n\nNobody knows. More prose.\n"
    doc = parse_document(text, "a.md")
    assert not [s for s in doc.sections if s.kind is SectionKind.QA]
