"""The command line: ``tuireader [FILE]`` opens the reader; sub-commands work without it.

``tuireader sections [FILE] [--json]``   the structure of a document
``tuireader show SECTION_ID [FILE]``     one section as plain wrapped text
``tuireader search QUERY [FILE]``        hits with their section ids and context (exit 1: none)
``tuireader notes|bookmarks …``          the notes store (see :mod:`tuireader.cli_notes`)
``tuireader config path|show|init|check`` the settings file (see :mod:`tuireader.cli_config`)

``--config FILE`` (or ``$TUIREADER_CONFIG``) names the settings file; its ``data_dir`` is
where notes are unless ``--data-dir`` says otherwise.

Textual is imported only when the reader is about to start, so these answer quickly.
Every failure is one plain sentence on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuireader import __version__
from tuireader.errors import UserError
from tuireader.load import open_document
from tuireader.model import Document, Section
from tuireader.text import DocumentError

if TYPE_CHECKING:
    from tuireader.settings import LoadedSettings
    from tuireader.ui.app import ReaderApp

EXIT_ERROR = 2


def _section_json(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "kind": section.kind.value,
        "title": section.title,
        "passages": [{"id": p.id, "speaker": p.speaker, "text": p.text} for p in section.passages],
        "children": [_section_json(child) for child in section.children],
    }


def document_json(document: Document) -> dict[str, Any]:
    return {"title": document.title, "sections": [_section_json(s) for s in document.sections]}


def _load(file: str | None) -> Document:
    document = open_document(Path(file) if file else None)
    for warning in document.warnings:
        print(f"tuireader: {warning}", file=sys.stderr)
    return document


def _write(text: str) -> None:
    sys.stdout.write(text)


def cmd_sections(args: argparse.Namespace) -> int:
    document = _load(args.file)
    if args.json:
        import json

        _write(json.dumps(document_json(document), ensure_ascii=False, indent=2) + "\n")
        return 0
    lines = [document.title, ""]
    width = max(len(s.id) for s in document.walk()) if document.sections else 0
    for top in document.sections:
        for section in top.walk():
            indent = "  " if section is not top else ""
            count = len(section.passages)
            suffix = f"  ({count} passage{'s' if count != 1 else ''})" if count else ""
            lines.append(f"{indent}{section.id:<{width}}  {section.title}{suffix}")
    _write("\n".join(lines) + "\n")
    return 0


def render_section(section: Section, width: int) -> str:
    """A section as plain text: the title, then each paragraph wrapped, speakers once a turn."""
    import textwrap

    out = [section.title, "=" * min(len(section.title), width), ""]
    previous: str | None = None
    for passage in section.passages:
        text = passage.text
        if passage.speaker and passage.speaker != previous:
            text = f"{passage.speaker}: {text}"
        previous = passage.speaker
        out.append(textwrap.fill(text, width=width, break_on_hyphens=False) or text)
        out.append("")
    for child in section.children:
        out.append(f"- {child.id}: {child.title}")
    return "\n".join(out).rstrip("\n") + "\n"


def cmd_show(args: argparse.Namespace) -> int:
    document = _load(args.file)
    section = document.section(args.section_id)
    if section is None:
        raise UserError(
            f"there is no section {args.section_id!r}; `tuireader sections` lists the ids."
        )
    import shutil

    width = args.width or min(shutil.get_terminal_size((80, 24)).columns, 100)
    _write(render_section(section, max(width, 20)))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from tuireader.search import Query, Scope, SearchError, search_document
    from tuireader.store import NotesStore

    path = Path(args.file) if args.file else None
    document = _load(args.file)
    notes = NotesStore(Path(args.data_dir) if getattr(args, "data_dir", None) else None).open(
        document, path
    )
    try:
        hits = list(
            search_document(document, Query(args.query, args.regex, Scope(args.scope)), notes)
        )
    except SearchError as error:
        raise UserError(str(error)) from None
    if args.json:
        import json

        rows = [
            {
                "section": h.section_id,
                "passage": h.passage_id,
                "kind": h.kind,
                "start": h.start,
                "end": h.end,
                "context": h.context,
                "note": h.record_id,
            }
            for h in hits
        ]
        _write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        width = max((len(h.passage_id or h.section_id) for h in hits), default=0)
        for hit in hits:
            where = hit.passage_id or hit.section_id or "(orphaned)"
            _write(f"{where:<{width}}  {hit.kind:<8}  {hit.context}\n")
        if not hits:
            print("No matches.", file=sys.stderr)
    return 0 if hits else 1


def _nothing() -> None:
    pass


def reader_app(args: argparse.Namespace, *, freeze: Callable[[], None] = _nothing) -> ReaderApp:
    """The reader as ``tuireader [FILE]`` makes it, from parsed arguments (see
    :func:`parse_args`: the settings are loaded there). ``freeze`` is called once the
    document's long-lived objects exist (the command freezes them out of the collector)."""
    path = Path(args.file) if args.file else None
    data_dir = Path(args.data_dir) if args.data_dir else None
    config: LoadedSettings | None = getattr(args, "settings", None)
    document = open_document(path, preview=True)
    from tuireader.store import DocumentNotes, NotesStore
    from tuireader.store.choices import RememberedChoices
    from tuireader.ui.app import make_reader  # Textual only now: keeps the CLI fast

    choices = RememberedChoices(NotesStore(data_dir).root)

    def the_rest() -> tuple[Document, DocumentNotes | None]:
        whole = open_document(path)
        notes = NotesStore(data_dir).open(whole, path)
        freeze()
        return whole, notes

    if document.partial:  # a large file: its start now, the rest (and notes) in a moment
        freeze()
        return make_reader(document, path=path, rest=the_rest, choices=choices, config=config)
    notes = NotesStore(data_dir).open(document, path)
    freeze()
    return make_reader(document, path=path, notes=notes, choices=choices, config=config)


def cmd_read(args: argparse.Namespace) -> int:
    from tuireader import gc_tuning

    gc_tuning.collect_less_often()
    app = reader_app(args, freeze=gc_tuning.freeze_long_lived)
    from tuireader.ui.app import run

    return run(app)


_CONFIG_HELP = (
    "read the settings from FILE (default: $TUIREADER_CONFIG, else config.toml in the "
    "user config folder; see `tuireader config path`)"
)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep notes and bookmarks in DIR instead of the user data folder",
    )
    parser.add_argument("--config", metavar="FILE", help=_CONFIG_HELP)


def _common_sub(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` and ``--config`` again after a command; SUPPRESS keeps a value given
    before it."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep notes and bookmarks in DIR",
    )
    parser.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS, help=_CONFIG_HELP)


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuireader",
        description="Read a long transcript or article in the terminal. Other commands: "
        "sections, show, search, notes, bookmarks, config (see `tuireader COMMAND --help`).",
    )
    parser.add_argument("--version", action="version", version=f"tuireader {__version__}")
    _common(parser)
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="the document (default: the bundled interview)"
    )
    parser.set_defaults(handler=cmd_read)
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tuireader")
    _common(parser)
    commands = parser.add_subparsers(dest="command", required=True)

    sections = commands.add_parser("sections", help="print the structure of a document")
    _common_sub(sections)
    sections.add_argument("file", nargs="?", metavar="FILE")
    sections.add_argument("--json", action="store_true", help="print JSON")
    sections.set_defaults(handler=cmd_sections)

    show = commands.add_parser("show", help="print one section as plain text")
    _common_sub(show)
    show.add_argument("section_id", metavar="SECTION_ID")
    show.add_argument("file", nargs="?", metavar="FILE")
    show.add_argument("--width", type=int, help="wrap at this many columns")
    show.set_defaults(handler=cmd_show)

    search = commands.add_parser("search", help="find text in a document and its notes")
    _common_sub(search)
    search.add_argument("query", metavar="QUERY")
    search.add_argument("file", nargs="?", metavar="FILE")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    search.add_argument(
        "--scope",
        default="everything",
        choices=["everything", "questions", "answers", "comments", "speech", "notes", "bookmarks"],
    )
    search.set_defaults(handler=cmd_search)

    from tuireader import cli_config, cli_notes  # only for the commands that use them

    cli_notes.register(commands, _common_sub)
    cli_config.register(commands, _common_sub)
    return parser


COMMANDS = frozenset({"sections", "show", "search", "notes", "bookmarks", "config"})
#: The commands that use the settings (for the data folder, or the reader's own).
_WITH_SETTINGS = frozenset({None, "search", "notes", "bookmarks"})
_OPTIONS_WITH_VALUE = frozenset({"--data-dir", "--config"})


def _first_word(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _OPTIONS_WITH_VALUE:
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The arguments, with the settings loaded (``args.settings``) for the commands that use
    them, and the settings' ``data_dir`` as ``args.data_dir`` unless ``--data-dir`` is given."""
    args_list = list(argv)
    parser = _command_parser() if _first_word(args_list) in COMMANDS else _reader_parser()
    args = parser.parse_args(args_list)
    if getattr(args, "command", None) in _WITH_SETTINGS:
        from tuireader.settings import load_settings

        args.settings = load_settings(args.config)
        if not args.data_dir and args.settings.settings.data_dir is not None:
            args.data_dir = str(args.settings.settings.data_dir)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    args = parse_args(sys.argv[1:] if argv is None else argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    config: LoadedSettings | None = getattr(args, "settings", None)
    if config is not None and handler is not cmd_read:  # the reader shows it on screen
        problem = config.summary()
        if problem:
            print(f"tuireader: {problem}", file=sys.stderr)
    try:
        return handler(args)
    except (DocumentError, UserError) as error:
        message = str(error)
        print(f"tuireader: {message[:1].upper()}{message[1:]}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # A reader of our output (head, less) went away: not an error worth a traceback.
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
