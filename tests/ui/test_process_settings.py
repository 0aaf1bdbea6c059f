"""Process-wide settings belong to the program's entry point, never to the app."""

from __future__ import annotations

import gc
from pathlib import Path

from tuireader.ui.app import ReaderApp


async def test_running_the_app_leaves_the_garbage_collector_alone(app: ReaderApp) -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "j")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen


def test_the_reader_command_tunes_the_collector(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    code = (
        "import gc, sys, tuireader.cli as cli, tuireader.ui.app as ui\n"
        # As if in a terminal (the reader prints the text when its output is not one).
        "sys.stdout.isatty = sys.stdin.isatty = lambda: True\n"
        "ui.run = lambda *a, **k: print(gc.get_threshold()[0], gc.get_freeze_count() > 0)"
        " or 0\n"
        "raise SystemExit(cli.main([]))\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["20000", "True"]


async def test_the_theme_chosen_is_there_at_the_next_start(tmp_path: Path) -> None:
    from tuireader.load import open_document
    from tuireader.store.choices import RememberedChoices

    document = open_document(None)
    app = ReaderApp(document, choices=RememberedChoices(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme != "nord"
        app.theme = "nord"  # what choosing it in the palette does
        await pilot.pause()
    again = ReaderApp(document, choices=RememberedChoices(tmp_path))
    async with again.run_test(size=(80, 24)):
        assert again.theme == "nord"
