"""Language switch of the whole window, es → en → es, measured in the harness's own process.

The real MainWindow is built offscreen on the bundled film; each switch is timed from
`LanguageManager.set_language` until the window has handled the LanguageChange (every
widget's retranslate) and painted again, so the figure is what one frame must hold.
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

from benchmarks.common import WORK, Figure, absolute_figure

NAME = "Language switch (es ↔ en)"
LIMIT_MS = 16.0
TIMEOUT_S = 5.0


def none_leak_per_call(app: Any) -> int:
    """How many references to None one void Qt call drops (PySide6 6.12.0 on Python 3.11)."""
    name = app.objectName()
    before = sys.getrefcount(None)
    for _ in range(1000):
        app.setObjectName(name)
    return max(0, round((before - sys.getrefcount(None)) / 1000))


def _make_none_immortal() -> None:
    """Give None a billion spare references, as Python 3.12 does, so the leak cannot crash us."""
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 10**9


def _window() -> tuple[Any, Any]:
    """The application and a shown MainWindow on the bundled film, in Spanish."""
    from PySide6.QtCore import QSettings

    from misma_luna.core.base.resources import bundled_film_dir
    from misma_luna.core.film.loading import load_film
    from misma_luna.ui.shell.app import create_context, make_application
    from misma_luna.ui.shell.main_window import MainWindow

    app = make_application()
    WORK.mkdir(parents=True, exist_ok=True)
    store = QSettings(str(WORK / "language-settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(create_context(load_film(bundled_film_dir()), "es", store=store))
    window.show()
    return app, window


def _switch_timer(app: Any, window: Any) -> Any:
    """A function that switches to a language and returns the milliseconds until repainted."""
    from PySide6.QtCore import QEvent, QObject

    seen: dict[str, bool] = {"changed": False, "painted": False}

    class Watcher(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.LanguageChange:
                seen["changed"] = True
            elif event.type() == QEvent.Type.Paint and seen["changed"]:
                seen["painted"] = True
            return False

    watcher = Watcher(window)
    window.installEventFilter(watcher)

    def switch(code: str) -> float:
        seen["changed"] = seen["painted"] = False
        start = time.perf_counter()
        window.context.language.set_language(code)
        while not seen["painted"]:
            app.processEvents()
            if time.perf_counter() - start > TIMEOUT_S:
                raise RuntimeError(f"the window did not repaint after switching to {code}")
        return (time.perf_counter() - start) * 1000

    return switch


def _settle(app: Any) -> None:
    """Let the first show, layout and paint finish before timing anything."""
    for _ in range(20):
        app.processEvents()


def measure(switches: int) -> list[Figure]:
    """Median milliseconds per switch over `switches` switches (es → en → es ...)."""
    try:
        app, window = _window()
    except ImportError as error:
        from benchmarks.common import not_measured

        return [not_measured(NAME, "ms", f"≤ {LIMIT_MS:g} ms", str(error))]
    # A PySide6 build that drops a reference to None on every void call would crash the
    # timing loop long before the app notices; keep None alive and say so in the note.
    leak = none_leak_per_call(app)
    if leak:
        _make_none_immortal()
    _settle(app)
    switch = _switch_timer(app, window)
    first = switch("en")  # the English review and facts are made here; later ones are kept
    switch("es")
    times = [switch("en" if index % 2 == 0 else "es") for index in range(switches)]
    window.close()
    note = (
        f"retranslate + repaint; worst {max(times):.1f} ms, mean {statistics.mean(times):.1f}; "
        f"the first switch to a language, its review and facts made: {first:.1f} ms"
    )
    if leak:
        note += "; WARNING: this PySide6 drops a reference to None on every void call"
    return [absolute_figure(NAME, "ms", LIMIT_MS, times, note=note)]
