"""Who asks, who answers and who gives the floor, from the whole document.

- Role words decide when there are any: ``Question``/``Q``/``Reporter`` ask, ``A``/``Answer``
  answer (and then only they answer: counsel's objections are asides), ``Moderator`` gives
  the floor.
- Otherwise the speakers are split in two sides, those who ask and those who reply to
  questions (interviewer and guest; members and witnesses), and one side asks when the other
  replies at greater length
  while it asks about as often or more, or when it asks far more often without being longer:
  interviewers, hosts, committee members. In a dialogue where the one who asks most also
  talks longest (Socratic dialogues), nobody is the interviewer.
- A speaker who is neither, whose turns are all short and mostly give the floor (below), is a
  moderator (a press secretary calling on reporters): none of their turns answers.
- A single turn gives the floor when it is short, asks nothing and says so ("Next
  question", "The gentleman from Ohio", "Your time has expired", "Over to you").

Each step is one pass over the turns: linear in the document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from tuireader.parse.labels import HONORIFICS, Role, role_of
from tuireader.parse.turns import Turn

_FLOOR = re.compile(
    r"\b(?:next question|(?:first|next|last|final) (?:question|reporter|questioner|caller)"
    r"|go ahead|you may (?:inquire|proceed|begin|answer|continue)"
    r"|(?:gentleman|gentlewoman|gentlelady|senator|member)(?:['’]s)? (?:from|is recognized)"
    r"|time (?:has|is) expired|(?:i|the chair|chair) (?:now |will )?recogni[sz]es?\b"
    r"|(?:give|giving|gave|yield|yielding|pass|passing|hand|handing|open|opening|take|have)"
    r" (?:you |it |up )?the floor|the floor is (?:yours|open)"
    r"|recogni[sz]e (?:myself|the (?:gentle|senator|member|ranking|distinguished))"
    r"|is recognized\b|over to you|back (?:over )?to you"
    r"|yield back|yield (?:the balance of )?my time"
    r"|let['’]?s (?:go|turn|move) (?:to|on)|we['’]ll (?:now )?(?:go|turn) to"
    r"|going (?:to go )?to the\b|(?:take|open it up for|open (?:it|this) up to)"
    r" (?:a few |some |your |the )?questions|open it up"
    r"|we (?:will|shall|are going to|'ll) (?:now )?(?:recess|reconvene|adjourn|stand in recess)"
    # Calling on a reporter: "Miss Doe, I think you are number one tonight."
    r"|you(?:['’]re| are) (?:number (?:one|two|three|\w+)|next|first|up)\b(?! to\b)"
    r"|\[recess\]|please be seated|this concludes|next,? please|your question,? please"
    r"|(?:the|a) (?:microphone|mic)\b"
    # Closing: "Please join me in thanking our guests", "That's all the time we have".
    r"|join me in thanking|thank you (?:all |so much |very much )?for (?:joining|being with) us"
    r"|all the time we have|(?:we|i) (?:have to|must|need to) (?:break off|stop there|leave it))",
    re.IGNORECASE,
)
#: Questions that only give the floor: "Kevin, welcome. What's your question?"
_FLOOR_QUESTION = re.compile(
    r"(?:[\w'’\-]+, )*(?:and |so )?(?:what(?:['’]s| is) your question|your question"
    r"|who(?:['’]s| is) next|(?:(?:are there|do you have|does anyone have|any) )+"
    r"(?:more |other |further |another )?questions?(?: for \w+)?"
    r"|(?:could|can|would) you (?:please )?(?:make|keep) (?:your|the) (?:questions?|remarks)"
    r" (?:short|shorter|brief))\?",
    re.IGNORECASE,
)
#: A moderator presenting the next asker: "I want you to meet Jane Doe, a nurse from
#: Ohio.", "Let me introduce you to...", or welcoming them: "Jane, welcome."
_PRESENTS = re.compile(
    r"\b(?:(?:i (?:want|would like|['’]d like)) you to meet\b"
    r"|(?:i (?:want|would like|['’]d like) to|let me) introduce (?:you to|to you)\b"
    r"|please (?:meet|welcome)\b)",
    re.IGNORECASE,
)
#: A moderator speaking of the questions to come, asking none: "We have a lot of questions
#: in the audience. Before we get to that, I want to start with a couple of questions."
_ANNOUNCES = re.compile(
    r"\b(?:(?:start|begin) (?:off )?with (?:a |one |some |a few |a couple (?:of )?|two |three )?"
    r"(?:[\w’'-]+ ){0,3}questions|(?:have|got|get|take) (?:a lot of |lots of |many |some |more "
    r"|a few )?questions (?:from|in) the (?:audience|room|hall)"
    r"|(?:take|get in|get to) as many (?:of your )?questions)\b",
    re.IGNORECASE,
)
#: A chair calling the next speaker by name: "Justice Doe.", "Thank you, Mr. Roe. General Poe."
_CALLS = re.compile(rf"(?:{HONORIFICS})\.?(?: [A-Z][\w'’\-]+){{1,3}}\.")
_CALLING_WORDS = 12
_WELCOMED = re.compile(
    r"[A-Z][\w'’\-]*, (?:welcome|thank you for being (?:here|with us)"
    r"|thanks for being (?:here|with us))\.?"
)
#: Before the first question, a short turn that introduces the next speaker is procedure
#: too; later, "let me hear from Mr. Doe" is an asker turning a question to a witness.
_INTRODUCES = re.compile(
    r"\b(?:hear from|we(?:['’]ll| will| shall)? (?:now )?hear\b"
    r"|(?:our|the) (?:next|first|last) (?:witness|speaker|guest|panel)"
    r"|we (?:have|welcome) (?:a|our|the)\b|^next, we|we have a vote"
    r"|we (?:will|shall|are going to|'ll) (?:now )?(?:recess|reconvene|adjourn|stand in recess))",
    re.IGNORECASE,
)
#: A floor-giving turn says little: longer turns are answers (that end "Next question"),
#: statements (that end "I will take your questions") or questions. Before the first
#: question, a chair introducing a witness or calling a recess says more.
FLOOR_WORDS = 30
OPENING_FLOOR_WORDS = 120
#: The side whose turns the other side answers this many times longer asks.
_LONGER = 1.3
#: A speaker whose turns are this short (median, words) and mostly give the floor moderates.
_SHORT_TURN = 15
_MODERATOR_LONGEST = 30


def median(values: list[int]) -> float:
    """The median (``statistics`` costs milliseconds of start-up to import)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


_SENTENCE = re.compile(r"(?<=[.!?…])\s+")


_STAGE_DIRECTION = re.compile(r"(?:\s*[(\[][^()\[\]]*[)\]])+\s*$")


def _last_sentences(text: str, count: int = 2) -> str:
    """The last sentences of a turn, stage directions after them left out: "(Jury present)"."""
    return " ".join(_SENTENCE.split(_STAGE_DIRECTION.sub("", text.strip()))[-count:])


def _without_floor_questions(text: str) -> tuple[str, bool]:
    """The text without the questions that only give the floor, and whether it had any."""
    sentences = _SENTENCE.split(text.strip())
    kept = [s for s in sentences if _FLOOR_QUESTION.fullmatch(s) is None]
    return " ".join(kept), len(kept) < len(sentences)


def _calls(text: str) -> bool:
    """A name alone in a sentence, said before anything else long: the chair calling
    someone ("Justice Doe.", "Thank you, Mr. Roe. General Poe.", then maybe a heading)."""
    said = 0
    for sentence in _SENTENCE.split(text.strip()):
        if _CALLS.fullmatch(sentence) is not None:
            return said <= _CALLING_WORDS
        said += sentence.count(" ") + 1
    return False


def _presents(text: str) -> bool:
    """A moderator presenting the next asker, at the start of the turn or welcoming them
    at its end."""
    sentences = _SENTENCE.split(_STAGE_DIRECTION.sub("", text.strip()))
    head = " ".join(sentences[:2])
    return _PRESENTS.search(head) is not None or _WELCOMED.fullmatch(sentences[-1]) is not None


def gives_floor(text: str, opening: bool = False) -> bool:
    """A short turn that asks nothing and hands the floor on or keeps time (or, with
    ``opening``, before any question, introduces the next speaker: such turns run longer).

    Asking only "What's your question?" or "Who is next?" gives the floor too, and so does
    presenting the next asker ("I want you to meet Jane Doe, a nurse.", "Jane, welcome.").
    """
    text = text.replace("\u00a0", " ")
    asked_for_questions = False
    if "?" in text:
        text, asked_for_questions = _without_floor_questions(text)
        if "?" in text:
            return False
    words = text.count(" ") + 1
    if words <= OPENING_FLOOR_WORDS and (asked_for_questions or _presents(text)):
        return True
    if words <= OPENING_FLOOR_WORDS and _ANNOUNCES.search(_last_sentences(text)) is not None:
        return True
    if words <= FLOOR_WORDS and _calls(text):
        return True
    # The floor is handed on at the end: "I have two announcements and then I will take
    # questions. First, ..." is a statement.
    if words <= FLOOR_WORDS and _FLOOR.search(_last_sentences(text)) is not None:
        return True
    return opening and words <= OPENING_FLOOR_WORDS and _INTRODUCES.search(text) is not None


@dataclass(frozen=True, slots=True)
class Roles:
    askers: frozenset[str]
    answerers: frozenset[str]
    moderators: frozenset[str]
    #: Which of the turns (index into the aggregated turns) give the floor.
    floor: frozenset[int] = frozenset()
    #: Turns that give the floor if they come before the first question.
    introduces: frozenset[int] = frozenset()
    #: Short greetings in reply to a turn that introduced their speaker ("Hey, Jane."):
    #: before the first question, part of the welcome, not an opening statement.
    greets: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class SpokenTurn:
    """A labelled turn with its unlabelled continuation: ``start`` indexes the Turn list."""

    key: str
    start: int
    words: int
    asks: bool
    text: str
    #: A question in its last sentences: what a question to someone looks like, unlike an
    #: answer that asks itself a question on its way ("Why? Because...").
    ends_asking: bool = False
    #: The end of its last paragraph (for a long turn, whose text is not kept).
    tail: str = ""
    #: The start of its first paragraph.
    head: str = ""


def ends_asking(paragraph: str) -> bool:
    """Whether the last two sentences of a turn's last paragraph hold a question."""
    mark = paragraph.rfind("?")
    if mark < 0:
        return False
    after = paragraph[mark + 1 :]
    if len(after) < 3:
        return True
    return "?" in _last_sentences(paragraph[max(0, mark - 1) :])


#: A host's long opening that ends by welcoming the guest ("With that, I want to welcome
#: Jane Doe.") is the show's welcome, not an opening statement.
LONG_OPENING = 150
_WELCOMES = re.compile(
    r"\b(?:(?:i|we)(?: want to| would like to|['’]d like to)? welcome (?!you\b)"
    r"|please (?:welcome|join me in welcoming)\b|(?:is|are) joining us\b"
    r"|joining us (?:now |here |tonight |today )?(?:is|are)\b)",
    re.IGNORECASE,
)
#: What a guest says back to such a welcome.
_GREETING = re.compile(
    r"(?:hey|hi|hello|good (?:morning|afternoon|evening)|thank you|thanks|glad|happy|great"
    r"|nice|pleased|it['’]s (?:good|great|nice)|good to)\b",
    re.IGNORECASE,
)
_GREETING_WORDS = 12


#: How much of a turn's end is read for its last sentences, and of its start kept.
_TAIL = 400
_HEAD = 80


def spoken_turns(turns: list[Turn]) -> list[SpokenTurn]:
    """Each labelled turn with its continuation: words (counted by spaces, which is close
    enough for the thresholds here), whether it asks, and its text when it is short enough
    to be a floor-giving turn (a long turn's text is not copied)."""
    out: list[SpokenTurn] = []
    key: str | None = None
    start = 0
    words = 0
    asks = False
    parts: list[str] = []
    last = first = ""

    def close() -> None:
        if key is not None:
            text = " ".join(parts) if words <= OPENING_FLOOR_WORDS else ""
            tail = last[-_TAIL:]
            ends = asks and ends_asking(tail)
            out.append(SpokenTurn(key, start, words, asks, text, ends, tail, first[:_HEAD]))

    for index, turn in enumerate(turns):
        if turn.labelled and turn.key is not None:
            close()
            key, start, parts, words, asks = turn.key, index, [], 0, False
            first = turn.text
        elif key is None or turn.key != key:
            continue
        words += turn.text.count(" ") + 1
        asks = asks or "?" in turn.text
        last = turn.text
        if words <= OPENING_FLOOR_WORDS:
            parts.append(turn.text)
    close()
    return out


def _votes(spoken: list[SpokenTurn], floor: set[int]) -> dict[str, list[int]]:
    """Every turn that holds a question and is followed by someone else's turn is a vote:
    its speaker's for asking, the next speaker's for answering (floor turns are skipped)."""
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    previous: SpokenTurn | None = None
    for index, turn in enumerate(spoken):
        if index in floor:
            continue
        if previous is not None and previous.ends_asking and previous.key != turn.key:
            votes[previous.key][0] += 1
            votes[turn.key][1] += 1
        previous = turn
    return votes


def _followers(spoken: list[SpokenTurn], floor: set[int], answering: set[str]) -> set[str]:
    """Speakers with a turn that asks and that one of ``answering`` replies to."""
    found: set[str] = set()
    previous: SpokenTurn | None = None
    for index, turn in enumerate(spoken):
        if index in floor:
            continue
        replied = previous is not None and previous.ends_asking and previous.key not in answering
        if replied and turn.key in answering and previous is not None:
            found.add(previous.key)
        previous = turn
    return found


def _repliers(spoken: list[SpokenTurn], floor: set[int], asking: set[str]) -> set[str]:
    """Speakers who reply to a question of one of ``asking``."""
    found: set[str] = set()
    previous: SpokenTurn | None = None
    for index, turn in enumerate(spoken):
        if index in floor:
            continue
        asked = previous is not None and previous.ends_asking and previous.key in asking
        if asked and turn.key not in asking:
            found.add(turn.key)
        previous = turn
    return found


def _asks_by_numbers(
    spoken: list[SpokenTurn],
    floor: set[int],
    asking: set[str],
    answering: set[str],
    panel: bool = False,
) -> bool:
    """Whether ``asking`` asks and ``answering`` answers, judged from their turns.

    ``panel``: several people on one side (counsel and a chair examining witnesses), where
    the questions may well be longer than the answers, unlike a dialogue of two."""
    words: tuple[list[int], list[int]] = ([], [])
    asks = [0, 0]
    for index, turn in enumerate(spoken):
        if index in floor:
            continue
        side = 0 if turn.key in asking else 1 if turn.key in answering else None
        if side is not None:
            words[side].append(turn.words)
            asks[side] += turn.asks
    if len(words[0]) < 2 or not words[1]:
        return False
    asked = asks[0] / len(words[0])
    replied_asking = asks[1] / len(words[1])
    mine, theirs = median(words[0]), median(words[1])
    by_length = theirs >= _LONGER * mine and asked >= 0.4 and asked >= replied_asking - 0.2
    # Replied to at twice the length: a host who mostly nods along ("Right.", "Yeah.").
    by_much_length = theirs >= 2 * mine and asked >= 0.25 and asked >= replied_asking
    # Asking twice as often, and not the longer talker: even a host whose turns are mostly
    # "Oh, okay." and "Cool." asks in a quarter of them.
    by_asking = asked >= 0.25 and asked >= 2 * replied_asking and (mine <= theirs or panel)
    return by_length or by_much_length or by_asking


def _statistical_roles(
    spoken: list[SpokenTurn], floor: set[int], moderators: set[str]
) -> tuple[set[str], set[str]]:
    """Askers and answerers from the numbers, or two empty sets.

    The answerers are the speakers who clearly reply to questions more than they ask
    (witnesses, guests); the askers those whose questions they reply to. With no clear
    answerer and two main speakers (an interview where the guest asks back), either may be
    the asker: the numbers decide which, if either.
    """
    votes = _votes(spoken, floor)
    # Those who reply to questions three times or more, and twice as often as they ask;
    # failing any, those who do so twice, if together they do it four times or more
    # (several executives taking a few questions each).
    clear = {k for k, (a, b) in votes.items() if b >= 3 and b >= 2 * a and k not in moderators}
    if not clear:
        clear = {k for k, (a, b) in votes.items() if b >= 2 and b >= 2 * a}
        clear = clear - moderators if sum(votes[k][1] for k in clear) >= 4 else set()
    asking = {k for k, (a, b) in votes.items() if a >= 3 and a >= 2 * b and k not in moderators}
    if clear:
        options = [(_followers(spoken, floor, clear) - moderators, clear)]
    elif asking and _repliers(spoken, floor, asking) - moderators:
        # A host and a panel: no panelist replies often, but the host clearly asks; the
        # others all answer.
        options = [(asking, {turn.key for turn in spoken} - asking - moderators)]
    else:
        turns: dict[str, int] = defaultdict(int)
        for index, turn in enumerate(spoken):
            if index not in floor and turn.key not in moderators:
                turns[turn.key] += 1
        main = [key for key, count in turns.items() if count >= 2]
        if len(main) != 2:
            return set(), set()
        options = [({main[0]}, {main[1]}), ({main[1]}, {main[0]})]
    for asking, answering in options:
        panel = _several(votes, asking, 0) or _several(votes, answering, 1)
        if asking and _asks_by_numbers(spoken, floor, asking, answering, panel):
            others = _followers(spoken, floor, answering) - moderators
            keys = {turn.key for turn in spoken} - answering - moderators
            askers = _families(asking | others, keys)
            return askers, answering | _prompted(spoken, floor, askers, keys - askers)
    return set(), set()


def _prompted(
    spoken: list[SpokenTurn], floor: set[int], askers: set[str], candidates: set[str]
) -> set[str]:
    """Speakers who speak only right after an asker, and no more than twice (a witness's
    counsel asked to identify himself): they reply too."""
    after: dict[str, list[bool]] = defaultdict(list)
    for index, turn in enumerate(spoken):
        if turn.key in candidates and index not in floor:
            before = spoken[index - 1].key if index else None
            after[turn.key].append(before in askers)
    return {key for key, follows in after.items() if len(follows) <= 2 and all(follows)}


def _several(votes: dict[str, list[int]], side: set[str], which: int) -> bool:
    """Whether two speakers of ``side`` at least asked (0) or replied (1) three times."""
    return sum(1 for key in side if key in votes and votes[key][which] >= 3) >= 2


def _families(askers: set[str], keys: set[str]) -> set[str]:
    """Askers and the speakers named like them: ``Senator Doe`` where ``Senator`` asks."""
    found = set(askers)
    for key in keys - askers:
        words = key.split()
        if any(" ".join(words[:cut]) in askers for cut in range(1, len(words))):
            found.add(key)
    return found


def _floor_givers(spoken: list[SpokenTurn], floor: set[int], candidates: set[str]) -> set[str]:
    """Speakers who say little and mostly give the floor: moderators without the title."""
    words: dict[str, list[int]] = defaultdict(list)
    floor_count: dict[str, int] = defaultdict(int)
    for index, turn in enumerate(spoken):
        words[turn.key].append(turn.words)
        floor_count[turn.key] += index in floor
    return {
        key
        for key in candidates
        if len(words[key]) >= 2
        and median(words[key]) <= _SHORT_TURN
        and max(words[key]) <= 2 * _MODERATOR_LONGEST
        and floor_count[key] * 2 >= len(words[key])
    }


def _role_word_roles(
    spoken: list[SpokenTurn], floor: set[int], asking: set[str], answering: set[str]
) -> tuple[set[str], set[str]]:
    """Askers and answerers where role words label some of the speakers.

    The asking roles (``Q``, ``Question``, ``Audience member``) ask; the answer roles (``A``)
    answer, and then only they do (counsel's objection is an aside), unless a named speaker
    replies to the asking roles more often (``Reply:`` once, for a voice in the audience).
    Then the named speakers answer; but where one of them gives most of the replies to
    questions (the guest of a town hall), the others ask too: a moderator who also asks, an
    audience member named once.
    """
    replying: dict[str, int] = defaultdict(int)
    previous: SpokenTurn | None = None
    for index, turn in enumerate(spoken):
        if index in floor:
            continue
        if previous is not None and previous.key in asking and turn.key not in asking:
            replying[turn.key] += 1
        previous = turn
    if answering:
        roles_reply = max(replying[k] for k in answering)
        if all(replying[k] <= roles_reply for k in replying if k not in answering):
            return set(asking), set(answering)
    votes = _votes(spoken, floor)
    replies = sum(b for _, b in votes.values())
    named = {turn.key for turn in spoken} - asking
    main = max(sorted(named), key=lambda k: votes[k][1] if k in votes else 0, default=None)
    if main is None or main not in votes:
        return set(asking), set()
    asked, replied = votes[main]
    if not (replied >= 3 and replied >= 2 * asked and 3 * replied >= 2 * replies):
        return set(asking), set()
    # The others ask when the main answerer replies to them more often than they reply to
    # the asking roles, and they do not talk at greater length than the main answerer
    # (the experts a briefing's host hands questions to answer them).
    answered: dict[str, int] = defaultdict(int)
    words: dict[str, list[int]] = defaultdict(list)
    previous = None
    for index, turn in enumerate(spoken):
        words[turn.key].append(turn.words)
        if index in floor:
            continue
        if previous is not None and previous.key != turn.key and turn.key == main:
            answered[previous.key] += 1
        previous = turn
    longest = 2 * median(words[main])
    others = {
        key
        for key in named - {main}
        if answered[key] > replying[key] and median(words[key]) <= longest
    }
    return set(asking) | others, named - others


def find_roles(turns: list[Turn]) -> tuple[Roles, list[SpokenTurn]]:
    spoken = spoken_turns(turns)
    keys = {turn.key for turn in spoken}
    by_role = {key: role_of(key) for key in keys}
    role_askers = {k for k, r in by_role.items() if r is Role.ASK}
    role_answerers = {k for k, r in by_role.items() if r is Role.ANSWER}
    moderators = {k for k, r in by_role.items() if r is Role.MODERATE}
    # Floor-giving is read from the words of named speakers' turns; a "Q" is a reporter.
    floor = {
        i
        for i, turn in enumerate(spoken)
        if turn.key in moderators or (turn.key not in role_askers and gives_floor(turn.text))
    }
    moderators |= _floor_givers(spoken, floor, keys - role_askers - role_answerers)
    floor |= {i for i, turn in enumerate(spoken) if turn.key in moderators}
    if role_askers:
        askers, answering = _role_word_roles(spoken, floor, role_askers, role_answerers)
        askers -= moderators
    else:
        askers, answering = _statistical_roles(spoken, floor, moderators)
    answerers = answering or (keys - askers - moderators)
    introduces = {
        i
        for i, turn in enumerate(spoken)
        if i not in floor
        and not _replies(spoken, i, askers)
        and (
            (turn.key not in role_askers and gives_floor(turn.text, True))
            or (turn.key in askers and _welcomes(turn))
        )
    }
    roles = Roles(
        frozenset(askers),
        frozenset(answerers),
        frozenset(moderators),
        frozenset(floor),
        frozenset(introduces),
        frozenset(_greetings(spoken, introduces, answerers)),
    )
    return roles, spoken


def _replies(spoken: list[SpokenTurn], index: int, askers: set[str]) -> bool:
    """A turn right after an asker's question, by someone who does not ask: the reply, which
    introduces nobody even if it says "we have a good package"."""
    if index == 0 or spoken[index].key in askers:
        return False
    before = spoken[index - 1]
    return before.key in askers and before.ends_asking


def _welcomes(turn: SpokenTurn) -> bool:
    """A host's long opening, asking nothing, that ends by welcoming the guest."""
    text = turn.tail.replace("\u00a0", " ")
    return (
        turn.words >= LONG_OPENING
        and not turn.asks
        and _WELCOMES.search(_last_sentences(text)) is not None
    )


def _greetings(spoken: list[SpokenTurn], introduces: set[int], guests: set[str]) -> set[int]:
    """An answerer's short greeting right after a turn that introduced or welcomed them."""
    return {
        i
        for i in range(1, len(spoken))
        if i - 1 in introduces
        and spoken[i].key in guests
        and spoken[i].key != spoken[i - 1].key
        and spoken[i].words <= _GREETING_WORDS
        and not spoken[i].asks
        and _GREETING.match(spoken[i].text.replace("\u00a0", " ")) is not None
    }
