"""Outside text in widgets: a film whose title, review, note quote and file names hold HTML is
shown as written everywhere (labels, dialogs, tooltips); no widget renders its markup."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.notes.note import Anchor
from misma_luna.ui.shell.main_window import MainWindow
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.plain_text import plain_label, plain_tooltip

# Each piece once crashed, hung or misled a rich-text widget: deep tables, an image read from
# a device, a link opened in one click, a font 1000 sizes up.
NESTED = "<table><tr><td>" * 40
MARKUP = NESTED + "<img src=/dev/zero><a href=https://example.com/>clic</a><font size=1000>X"
# A file name cannot hold "/" nor pass 255 bytes: the same tricks, shorter.
NAME_MARKUP = "<table><tr><td>" * 8 + "<img src=zero><a href=https:x.es>clic<font size=1000>X"
TAGS = ("<table><tr><td>", "<img src=", "<a href=https:", "<font size=1000>")  # the outside ones


@pytest.fixture
def hostile_film(tmp_path: Path) -> Path:
    """The bundled film with markup in its title, a director, the review and a track's name."""
    folder = Path(shutil.copytree(bundled_film_dir(), tmp_path / "hostile"))
    toml = (folder / "film.toml").read_text(encoding="utf-8")
    toml = toml.replace('original = "Bajo la misma luna"', f'original = "{MARKUP}"')
    toml = toml.replace('en = "Under the Same Moon"', f'en = "{MARKUP}"')
    toml = toml.replace('directors = ["Patricia Riggen"]', f'directors = ["{MARKUP}"]')
    (folder / "film.toml").write_text(toml, encoding="utf-8")
    review = (folder / "review.md").read_text(encoding="utf-8")
    (folder / "review.md").write_text(f"{review}\n\n{MARKUP}\n", encoding="utf-8")
    (folder / "subtitles" / "es.srt").rename(folder / "subtitles" / f"{NAME_MARKUP}.es.srt")
    return folder


@pytest.fixture
def window(notes_window):  # type: ignore[no-untyped-def]
    """The real main window, with a notes store of its own; its message boxes closed after."""
    yield notes_window
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


def shown(label: QLabel) -> str:
    """What `label` shows: its text as written, or the text its HTML renders to."""
    text = label.text()
    plain = label.textFormat() == Qt.TextFormat.PlainText
    if plain or (label.textFormat() == Qt.TextFormat.AutoText and not rich(text)):
        return text
    assert not any(tag in text for tag in TAGS), f"{label.objectName()} renders {text[:80]!r}"
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def rich(text: str) -> bool:
    """Whether Qt guesses that `text` is HTML."""
    return bool(GuiQt.mightBeRichText(text))


def tooltip_shown(text: str) -> str:
    """What a tooltip shows (tooltips always guess)."""
    if not rich(text):
        return text
    assert not any(tag in text for tag in TAGS), f"a tooltip renders {text[:80]!r}"
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def every_widget() -> list[QWidget]:
    """The main window, its dialogs, and everything in them."""
    found: list[QWidget] = []
    for top in QApplication.topLevelWidgets():
        found += [top, *top.findChildren(QWidget)]
    return found


def open_hostile(qtbot, win: MainWindow, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Open the hostile film, pin a note to its hostile passage, and fail to open a zip whose
    member name is hostile (so that the error dialog names it)."""
    assert win.opener.open_path(folder) is not None
    film = win.context.film
    block = film.review.blocks[-1]
    note = win.context.notes.add(film.id, "Mi nota", Anchor("block", block.id, 0, MARKUP))
    win.notes_pane.refresh()
    win.notes_pane.select_note(note.id)
    archive = folder.parent / "hostile.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("film.toml", "x")
        zipped.writestr("../" + MARKUP, "x")
    assert win.opener.open_path(archive) is None
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) for w in every_widget()))


def test_every_label_and_tooltip_shows_outside_text_as_written(
    qtbot: QtBot, window: MainWindow, hostile_film: Path
) -> None:
    open_hostile(qtbot, window, hostile_film)
    labels = [w for w in every_widget() if isinstance(w, QLabel)]
    texts = [shown(label) for label in labels]
    for label, text in zip(labels, texts, strict=True):
        if any(tag in label.text() for tag in TAGS):
            assert label.textFormat() == Qt.TextFormat.PlainText, text[:80]
    literal = [text for text in texts if "<table><tr><td>" in text]
    # The film's title and a fact, the pinned passage, the track's file name, the error.
    assert len(literal) >= 5
    assert shown(window.findChild(QLabel, "filmTitle")) == MARKUP
    assert shown(window.notes_pane.anchor_label).startswith("Pinned to “<table><tr><td>")
    boxes = [w for w in every_widget() if isinstance(w, QMessageBox)]
    assert any(box.text().endswith(MARKUP + "”), so it was not opened") for box in boxes)
    assert window.subtitles_pane.bars[0].file_label.text() == NAME_MARKUP + ".es.srt"
    tips = [tooltip_shown(w.toolTip()) for w in every_widget() if w.toolTip()]
    assert any(NAME_MARKUP in tip for tip in tips)
    model = window.notes_pane.model
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip_shown(str(tip)) == MARKUP
    assert MARKUP in window.windowTitle()


def test_no_dialog_or_label_grows_with_a_font_size_from_a_file(
    qtbot: QtBot, window: MainWindow, hostile_film: Path
) -> None:
    open_hostile(qtbot, window, hostile_film)
    for widget in every_widget():
        if isinstance(widget, (QLabel, QMessageBox)) and widget.isVisible():
            assert widget.sizeHint().height() < 4000, widget.objectName()


def test_a_message_naming_a_file_is_plain_and_cut_when_huge(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    box = report_problem(parent, "Problem", "x" * 100_000 + MARKUP)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert len(box.text()) < 10_000 and box.text().endswith("…")
    box.close()


@pytest.mark.parametrize("text", [MARKUP, "a & b", "<b>bold</b>\nline two", "plain", ""])
def test_plain_helpers_show_text_as_written(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    label = plain_label(text=text)
    qtbot.addWidget(label)
    assert shown(label) == text
    assert tooltip_shown(plain_tooltip(text)) == text
