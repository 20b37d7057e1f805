"""The words kept as safely as notes: WAL and FULL sync, daily backups and one before each
migration (the notes' own mechanism), a damaged file moved aside and restored from the
newest good backup, and the reader told once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from misma_luna.core.base import sqlite_files
from misma_luna.core.words import schema
from misma_luna.core.words.store import WordsStore, words_path
from misma_luna.core.words.word import Sighting

DAY = dt.date(2026, 3, 1)


def collect(store: WordsStore, *texts: str) -> None:
    for text in texts:
        store.collect(Sighting(text, "es", f"Una {text} aquí.", "film-a"))


def texts(store: WordsStore) -> list[str]:
    return sorted(word.text for word in store.words())


def damage(path: Path) -> None:
    """Overwrite the pages after the header, as a failing disk does."""
    data = bytearray(path.read_bytes())
    data[100:] = b"\xa5" * (len(data) - 100)
    path.write_bytes(bytes(data))


def test_opened_with_wal_full_sync_and_every_commit_in_the_main_file(tmp_path: Path) -> None:
    with WordsStore.open(words_path(tmp_path), today=DAY) as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone() == (1,)
        collect(store, "luna")
    # Without its -wal (deleted by a tool, lost in a crash), the main file holds the word.
    Path(f"{words_path(tmp_path)}-wal").unlink(missing_ok=True)
    with WordsStore.open(words_path(tmp_path), read_only=True) as store:
        assert texts(store) == ["luna"]


def test_a_daily_backup_is_made_once_a_day_and_seven_kept(tmp_path: Path) -> None:
    path = words_path(tmp_path)
    for day in range(10):
        with WordsStore.open(path, today=DAY + dt.timedelta(days=day)) as store:
            collect(store, f"palabra{day}")
            assert store.notice == ""
    with WordsStore.open(path, today=DAY + dt.timedelta(days=9)) as store:
        pass
    kept = sqlite_files.daily_backups(path)
    assert len(kept) == sqlite_files.KEEP_DAILY
    assert kept[0].name == f"words-daily-{(DAY + dt.timedelta(days=9)).isoformat()}.sqlite3"
    newest = sqlite3.connect(kept[0])
    assert newest.execute("SELECT count(*) FROM words").fetchone() == (9,)  # before day 9's word
    newest.close()
    # The notes' backups beside them are not the words' and are left alone.
    assert not list(sqlite_files.backups_dir(path).glob("notes-*"))


def test_a_damaged_file_is_moved_aside_and_restored_from_the_backup(tmp_path: Path) -> None:
    path = words_path(tmp_path)
    with WordsStore.open(path, today=DAY) as store:
        collect(store, "luna", "sol")
    with WordsStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        collect(store, "estrella")
    damage(path)
    with WordsStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        notice = store.notice
        # That morning's backup, made when the store opened: before "estrella".
        assert texts(store) == ["luna", "sol"]
        collect(store, "cometa")
    (aside,) = (tmp_path / "damaged").glob("words-damaged-*.sqlite3")
    assert str(aside) in notice and f"words-daily-{DAY + dt.timedelta(days=1)}" in notice
    assert aside.read_bytes()[100:200] == b"\xa5" * 100  # kept as it was found
    with WordsStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        assert store.notice == ""  # told once: the file is sound now
        assert texts(store) == ["cometa", "luna", "sol"]


def test_a_damaged_file_without_a_backup_starts_anew_and_says_where_it_went(
    tmp_path: Path,
) -> None:
    path = words_path(tmp_path)
    path.write_bytes(b"SQLite format 3\0" + b"\xff" * 4096)
    with WordsStore.open(path, today=DAY) as store:
        assert "no good backup" in store.notice
        (aside,) = (tmp_path / "damaged").glob("words-damaged-*")
        assert str(aside) in store.notice
        assert texts(store) == []


def test_an_emptied_file_comes_back_from_its_backup(tmp_path: Path) -> None:
    path = words_path(tmp_path)
    with WordsStore.open(path, today=DAY) as store:
        collect(store, "luna")
    WordsStore.open(path, today=DAY + dt.timedelta(days=1)).close()  # its backup holds "luna"
    path.write_bytes(b"")
    Path(f"{path}-wal").unlink(missing_ok=True)
    with WordsStore.open(path, today=DAY + dt.timedelta(days=1)) as store:
        assert texts(store) == ["luna"] and "damaged" in store.notice


def test_a_migration_is_preceded_by_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = words_path(tmp_path)
    with WordsStore.open(path, today=DAY) as store:
        collect(store, "luna")
    step = ("ALTER TABLE words ADD COLUMN known INTEGER NOT NULL DEFAULT 0",)
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, step))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    migrate = schema.migrate
    monkeypatch.setattr(
        schema, "migrate", lambda conn, before=None: migrate(conn, before, len(schema.MIGRATIONS))
    )
    version = len(schema.MIGRATIONS) - 1
    with WordsStore.open(path, today=DAY) as store:
        assert texts(store) == ["luna"]
        assert store._conn.execute("PRAGMA user_version").fetchone() == (version + 1,)
    (before,) = sqlite_files.backups_dir(path).glob(f"words-v{version}-*.sqlite3")
    conn = sqlite3.connect(before)
    assert conn.execute("PRAGMA user_version").fetchone() == (version,)
    assert conn.execute("SELECT text FROM words").fetchall() == [("luna",)]
    conn.close()


def test_a_newer_file_is_opened_read_only_and_says_so(tmp_path: Path) -> None:
    path = words_path(tmp_path)
    with WordsStore.open(path, today=DAY) as store:
        collect(store, "luna")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with WordsStore.open(path, today=DAY) as store:
        assert store.read_only and "newer version" in store.notice
        assert texts(store) == ["luna"]
