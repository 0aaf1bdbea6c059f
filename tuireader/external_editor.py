"""Writing a note in the user's own editor: ``$VISUAL``, else ``$EDITOR``. Headless.

The command is split as a shell would split it (``EDITOR="code --wait"`` works), and run on
a private temporary file (a folder of its own, 0700, the file 0600) holding the text and a
final line break. The text comes back without that line break. There is no default
editor: when neither variable is set, :func:`editor_command` says how to set one.

Nothing is lost when the editor fails. An editor that cannot be started, is stopped by a
signal or exits with a status other than 0 raises :class:`EditorError` (one sentence), and
if it had written to the file meanwhile, the file is kept and the sentence names it.
The reader suspends itself around :func:`run_editor`; ``tuireader notes edit`` calls it
directly.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "note.md"
#: The largest text taken back from the editor.
MAX_BYTES = 16 * 1024 * 1024


class EditorError(Exception):
    """The editor could not be used; the message is one plain sentence, and says what
    became of the text."""


@dataclass(frozen=True, slots=True)
class Edited:
    text: str
    #: A sentence for the user when the text needed mending (bytes that are not UTF-8).
    warning: str | None = None


def editor_command(env: Mapping[str, str] | None = None) -> list[str]:
    """The editor to run, as arguments; EditorError if none is set or it is not found."""
    env = os.environ if env is None else env
    name, value = next(
        ((name, env[name]) for name in ("VISUAL", "EDITOR") if env.get(name, "").strip()),
        ("EDITOR", ""),
    )
    if not value:
        raise EditorError(
            "No editor is set: set $VISUAL or $EDITOR to the one you use "
            "(for example `export EDITOR=nano`)."
        )
    try:
        command = shlex.split(value)
    except ValueError as error:
        raise EditorError(f"${name} is not a command that can be run: {error}.") from None
    if not command:
        raise EditorError(f"${name} holds no command.")
    program = command[0]
    found = shutil.which(program, path=env.get("PATH"))
    if found is None:
        raise EditorError(f"The editor in ${name}, {shlex.quote(program)}, was not found.")
    return command


def run_editor(command: list[str], text: str) -> Edited:
    """Open ``text`` in the editor and wait for it; the text it leaves in the file.

    EditorError if it fails. The terminal must be the editor's meanwhile (the reader is
    suspended); its standard streams are this process's.
    """
    folder = Path(tempfile.mkdtemp(prefix="tuireader-"))  # 0700, ours alone
    file = folder / FILE_NAME
    written = (text + "\n").encode("utf-8", "surrogatepass")
    keep = False
    try:
        descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(written)
        name = shlex.quote(command[0])
        try:
            finished = subprocess.run([*command, str(file)], check=False)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise EditorError(
                f"The editor {name} could not be started ({reason}); the note was not changed."
            ) from None
        data = _read_back(file)
        if data is not None and len(data) > MAX_BYTES:
            keep = True
            raise EditorError(
                f"The text written in the editor is larger than {MAX_BYTES // (1024 * 1024)} "
                f"MiB, so the note was not changed; it is kept in {file}."
            )
        if finished.returncode != 0:
            how = (
                f"was stopped by signal {-finished.returncode}"
                if finished.returncode < 0
                else f"exited with status {finished.returncode}"
            )
            if data is not None and data != written:
                keep = True
                raise EditorError(
                    f"The editor {name} {how}, so the note was not changed; "
                    f"what it wrote is kept in {file}."
                )
            raise EditorError(f"The editor {name} {how}, so the note was not changed.")
        if data is None:
            raise EditorError(
                f"The editor {name} left no file to read back (it may save elsewhere), "
                "so the note was not changed."
            )
        return _decoded(data)
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def _read_back(file: Path) -> bytes | None:
    try:
        with open(file, "rb") as source:
            data = source.read(MAX_BYTES + 1)
    except OSError:
        return None
    return data


def _decoded(data: bytes) -> Edited:
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    warning = (
        f"The editor wrote {bad} byte sequence(s) that are not UTF-8; they are kept as \ufffd."
        if bad
        else None
    )
    text = text[:-2] if text.endswith("\r\n") else text.removesuffix("\n")
    return Edited(text, warning)
