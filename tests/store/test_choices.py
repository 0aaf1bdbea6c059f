"""Choices made in the reader, remembered between runs."""

from __future__ import annotations

import json
from pathlib import Path

from tuireader.store.choices import RememberedChoices


def test_remembered_and_read_back(tmp_path: Path) -> None:
    choices = RememberedChoices(tmp_path / "data")
    assert choices.load() == ({}, None)
    assert choices.remember("theme", "nord") is None
    assert RememberedChoices(tmp_path / "data").load() == ({"theme": "nord"}, None)
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700


def test_another_sessions_key_is_kept(tmp_path: Path) -> None:
    one, two = RememberedChoices(tmp_path), RememberedChoices(tmp_path)
    one.remember("theme", "nord")
    two.remember("tree-width", "30")
    assert RememberedChoices(tmp_path).load()[0] == {"theme": "nord", "tree-width": "30"}


def test_a_broken_file_gives_defaults_and_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "choices.json").write_text("{not json")
    remembered, problem = RememberedChoices(tmp_path).load()
    assert remembered == {}
    assert problem is not None and "not valid" in problem and problem.count(".") >= 1
    (tmp_path / "choices.json").write_text(json.dumps(["a", "list"]))
    assert RememberedChoices(tmp_path).load()[0] == {}


def test_a_folder_that_cannot_be_written_is_said(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    problem = RememberedChoices(blocker / "data").remember("theme", "nord")
    assert problem is not None and "not remembered" in problem
