"""How the subtitles table and track bar look: one baseline per row, whole controls when narrow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from misma_luna.core.subtitles.alignment import align
from misma_luna.core.subtitles.tracks import Cue, load_track
from misma_luna.ui.subtitles.table_model import LEFT_COLUMN, TIME_COLUMN, SubtitlesModel
from misma_luna.ui.subtitles.table_view import SubtitlesTable
from misma_luna.ui.subtitles.track_bar import TrackBar

SUBS = Path(__file__).resolve().parent.parent / "data" / "subtitles"


def _ink_rows(image: QImage, left: int, right: int, top: int, bottom: int) -> list[int]:
    """Rows of the rectangle holding a dark pixel (the text drawn there)."""
    return [
        y
        for y in range(top, bottom)
        if any(QColor(image.pixel(x, y)).lightness() < 128 for x in range(left, right))
    ]


def test_time_and_cue_text_share_one_baseline(qtbot) -> None:
    cue = Cue(61_000, 64_000, "HOLA", "HOLA")  # capitals and digits: both stand on the baseline
    model = SubtitlesModel()
    model.set_alignment(align([cue], [cue]))
    table = SubtitlesTable()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(500, 200)
    table.show()
    qtbot.waitExposed(table)
    table.resizeRowsToContents()
    image = table.viewport().grab().toImage()
    height = table.rowHeight(0)
    spans = []
    for column in (TIME_COLUMN, LEFT_COLUMN):
        x = table.columnViewportPosition(column)
        rows = _ink_rows(image, x, x + table.columnWidth(column), 0, height)
        assert rows, f"nothing painted in column {column}"
        spans.append((rows[0], rows[-1]))
    (time_top, time_bottom), (text_top, text_bottom) = spans
    assert abs(time_bottom - text_bottom) <= 1
    assert abs(time_top - text_top) <= 1


def test_time_column_is_as_wide_as_its_padded_text(qtbot) -> None:
    cue = Cue(3_723_450, 3_725_000, "Hola", "Hola")
    model = SubtitlesModel()
    model.set_alignment(align([cue], []))
    table = SubtitlesTable()
    qtbot.addWidget(table)
    table.setModel(model)
    table.show()
    qtbot.waitExposed(table)
    text = model.index(0, TIME_COLUMN).data()
    assert text == "1:02:03.450"
    assert table.columnWidth(TIME_COLUMN) >= table.fontMetrics().horizontalAdvance(text) + 10


def test_track_bar_keeps_its_reopen_button_whole_when_narrow(qtbot) -> None:
    track = load_track(SUBS / "mojibake.es.srt")
    bar = TrackBar()
    qtbot.addWidget(bar)
    bar.show_track(track)
    bar.show()
    qtbot.waitExposed(bar)
    bar.resize(bar.minimumSizeHint().width(), bar.height())
    qtbot.waitUntil(lambda: bar.reopen_button.width() < bar.sizeHint().width())
    assert bar.reopen_button.width() >= bar.reopen_button.sizeHint().width()
    assert bar.reopen_button.menu() is bar.reopen_menu
    # The labels shorten what they paint, never what they hold; tooltips say it whole.
    assert bar.file_label.text() == "mojibake.es.srt"
    assert bar.file_label.toolTip() == str(track.path)
    assert bar.encoding_label.toolTip() == bar.encoding_label.text() == "Read as UTF-8"
    assert bar.repair_label.text().startswith("⚠ Repaired")
    assert bar.repair_label.toolTip() == bar.repair_label.text()
    assert bar.file_label.width() < bar.file_label.sizeHint().width()


def test_track_bar_shows_file_names_as_plain_text(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "<b>bold.es.srt"  # would show in bold as rich text
    path.write_bytes((SUBS / "pair.es.srt").read_bytes())
    bar = TrackBar()
    qtbot.addWidget(bar)
    bar.show_track(load_track(path))
    assert bar.file_label.text() == path.name
    assert bar.file_label.textFormat().name == "PlainText"


def test_track_bar_names_languages_only_once_it_shows_a_track(qtbot) -> None:
    bar = TrackBar()
    qtbot.addWidget(bar)
    assert [bar.language_box.itemText(i) for i in range(bar.language_box.count())] == [
        "Unknown language"
    ]
    assert not bar.language_box.isEnabled()
    bar.show_track(load_track(SUBS / "pair.es.srt"))
    assert bar.language_box.count() == 7
    assert bar.language_box.currentText() == "Spanish"
    assert bar.language_box.isEnabled()


def test_an_elided_label_keeps_its_text_and_tooltip_whole(qtbot) -> None:
    from PySide6.QtCore import Qt

    from misma_luna.ui.widgets.elided_label import ElidedLabel

    label = ElidedLabel(Qt.TextElideMode.ElideMiddle)
    qtbot.addWidget(label)
    label.setText("Bajo la misma luna, version del director.es.srt")
    label.resize(40, label.height())
    assert label.text() == label.toolTip() == "Bajo la misma luna, version del director.es.srt"
    assert label.minimumSizeHint().width() < 40
    label.clear()
    assert label.text() == label.toolTip() == ""
