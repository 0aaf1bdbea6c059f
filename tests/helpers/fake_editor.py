"""A stand-in for the user's $EDITOR: ``fake_editor.py MODE [ARG] FILE`` changes FILE as a
person in an editor would, then exits as told. Modes:

- ``append TEXT``: TEXT added at the end of the last line (the final line break kept);
- ``write TEXT``: the file becomes TEXT exactly (``bytes HEX``: those bytes);
- ``fail STATUS``: writes "half a thought" and exits with STATUS;
- ``quit STATUS``: changes nothing and exits with STATUS;
- ``ask``: prints ``EDITING <name>`` on the terminal, reads one line from it and puts it at
  the end of the file (to prove the editor has the terminal while the reader waits);
- ``report OUT``: writes the file's mode, its folder's mode and its text to OUT.

:func:`editor` gives the command line to put in $EDITOR.
"""

from __future__ import annotations

import json
import os
import shlex
import stat
import sys
from pathlib import Path

HERE = Path(__file__).resolve()


def editor(*args: str) -> str:
    """The value of $EDITOR that runs this script with ``args`` (then the file)."""
    return shlex.join([sys.executable, str(HERE), *args])


def main(argv: list[str]) -> int:
    *command, name = argv
    mode, *rest = command
    path = Path(name)
    text = path.read_text(encoding="utf-8")
    if mode == "append":
        path.write_text(text.removesuffix("\n") + rest[0] + "\n", encoding="utf-8")
    elif mode == "write":
        path.write_bytes(rest[0].encode("utf-8"))
    elif mode == "bytes":
        path.write_bytes(bytes.fromhex(rest[0]))
    elif mode == "fail":
        path.write_text(text + "half a thought\n", encoding="utf-8")
        return int(rest[0])
    elif mode == "quit":
        return int(rest[0])
    elif mode == "ask":
        print(f"EDITING {path.name}", flush=True)
        typed = sys.stdin.readline().rstrip("\n")
        path.write_text(text.removesuffix("\n") + typed + "\n", encoding="utf-8")
    elif mode == "report":
        report = {
            "file_mode": stat.S_IMODE(os.stat(path).st_mode),
            "folder_mode": stat.S_IMODE(os.stat(path.parent).st_mode),
            "text": text,
            "path": str(path),
        }
        Path(rest[0]).write_text(json.dumps(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
