"""Killed mid-write: the real app, typing notes, SIGKILLed again and again; nothing is lost.

Each cycle starts the app on the same notes, lets it type a few notes at an irregular pace,
and kills it at a random moment. Every note finished longer ago than the autosave interval
(plus one more interval of margin for a loaded machine) must be in the file, whole, and
`PRAGMA integrity_check` must pass. `make test` runs a few cycles; `make fuzz` runs 50.
"""

from __future__ import annotations

import random
import subprocess
import time
from pathlib import Path

from misma_luna.ui.notes.pane import AUTOSAVE_MS

from . import figures
from .conftest import FUZZ
from .processes import App, notes_db, stored_bodies

KILL_CYCLES = 50 if FUZZ else 5
GRACE_S = 2 * AUTOSAVE_MS / 1000


def test_notes_survive_sigkill_mid_write(tmp_path: Path) -> None:
    rng = random.Random(20070316)
    required: list[str] = []  # notes that must survive, across every cycle so far
    typed: set[str] = set()
    for cycle in range(1, KILL_CYCLES + 1):
        app = App(tmp_path, "write", str(cycle), str(rng.randrange(1 << 30)))
        started = app.first()
        assert "started" in started, started
        report = started["started"]
        assert isinstance(report, dict)
        assert report["messages"] == [] and report["read_only"] is False
        assert set(required) <= set(report["notes"])  # the app itself shows them again
        notes = _type_for_a_while(app, rng.randint(1, 6))
        _pause(app, rng.uniform(0.0, 1.0))
        killed_at = time.monotonic()
        app.kill()
        notes += _typed(app.rest())
        typed.update(text for text, _at in notes)
        required += [text for text, at in notes if at < killed_at - GRACE_S]
        bodies, check = stored_bodies(notes_db(tmp_path))
        assert check == [("ok",)], f"cycle {cycle}: integrity_check says {check}"
        lost = [text for text in required if text not in bodies]
        figures.record("bytes_lost", sum(len(text.encode()) for text in lost))
        assert not lost, f"cycle {cycle}: lost {lost}"
        assert all(any(t.startswith(body) for t in typed) for body in bodies), bodies
        figures.record("kill_cycles_survived")
        figures.record("kill_note_checks", len(required))  # every note so far, each cycle


def _type_for_a_while(app: App, count: int) -> list[tuple[str, float]]:
    """Wait until the app has typed `count` notes."""
    notes: list[tuple[str, float]] = []
    while len(notes) < count:
        line = app.next()
        assert line is not None, "the app ended on its own"
        notes += _typed([line])
    return notes


def _pause(app: App, seconds: float) -> None:
    """Let the app go on typing for `seconds` (the kill lands anywhere in its work)."""
    try:
        app.process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:  # still running, as it should be
        return
    raise AssertionError("the app ended on its own")


def _typed(lines: list[dict[str, object]]) -> list[tuple[str, float]]:
    return [(str(line["typed"]), float(str(line["at"]))) for line in lines if "typed" in line]
