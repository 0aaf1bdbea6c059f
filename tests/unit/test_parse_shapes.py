"""Whole-document shapes: layouts, roles, statements, moderators, dialogues, PDF leftovers.

Small documents written for the case; the real ones are in tests/corpus/.
"""

from __future__ import annotations

from tuireader.model import Document, Span, SpanStyle
from tuireader.parse import parse_document
from tuireader.text import decode


def parse(text: str, source: str = "test") -> Document:
    return parse_document(decode(text.encode()).text, source)


def kinds(doc: Document) -> list[str]:
    return [s.kind.value for s in doc.sections]


def texts(doc: Document, section_id: str) -> list[tuple[str | None, str]]:
    section = doc.section(section_id)
    assert section is not None, [s.id for s in doc.walk()]
    return [(p.speaker, p.text) for p in section.passages]


PRINTED_RECORD = """\
    The Chairman. The committee will come to order. We will hear
from our witness today, who has been very patient with us and
with this committee over many years and many hearings alike.
    Mr. Roe. Thank you, Mr. Chairman. I am glad to be here today
to present my case, which I will do at some length as usual,
and I will be happy to take your questions once I am done.
    The Chairman. Thank you. Mr. Roe, why did prices rise in
the second half of the year?
    Mr. Roe. Because demand came back faster than anyone thought
it would, and supply could not follow it in time.
    Mr. Price from Ohio.
    The Chairman. And will they fall again, do you think?
    Mr. Roe. Not soon: the supply will take a year or two to
recover, and demand is still strong in every sector.
    The Chairman. My time has expired. The gentlelady from
California.
    Mrs. Lee of California. Thank you. Do you expect them to
fall again next year?
    Mr. Roe. Not next year, I am afraid, whatever we might do
about it now or later.
    The Chairman. The gentlelady's time has expired.
"""


def test_printed_record_indented_turns_without_blank_lines() -> None:
    doc = parse(PRINTED_RECORD)
    # The chair's short opening only introduces the witness: the intro; the witness's
    # opening is a statement, though it ends by inviting questions.
    assert kinds(doc) == ["intro", "statement", "qa", "qa", "qa"]
    assert [s.title for s in doc.sections[:2]] == ["Intro", "Mr. Roe"]
    assert texts(doc, "qa-1") == [
        ("The Chairman", "Thank you. Mr. Roe, why did prices rise in the second half of the year?"),
        (
            "Mr. Roe",
            "Because demand came back faster than anyone thought it would, and supply could "
            "not follow it in time.",
        ),
        ("Mr. Roe", "Mr. Price from Ohio."),  # a sentence that looks like a label is text
    ]
    # The chair's floor-giving and time-keeping turns are kept in place, never questions.
    assert texts(doc, "qa-2")[-1][1] == "My time has expired. The gentlelady from California."
    assert texts(doc, "qa-3")[0][0] == "Mrs. Lee of California"
    assert texts(doc, "qa-3")[-1] == ("The Chairman", "The gentlelady's time has expired.")


COURT = """\
THE COURT: Please be seated.
MS. ROE: Thank you, your Honor. We call the next witness, who
has been waiting in the hall.
Q. Good morning.
A. Good morning.
Q. Where do you live?
MR. DOE: Objection.
THE COURT: Overruled. You may answer.
A. In Ohio.
Q. Since when?
MR. DOE: Objection, form.
THE COURT: Sustained.
Q. When did you move there?
A. In 1998.
"""


def test_court_questions_answers_and_asides() -> None:
    doc = parse(COURT)
    assert kinds(doc) == ["intro", "qa", "qa", "qa"]
    # Giving the floor and calling a witness are procedure, not opening statements.
    assert [s for s, _ in texts(doc, "intro")] == ["THE COURT", "MS. ROE"]
    # An objection and a ruling are asides inside the question.
    assert [s for s, _ in texts(doc, "qa-2")] == ["Q", "MR. DOE", "THE COURT", "A"]
    # A question withdrawn after an objection and asked again is one question.
    assert texts(doc, "qa-3")[0] == ("Q", "Since when?")
    assert texts(doc, "qa-3")[-1] == ("A", "In 1998.")


PRESS = """\
MODERATOR:  Thanks for joining.  Over to you.

MR. OFFICIAL:  Good morning.  We have three things to say today, at length.

MODERATOR:  Our first question goes to Jane.

Q    Can you hear me?

MODERATOR:  Yes.

Q    Great.  What happens next?

MR. OFFICIAL:  We wait.

DR. EXPERT:  And we study.

Q    And after that?

MR. OFFICIAL:  Next question.

Q    Why?

DR. EXPERT:  Because.
"""


def test_press_call_statement_moderator_and_several_answerers() -> None:
    doc = parse(PRESS)
    assert kinds(doc) == ["intro", "statement", "qa", "qa"]
    assert texts(doc, "intro") == [("MODERATOR", "Thanks for joining.  Over to you.")]
    qa1 = texts(doc, "qa-1")
    # "Can you hear me?" got only the moderator's "Yes.": it and the next Q are one question.
    assert qa1[0] == ("Q", "Can you hear me?")
    assert [s for s, _ in qa1] == ["Q", "MODERATOR", "Q", "MR. OFFICIAL", "DR. EXPERT"]
    # "And after that?" is answered only by "Next question.", a floor-giving turn: with the
    # next question, which gets an answer, it is one question.
    assert [t for _, t in texts(doc, "qa-2")] == [
        "And after that?",
        "Next question.",
        "Why?",
        "Because.",
    ]
    assert texts(doc, "qa-2")[-1] == ("DR. EXPERT", "Because.")


def test_named_interviewer_found_from_the_whole_document() -> None:
    turns = []
    for n in range(6):
        turns.append(f"Jane Roe: Mr Doe, about point {n}: what do you think of it?")
        turns.append(
            f"John Doe: On point {n}, I think a great deal, and I will explain why at "
            "length, because this matters to all of us and the details are important."
        )
    turns.append("Jane Roe: Thank you for the interview.")
    doc = parse("An interview\n\n" + "\n\n".join(turns))
    assert len(doc.questions()) == 6
    assert doc.questions()[0].passages[0].speaker == "Jane Roe"
    # The last thanks gets no answer: it stays in the last question's section.
    assert doc.questions()[-1].passages[-1].text == "Thank you for the interview."


def test_dialogue_where_the_asker_talks_longest_is_exchanges() -> None:
    turns = []
    for n in range(20):
        turns.append(
            f"TEACHER: And is it not so, my friend, that the {n}th thing we said follows "
            "from the one before it, as surely as night follows day?"
        )
        turns.append("PUPIL: Certainly.")
    doc = parse("PERSONS OF THE DIALOGUE: Teacher, Pupil.\n\n" + "\n\n".join(turns))
    assert doc.questions() == ()
    assert kinds(doc) == ["intro", "exchange", "exchange", "exchange", "exchange"]
    assert [s.id for s in doc.sections[1:]] == [f"exchange-{n}" for n in range(1, 5)]


def test_names_alone_on_their_lines() -> None:
    doc = parse(
        "Maria\nWelcome, everyone, to the talk about the thing.\n\n"
        "Audience\nWhat about the other thing?\n\n"
        "Maria\nThat is coming next year, and here is why, at some length.\n\n"
        "Audience\nAnd the price?\n\n"
        "Maria\nLower than before, as it happens, for reasons of scale.\n"
    )
    assert kinds(doc) == ["statement", "qa", "qa"]
    assert texts(doc, "qa-2") == [
        ("Audience", "And the price?"),
        ("Maria", "Lower than before, as it happens, for reasons of scale."),
    ]


def test_pdf_text_running_headers_and_page_numbers_are_dropped() -> None:
    page = "Interim Decision #{n} Cite as 28 Dec. {n}"
    lines = []
    for n in range(1, 5):
        lines.append(page.format(n=400 + n))
        lines.append(
            f"This is the text of page {n}, one long paragraph per line as PDF text has it, "
            "much longer than any hard-wrapped line would be, so that it is read as a "
            "paragraph of its own and not joined to the next line, which is the next one and"
        )
        lines.append(f"{400 + n}")
    doc = parse("\n".join(lines))
    assert [d.reason for d in doc.dropped].count("running header") == 8
    assert all("Cite as" not in p.text for s in doc.walk() for p in s.passages)
    assert {d.line for d in doc.dropped} == {1, 3, 4, 6, 7, 9, 10, 12}


def test_chapter_headings_are_not_running_headers() -> None:
    body = "\n\n".join(f"Chapter {n}\n\nIt was day {n} of the story." for n in range(5))
    doc = parse(body)
    assert doc.dropped == ()
    assert sum(len(s.passages) for s in doc.walk()) == 10


def test_same_text_same_ids() -> None:
    first, second = parse(PRESS), parse(PRESS)
    assert first.sections == second.sections
    assert [s.id for s in first.walk()] == [s.id for s in second.walk()]


def test_a_turn_is_no_title_and_a_short_statement_ending_in_questions_is_a_statement() -> None:
    doc = parse_document(
        "MR. OFFICIAL:  Good afternoon.  I have two announcements, and then I will take\n"
        "questions.  First: the ministry will open new offices.  Second: we will\n"
        "publish the report tomorrow.\n\n"
        "Q\tWhat is in the report?\n\n"
        "MR. OFFICIAL:  Findings and recommendations.\n\n"
        "MODERATOR:  Next question.\n\n"
        "Q\tWhen will the offices open?\n\n"
        "DR. EXPERT:  In March.\n",
        "call.txt",
        fallback_title="call.txt",
    )
    assert doc.title == "call.txt"
    assert kinds(doc) == ["statement", "qa", "qa"]
    # Hard-wrapped lines starting with "word:" inside a turn are not labels.
    assert "First: the ministry" in doc.sections[0].passages[0].text


def test_committee_evidence_numbers_each_question() -> None:
    doc = parse(
        "Witnesses: Jane Roe, Chief Executive; John Doe, Director.\n\n"
        "Q1 Chair: Good morning. Could you introduce yourselves?\n\n"
        "Jane Roe: I run the rail body, and have done for five years now.\n\n"
        "John Doe: I direct the track body.\n\n"
        "Q2 Chair: Why are the trains late?\n\n"
        "Jane Roe: Mostly because of the track, which is old.\n\n"
        "Q3 Mr Smith: Do you agree, Mr Doe?\n\n"
        "John Doe: No: the trains are old too.\n"
    )
    assert [s.id for s in doc.questions()] == ["qa-1", "qa-2", "qa-3"]
    assert [p.speaker for p in doc.questions()[0].passages] == ["Q1 Chair", "Jane Roe", "John Doe"]
    assert doc.questions()[2].passages[0].speaker == "Q3 Mr Smith"


def test_print_interview_with_only_the_questions_labelled() -> None:
    doc = parse(
        "A print interview\n\n"
        "Question: Good evening.\n\nWhy did you write it?\n\n"
        "Because I had to, and it took ten years.\n\nAnd I do not regret it.\n\n"
        "Question: What next?\n\nA rest.\n"
    )
    assert texts(doc, "qa-1") == [
        ("Question", "Good evening."),
        ("Question", "Why did you write it?"),
        (None, "Because I had to, and it took ten years."),
        (None, "And I do not regret it."),
    ]
    assert texts(doc, "qa-2") == [("Question", "What next?"), (None, "A rest.")]


HEADING_QUESTIONS = """\
# Two sailors on their boat

We asked Ann and Bob about the boat.

## 1. Why did you buy a boat?

**Ann** - We liked the sea.

**Bob** - And the fish.

## 2. Where do you sail?

**Bob** - Along the coast, mostly.

More text of Bob's answer.

## Where next?

**Ann** - North, next summer.
"""


def test_a_written_interview_whose_questions_are_headings() -> None:
    doc = parse(HEADING_QUESTIONS, "interview.md")
    assert kinds(doc) == ["intro", "qa", "qa", "qa"]
    assert texts(doc, "qa-1") == [
        ("1.", "Why did you buy a boat?"),
        ("Ann", "We liked the sea."),
        ("Bob", "And the fish."),
    ]
    assert texts(doc, "qa-3")[0] == (None, "Where next?")
    # Question headings with no one's answers after them are an FAQ's, not questions.
    faq = parse("# FAQ\n\n## Why a boat?\n\nThe sea.\n\n## Why now?\n\nSummer.\n", "f.md")
    assert "qa" not in kinds(faq)


def test_the_first_answer_is_no_introduction_even_when_it_says_we_have_a() -> None:
    doc = parse(
        "A news conference\n\n"
        "THE PRESIDENT. I have a short statement about the sea, and then questions.\n\n"
        "Q. Is the answer still no?\n\n"
        "THE PRESIDENT. The answer is that we have a good plan, and we keep to it.\n\n"
        "Q. Can I follow up? Why keep to it?\n\n"
        "THE PRESIDENT. Because it works, and it has worked for years now.\n\n"
        "Q. And the rivers?\n\n"
        "THE PRESIDENT. The same plan, for the rivers as for the sea.\n"
    )
    assert kinds(doc) == ["intro", "statement", "qa", "qa", "qa"]


NARRATED_OPENING = """\
THE SEA COMPANY v. JANE ROE

MR. DOE opened the case as follows:

Gentlemen of the Jury, the sea was taken, and we shall show by whom.

Q. Where do you live?

A. By the sea.

MR. DOE: I object to that.

Q. Since when?

A. Since I was born.

MR. DOE: Nothing further.
"""


def test_narration_that_gives_a_labelled_speaker_the_word_opens_a_turn() -> None:
    doc = parse(NARRATED_OPENING)
    assert kinds(doc) == ["intro", "statement", "qa", "qa"]
    assert texts(doc, "intro")[-1] == (None, "MR. DOE opened the case as follows:")
    assert texts(doc, "statement-1") == [
        ("MR. DOE", "Gentlemen of the Jury, the sea was taken, and we shall show by whom.")
    ]


def test_a_label_ending_in_a_full_stop_among_colon_labels() -> None:
    doc = parse(
        "News conference\n\n"
        "Jane Roe: Good afternoon, and welcome to all of you on this fine day.\n\n"
        "John Doe: Thank you. I will be brief and say only what needs saying.\n\n"
        "Question: A question to both of you: what did you agree on?\n\n"
        "Jane Roe. We agreed on trade and on transport, in some detail.\n\n"
        "John Doe: And I agree with that.\n\n"
        "New York. It is where we met, as it happens, last year.\n\n"
        "Question (retranslated): And on energy?\n\n"
        "Jane Roe: Not yet.\n"
    )
    assert kinds(doc) == ["intro", "statement", "statement", "qa", "qa"]
    assert [s for s, _ in texts(doc, "qa-1")] == ["Question", "Jane Roe", "John Doe", "John Doe"]
    # A sentence shaped like a name and a full stop, naming no speaker, stays text.
    assert texts(doc, "qa-1")[-1][1].startswith("New York. It is where")


PANEL = [
    "JANE HOST: Welcome to our panel on cities. Ann, what makes a city livable?",
    "ANN PANEL: Parks, transit and housing people can afford, in that order, and a sense "
    "that the place belongs to everyone who lives in it.",
    "BOB PANEL: I would add schools. Without good schools, families leave, and the city ages.",
    "JANE HOST: Bob, you have built schools. What did you learn?",
    "BOB PANEL: That the building is the easy part. Teachers are the hard part, and they "
    "need housing too, which brings us back to Ann's point.",
    "JANE HOST: Ann, do you agree?",
    "ANN PANEL: Completely. Housing is the root of most of it, and we have ignored it.",
    "CARL PANEL: May I disagree? Transit matters more: it makes cheap housing reachable.",
    "JANE HOST: Carl, go on.",
    "CARL PANEL: If a train takes you downtown in twenty minutes, the cheap flat at the "
    "edge of town is suddenly a good flat.",
    "JANE HOST: Thank you all.",
]


def test_a_host_and_a_panel_none_of_whom_answers_often() -> None:
    doc = parse("\n\n".join(PANEL))
    assert [s.passages[0].text for s in doc.questions()] == [
        "Welcome to our panel on cities. Ann, what makes a city livable?",
        "Bob, you have built schools. What did you learn?",
        "Ann, do you agree?",
        "Carl, go on.",
    ]
    # The panelist asking back belongs to the answer; the closing thanks to the last section.
    assert [p.speaker for p in doc.questions()[2].passages] == [
        "JANE HOST",
        "ANN PANEL",
        "CARL PANEL",
    ]
    assert doc.questions()[-1].passages[-1].text == "Thank you all."


def test_a_reporter_named_in_full_then_by_surname() -> None:
    doc = parse(
        "JOHN SMITH (The Paper): Minister, why now?\n\n"
        "THE MINISTER: Because the time is right, and we have waited long enough.\n\n"
        "SMITH: And the cost?\n\n"
        "THE MINISTER: Lower than doing nothing, as the study shows in some detail.\n\n"
        "SMITH: Who pays?\n\nTHE MINISTER: Everyone, a little.\n"
    )
    assert [s.passages[0].speaker for s in doc.questions()] == [
        "JOHN SMITH (The Paper)",
        "SMITH",
        "SMITH",
    ]


def test_role_words_in_other_languages() -> None:
    doc = parse(
        "Интервью\n\nВопрос: Как вы оцениваете ситуацию?\n\n"
        "В.Иванов: Ситуация сложная, но мы работаем над этим каждый день.\n\n"
        "Вопрос: А что дальше?\n\nВ.Иванов: Посмотрим.\n"
    )
    assert [p.speaker for p in doc.questions()[0].passages] == ["Вопрос", "В.Иванов"]
    spanish = parse("Pregunta: ¿Por qué?\n\nRespuesta: Porque sí.\n")
    assert [p.speaker for p in spanish.questions()[0].passages] == ["Pregunta", "Respuesta"]


def test_a_press_secretary_gives_the_floor_at_a_news_conference() -> None:
    doc = parse(
        "News conference\n\n"
        "Jane Roe: Good afternoon. We have had a long day of talks, and here is what we "
        "agreed, point by point, in the order we discussed it this morning and afternoon.\n\n"
        "John Press: Please, go ahead.\n\n"
        "Question: What about the border?\n\n"
        "Jane Roe: It stays open, for now, and we will review it in spring.\n\n"
        "John Press: Thank you. Next, please.\n\n"
        "Question: And trade?\n\n"
        "Jane Roe: Up by a tenth.\n\n"
        "John Press: Give the microphone to the second row.\n\n"
        "Question: Thank you.\n\nJane Roe: Thank you.\n"
    )
    assert kinds(doc) == ["intro", "statement", "qa", "qa", "qa"]
    assert [p.speaker for p in doc.questions()[0].passages] == [
        "Question",
        "Jane Roe",
        "John Press",
    ]


def test_oral_argument_justices_ask_counsel_answers() -> None:
    parts = [
        "CHIEF JUSTICE ROE: We'll hear argument first this morning in Case 22-123. Mr. Doe.",
        "MR. DOE: Mr. Chief Justice, and may it please the Court: The statute says what it "
        "says, and the court below read it wrongly, for three reasons I will give in turn.",
    ]
    for n, name in enumerate(["ONE", "TWO", "THREE", "FOUR"]):
        parts.append(f"JUSTICE {name}: Counsel, what about clause {n}? Does it not say more?")
        parts.append(
            f"MR. DOE: No, Justice {name.title()}, it does not, and the history of clause {n} "
            "shows why, as our brief explains at length."
        )
    doc = parse("\n\n".join(parts))
    assert kinds(doc) == ["intro", "statement", "qa", "qa", "qa", "qa"]
    assert doc.sections[1].title == "MR. DOE"


def test_a_name_and_its_timestamp_without_a_colon() -> None:
    doc = parse(
        "Jane Host (00:00:00) Welcome. Jane Guest is a physicist. What got you into it?\n\n"
        "Jane Guest (00:00:12) A book about the stars, when I was ten, left on a table.\n\n"
        "Jane Host (00:01:02) Do you still have it?\n\n"
        "Jane Guest (00:01:05) I do, on my desk, with its cover half gone.\n"
    )
    assert [p.speaker for s in doc.questions() for p in s.passages] == [
        "Jane Host (00:00:00)",
        "Jane Guest (00:00:12)",
        "Jane Host (00:01:02)",
        "Jane Guest (00:01:05)",
    ]
    assert doc.questions()[1].passages[0].text == "Do you still have it?"


def test_earnings_call_operator_analysts_and_executives() -> None:
    parts = [
        "Operator: Good day, and welcome to the call. I now turn the conference over to "
        "the chief executive. Please go ahead.",
        "John Chief: Thanks. It was a strong quarter, with revenue up by a tenth and margins "
        "at a record, thanks to the work of our teams everywhere, and more to come.",
    ]
    for n, analyst in enumerate(["Ann Analyst", "Bob Banker", "Cid Broker", "Dee Trader"]):
        parts.append(f"Operator: Our next question comes from {analyst}. Please go ahead.")
        parts.append(f"{analyst}: Hi, thanks for taking my question. What drove segment {n}?")
        executive = "John Chief" if n % 2 else "Mary Finance"
        parts.append(f"{executive}: Mostly pricing, and some mix, in segment {n}, as expected.")
    parts.append("Operator: This concludes today's call.")
    doc = parse("\n\n".join(parts))
    assert kinds(doc) == ["intro", "statement", "qa", "qa", "qa", "qa"]
    assert [s.passages[0].speaker for s in doc.questions()] == [
        "Ann Analyst",
        "Bob Banker",
        "Cid Broker",
        "Dee Trader",
    ]
    # The operator's turns stay in place: in the intro, and before each next question.
    assert doc.questions()[0].passages[-1].speaker == "Operator"


CATECHISM = """\
A CATECHISM

LESSON FIRST
ON THE END OF MAN

1. Q. Who made the world?
A. God made the world.

2. Q. Why did God make
you?
A. To know Him and to serve Him.

LESSON SECOND
ON GOD

3. Q. Say the first rule.
A. The first rule is this one, and it
goes on over two lines.
"""


def test_numbered_questions_of_a_catechism() -> None:
    doc = parse(CATECHISM)
    assert kinds(doc) == ["intro", "qa", "qa", "qa"]
    assert texts(doc, "qa-2") == [
        ("2. Q", "Why did God make you?"),
        ("A", "To know Him and to serve Him."),
        ("A", "LESSON SECOND ON GOD"),  # plain paragraphs go on with the turn
    ]
    assert texts(doc, "qa-3")[0] == ("3. Q", "Say the first rule.")


ROLE_WORDS_WITH_FULL_STOPS = """\
A CATECHISM OF THE SEA

1. Question.  What is the sea?

Answer.  Salt water, and a great deal of it.

2.  Q.  Why is it salt?

A.  The rivers bring the salt down.

2a.  Q.  Is it so everywhere?

A.  Almost.
"""


def test_role_words_with_full_stops_and_numbers_of_old_print() -> None:
    doc = parse(ROLE_WORDS_WITH_FULL_STOPS)
    assert kinds(doc) == ["intro", "qa", "qa", "qa"]
    assert texts(doc, "qa-1") == [
        ("1. Question", "What is the sea?"),
        ("Answer", "Salt water, and a great deal of it."),
    ]
    assert texts(doc, "qa-3")[0] == ("2a. Q", "Is it so everywhere?")


ITALIC_LABELS = """\
_Jane Roe_ called and sworn. Examined by Mr. Doe:

_Q._ Where were you born?

_A._ In a small town by the sea.

_Q._ How old are you?

_A._ Fifty.
"""


def test_labels_in_the_italics_of_a_plain_text_book() -> None:
    doc = parse(ITALIC_LABELS)
    assert kinds(doc) == ["intro", "qa", "qa"]
    assert texts(doc, "qa-1") == [
        ("Q", "Where were you born?"),
        ("A", "In a small town by the sea."),
    ]


CONTENTS_THEN_INTERVIEWS = """\
CONTENTS.

THE SEA AND THE RIVERS, Morning Post

POLITICS AND GEN. GRANT, Evening Paper

A REPLY TO THE REV. MR. ROE, Weekly Paper

THE SEA AND THE RIVERS

Question.  Is the sea salt?

Answer.  It is.

Question.  Why?

Answer.  The rivers bring the salt.
"""


def test_a_capitals_title_with_an_abbreviation_is_no_speaker() -> None:
    doc = parse(CONTENTS_THEN_INTERVIEWS)
    assert kinds(doc) == ["intro", "qa", "qa"]


ITALIC_QUESTIONS = """\
A CATECHISM OF THE SEA

1.  Q.  _What is the sea?_

A.  Salt water.

2.  Q.  _Why is it salt?_[1]

A.  The rivers bring _some_ salt down, and the _rest_ is old.
"""


def test_a_question_all_in_italics_loses_its_marks() -> None:
    doc = parse(ITALIC_QUESTIONS)
    section = doc.section("qa-1")
    assert section is not None and section.title == "What is the sea?"
    first = section.passages[0]
    assert (first.text, first.spans) == ("What is the sea?", (Span(0, 16, SpanStyle.EMPHASIS),))
    assert texts(doc, "qa-2") == [
        ("2. Q", "Why is it salt?[1]"),
        ("A", "The rivers bring _some_ salt down, and the _rest_ is old."),
    ]


HEADINGS_ABOVE_PRINTED_TURNS = """\
HEARINGS
BEFORE THE COMMITTEE ON THE SEA

RULE ONE
The committee sits in public.

RULE TWO
The committee keeps a record.

HEARINGS
ON THE SEA AND THE RIVERS

RULE ONE
The committee may sit in private.

RULE TWO
The record is printed.

Mr. ROE. Where do you live?

Mr. DOE. By the sea.

Mr. ROE. Since when?

Mr. DOE. Since I was born.

Mr. ROE. Do you fish?

Mr. DOE. Every day.

Mr. ROE. And your family?

Mr. DOE. They fish too.
"""


def test_headings_alone_on_their_lines_above_full_stop_turns_are_no_speakers() -> None:
    doc = parse(HEADINGS_ABOVE_PRINTED_TURNS)
    assert kinds(doc) == ["intro", "qa", "qa", "qa", "qa"]


COUNSEL_IDENTIFIES_HIMSELF = """\
Mr. ROE. Will counsel please identify himself for the record.

Mr. LEE. Jane Lee, attorney at law, of Seatown.

Mr. ROE. You were called before this committee last year?

Mr. DOE. Yes, sir, I was called on the first day of that hearing, in June.

Mr. ROE. And you refused to testify?

Mr. DOE. Correct, I refused, for reasons I stated to the committee then.

Mr. ROE. Why?

Mr. DOE. I was not ready, and my counsel had advised me to wait a while.

Mr. POE. I yield back.

Mr. ROE. Are you ready now?

Mr. DOE. I am ready now, and I will answer every question you put to me.
"""


def test_a_speaker_who_replies_once_to_the_asker_answers_and_yielding_back_gives_the_floor() -> (
    None
):
    doc = parse(COUNSEL_IDENTIFIES_HIMSELF)
    assert kinds(doc) == ["qa"] * 5
    assert texts(doc, "qa-1")[1] == ("Mr. LEE", "Jane Lee, attorney at law, of Seatown.")


BOLD_NAMES = """\
(Intro music)

0:00:13.8 **Jane Doe** Welcome to the show. My guest today is Rob Roe.

0:00:21.9 **Rob Roe** Hello.

0:00:23.0 **Jane Doe** So what do you build?

0:00:25.0 **Rob Roe** Bridges, mostly, and the odd tunnel when nobody is looking.

0:00:31.4 **Jane Doe** Oh, okay.

0:00:32.0 **Rob Roe** And the tunnels take longer than the bridges, of course.

0:00:40.0 **Other Voice** Sorry, I did not get that.

0:00:41.0 **Rob Roe** Ignore that, it is my phone answering.

0:00:45.1 **Jane Doe** Why bridges?

0:00:46.0 **Rob Roe** Because rivers are everywhere and people want to cross them.

**Note** that the show is edited.

(Exit music)
"""


def test_bold_names_without_colons_after_timestamps() -> None:
    doc = parse(BOLD_NAMES, "episode.md")
    assert kinds(doc) == ["intro", "qa", "qa", "qa", "qa"]
    assert texts(doc, "qa-1")[0] == (
        "Jane Doe 0:00:13.8",
        "Welcome to the show. My guest today is Rob Roe.",
    )
    assert texts(doc, "qa-3")[-2][0] == "Other Voice 0:00:40.0"  # once, in a transcript
    assert texts(doc, "qa-4")[-3:] == [
        ("Rob Roe 0:00:46.0", "Because rivers are everywhere and people want to cross them."),
        ("Rob Roe 0:00:46.0", "Note that the show is edited."),  # a word in bold is no name
        ("Rob Roe 0:00:46.0", "(Exit music)"),
    ]


def test_words_in_bold_are_not_speakers_in_an_article() -> None:
    doc = parse(
        "# Notes\n\n**Python** is a language.\n\n**Rust** is another one.\n\n"
        "**Python** again, with more words.\n",
        "notes.md",
    )
    assert all(p.speaker is None for s in doc.walk() for p in s.passages)


NODDING_HOST = """\
Jane Doe: Welcome back to the show, where we talk about the web.

Rob Roe: Thanks for having me on again, it is good to be here.

Jane Doe: So what is accessibility, in a few words?

Rob Roe: Making things usable by everyone, whatever tools they use to read them.

Jane Doe: Oh, okay, that makes sense to me.

Rob Roe: And it is broader than most people think it is, by far.

Jane Doe: Right, right, I can see that now.

Rob Roe: Screen readers are one part, and keyboards are another part of it.

Jane Doe: How do you test it?

Rob Roe: With the tools themselves, and with people who use them every day.

Jane Doe: Cool, that is a good way to do it.

Rob Roe: It is the only way that really works, in the end, for anyone.

Jane Doe: Mm-hmm, yes, I believe you there.

Rob Roe: And it saves a lot of work later, when the site has grown.
"""


def test_a_host_who_mostly_nods_along_still_asks() -> None:
    # The host asks in a third of the turns, the guest never: the host is the asker even
    # though the guest's turns are not much longer.
    doc = parse(NODDING_HOST)
    assert doc.questions()[0].title.startswith("Welcome back")
    assert len(doc.questions()) == 7


LONG_FORM_TWICE = """\
Forum plenary session

President of Country Jane Doe: Friends, colleagues, welcome to the forum. We are glad to
see so many of you here this year, and there is much to talk about today.

Forum moderator Rob Roe: Thank you. Where is the price of oil going next year?

President of Country Jane Doe: Up, I think, but not by much, and not for long either.

Rob Roe: Why not for long?

Jane Doe: Because supply follows demand, as it always has done, sooner or later.

Rob Roe: And gas?

Jane Doe: Gas is another story, and a longer one, which I will tell you some other day.

Rob Roe: What about coal?

Jane Doe: Coal is with us for a while yet, in more places than people would think.
"""


def test_a_long_label_used_twice_is_the_short_one_used_after() -> None:
    doc = parse(LONG_FORM_TWICE)
    assert kinds(doc) == ["intro", "statement", "qa", "qa", "qa", "qa"]
    assert doc.questions()[0].title.startswith("Thank you. Where is the price")


STOP_TYPOS = """\
President: Jane Doe

THE PRESIDENT. My fellow citizens: tonight I have three things to tell you, and I will
take your questions after that, for as long as the cameras allow it.

THE PRESIDENT. First, the budget is balanced.

Q. Mr. President, will taxes rise next year?

THE PRESIDENT. No, they will not.

Q. And the year after that?

THE. PRESIDENT. I am sorry, I did not get your question.

Q. I said, and the year after that?

THE PRESIDENT. Not then either.
"""


def test_full_stop_labels_of_one_speaker_answering_q() -> None:
    doc = parse(STOP_TYPOS)
    assert kinds(doc) == ["intro", "statement", "qa", "qa", "qa"]
    assert doc.sections[1].title == "THE PRESIDENT"
    # The misprinted label is the same speaker: the repeated question is one of its own.
    assert texts(doc, "qa-2")[-1] == ("THE. PRESIDENT", "I am sorry, I did not get your question.")


TYPO_COLON = """\
Q    Hello, how are you both today?

MR. ROE:  Fine, thanks.

Q    And you, sir?

MS. DOE:  Very well.

Q    Do they build it here?

MR. ROE.  Yeah.  They do, actually.

Q    Since when?

MR. ROE:  Since last year, I think.
"""


def test_a_full_stop_for_a_colon_once() -> None:
    doc = parse(TYPO_COLON)
    assert len(doc.questions()) == 4
    assert texts(doc, "qa-3")[-1] == ("MR. ROE", "Yeah.  They do, actually.")


TOWN_HALL = """\
MR. ROE:  How are you tonight, sir?

THE GOVERNOR:  Good to see you.  How are you?  Good to be back, man.

MR. ROE:  Schools first.  When will they open five days a week?

THE GOVERNOR:  By the end of the spring, if the teachers are vaccinated by then, and I
think they will be, because we have put them first in line for the vaccine.

MR. ROE:  And if they are not?

THE GOVERNOR:  Then later, but not much later, I promise you that much tonight.

MR. ROE:  I want you to meet Ann Lee, a nurse from the east side.  Ann, welcome.

AUDIENCE MEMBER:  Hi.  My question is about the clinics.  Why are they closed on Sundays?

THE GOVERNOR:  Because we had no staff for Sundays, and now we have, so they will open.
What is your first name, by the way?

AUDIENCE MEMBER:  Ann.

THE GOVERNOR:  Ann, they open next month, on every Sunday of the year.

MR. ROE:  Let me ask you about roads, though.  When will the bridge be done?

THE GOVERNOR:  Next year, finally, after three years of work and a lot of detours.

Reply:  Do we still have time?

THE GOVERNOR:  Time? There is never enough time, but go on, one more.
"""


def test_a_moderator_who_asks_among_audience_members() -> None:
    # One named speaker gives nearly every reply: the others ask with the audience, the
    # moderator too (when not presenting a questioner), and so does a voice labelled once.
    doc = parse(TOWN_HALL)
    found = [s.passages[0].speaker for s in doc.questions()]
    assert found == [
        "MR. ROE",
        "MR. ROE",
        "MR. ROE",
        "AUDIENCE MEMBER",
        "AUDIENCE MEMBER",
        "MR. ROE",
        "Reply",
    ]


WELCOME = """\
MS. DOE:  And welcome.  We are live tonight from the old theatre downtown, with fifty people
who came to ask about schools, roads and the budget of the state.
We are live tonight from the old theatre downtown, with fifty people
who came to ask about schools, roads and the budget of the state.
We are live tonight from the old theatre downtown, with fifty people
who came to ask about schools, roads and the budget of the state.
We are live tonight from the old theatre downtown, with fifty people
who came to ask about schools, roads and the budget of the state.
We are live tonight from the old theatre downtown, with fifty people
who came to ask about schools, roads and the budget of the state.
We are live tonight from the old theatre downtown, with fifty people
who came to ask about schools, roads and the budget of the state.

With that, I want to welcome the Governor of the state, Rob Roe.  (Applause.)

THE GOVERNOR:  Hey, Jane.

MS. DOE:  How are you, sir?

THE GOVERNOR:  Good to be here.  Good to see everybody.

MS. DOE:  When will the schools open?

THE GOVERNOR:  In the spring, if the teachers are vaccinated by then, as they should be.

MS. DOE:  And the roads?

THE GOVERNOR:  Next year, after three years of work and a lot of detours everywhere.
"""


def test_a_hosts_welcome_and_the_greeting_back_are_no_statements() -> None:
    doc = parse(WELCOME)
    assert kinds(doc) == ["intro", "qa", "qa", "qa"]
    assert [speaker for speaker, _ in texts(doc, "intro")] == [
        "MS. DOE",
        "MS. DOE",
        "THE GOVERNOR",
    ]
    assert doc.questions()[0].title == "How are you, sir?"


def _page(number: int, lines: list[str]) -> str:
    """A page as ``pdftotext -layout`` gives a court reporter's transcript: numbered lines,
    double-spaced, the page number and the reporter's name at the foot."""
    body = "\n\n".join(f"{n:2}   {line}" if line else f"{n:2}" for n, line in enumerate(lines, 1))
    head = "\u000c" if number > 1 else ""
    return (
        f"{head}                   Official - Subject to Review\n\n\n{body}\n\n"
        f"                                  {number}\n\n"
        "                       Doe Reporting Company\n"
    )


COURT_PAGES = "".join(
    [
        _page(
            1,
            [
                "           IN THE SUPREME COURT",
                "",
                "              CHIEF JUSTICE POE:          We will hear",
                "argument this morning in the first case.",
                "              Mr. Roe.",
                "              MR. ROE:       Mr. Chief Justice, and may it",
                "please the Court: the Act imposes a rule that is",
                "central to the law of taxes and of penalties.",
                "              JUSTICE LEE:        Well, that depends, as -",
            ],
        ),
        _page(
            2,
            [
                "as the government points out, on whether that directive",
                "is a directive to the Secretary. Why should it be so?",
                "              MR. ROE:       Because the text says so,",
                "Justice Lee.",
                "              JUSTICE KAY:     Is that the only reason?",
                "              MR. ROE:       No, there are three of them.",
                "              There is the history of the Act, too.",
                "              CHIEF JUSTICE POE:         Thank you, Mr. Roe.",
                "              General Doe.",
            ],
        ),
        _page(
            3,
            [
                "              GENERAL DOE:      Mr. Chief Justice, and may it",
                "please the Court: the penalty is not a tax.",
                "              JUSTICE LEE:       Why not?",
                "              GENERAL DOE:      Because Congress said so.",
            ],
        ),
        _page(
            4,
            [
                "              JUSTICE KAY:       And the history?",
                "              GENERAL DOE:      It says the same.",
            ],
        ),
    ]
)


def test_pages_with_numbered_lines_from_a_pdf() -> None:
    doc = parse(COURT_PAGES)
    assert kinds(doc) == ["intro", "statement", "qa", "qa", "qa", "qa"]
    assert texts(doc, "statement-1")[0] == (
        "MR. ROE",
        "Mr. Chief Justice, and may it please the Court: the Act imposes a rule that is "
        "central to the law of taxes and of penalties.",
    )
    # A turn goes on across the page break; the page's head and foot are dropped.
    assert texts(doc, "qa-1")[0] == (
        "JUSTICE LEE",
        "Well, that depends, as - as the government points out, on whether that "
        "directive is a directive to the Secretary. Why should it be so?",
    )
    # A deeper indent starts a paragraph; the chair calling the next counsel gives the floor.
    assert texts(doc, "qa-2") == [
        ("JUSTICE KAY", "Is that the only reason?"),
        ("MR. ROE", "No, there are three of them."),
        ("MR. ROE", "There is the history of the Act, too."),
        ("CHIEF JUSTICE POE", "Thank you, Mr. Roe."),
        ("CHIEF JUSTICE POE", "General Doe."),
        (
            "GENERAL DOE",
            "Mr. Chief Justice, and may it please the Court: the penalty is not a tax.",
        ),
    ]
    reasons = {d.reason for d in doc.dropped}
    assert reasons == {"running header", "line number"}
    assert not any("Reporting" in p.text for s in doc.walk() for p in s.passages)


INQUIRY = """\
**Mr Poe**: Good afternoon, my Lady.

**Lady Roe**: Good afternoon.

**Mr Poe**: The first witness today is Dr Ann Lee.

**Mr Poe**: Could you give us your full name, please, for the record of the Inquiry?

**Dr Ann Lee**: Ann Lee.

**Counsel**: You have provided a statement to the Inquiry, dated in April, which we have on
the screen now; is it true to the best of your knowledge and belief?

**Dr Ann Lee**: It is, yes.

**Counsel**: Was the unit that you led responsible for planning for an emergency of this
kind, and did it report to you or to the permanent secretary at the time?

**Dr Ann Lee**: To me.

**Lady Roe**: Where did the unit sit, in the building, and who else did it report to?

**Dr Ann Lee**: On the second floor, next to mine, and to nobody else.

**Counsel**: Did the plan of that year deal with a pandemic at all, as opposed to a flu?

**Dr Ann Lee**: It dealt with a flu only, I am afraid.

**Ms Kay**: May I ask on behalf of the families whether anyone warned you about that gap?

**Dr Ann Lee**: Nobody did.

**Ms Kay**: Not even the advisers who wrote the report of the year before that one?

**Dr Ann Lee**: No.

**Counsel**: Thank you. The next witness is Mr Rob Day, who has been waiting.

**Counsel**: Mr Day, was your department told of the gap in the plan, and when was it told?

**Mr Rob Day**: In the spring, by letter.

**Counsel**: And did your department answer that letter, in writing or otherwise?

**Mr Rob Day**: It did, in the summer.

**Ms Kay**: Did the answer say what would be done about the gap, and by when?

**Mr Rob Day**: It did not.
"""


def test_counsel_and_chair_examining_witnesses() -> None:
    # Several ask and several answer, at more length than the answers: an examination, not a
    # dialogue; the greetings and the calling of a witness before it are procedure.
    doc = parse(INQUIRY)
    assert kinds(doc) == ["intro"] + ["qa"] * 10
    assert doc.questions()[0].title.startswith("Could you give us your full name")
    assert [s for s, _ in texts(doc, "intro")] == ["Mr Poe", "Lady Roe", "Mr Poe"]


RESTARTED = """\
MR. ROE:  So what about the schools, sir?

THE MAYOR:  Open in May, all of them, and for five days a week, as soon as the teachers
have had their second dose, which should be by the end of April at the latest.

MR. ROE:  And the teachers agree?

THE MAYOR:  Most of them do, and the union has said it will not stand in the way of it.

MR. ROE:  I want you to — (applause) —

THE MAYOR:  I'm sorry.

MR. ROE:  I want you to meet Ann Lee, a teacher.  What would you ask?

THE MAYOR:  Hello, Ann.  Go on.

MR. ROE:  So, the buses — when do they come back?

THE MAYOR:  In June, when the drivers are back from their training, and the routes will
be the same as before, with two more for the new school on the hill.
"""


def test_a_question_cut_off_and_started_over_is_one() -> None:
    doc = parse(RESTARTED)
    titles = [s.title for s in doc.questions()]
    assert titles == [
        "So what about the schools, sir?",
        "And the teachers agree?",
        "I want you to — (applause) —",
        "So, the buses — when do they come back?",
    ]
    assert [t for _, t in texts(doc, "qa-3")][:3] == [
        "I want you to — (applause) —",
        "I'm sorry.",
        "I want you to meet Ann Lee, a teacher.  What would you ask?",
    ]


def test_soft_hyphens_at_line_ends_of_a_pdf_join_the_word() -> None:
    text = (
        "Q. Was the adminis\u00ad\ntrative order ever read to the court, as -\u00ad\n"
        "as I understand it was, or not at all?\n\n"
        "A. It was read care\u00ad\nfully.\n"
    )
    doc = parse(text)
    said = [p.text for s in doc.walk() for p in s.passages]
    assert said == [
        "Was the administrative order ever read to the court, as -- as I understand it"
        " was, or not at all?",
        "It was read carefully.",
    ], said
    assert all("\u00ad" not in p for p in said)
