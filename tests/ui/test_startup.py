"""The app's own start: the window paints first, the work it does not need follows."""

from __future__ import annotations

from pathlib import Path

import pytest

from misma_luna.ui.startup import StartupQueue


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


def test_the_window_paints_before_subtitles_and_language_names_load(
    qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.ui.app import make_application, start_gui

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    make_application()
    started = start_gui(None, "es")
    assert started is not None
    window = started.window
    try:
        # Shown, with the review, before the event loop has painted anything.
        assert window.isVisible()
        assert "Carlitos" in window.review_pane.view.toPlainText()
        assert window.context.startup.held
        assert window.subtitles_pane.model.rowCount() == 0
        assert window.language_menu.actions() == []

        qtbot.waitUntil(lambda: not window.context.startup.held, timeout=5000)
        assert window.subtitles_pane.model.rowCount() > 0
        names = [action.text() for action in window.language_menu.actions()]
        assert names == ["English", "Español"]
        checked = [a.data() for a in window.language_menu.actions() if a.isChecked()]
        assert checked == ["es"]
    finally:
        window.close()
        started.stop()
