"""The command line: ``tuireader [FILE]`` opens the reader; sub-commands work without it.

``tuireader sections [FILE] [--json]``   the structure of a document
``tuireader show SECTION_ID [FILE]``     one section as plain wrapped text
``tuireader search QUERY [FILE]``        hits with their section ids and context (exit 1: none);
                                        ``--notes --all``: the notes of every document
``tuireader notes|bookmarks …``          the notes store (see :mod:`tuireader.cli_notes`)
``tuireader config path|show|init|check`` the settings file (see :mod:`tuireader.cli_config`)

``--config FILE`` (or ``$TUIREADER_CONFIG``) names the settings file; its ``data_dir`` is
where notes are unless ``--data-dir`` says otherwise.

Textual is imported only when the reader is about to start, so these answer quickly.
Every failure is one plain sentence on stderr and exit status 2. Text from outside (the
document, notes, file names) is printed through :func:`terminal_safe`; JSON output through
:func:`terminal_json`, which is exact and escapes every control character.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from tuireader import __version__
from tuireader.cli_reader import keys_from_the_terminal, reader_app, run_reader
from tuireader.errors import UserError, warn
from tuireader.intake import Opened, open_source
from tuireader.model import BlockKind, Document, Passage, Section
from tuireader.terminal_text import terminal_json, terminal_safe
from tuireader.text import DocumentError

if TYPE_CHECKING:
    from tuireader.settings import LoadedSettings

EXIT_ERROR = 2


def _passage_json(passage: Passage) -> dict[str, Any]:
    """A passage; its block kind, level and spans only when it has them (Markdown)."""
    out: dict[str, Any] = {"id": passage.id, "speaker": passage.speaker, "text": passage.text}
    if passage.block is not BlockKind.PARAGRAPH:
        out["block"] = passage.block.value
    if passage.level:
        out["level"] = passage.level
    if passage.spans:
        out["spans"] = [
            {"start": s.start, "end": s.end, "style": s.style.value}
            | ({"target": s.target} if s.target is not None else {})
            for s in passage.spans
        ]
    return out


def _section_json(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "kind": section.kind.value,
        "title": section.title,
        "passages": [_passage_json(p) for p in section.passages],
        "children": [_section_json(child) for child in section.children],
    }


def document_json(document: Document) -> dict[str, Any]:
    """The structure as JSON; ``metadata`` and ``dropped`` appear when there are any."""
    out: dict[str, Any] = {"title": document.title}
    if document.metadata:
        out["metadata"] = dict(document.metadata)
    out["sections"] = [_section_json(s) for s in document.sections]
    if document.dropped:
        out["dropped"] = [
            {"line": d.line, "text": d.text, "reason": d.reason} for d in document.dropped
        ]
    return out


def dropped_lines(document: Document) -> str:
    """``LINE  REASON  TEXT`` for every line left out of the passages."""
    if not document.dropped:
        return ""
    width = max(len(str(d.line)) for d in document.dropped)
    reason = max(len(d.reason) for d in document.dropped)
    return "".join(f"{d.line:>{width}}  {d.reason:<{reason}}  {d.text}\n" for d in document.dropped)


def _open(file: str | None) -> Opened:
    """The document FILE names (a file, ``-``, a saved page, an address), its warnings told."""
    opened = open_source(file)
    for warning in opened.document.warnings:
        warn(warning)
    return opened


def _load(file: str | None) -> Document:
    return _open(file).document


def _write(text: str) -> None:
    """Text for a person to read: shown safely, lines and tabs kept."""
    sys.stdout.write(terminal_safe(text, multiline=True))


def cmd_sections(args: argparse.Namespace) -> int:
    document = _load(args.file)
    if args.dropped:
        listing = dropped_lines(document)
        _write(listing)
        if not listing:
            print("No lines were dropped: every line is in a passage.", file=sys.stderr)
        return 0
    if args.json:
        sys.stdout.write(terminal_json(document_json(document)) + "\n")
        return 0
    lines = [terminal_safe(document.title)]
    lines.extend(
        terminal_safe(f"  {key}: {' '.join(value.split())}")
        for key, value in document.metadata.items()
    )
    lines.append("")
    width = max(len(s.id) for s in document.walk()) if document.sections else 0
    for top in document.sections:
        for section in top.walk():
            indent = "  " if section is not top else ""
            count = len(section.passages)
            suffix = f"  ({count} passage{'s' if count != 1 else ''})" if count else ""
            title = terminal_safe(section.title)
            lines.append(f"{indent}{section.id:<{width}}  {title}{suffix}")
    _write("\n".join(lines) + "\n")
    return 0


#: How ``show`` marks Markdown blocks in plain text (a heading gets its level's marks).
_LEADS = {BlockKind.LIST_ITEM: "- "}


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
        if passage.block is BlockKind.CODE:
            out.extend("    " + line for line in passage.text.split("\n"))
            out.append("")
            continue
        lead = _LEADS.get(passage.block, "")
        if passage.block is BlockKind.HEADING:
            lead = "#" * max(passage.level, 1) + " "
        elif passage.block is BlockKind.LIST_ITEM:
            lead = "  " * max(passage.level - 1, 0) + lead
        elif passage.block is BlockKind.QUOTE:
            lead = "> " * max(passage.level, 1)
        filled = textwrap.fill(
            text,
            width=width,
            break_on_hyphens=False,
            initial_indent=lead,
            subsequent_indent=" " * len(lead) if passage.block is not BlockKind.QUOTE else lead,
        )
        out.append(filled or text)
        out.append("")
    for child in section.children:
        out.append(f"- {child.id}: {child.title}")
    return "\n".join(out).rstrip("\n") + "\n"


def cmd_show(args: argparse.Namespace) -> int:
    document = _load(args.file)
    import shutil

    width = max(20, args.width or min(shutil.get_terminal_size((80, 24)).columns, 100))
    section = document.section(args.section_id)
    if section is not None:
        _write(render_section(section, width))
        return 0
    found = document.passage(args.section_id)  # a passage id, as `sections --json` prints
    if found is None:
        raise UserError(
            f"There is no section or passage {args.section_id!r} in this document; "
            "`tuireader sections` lists the ids."
        )
    _write(render_passage(found[1], width))
    return 0


def render_passage(passage: Passage, width: int) -> str:
    """One passage as plain text, with its speaker."""
    import textwrap

    text = f"{passage.speaker}: {passage.text}" if passage.speaker else passage.text
    return (textwrap.fill(text, width=width, break_on_hyphens=False) or text) + "\n"


def cmd_search(args: argparse.Namespace) -> int:
    from tuireader.cli_notes import notes_for
    from tuireader.search import Query, Scope, SearchError, search_document

    if not args.query.strip():
        raise UserError("Give something to search for (a word, or a pattern with --regex).")
    if args.notes:
        args.scope = Scope.NOTES.value
    if args.all:  # the notes of every document, from the notes files alone
        from tuireader.cli_library import search_all

        return search_all(args)
    opened = _open(args.file)
    document = opened.document
    notes = notes_for(document, opened.path, args)  # says so if they come from a backup
    try:
        hits = list(
            search_document(document, Query(args.query, args.regex, Scope(args.scope)), notes)
        )
    except SearchError as error:
        raise UserError(str(error)) from None
    if args.json:
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
        sys.stdout.write(terminal_json(rows) + "\n")
    else:
        width = max((len(h.passage_id or h.section_id) for h in hits), default=0)
        for hit in hits:
            where = terminal_safe(hit.passage_id or hit.section_id or "(orphaned)")
            _write(f"{where:<{width}}  {hit.kind:<8}  {terminal_safe(hit.context)}\n")
        if not hits:
            print("No matches.", file=sys.stderr)
    return 0 if hits else 1


def cmd_read(args: argparse.Namespace) -> int:
    from tuireader import gc_tuning

    if not sys.stdout.isatty():  # `tuireader FILE > out`, `| less`: the text, as less does
        _write("".join(render_section(s, 100) + "\n" for s in _load(args.file).readable()))
        return 0
    gc_tuning.collect_less_often()
    app = reader_app(args, freeze=gc_tuning.freeze_long_lived, pause=gc_tuning.paused)
    keys_from_the_terminal()  # after a document piped in has been read
    return run_reader(app)


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


class _Parser(argparse.ArgumentParser):
    """argparse quotes what it could not parse (a file name, a choice) in its errors: shown
    safely like every other message. Sub-parsers are made of the same class."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {terminal_safe(message)}\n")


def _reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tuireader",
        description="Read a long transcript or article in the terminal. Other commands: "
        "sections, show, search, notes, bookmarks, config (see `tuireader COMMAND --help`).",
    )
    parser.add_argument("--version", action="version", version=f"tuireader {__version__}")
    _common(parser)
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the document, or - for standard input (default: the bundled interview)",
    )
    parser.add_argument(
        "--at",
        metavar="PLACE",
        help="open at PLACE: a question's number (14), an id as printed (qa-3.p2) or 45%%",
    )
    parser.set_defaults(handler=cmd_read)
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tuireader")
    _common(parser)
    commands = parser.add_subparsers(dest="command", required=True)

    sections = commands.add_parser("sections", help="print the structure of a document")
    _common_sub(sections)
    sections.add_argument("file", nargs="?", metavar="FILE")
    sections.add_argument("--json", action="store_true", help="print JSON")
    sections.add_argument(
        "--dropped",
        action="store_true",
        help="print the lines left out of the text (page chrome, running headers, the "
        "repeated title) with their line numbers, to check nothing real was lost",
    )
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
    search.add_argument("--notes", action="store_true", help="search your notes only")
    search.add_argument(
        "--all", action="store_true", help="with --notes: the notes of every document"
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


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse, taking the FILE wherever it stands: argparse matches positionals in runs, so
    in ``search Q --json FILE`` the FILE after an option would be left over."""
    args, extra = parser.parse_known_args(argv)
    if len(extra) == 1 and not extra[0].startswith("-") and getattr(args, "file", "") is None:
        args.file = extra[0]
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The arguments, with the settings loaded (``args.settings``) for the commands that use
    them, and the settings' ``data_dir`` as ``args.data_dir`` unless ``--data-dir`` is given."""
    args_list = list(argv)
    parser = _command_parser() if _first_word(args_list) in COMMANDS else _reader_parser()
    args = _parse(parser, args_list)
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
            warn(problem)
    try:
        return handler(args)
    except (DocumentError, UserError) as error:
        warn(str(error))  # as written: it may start with a file name, kept as it is
        return EXIT_ERROR
    except MemoryError:
        what = f"{args.file} is" if getattr(args, "file", None) else "the document is"
        warn(f"There was not enough memory to finish: {what} too large for this computer.")
        return EXIT_ERROR
    except BrokenPipeError:
        # A reader of our output (head, less) went away: not an error worth a traceback.
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
