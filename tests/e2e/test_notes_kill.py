"""Notes survive SIGKILL; a second launch never writes beside the first; export works headless."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
TYPIST = Path(__file__).with_name("notes_typist.py")
NOTE = "typed just before the power cut"

pytestmark = pytest.mark.e2e


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        LANGUAGE="en",
    )
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    return env


def typist(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(TYPIST), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def report(env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, str(TYPIST), "report"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_a_note_typed_a_second_before_sigkill_is_there_after_restart(tmp_path: Path) -> None:
    env = environment(tmp_path)
    running = typist(env, "type", NOTE)
    try:
        assert running.stdout is not None
        assert running.stdout.readline().strip() == "typed"
        time.sleep(1.5)  # the promise: what was typed a second ago is on disk
        assert report(env) == {"woke_running": True}  # it woke the running window, left
        assert running.poll() is None
    finally:
        running.send_signal(signal.SIGKILL)
        running.wait()
    restarted = subprocess.run(
        [str(BIN / "misma-luna"), "--exit-after-paint"], env=env, timeout=60, check=False
    )
    assert restarted.returncode == 0
    after = report(env)
    assert after["notes"] == [NOTE]
    assert after["read_only"] is False and after["messages"] == []
    db = Path(str(after["data_dir"])) / "notes.sqlite3"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    exported = subprocess.run(
        [str(BIN / "misma-luna"), "notes", "export", "--format", "json"],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert exported.returncode == 0, exported.stderr
    (film,) = json.loads(exported.stdout)["films"]
    assert [n["body"] for n in film["notes"]] == [NOTE]


def test_when_the_first_window_cannot_be_reached_the_second_is_read_only(tmp_path: Path) -> None:
    from PySide6.QtCore import QLockFile

    env = environment(tmp_path)
    data = Path(str(report(env)["data_dir"]))
    lock = QLockFile(str(data / "misma-luna.lock"))
    assert lock.tryLock(0)  # held by this test process, which answers no socket
    try:
        second = report(env)
    finally:
        lock.unlock()
    assert second["read_only"] is True and second["banner"] is True
    assert report(env)["read_only"] is False


def test_export_of_an_unknown_film_is_one_clear_line(tmp_path: Path) -> None:
    env = environment(tmp_path)
    done = subprocess.run(
        [str(BIN / "misma-luna"), "notes", "export", "--film", "nope", "--lang", "es"],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "nope" in done.stderr and "no hay notas" in done.stderr
