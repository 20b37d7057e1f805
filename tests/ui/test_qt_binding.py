"""The Qt binding itself: guards against a known-bad PySide6 release on this Python."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_leak_references_to_none(qtbot) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per call, then aborts."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("Bajo la misma luna")
    assert sys.getrefcount(None) >= before - 10
