"""Subtitle files in and out of the pair: the film's own tracks, files chosen, handed over or
dropped, a track reopened in another encoding, and the pair exported as CSV.

`SubtitleFiles` asks through dialogs, loads through `core`, and says what went wrong in a
message box; the pair it is given then pairs whatever it loaded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.file_kinds import is_subtitle, subtitle_patterns
from misma_luna.core.base.i18n import _
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.subtitles.csv_export import write_csv
from misma_luna.core.subtitles.tracks import Track, load_track
from misma_luna.ui.services import settings
from misma_luna.ui.services.settings import Preferences
from misma_luna.ui.subtitles.pair import SubtitlePair
from misma_luna.ui.subtitles.track_bar import ENCODINGS, TrackBar
from misma_luna.ui.widgets.dialogs import report_problem


class SubtitleFiles:
    """Loads tracks into the pair and writes it out, asking and reporting over `parent`."""

    def __init__(
        self,
        parent: QWidget,
        pair: SubtitlePair,
        bars: tuple[TrackBar, TrackBar],
        preferences: Preferences,
    ) -> None:
        self._parent = parent
        self._pair = pair
        self._bars = bars
        self._preferences = preferences

    # -- loading

    def show_film(self, film: FilmPackage) -> None:
        """Show the film's own subtitle pair (Spanish first), or nothing."""
        found = dict(film.subtitle_tracks)
        order = sorted(found, key=lambda code: (code != "es", code != "en", code))[:2]
        loaded: list[Track | None] = []
        problems: list[MismaLunaError] = []
        for code in order:
            try:
                loaded.append(load_track(found[code], language=code))
            except MismaLunaError as error:
                problems.append(error)
                loaded.append(None)
        loaded += [None] * (2 - len(loaded))
        self._pair.set_tracks(loaded[0], loaded[1], unread=tuple(problems))

    def open_pair(self, first: Path, second: Path) -> None:
        """Load two files as the left and right tracks (the command line's `--subtitles A B`)."""
        tracks = [self._load_reporting(path) for path in (first, second)]
        left, right = self._pair.tracks
        self._pair.set_tracks(tracks[0] or left, tracks[1] or right)

    def open_files(self, paths: list[Path]) -> None:
        """Load one or two files, each replacing the track in its language (else the right)."""
        if len(paths) >= 2:
            self.open_pair(paths[0], paths[1])
            return
        for path in paths:
            track = self._load_reporting(path)
            if track is not None:
                self._pair.set_track(self._pair.side_for(track), track)

    def reopen(self, side: int, encoding: str) -> None:
        """Read the track on `side` again with `encoding`."""
        track = self._pair.track(side)
        if track is None:
            return
        reopened = self._load_reporting(track.path, encoding)
        if reopened is not None:  # the same cues, read right: the timing in force stays
            self._pair.set_track(side, reopened.with_language(track.language), keep_timing=True)

    def _load_reporting(self, path: Path, encoding: str | None = None) -> Track | None:
        try:
            track = load_track(path, encoding=encoding)
        except MismaLunaError as error:
            report_problem(self._parent, _("These subtitles could not be opened"), error)
            return None
        self._preferences.set(settings.LAST_FOLDER, str(path.parent))
        return track

    # -- dialogs

    def choose_and_open(self) -> None:
        """Ask for one or two subtitle files and show them."""
        patterns = subtitle_patterns()
        filters = ";;".join(
            (_("Subtitles ({patterns})").format(patterns=patterns), _("All files (*)"))
        )
        folder = self._preferences.get(settings.LAST_FOLDER)
        paths, _filter = QFileDialog.getOpenFileNames(
            self._parent, _("Open one or two subtitle files"), folder, filters
        )
        if paths:
            self.open_files([Path(path) for path in paths[:2]])

    def choose_and_export(self) -> None:
        """Ask where to save the aligned pair as CSV, then save it."""
        if self._pair.is_empty():
            report_problem(self._parent, _("Nothing to export"), _("No subtitles are open."))
            return
        folder = self._preferences.get(settings.LAST_FOLDER)
        path, _filter = QFileDialog.getSaveFileName(
            self._parent, _("Export subtitles as CSV"), str(Path(folder) / "subtitles.csv"),
            _("CSV tables (*.csv)"),
        )  # fmt: skip
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        """Write the aligned pair to `path` as CSV; report a failure."""
        try:
            write_csv(self._pair.pairing, path, *self._pair.languages)
        except MismaLunaError as error:
            report_problem(self._parent, _("The subtitles could not be exported"), error)
            return False
        return True

    def choose_encoding(self) -> None:
        """Ask which track to reopen and in which encoding."""
        tracks = {side: t for side, t in enumerate(self._pair.tracks) if t is not None}
        if not tracks:
            return
        sides = list(tracks)
        names = [track.path.name for track in tracks.values()]
        parent = self._parent
        name, ok = QInputDialog.getItem(parent, _("Reopen subtitles"), _("File:"), names, 0, False)
        if not ok:
            return
        bar = self._bars[sides[names.index(name)]]
        labels = [action.text() for action in bar.reopen_menu.actions()]
        label, ok = QInputDialog.getItem(
            parent, _("Reopen subtitles"), _("Encoding:"), labels, 0, False
        )
        if ok:
            self.reopen(sides[names.index(name)], ENCODINGS[labels.index(label)])


def dropped_subtitles(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local subtitle files a drag carries (none when it carries anything else)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [path for path in paths if is_subtitle(path)]
