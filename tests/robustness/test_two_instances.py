"""Two instances started at the same moment: one writes, the other is told, nothing is lost.

Both processes race for the notes folder's lock. Exactly one may write; the other either
wakes the first and leaves, or opens the notes read-only with a banner saying why.
"""

from __future__ import annotations

from pathlib import Path

from . import figures
from .conftest import FUZZ
from .processes import App, notes_db, stored_bodies

ROUNDS = 10 if FUZZ else 2
NOTES_PER_ROUND = 3


def test_two_instances_at_once_one_writes_the_other_is_told(tmp_path: Path) -> None:
    typed: list[str] = []
    for round_ in range(1, ROUNDS + 1):
        apps = [App(tmp_path, "write", str(round_), str(seed)) for seed in (1, 2)]
        firsts = [app.first() for app in apps]
        writers = [i for i, first in enumerate(firsts) if _writes(first)]
        assert len(writers) == 1, firsts
        other = firsts[1 - writers[0]]
        assert other is not None
        assert other.get("woke_running") is True or _told_read_only(other), other
        writer = apps[writers[0]]
        for _ in range(NOTES_PER_ROUND):
            line = writer.next()
            assert line is not None and "typed" in line
            typed.append(str(line["typed"]))
        assert writer.next() is not None  # one more note started: the ones before are saved
        for app in apps:
            app.kill()
        bodies, check = stored_bodies(notes_db(tmp_path))
        assert check == [("ok",)]
        assert set(typed) <= set(bodies), f"round {round_}: lost {set(typed) - set(bodies)}"
        figures.record("simultaneous_starts_without_loss")


def _writes(first: dict[str, object] | None) -> bool:
    started = (first or {}).get("started")
    return isinstance(started, dict) and started["read_only"] is False


def _told_read_only(first: dict[str, object]) -> bool:
    started = first.get("started")
    # Told the real reason: another window holds the notes (not a read-only disk).
    return (
        isinstance(started, dict)
        and started["read_only"] is True
        and "Another Misma Luna window" in str(started["banner"])
    )
