"""Helper process for the notes end-to-end tests: the real window, typed into with QTest.

`type TEXT` starts the GUI as `misma-luna` does, types TEXT into the notes editor, prints
`typed` and keeps running until killed. `report` starts it, prints what the notes pane
shows as JSON, and quits.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtTest import QTest

from misma_luna.ui.services.paths import data_dir
from misma_luna.ui.shell.app import make_application, start_gui


def main(argv: list[str]) -> int:
    """Run one mode; see the module docstring."""
    app = make_application()
    started = start_gui(None, "en")
    if started is None:
        print(json.dumps({"woke_running": True}), flush=True)
        return 0
    # The notes pane is built right after the window's first paint.
    while started.window.context.startup.held:  # at the latest a second after the start
        QTest.qWait(10)
    pane = started.window.notes_pane
    if argv[0] == "type":
        started.window.context.actions["notes.focus"].trigger()
        QTest.keyClicks(pane.editor, argv[1])
        print("typed", flush=True)
        return app.exec()
    report = {
        "data_dir": str(data_dir()),
        "read_only": started.window.context.notes.read_only,
        "banner": pane.banner.isVisibleTo(started.window),
        "notes": [n.body for n in started.window.context.notes.all_notes()],
        "messages": started.window.context.notes.report.messages(),
    }
    print(json.dumps(report), flush=True)
    started.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
