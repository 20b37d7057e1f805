"""Every step held for after the first paint is isolated: one that fails is reported, and the
steps after it still run."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.ui.services.startup import StartupQueue
from misma_luna.ui.shell.app import report_step_failure


def _boom() -> None:
    raise ValueError("Invalid isoformat string: '2007-13-45'")


def test_a_failing_step_is_reported_and_the_rest_still_runs() -> None:
    ran: list[str] = []
    reported: list[Exception] = []
    queue = StartupQueue(held=True, on_error=reported.append)
    queue.later(lambda: ran.append("notes pane"))
    queue.later(_boom)
    queue.later(lambda: ran.append("film facts"))
    queue.later(lambda: ran.append("language menu"))
    queue.release()
    assert ran == ["notes pane", "film facts", "language menu"]
    assert [type(e) for e in reported] == [ValueError]
    assert queue.failures == reported


def test_work_after_the_release_is_isolated_too() -> None:
    reported: list[Exception] = []
    queue = StartupQueue(on_error=reported.append)
    queue.later(_boom)
    ran: list[int] = []
    queue.later(lambda: ran.append(1))
    assert ran == [1] and len(reported) == 1


def test_a_report_that_fails_does_not_stop_the_queue(capsys) -> None:  # type: ignore[no-untyped-def]
    def broken_report(_error: Exception) -> None:
        raise RuntimeError("no dialog today")

    queue = StartupQueue(held=True, on_error=broken_report)
    ran: list[int] = []
    queue.later(_boom)
    queue.later(lambda: ran.append(1))
    queue.release()
    assert ran == [1]
    assert "no dialog today" in capsys.readouterr().err


def test_the_window_shows_what_could_not_be_prepared(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    report_step_failure(window, ValueError("bad date"))
    report_step_failure(window, MismaLunaError("/films/x/film.toml", "the year is not a number"))
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 2
    assert "ValueError: bad date" in boxes[0].text()
    assert "film.toml" in boxes[1].text()
