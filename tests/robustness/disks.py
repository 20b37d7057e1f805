"""Small file systems of the tests' own: a tmpfs mounted for one test and unmounted after.

Mounting needs root (CI runs as root); elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def tmpfs(mount_point: Path, options: str) -> Iterator[Path]:
    """A tmpfs at `mount_point` with mount `options` (e.g. "size=1m"), for the `with` block."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; run the suite as root (CI does)")
    mount_point.mkdir(exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount_point)],
        check=False,
        capture_output=True,
        timeout=30,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs ({mounted.stderr!r})")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, timeout=30)


def remount_read_only(mount_point: Path) -> None:
    """Turn a mounted tmpfs read-only, files and all."""
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True, timeout=30)
