"""The store's modules import in one direction: each only from those below it, so that no
module needs a function-level import to dodge a cycle (store/index.py used to)."""

from __future__ import annotations

import ast
from pathlib import Path

STORE = Path(__file__).resolve().parents[2] / "tuireader" / "store"

#: From the bottom up. A module not listed here stands above all of them: it may import
#: any, and none of them may import it.
LAYERS = [
    "guard",
    "schema",
    "yamlio",
    "files",
    "cache",
    "anchor",
    "merge",
    "index",
    "items",
    "notes",
    "catalog",
]


def store_imports(module: str) -> set[str]:
    """The store modules that ``tuireader/store/<module>.py`` imports, anywhere in it."""
    tree = ast.parse((STORE / f"{module}.py").read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "tuireader.store":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("tuireader.store."):
                found.add(node.module.removeprefix("tuireader.store."))
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.removeprefix("tuireader.store.")
                for alias in node.names
                if alias.name.startswith("tuireader.store.")
            )
    return found


def test_each_store_module_imports_only_those_below_it() -> None:
    modules = {path.stem for path in STORE.glob("*.py")} - {"__init__"}
    assert set(LAYERS) <= modules
    for level, module in enumerate(LAYERS):
        not_below = modules - set(LAYERS[:level])  # itself, those above, those not listed
        assert not store_imports(module) & not_below, (module, store_imports(module))
