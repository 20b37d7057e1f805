"""Damaging a notes database the ways disks, crashes and people do, for the corruption tests.

`build()` writes notes, a backup, then more notes, and leaves a crash snapshot (main file,
-wal and -shm copied while the connection was still open, as after a power cut).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from misma_luna.core.notes.store import NotesStore

DAY = dt.date(2026, 3, 1)
PAGE = 4096
WAL, SHM = "-wal", "-shm"


@dataclass(frozen=True)
class Notes:
    """What was written: the notes the backup holds, and every note."""

    in_backup: list[str]
    everything: list[str]


def build(db: Path, count: int = 25) -> Notes:
    """Notes, a daily backup of them, more notes; the files left as a crash leaves them."""
    first = [f"antes del respaldo {i}: la luna sobre la frontera " * 3 for i in range(count)]
    later = [f"after the backup {i}: Rosario calls on Sunday " * 3 for i in range(count)]
    with NotesStore.open(db, today=DAY - dt.timedelta(days=1)) as store:
        for body in first:
            store.add("bajo-la-misma-luna", body)
    store = NotesStore.open(db, today=DAY)
    for body in later:
        store.add("bajo-la-misma-luna", body)
    snapshot = db.with_name("snapshot")
    snapshot.mkdir()
    for suffix in ("", WAL, SHM):
        source = db.with_name(db.name + suffix)
        if source.exists():
            shutil.copy2(source, snapshot / source.name)
    store.close()
    for suffix in ("", WAL, SHM):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
        kept = snapshot / (db.name + suffix)
        if kept.exists():
            shutil.move(kept, db.with_name(db.name + suffix))
    snapshot.rmdir()
    return Notes(first, first + later)


def _rewrite(db: Path, change: Callable[[bytearray], bytes | bytearray]) -> None:
    db.write_bytes(bytes(change(bytearray(db.read_bytes()))))


def _checkpoint_then(db: Path) -> None:
    """Fold the -wal into the main file first, so damage to the main file is all there is."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in (WAL, SHM):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


def truncate_half(db: Path) -> None:
    """The file cut in the middle (a copy or a sync that stopped)."""
    _checkpoint_then(db)
    _rewrite(db, lambda data: data[: len(data) // 2])


def truncate_to_header(db: Path) -> None:
    """Only the first 100 bytes left."""
    _checkpoint_then(db)
    _rewrite(db, lambda data: data[:100])


def empty(db: Path) -> None:
    """Zero bytes (a crash on a file system that had not written the data yet)."""
    _checkpoint_then(db)
    db.write_bytes(b"")


def zero_header(db: Path) -> None:
    """The 100-byte SQLite header overwritten with zeros."""
    _checkpoint_then(db)

    def change(data: bytearray) -> bytearray:
        data[:100] = bytes(100)
        return data

    _rewrite(db, change)


def flip_page_headers(db: Path) -> None:
    """Bytes flipped in the b-tree header of every page after the first (bad sectors)."""
    _checkpoint_then(db)

    def change(data: bytearray) -> bytearray:
        for start in range(PAGE, len(data), PAGE):
            for offset in range(start, min(start + 12, len(data))):
                data[offset] ^= 0x5A
        return data

    _rewrite(db, change)


def delete_wal(db: Path) -> None:
    """The -wal and -shm deleted after the crash (a cleaner, or a sync tool, took them)."""
    for suffix in (WAL, SHM):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


def leave_wal(db: Path) -> None:
    """The -wal and -shm left behind by the crash, as they were."""
    assert db.with_name(db.name + WAL).exists()


def garble_wal(db: Path) -> None:
    """Bytes flipped all through the -wal left by the crash."""
    wal = db.with_name(db.name + WAL)

    def change(data: bytearray) -> bytearray:
        for offset in range(32, len(data), 509):
            data[offset] ^= 0xA5
        return data

    _rewrite(wal, change)


def foreign_wal(db: Path) -> None:
    """A -wal from another database left beside this one (files copied from elsewhere)."""
    other = db.with_name("other.sqlite3")
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('not yours')")
    shutil.copy2(other.with_name(other.name + WAL), db.with_name(db.name + WAL))
    conn.close()
    db.with_name(db.name + SHM).unlink(missing_ok=True)


def restored_beside_old_wal(db: Path) -> None:
    """The main file replaced by the backup copy while the crash's -wal stayed beside it."""
    (newest,) = sorted((db.parent / "backups").glob("notes-daily-*.sqlite3"))[-1:]
    shutil.copy2(newest, db)


DAMAGING = {
    "truncated to half": truncate_half,
    "truncated to its header": truncate_to_header,
    "emptied to zero bytes": empty,
    "header zeroed": zero_header,
    "bytes flipped in every page": flip_page_headers,
}
WAL_FAULTS = {
    "-wal deleted after a crash": delete_wal,
    "-wal left behind by a crash": leave_wal,
    "-wal garbled after a crash": garble_wal,
}
FOREIGN_WAL = {
    "-wal of another database": foreign_wal,
    "backup restored by hand beside the old -wal": restored_beside_old_wal,
}
