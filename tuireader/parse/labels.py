"""Speaker labels at the start of a line, in the forms transcripts use.

``Label: text`` (any case, no-break spaces, diacritics, a parenthesis: ``QUESTION (Agency,
Name):``, ``Name (Agency):``, ``Question (retranslated):``), a label ending in a full stop
(``The Chairman.``, ``Mrs. Lee of California.``, ``Mr. Doe. [presiding]``, ``CHAIR SMITH.``),
``Q``/``A`` followed by a tab or several spaces, court style ``Q.``/``A.``, numbered
``Q.1.``/``A.5.a.``, bold ``**Name:**``, a timestamp before or after (``[00:12:31] HOST:``,
``Name (00:01:15):``, ``Name: 00:02:03``), or a name alone on its line.

This module only says what a line *could* be; whether a label really is a speaker is decided
for the whole document (see :mod:`tuireader.parse.turns`): a shape seen once is weak evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from tuireader.parse.words import (
    ANSWER_ROLES,
    ASK_ROLES,
    JOINERS,
    MODERATOR_ROLES,
    NOT_SPEAKERS,
    NOT_SPEAKERS_FIRST,
)


class Form(Enum):
    COLON = "colon"  # Name: text
    STOP = "stop"  # Name. text (printed records)
    QA = "qa"  # Q / A / Q. / Q.1.
    NAME_LINE = "name-line"  # a name alone on its line (the turn follows)
    BOLD = "bold"  # **Name** text: a name in bold and no colon


class Role(Enum):
    ASK = "ask"
    ANSWER = "answer"
    MODERATE = "moderate"


@dataclass(frozen=True, slots=True)
class Label:
    """A label found at the start of a line.

    ``speaker`` is the label as written (spaces squashed, no colon, with its timestamp);
    ``key`` names the person for the whole document (case, parentheses, numbering and
    timestamps removed); ``end`` is where the turn's own text starts in the line.
    """

    speaker: str
    key: str
    form: Form
    strength: int  # 0: not a label; 1: must recur to count; 2: a label on its own
    end: int
    alone: bool  # nothing after the label on its line

    @property
    def role(self) -> Role | None:
        return role_of(self.key)


_SPACE = "[ \t\u00a0]"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
#: A timestamp in front of a label: ``[00:12:31]``, Markdown-escaped ``\[04:01\]``, ``(1:02)``.
_LEAD_TIME = re.compile(rf"(?:\\?\[{_TIME}\\?\]|\({_TIME}\)|{_TIME}(?={_SPACE}))[ \t\u00a0]*")
_TRAIL_TIME = re.compile(rf"[ \t\u00a0]*(?:\\?\[{_TIME}\\?\]|\({_TIME}\)|{_TIME})[ \t\u00a0]*")
_BOLD = re.compile(r"(\*\*|__)")
#: A question's number in front of its label: ``12. Q. Who made the world?`` (a catechism,
#: an examination numbered by question).
_QUESTION_NUMBER = re.compile(
    r"\d{1,4}[a-z]?\.{1,2}[ \t\u00a0]+(?=[QA](?:[.:]|[ \t\u00a0]{2}|\t)|Question\.|Answer\.)"
)
# Q / A: a tab, several spaces or a no-break space after the letter; or Q. / A. / Q.1.a. / A5.-7.
_QA = re.compile(
    r"(?P<r>[QA])(?:(?P<n>\.?\d{1,3}(?:\.(?:\d{1,3}|[a-z]))*(?:\.?-(?:\d{1,3}|[a-z]))?)\.?"
    r"|\.)?(?P<sep>:?[ \t\u00a0]+|$)"
)
# Name: (the label may hold a parenthesis; it may not hold a colon).
_COLON = re.compile(
    r"(?P<label>[^\s:\[\](){}\"“”'‘’*_#>|<\-\d][^:\n]{0,99}?)"
    r"(?P<close>\*\*|__)?[ \t\u00a0]*:(?P<close2>\*\*|__)?(?P<sep>[ \t\u00a0]+|$)"
)
_CAPWORD = r"[^\W\d_a-z][\w'’.\-]*"
_TIMED_COLON = re.compile(
    rf"(?P<label>[^\s:\[\](){{}}\"“”'‘’*_#>|<\-\d][^:\n()\[\]]{{0,60}}?)[ \t\u00a0]*"
    rf"(?P<t>\({_TIME}\)|\\?\[{_TIME}\\?\])(?P<close>\*\*|__)?[ \t\u00a0]*:(?P<sep>[ \t\u00a0]+|$)"
)
# "Jane Doe (00:01:23) The following is..." - a name, its timestamp, no colon, the text.
_TIMED_NAME = re.compile(
    rf"(?P<label>{_CAPWORD}(?: {_CAPWORD}){{0,3}})[ \t\u00a0]*"
    rf"(?P<t>\({_TIME}\)|\\?\[{_TIME}\\?\])[ \t\u00a0]+(?=\S)"
)
HONORIFICS = (
    "Mr|Mrs|Ms|Miss|Mx|Dr|Sen|Senator|Rep|Representative|Chairman|Chairwoman|Chair|Secretary"
    "|Governor|Gov|General|Gen|Admiral|Adm|Ambassador|Judge|Justice|Professor|Prof|Rev|Father"
    "|Commissioner|Mayor|Director|Delegate|Dean|Speaker|President|Minister|Colonel|Col|Hon"
)
_NAME = r"(?:Mc|Mac|O['’]|D['’])?[^\W\d_][\w'’\-]*"
_CAPNAME = r"[^\W\d_a-z][\w'’\-]*"
_STOP = re.compile(
    rf"(?P<label>The(?: {_CAPNAME}){{1,2}}"
    rf"|(?:{HONORIFICS})\.?(?: {_CAPNAME}){{1,3}}(?: of(?: {_CAPNAME}){{1,3}})?"
    r"|[A-Z][A-Z'’\-]+\.?(?: [A-Z][A-Z'’.\-]+){0,4}"
    rf"|(?P<plain>{_CAPNAME}(?: {_CAPNAME}){{1,4}}))"
    r"\.(?:[ \t\u00a0]+\.(?=[ \t\u00a0]))?"  # "NAME. . text": a stray full stop, as printed
    r"(?P<presiding>[ \t\u00a0]+\[[a-z ]{3,20}\])?[ \t\u00a0]+(?=\S)"
)
#: Capitals after a label in capitals: an initial (``B. F.``) or a word (``GRANT,``).
_CAPS_GO_ON = re.compile(r"[A-Z](?:\.[ \t\u00a0]|[A-Z'’\-]+\b)")
_BARE_HONORIFICS = frozenset(h.lower() for h in HONORIFICS.split("|"))
_LAST_WORD = re.compile(r"[A-Z'’]+$")


def _abbreviates(speaker: str) -> bool:
    """A label in capitals ending in an initial or a title (``JOHN G``, ``THE REV``, ``GEN``):
    its full stop is the abbreviation's, inside a longer capitalised title."""
    last = _LAST_WORD.search(speaker)
    if last is None or not speaker.isupper():
        return False
    word = last.group(0)
    return len(word) == 1 or word.lower() in _BARE_HONORIFICS


_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_PAREN = re.compile(r"\s*\([^()]*\)")


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


_WORD_STOP = re.compile(r"\.(?= )")


@lru_cache(maxsize=4096)
def make_key(label: str) -> str:
    """The name of a speaker across the document: ``Jane DOE`` = ``Jane Doe``, ``Mr. Doe`` =
    ``Mr Doe`` (and the misprint ``THE. PRESIDENT`` = ``The President``)."""
    return _WORD_STOP.sub("", squash(_PAREN.sub("", label)).casefold()).rstrip(".")


def role_of(key: str) -> Role | None:
    if key in ASK_ROLES:
        return Role.ASK
    if key in ANSWER_ROLES:
        return Role.ANSWER
    if key in MODERATOR_ROLES:
        return Role.MODERATE
    return None


def _word_ok(word: str, position: int, count: int) -> bool | None:
    """True: a capitalised name word; None: a joining word; False: not in a name."""
    if word.isdigit():
        return (position == count - 1 and position > 0) or None  # "Speaker 2"
    if _WORD.fullmatch(word) is None:
        return False
    if word.lower() in JOINERS and 0 < position < count - 1:
        return None
    return word[0].isupper()


#: The longest label, in words: "President and Chairman of the Board of Country Bank Jane Doe".
_LABEL_WORDS = 12


@lru_cache(maxsize=4096)
def label_strength(label: str) -> int:
    """0: not a speaker label; 1: a single word that must recur; 2: a speaker label."""
    key = make_key(label)
    if role_of(key) is not None:
        return 2
    bare = squash(_PAREN.sub("", label))
    if "," in bare or not bare:
        return 0
    words = bare.split()
    if not 1 <= len(words) <= _LABEL_WORDS:
        return 0
    if words[0].lower().strip(".") in NOT_SPEAKERS_FIRST:
        return 0
    if any(word.lower().strip(".") in NOT_SPEAKERS for word in words):
        return 0
    verdicts = [_word_ok(word, i, len(words)) for i, word in enumerate(words)]
    if verdicts.count(False) and not _title_style(words, verdicts):
        return 0
    if len(words) == 1:
        word = words[0]
        return 2 if (len(word) >= 2 and word.isupper()) else 1
    return 2


def _title_style(words: list[str], verdicts: list[bool | None]) -> bool:
    """A long descriptive label: ``Broadcasting Corporation news presenter Jane Doe``."""
    lower = [i for i, v in enumerate(verdicts) if v is False]
    return (
        len(words) >= 4
        and verdicts[0] is True
        and verdicts[-1] is True
        and verdicts[-2] is True
        and len(lower) <= 2
        and all(_WORD.fullmatch(words[i]) for i in lower)
    )


def _clean(label: str) -> str:
    return squash(_BOLD.sub("", label)).rstrip(".")


_QA_LETTERS = frozenset("QA")
_STOP_LONGEST = 80
_STOP_WORDS = 9  # "Mrs. McCarthy of New York. [presiding]" and longer titles
_COLON_LONGEST = 140
#: A label and its timestamps fit in this many characters; the rest of a line is not read.
_HEAD = 200
#: A name alone on its line is short.
_NAME_LINE_LONGEST = 60


def find_label(
    line: str, length: int | None = None, strong: tuple[int, int] | None = None
) -> Label | None:
    """The label at the start of ``line`` (a line of plain text), if it has one's shape.

    ``line`` may be just the start of a longer line whose ``length`` is given. ``strong`` is
    where bold text starts and ends in the line, for a Markdown line whose marks are gone.
    """
    whole = len(line) if length is None else length
    if len(line) > _HEAD:
        line = line[:_HEAD]  # a label is near the start; the cost must not grow with lines
    first = line[:1]
    if (
        strong is None
        and first.isalpha()
        and first not in _QA_LETTERS
        and whole > _NAME_LINE_LONGEST
        and line.find(":", 0, _COLON_LONGEST) < 0
        and "(" not in line[:80]
        and "[" not in line[:80]
        and not _stop_near(line, 0)
    ):
        return None  # most lines of prose: nothing a label could be, without a regex
    pos = len(line) - len(line.lstrip(" \t\u00a0"))
    stamp = ""
    lead = _LEAD_TIME.match(line, pos)
    if lead is not None:
        stamp = lead.group(0).strip()
        pos = lead.end()
    bold = _BOLD.match(line, pos)
    if bold is None and line[pos : pos + 1] in _EMPHASIS:
        return _emphasised(line, whole, pos)
    start = bold.end() if bold else pos
    number = _QUESTION_NUMBER.match(line, start) if line[start : start + 1].isdigit() else None
    if number is not None:
        found = _qa(line, number.end(), stamp) or _role_stop(line, number.end(), stamp)
        if found is not None:
            written = f"{line[start : number.end()].strip()} {found.speaker}"
            return Label(written, found.key, found.form, 2, found.end, found.alone)
    found = _qa(line, start, stamp) if line[start : start + 1] in _QA_LETTERS else None
    if found is None:
        bold_end = _bold_end(line, start, bold, strong)
        if bold_end is not None:
            return _bold_name(line, start, bold_end, stamp)
    if found is not None and found.speaker[1:2].isdigit():
        # "Q14 Chair: ..." (committee evidence numbers each question): the member asks.
        named = _colon(line, found.end, "")
        if named is not None and not named.alone:
            speaker = f"{found.speaker} {named.speaker}"
            return Label(speaker, found.key, Form.QA, 2, named.end, False)
    if found is None and line.find(":", start, start + _COLON_LONGEST) >= 0:
        found = _colon(line, start, stamp)
    if (found is None or found.form is Form.COLON) and _stop_near(line, start):
        stop = _stop(line, start, stamp) or _role_stop(line, start, stamp)
        if stop is not None and (found is None or stop.end < found.end):
            found = stop  # "HYL.  True: that is so" is HYL speaking
    if found is None and ("(" in line[start:80] or "[" in line[start:80]):
        found = _timed_name(line, start, stamp)
    if found is not None or (lead is not None and not stamp.startswith(("[", "\\[", "("))):
        return found  # "10:05 A.M. EST" is a time, not a name line
    if whole - start > _NAME_LINE_LONGEST:
        return None
    return _name_line(line, start, stamp)


#: A name in bold is short.
_BOLD_LONGEST = 60
#: Italics of printed books in plain text: ``_Q._ Where?``, ``_Question_.  Why?``.
_EMPHASIS = ("_", "*")
_EMPHASIS_LONGEST = 60


def _emphasised(line: str, whole: int, pos: int) -> Label | None:
    """A label in italics (``_Q._``, ``_Answer_.``, ``*Mr. Doe*:``): the same label without
    its marks, when they wrap the whole label and nothing more (``_Jane Doe_ said that``
    is a name in a sentence)."""
    mark = line[pos]
    close = line.find(mark, pos + 1, pos + 2 + _EMPHASIS_LONGEST)
    if close <= pos + 1 or line[pos + 1].isspace() or line[close - 1].isspace():
        return None
    if line[close + 1 : close + 2] not in ("", ".", ":", " ", "\t", "\u00a0"):
        return None
    inner_end = close - 1  # where the label's text ends once the opening mark is gone
    bare = line[:pos] + line[pos + 1 : close] + line[close + 1 :]
    found = find_label(bare, whole - 2)
    if found is None or found.form not in (Form.COLON, Form.STOP, Form.QA):
        return None
    if found.end < inner_end or (found.alone and found.form is not Form.QA):
        return None
    return Label(found.speaker, found.key, found.form, found.strength, found.end + 2, found.alone)


#: What may follow a label in Markdown italics: a stage direction in parentheses, then a
#: full stop or a colon (``_Counsel_ (smiling). "Text"``, ``_Witness_."Text"``), or nothing
#: more on the line (``_Doctor_.`` with the turn below it), or a direction that runs on.
_AFTER_ITALIC = re.compile(
    r"(?P<direction>[ \t\u00a0]*\([^()\n]{1,60}\))?[ \t\u00a0]*"
    r"(?:[.:](?=[ \t\u00a0\"“‘'(]|$)[ \t\u00a0]*|$)"
    # a longer direction that goes on below: its words are the turn's start
    r"|[ \t\u00a0]+(?=\([^()]*$)"
)
_ITALIC_WORDS = 4


def italic_label(line: str, end: int) -> Label | None:
    """A label in Markdown italics that have lost their marks: ``line[:end]`` was emphasis.

    The marks set the name off, so a single capitalised word (``_Counsel_.``) is as strong
    as a name in capitals (it must still recur, like every full-stop label); a stage
    direction after it stays in the speaker.
    """
    inner = squash(line[:end])
    words = inner.split()
    if not 1 <= len(words) <= _ITALIC_WORDS or not words[0][:1].isupper():
        return None
    after = _AFTER_ITALIC.match(line, end)
    if after is None:
        return None
    if any(_word_ok(word, i, len(words)) is False for i, word in enumerate(words)):
        return None
    if label_strength(inner) == 0:
        return None
    direction = after.group("direction")
    speaker = f"{inner} {direction.strip()}" if direction else inner
    rest = after.end()
    return Label(speaker, make_key(inner), Form.STOP, 2, rest, rest >= len(line.rstrip()))


def _bold_end(
    line: str, start: int, mark: re.Match[str] | None, strong: tuple[int, int] | None
) -> int | None:
    """Where a bold name that starts at ``start`` ends, if the line goes on after it without
    a colon (``**Jane Doe** Thank you``); None for anything else."""
    if strong is not None:
        if strong[0] != start:
            return None
        end = strong[1]
        after = end
    elif mark is not None:
        end = line.find(mark.group(0), start, start + _BOLD_LONGEST)
        if end < 0:
            return None
        after = end + len(mark.group(0))
    else:
        return None
    if not start < end <= start + _BOLD_LONGEST or ":" in line[start:end]:
        return None
    if line[after : after + 1] not in (" ", "\t", "\u00a0"):
        return None
    rest = line[after:].lstrip(" \t\u00a0")
    if not rest or rest[0] == ":":
        return None  # alone on its line (a name line), or "**Jane Doe**: text"
    return end


_DASH = re.compile(r"[ \t\u00a0]*(?:-|–|—|--)[ \t\u00a0]+(?=\S)")


def _bold_name(line: str, start: int, end: int, stamp: str) -> Label | None:
    name = _clean(line[start:end])
    if not 1 <= len(name.split()) <= 6 or label_strength(name) == 0:
        return None
    after, trail = _rest_start(line, end)
    dash = _DASH.match(line, after)
    if dash is not None:
        after = dash.end()  # "**Jane Doe** - Thank you": a dash for a colon
    speaker = _with_stamp(name, stamp or trail)
    return Label(speaker, make_key(name), Form.BOLD, label_strength(name), after, False)


def _stop_near(line: str, start: int) -> bool:
    """Whether a full stop and a space come within a name's length of the start."""
    for gap in (". ", ".\u00a0", ".\t"):
        stop = line.find(gap, start, start + _STOP_LONGEST)
        if stop >= 0 and line.count(" ", start, stop) <= _STOP_WORDS:
            return True
    return False


def _with_stamp(speaker: str, stamp: str) -> str:
    stamp = stamp.replace("\\", "")
    return f"{speaker} {stamp}" if stamp else speaker


def _rest_start(line: str, end: int) -> tuple[int, str]:
    """Skip a closing bold marker and a timestamp right after a label."""
    closing = _BOLD.match(line, end)
    if closing:
        end = closing.end()
        while end < len(line) and line[end] in " \t\u00a0":
            end += 1
    trail = _TRAIL_TIME.match(line, end)
    if trail is not None and (trail.end() == len(line) or line[trail.end() - 1] in " \t\u00a0"):
        return trail.end(), trail.group(0).strip()
    return end, ""


def _qa(line: str, start: int, stamp: str) -> Label | None:
    match = _QA.match(line, start)
    if match is None:
        return None
    sep = match.group("sep")
    dotted = match.group(0)[1:].lstrip(":").strip() != ""
    # Bare "Q"/"A" needs a tab or two spaces (no-break ones too), or a colon; "Q." one
    # space. One no-break space is not enough: some sites put one after every "A".
    if not dotted and not (":" in sep or "\t" in sep or len(sep) >= 2):
        return None
    role = match.group("r")
    speaker = role + (match.group("n") or "")
    end, trail = _rest_start(line, match.end())
    return Label(
        _with_stamp(speaker, stamp or trail),
        role.lower(),
        Form.COLON if ":" in sep else Form.QA,
        2,
        end,
        end >= len(line.rstrip()),
    )


def _colon(line: str, start: int, stamp: str) -> Label | None:
    trail = ""
    colon = line.find(":", start)
    bracket = line.find("(", start, colon) >= 0 or line.find("[", start, colon) >= 0
    timed = _TIMED_COLON.match(line, start) if bracket else None  # "Speaker 1 (00:01:15):"
    if timed is not None:
        raw, trail = timed.group("label"), timed.group("t")
        match = timed
    else:
        plain = _COLON.match(line, start)
        if plain is None:
            return None
        match, raw = plain, plain.group("label")
    speaker = _clean(raw)
    strength = label_strength(speaker)
    if strength == 0 or len(speaker) > 100:
        return None
    end, after = _rest_start(line, match.end())
    return Label(
        _with_stamp(speaker, stamp or trail or after),
        make_key(speaker),
        Form.COLON,
        strength,
        end,
        end >= len(line.rstrip()),
    )


def _stop(line: str, start: int, stamp: str) -> Label | None:
    match = _STOP.match(line, start)
    if match is None:
        return None
    speaker = squash(match.group("label"))
    if label_strength(speaker) == 0 or speaker.lower() in _BARE_HONORIFICS:
        return None  # "MR. SMITH: ..." is a colon label, not "MR." speaking
    if _abbreviates(speaker) and _CAPS_GO_ON.match(line, match.end()):
        return None  # "POLITICS AND GEN. GRANT": the full stop abbreviates, the title goes on
    key = make_key(speaker)
    presiding = match.group("presiding")
    if presiding:
        speaker = f"{speaker} {presiding.strip()}"
    # A plain name ("Jane Doe.") is weak: only a speaker known from other labels.
    strength = 1 if match.group("plain") else 2
    return Label(_with_stamp(speaker, stamp), key, Form.STOP, strength, match.end(), False)


#: ``Question.  Why?`` / ``Answer.  Because.``: a role word and a full stop (old print).
_ROLE_STOP = re.compile(r"(?P<label>[A-Z][a-z]+)\.[ \t\u00a0]+(?=\S)")


def _role_stop(line: str, start: int, stamp: str) -> Label | None:
    match = _ROLE_STOP.match(line, start)
    if match is None:
        return None
    speaker = match.group("label")
    key = make_key(speaker)
    if role_of(key) not in (Role.ASK, Role.ANSWER):
        return None
    return Label(_with_stamp(speaker, stamp), key, Form.STOP, 2, match.end(), False)


def _timed_name(line: str, start: int, stamp: str) -> Label | None:
    match = _TIMED_NAME.match(line, start)
    if match is None:
        return None
    speaker = squash(match.group("label"))
    if label_strength(speaker) == 0:
        return None
    timed = f"{speaker} {match.group('t').replace(chr(92), '')}"
    return Label(_with_stamp(timed, stamp), make_key(speaker), Form.COLON, 2, match.end(), False)


def _name_line(line: str, start: int, stamp: str) -> Label | None:
    """``Maria`` / ``Jane Doe  00:02:03`` / ``**Jane Doe**``: a name and nothing else."""
    body = line[start:].rstrip()
    trail = _TRAIL_TIME.search(body)
    if trail is not None and trail.end() == len(body):
        stamp = stamp or trail.group(0).strip()
        body = body[: trail.start()]
    if body[-1:] in ".,;:!?)…":  # "Yeah." is said, not a name
        return None
    body = _clean(body)
    words = body.split()
    if not 1 <= len(words) <= 4 or len(body) > 40:
        return None
    if label_strength(body) == 0:
        return None
    return Label(_with_stamp(body, stamp), make_key(body), Form.NAME_LINE, 1, len(line), True)
