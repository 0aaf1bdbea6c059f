"""``tuireader config …``: the settings file.

``tuireader config path``          where it is (stdout), and whether it exists (stderr)
``tuireader config show``          the settings the reader would start with, each marked
                                   default, from the file, or remembered from the reader
``tuireader config init [--force]`` a starter file with every setting, commented out
``tuireader config check``         exit 0 if the file is right, else each problem and 2

The file is ``--config FILE``, else ``$TUIREADER_CONFIG``, else ``config.toml`` in the user
config folder. See docs/config.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tuireader.errors import UserError
from tuireader.settings import find_config, load_settings
from tuireader.settings.load import LoadedSettings, shown_path, visible
from tuireader.settings.starter import show_text, starter_text
from tuireader.store import files
from tuireader.store.index import default_data_dir

EXIT_BAD_FILE = 2


def _named(named_by: str | None) -> str:
    return f" (named by {named_by})" if named_by else ""


def cmd_path(args: argparse.Namespace) -> int:
    path, named_by = find_config(args.config)
    print(visible(str(path.absolute())))  # the path itself (for scripts), made safe
    if path.is_file():
        print(f"It exists{_named(named_by)}.", file=sys.stderr)
    else:
        print(
            f"It does not exist{_named(named_by)}: every setting is its default; "
            "`tuireader config init` writes a starter file there.",
            file=sys.stderr,
        )
    return 0


def _data_dir(args: argparse.Namespace, loaded: LoadedSettings) -> tuple[Path, str]:
    if getattr(args, "data_dir", None):
        return Path(args.data_dir), "option"
    if loaded.settings.data_dir is not None:
        return loaded.settings.data_dir, "file"
    return default_data_dir(), "default"


def _problems(loaded: LoadedSettings) -> list[str]:
    """Every problem of the file as a sentence, the theme's name checked too."""
    extra = []
    if "theme" in loaded.explicit:
        from tuireader.ui.themes import theme_names  # Textual knows the themes

        theme_problem = loaded.theme_problem(theme_names())
        if theme_problem is not None:
            extra.append(theme_problem)
    return loaded.sentences(extra)


def cmd_show(args: argparse.Namespace) -> int:
    from tuireader.store.choices import RememberedChoices

    loaded = load_settings(args.config)
    for sentence in _problems(loaded):
        print(f"tuireader: {sentence}", file=sys.stderr)
    data_dir, data_source = _data_dir(args, loaded)
    remembered, problem = RememberedChoices(data_dir).load()
    if problem:
        print(f"tuireader: {problem}", file=sys.stderr)
    settings, sources = loaded.with_remembered(remembered)
    sources["data_dir"] = data_source
    where = shown_path(loaded.path)
    if not loaded.exists:
        heading = f"{where} does not exist: every setting is its default."
    else:
        heading = f"The settings from {where}{_named(loaded.named_by)}."
    sys.stdout.write(show_text(settings, sources, data_dir, heading))
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    path, _named_by = find_config(args.config)
    text = starter_text(default_data_dir()).encode()
    where = shown_path(path)
    if path.is_dir():
        raise UserError(f"{where} is a folder; name a file with --config.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if args.force:
            existed = path.exists()
            files.atomic_write(path, text, backup=True)
        else:
            existed = False
            # O_EXCL: a file made meanwhile (another `init`) is not overwritten either.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(text)
    except FileExistsError:
        raise UserError(
            f"{where} already exists; `tuireader config init --force` replaces it "
            "(keeping the old one as a .bak file beside it)."
        ) from None
    except files.StoreIOError as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(files.describe_os_error(error, "write", path)) from None
    kept = f" (the old one is {shown_path(path.with_name(path.name + '.bak'))})" if existed else ""
    print(f"Wrote {where}{kept}: every setting, commented out, with its default.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    loaded = load_settings(args.config)
    sentences = _problems(loaded)
    for sentence in sentences:
        print(f"tuireader: {sentence}", file=sys.stderr)
    if sentences:
        return EXIT_BAD_FILE
    where = shown_path(loaded.path)
    if loaded.exists:
        print(f"{where} is fine.")
    else:
        print(f"{where} does not exist: every setting is its default.")
    return 0


def register(
    commands: argparse._SubParsersAction[Any],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    config = commands.add_parser("config", help="the settings file: path, show, init, check")
    common(config)
    actions = config.add_subparsers(dest="config_command", required=True, metavar="ACTION")
    for name, handler, text in (
        ("path", cmd_path, "where the settings file is, and whether it exists"),
        ("show", cmd_show, "the settings the reader starts with, and where each comes from"),
        ("init", cmd_init, "write a starter file with every setting, commented out"),
        ("check", cmd_check, "check the settings file (exit status 2 if it has a problem)"),
    ):
        action = actions.add_parser(name, help=text, description=text)
        common(action)
        action.set_defaults(handler=handler)
        if name == "init":
            action.add_argument(
                "--force", action="store_true", help="replace a file that is already there"
            )
