"""``tuireader notes …`` and ``tuireader bookmarks …``: the store without the reader.

notes list [FILE] [--json]                     (--all: every document with notes)
notes add [FILE] --passage ID --text TEXT      (--text - reads standard input)
notes edit NOTE_ID [FILE]                      (in $VISUAL or $EDITOR)
notes delete [FILE] NOTE_ID
notes export [FILE] [--format markdown|json|yaml] [-o OUT]
notes import OUT [FILE] [--delete] [--dry-run] (an edited Markdown export, read back)
bookmarks list [FILE] [--json]
bookmarks add [FILE] (--passage ID | --section ID)
bookmarks delete [FILE] BOOKMARK_ID
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tuireader import cli_library
from tuireader.errors import UserError as CommandError
from tuireader.errors import warn
from tuireader.export import export_data, item_dict, to_json, to_markdown, to_yaml
from tuireader.intake import is_address, open_source
from tuireader.load import STDIN
from tuireader.model import Document
from tuireader.notes_markdown import Export, ExportFormatError, parse
from tuireader.store import DocumentNotes, Kind, NotesStore, StoreError
from tuireader.terminal_text import terminal_json, terminal_safe

Handler = Callable[[argparse.Namespace], int]


def notes_for(
    document: Document, path: Path | None, args: argparse.Namespace, *, to_show: bool = False
) -> DocumentNotes:
    """The document's notes, with their warnings on stderr. ``to_show``: the command shows
    them, so notes that exist but cannot be read are an error, not an empty list."""
    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else None
    notes = NotesStore(data_dir).open(document, path)
    refused = to_show and notes.unavailable
    for warning in notes.warnings:
        if not (refused and warning == notes.read_only):
            warn(warning)
    if refused:
        raise CommandError(notes.read_only or "The notes of this document cannot be read.")
    return notes


def open_notes(args: argparse.Namespace, *, to_show: bool = False) -> DocumentNotes:
    # ``-`` is a file here: standard input may hold a note's text (``--text -``).
    opened = open_source(args.file, stdin=False)
    for warning in opened.document.warnings:
        warn(warning)
    return notes_for(opened.document, opened.path, args, to_show=to_show)


def _save(notes: DocumentNotes, undone: str) -> None:
    """Save, or fail with what went wrong and ``undone``: this process ends, so nothing
    it changed is kept for a later try (unlike in the reader)."""
    try:
        result = notes.save()
    except StoreError as error:
        raise CommandError(f"{error.reason} {undone}") from None
    for message in result.messages:
        warn(message)


def _print_items(notes: DocumentNotes, kind: Kind, as_json: bool) -> int:
    items = notes.notes() if kind is Kind.NOTE else notes.bookmarks()
    if as_json:
        sys.stdout.write(terminal_json([item_dict(i) for i in items]) + "\n")
        return 0
    if not items:
        print(f"No {kind}s yet.")
        return 0
    for item in items:  # everything here may come from a hand-written notes file
        status = "" if item.status.value == "anchored" else f"  [{item.status.value}]"
        print(f"{terminal_safe(item.record.id)}  {terminal_safe(item.target)}{status}")
        if kind is Kind.NOTE:
            for line in terminal_safe(item.record.body, multiline=True).split("\n"):
                print(f"    {line}")
        print(f"    > {terminal_safe(item.record.anchor.exact[:100])}")
    return 0


def _mutate(args: argparse.Namespace, change: Callable[[DocumentNotes], str], undone: str) -> int:
    """Make one change and save it; ``undone`` says what did not happen if saving fails."""
    notes = open_notes(args)
    try:
        message = change(notes)
    except StoreError as error:
        raise CommandError(str(error)) from None
    _save(notes, undone)
    print(terminal_safe(message))
    return 0


def notes_list(args: argparse.Namespace) -> int:
    if args.all:
        return cli_library.list_all(args)
    return _print_items(open_notes(args, to_show=True), Kind.NOTE, args.json)


#: The longest note read from standard input (``--text -``).
MAX_NOTE_BYTES = 16 * 1024 * 1024


def _decode(data: bytes, where: str) -> str:
    """Note text from bytes: UTF-8, what is not UTF-8 shown as U+FFFD, and said so."""
    text = data.decode("utf-8-sig", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad:
        warn(f"{where} is not valid UTF-8: {bad} byte sequence(s) are kept as \ufffd.")
    return text


def _note_text(arg: str) -> str:
    if arg != "-":
        if any("\ud800" <= char <= "\udfff" for char in arg):  # bytes that are not UTF-8
            return _decode(os.fsencode(arg), "The text given with --text")
        return arg
    data = sys.stdin.buffer.read(MAX_NOTE_BYTES + 1)
    if len(data) > MAX_NOTE_BYTES:
        raise CommandError(
            f"The note on standard input is larger than {MAX_NOTE_BYTES // (1024 * 1024)} MiB;"
            " it was not added."
        )
    text = _decode(data, "Standard input")
    return text[:-2] if text.endswith("\r\n") else text.removesuffix("\n")


def notes_add(args: argparse.Namespace) -> int:
    text = _note_text(args.text)
    if not text.strip():
        raise CommandError("The note is empty; give its text with --text.")
    return _mutate(args, lambda n: n.add_note(args.passage, text).id, "The note was not added.")


def notes_delete(args: argparse.Namespace) -> int:
    return _mutate(
        args, lambda n: f"Deleted {n.delete(args.record_id).id}.", "Nothing was deleted."
    )


def notes_export(args: argparse.Namespace) -> int:
    notes = open_notes(args, to_show=True)
    formats = {"markdown": to_markdown, "json": to_json, "yaml": to_yaml}
    text = formats[args.format](notes)
    if args.output and args.output != "-":
        try:  # a file for other programs: the notes exactly as written
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        except OSError as error:
            raise CommandError(f"Could not write {args.output}: {error.strerror}.") from None
    elif sys.stdout.isatty() and args.format == "json":  # exact, with controls escaped
        sys.stdout.write(terminal_json(export_data(notes)) + "\n")
    elif sys.stdout.isatty():  # for the eyes: nothing in a note may drive the terminal
        sys.stdout.write(terminal_safe(text, multiline=True))
    else:  # a pipe or a redirection is a file too
        sys.stdout.write(text)
    return 0


#: The largest export read back.
MAX_EXPORT_BYTES = 64 * 1024 * 1024


def _read_export(name: str) -> Export:
    from tuireader.safe_read import FileTooLargeError, NotRegularFileError, read_regular_file

    try:
        data = read_regular_file(Path(name), MAX_EXPORT_BYTES)
    except NotRegularFileError as error:
        raise CommandError(f"{name} is {error.what}, so nothing was imported.") from None
    except FileTooLargeError:
        raise CommandError(
            f"{name} is larger than {MAX_EXPORT_BYTES // (1024 * 1024)} MiB, so nothing was "
            "imported."
        ) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise CommandError(f"Could not read {name}: {reason}.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(f"{name} is not UTF-8 text, so nothing was imported.") from None
    try:
        export = parse(text)
    except ExportFormatError as error:
        raise CommandError(f"{name}: {error} Nothing was imported.") from None
    if export.crlf:
        warn(f"{name} has Windows line ends (an editor changed them); they were read as plain.")
    return export


def _notes_of_export(export: Export, args: argparse.Namespace) -> DocumentNotes:
    """The notes to import into: of FILE, else of the document the export was made from."""
    if args.file:
        name = args.file
    elif export.path in ("", STDIN):
        raise CommandError(
            "This export is of a document read from standard input: give its file "
            "(`tuireader notes import OUT FILE`)."
        )
    elif is_address(export.path):  # a web page: fetched again, or read from the cache
        name = export.path
    else:
        name = export.path
        if not Path(name).is_file():
            raise CommandError(
                f"The document of this export, {terminal_safe(name)}, is no longer there: "
                "give its file (`tuireader notes import OUT FILE`)."
            )
    opened = open_source(name, stdin=False)
    notes = notes_for(opened.document, opened.path, args, to_show=True)
    if notes.document.fingerprint != export.fingerprint:
        if notes.source != export.path:
            raise CommandError(
                f"This export is of another document ({export.path}); give that document's "
                "file, or export the notes of this one."
            )
        warn(
            "The document has changed since the export: notes are matched by their ids, and "
            "new ones go on the passages with those ids now."
        )
    return notes


def notes_import(args: argparse.Namespace) -> int:
    from tuireader.notes_import import Action, ImportProblem, apply, plan

    export = _read_export(args.export_file)
    notes = _notes_of_export(export, args)
    try:
        changes = plan(notes, export, delete=args.delete)
    except ImportProblem as error:
        raise CommandError(f"{args.export_file}: {error}") from None
    if not args.dry_run and any(c.action is not Action.KEEP for c in changes):
        try:
            changes = apply(notes, changes)
        except StoreError as error:
            raise CommandError(f"{error} Nothing was imported.") from None
        _save(notes, "Nothing was imported.")
    for change in changes:
        print(terminal_safe(change.describe(done=not args.dry_run)))
    made = {a: sum(c.action is a for c in changes) for a in Action}
    name = terminal_safe(args.export_file)
    changed, added, deleted = made[Action.UPDATE], made[Action.ADD], made[Action.DELETE]
    notes_word = "note" if changed == 1 else "notes"
    if not changed + added + deleted:
        print(f"Nothing to import: the notes are as {name} has them.")
    elif args.dry_run:
        print(
            f"Nothing was changed (--dry-run): {changed} {notes_word} would change, {added} "
            f"would be added and {deleted} deleted."
        )
    else:
        print(f"Imported {name}: {changed} {notes_word} changed, {added} added, {deleted} deleted.")
    return 0


def notes_edit(args: argparse.Namespace) -> int:
    from tuireader.external_editor import EditorError, editor_command, run_editor

    note_id = args.record_id
    notes = open_notes(args) if args.file else cli_library.notes_holding(note_id, args)
    record = notes.get(note_id)
    if record is None or record.kind is not Kind.NOTE:
        raise CommandError(f"There is no note {note_id!r} in this document's notes.")
    if notes.read_only:
        raise CommandError(notes.read_only)
    try:
        edited = run_editor(editor_command(), record.body)
    except EditorError as error:
        raise CommandError(str(error)) from None
    if edited.warning:
        warn(edited.warning)
    if not edited.text.strip():
        raise CommandError(
            f"The note came back empty, so it was not changed (`tuireader notes delete "
            f"{note_id}` deletes it)."
        )
    if edited.text == record.body:
        print(f"Note {terminal_safe(note_id)} is unchanged.")
        return 0
    notes.edit_note(note_id, edited.text)
    try:
        result = notes.save()
    except StoreError as error:
        kept = _keep_aside(edited.text)
        raise CommandError(f"{error.reason} The note was not changed{kept}.") from None
    for message in result.messages:
        warn(message)
    print(f"Note {terminal_safe(note_id)} saved.")
    return 0


def _keep_aside(text: str) -> str:
    """Text that could not be saved, kept in a private file: ", your text is in F"."""
    import tempfile

    try:
        descriptor, name = tempfile.mkstemp(prefix="tuireader-note-", suffix=".md")
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as out:
            out.write(text + "\n")
    except OSError:
        return ""
    return f"; your text is kept in {name}"


def bookmarks_list(args: argparse.Namespace) -> int:
    return _print_items(open_notes(args, to_show=True), Kind.BOOKMARK, args.json)


def bookmarks_add(args: argparse.Namespace) -> int:
    target = args.passage or args.section
    return _mutate(args, lambda n: n.add_bookmark(target).id, "The bookmark was not added.")


def register(
    commands: argparse._SubParsersAction[Any],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add the ``notes`` and ``bookmarks`` commands to the CLI's sub-parsers."""
    notes = commands.add_parser("notes", help="list, add, delete or export notes")
    note_commands = notes.add_subparsers(dest="action", required=True)
    bookmarks = commands.add_parser("bookmarks", help="list, add or delete bookmarks")
    mark_commands = bookmarks.add_subparsers(dest="action", required=True)

    def sub(
        group: argparse._SubParsersAction[Any],
        name: str,
        handler: Handler,
        help: str,
        *first: tuple[str, str],
    ) -> argparse.ArgumentParser:
        """A command taking ``[FILE]``, after the positionals ``first`` (dest, METAVAR)."""
        parser: argparse.ArgumentParser = group.add_parser(name, help=help)
        common(parser)
        for dest, metavar in first:
            parser.add_argument(dest, metavar=metavar)
        parser.add_argument("file", nargs="?", metavar="FILE")
        parser.set_defaults(handler=handler)
        return parser

    for group, kind, lister in (
        (note_commands, "notes", notes_list),
        (mark_commands, "bookmarks", bookmarks_list),
    ):
        listing = sub(group, "list", lister, f"list the {kind} of a document")
        listing.add_argument("--json", action="store_true", help="print JSON")
        if kind == "notes":
            listing.add_argument(
                "--all",
                action="store_true",
                help="list every document with notes or bookmarks instead",
            )
        deleting = sub(group, "delete", notes_delete, f"delete one of the {kind}")
        deleting.add_argument("record_id", metavar="ID")

    add = sub(note_commands, "add", notes_add, "add a note to a passage")
    add.add_argument("--passage", required=True, metavar="ID", help="a passage id, like qa-3.p2")
    add.add_argument("--text", required=True, help="the note; - reads it from standard input")

    export = sub(note_commands, "export", notes_export, "write all notes as Markdown or JSON")
    export.add_argument(
        "--format",
        choices=("markdown", "json", "yaml"),
        default="markdown",
        help="markdown (the default) can be edited and read back with `notes import`",
    )
    export.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")

    back = sub(
        note_commands,
        "import",
        notes_import,
        "read an edited Markdown export back into the notes",
        ("export_file", "OUT"),
    )
    back.add_argument(
        "--delete", action="store_true", help="delete the notes removed from OUT (or emptied)"
    )
    back.add_argument(
        "--dry-run", action="store_true", help="print what would change, and change nothing"
    )
    sub(
        note_commands,
        "edit",
        notes_edit,
        "change a note's text in $VISUAL or $EDITOR",
        ("record_id", "NOTE_ID"),
    )

    mark = sub(mark_commands, "add", bookmarks_add, "bookmark a passage or a section")
    where = mark.add_mutually_exclusive_group(required=True)
    where.add_argument("--passage", metavar="ID", help="a passage id, like qa-3.p2")
    where.add_argument("--section", metavar="ID", help="a section id, like qa-3")
