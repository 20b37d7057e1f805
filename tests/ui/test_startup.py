"""The app's own start: the window paints first, the work it does not need follows."""

from __future__ import annotations

from pathlib import Path

import pytest

from misma_luna.ui.services.startup import StartupQueue


def test_a_queue_that_is_not_held_runs_work_at_once() -> None:
    done: list[str] = []
    queue = StartupQueue()
    queue.later(lambda: done.append("now"))
    assert done == ["now"]
    assert not queue.held


def test_a_held_queue_keeps_order_until_released_then_runs_at_once() -> None:
    done: list[str] = []
    queue = StartupQueue(held=True)
    queue.later(lambda: done.append("first"))
    queue.later(lambda: queue.later(lambda: done.append("queued while releasing")))
    queue.later(lambda: done.append("second"))
    assert done == [] and queue.held
    queue.release()
    assert done == ["first", "second", "queued while releasing"]
    queue.later(lambda: done.append("after"))
    assert done[-1] == "after" and not queue.held
    queue.release()  # a second release does nothing
    assert len(done) == 4


def test_held_work_is_dropped_when_the_app_stops_before_its_first_paint() -> None:
    done: list[str] = []
    queue = StartupQueue(held=True)
    queue.later(lambda: done.append("never"))
    queue.discard()
    queue.release()
    assert done == [] and not queue.held


def forget_the_last_film() -> None:
    """Start on the bundled film, whatever film an earlier test opened last."""
    from PySide6.QtCore import QSettings

    from misma_luna.ui.services import settings

    settings.Preferences(QSettings()).set(settings.LAST_FILM, "")


def test_the_window_paints_before_subtitles_and_language_names_load(
    qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QMenu, QWidget

    from misma_luna.ui.shell.app import make_application, start_gui

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    make_application()
    forget_the_last_film()
    started = start_gui(None, "es")
    assert started is not None
    window = started.window
    try:
        # Shown, with the review, before the event loop has painted anything.
        assert window.isVisible()
        assert "Carlitos" in window.review_pane.view.toPlainText()
        assert window.context.startup.held
        # The film, subtitles and notes panes, and the menus' entries, come after the paint.
        for pane in ("filmPane", "subtitlesPane", "notesPane"):
            assert window.findChild(QWidget, pane) is None
        menus = [action.menu() for action in window.menuBar().actions()]
        assert [menu.title() for menu in menus] == [
            "&Archivo",
            "&Editar",
            "&Ver",
            "&Película",
            "Ay&uda",
        ]
        assert all(isinstance(menu, QMenu) and menu.actions() == [] for menu in menus)
        places = [window.splitter.widget(0), window.splitter.widget(2)]
        painted = [window.review_pane.geometry()] + [place.geometry() for place in places]
        assert all(place.width() > 200 for place in places)

        qtbot.waitUntil(lambda: not window.context.startup.held, timeout=5000)
        # The panes fill the places kept for them: the review does not move.
        panes = [window.film_pane, window.notes_pane]
        assert [window.review_pane.geometry()] + [pane.geometry() for pane in panes] == painted
        assert [window.splitter.widget(0), window.splitter.widget(2)] == panes
        assert window.film_pane.findChild(QLabel, "filmTitle").text().count("Bajo la misma luna")
        assert window.notes_pane.heading.text() == "Notas"
        assert window.subtitles_pane.model.rowCount() > 0
        assert window.subtitles_pane.table.isVisibleTo(window)
        names = [action.text() for action in window.language_menu.actions()]
        assert names == ["English", "Español"]
        checked = [a.data() for a in window.language_menu.actions() if a.isChecked()]
        assert checked == ["es"]
    finally:
        window.close()
        started.stop()
        window.context.language.set_language("en")  # Qt's own translator goes with it


# Packages the first paint must not wait for: parsers, locale data, subtitles, sockets,
# print, the library and the words (so however many films and words the reader keeps, the
# first paint does not read them), and every pane but the review (built right after it).
NOT_BEFORE_PAINT = {
    "babel", "markdown_it", "polib", "pysubs2", "charset_normalizer", "ftfy", "tomllib",
    "PySide6.QtNetwork", "PySide6.QtPrintSupport",
    "misma_luna.ui.film", "misma_luna.ui.subtitles", "misma_luna.ui.notes",
    "misma_luna.ui.printing", "misma_luna.core.notes", "misma_luna.core.subtitles",
    "misma_luna.core.sheets", "misma_luna.core.library", "misma_luna.core.words",
    "misma_luna.ui.library", "misma_luna.ui.words", "misma_luna.ui.translation",
}  # fmt: skip

# --exit-after-paint quits at the first paint, the held work never run: what is loaded when
# it returns is what the first paint loaded. PySide6 builds a Qt class (and its enums) on
# first use: the Qt namespace, with 96 enum classes, costs about 20 ms; QStyle and its enums
# a few.
_PROBE = """
import json, sys
from misma_luna.cli.main import main
assert main(["--exit-after-paint", "--lang", "es"]) == 0
loaded = sorted(
    {name for name in NAMES for module in sys.modules if module.split(".")[: name.count(".") + 1]
     == name.split(".")}
)
if "Qt" in vars(sys.modules["PySide6.QtCore"]):
    loaded.append("PySide6.QtCore.Qt")
if "QStyle" in vars(sys.modules["PySide6.QtWidgets"]):
    loaded.append("PySide6.QtWidgets.QStyle")
print(json.dumps(loaded))
"""


def run_python(code: str, tmp_path: Path) -> str:
    """Run `code` in a fresh, headless Python whose settings, data and sockets stay in
    `tmp_path`; its standard output."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("CONFIG", "DATA", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "runtime")  # where the single-instance socket goes
    (tmp_path / "runtime").mkdir(mode=0o700, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_first_paint_needs_no_parser_no_locale_data_no_socket_and_no_qt_namespace(
    tmp_path: Path,
) -> None:
    import json

    probe = f"NAMES = {sorted(NOT_BEFORE_PAINT)!r}\n" + _PROBE

    def loaded_at_first_paint() -> list[str]:
        return list(json.loads(run_python(probe, tmp_path).splitlines()[-1]))

    cold = loaded_at_first_paint()  # the film is parsed once, then kept in the cache
    assert set(cold) <= {"markdown_it", "polib", "tomllib"}
    assert loaded_at_first_paint() == []


# The whole GUI start, as `misma-luna` runs it: garbage collection pauses for the start and
# resumes once the work held for after the paint is done.
_COLLECTIONS = """
import gc
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from misma_luna.cli import main as cli
from misma_luna.ui.shell import app

states = []

def watch(*args, **kwargs):
    started = start_gui(*args, **kwargs)
    states.append(gc.isenabled())

    def poll():
        if started.window.context.startup.held:
            QTimer.singleShot(10, poll)
        else:
            states.append(gc.isenabled())
            started.window.close()
            QApplication.quit()

    QTimer.singleShot(0, poll)
    return started

start_gui, app.start_gui = app.start_gui, watch
assert cli.main([]) == 0
print(states)
"""


def test_collection_pauses_for_the_start_and_resumes_after_the_held_work(
    tmp_path: Path,
) -> None:
    assert run_python(_COLLECTIONS, tmp_path).splitlines()[-1] == "[False, True]"
