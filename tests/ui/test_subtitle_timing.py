"""The reader stays in charge of the timing: found with no option, undone, typed, picked by hand."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from PySide6.QtCore import Qt

from misma_luna.core.subtitles.sync.transform import Transform
from misma_luna.ui.subtitles.pane import SubtitlesPane
from misma_luna.ui.subtitles.picking import Prompt
from misma_luna.ui.subtitles.table_model import (
    EMPTY_MARK,
    LEFT_COLUMN,
    MARKUP_ROLE,
    RIGHT_COLUMN,
    TIME_COLUMN,
)

SPANISH = (
    "¿Dónde dejaste las llaves del camión?",
    "En la mesa, junto al radio.",
    "Mañana salimos temprano, a las seis.",
    "¿Y si llueve otra vez?",
    "Entonces nos mojamos, como siempre.",
    "Tu abuela mandó tamales para el viaje.",
    "Dile que gracias, que la extraño.",
    "La carretera está cerrada hasta Ensenada.",
    "Buscamos otro camino por la sierra.",
    "No me sueltes la mano, Lupita.",
)
ENGLISH = (
    "Where did you leave the truck keys?",
    "On the table, next to the radio.",
    "Tomorrow we leave early, at six.",
    "And what if it rains again?",
    "Then we get wet, like always.",
    "Your grandmother sent tamales for the trip.",
    "Tell her thanks, that I miss her.",
    "The highway is closed as far as Ensenada.",
    "We'll find another way through the mountains.",
    "Don't let go of my hand, Lupita.",
)
LINES = 80

Cues = list[tuple[int, int, str]]


def _film(seed: int = 7) -> list[tuple[int, int]]:
    """`LINES` lines on the true clock: uneven lengths and pauses, a long break now and then."""
    rng = random.Random(seed)
    times, now = [], 20_000
    for _line in range(LINES):
        length = rng.randint(1200, 3800)
        times.append((now, now + length))
        now += length + rng.choice((150, 300, 600, 1100, 2400, 7000))
    return times


def _cues(texts: tuple[str, ...], ratio: float = 1.0, offset: int = 0, seed: int = 7) -> Cues:
    """The film's lines in one language, on a release's clock (`ratio * t + offset`)."""
    rng = random.Random(seed + 1)
    cues = []
    for number, (start, end) in enumerate(_film(seed)):
        jitter = rng.randint(-40, 40)
        text = f"{texts[number % len(texts)]} ({number + 1})"
        cues.append((round(start * ratio) + offset + jitter, round(end * ratio) + offset, text))
    return cues


def _srt(path: Path, cues: Cues) -> Path:
    def stamp(ms: int) -> str:
        return f"{ms // 3_600_000:02}:{ms // 60_000 % 60:02}:{ms // 1000 % 60:02},{ms % 1000:03}"

    blocks = [
        f"{number}\n{stamp(start)} --> {stamp(end)}\n{text}\n"
        for number, (start, end, text) in enumerate(cues, 1)
    ]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def _open(pane: SubtitlesPane, folder: Path, english: Cues, spanish: Cues | None = None) -> None:
    es = _srt(folder / "viaje.es.srt", spanish or _cues(SPANISH))
    en = _srt(folder / "viaje.en.srt", english)
    pane.open_pair(es, en)


def _right_pairs(pane: SubtitlesPane) -> float:
    """Share of rows pairing line n with line n (the number each text ends with)."""
    rows = pane.pair.pairing.rows
    right = sum(
        1
        for row in rows
        if len(row.left) == len(row.right) == 1 and row.left[0][-4:] == row.right[0][-4:]
    )
    return right / LINES


def _pane(qtbot, make_context) -> SubtitlesPane:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    return pane


def _row_with(pane: SubtitlesPane, text: str, column: int) -> int:
    for number in range(pane.model.rowCount()):
        row = pane.model.row(number)
        if any(text in line for line in (row.left if column == LEFT_COLUMN else row.right)):
            return number
    raise AssertionError(text)


def test_a_shifted_pair_opens_paired_with_no_option(qtbot, make_context, tmp_path: Path) -> None:
    pane = _pane(qtbot, make_context)
    _open(pane, tmp_path, _cues(ENGLISH, offset=3_200))
    assert _right_pairs(pane) >= 0.95
    assert abs(pane.offset + 3_200) <= 100
    assert pane.controls.offset_box.value() == pane.offset
    assert pane.status_label.text().startswith("English moved −3.")
    assert "80 rows" in pane.status_label.text()
    assert pane.warning_label.isHidden()
    assert pane.controls.undo_button.isEnabled()


def test_a_stretched_pair_opens_paired_with_no_option(qtbot, make_context, tmp_path: Path) -> None:
    pane = _pane(qtbot, make_context)
    _open(pane, tmp_path, _cues(ENGLISH, ratio=23.976 / 25, offset=1_500))
    assert _right_pairs(pane) >= 0.95
    assert pane.pair.transform.frame_rates == (25.0, 23.976)
    assert "23.976" in pane.status_label.text() and "fps" in pane.status_label.text()


def test_undo_returns_to_the_tracks_as_timed(qtbot, make_context, tmp_path: Path) -> None:
    pane = _pane(qtbot, make_context)
    _open(pane, tmp_path, _cues(ENGLISH, offset=3_200))
    with qtbot.waitSignal(pane.pair.changed):
        pane.controls.undo_button.click()
    assert pane.pair.transform.is_identity and not pane.pair.sync.estimated
    assert pane.controls.offset_box.value() == 0
    assert _right_pairs(pane) < 0.5
    assert pane.status_label.text().startswith("English: as timed, not synced.")
    assert not pane.controls.undo_button.isEnabled()
    pane.controls.estimate_button.click()  # found again
    assert _right_pairs(pane) >= 0.95 and pane.pair.sync.estimated


def test_a_typed_offset_moves_the_track_as_timed(qtbot, make_context, tmp_path: Path) -> None:
    pane = _pane(qtbot, make_context)
    _open(pane, tmp_path, _cues(ENGLISH, ratio=23.976 / 25, offset=1_500))
    pane.controls.offset_box.setValue(-2_000)
    assert pane.pair.transform == Transform.constant(-2_000)
    assert not pane.pair.sync.estimated
    assert pane.status_label.text().startswith("English moved −2 s.")


def test_picking_two_pairs_of_lines_fixes_a_stretch(qtbot, make_context, tmp_path: Path) -> None:
    pane = _pane(qtbot, make_context)
    _open(pane, tmp_path, _cues(ENGLISH, ratio=23.976 / 25, offset=4_000))
    pane.undo_sync()
    assert _right_pairs(pane) < 0.5
    for number in (3, 75):  # one pair near the start, one near the end
        pane.select_row(_row_with(pane, f"({number})", LEFT_COLUMN), LEFT_COLUMN)
        pane.start_pick()
        assert pane.pick_bar.prompt == Prompt.CHOOSE
        assert f"({number})" in pane.pick_bar.label.text()
        assert "English line" in pane.pick_bar.label.text()
        partner = _row_with(pane, f"({number})", RIGHT_COLUMN)
        pane.table.scrollTo(pane.model.index(partner, RIGHT_COLUMN))
        rect = pane.table.visualRect(pane.model.index(partner, RIGHT_COLUMN))
        qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.pick_bar.prompt == Prompt.TWO_PAIRS
    assert round(pane.pair.transform.ratio, 4) == round(25 / 23.976, 4)
    assert _right_pairs(pane) >= 0.95
    assert not pane.pair.sync.estimated


def test_one_picked_pair_sets_an_offset_and_enter_picks(
    qtbot, make_context, tmp_path: Path
) -> None:
    pane = _pane(qtbot, make_context)
    _open(pane, tmp_path, _cues(ENGLISH, offset=2_600))
    pane.controls.offset_box.setValue(0)
    pane.select_row(_row_with(pane, "(40)", LEFT_COLUMN), LEFT_COLUMN)
    pane.controls.pick_button.click()
    pane.select_row(_row_with(pane, "(40)", RIGHT_COLUMN), RIGHT_COLUMN)
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert pane.pick_bar.prompt == Prompt.ONE_PAIR
    assert abs(pane.offset + 2_600) <= 100
    assert _right_pairs(pane) >= 0.95


def test_esc_cancels_picking_and_a_row_without_partner_is_refused(
    qtbot, make_context, tmp_path: Path
) -> None:
    pane = _pane(qtbot, make_context)
    spanish = _cues(SPANISH)
    _open(pane, tmp_path, _cues(ENGLISH)[:40], spanish)  # English stops half way
    pane.select_row(_row_with(pane, "(10)", LEFT_COLUMN))
    pane.start_pick()
    lone = _row_with(pane, "(70)", LEFT_COLUMN)
    pane.choose_partner(lone)
    assert pane.pick_bar.prompt == Prompt.NO_PARTNER and pane.picker.picking
    before = pane.pair.transform
    pane.show()
    qtbot.waitExposed(pane)
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_Escape)
    assert pane.pick_bar.isHidden() and not pane.picker.picking
    assert pane.pair.transform == before


def test_a_new_pair_inherits_no_offset(qtbot, make_context, tmp_path: Path) -> None:
    pane = _pane(qtbot, make_context)
    _open(pane, tmp_path, _cues(ENGLISH, offset=3_200))
    pane.controls.offset_box.setValue(-9_000)
    other = tmp_path / "other"
    other.mkdir()
    _open(pane, other, _cues(ENGLISH, seed=11), _cues(SPANISH, seed=11))  # timed alike
    assert pane.pair.transform.is_identity and pane.pair.sync.estimated
    assert pane.controls.offset_box.value() == 0
    assert _right_pairs(pane) >= 0.95


def test_tracks_of_different_films_are_warned_about(qtbot, make_context, tmp_path: Path) -> None:
    pane = _pane(qtbot, make_context)
    _open(pane, tmp_path, _cues(ENGLISH, seed=99))
    assert not pane.warning_label.isHidden()
    assert pane.warning_label.text().startswith("⚠ ")
    assert pane.warning_label.textFormat() == Qt.TextFormat.PlainText


def test_rows_say_how_they_matched(qtbot, make_context, tmp_path: Path) -> None:
    pane = _pane(qtbot, make_context)
    english = _cues(ENGLISH, offset=1_000)
    start, _end, text = english[20]
    # The 21st English line shown as two cues; the 31st missing.
    halves = [(start, start + 900, text[:10]), (start + 900, english[20][1], text[10:])]
    english = english[:20] + halves + english[21:30] + english[31:]
    _open(pane, tmp_path, english)
    model = pane.model
    merged = _row_with(pane, "(21)", LEFT_COLUMN)
    assert len(model.row(merged).right) == 2
    assert model.index(merged, TIME_COLUMN).data().endswith("+")
    tip = model.index(merged, TIME_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "English: merged from 2 cues" in tip and "Confidence" in tip
    lone = _row_with(pane, "(31)", LEFT_COLUMN)
    assert model.row(lone).right == []
    assert EMPTY_MARK in model.index(lone, RIGHT_COLUMN).data(MARKUP_ROLE)
    assert "No counterpart" in model.index(lone, TIME_COLUMN).data(Qt.ItemDataRole.ToolTipRole)


def test_the_exported_csv_says_how_rows_matched(qtbot, make_context, tmp_path: Path) -> None:
    pane = _pane(qtbot, make_context)
    _open(pane, tmp_path, _cues(ENGLISH, offset=3_200))
    target = tmp_path / "pair.csv"
    assert pane.export_csv(target)
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:6] == ["start", "end", "es", "en", "match", "confidence"]
    assert sum(1 for row in rows[1:] if row[4] == "1:1") >= 76


def test_the_timing_is_said_in_spanish(qtbot, make_context, tmp_path: Path) -> None:
    context = make_context(language="es")
    pane = SubtitlesPane(context)
    qtbot.addWidget(pane)
    _open(pane, tmp_path, _cues(ENGLISH, offset=3_200))
    assert pane.status_label.text().startswith("Inglés: desplazado −3,")
    assert pane.controls.undo_button.text() == "Deshacer sincronía"
    context.language.set_language("en")
