"""Migrations, daily backups and recovery from damaged notes files."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from misma_luna.core.base import sqlite_files
from misma_luna.core.notes import schema as notes_schema
from misma_luna.core.notes.store import NotesStore, notes_path

DAY = dt.date(2026, 3, 1)


def make_v1(path: Path) -> None:
    """A database as the first version of the app left it."""
    conn = sqlite3.connect(path, isolation_level=None)
    notes_schema.run_step(conn, 0)
    conn.execute(
        "INSERT INTO notes (film_id, body, created, updated) VALUES (?, ?, ?, ?)",
        ("film", "written by v1", "2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00+00:00"),
    )
    conn.close()


def test_migration_from_v1_keeps_notes_makes_them_searchable_and_backs_up(
    tmp_path: Path,
) -> None:
    path = notes_path(tmp_path)
    make_v1(path)
    with NotesStore.open(path, today=DAY) as store:
        assert [n.body for n in store.search("written")] == ["written by v1"]
    migrated = sqlite3.connect(path)
    assert migrated.execute("PRAGMA user_version").fetchone() == (2,)
    migrated.close()
    (before,) = sqlite_files.backups_dir(path).glob("notes-v1-*.sqlite3")
    conn = sqlite3.connect(before)
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    assert conn.execute("SELECT body FROM notes").fetchall() == [("written by v1",)]
    conn.close()


def test_a_failed_migration_step_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = notes_path(tmp_path)
    make_v1(path)
    broken = (*notes_schema.MIGRATIONS[1][:-1], "INSERT INTO no_such_table VALUES (1)")
    monkeypatch.setattr(notes_schema, "MIGRATIONS", (notes_schema.MIGRATIONS[0], broken))
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        notes_schema.run_step(conn, 1)
    assert sqlite_files.user_version(conn) == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
    assert "notes_fts" not in names
    conn.close()


def test_daily_backups_are_single_files_and_only_seven_are_kept(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    for day in range(10):
        with NotesStore.open(path, today=DAY + dt.timedelta(days=day)) as store:
            store.add("film", f"day {day}")
    kept = sqlite_files.daily_backups(path)
    assert [p.name for p in kept][:2] == [
        "notes-daily-2026-03-10.sqlite3",
        "notes-daily-2026-03-09.sqlite3",
    ]
    assert len(kept) == sqlite_files.KEEP_DAILY
    assert not list(kept[0].parent.glob("*-wal"))
    conn = sqlite3.connect(kept[0])
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert conn.execute("SELECT count(*) FROM notes").fetchone() == (9,)  # taken at opening
    conn.close()


def fill_and_back_up(path: Path) -> None:
    with NotesStore.open(path, today=DAY - dt.timedelta(days=1)) as store:
        store.add("film", "safe in the backup")
    with NotesStore.open(path, today=DAY) as store:
        store.add("film", "written after the backup")


def test_a_truncated_file_is_moved_aside_and_the_backup_restored(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    fill_and_back_up(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with NotesStore.open(path, today=DAY) as store:
        recovery = store.report.recovery
        assert recovery is not None
        assert [n.body for n in store.all_notes()] == ["safe in the backup"]
        assert store.integrity_check()
        assert str(recovery.damaged_copy) in store.report.messages()[0]
    assert recovery.damaged_copy.read_bytes() == data[: len(data) // 2]
    assert recovery.restored_from is not None
    assert recovery.restored_from.name == "notes-daily-2026-03-01.sqlite3"


def test_a_file_of_garbage_is_kept_and_a_fresh_store_starts_without_backups(
    tmp_path: Path,
) -> None:
    path = notes_path(tmp_path)
    garbage = b"this is not a database at all \x00\xff" * 300
    path.write_bytes(garbage)
    with NotesStore.open(path, today=DAY) as store:
        recovery = store.report.recovery
        assert recovery is not None and recovery.restored_from is None
        assert store.all_notes() == []
        assert "no good backup" in store.report.messages()[0]
        store.add("film", "a new start")
    assert recovery.damaged_copy.read_bytes() == garbage
    assert recovery.damaged_copy.parent == tmp_path / "damaged"


def test_a_damaged_backup_is_skipped_for_an_older_good_one(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    fill_and_back_up(path)
    good = sqlite_files.daily_backups(path)[0]
    bad = good.with_name("notes-daily-2026-03-02.sqlite3")
    bad.write_bytes(b"\x00" * 4096)
    path.write_bytes(b"garbage" * 1000)
    with NotesStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        assert store.report.recovery is not None
        assert store.report.recovery.restored_from == good
        assert [n.body for n in store.all_notes()] == ["safe in the backup"]
