"""The config file: every setting read and checked, every problem one sentence with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.search import Case
from tuireader.settings import ENV_VAR, LoadedSettings, Settings, load_settings
from tuireader.settings.schema import SPECS


def load(tmp_path: Path, text: str) -> LoadedSettings:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(str(path))


def only_sentence(loaded: LoadedSettings) -> str:
    [sentence] = loaded.sentences()
    return sentence


def test_no_file_in_the_default_place_is_every_default(tmp_path: Path) -> None:
    loaded = load_settings()
    assert loaded.settings == Settings() and not loaded.exists
    assert loaded.problems == () and loaded.summary() is None
    assert loaded.named_by is None and loaded.path.name == "config.toml"


def test_every_setting_is_read(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        'theme = "nord"\ntext_width = 72\ndata_dir = "notes"\n'
        "[tree]\nwidth = 30\nshown = false\n[notes]\ninline = true\n"
        '[search]\nregex = true\ncase = "sensitive"\n[keymap]\nnext-answer = "ctrl+n"\n',
    )
    assert loaded.problems == ()
    assert loaded.settings == Settings(
        theme="nord",
        text_width=72,
        data_dir=tmp_path / "notes",  # relative: from the file's folder
        tree_width=30,
        tree_shown=False,
        notes_inline=True,
        search_regex=True,
        search_case=Case.SENSITIVE,
        keymap={"next-answer": ("ctrl+n",)},
    )
    assert loaded.explicit == {spec.field for spec in SPECS} | {"keymap"}


def test_words_for_full_width_and_an_automatic_tree(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'text_width = "full"\ndata_dir = "~/n"\n[tree]\nwidth = "auto"\n')
    assert loaded.problems == ()
    assert loaded.settings.text_width is None and loaded.settings.tree_width is None
    assert loaded.settings.data_dir == Path.home() / "n"


def test_a_toml_syntax_error_is_one_sentence_with_line_and_key(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'theme = "nord"\n\ntext_width = wide\n')
    assert loaded.settings == Settings()  # nothing of a file that does not parse
    assert only_sentence(loaded) == (
        f"{tmp_path}/config.toml, line 3: this is not valid TOML at text_width (invalid "
        'value; text needs quotes: "wide"); none of the file\'s settings are used.'
    )


def test_an_unclosed_table_header_names_its_line(tmp_path: Path) -> None:
    sentence = only_sentence(load(tmp_path, "[tree]\nwidth = 30\n[search\n"))
    assert ", line 3: this is not valid TOML" in sentence


def test_a_misspelled_setting_gets_a_close_match(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'theme = "nord"\n[tree]\nwidht = 30\n')
    assert only_sentence(loaded) == (
        f'{tmp_path}/config.toml, line 3: there is no setting "tree.widht" '
        '(did you mean "tree.width"?); it is not used.'
    )
    assert loaded.settings.theme == "nord"  # the rest of the file is used


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('them = "nord"\n', 'there is no setting "them" (did you mean "theme"?)'),
        ("[serach]\nregex = true\n", "there is no table [serach] (did you mean [search]?)"),
        ("shown = false\n", 'there is no setting "shown" (did you mean "tree.shown"?)'),
        ("colour = 3\n", 'there is no setting "colour"; it is not used'),
    ],
)
def test_unknown_keys_and_tables(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in only_sentence(load(tmp_path, text))


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ('text_width = "wide"', 1, 'text_width must be a number of columns from 20 to 1000, or '
         '"full", not "wide"; the default (100) is used'),
        ("text_width = 5", 1, "not 5; the default (100) is used"),
        ("text_width = true", 1, "not true; the default (100) is used"),
        ("[tree]\nwidth = 3", 2, 'tree.width must be a number of columns from 12 to 500, or '
         '"auto", not 3; the default ("auto") is used'),
        ('[tree]\nshown = "yes"', 2, 'tree.shown must be true or false (without quotes), not '
         '"yes"; the default (true) is used'),
        ('[search]\n\ncase = "upper"', 3, 'search.case must be "smart", "sensitive" or '
         '"insensitive", not "upper"'),
        ("theme = 7", 1, "theme must be a name in quotes, not 7"),
        ("data_dir = []", 1, "data_dir must be a folder's path in quotes, not a list; the "
         "default (the user data folder) is used"),
        ("tree = 3", 1, "tree must be a table ([tree]), not 3; its settings are the defaults"),
    ],
)  # fmt: skip
def test_a_wrong_value_names_line_key_and_what_is_used(
    tmp_path: Path, text: str, line: int, expected: str
) -> None:
    loaded = load(tmp_path, text + "\n")
    sentence = only_sentence(loaded)
    assert sentence.startswith(f"{tmp_path}/config.toml, line {line}: ")
    assert expected in sentence and sentence.endswith(".")
    assert loaded.settings == Settings()


def test_a_wrong_value_is_its_default_even_over_a_remembered_choice(tmp_path: Path) -> None:
    loaded = load(tmp_path, '[tree]\nwidth = "wide"\n')
    settings, sources = loaded.with_remembered({"tree-width": "40"})
    assert settings.tree_width is None and sources["tree_width"] == "file"


@pytest.mark.parametrize(
    ("keymap", "expected"),
    [
        ('next-anwser = "ctrl+n"', 'there is no binding "next-anwser" (did you mean '
         '"next-answer"?)'),
        ('zzz = "x"', 'there is no binding "zzz" (docs/keys.md lists the ids)'),
        ('next-answer = "p"', "next-answer and previous-answer would both be p in the reader"),
        ('help = "ctrl+c"', "help: ctrl+c copies text and cannot be bound"),
        ('help = "ctlr+h"', "help: in ctlr+h, ctlr is not a modifier (did you mean ctrl?)"),
        ('help = "pagdown"', "help: there is no key called pagdown (did you mean pagedown?)"),
        ('help = ""', "help: no keys given (leave a binding out to keep its keys)"),
        ('help = "a,,b"', "help: an empty key between commas (the comma key is written comma)"),
        ('search-regex = "a"', "search-regex: a types a character in the search field"),
        ('command-palette = "ctrl+w"', "command-palette: ctrl+w is already used by the search "
         "field, the go-to field and the note editor"),
        ("quit = 5", 'keymap.quit must be keys in quotes, like "ctrl+n" or "n,ctrl+n", not 5'),
    ],
)  # fmt: skip
def test_a_keymap_problem_is_said_and_no_key_is_changed(
    tmp_path: Path, keymap: str, expected: str
) -> None:
    loaded = load(tmp_path, f'text_width = 80\n[keymap]\ncopy-passage = "ctrl+y"\n{keymap}\n')
    sentence = only_sentence(loaded)
    assert ", line 4: keymap" in sentence
    assert expected in sentence and sentence.endswith("; the default keys are used.")
    assert loaded.settings.keymap == {}  # not half a keymap
    assert loaded.settings.text_width == 80


def test_swapping_two_keys_is_no_clash(tmp_path: Path) -> None:
    loaded = load(tmp_path, '[keymap]\nnext-answer = "p"\nprevious-answer = "n"\n')
    assert loaded.problems == ()
    assert loaded.settings.keymap == {"next-answer": ("p",), "previous-answer": ("n",)}


def test_keys_are_written_as_people_write_them(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        '[keymap]\nnext-answer = "^n, n"\nhelp = "?"\nlist-notes = "shift+ctrl+up"\n'
        'quit = "Q"\nnote-cancel = "esc"\npage-down = "PgDn,space"\nnext-section = "ctrl+N"\n'
        'search = "slash"\n',
    )
    assert loaded.problems == ()
    assert loaded.settings.textual_keymap() == {
        "next-answer": "ctrl+n,n",
        "list-notes": "ctrl+shift+up",
        "quit": "Q",
        "page-down": "pagedown,space",
        "next-section": "ctrl+shift+n",
    }  # help "?", note-cancel "esc" and search "slash" are their defaults: nothing to change


def test_escape_may_stay_shared_as_it_is_by_default(tmp_path: Path) -> None:
    loaded = load(tmp_path, '[keymap]\nclose-tree = "escape,x"\n')
    assert loaded.problems == ()


def test_several_problems_make_one_sentence_that_counts_the_rest(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'them = 1\ntext_width = "x"\n[tree]\nshown = 2\n')
    assert len(loaded.sentences()) == 3
    summary = loaded.summary()
    assert summary is not None and summary.count(". ") == 0
    assert summary.startswith(f'{tmp_path}/config.toml, line 1: there is no setting "them"')
    assert summary.endswith(" (and 2 more problems: `tuireader config check` lists them).")


def test_control_characters_from_the_file_are_made_visible(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'text_width = "\\u001b]0;x\\u0007\\n"\n"\\u001b[2J" = 1\n')
    for sentence in loaded.sentences():
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in sentence), sentence
    assert "␛]0;x␇␊" in loaded.sentences()[0]


def test_where_the_file_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    named = tmp_path / "named.toml"
    named.write_text("text_width = 70\n")
    from_env = tmp_path / "env.toml"
    from_env.write_text("text_width = 60\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    (tmp_path / "xdg" / "tuireader").mkdir(parents=True)
    (tmp_path / "xdg" / "tuireader" / "config.toml").write_text("text_width = 50\n")
    assert load_settings().settings.text_width == 50
    monkeypatch.setenv(ENV_VAR, str(from_env))
    assert load_settings().settings.text_width == 60
    assert load_settings().named_by == ENV_VAR
    assert load_settings(str(named)).settings.text_width == 70  # --config wins


def test_a_named_file_that_is_missing_is_said(tmp_path: Path) -> None:
    loaded = load_settings(str(tmp_path / "nope.toml"))
    assert loaded.settings == Settings()
    assert only_sentence(loaded) == (
        f"{tmp_path}/nope.toml: it does not exist (named by --config); "
        "the default settings are used."
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'theme = "caf\xe9"\n', "line 1: this is not UTF-8 text"),
        (b"x" * (1024 * 1024 + 1), "it is over 1 MiB"),
    ],
)
def test_files_that_are_not_config_files(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(data)
    loaded = load_settings(str(path))
    assert expected in only_sentence(loaded) and loaded.settings == Settings()


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    assert "it is a folder, not a file" in only_sentence(load_settings(str(tmp_path)))


def test_the_file_wins_over_remembered_choices(tmp_path: Path) -> None:
    remembered = {"theme": "nord", "tree-width": "40", "inline-notes": "true"}
    settings, sources = load(tmp_path, "").with_remembered(remembered)
    assert (settings.theme, settings.tree_width, settings.notes_inline) == ("nord", 40, True)
    assert sources["theme"] == sources["tree_width"] == sources["notes_inline"] == "remembered"
    loaded = load(tmp_path, 'theme = "gruvbox"\n[tree]\nwidth = 30\n[notes]\ninline = false\n')
    settings, sources = loaded.with_remembered(remembered)
    assert (settings.theme, settings.tree_width, settings.notes_inline) == ("gruvbox", 30, False)
    assert sources["theme"] == "file" and sources["text_width"] == "default"


def test_remembered_choices_that_make_no_sense_are_not_used(tmp_path: Path) -> None:
    settings, _ = load(tmp_path, "").with_remembered({"tree-width": "3", "inline-notes": "yes"})
    assert settings == Settings()


def test_a_theme_is_checked_against_the_themes_there_are(tmp_path: Path) -> None:
    loaded = load(tmp_path, '\ntheme = "nrod"\n')
    assert loaded.problems == ()  # the core does not know the themes: the interface checks
    problem = loaded.theme_problem(["nord", "gruvbox"])
    assert problem is not None
    assert problem.sentence(loaded.path) == (
        f'{tmp_path}/config.toml, line 2: there is no theme "nrod" (did you mean "nord"?); '
        "it is not used."
    )
    assert load(tmp_path, 'theme = "nord"\n').theme_problem(["nord"]) is None
