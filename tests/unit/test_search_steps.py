"""Stepping through matches in reading order, headless."""

from __future__ import annotations

from tuireader.model import Document
from tuireader.navigation import Navigator, Position
from tuireader.search import Query, search_document
from tuireader.search_steps import MatchSteps


def steps_for(seed: Document, text: str) -> tuple[MatchSteps, list[str], Navigator]:
    navigator = Navigator(seed)
    hits = list(search_document(seed, Query(text)))
    return MatchSteps(hits, navigator), [h.passage_id or "" for h in hits], navigator


def test_next_from_a_passage_goes_to_the_first_match_after_it(seed: Document) -> None:
    steps, passages, navigator = steps_for(seed, "skripal")
    assert passages == ["qa-3.p8", "qa-3.p11", "qa-7.p5"]
    start = navigator.position_of("qa-1")
    assert start is not None
    step = steps.step(start, None, +1)
    assert step is not None and passages[step.index] == "qa-3.p8" and not step.wrapped


def test_next_and_previous_walk_every_match_and_wrap(seed: Document) -> None:
    steps, passages, navigator = steps_for(seed, "skripal")
    here = navigator.position_of_passage("qa-3.p8")
    assert here is not None
    seen, wraps, current = [], [], 0
    for _ in range(3):
        step = steps.step(here, current, +1)
        assert step is not None
        seen.append(passages[step.index])
        wraps.append(step.wrapped)
        current = step.index
    assert seen == ["qa-3.p11", "qa-7.p5", "qa-3.p8"]
    assert wraps == [False, False, True]
    back = steps.step(here, 0, -1)
    assert back is not None and passages[back.index] == "qa-7.p5" and back.wrapped


def test_two_matches_in_one_passage_are_two_steps(seed: Document) -> None:
    steps, passages, navigator = steps_for(seed, "the")
    position = navigator.position_of_passage(passages[0])
    assert position is not None
    first = steps.step(Position(position.section, position.passage), None, +1)
    assert first is not None and first.index == 0
    second = steps.step(position, first.index, +1)
    assert second is not None and second.index == 1
    assert passages[0] == passages[1]  # "the" twice in the same passage


def test_no_text_matches_means_no_step(seed: Document) -> None:
    steps, passages, navigator = steps_for(seed, "zzzzqqq")
    first = navigator.first()
    assert first is not None and passages == [] and len(steps) == 0
    assert steps.step(first, None, +1) is None
