"""Speaker turns for the whole document: which label shapes are speakers, and where turns start.

A label shape seen once proves little (``ORDER: The appeal is sustained``), so the decision
is made from every line of the document at once:

- a role word (``Question``, ``Q``, ``Moderator``) or a name in capitals counts at once when
  the document is a transcript (it has role labels, or several speakers who recur);
- other shapes count when their speaker recurs; a long title-style label counts when it ends
  with the name of a speaker who recurs (``President of Country Jane Doe`` = ``Jane Doe``);
- full-stop labels (``Mr. Doe.``) and names alone on a line count only when the document uses
  that form for at least two recurring speakers;
- ``A`` answers only where ``Q`` asks.

A label at the start of a paragraph starts a turn; inside a paragraph (transcripts that put no
blank line between turns) a colon or ``Q``/``A`` label starts one when the line before ends a
sentence. Unlabelled paragraphs continue the current speaker's turn.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from tuireader.model import BlockKind, Span, SpanStyle
from tuireader.parse.blocks import Block
from tuireader.parse.labels import Form, Label, Role, find_label, italic_label

#: Characters that may end the line before a label found inside a paragraph.
_SENTENCE_END = frozenset('.?!:;"”’)]—–-…')


@dataclass(frozen=True, slots=True)
class Turn:
    """A paragraph with the speaker it belongs to (None before the first label).

    ``labelled`` is True for the paragraph that starts a turn; ``key`` names the speaker
    across the document (see :func:`tuireader.parse.labels.make_key`).
    """

    speaker: str | None
    text: str
    labelled: bool
    block: Block
    key: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class _Found:
    block: int
    line: int  # index into the block's ``starts``
    label: Label


def _line_end(block: Block, index: int) -> int:
    """Where line ``index`` of a block ends: before the space that joins it to the next
    line (none after a word hyphenated across lines)."""
    if index + 1 >= len(block.starts):
        return len(block.text)
    end = block.starts[index + 1]
    return end - 1 if block.text[end - 1 : end] == " " else end


def _line_text(block: Block, index: int) -> str:
    return block.text[block.starts[index] : _line_end(block, index)]


def _line_head(block: Block, index: int, size: int = 240) -> tuple[str, int]:
    """The start of a line of a block (enough for a label) and the line's length."""
    start = block.starts[index]
    end = _line_end(block, index)
    return block.text[start : min(end, start + size)], end - start


#: A bold name starts this close to its line's start (after a timestamp).
_STRONG_LEAD = 24


def _strong_starts(block: Block) -> dict[int, tuple[int, int]]:
    """Bold text near the start of each line of a Markdown block: line -> (start, end) in
    the line (a ``**Jane Doe** Thank you`` label has lost its marks)."""
    found: dict[int, tuple[int, int]] = {}
    strong = [s for s in block.spans if s.style is SpanStyle.STRONG]
    if not strong:
        return found
    line = 0
    for span in strong:
        while line + 1 < len(block.starts) and block.starts[line + 1] <= span.start:
            line += 1
        offset = span.start - block.starts[line]
        if offset <= _STRONG_LEAD and line not in found:
            found[line] = (offset, span.end - block.starts[line])
    return found


def _emphasis_starts(block: Block) -> dict[int, int]:
    """Italics that open a line of a Markdown block: line -> where they end in the line
    (a ``_Counsel_. "Text"`` label has lost its marks)."""
    found: dict[int, int] = {}
    line = 0
    for span in block.spans:
        if span.style is not SpanStyle.EMPHASIS:
            continue
        while line + 1 < len(block.starts) and block.starts[line + 1] <= span.start:
            line += 1
        if span.start == block.starts[line] and line not in found:
            found[line] = span.end - block.starts[line]
    return found


def _candidates(blocks: list[Block]) -> list[_Found]:
    found: list[_Found] = []
    for number, block in enumerate(blocks):
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        previous_label = False
        strong = _strong_starts(block) if block.spans else {}
        emphasis = _emphasis_starts(block) if block.spans else {}
        for index in range(len(block.starts)):
            head, length = _line_head(block, index)
            label = None
            if index in emphasis and index not in strong:
                label = italic_label(head, emphasis[index])
            if label is None:
                label = find_label(head, length, strong.get(index))
            if label is None:
                previous_label = False
                continue
            if index > 0:
                before = block.text[_line_end(block, index - 1) - 1]  # the line before's end
                # A numbered Q.1./A.1. is unmistakable, even under a topic line.
                numbered = label.form is Form.QA and any(ch.isdigit() for ch in label.speaker)
                ends = before in _SENTENCE_END or previous_label or numbered
                if label.form is Form.NAME_LINE or not ends:
                    previous_label = False
                    continue
            found.append(_Found(number, index, label))
            previous_label = label.alone
    return found


def _prefixed(key: str, recurring: set[str]) -> bool:
    words = key.split()
    return any(" ".join(words[:cut]) in recurring for cut in range(1, len(words)))


def _aliases(keys: set[str], recurring: set[str]) -> dict[str, str]:
    """``president of country jane doe`` -> ``jane doe`` and ``jane doe`` -> ``doe`` when the
    short form recurs; and a play's name in full the first time, abbreviated after
    (``hamlet`` -> ``ham``)."""
    mapping: dict[str, str] = {}
    short = sorted(k for k in recurring if " " not in k and len(k) >= 3 and k.isalpha())
    for key in keys:
        words = key.split()
        if len(words) == 1:
            for abbreviation in short:
                if key.startswith(abbreviation) and key != abbreviation:
                    mapping[key] = abbreviation
                    break
            continue
        for cut in range(1, len(words)):
            tail = " ".join(words[cut:])
            if tail in recurring and (cut < len(words) - 1 or len(tail) >= 3):
                mapping[key] = tail
                break
    return mapping


def accepted_speakers(
    blocks: list[Block], found: list[_Found]
) -> tuple[set[tuple[int, int]], dict[str, str]]:
    """Which candidates are speakers: their (block, line) places and key -> canonical key.

    A plain name with a full stop (``Jane Doe. We agreed``) could be any sentence: it is
    not counted with the others and is a speaker only if another label names them.
    """
    weak = [f for f in found if f.label.form is Form.STOP and f.label.strength == 1]
    found = [f for f in found if not (f.label.form is Form.STOP and f.label.strength == 1)]
    counts: Counter[str] = Counter(f.label.key for f in found)
    recurring = {key for key, count in counts.items() if count >= 2}
    aliases = _aliases(set(counts) - recurring, recurring)
    # A long form used a few times ("President of Country Jane Doe" for the speech and the
    # first answer) is the short form used more often after it ("Jane Doe").
    longer = {k for k in recurring if " " in k}
    for key, short in _aliases(longer, recurring).items():
        if counts[short] > counts[key]:
            aliases[key] = short
    by_form: dict[Form, Counter[str]] = {form: Counter() for form in Form}
    for f in found:
        by_form[f.label.form][aliases.get(f.label.key, f.label.key)] += 1
    role_words = any(f.label.role in (Role.ASK, Role.ANSWER) for f in found)
    colon_recurring = [k for k, c in by_form[Form.COLON].items() if c >= 2]
    colon_turns = sum(by_form[Form.COLON][k] for k in colon_recurring)
    transcript = role_words or (len(colon_recurring) >= 1 and colon_turns >= 2)
    # Full-stop labels where two speakers are so labelled, or one is and another speaker
    # recurs in another form ("THE PRESIDENT." answering "Q."): not "SUBSTANCE." in prose.
    stop_recurring = sum(1 for c in by_form[Form.STOP].values() if c >= 2)
    others_recur = any(
        c >= 2 for form in (Form.COLON, Form.QA, Form.BOLD) for c in by_form[form].values()
    )
    stop_forms = stop_recurring >= 2 or (stop_recurring == 1 and others_recur)
    speakers = {k for form in (Form.COLON, Form.BOLD) for k, c in by_form[form].items() if c >= 2}
    # Names in bold with no colon: a podcast's "**Jane Doe** Thank you" turns, where two
    # speakers at least are so named more than once (bold words open paragraphs too).
    bold_forms = sum(1 for c in by_form[Form.BOLD].values() if c >= 2) >= 2
    if bold_forms:
        bold_recurring = [k for k, c in by_form[Form.BOLD].items() if c >= 2]
        transcript = transcript or len(bold_recurring) + len(colon_recurring) >= 2
    # Names alone on their lines, where the document does not label its turns otherwise (a
    # title line "CRITO" above a dialogue of "CRITO:" turns is a title; headings in capitals
    # of a printed hearing whose turns are "Mr. DOE." are headings).
    other_turns = sum(
        c
        for form in (Form.COLON, Form.STOP, Form.QA, Form.BOLD)
        for c in by_form[form].values()
        if c >= 2
    )
    name_lines = (
        sum(1 for c in by_form[Form.NAME_LINE].values() if c >= 2) >= 2
        and sum(by_form[Form.NAME_LINE].values()) > other_turns
    )
    # "Senator Doe" once, where "Senator" speaks often: one of a family of speakers.
    families = {key for key in counts if key not in recurring and _prefixed(key, recurring)}
    asks = any(f.label.role is Role.ASK for f in found)
    first_recurring = min(
        (
            i
            for i, f in enumerate(found)
            if aliases.get(f.label.key, f.label.key) in recurring or f.label.role is not None
        ),
        default=len(found),
    )
    places = {(f.block, f.line) for f in weak if " " in f.label.key and f.label.key in counts}
    for index, f in enumerate(found):
        label = f.label
        key = aliases.get(label.key, label.key)
        total = counts[key] + (counts[label.key] if key != label.key else 0)
        if label.form is Form.QA:
            ok = (total >= 2 or transcript) and (label.key == "q" or asks)
        elif label.form is Form.STOP and label.role is not None:
            # "Question." / "Answer." of old print: role words, like "Q." and "A."
            ok = total >= 2 or transcript
        elif label.form is Form.STOP:
            # Once only: a name of two words or more ("Mr. Doe.", "JANE DOE.", not "SUBSTANCE.")
            ok = stop_forms and (total >= 2 or key in families or " " in key)
            # A full stop for a colon, once ("MR. DOE.  Sure." among "MR. DOE:" turns).
            ok = ok or (f.line == 0 and key in speakers)
        elif label.form is Form.NAME_LINE:
            ok = name_lines
        elif label.form is Form.BOLD and not bold_forms:
            ok = False
        elif total >= 2 or label.role is not None or key in families:
            ok = True
        else:
            # Once only: a capitalised label in a transcript, after its first regular
            # speaker or role label (a cast list or a licence field comes before), saying
            # something in words ("START: FULL LICENSE" is a heading).
            rest = _line_text(blocks[f.block], f.line)[label.end :]
            ok = (
                label.strength == 2
                and transcript
                and index > first_recurring
                and any(ch.islower() for ch in rest[:80])
            )
        if ok:
            places.add((f.block, f.line))
    return places, aliases


def _shift(spans: tuple[Span, ...], cut: int, end: int | None = None) -> tuple[Span, ...]:
    """Spans of ``text[cut:end]``: moved left by ``cut`` and clipped."""
    if not spans:
        return ()
    limit = end - cut if end is not None else None
    moved: list[Span] = []
    for span in spans:
        start, stop = max(span.start - cut, 0), span.end - cut
        if limit is not None:
            stop = min(stop, limit)
        if stop > start:
            moved.append(replace(span, start=start, end=stop))
    return tuple(moved)


def _cut(block: Block, index: int, until: int | None) -> Block:
    """The part of a block from line ``index`` up to line ``until`` (exclusive)."""
    start = block.starts[index]
    end = _line_end(block, until - 1) if until is not None else len(block.text)
    raw_lines = block.raw.split("\n")
    raw = "\n".join(raw_lines[index:until]) if len(raw_lines) == len(block.starts) else block.raw
    return replace(
        block,
        text=block.text[start:end],
        raw=raw,
        line=block.line + index,
        blanks_before=block.blanks_before if index == 0 else 0,
        spans=_shift(block.spans, start, end),
        starts=tuple(s - start for s in block.starts[index:until]),
    )


#: A turn's whole text in a plain text's italics (``Q.  _Who made you?_``), a footnote
#: mark after it allowed (``_Why?_[5]``).
_ITALICS = re.compile(r"([_*])([^_*\s](?:[^_*]*[^_*\s])?)\1((?:\[\d{1,3}\])*)")


def italics(text: str, spans: tuple[Span, ...]) -> tuple[str, tuple[Span, ...]]:
    """The text without marks that wrap all of it, shown as emphasis instead (Markdown's
    own emphasis has lost its marks already and comes with spans)."""
    if spans or not text or text[0] not in "_*":
        return text, spans
    match = _ITALICS.fullmatch(text)
    if match is None:
        return text, spans
    inner = match.group(2)
    return inner + match.group(3), (Span(0, len(inner), SpanStyle.EMPHASIS),)


#: A line of narration that hands a speaker the word is short.
_NARRATION_LONGEST = 160


def _narrated(blocks: list[Block], labels: dict[tuple[int, int], Label]) -> dict[int, Label]:
    """Paragraphs of narration that give a labelled speaker the word for the next paragraph:
    the speaker's label as written, then words in lower case, ending in a colon (an old
    trial report's "MR. DOE opened the case as follows:")."""
    names: dict[str, Label] = {}
    for label in labels.values():
        if label.form is Form.COLON and " " in label.speaker and label.role is None:
            names.setdefault(label.speaker, label)
    found: dict[int, Label] = {}
    if not names:
        return found
    for number, block in enumerate(blocks):
        text = block.text
        if (
            block.kind is not BlockKind.PARAGRAPH
            or not text.endswith(":")
            or len(text) > _NARRATION_LONGEST
            or (number, 0) in labels
        ):
            continue
        for name, label in names.items():
            if text.startswith(name + " ") and text[len(name) + 1 : len(name) + 2].islower():
                found[number] = Label(label.speaker, label.key, label.form, 2, 0, False)
                break
    return found


def find_turns(blocks: list[Block]) -> list[Turn]:
    """Label each block with its speaker; unlabelled blocks continue the current turn."""
    found = _candidates(blocks)
    places, aliases = accepted_speakers(blocks, found)
    labels = {(f.block, f.line): f.label for f in found if (f.block, f.line) in places}
    result: list[Turn] = []
    speaker: str | None = None
    key: str | None = None
    pending: tuple[Label, Block] | None = None

    def emit(block: Block, label: Label | None) -> None:
        nonlocal speaker, key, pending
        if pending is not None:
            held, held_block = pending
            pending = None
            if label is None and block.kind is BlockKind.PARAGRAPH:
                speaker, key = held.speaker, aliases.get(held.key, held.key)
                text, spans = italics(block.text, block.spans)
                result.append(Turn(speaker, text, True, block, key, spans))
                return
            result.append(Turn(speaker, held_block.text, False, held_block, key, held_block.spans))
        if block.kind is BlockKind.HEADING or block.kind is BlockKind.RULE:
            # Nobody's words, but the current speaker goes on after it (a topic heading
            # between a question and its answer).
            result.append(Turn(None, block.text, False, block, None, block.spans))
            return
        if label is None:
            result.append(Turn(speaker, block.text, False, block, key, block.spans))
            return
        rest = block.text[label.end :].strip() if label.end < len(block.text) else ""
        if not rest:
            pending = (label, block)
            return
        cut = len(block.text) - len(block.text[label.end :].lstrip())
        speaker, key = label.speaker, aliases.get(label.key, label.key)
        text, spans = italics(rest, _shift(block.spans, cut))
        result.append(Turn(speaker, text, True, block, key, spans))

    narrated = _narrated(blocks, labels)
    told: Label | None = None  # the speaker a narrated line ("DOE opened as follows:") names
    for number, block in enumerate(blocks):
        splits = [i for i in range(len(block.starts)) if (number, i) in labels]
        if told is not None and not splits and block.kind is BlockKind.PARAGRAPH:
            emit(block, told)
            told = None
            continue
        told = None
        if number in narrated:
            emit(block, None)
            told = narrated[number]
            continue
        if not splits or splits == [0]:
            emit(block, labels.get((number, 0)))
            continue
        bounds = ([0] if splits[0] != 0 else []) + splits
        for position, start in enumerate(bounds):
            until = bounds[position + 1] if position + 1 < len(bounds) else None
            emit(_cut(block, start, until), labels.get((number, start)))
    if pending is not None:
        held_block = pending[1]
        result.append(Turn(speaker, held_block.text, False, held_block, key, held_block.spans))
    return result
