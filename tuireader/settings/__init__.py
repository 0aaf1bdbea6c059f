"""The user's settings: a TOML config file read into a frozen :class:`Settings`. Headless.

``cli`` loads them (:func:`load_settings`) and hands them to the interface, which applies
them (theme, keymap, widths, defaults of the notes and the search). See docs/config.md.

- :mod:`.schema`   the settings, their defaults, and how each value is checked
- :mod:`.load`     finding and reading the file; problems with their lines, as sentences
- :mod:`.keymap`   every binding id and where its keys work; the check of a keymap
- :mod:`.keynames` key names as a keymap writes them, in the form Textual matches
- :mod:`.starter`  the starter file (``config init``) and ``config show``
"""

from __future__ import annotations

from tuireader.settings.load import (
    ENV_VAR,
    LoadedSettings,
    Problem,
    default_config_path,
    defaults,
    find_config,
    load_settings,
)
from tuireader.settings.schema import DEFAULT_TEXT_WIDTH, DEFAULT_THEME, SPECS, Settings

__all__ = [
    "DEFAULT_TEXT_WIDTH",
    "DEFAULT_THEME",
    "ENV_VAR",
    "SPECS",
    "LoadedSettings",
    "Problem",
    "Settings",
    "default_config_path",
    "defaults",
    "find_config",
    "load_settings",
]
