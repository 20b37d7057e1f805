"""Baseline for start-up: PySide6 shows text in a QTextBrowser, the least a Qt reader can do.

No settings, no catalogs, no menus. The harness hands it the same review HTML the app shows
(a file path); frozen by packaging/bare_window.spec it shows a line of its own. It prints the
moment of its first paint and the CPU time spent until then (`first-paint
<time.monotonic()> cpu <time.process_time()>`), as `misma-luna` does, and with
`--exit-after-paint` quits right after it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


class FirstPaint(QObject):
    """Prints the moment of the watched window's first paint; quits then if asked to."""

    def __init__(self, window: QObject, quit_after: bool) -> None:
        super().__init__(window)
        self._quit_after = quit_after

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            now, cpu = time.monotonic(), time.process_time()
            print(f"first-paint {now:.6f} cpu {cpu:.6f}", flush=True)
            if self._quit_after:
                QTimer.singleShot(0, QApplication.quit)
            watched.removeEventFilter(self)
        return False


def main() -> int:
    """Show the HTML file given (or a line of text) until closed or after the first paint."""
    files = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    browser = QTextBrowser(window)
    if files:
        browser.setHtml(Path(files[0]).read_text(encoding="utf-8"))
    else:
        browser.setHtml("<h1>Bare window</h1><p>A QTextBrowser in a QMainWindow.</p>")
    window.setCentralWidget(browser)
    window.resize(1200, 800)
    window.installEventFilter(FirstPaint(window, "--exit-after-paint" in sys.argv[1:]))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
