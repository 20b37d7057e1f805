"""The subtitle pair model: tracks, timing and pairing kept together; the pane renders it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from misma_luna.core.subtitles.pairing.report import summary
from misma_luna.core.subtitles.sync.transform import Transform
from misma_luna.core.subtitles.tracks import Track, load_track
from misma_luna.ui.subtitles.pair import LEFT, OFFSET_LIMIT_MS, RIGHT, SubtitlePair
from misma_luna.ui.subtitles.pane import SubtitlesPane
from misma_luna.ui.subtitles.table_model import RIGHT_COLUMN

# (start, end) in seconds, gaps and lengths uneven so that one offset fits best.
TIMES = [(1.0, 3.2), (4.0, 5.1), (7.5, 10.0), (10.4, 11.0), (14.0, 17.5)]
SPANISH = [
    "¿Ya llegaste a la frontera?",
    "Todavía no, mamá.",
    "Mira la luna esta noche.",
    "Es la misma que yo veo.",
    "Te llamo el domingo, como siempre.",
]
ENGLISH = [
    "Have you reached the border yet?",
    "Not yet, Mom.",
    "Look at the moon tonight.",
    "It's the same one I see.",
    "I'll call you on Sunday, like always.",
]
LATE_MS = 2500  # how much later the English file's cues come than the Spanish ones
FIT_MS = -LATE_MS  # the offset that lines them up


def _stamp(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"00:{ms // 60_000:02}:{ms // 1000 % 60:02},{ms % 1000:03}"


def _write_srt(path: Path, lines: list[str], shift_ms: int = 0) -> Path:
    blocks = []
    for number, ((start, end), line) in enumerate(zip(TIMES, lines, strict=True), 1):
        span = f"{_stamp(start + shift_ms / 1000)} --> {_stamp(end + shift_ms / 1000)}"
        blocks.append(f"{number}\n{span}\n{line}\n")
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def _tracks(folder: Path) -> tuple[Track, Track]:
    spanish = load_track(_write_srt(folder / "carta.es.srt", SPANISH))
    english = load_track(_write_srt(folder / "carta.en.srt", ENGLISH, shift_ms=LATE_MS))
    return spanish, english


def _partner(pair: SubtitlePair, spanish: str) -> list[str]:
    return next(row.right for row in pair.alignment.rows if spanish in row.left)


def test_setting_tracks_realigns_and_says_so(qtbot, tmp_path: Path) -> None:
    spanish, english = _tracks(tmp_path)
    pair = SubtitlePair()
    assert pair.is_empty() and pair.alignment.rows == []
    with qtbot.waitSignal(pair.changed):
        pair.set_track(LEFT, spanish)
    assert pair.alignment.stats.rows == 5 and pair.alignment.stats.paired == 0
    with qtbot.waitSignal(pair.changed):
        pair.set_track(RIGHT, english.shifted(FIT_MS))
    assert pair.tracks[RIGHT] is not None
    assert pair.languages == ("es", "en")
    assert _partner(pair, "Todavía no, mamá.") == ["Not yet, Mom."]
    assert pair.alignment.stats.paired == 5


def test_the_offset_realigns_and_is_kept_within_its_limit(qtbot, tmp_path: Path) -> None:
    spanish, english = _tracks(tmp_path)
    pair = SubtitlePair()
    pair.set_tracks(spanish, english, Transform())  # as timed
    assert _partner(pair, "Todavía no, mamá.") != ["Not yet, Mom."]
    offsets: list[int] = []
    pair.offsetChanged.connect(offsets.append)
    with qtbot.waitSignal(pair.changed):
        pair.set_offset(FIT_MS)
    assert offsets == [FIT_MS]
    assert _partner(pair, "Todavía no, mamá.") == ["Not yet, Mom."]
    with qtbot.assertNotEmitted(pair.changed):
        pair.set_offset(FIT_MS)  # the same offset: nothing to redo
    pair.set_offset(OFFSET_LIMIT_MS + 5000)
    assert pair.offset == OFFSET_LIMIT_MS


def test_the_timing_is_found_by_itself_and_again(qtbot, tmp_path: Path) -> None:
    spanish, english = _tracks(tmp_path)
    pair = SubtitlePair()
    assert pair.find_timing() is None  # nothing to find it from
    pair.set_tracks(spanish, english)
    assert pair.sync.estimated and abs(pair.offset - FIT_MS) <= 50
    pair.undo_sync()
    assert pair.offset == 0 and not pair.sync.estimated
    with qtbot.waitSignal(pair.offsetChanged):
        assert pair.find_timing() is pair.sync
    assert abs(pair.offset - FIT_MS) <= 50
    assert pair.alignment.stats.paired == 5


def test_a_new_pair_starts_from_its_own_timing(tmp_path: Path) -> None:
    spanish, english = _tracks(tmp_path)
    pair = SubtitlePair()
    pair.set_tracks(spanish, english, Transform.constant(4000))
    pair.set_tracks(spanish, english.shifted(FIT_MS))  # timed alike
    assert pair.transform.is_identity and pair.sync.estimated
    assert pair.alignment.stats.paired == 5


def test_clear_empties_the_pair(qtbot, tmp_path: Path) -> None:
    pair = SubtitlePair()
    pair.set_tracks(*_tracks(tmp_path), Transform.constant(1200))
    with qtbot.waitSignals([pair.offsetChanged, pair.changed]):
        pair.clear()
    assert pair.tracks == (None, None)
    assert pair.offset == 0
    assert pair.alignment.rows == [] and pair.is_empty()


def test_a_new_language_renames_without_realigning(qtbot, tmp_path: Path) -> None:
    pair = SubtitlePair()
    pair.set_tracks(*_tracks(tmp_path))
    rows = pair.alignment
    with qtbot.assertNotEmitted(pair.changed), qtbot.waitSignal(pair.languagesChanged):
        pair.set_language(RIGHT, "fr")
    assert pair.languages == ("es", "fr")
    assert pair.alignment is rows


def test_a_track_goes_to_the_side_in_its_language(tmp_path: Path) -> None:
    spanish, english = _tracks(tmp_path)
    pair = SubtitlePair()
    assert pair.side_for(english) == LEFT  # the first empty side
    pair.set_tracks(spanish, english)
    assert pair.side_for(spanish) == LEFT
    assert pair.side_for(english.with_language("de")) == RIGHT


def test_the_offset_box_follows_the_pair_and_feeds_it(qtbot, make_context, tmp_path: Path) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    pair, box = pane.pair, pane.controls.offset_box
    pair.set_tracks(*_tracks(tmp_path), Transform())
    with qtbot.waitSignal(pair.offsetChanged):
        pane.controls.estimate_button.click()
    assert box.value() == pair.offset and abs(pair.offset - FIT_MS) <= 50
    assert pane.model.row(0).right == ["Have you reached the border yet?"]
    offsets: list[int] = []
    pair.offsetChanged.connect(offsets.append)
    box.setValue(-700)
    assert offsets == [-700]  # once: the box showing it back does not set it again
    assert pair.offset == -700
    assert pair.transform == Transform.constant(-700)
    assert pane.status_label.text() == summary(pair.pairing, "en")
    pair.clear()
    assert box.value() == 0
    assert pane.status_label.text() == "No subtitles"
    assert pane.bars[RIGHT].file_label.text() == "No subtitles"


def test_the_pane_shows_the_pair_as_it_changes(qtbot, make_context, tmp_path: Path) -> None:
    pane = SubtitlesPane(make_context())
    qtbot.addWidget(pane)
    spanish, english = _tracks(tmp_path)
    pane.pair.set_tracks(spanish, english, Transform.constant(FIT_MS))
    pane.jump_to(7_600)
    assert pane.anchor_here() is not None and "Mira la luna" in pane.anchor_here().quote  # type: ignore[union-attr]
    pane.pair.set_offset(FIT_MS + 100)
    assert "Mira la luna" in pane.anchor_here().quote  # type: ignore[union-attr]  # place kept
    assert pane.bars[LEFT].file_label.text() == "carta.es.srt"
    pane.pair.set_language(RIGHT, "fr")
    assert pane.model.headerData(RIGHT_COLUMN, Qt.Orientation.Horizontal) == "French"
    assert pane.bars[RIGHT].language_box.currentData() == "fr"
