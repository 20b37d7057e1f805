"""The real app as a process, for the kill and two-instance tests: started as `misma-luna` is.

`write CYCLE SEED` builds the main window with misma_luna.ui.shell.app.start_gui, then types note
after note into the notes pane with QTest, pausing a random while between notes; after each
note it prints one JSON line {"typed": text, "at": monotonic seconds}. It runs until killed.
`report` starts the app, prints what it found as one JSON line, and quits.
"""

from __future__ import annotations

import json
import random
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from misma_luna.ui.services.paths import data_dir
from misma_luna.ui.shell.app import GuiSession, make_application, start_gui

WORDS = ("luna", "frontera", "niño", "camión", "¿dónde?", "mamá", "moon", "border", "ñandú")


def emit(payload: dict[str, object]) -> None:
    """One line of JSON for the test that drives this process."""
    print(json.dumps(payload, ensure_ascii=False), flush=True)


def startup_report(started: GuiSession) -> dict[str, object]:
    """What the app found and said when it started."""
    notes = started.window.context.notes
    return {
        "data_dir": str(data_dir()),
        "read_only": notes.read_only,
        "messages": notes.report.messages(),
        "notes": [note.body for note in notes.all_notes()],
        "banner": started.window.notes_pane.banner.text()
        if started.window.notes_pane.banner.isVisibleTo(started.window)
        else "",
    }


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key (QTest.keyClicks knows only ASCII; accents go as key text)."""
    for char in text:
        if char.isascii():
            QTest.keyClick(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


class Typist:
    """Types notes into the pane, one after another, at a human-like irregular pace."""

    def __init__(self, started: GuiSession, cycle: int, seed: int) -> None:
        self.pane = started.window.notes_pane
        self.cycle = cycle
        self.count = 0
        self.random = random.Random(seed)

    def next_note(self) -> None:
        """Start a new note (which saves the previous one), type it, report it, pause."""
        self.pane.start_note(None)
        self.count += 1
        words = " ".join(self.random.choice(WORDS) for _ in range(self.random.randint(2, 8)))
        text = f"cycle {self.cycle} note {self.count}: {words}"
        type_text(self.pane.editor, text)
        emit({"typed": text, "at": time.monotonic()})
        QTimer.singleShot(self.random.randint(0, 900), self.next_note)


def main(argv: list[str]) -> int:
    """Run one mode; see the module docstring."""
    app = make_application()
    started = start_gui(None, "en")
    if started is None:
        emit({"woke_running": True})
        return 0
    # The notes pane is built right after the window's first paint.
    while started.window.context.startup.held:  # at the latest a second after the start
        QTest.qWait(10)
    emit({"started": startup_report(started)})
    if argv[0] == "write":
        if started.window.context.notes.read_only:
            return app.exec()  # another instance writes: this one only shows
        typist = Typist(started, int(argv[1]), int(argv[2]))
        QTimer.singleShot(0, typist.next_note)
        return app.exec()
    started.window.close()
    started.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
