"""YAML in and out: safe loading only, with a line number for every problem.

Loading uses PyYAML's C loader when it is built in. Writing is done here (see below).
Multi-line note bodies are written as ``|-`` blocks so the file stays pleasant to edit by
hand; anything a block would not keep exactly is a double-quoted string with escapes.
"""

from __future__ import annotations

import re
from json.encoder import encode_basestring
from typing import Any

from tuireader.store.schema import (
    SCHEMA_VERSION,
    Kind,
    NewerSchemaError,
    NotesFile,
    Record,
    SchemaError,
    from_data,
)


def _yaml() -> Any:
    """PyYAML, imported when a file must really be parsed (the cache usually answers)."""
    import yaml

    return yaml


def _base_loader() -> type[Any]:
    """PyYAML's C loader when it is built in (about ten times faster), else the pure one."""
    yaml = _yaml()
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[no-any-return]


_STRICT: dict[type[Any], type[Any]] = {}


def _strict(base: type[Any]) -> type[Any]:
    """``base`` refusing what PyYAML takes silently and the next save would lose: a key
    given twice in one mapping (the last one wins) and merge keys (``<<``)."""
    loader = _STRICT.get(base)
    if loader is not None:
        return loader
    yaml = _yaml()

    class Strict(base):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[str] = set()
            for key, _ in node.value:
                if key.tag == "tag:yaml.org,2002:merge":
                    raise yaml.constructor.ConstructorError(
                        None, None, "it uses a YAML merge key (<<)", key.start_mark
                    )
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        raise yaml.constructor.ConstructorError(
                            None,
                            None,
                            f"the key {key.value!r} is there twice in the same place, "
                            "so the next save would lose one of them",
                            key.start_mark,
                        )
                    seen.add(key.value)
            return super().construct_mapping(node, deep)

    _STRICT[base] = Strict
    return Strict


def _loader() -> type[Any]:
    return _strict(_base_loader())


class NotesFormatError(Exception):
    """The notes file cannot be used; ``line`` is 1-based when known."""

    def __init__(self, reason: str, line: int | None = None, *, newer: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.newer = newer  # written by a newer tuireader: open read-only, do not copy aside
        self.content: bytes | None = None  # the file's bytes, when the caller knows them


# Writing ------------------------------------------------------------------------------
#
# PyYAML's dumper manages ~4 MB/s, too slow for 10,000 notes; the file's shape is fixed, so
# it is written here directly. Strings are ``|-`` blocks when that keeps them exactly, else
# JSON strings, which are valid YAML double-quoted scalars once the characters YAML treats
# as line breaks or non-printable are escaped too. A property test reads what this writes
# with both of PyYAML's loaders (pure Python and libyaml) at every nesting level used.

_JSON_ESCAPE_MORE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_BLOCK_SAFE = re.compile(
    "[^\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]*"
)
_PLAIN_SAFE = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_PLAIN_RESERVED = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~", ""})


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    # A lone surrogate (from an undecodable file name) cannot be written as UTF-8, and
    # libyaml refuses its \\u escape: it is written as U+FFFD, like any undecodable text.
    return "\ufffd" if "\ud800" <= char <= "\udfff" else f"\\u{ord(char):04x}"


def _quoted(value: str) -> str:
    text: str = encode_basestring(value)
    if _JSON_ESCAPE_MORE.search(text) is None:
        return text
    return _JSON_ESCAPE_MORE.sub(_escape, text)


def _block_ok(value: str) -> bool:
    if value.endswith("\n"):
        return False
    if _BLOCK_SAFE.fullmatch(value) is None:
        return False
    return not any(line != line.rstrip(" \t") for line in value.split("\n"))


def _block(value: str, indent: int) -> str:
    """A ``|-`` block, its lines ``indent + 2`` spaces in. YAML guesses a block's indentation
    from its first line with text; when that line starts with a space or a tab the guess
    would take those as indentation (or, with libyaml, fail on the tab), so the block then
    says its indentation: ``|2-``, two spaces more than the key's."""
    lines = value.split("\n")
    first = next(line for line in lines if line)  # the last line has text (no "\n" at the end)
    header = "|2-" if first[0] in " \t" else "|-"
    pad = " " * (indent + 2)
    return header + "\n" + "\n".join(pad + line if line else "" for line in lines)


def scalar(value: str | int | None, indent: int = 0) -> str:
    """One value as YAML text, for a key at ``indent`` spaces."""
    if value.__class__ is str:
        assert isinstance(value, str)
        if "\n" in value:
            return _block(value, indent) if _block_ok(value) else _quoted(value)
        if _PLAIN_SAFE.fullmatch(value) and value.lower() not in _PLAIN_RESERVED:
            return value
        return _quoted(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _record(record: Record, out: list[str], memo: dict[str, tuple[Record, str]]) -> None:
    known = memo.get(record.id)
    if known is not None and known[0] is record:
        out.append(known[1])
        return
    lines: list[str] = []
    _record_lines(record, lines)
    text = "\n".join(lines)
    memo[record.id] = (record, text)
    out.append(text)


def _q2(value: str | None) -> str:
    """A value for a key two spaces in (a record's, the document's, the position's)."""
    return scalar(value, 2)


def _record_lines(record: Record, out: list[str]) -> None:
    q = _q2
    key = "passage" if record.kind is Kind.NOTE or "." in record.target else "section"
    out.append(f"- id: {q(record.id)}\n  {key}: {q(record.target)}")
    if record.deleted is not None:
        out.append(f"  deleted: {q(record.deleted)}")
    else:
        if record.kind is Kind.NOTE:
            out.append(f"  body: {q(record.body)}")
        anchor = record.anchor
        out.append(
            f"  quote:\n    exact: {scalar(anchor.exact, 4)}"
            f"\n    prefix: {scalar(anchor.prefix, 4)}\n    suffix: {scalar(anchor.suffix, 4)}"
        )
    out.append(f"  created: {q(record.created)}\n  updated: {q(record.updated)}")


HEADER = (
    "# tuireader notes and bookmarks for one document; see docs/notes-format.md.\n"
    "# Safe to edit by hand while tuireader is closed; keep the indentation.\n"
    "# Comments other than these lines are refused: tuireader could not keep them.\n"
)
#: Comment lines this program writes; any other comment makes the file refused.
HEADER_LINES = frozenset(HEADER.splitlines())


def dump(notes: NotesFile, memo: dict[str, tuple[Record, str]] | None = None) -> bytes:
    """The notes file's text (the shape of :func:`schema.to_data`, loaded back exactly).

    ``memo`` keeps each record's text between calls: records are immutable, so a save
    after one edit writes out one record anew, not ten thousand.
    """
    memo = {} if memo is None else memo
    q = _q2
    out = [
        f"{HEADER}schema: {SCHEMA_VERSION}",
        f"document:\n  fingerprint: {q(notes.fingerprint)}\n  path: {q(notes.path)}"
        f"\n  title: {q(notes.title)}",
    ]
    records = sorted(notes.records.values(), key=lambda r: (r.created, r.id))
    for kind, key in ((Kind.NOTE, "notes"), (Kind.BOOKMARK, "bookmarks")):
        chosen = [r for r in records if r.kind is kind]
        out.append(f"{key}:" if chosen else f"{key}: []")
        for record in chosen:
            _record(record, out, memo)
    if notes.position is not None:
        out.append(
            f"position:\n  passage: {q(notes.position.passage)}\n"
            f"  updated: {q(notes.position.updated)}"
        )
    if notes.draft is not None:
        draft = notes.draft
        out.append(
            f"draft:\n  target: {q(draft.target)}\n  note: {q(draft.note_id)}\n"
            f"  body: {q(draft.body)}\n  updated: {q(draft.updated)}"
        )
    return ("\n".join(out) + "\n").encode("utf-8")


def _line_of(text: str, path: tuple[str | int, ...]) -> int | None:
    """The line of the value at ``path``, found again in the node tree (only on errors)."""
    yaml = _yaml()
    try:
        node = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError:
        return None
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            found = next((v for k, v in node.value if getattr(k, "value", None) == step), None)
            if found is None:
                break
            node = found
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
        else:
            break
    return node.start_mark.line + 1 if node is not None else None


def _comment_line(text: str) -> int | None:
    """The line of the first comment other than the header's, if any.

    YAML drops comments when it reads, and the file is rewritten at each save, so a
    comment written by hand would be lost silently: the file is refused instead. Comments
    are what lies between YAML's tokens after a ``#``.
    """
    yaml = _yaml()
    end = 0
    for token in yaml.scan(text, Loader=_base_loader()):
        start = token.start_mark.index
        at = text.find("#", end, start)
        while at != -1:
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            line_end = len(text) if line_end == -1 else line_end
            if text[line_start:line_end] not in HEADER_LINES:
                return text.count("\n", 0, at) + 1
            at = text.find("#", line_end, start)
        end = max(end, token.end_mark.index)
    return None


def _refuse_comments(data: bytes, text: str, notes: NotesFile) -> None:
    """NotesFormatError if the file holds a comment of its writer's own (see above). Quick
    for files as this program writes them: those are compared, not scanned."""
    if data.find(b"#", len(HEADER)) == -1 and data.startswith(HEADER.encode()):
        return
    if dump(notes) == data:
        return
    try:
        line = _comment_line(text)
    except _yaml().YAMLError:  # it loaded, so it scans; if not, there is nothing to refuse
        return
    if line is not None:
        raise NotesFormatError(
            "it has a comment, which the next save would lose (tuireader does not keep "
            "comments): move the text into a note or delete the comment",
            line,
        )


def load(data: bytes) -> NotesFile:
    """Parse and validate a notes file; NotesFormatError says what and where."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise NotesFormatError("it is not valid UTF-8 text", line) from None
    yaml = _yaml()
    try:
        loaded = yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = (error.problem or "it is not valid YAML").strip()
        if "could not determine a constructor" in reason:
            reason = "it holds a YAML tag that notes files do not use"
        raise NotesFormatError(reason, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise NotesFormatError(f"it is not valid YAML ({error})") from None
    except RecursionError:
        raise NotesFormatError("it nests too deeply to be a notes file") from None
    if loaded is None:
        raise NotesFormatError("it is empty", 1)
    try:
        notes = from_data(loaded)
    except NewerSchemaError as error:
        raise NotesFormatError(str(error), _line_of(text, error.path), newer=True) from error
    except SchemaError as error:
        raise NotesFormatError(str(error), _line_of(text, error.path)) from error
    _refuse_comments(data, text, notes)
    return notes
