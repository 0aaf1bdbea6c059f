"""ReaderApp: starts the reader screen, reads the rest of a large file, names the keys.

Everything the reader does is in :class:`~tuireader.ui.reader.screen.ReaderScreen` and the
screens and widgets it opens; the app only starts up and holds what is process-wide for
the interface (the stylesheet, the keymap, the theme, how keys are named).

It applies the settings (:mod:`tuireader.settings`): the config file's values, else the
choices remembered from earlier sessions (theme, tree width, notes shown), else the
defaults; and says, once, what was wrong with the config file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.theme import Theme

from tuireader.library import RestReader
from tuireader.model import Document
from tuireader.settings import LoadedSettings, defaults
from tuireader.store import DocumentNotes
from tuireader.store.choices import RememberedChoices
from tuireader.ui.keys import NICER_NAMES
from tuireader.ui.messages import ChoiceMade
from tuireader.ui.reader.screen import ReaderScreen


class ReaderApp(App[int]):
    """A terminal reader for transcripts."""

    CSS_PATH = "reader.tcss"
    TITLE = "tuireader"
    # Textual's own palette key, declared here to be shown in the key bar and the help.
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "palette", priority=True, id="command-palette"),
    ]

    def __init__(
        self,
        document: Document,
        *,
        path: Path | None = None,
        notes: DocumentNotes | None = None,
        rest: RestReader | None = None,
        keymap: Mapping[str, str] | None = None,
        choices: RememberedChoices | None = None,
        config: LoadedSettings | None = None,
        at: str | None = None,
        position: str | None = None,
    ) -> None:
        """``rest``, for a ``partial`` document (a large file's preview), reads the whole
        document and opens its notes; it runs in a thread once the first screen is shown.
        ``config``: the settings from the config file; ``keymap`` (binding id -> keys) is
        applied over the config's keymap."""
        # NO_COLOR means no colour codes at all (https://no-color.org): Textual writes none
        # with its ANSI colours, where it would otherwise write greys.
        super().__init__(ansi_color="NO_COLOR" in os.environ)
        config = config or defaults()
        remembered: dict[str, str] = {}
        self._choices = choices
        self._choices_problem: str | None = None
        if choices is not None:
            remembered, self._choices_problem = choices.load()
        settings, _sources = config.with_remembered(remembered)
        self.reader = ReaderScreen(
            document, path=path, notes=notes, settings=settings, at=at, position=position
        )
        self._rest = rest
        keys = {**config.settings.textual_keymap(), **(keymap or {})}
        if keys:
            self.set_keymap(keys)
        theme_problem = config.theme_problem(self.available_themes)
        self._config_problem = config.summary([theme_problem] if theme_problem else [])
        # The file's theme, else the one last chosen in the palette (if Textual has it).
        file_theme = config.settings.theme if "theme" in config.explicit else None
        for theme in (file_theme, remembered.get("theme")):
            if theme in self.available_themes:
                self.theme = theme
                break

    def get_default_screen(self) -> ReaderScreen:
        self.reader.starts_the_app = True
        return self.reader

    def get_key_display(self, binding: Binding) -> str:
        """Textual's name for a key, with a few made plainer (``PgDn`` for ``pgdn``)."""
        name = super().get_key_display(binding)
        return NICER_NAMES.get(name, name)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._config_problem:  # already made safe: control characters are visible
            self.notify(self._config_problem, severity="warning", markup=False, timeout=20)
        if self._choices_problem:
            self.notify(self._choices_problem, severity="warning", markup=False, timeout=10)
        if self._rest is not None:
            # After the first frame: a thread parsing megabytes would hold the GIL meanwhile.
            self.call_after_refresh(self.read_the_rest, self.reader, self._rest)

    def read_the_rest(self, reader: ReaderScreen, rest: RestReader) -> None:
        """In a thread of ``reader``'s: the whole of a large document and its notes, handed
        to the reader if it is still shown (at start-up, or a document opened from ``o``)."""

        def read() -> None:
            try:
                document, notes = rest()
            except Exception as error:  # the file vanished or changed: say so, keep reading
                message = str(error) or type(error).__name__
                self.call_from_thread(
                    self.notify,
                    f"Could not read the whole document: {message}",
                    severity="error",
                    markup=False,
                    timeout=12,
                )
                return
            if reader.is_attached:
                self.call_from_thread(reader.take_whole_document, document, notes)

        reader.run_worker(read, thread=True, exit_on_error=False)

    def _remember_theme(self, theme: Theme) -> None:
        self._remember("theme", theme.name)

    @on(ChoiceMade)
    def _remember_choice(self, event: ChoiceMade) -> None:
        self._remember(event.name, event.value)

    def _remember(self, key: str, value: str) -> None:
        if self._choices is not None:
            problem = self._choices.remember(key, value)
            if problem:
                self.notify(problem, severity="warning", markup=False, timeout=10)

    async def action_quit(self) -> None:
        """Textual's ctrl+q quits as ``q`` does: the notes are saved first."""
        self.reader.action_quit()


def make_reader(
    document: Document,
    *,
    path: Path | None = None,
    notes: DocumentNotes | None = None,
    rest: RestReader | None = None,
    choices: RememberedChoices | None = None,
    config: LoadedSettings | None = None,
    at: str | None = None,
    position: str | None = None,
) -> ReaderApp:
    """The reader for ``document``, ready to run (``cli`` makes it; tests run it with Pilot).
    ``at``: where to open (see ``Navigator.resolve``), instead of where the reader left off."""
    return ReaderApp(
        document,
        path=path,
        notes=notes,
        rest=rest,
        choices=choices,
        config=config,
        at=at,
        position=position,
    )


def run(app: ReaderApp) -> int:
    """Run the reader until the user quits; the process exit status."""
    result = app.run()
    return result if isinstance(result, int) else 0
