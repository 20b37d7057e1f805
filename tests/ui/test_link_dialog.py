"""No link leaves the app without the reader seeing where it really goes and saying yes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from misma_luna.core.review.links import inspect_link
from misma_luna.ui.widgets.link_dialog import LinkDialog, confirm_and_open_link

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile"
HIDDEN_DOWNLOAD = (
    "https://www.google.com/url?q=https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3Dhttps%253A%252F"
    "%252Fmega.nz%252Ffile%252FAbCdEf%253Futm_source%253Dspam%26h%3DAT0&sa=D"
)


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:  # type: ignore[no-untyped-def]
    """Every URL the app asks the desktop to open (none is really opened)."""
    calls: list[QUrl] = []

    def fake_open(url: QUrl) -> bool:
        calls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return calls


def _answer_next_dialog(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press `button` in the link dialog as soon as it is shown."""

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LinkDialog):
            QTimer.singleShot(0, press)
            return
        seen.append(dialog.informativeText())
        dialog.button(button).click()

    QTimer.singleShot(0, press)


def test_clicking_a_review_link_asks_first_and_cancel_opens_nothing(main_window, opened) -> None:
    seen: list[str] = []
    _answer_next_dialog(QMessageBox.StandardButton.Cancel, seen)
    main_window.review_pane.linkActivated.emit(QUrl(HIDDEN_DOWNLOAD))
    assert opened == []
    assert "https://mega.nz/file/AbCdEf" in seen[0]
    assert "film download" in seen[0]


def test_confirmed_link_opens_its_real_destination(main_window, opened) -> None:
    seen: list[str] = []
    _answer_next_dialog(QMessageBox.StandardButton.Open, seen)
    assert confirm_and_open_link(main_window, QUrl(HIDDEN_DOWNLOAD))
    assert [url.toString() for url in opened] == ["https://mega.nz/file/AbCdEf"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>x</script>",
        "magnet:?xt=1",
    ],
)
def test_dangerous_links_are_never_opened_nor_offered(
    main_window, opened, monkeypatch, url
) -> None:  # type: ignore[no-untyped-def]
    def never(_self: LinkDialog) -> int:
        raise AssertionError("the confirmation must not even be offered")

    monkeypatch.setattr(LinkDialog, "exec", never)
    assert not confirm_and_open_link(main_window, QUrl(url))
    assert opened == []
    boxes = [b for b in main_window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes[-1].windowTitle() == "Link not opened"
    boxes[-1].close()


def test_dialog_lists_every_warning_and_defaults_to_cancel(qtbot) -> None:
    report = inspect_link("https://www.google.com/url?q=https%3A%2F%2Fbit.ly%2Fx%3Futm_source%3Dy")
    dialog = LinkDialog(report)
    qtbot.addWidget(dialog)
    assert "bit.ly" in dialog.text()
    details = dialog.informativeText()
    for warning in report.warnings:
        assert warning.describe().split("(")[0][:40] in details.replace("&quot;", '"')
    assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.Cancel)


def test_the_window_uses_the_link_dialog(main_window, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        "misma_luna.ui.widgets.link_dialog.confirm_and_open_link",
        lambda _parent, url: asked.append(url.toString()) or False,
    )
    main_window.review_pane.linkActivated.emit(QUrl("https://example.com/"))
    assert asked == ["https://example.com/"]
