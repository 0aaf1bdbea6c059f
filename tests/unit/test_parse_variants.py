"""Transcript shapes other than the bundled one."""

from __future__ import annotations

from tuireader.model import Document, SectionKind
from tuireader.parse import parse_document
from tuireader.text import decode


def parse(text: str) -> Document:
    return parse_document(decode(text.encode()).text, "test")


def speakers(doc: Document, section_id: str) -> list[str | None]:
    section = doc.section(section_id)
    assert section is not None
    return [p.speaker for p in section.passages]


def test_crlf_and_bom() -> None:
    raw = "\ufeffTitle\r\n\r\nQuestion: Why?\r\n\r\nAnswer: Because.\r\nIt is so.\r\n".encode()
    doc = parse_document(decode(raw).text, "t")
    qa = doc.section("qa-1")
    assert qa is not None
    assert [p.text for p in qa.passages] == ["Why?", "Because. It is so."]
    assert not any("\r" in p.text or "\ufeff" in p.text for s in doc.walk() for p in s.passages)


def test_old_mac_line_ends() -> None:
    doc = parse("Q: One?\r\rA: Two.\r")
    assert speakers(doc, "qa-1") == ["Q", "A"]


def test_no_break_spaces_inside_labels() -> None:
    doc = parse("Question\u00a0:\u00a0Is it?\n\nSergey\u00a0Lavrov:\u00a0 Yes.\n")
    qa = doc.section("qa-1")
    assert qa is not None
    assert speakers(doc, "qa-1") == ["Question", "Sergey Lavrov"]
    assert [p.text for p in qa.passages] == ["Is it?", "Yes."]


def test_q_and_a_style() -> None:
    doc = parse("Q: First?\n\nA: One.\n\nQ: Second?\n\nA: Two.\n\nMore on two.\n")
    assert [s.id for s in doc.sections] == ["qa-1", "qa-2"]
    assert speakers(doc, "qa-2") == ["Q", "A", "A"]
    assert doc.sections[1].title == "Second?"


def test_upper_case_speakers_dialogue() -> None:
    text = "\n\n".join(
        [
            "MR. SMITH: Where were you?",
            "SOCRATES: In the agora.",
            "MR. SMITH: Why?",
            "SOCRATES: To talk.",
            "MR. SMITH: About what?",
            "SOCRATES: Justice.",
        ]
    )
    doc = parse(text)
    # MR. SMITH only asks: his turns become the questions.
    assert [s.kind for s in doc.sections] == [SectionKind.QA] * 3
    assert speakers(doc, "qa-1") == ["MR. SMITH", "SOCRATES"]


def test_dialogue_without_questions_is_an_exchange() -> None:
    doc = parse("ALICE: Hello.\n\nBOB: Hi there.\n\nALICE: Fine day.\n")
    assert [s.kind for s in doc.sections] == [SectionKind.EXCHANGE]
    assert speakers(doc, "exchange-1") == ["ALICE", "BOB", "ALICE"]


def test_several_people_answer_one_question() -> None:
    doc = parse(
        "Question: Who decides?\n\nSergey Lavrov: We do.\n\n"
        "Maria Zakharova: And I add this.\n\nPresident of Russia Vladimir Putin: Agreed.\n\n"
        "Question: Next?\n\nSergey Lavrov: Yes.\n"
    )
    assert speakers(doc, "qa-1") == [
        "Question",
        "Sergey Lavrov",
        "Maria Zakharova",
        "President of Russia Vladimir Putin",
    ]
    assert speakers(doc, "qa-2") == ["Question", "Sergey Lavrov"]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    doc = parse("Question: A long\nquestion that wraps?\n\nA: An answer\n  that wraps too.\n")
    qa = doc.section("qa-1")
    assert qa is not None
    assert [p.text for p in qa.passages] == [
        "A long question that wraps?",
        "An answer that wraps too.",
    ]


def test_false_labels_stay_text() -> None:
    doc = parse(
        "Publication date: May 3, 2018\n\nThe answer is simple: we wait.\n\n(source):\n\n"
        "Note: this is not a speaker.\n\nhttp://example.com: link\n\n"
        "Question: Real?\n\nSergey Lavrov: Yes.\n"
    )
    intro = doc.section("intro")
    assert intro is not None
    assert [p.text for p in intro.passages] == [
        "Publication date: May 3, 2018",
        "The answer is simple: we wait.",
        "(source):",
        "Note: this is not a speaker.",
        "http://example.com: link",
    ]
    assert all(p.speaker is None for p in intro.passages)


def test_single_word_label_counts_when_it_recurs() -> None:
    doc = parse("Question: One?\n\nLavrov: Yes.\n\nQuestion: Two?\n\nLavrov: No.\n")
    assert speakers(doc, "qa-1") == ["Question", "Lavrov"]
    # Once, a single word is not a speaker: the paragraph is the unlabelled answer.
    once = parse("Question: One?\n\nLavrov: Yes.\n")
    assert speakers(once, "qa-1") == ["Question", None]
    qa = once.section("qa-1")
    assert qa is not None and qa.passages[1].text == "Lavrov: Yes."
    # A question nobody answers is no question.
    alone = parse("Some text.\n\nQuestion: One?\n")
    assert alone.questions() == ()


def test_markup_and_escapes_are_text() -> None:
    nasty = "[/] [bold]x list[int] [@click=app.quit]q[/] \x1b]0;pwned\x07 \x1b[31mred"
    doc = parse(f"Question: {nasty}?\n\nA: {nasty}\n")
    qa = doc.section("qa-1")
    assert qa is not None
    text = qa.passages[1].text
    assert "[/] [bold]x list[int] [@click=app.quit]q[/]" in text
    assert "\x1b" not in text and "\x07" not in text
    assert "\u241b]0;pwned\u2407" in text
    assert qa.title.startswith("[/] [bold]x")


def test_markdown_headings_make_sections() -> None:
    doc = parse("# The Book\n\nOpening.\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\nMore.\n")
    assert doc.title == "The Book"
    # What comes before the first heading is the intro, as in a transcript.
    assert [(s.id, s.title) for s in doc.sections] == [
        ("intro", "Intro"),
        ("part-1", "One"),
        ("part-2", "Two"),
    ]
    assert [p.text for p in doc.sections[2].passages] == ["Second. More."]


def test_plain_text_is_cut_into_parts() -> None:
    doc = parse("\n\n".join(f"Paragraph number {n}." for n in range(1, 71)))
    assert [s.id for s in doc.sections] == ["part-1", "part-2", "part-3"]
    assert sum(len(s.passages) for s in doc.sections) == 70


def test_empty_text() -> None:
    doc = parse("")
    assert doc.sections == ()
    assert parse("   \n\n \t\n").sections == ()


def test_comments_without_author_and_speech_without_quotes() -> None:
    doc = parse(
        "Question: Q?\n\nA: Yes.\n\nNotify of\nView all comments\n"
        "First anonymous remark.\n\n\nBerlin Conference, Berlin, March 3, 2001.\n\n"
        "Some Speaker: We meet.\n\nAnd we part.\n"
    )
    comments = doc.section("comments")
    assert comments is not None
    assert [c.title for c in comments.children] == ["Anonymous"]
    speech = doc.section("speech")
    assert speech is not None
    assert [p.speaker for p in speech.passages] == [None, "Some Speaker", "Some Speaker"]


def test_a_question_after_an_unanswered_one_never_joins_the_answered_section_before() -> None:
    """A question with no answer between it and the next question goes with the next,
    which is answered: not with the section of the question before, whose answer it is not."""
    from tuireader.parse import parse_document

    text = (
        "Question: A first one?\n\nAnswer: The first answer.\n\n"
        "Question: An unanswered one?\n\nQuestion: And another?\n\nAnswer: The second answer.\n"
    )
    document = parse_document(text, "x")
    first, second = document.questions()
    assert [p.text for p in first.passages] == ["A first one?", "The first answer."]
    assert [p.text for p in second.passages][-1] == "The second answer."
    assert "And another?" in [p.text for p in second.passages]
