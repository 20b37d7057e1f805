"""The subtitles pane as a reader uses it: the sample pair, search, jump, offset, files, notes."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from misma_luna.core.subtitles.tracks import load_track
from misma_luna.ui.subtitles.pane import SubtitlesPane
from misma_luna.ui.subtitles.table_model import LEFT_COLUMN, RIGHT_COLUMN, TIME_COLUMN

from .dragging import drag_enter, drop, files

SUBS = Path(__file__).resolve().parent.parent / "data" / "subtitles"


def _selected_row(pane: SubtitlesPane) -> int:
    return pane.table.currentIndex().row()


def test_window_shows_the_bundled_sample_pair(main_window) -> None:
    pane = main_window.subtitles_pane
    model = pane.model
    assert model.headerData(TIME_COLUMN, Qt.Orientation.Horizontal) == "Time"
    assert model.headerData(LEFT_COLUMN, Qt.Orientation.Horizontal) == "Spanish"
    assert model.headerData(RIGHT_COLUMN, Qt.Orientation.Horizontal) == "English"
    assert "Muestra de subtítulos" in model.index(0, LEFT_COLUMN).data()
    # Two releases' timings: the English moved a little, its split lines merged back.
    assert pane.status_label.text().startswith("English moved ")
    assert "30 rows: 29 paired by time, 1 unpaired, 3 merged" in pane.status_label.text()
    assert pane.bars[0].encoding_label.text() == "Read as UTF-8"
    assert pane.table.indexWidget(model.index(0, LEFT_COLUMN)) is None


def test_headers_and_status_follow_the_language(qtbot, main_window) -> None:
    pane = main_window.subtitles_pane
    with qtbot.waitSignal(pane.model.headerDataChanged):
        main_window.switch_language("es")
    assert pane.model.headerData(LEFT_COLUMN, Qt.Orientation.Horizontal) == "Español"
    assert pane.model.headerData(RIGHT_COLUMN, Qt.Orientation.Horizontal) == "Inglés"
    assert pane.status_label.text().startswith("Inglés")
    assert pane.bars[0].encoding_label.text() == "Leído como UTF-8"
    assert pane.controls.estimate_button.text() == "Buscar la sincronía otra vez"
    main_window.switch_language("en")
    qtbot.waitUntil(lambda: pane.status_label.text().startswith("English"))
    assert pane.bars[0].encoding_label.text() == "Read as UTF-8"


def test_search_steps_through_both_columns(qtbot, main_window) -> None:
    pane = main_window.subtitles_pane
    controls = pane.controls
    qtbot.keyClicks(controls.search_field, "mama")  # accents folded: finds "Mamá"
    total = len(pane.model.matches("mama"))
    assert total >= 2
    assert controls.count_label.text() == f"1 of {total} matches"
    first = _selected_row(pane)
    assert "mamá" in pane.model.index(first, LEFT_COLUMN).data().lower()
    qtbot.mouseClick(controls.next_button, Qt.MouseButton.LeftButton)
    assert controls.count_label.text() == f"2 of {total} matches"
    qtbot.mouseClick(controls.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(controls.previous_button, Qt.MouseButton.LeftButton)
    assert controls.count_label.text() == f"{total} of {total} matches"
    controls.search_field.setText("moon")
    row = _selected_row(pane)
    assert "moon" in pane.model.index(row, RIGHT_COLUMN).data().lower()
    controls.search_field.setText("zzzqqq")
    assert controls.count_label.text() == "No matches"


def test_ctrl_g_jumps_to_a_time(qtbot, main_window) -> None:
    pane = main_window.subtitles_pane
    main_window.context.actions["subtitles.jump"].trigger()
    assert pane.controls.jump_field.hasFocus()
    qtbot.keyClicks(pane.controls.jump_field, "0:21")
    qtbot.keyClick(pane.controls.jump_field, Qt.Key.Key_Return)
    row = pane.model.row(_selected_row(pane))
    assert row.start_ms <= 21_000 < row.end_ms
    assert pane.jump_to_text("later") is False
    error = pane.controls.error_label
    assert error.text().startswith("Not a time") and not error.isHidden()
    assert error.wordWrap()  # said whole, on its own line, however narrow the pane


def test_a_typed_offset_moves_the_second_track_as_timed(qtbot, make_context) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    left = load_track(SUBS / "pair.es.srt")
    right = load_track(SUBS / "pair.en.srt").shifted(-3000)
    pane.set_tracks(left, right)

    def partner_of_thanks() -> list[str]:
        return next(row.right for row in pane.alignment.rows if "Gracias, señora." in row.left)

    pane.controls.offset_box.setValue(0)
    assert partner_of_thanks() != ["Thank you, ma'am."]
    pane.controls.offset_box.setValue(3000)
    assert partner_of_thanks() == ["Thank you, ma'am."]
    assert pane.status_label.text().startswith("English moved +3 s. 5 rows: 3 paired by time")


def test_language_of_a_track_can_be_changed(qtbot, make_context) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    box = pane.bars[1].language_box
    box.setCurrentIndex(box.findData("fr"))
    box.activated.emit(box.currentIndex())
    assert pane.tracks[1] is not None and pane.tracks[1].language == "fr"
    assert pane.model.headerData(RIGHT_COLUMN, Qt.Orientation.Horizontal) == "French"


def test_reopen_in_another_encoding(qtbot, make_context) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    pane.open_pair(SUBS / "mojibake.es.srt", SUBS / "pair.en.srt")
    assert pane.bars[0].repair_label.text().startswith("⚠ Repaired")
    pane.reopen(0, "cp1252")
    assert pane.bars[0].encoding_label.text() == "Read as Windows-1252"
    assert pane.bars[0].repair_label.text() == ""
    assert "Ã" in pane.model.index(0, LEFT_COLUMN).data()


def test_drop_of_a_subtitle_file_replaces_the_track_in_its_language(qtbot, make_context) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    dragged = files(SUBS / "pair.en.srt")
    assert drag_enter(pane, dragged).isAccepted()
    assert drop(pane, dragged).isAccepted()
    assert pane.tracks[1] is not None and pane.tracks[1].path.name == "pair.en.srt"
    assert pane.tracks[0] is not None and pane.tracks[0].path.name == "es.srt"


def test_bad_file_is_reported_and_the_pair_stays(qtbot, make_context) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    before = list(pane.tracks)
    pane.open_files([SUBS / "binary.srt"])
    assert pane.tracks == before
    boxes = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle()]
    assert any("binary.srt" in getattr(w, "text", lambda: "")() for w in boxes)
    for widget in boxes:
        if isinstance(widget, QWidget) and widget is not pane:
            widget.close()


def test_partly_valid_file_says_what_was_skipped(qtbot, make_context) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    pane.open_pair(SUBS / "backwards.srt", SUBS / "pair.en.srt")
    assert "backwards.srt:6: 1 cue was skipped" in pane.status_label.text()


def test_anchor_and_scroll_back(qtbot, make_context) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    assert pane.anchor_here() is None
    pane.jump_to(21_000)
    anchor = pane.anchor_here()
    assert anchor is not None
    assert anchor.kind == "subtitle"
    assert anchor.id == f"cue:{anchor.position}"
    assert "¡Hola, mi amor!" in anchor.quote and "Hi, sweetheart!" in anchor.quote
    pane.select_row(0)
    pane.scroll_to_anchor(anchor)
    assert pane.anchor_here() == anchor


def test_zoom_follows_the_review_pane(main_window) -> None:
    pane = main_window.subtitles_pane
    size = pane.table.font().pointSizeF()
    main_window.context.actions["view.zoom_in"].trigger()
    assert pane.table.zoom == main_window.context.zoom.steps == 1
    assert pane.table.font().pointSizeF() > size
    main_window.context.actions["view.zoom_reset"].trigger()
    assert pane.table.font().pointSizeF() == size


def test_export_csv(qtbot, make_context, tmp_path: Path) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    target = tmp_path / "pair.csv"
    assert pane.export_csv(target)
    assert target.read_bytes().startswith("\ufeff".encode())  # Excel shows the accents
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:6] == ["start", "end", "es", "en", "match", "confidence"]
    assert len(rows) == 1 + pane.model.rowCount()


def test_command_line_subtitles_reach_the_gui(monkeypatch) -> None:
    from misma_luna.cli import main as cli
    from misma_luna.ui.shell import app

    seen: list[object] = []
    monkeypatch.setattr(app, "run_gui", lambda *args: seen.append(args) or 0)
    es, en = SUBS / "pair.es.srt", SUBS / "pair.en.srt"
    assert cli.main(["--subtitles", str(es), str(en)]) == 0
    assert seen[0][3] == [es, en]  # type: ignore[index]
