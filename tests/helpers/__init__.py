"""Helpers shared by tests: running a step as another user (here), driving the reader
(``reader``), a real pseudo-terminal (``terminal``), the notes store (``store``)."""

from __future__ import annotations

import atexit
import functools
import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534

#: The distributions the core needs at run time (pyproject's dependencies, minus Textual).
_RUNTIME = ("PyYAML", "platformdirs", "rapidfuzz")


def _as_nobody(*argv: str) -> list[str]:
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *argv]


@functools.cache
def _nobody_python() -> tuple[str, str] | str:
    """An interpreter user 65534 can run and a PYTHONPATH it can read, or why there is none.

    The checkout (and the virtual environment in it) may sit in a folder only root can
    enter (a clone in /root, or in a `mktemp -d` folder), so the package and its runtime
    dependencies are copied to a folder anyone can read, and the first interpreter of this
    Python version that the user can execute is used.
    """
    staging = Path(tempfile.mkdtemp(prefix="tuireader-nobody-"))
    atexit.register(shutil.rmtree, staging, True)
    staging.chmod(0o755)
    shutil.copytree(
        ROOT / "tuireader", staging / "tuireader", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in _RUNTIME:
        for file in importlib.metadata.files(name) or []:
            source = Path(str(file.locate()))
            if source.is_file() and "__pycache__" not in file.parts:
                target = staging / Path(*file.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    for folder in [staging, *staging.rglob("*")]:
        folder.chmod(0o755 if folder.is_dir() else 0o644)
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [
        sys.executable,
        os.path.realpath(sys.executable),
        getattr(sys, "_base_executable", ""),
        shutil.which(f"python{version}") or "",
        f"/usr/bin/python{version}",
    ]
    for candidate in dict.fromkeys(c for c in candidates if c):
        try:
            probe = subprocess.run(
                _as_nobody(candidate, "-c", "import sys, yaml; print(sys.version[:4])"),
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
                cwd="/",
                env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(staging)},
            )
        except OSError:
            continue
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return candidate, str(staging)
    return f"no Python {version} interpreter that user {NOBODY} can run with its dependencies"


def run_as_nobody(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` as user 65534: root ignores permission bits, that user does not.

    Works wherever the checkout lives (see :func:`_nobody_python`); skips the test with the
    reason when no interpreter can be found for that user.
    """
    found = _nobody_python()
    if isinstance(found, str):
        pytest.skip(found)
    python, path = found
    env = {**os.environ, "PYTHONPATH": path, "PYTHONNOUSERSITE": "1"}
    env.pop("VIRTUAL_ENV", None)
    if home is not None:
        env["HOME"] = str(home)
    return subprocess.run(
        _as_nobody(python, *args),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd="/",
    )
