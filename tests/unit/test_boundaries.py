"""The core stays headless: importing it must not pull in textual or rich."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "tuireader",
    "tuireader.model",
    "tuireader.text",
    "tuireader.safe_read",
    "tuireader.terminal_text",
    "tuireader.parse",
    "tuireader.load",
    "tuireader.store",
    "tuireader.navigation",
    "tuireader.search",
    "tuireader.export",
    "tuireader.cli",
    "tuireader.cli_notes",
]


def test_core_imports_no_ui_library() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in CORE)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
