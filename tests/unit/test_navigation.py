"""Where each movement goes, without any UI."""

from __future__ import annotations

from tuireader.model import Document
from tuireader.navigation import Navigator, Position


def ids(nav: Navigator, position: Position | None) -> tuple[str, int] | None:
    if position is None:
        return None
    return nav.section(position).id, position.passage


def test_answers(seed: Document) -> None:
    nav = Navigator(seed)
    start = nav.first()
    assert start is not None and ids(nav, start) == ("intro", 0)
    assert nav.previous_answer(start) is None
    q1 = nav.next_answer(start)
    assert ids(nav, q1) == ("qa-1", 0)
    q10 = nav.position_of("qa-10")
    assert q10 is not None and nav.next_answer(q10) is None
    comment = nav.position_of("comment-3")
    assert comment is not None
    assert ids(nav, nav.previous_answer(comment)) == ("qa-10", 0)
    assert nav.next_answer(comment) is None


def test_passages_cross_sections(seed: Document) -> None:
    nav = Navigator(seed)
    last_intro = nav.position_of("intro", 99)
    assert ids(nav, last_intro) == ("intro", 2)  # clamped
    assert last_intro is not None
    assert ids(nav, nav.next_passage(last_intro)) == ("qa-1", 0)
    q1 = nav.position_of("qa-1")
    assert q1 is not None
    assert ids(nav, nav.previous_passage(q1)) == ("intro", 2)
    first = nav.first()
    assert first is not None and nav.previous_passage(first) is None
    end = nav.position_of("speech", 21)
    assert end is not None and nav.next_passage(end) is None


def test_group_section_opens_its_first_child(seed: Document) -> None:
    nav = Navigator(seed)
    assert ids(nav, nav.position_of("comments")) == ("comment-1", 0)
    assert nav.position_of("nope") is None


def test_passage_ids(seed: Document) -> None:
    nav = Navigator(seed)
    assert ids(nav, nav.position_of_passage("qa-3.p2")) == ("qa-3", 1)
    assert nav.position_of_passage("qa-3.p99") is None
    assert nav.position_of_passage("qa-3") is None


def test_describe(seed: Document) -> None:
    nav = Navigator(seed)
    assert nav.describe(Position(3, 1)) == "Q3/10 · passage 2/13"
    comment = nav.position_of("comment-2")
    assert comment is not None
    assert nav.describe(comment) == "Comment 2/4 · passage 1/1"
    speech = nav.position_of("speech", 4)
    assert speech is not None and nav.describe(speech) == "Speech · passage 5/22"


def test_progress_runs_from_0_to_100_through_the_passages(seed: Document) -> None:
    nav = Navigator(seed)
    first = nav.first()
    assert first is not None and nav.progress(first) == 0
    last_section = Position(len(nav.sections) - 1, 0)
    end = nav.last_passage(last_section)
    assert nav.progress(end) == 100
    values = []
    position: Position | None = first
    while position is not None:
        values.append(nav.progress(position))
        position = nav.next_passage(position)
    assert values == sorted(values) and len(set(values)) > 50


def test_resolve_what_a_user_types_to_go_somewhere(seed: Document) -> None:
    nav = Navigator(seed)
    assert ids(nav, nav.resolve("3")) == ("qa-3", 0)
    assert ids(nav, nav.resolve("Q10")) == ("qa-10", 0)
    assert ids(nav, nav.resolve(" q1 ")) == ("qa-1", 0)
    assert ids(nav, nav.resolve("qa-3.p2")) == ("qa-3", 1)
    assert ids(nav, nav.resolve("comment-2")) == ("comment-2", 0)
    assert ids(nav, nav.resolve("comments")) == ("comment-1", 0)
    assert ids(nav, nav.resolve("0%")) == ("intro", 0)
    assert ids(nav, nav.resolve("100%")) == ("speech", 21)
    halfway = nav.resolve("50%")
    assert halfway is not None and 48 <= nav.progress(halfway) <= 50
    for nowhere in ("11", "Q0", "qa-99", "qa-3.p99", "", "sanctions"):
        assert nav.resolve(nowhere) is None, nowhere


def test_resolve_numbers_sections_when_there_are_no_questions() -> None:
    from tuireader.parse import parse_document

    text = "".join(f"# Part {n}\n\nText of part {n}.\n\n" for n in range(1, 5))
    nav = Navigator(parse_document(text, "x"))
    assert nav.question_count == 0 and len(nav.sections) >= 3
    second = nav.resolve("2")
    assert second is not None and nav.section(second) is nav.sections[1]
    assert nav.resolve(str(len(nav.sections) + 1)) is None


def _statements_and_exchanges() -> tuple[Document, Document]:
    from tuireader.parse import parse_document

    press = parse_document(
        "MR. SMITH: Good morning. We have made progress on the plan.\n\n"
        "DR. JONES: Thank you. The numbers are better this week.\n\n"
        "Q: How much better?\n\nDR. JONES: Ten percent.\n\n"
        "Q: And next week?\n\nMR. SMITH: We will see.\n",
        "t",
    )
    dialogue = parse_document(
        "\n\n".join(f"{'ALICE' if n % 2 else 'BOB'}: Line {n} of a long talk." for n in range(30)),
        "t",
    )
    return press, dialogue


def test_statements_are_named_by_their_speaker() -> None:
    press, _ = _statements_and_exchanges()
    nav = Navigator(press)
    assert [s.id for s in nav.sections] == ["statement-1", "statement-2", "qa-1", "qa-2"]
    assert nav.short_name(nav.sections[0]) == "MR. SMITH"
    assert nav.short_name(nav.sections[1]) == "DR. JONES"
    assert nav.describe(Position(1, 0)) == "Statement 2/2 (DR. JONES) · passage 1/1"
    assert nav.describe(Position(3, 1)) == "Q2/2 · passage 2/2"
    # Questions are still what next/previous answer move through.
    assert ids(nav, nav.next_answer(Position(0, 0))) == ("qa-1", 0)


def test_exchanges_are_numbered() -> None:
    _, dialogue = _statements_and_exchanges()
    nav = Navigator(dialogue)
    names = [nav.short_name(s) for s in nav.sections]
    assert names == [f"Exchange {n}" for n in range(1, len(names) + 1)]
    assert len(names) == 3  # 30 turns, 12 to an exchange
    assert nav.describe(Position(2, 0)) == "Exchange 3/3 · passage 1/6"
    assert nav.question_count == 0
