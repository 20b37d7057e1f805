"""A read-only data folder (a read-only disk or home): the app still starts and shows the notes.

The folder is a tmpfs remounted read-only between two runs of the real app (root only;
skipped with the reason otherwise). Notes written before are shown; nothing is written.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import figures
from .processes import App, run_report


@pytest.fixture
def read_only_home(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """A home whose data disk holds notes written by the app, then turned read-only."""
    if os.geteuid() != 0:
        pytest.skip("remounting a tmpfs read-only needs root; run the suite as root (CI does)")
    disk = tmp_path / "data"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)],
        check=False,
        capture_output=True,
        timeout=30,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs ({mounted.stderr!r})")
    try:
        app = App(tmp_path, "write", "1", "7")
        app.first()
        typed = [str(app.next()["typed"]) for _ in range(3)]  # type: ignore[index]
        app.kill()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True, timeout=30)
        yield tmp_path, typed
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False, timeout=30)


def test_the_app_starts_read_only_and_shows_the_notes(
    read_only_home: tuple[Path, list[str]],
) -> None:
    home, typed = read_only_home
    found = run_report(home)["started"]
    assert isinstance(found, dict)
    assert found["read_only"] is True
    assert set(typed[:2]) <= set(found["notes"])  # the last one may still be in the editor
    assert found["banner"]  # the reader is told the notes cannot be edited here
    figures.record("read_only_starts")


def test_the_banner_gives_the_real_reason(read_only_home: tuple[Path, list[str]]) -> None:
    found = run_report(read_only_home[0])["started"]
    assert isinstance(found, dict)
    assert "Another Misma Luna window" not in str(found["banner"])


def test_the_app_starts_when_its_data_folder_cannot_even_be_made(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only tmpfs needs root; run the suite as root (CI does)")
    disk = tmp_path / "data"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", str(disk)],
        check=False,
        capture_output=True,
        timeout=30,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs ({mounted.stderr!r})")
    try:
        found = run_report(tmp_path)["started"]
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False, timeout=30)
    assert isinstance(found, dict)
    assert found["read_only"] is True and found["notes"] == []
    figures.record("read_only_starts")
