"""The core stays headless: importing any module outside tuireader.ui must not pull in
textual or rich. (CI's `lint-imports` checks the same statically, imports inside
functions included; this checks what really happens at run time.)"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import tuireader


def headless_modules() -> list[str]:
    names = ["tuireader"]
    for module in pkgutil.walk_packages(tuireader.__path__, "tuireader."):
        # __main__ runs the program when imported: it is `tuireader.cli` (checked) run.
        if not module.name.startswith("tuireader.ui") and module.name != "tuireader.__main__":
            names.append(module.name)
    return sorted(names)


def test_every_module_outside_ui_is_checked() -> None:
    names = headless_modules()
    for expected in ("tuireader.cli", "tuireader.store.notes", "tuireader.parse.turns"):
        assert expected in names
    assert not any(name.startswith("tuireader.ui") for name in names)


@pytest.mark.parametrize("module", headless_modules())
def test_importing_it_loads_no_ui_library(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_plain_text_loads_no_markdown_or_yaml_parser() -> None:
    """Start-up matters: markdown-it and PyYAML load only for documents that need them."""
    code = (
        "import sys\n"
        "from tuireader.load import open_document\n"
        "open_document(None)\n"
        "print(sorted(m for m in ('markdown_it', 'yaml') if m in sys.modules))\n"
        "from tuireader.parse import parse_document\n"
        "parse_document('---\\ntitle: T\\n---\\n# Head\\n\\nSome *text*.\\n', 'x.md')\n"
        "print(sorted(m for m in ('markdown_it', 'yaml') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split("\n")[:2] == ["[]", "['markdown_it', 'yaml']"]
