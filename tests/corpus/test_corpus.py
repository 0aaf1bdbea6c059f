"""Every corpus document splits as its yaml's hand count says (see tests/corpus/README.md).

These are real transcripts and controls written by others; a failure here means the parser
misreads a real document's shape. ``python bench/corpus.py`` prints the same as a table.
"""

from __future__ import annotations

from functools import cache

import pytest

from bench.corpus import Case, Result, cases, check, squash

CASES = cases()
IDS = [case.slug for case in CASES]
NO_QUESTIONS = [case for case in CASES if case.expected["qa"] == 0]
DIALOGUES = [case for case in CASES if case.expected.get("first_turn")]


@cache
def result(slug: str) -> Result:
    return check(next(case for case in CASES if case.slug == slug))


def test_the_corpus_is_all_there() -> None:
    assert len(CASES) >= 18
    shapes = {case.slug for case in CASES if case.expected["qa"] == 0}
    assert len(shapes) >= 4  # negative controls and a dialogue


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_question_count(case: Case) -> None:
    assert result(case.slug).qa == case.expected["qa"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_first_and_last_question(case: Case) -> None:
    found = result(case.slug)
    for words, got in (
        (case.expected.get("first_question"), found.first),
        (case.expected.get("last_question"), found.last),
    ):
        if words:
            assert got is not None and got.startswith(squash(words)), (words, got)
        else:
            assert got is None


def _known_difference(case: Case, name: str, got: object) -> None:
    """A count the parser is known to miss (the yaml's ``parser_differs``, with its reason):
    it must find what is recorded there, and the test is an expected failure; once the
    parser finds the hand count, the recorded value fails and the entry must go."""
    if name in case.differs:
        assert got == case.differs[name], (name, got, case.differs)
        pytest.xfail(f"{name}: {case.differs.get('reason', '')}")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_statements(case: Case) -> None:
    found = result(case.slug).statements
    _known_difference(case, "statements", found)
    assert found == case.expected.get("statements", 0)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_section_kinds(case: Case) -> None:
    found = result(case.slug).kinds
    _known_difference(case, "kinds", found)
    assert found == case.expected["kinds"]


@pytest.mark.parametrize("case", NO_QUESTIONS, ids=[c.slug for c in NO_QUESTIONS])
def test_negative_controls_and_dialogues_have_no_questions(case: Case) -> None:
    found = result(case.slug)
    assert found.qa == 0
    assert "qa" not in found.kinds and "statement" not in found.kinds


@pytest.mark.parametrize("case", DIALOGUES, ids=[c.slug for c in DIALOGUES])
def test_dialogue_first_turn(case: Case) -> None:
    found = result(case.slug)
    assert not [p for p in found.problems if p.startswith("first_turn")], found.problems
    # Turns are counted within a few: a label run into the end of another speaker's line
    # ("...passive?  HYL." / "I am.") is not looked for.
    assert abs(found.turns - case.expected["turns"]) <= 2
