"""Turns to sections: opening statements, one section per question, or a dialogue's exchanges.

- A question is a turn of an asker that an answer turn follows (moderator turns and others'
  asides in between do not count either way). Asker turns in a row that get no answer until
  the last of them (a repeated or shouted question, ``Q.5``/``Q.6`` answered together) are
  one question, which starts at the first of them. An asker's turn that nothing answers
  before the end stays in the section it falls in.
- Each question's section holds every turn up to the next question: all the answers, by any
  number of speakers, and the moderator's turns where they fall.
- Before the first question, every turn by a speaker other than a moderator that does not
  just give the floor opens a ``statement``; what precedes the first of them is the intro.
  An asker's long turn there that asks nothing (a chair's opening) is a statement too.
- A dialogue with no asker (two or more people in turn) is cut into ``exchange``s of a few
  turns each.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tuireader.model import BlockKind, Passage, Section, SectionKind, SpanStyle, passage_id
from tuireader.parse.roles import LONG_OPENING, Roles, SpokenTurn
from tuireader.parse.turns import Turn, italics
from tuireader.titles import short_title

#: An asker's turn this long that asks nothing, before any question, is a statement.
STATEMENT_WORDS = LONG_OPENING
#: An exchange ends at the first turn past either limit.
EXCHANGE_TURNS = 12
EXCHANGE_CHARS = 8_000


def make_section(section_id: str, kind: SectionKind, title: str, turns: list[Turn]) -> Section:
    passages = tuple(
        Passage(
            passage_id(section_id, number),
            turn.speaker,
            turn.text,
            turn.block.kind,
            turn.block.level,
            turn.spans,
        )
        for number, turn in enumerate(turns, start=1)
    )
    return Section(section_id, kind, title, passages)


#: The key of an answer nobody labelled (see :func:`unlabelled_answers`).
UNNAMED = ""


def unlabelled_answers(turns: list[Turn], askers: frozenset[str]) -> list[Turn]:
    """When only the questions carry labels, the paragraphs after a question answer it:
    they lose the asker's name, and the first of them starts an unnamed answer turn. A
    paragraph that still asks, right after the question, is part of the question."""
    out: list[Turn] = []
    after_question = False
    answering = False
    for turn in turns:
        if turn.labelled:
            after_question, answering = turn.key in askers, False
            out.append(turn)
        elif turn.key in askers and turn.speaker is not None:
            if after_question and not answering and turn.text.rstrip().endswith("?"):
                out.append(turn)  # the question goes on
                continue
            out.append(replace(turn, speaker=None, key=UNNAMED, labelled=not answering))
            answering = True
        else:
            out.append(turn)
    return out


#: The key of a question written as a heading: a role word, so that the others answer.
HEADING_ASKER = "question"
_HEADING_NUMBER = re.compile(r"(\d{1,3}[.)])[ \t\u00a0]+(?=\S)")


def heading_questions(turns: list[Turn]) -> list[Turn] | None:
    """A written interview whose questions are headings (``## 3. Why a podcast?``) and whose
    answers are labelled turns: each heading that asks and is answered by a labelled turn
    becomes a question turn, with its number as its label. None when there are not two."""
    places: list[int] = []
    answered = False  # the next turn that is not a heading starts a speaker's turn
    for index in range(len(turns) - 1, -1, -1):
        turn = turns[index]
        if turn.block.kind is not BlockKind.HEADING:
            answered = turn.labelled and turn.key is not None
        elif answered and turn.text.rstrip().endswith("?"):
            places.append(index)
    if len(places) < 2:
        return None
    out = list(turns)
    for index in places:
        turn = turns[index]
        number = _HEADING_NUMBER.match(turn.text)
        cut = number.end() if number is not None else 0
        spans = tuple(
            replace(span, start=max(span.start - cut, 0), end=span.end - cut)
            for span in turn.spans
            if span.end > cut
        )
        out[index] = replace(
            turn,
            speaker=number.group(1) if number is not None else None,
            text=turn.text[cut:],
            labelled=True,
            key=HEADING_ASKER,
            spans=spans,
        )
    return out


def _italic_question(turn: Turn) -> Turn | None:
    """The turn as a question, if it is a paragraph wholly in italics that asks."""
    if turn.block.kind is not BlockKind.PARAGRAPH:
        return None
    text, spans = italics(turn.text, turn.spans)
    whole = len(spans) == 1 and spans[0].style is SpanStyle.EMPHASIS
    if not whole or spans[0].start != 0 or spans[0].end < len(text.rstrip()):
        return None
    if not text.rstrip().endswith("?"):
        return None
    return replace(turn, text=text, spans=spans, labelled=True, key=HEADING_ASKER)


def italic_questions(turns: list[Turn]) -> list[Turn] | None:
    """A written interview with no labels at all, whose questions are paragraphs in
    italics (``*Why a podcast?*``) and whose answers are the plain paragraphs after them:
    the questions become an asker's turns and each answer an unnamed turn. None when a
    turn has a label, or fewer than two such questions are answered."""
    if any(turn.key is not None for turn in turns):
        return None
    asked = [_italic_question(turn) for turn in turns]
    out: list[Turn] = []
    count = 0
    answering = False
    for index, turn in enumerate(turns):
        question = asked[index]
        following = turns[index + 1] if index + 1 < len(turns) else None
        answered = (
            following is not None
            and following.block.kind is BlockKind.PARAGRAPH
            and asked[index + 1] is None
        )
        if question is not None and answered:
            out.append(question)
            count += 1
            answering = False
        elif count:
            out.append(replace(turn, labelled=not answering, key=UNNAMED))
            answering = True
        else:
            out.append(turn)
    return out if count >= 2 else None


def _kind(roles: Roles, index: int, turn: SpokenTurn, opening: bool) -> int:
    """What a turn is for the questions: it asks, it answers, or neither."""
    if index in roles.floor or (opening and (index in roles.introduces or index in roles.greets)):
        return _OTHER
    if turn.key in roles.askers:
        if opening and turn.words >= STATEMENT_WORDS and not turn.asks:
            return _OTHER  # an opening statement (a chair's, a host's)
        return _ASK
    if turn.key in roles.answerers:
        return _ANSWER
    return _OTHER


_ASK, _ANSWER, _OTHER = 1, 2, 0


def _starts(kinds: list[int], spoken: list[SpokenTurn]) -> list[int]:
    answered = [False] * len(spoken)
    following = _OTHER
    for index in range(len(spoken) - 1, -1, -1):
        if kinds[index] == _ASK:
            answered[index] = following == _ANSWER
            following = _ASK
        elif kinds[index] == _ANSWER:
            following = _ANSWER
    starts: list[int] = []
    run: int | None = None
    for index, kind in enumerate(kinds):
        if kind == _ASK:
            if run is None or spoken[run].key != spoken[index].key:
                run = index  # another asker's unanswered turn stays where it is
            if answered[index]:
                starts.append(run)
                run = None
    return starts


def question_starts(roles: Roles, spoken: list[SpokenTurn]) -> list[int]:
    """Indexes into ``spoken`` of the turns that open a question.

    Before the first question (an asker's turn that is answered), introductions, greetings
    back and a long asker's turn that asks nothing are no questions; an asker's unanswered
    greeting before it ("Good afternoon, my Lady.") does not end that opening.
    """
    kinds: list[int] = []
    opening = True
    for index, turn in enumerate(spoken):
        kind = _kind(roles, index, turn, opening)
        kinds.append(kind)
        if opening and kind == _ASK:
            # The first question if the next turn that counts answers it.
            after = index + 1
            while after < len(spoken) and _kind(roles, after, spoken[after], True) == _OTHER:
                after += 1
            opening = not (
                after < len(spoken) and _kind(roles, after, spoken[after], True) == _ANSWER
            )
    for index in range(len(spoken) - 2):
        if kinds[index] == _ASK and kinds[index + 1] == _ANSWER and _restarted(spoken, index):
            kinds[index + 1] = _OTHER
    return _starts(kinds, spoken)


#: A question cut off this short, an apology this short.
_CUT_WORDS = 12
_APOLOGY_WORDS = 6
_WORDS = re.compile(r"[\w’']+")
_CUT = re.compile(r"(?:—|–|--|-)\s*(?:\([^()]*\)\s*(?:—|–|--|-)?\s*)?$")
_APOLOGY = re.compile(
    r"(?:(?:oh,? )?(?:i['’]m |i am )?sorry|excuse me|pardon(?: me)?|(?:please,? )?go on)\b",
    re.IGNORECASE,
)


def _restarted(spoken: list[SpokenTurn], index: int) -> bool:
    """An asker cut off ("I want you to — (applause) —"), an apology ("I'm sorry."), and
    the asker starting over with the same words: the apology answers nothing."""
    cut, reply, again = spoken[index], spoken[index + 1], spoken[index + 2]
    if again.key != cut.key or reply.key == cut.key:
        return False
    if cut.words > _CUT_WORDS or reply.words > _APOLOGY_WORDS or reply.asks:
        return False
    if _CUT.search(cut.text) is None or _APOLOGY.match(reply.text) is None:
        return False
    said = _WORDS.findall(cut.text.lower())[:3]
    return len(said) >= 2 and _WORDS.findall(again.head.lower())[: len(said)] == said


def _speaker_title(turn: Turn) -> str:
    return turn.speaker or "Statement"


def qa_sections(turns: list[Turn], roles: Roles, spoken: list[SpokenTurn]) -> list[Section]:
    """Intro, statements and questions; [] when nothing is answered."""
    starts = question_starts(roles, spoken)
    if not starts:
        return []
    question_at = {spoken[i].start for i in starts}
    first_question = spoken[starts[0]].start
    statement_at = {
        turn.start
        for index, turn in enumerate(spoken)
        if turn.start < first_question
        and index not in roles.floor
        and index not in roles.introduces
        and index not in roles.greets
        # An asker's short remark before the questions is procedure ("Good afternoon, my
        # Lady."); only a long one (a chair's opening) is a statement.
        and (turn.key not in roles.askers or turn.words >= STATEMENT_WORDS)
    }
    sections: list[Section] = []
    intro: list[Turn] = []
    current: list[Turn] = []
    kind = SectionKind.INTRO
    counts = {SectionKind.STATEMENT: 0, SectionKind.QA: 0}

    def close() -> None:
        if not current:
            return
        if kind is SectionKind.INTRO:
            intro.extend(current)
            return
        counts[kind] += 1
        prefix = "statement" if kind is SectionKind.STATEMENT else "qa"
        title = _speaker_title(current[0]) if kind is SectionKind.STATEMENT else current[0].text
        sections.append(make_section(f"{prefix}-{counts[kind]}", kind, title, current))

    for index, turn in enumerate(turns):
        if index in question_at or index in statement_at:
            close()
            current = []
            kind = SectionKind.QA if index in question_at else SectionKind.STATEMENT
        current.append(turn)
    close()
    if intro:
        sections.insert(0, make_section("intro", SectionKind.INTRO, "Intro", intro))
    return sections


def exchange_sections(turns: list[Turn], spoken: list[SpokenTurn]) -> list[Section]:
    """A dialogue: the intro before its first turn, then exchanges of a few turns each."""
    speakers = {turn.key for turn in spoken}
    if len(speakers) < 2 or len(spoken) < 3:
        return []
    first = spoken[0].start
    sections: list[Section] = []
    if first:
        sections.append(make_section("intro", SectionKind.INTRO, "Intro", turns[:first]))
    body: list[Turn] = []
    labelled = 0
    size = 0

    def close() -> None:
        number = sum(1 for s in sections if s.kind is SectionKind.EXCHANGE) + 1
        head = body[0]
        title = short_title(f"{head.speaker}: {head.text}" if head.speaker else head.text)
        sections.append(make_section(f"exchange-{number}", SectionKind.EXCHANGE, title, body))

    for turn in turns[first:]:
        if turn.labelled and body and (labelled >= EXCHANGE_TURNS or size >= EXCHANGE_CHARS):
            close()
            body, labelled, size = [], 0, 0
        body.append(turn)
        labelled += turn.labelled
        size += len(turn.text)
    if body:
        close()
    return sections
