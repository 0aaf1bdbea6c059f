"""Label forms at the start of a line (what a line could be; the document decides)."""

from __future__ import annotations

import pytest

from tuireader.parse.labels import Form, Role, find_label, make_key


@pytest.mark.parametrize(
    ("line", "speaker", "key", "form", "text"),
    [
        (
            "QUESTION (Agency, Jane Roe): Why now?",
            "QUESTION (Agency, Jane Roe)",
            "question",
            Form.COLON,
            "Why now?",
        ),
        ("Jane Roe (Agency): Because.", "Jane Roe (Agency)", "jane roe", Form.COLON, "Because."),
        (
            "Question (retranslated): Mr Doe,",
            "Question (retranslated)",
            "question",
            Form.COLON,
            "Mr Doe,",
        ),
        ("Jürgen Weiß: Guten Abend.", "Jürgen Weiß", "jürgen weiss", Form.COLON, "Guten Abend."),
        ("John\u00a0DOE:\u00a0Yes.", "John DOE", "john doe", Form.COLON, "Yes."),
        (
            "President of\u00a0Country John Doe: We",
            "President of Country John Doe",
            "president of country john doe",
            Form.COLON,
            "We",
        ),
        (
            "The Chairman. The committee will",
            "The Chairman",
            "the chairman",
            Form.STOP,
            "The committee will",
        ),
        (
            "Mrs. Lee of California. Thank you.",
            "Mrs. Lee of California",
            "mrs lee of california",
            Form.STOP,
            "Thank you.",
        ),
        (
            "Mr. Watt. [presiding] The time",
            "Mr. Watt [presiding]",
            "mr watt",
            Form.STOP,
            "The time",
        ),
        ("CHAIR ROE.  Good evening.", "CHAIR ROE", "chair roe", Form.STOP, "Good evening."),
        ("MR. ROE.\u00a0 Sure.", "MR. ROE", "mr roe", Form.STOP, "Sure."),
        ("CHAIR ROE.  NATO has grown.", "CHAIR ROE", "chair roe", Form.STOP, "NATO has grown."),
        ("THE. PRESIDENT. Nancy, I", "THE. PRESIDENT", "the president", Form.STOP, "Nancy, I"),
        ("Q\u00a0\u00a0\u00a0 Hi.", "Q", "q", Form.QA, "Hi."),
        ("Q\tWhere were you?", "Q", "q", Form.QA, "Where were you?"),
        ("A   At home.", "A", "a", Form.QA, "At home."),
        ("Q. Good morning.", "Q", "q", Form.QA, "Good morning."),
        ("Q.1. Do you believe", "Q.1", "q", Form.QA, "Do you believe"),
        ("A.5.a. The Board", "A.5.a", "a", Form.QA, "The Board"),
        ("A.3.a.-b. Both", "A.3.a.-b", "a", Form.QA, "Both"),
        ("A5.-7. Taken together", "A5.-7", "a", Form.QA, "Taken together"),
        ("Q14 Mr Roe: Can I ask?", "Q14 Mr Roe", "q", Form.QA, "Can I ask?"),
        ("12. Q. Who made it?", "12. Q", "q", Form.QA, "Who made it?"),
        ("3. A. He did.", "3. A", "a", Form.QA, "He did."),
        ("7. Q: Why?", "7. Q", "q", Form.COLON, "Why?"),
        ("46a.  Q.  And then?", "46a. Q", "q", Form.QA, "And then?"),
        ("79..  Q.  Where?", "79.. Q", "q", Form.QA, "Where?"),
        ("Question.  Why so?", "Question", "question", Form.STOP, "Why so?"),
        ("Answer.  Because.", "Answer", "answer", Form.STOP, "Because."),
        ("1. Question.  Who?", "1. Question", "question", Form.STOP, "Who?"),
        ("_Q._ Where were you born?", "Q", "q", Form.QA, "Where were you born?"),
        ("_Question_.  Why so?", "Question", "question", Form.STOP, "Why so?"),
        ("*Mr. Roe*: If the Court please", "Mr. Roe", "mr roe", Form.COLON, "If the Court please"),
        (
            "Minister for Foreign Affairs Jane Doe: Thank you.",
            "Minister for Foreign Affairs Jane Doe",
            "minister for foreign affairs jane doe",
            Form.COLON,
            "Thank you.",
        ),
        (
            "President and Chairman of the Board of Country Bank John Roe: Thank you.",
            "President and Chairman of the Board of Country Bank John Roe",
            "president and chairman of the board of country bank john roe",
            Form.COLON,
            "Thank you.",
        ),
        (
            "Executive Editor John Roe: Hi.",
            "Executive Editor John Roe",
            "executive editor john roe",
            Form.COLON,
            "Hi.",
        ),
        (
            "Jane Doe (00:01:23) The following",
            "Jane Doe (00:01:23)",
            "jane doe",
            Form.COLON,
            "The following",
        ),
        ("**Q:** Really?", "Q", "q", Form.COLON, "Really?"),
        ("**Jane Doe:** Yes.", "Jane Doe", "jane doe", Form.COLON, "Yes."),
        ("[00:12:31] HOST: Welcome.", "HOST [00:12:31]", "host", Form.COLON, "Welcome."),
        ("Speaker 1 (00:01:15): Hello.", "Speaker 1 (00:01:15)", "speaker 1", Form.COLON, "Hello."),
        ("Jane Doe: 00:02:03 So,", "Jane Doe 00:02:03", "jane doe", Form.COLON, "So,"),
        ("Jane Doe: \\[04:01\\] So,", "Jane Doe [04:01]", "jane doe", Form.COLON, "So,"),
        ("[00:00:00] **Jane Doe:** Like,", "Jane Doe [00:00:00]", "jane doe", Form.COLON, "Like,"),
        ("**Jane Doe** Thank you.", "Jane Doe", "jane doe", Form.BOLD, "Thank you."),
        ("**Jane Doe** - Thank you.", "Jane Doe", "jane doe", Form.BOLD, "Thank you."),
        ("**Jane Doe** — - is a dash.", "Jane Doe", "jane doe", Form.BOLD, "- is a dash."),
        ("0:00:13.8 **Jane Doe** Hi.", "Jane Doe 0:00:13.8", "jane doe", Form.BOLD, "Hi."),
    ],
)
def test_label_forms(line: str, speaker: str, key: str, form: Form, text: str) -> None:
    label = find_label(line)
    assert label is not None, line
    assert (label.speaker, label.key, label.form) == (speaker, key, form)
    assert line[label.end :].strip() == text


@pytest.mark.parametrize(
    ("line", "speaker", "key"),
    [
        ("Maria", "Maria", "maria"),
        ("Jane Doe  00:02:03", "Jane Doe 00:02:03", "jane doe"),
        ("Audience", "Audience", "audience"),
    ],
)
def test_a_name_alone_on_its_line(line: str, speaker: str, key: str) -> None:
    label = find_label(line)
    assert label is not None and label.alone
    assert (label.speaker, label.key, label.form) == (speaker, key, Form.NAME_LINE)


@pytest.mark.parametrize(
    "line",
    [
        "Mr. Price from Ohio.",
        "Mr. President, Mr. Speaker, Members of the Congress:",
        "The answer is simple: we wait.",
        "Publication date: May 3, 2018",
        "Note: this is not a speaker.",
        "PERSONS OF THE DIALOGUE:  Socrates, Crito.",
        "FOR RESPONDENT: Timothy Block, Esquire",
        "BEFORE: Board Panel",
        "Translator: Benjamin Jowett",
        "Translated by Benjamin Jowett",
        "GORMAN, Appellate Immigration Judge:",
        "State. But, if I deny the authority",
        "A good idea, said she.",
        "1. A new approach to the problem.",
        "2. Questions of law are for the court.",
        "A\u00a0military operation was important.",
        "10:05 A.M. EST",
        "Yeah.",
        "http://example.com: link",
        "**Note** that this is emphasis.",
        "Answer the phone.",
        "Summary. This is what we found.",
        "_Jane Roe_ called and sworn. Examined by Mr. Doe",
        "_Jane Roe_",
        "_Note_: read this first.",
        "_What is the sea?_",
        "POLITICS AND GEN. GRANT, Daily Paper",
        "A REPLY TO THE REV. MR. ROE, Weekly Paper",
        "FUNERAL OF JOHN G. ROE, Morning Post",
        "HON. JANE ROE, Presiding.",
    ],
)
def test_what_is_no_label(line: str) -> None:
    assert find_label(line) is None


def test_roles_and_keys() -> None:
    roles = [find_label(line) for line in ("Q: x", "MODERATOR: Next.", "A. Yes.", "Jo: Hi")]
    assert [label.role if label else None for label in roles] == [
        Role.ASK,
        Role.MODERATE,
        Role.ANSWER,
        None,
    ]
    assert make_key("Jane\u00a0DOE") == make_key("Jane Doe") == "jane doe"
    assert make_key("Jane Roe (retranslated)") == "jane roe"
    assert make_key("Mr. Doe") == make_key("Mr Doe") == make_key("MR. DOE") == "mr doe"


def test_bold_text_of_a_markdown_line() -> None:
    """Markdown has lost the marks: the caller says where the bold text is."""
    label = find_label("0:00:21.9 Jane Doe Hello there.", strong=(10, 18))
    assert label is not None and label.form is Form.BOLD
    assert (label.speaker, label.key) == ("Jane Doe 0:00:21.9", "jane doe")
    assert find_label("0:00:21.9 Jane Doe Hello there.", strong=(14, 18)) is None
    assert find_label("Important things come first.", strong=(0, 9)) is None
