"""Speaker turns: ``Question:``, ``Sergey Lavrov:``, ``Q:``, ``MR. SMITH:`` and the like.

A label is only taken for a speaker when it looks like one: a role word, a name in capitals,
or a run of capitalised words (with the small joining words names have: "President *of*
Russia"). ``Publication date:``, a sentence ending in a colon, or ``(source):`` stay text.
A single capitalised word that is not a known role ("Lavrov:") counts only when it labels
at least two paragraphs, so that "Note: ..." or "Update: ..." once is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tuireader.parse.blocks import Block

# Label, optional spaces (no-break spaces too), colon, at least one space, then text.
_LABEL = re.compile(r"([^\s:\[\](){}\"“”][^:\n]{0,79}?)[ \t\u00a0]*:[ \t\u00a0]+(?=\S)")

QUESTION_ROLES = frozenset(
    {
        "q",
        "question",
        "questions",
        "interviewer",
        "journalist",
        "reporter",
        "host",
        "moderator",
        "presenter",
        "anchor",
        "correspondent",
        "audience",
        "audience member",
        "interviewer question",
        "follow-up question",
    }
)
ANSWER_ROLES = frozenset({"a", "answer", "interviewee", "guest", "respondent", "speaker"})

# Words that name a field or a remark, not a person: "Note:", "Publication Date:".
_NOT_SPEAKERS = frozenset(
    {
        "note",
        "notes",
        "nb",
        "ps",
        "p.s",
        "source",
        "sources",
        "update",
        "updated",
        "edit",
        "edited",
        "warning",
        "caution",
        "tip",
        "hint",
        "important",
        "example",
        "examples",
        "summary",
        "abstract",
        "date",
        "time",
        "tags",
        "tag",
        "category",
        "categories",
        "subject",
        "re",
        "fw",
        "fwd",
        "title",
        "author",
        "authors",
        "by",
        "published",
        "posted",
        "link",
        "links",
        "url",
        "photo",
        "photos",
        "image",
        "video",
        "caption",
        "credit",
        "credits",
        "location",
        "keywords",
        "contents",
        "disclaimer",
        "translation",
        "transcript",
        "chapter",
        "part",
        "section",
        "step",
        "conclusion",
        "introduction",
        "background",
        "context",
        "result",
        "results",
        "reminder",
        "read",
        "see",
        "also",
        "yes",
        "no",
        "today",
        "now",
        "then",
        "here",
        "there",
        "this",
        "that",
        "these",
        "it",
        "status",
        "version",
        "price",
        "email",
        "phone",
        "address",
        "website",
        "tl;dr",
    }
)
_JOINERS = frozenset(
    {
        "of",
        "the",
        "de",
        "da",
        "di",
        "du",
        "del",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "and",
        "for",
        "on",
        "to",
    }
)
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


@dataclass(frozen=True, slots=True)
class Turn:
    """A paragraph with the speaker it belongs to (None before the first label)."""

    speaker: str | None
    text: str
    labelled: bool
    block: Block


def _clean_label(label: str) -> str:
    return " ".join(label.replace("\u00a0", " ").split())


def _is_capitalised(word: str) -> bool:
    return word[0].isupper()


def label_strength(label: str) -> int:
    """0: not a speaker label; 1: a single word that must recur; 2: a speaker label."""
    words = label.split()
    if not 1 <= len(words) <= 7:
        return 0
    lowered = label.lower().rstrip(".")
    if lowered in QUESTION_ROLES or lowered in ANSWER_ROLES:
        return 2
    if any(word.lower().strip(".") in _NOT_SPEAKERS for word in words):
        return 0
    for position, word in enumerate(words):
        if word.isdigit() and position == len(words) - 1 and position > 0:
            continue  # "Speaker 2"
        if _WORD.fullmatch(word) is None:
            return 0
        if word.lower() in _JOINERS and 0 < position < len(words) - 1:
            continue
        if not _is_capitalised(word):
            return 0
    if len(words) == 1:
        word = words[0]
        return 2 if (len(word) >= 2 and word.isupper()) else 1
    return 2


def split_label(text: str) -> tuple[str, str] | None:
    """``("Sergey Lavrov", "Unfortunately, …")`` if the paragraph starts with a label-shaped
    prefix; the caller decides whether it really is a speaker (see :func:`label_strength`)."""
    match = _LABEL.match(text)
    if match is None:
        return None
    label = _clean_label(match.group(1))
    return label, text[match.end() :]


def find_speakers(blocks: list[Block]) -> set[str]:
    """The labels in these blocks that are taken as speakers."""
    counts: Counter[str] = Counter()
    strong: set[str] = set()
    for block in blocks:
        if block.is_heading:
            continue
        found = split_label(block.text)
        if found is None:
            continue
        label = found[0]
        strength = label_strength(label)
        if strength == 2:
            strong.add(label)
        elif strength == 1:
            counts[label] += 1
    return strong | {label for label, count in counts.items() if count >= 2}


def turns(blocks: list[Block], speakers: set[str]) -> list[Turn]:
    """Label each block with its speaker; unlabelled blocks continue the current turn."""
    result: list[Turn] = []
    current: str | None = None
    for block in blocks:
        if block.is_heading:
            current = None
            result.append(Turn(None, block.text, False, block))
            continue
        found = split_label(block.text)
        if found is not None and found[0] in speakers:
            current = found[0]
            result.append(Turn(current, found[1], True, block))
        else:
            result.append(Turn(current, block.text, False, block))
    return result


def question_speakers(all_turns: list[Turn]) -> set[str]:
    """Speakers whose turns are questions.

    A role word (``Question``, ``Q``, ``Interviewer`` …) says so; failing that, in a talk
    between several people, one whose turns nearly all end with a question mark is asking.
    """
    speakers = {t.speaker for t in all_turns if t.labelled and t.speaker is not None}
    by_role = {s for s in speakers if s.lower().rstrip(".") in QUESTION_ROLES}
    if by_role or len(speakers) < 2:
        return by_role
    asked: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for turn in all_turns:
        if turn.labelled and turn.speaker is not None:
            total[turn.speaker] += 1
            if turn.text.rstrip().endswith("?"):
                asked[turn.speaker] += 1
    return {s for s in speakers if total[s] >= 3 and asked[s] >= 0.6 * total[s]}
