"""The core stays headless: importing it must not pull in textual or rich; and the store's
modules import in one direction, each only from those below it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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

#: The store's modules from the bottom up: each may import only those before it.
STORE_LAYERS = [
    "schema",
    "yamlio",
    "files",
    "cache",
    "anchor",
    "merge",
    "index",
    "items",
    "notes",
]

STORE = Path(__file__).resolve().parents[2] / "tuireader" / "store"


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


def _store_imports(module: str) -> set[str]:
    tree = ast.parse((STORE / f"{module}.py").read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "tuireader.store":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("tuireader.store."):
                found.add(node.module.removeprefix("tuireader.store."))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("tuireader.store."):
                    found.add(alias.name.removeprefix("tuireader.store."))
    return found


def test_store_modules_import_only_those_below_them() -> None:
    assert {p.stem for p in STORE.glob("*.py")} - {"__init__"} == set(STORE_LAYERS)
    for level, module in enumerate(STORE_LAYERS):
        above = set(STORE_LAYERS[level:])
        assert not _store_imports(module) & above, module
