"""The subtitle pair as a model: two tracks, the timing of the second, and how their lines pair.

A new pair finds the second track's timing by itself (`pair_tracks`); the reader may then
undo it, find it again, type an offset or fix it from lines picked by hand. The pair owns
this state and pairs itself again when a track or the timing changes; the pane's widgets
(table, track bars, offset box, status line) only render it and call its setters.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.subtitles.pairing.pair import Pairing, pair_tracks
from misma_luna.core.subtitles.sync.transform import MAX_OFFSET_MS, Sync, Transform
from misma_luna.core.subtitles.tracks import Track

LEFT = 0
RIGHT = 1
OFFSET_LIMIT_MS = MAX_OFFSET_MS  # the furthest the reader can move the second track either way

Tracks = tuple[Track | None, Track | None]


class SubtitlePair(QObject):
    """Left and right tracks, the timing of the right one, and the pairing of the two."""

    changed = Signal()  # tracks or pairing replaced
    offsetChanged = Signal(int)  # noqa: N815 (Qt naming)
    languagesChanged = Signal()  # noqa: N815 (Qt naming); a track renamed, rows unchanged

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tracks: Tracks = (None, None)
        self._unread: tuple[MismaLunaError, ...] = ()
        self._pairing = pair_tracks((), (), Transform())

    # -- reading

    @property
    def tracks(self) -> Tracks:
        """The left and right tracks (None where no track is loaded)."""
        return self._tracks

    def track(self, side: int) -> Track | None:
        """The track on `side` (LEFT or RIGHT), if any."""
        return self._tracks[side]

    @property
    def pairing(self) -> Pairing:
        """The two tracks' cues paired, the right one moved by the timing in force."""
        return self._pairing

    @property
    def alignment(self) -> Pairing:
        """The pairing (its rows and stats), as the table shows it."""
        return self._pairing

    @property
    def sync(self) -> Sync:
        """The timing in force: found from the tracks or chosen by the reader."""
        return self._pairing.sync

    @property
    def transform(self) -> Transform:
        """How the right track's times map onto the left's."""
        return self._pairing.sync.transform

    @property
    def offset(self) -> int:
        """Milliseconds the right track is moved by at its start (negative = earlier)."""
        return self.transform.offset_ms

    @property
    def languages(self) -> tuple[str | None, str | None]:
        """The language of each track (None when unknown or absent)."""
        left, right = self._tracks
        return (left.language if left else None, right.language if right else None)

    @property
    def unread(self) -> tuple[MismaLunaError, ...]:
        """Why files meant for this pair could not be read (kept until a track is replaced)."""
        return self._unread

    def is_empty(self) -> bool:
        """Whether neither side holds a track."""
        return not any(self._tracks)

    def is_complete(self) -> bool:
        """Whether both sides hold a track (so there is a timing to find or fix)."""
        return all(track is not None for track in self._tracks)

    def side_for(self, track: Track) -> int:
        """Where `track` goes: an empty side or the side in its language, else the right."""
        for side, current in enumerate(self._tracks):
            if current is None or (track.language and current.language == track.language):
                return side
        return RIGHT

    # -- changing the tracks

    def set_tracks(
        self,
        left: Track | None,
        right: Track | None,
        transform: Transform | None = None,
        unread: tuple[MismaLunaError, ...] = (),
    ) -> None:
        """Replace both tracks and pair them: by `transform`, or by a timing found (None).

        Nothing of the previous pair's timing is kept."""
        self._tracks = (left, right)
        self._unread = unread
        self._pair(transform)

    def set_track(self, side: int, track: Track | None, keep_timing: bool = False) -> None:
        """Replace the track on `side` and pair again (with the timing in force if asked)."""
        tracks = list(self._tracks)
        tracks[side] = track
        timing = self.transform if keep_timing else None
        self.set_tracks(tracks[LEFT], tracks[RIGHT], timing, self._unread if keep_timing else ())

    def set_language(self, side: int, language: str | None) -> None:
        """Declare the track on `side` to be in `language` (the rows stay as they are)."""
        track = self._tracks[side]
        if track is None or track.language == language:
            return
        tracks = list(self._tracks)
        tracks[side] = track.with_language(language)
        self._tracks = (tracks[LEFT], tracks[RIGHT])
        self.languagesChanged.emit()

    def clear(self) -> None:
        """No tracks, no timing, no rows."""
        self.set_tracks(None, None, Transform())

    # -- changing the timing

    def set_transform(self, transform: Transform) -> None:
        """Pair the tracks with the right one moved by `transform`, the reader's choice."""
        if not self._pairing.sync.estimated and transform == self.transform:
            return
        self._pair(transform)

    def set_offset(self, ms: int) -> None:
        """Move the right track by `ms` (within the limit) over its own timing, and pair."""
        clamped = max(-OFFSET_LIMIT_MS, min(OFFSET_LIMIT_MS, int(ms)))
        self.set_transform(Transform.constant(clamped))

    def undo_sync(self) -> None:
        """Pair the tracks as they were timed, nothing moved."""
        self.set_transform(Transform())

    def find_timing(self) -> Sync | None:
        """Find the right track's timing again and pair by it; None without two tracks."""
        if not self.is_complete():
            return None
        self._pair(None)
        return self.sync

    # -- inside

    def _pair(self, transform: Transform | None) -> None:
        """Pair the tracks as loaded: by `transform`, or by the timing found when None."""
        before = self.offset
        left, right = self._tracks
        left_cues = left.cues if left else ()
        right_cues = right.cues if right else ()
        if not (left_cues and right_cues):
            transform = transform or Transform()  # one track alone: no timing to find
        with _busy(len(left_cues) + len(right_cues)):
            self._pairing = pair_tracks(left_cues, right_cues, transform)
        if self.offset != before:
            self.offsetChanged.emit(self.offset)
        self.changed.emit()


BUSY_CUES = 600  # from this many cues the pairing takes long enough to show a wait cursor


@contextmanager
def _busy(cues: int) -> Iterator[None]:
    """A wait cursor while a long pair is synced and paired (none in a headless run)."""
    show = cues >= BUSY_CUES and QGuiApplication.instance() is not None
    if show:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        if show:
            QGuiApplication.restoreOverrideCursor()
