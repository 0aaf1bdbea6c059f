"""Text on its way to a terminal: the one sanitiser, and JSON that carries no raw controls.

Whatever the program writes to a terminal that came from outside it (a document, a note, a
file name, a notes file written by hand or by someone else) passes :func:`terminal_safe`
first. A terminal acts on C0 and C1 control characters (ESC starts sequences that set the
window title, write the clipboard or clear the screen; U+009B is a one-character CSI; BEL
rings), and bidi controls and zero-width characters make text look other than it is.
Each such character becomes one visible character, so lengths, offsets and column counts
stay as they were:

- C0 controls: their Control Pictures (ESC ``␛``, BEL ``␇``, CR ``␍`` …; tab ``␉`` and line
  feed ``␊`` too, unless ``multiline``), DEL ``␡``;
- C1 controls, the format characters that draw nothing (bidi embeddings, overrides,
  isolates and marks such as U+202E, zero-width space and joiners, U+FEFF, soft hyphen,
  tag characters; see INVISIBLE) and the separators U+2028/U+2029: ``␦``;
- a lone surrogate (bytes of a file name that are not UTF-8): U+FFFD.

Files written for other programs (an export to a file, the notes file) keep their text
exactly; JSON output keeps it exactly too, with these characters written as ``\\uXXXX``
escapes (:func:`terminal_json`). Headless: no Textual or Rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

#: What a character with no picture of its own is shown as (SYMBOL FOR SUBSTITUTE FORM TWO).
OTHER_SYMBOL = "\u2426"
REPLACEMENT = "\ufffd"

#: Characters shown as OTHER_SYMBOL, as inclusive ranges: C1 controls; the line and
#: paragraph separators; and the format characters that draw nothing (category Cf less
#: those with a glyph of their own, such as the Arabic number signs): soft hyphen, bidi
#: marks, embeddings, overrides and isolates, zero-width space and joiners, word joiner and
#: invisible operators, byte order mark, interlinear annotation marks, musical beam and
#: slur controls, tag characters.
INVISIBLE = (
    (0x80, 0x9F),
    (0xAD, 0xAD),
    (0x61C, 0x61C),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F),  # the whole Tags block, unassigned code points included
)
_SURROGATES = (0xD800, 0xDFFF)


def _tables() -> tuple[dict[int, str], dict[int, str]]:
    single: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟
    single[0x7F] = "\u2421"  # ␡
    for first, last in INVISIBLE:
        single.update(dict.fromkeys(range(first, last + 1), OTHER_SYMBOL))
    single.update(dict.fromkeys(range(_SURROGATES[0], _SURROGATES[1] + 1), REPLACEMENT))
    multi = dict(single)
    del multi[0x09], multi[0x0A]
    return single, multi


_SINGLE, _MULTI = _tables()


def _pattern(codes: Iterable[int]) -> re.Pattern[str]:
    """A character class matching exactly ``codes``."""
    spans: list[list[int]] = []
    for code in sorted(codes):
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in spans) + "]")


_NEEDS_SINGLE = _pattern(_SINGLE)
_NEEDS_MULTI = _pattern(_MULTI)


def terminal_safe(text: str, *, multiline: bool = False) -> str:
    """``text`` with every character that could drive a terminal or hide itself replaced by
    a visible one, one character for one (see the module's docstring for which and how).

    With ``multiline``, tabs and line feeds are kept (a note's body, a section's text);
    otherwise they are shown too, so a value meant for one line stays on one line.
    """
    if multiline:
        if _NEEDS_MULTI.search(text) is None:
            return text
        return text.translate(_MULTI)
    if _NEEDS_SINGLE.search(text) is None:
        return text
    return text.translate(_SINGLE)


#: Inside JSON strings: what json.dumps leaves raw and a terminal must not receive raw.
_JSON_RAW = _pattern(code for code in _SINGLE if code >= 0x7F)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON escapes name UTF-16 code units
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def terminal_json(data: Any, *, indent: int | None = 2) -> str:
    """``data`` as JSON that is safe to print: text stays readable (not ASCII-escaped) and
    exact, and every control, format or separator character is a ``\\uXXXX`` escape."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    # These characters can only be inside strings (JSON's own syntax is ASCII), where an
    # escape means the same character: the data is unchanged.
    return _JSON_RAW.sub(_escape, text)


def restore_controls(edited: str, original: str) -> str:
    """Text edited as :func:`terminal_safe` showed it, with the control characters the
    original held put back where their pictures stand (a CR pasted with a CRLF text stays
    a CR). Pictures of characters the original did not hold are kept as typed; the one
    symbol shared by the invisible characters cannot say which it was, so it stays."""
    present = {ch for ch in original if ord(ch) < 0x20 or ord(ch) == 0x7F}
    if not present:
        return edited
    pictures = {chr(0x2400 + ord(ch)) if ord(ch) < 0x20 else "\u2421": ch for ch in present}
    return "".join(pictures.get(ch, ch) for ch in edited)
