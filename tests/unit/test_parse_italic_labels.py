"""Markdown italics that set a speaker off: ``_Counsel_. "Text"``, with stage directions."""

from __future__ import annotations

from tuireader.model import SectionKind
from tuireader.parse import parse_document
from tuireader.parse.labels import italic_label

EXAMINATION = """# A chapter

The witness was called, and the examination ran as follows.

_Lawyer_. "Where were you on the night?"

_Clerk_ (after a pause). "At home, sir."

_Lawyer_ (leaning over the rail and
looking at the jury). "Alone?"

_Clerk_.
"Quite alone."

_Lawyer_."And the next morning?"

_Clerk_. "At the office."

_Lawyer_. "Who saw you there?"

_Clerk_. "The porter, and the cashier after him."

The lawyer sat down.
"""


def test_italic_labels_are_turns() -> None:
    doc = parse_document(EXAMINATION, "chapter.md")
    passages = [p for s in doc.sections for p in s.passages if p.speaker is not None]
    assert [p.speaker for p in passages[:4]] == [
        "Lawyer",
        "Clerk (after a pause)",
        "Lawyer",
        "Clerk",
    ]
    assert passages[2].text.startswith("(leaning over the rail")
    assert passages[3].text == '"Quite alone."'
    assert passages[4].text == '"And the next morning?"'
    assert doc.sections[0].kind is SectionKind.INTRO


def test_italic_label_shapes() -> None:
    found = italic_label('Clerk (smiling). "Yes."', 5)
    assert found is not None and found.speaker == "Clerk (smiling)" and found.key == "clerk"
    assert italic_label("Never. It was not so.", 5) is not None  # a shape; it must recur
    assert italic_label("the knee joint. It was", 14) is None
    assert italic_label("Expect means that a measure applies.", 6) is None
    assert italic_label("Note. See below.", 4) is None
