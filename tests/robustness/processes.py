"""Running the real app as a process from a test: environment, JSON lines, the notes file.

Each test gets its own data, config and runtime folders, so its notes, lock and local
socket are its own; stdout is read on a thread so a test can wait with a timeout.
"""

from __future__ import annotations

import json
import os
import queue
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

DRIVER = Path(__file__).with_name("app_driver.py")
START_TIMEOUT_S = 60.0


def environment(home: Path) -> dict[str, str]:
    """Variables that give the app a private home under `home`."""
    runtime = home / "runtime"
    runtime.mkdir(parents=True, mode=0o700, exist_ok=True)
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(runtime),
        LANGUAGE="en",
    )
    return env


def notes_db(home: Path) -> Path:
    """Where the app keeps the notes of a test's private home."""
    return home / "data" / "Misma Luna" / "Misma Luna" / "notes.sqlite3"


class App:
    """The driver script running as a process; its JSON lines arrive on `lines`."""

    def __init__(self, home: Path, *args: str) -> None:
        self.errors = home / "stderr.log"
        with self.errors.open("ab") as errors:
            self.process = subprocess.Popen(
                [sys.executable, str(DRIVER), *args],
                env=environment(home),
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                encoding="utf-8",
            )
        self.lines: queue.Queue[dict[str, object] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("{"):
                self.lines.put(json.loads(line))
        self.lines.put(None)

    def next(self, timeout: float = START_TIMEOUT_S) -> dict[str, object] | None:
        """The next JSON line, or None once the process has ended."""
        return self.lines.get(timeout=timeout)

    def first(self) -> dict[str, object]:
        """The line the app prints once started; its error output if it died instead."""
        line = self.next()
        if line is None:
            self.process.wait()
            tail = self.errors.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise AssertionError(f"the app ended ({self.process.returncode}):\n{tail}")
        return line

    def rest(self) -> list[dict[str, object]]:
        """Every line still to come, after the process ended."""
        found: list[dict[str, object]] = []
        while (line := self.next()) is not None:
            found.append(line)
        return found

    def kill(self) -> None:
        """SIGKILL: no handler, no flush, no goodbye."""
        self.process.kill()
        self.process.wait()


def run_report(home: Path) -> dict[str, object]:
    """Start the app, let it say what it found, and let it quit."""
    app = App(home, "report")
    first = app.next()
    assert app.process.wait(timeout=START_TIMEOUT_S) == 0
    assert first is not None
    app.rest()
    return first


def stored_bodies(db: Path) -> tuple[list[str], list[tuple[str]]]:
    """The note bodies in the file, and what PRAGMA integrity_check says of it."""
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        bodies = [row[0] for row in conn.execute("SELECT body FROM notes ORDER BY id")]
    finally:
        conn.close()
    return bodies, check
