"""The benchmark's baseline: a bare PySide6 window (QMainWindow + QTextBrowser), nothing else.

`--exit-after-paint` quits right after the first paint, as `misma-luna --exit-after-paint` does.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


class ExitAfterPaint(QObject):
    """Quits the app right after the window's first paint."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Schedule the quit on the first paint event."""
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
            watched.removeEventFilter(self)
        return False


def main() -> int:
    """Show the window; run until it closes (or until its first paint)."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    browser = QTextBrowser()
    browser.setHtml("<h1>Bare window</h1><p>A QTextBrowser in a QMainWindow.</p>")
    window.setCentralWidget(browser)
    window.resize(1200, 800)
    window.show()
    if "--exit-after-paint" in sys.argv[1:]:
        window.installEventFilter(ExitAfterPaint(window))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
