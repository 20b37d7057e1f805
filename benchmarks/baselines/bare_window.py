"""Baseline for start-up: PySide6 shows the review in a QTextBrowser and quits after one paint.

The least a Qt reader can do: no settings, no catalogs, no menus. The harness hands it
the same review HTML the app shows (written to a file), so both paint the same text.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


class QuitAfterPaint(QObject):
    """Prints the moment of the watched window's first paint, as the app does, and quits."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            watched.removeEventFilter(self)
        return False


def main() -> int:
    """Show the HTML in argv[1] and exit after the first paint."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    browser = QTextBrowser(window)
    browser.setHtml(Path(sys.argv[1]).read_text(encoding="utf-8"))
    window.setCentralWidget(browser)
    window.resize(1200, 800)
    watcher = QuitAfterPaint(window)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
