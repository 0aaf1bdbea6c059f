"""The floor for any Textual program: an app that shows one line. Used by run.py."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("hello-minimal-textual")


if __name__ == "__main__":
    Minimal().run()
