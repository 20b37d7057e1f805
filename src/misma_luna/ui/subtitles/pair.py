"""The subtitle pair as a model: two tracks, the offset of the second, and their alignment.

The pair owns this state and realigns itself when a track or the offset changes; the pane's
widgets (table, track bars, offset box, status line) only render it and call its setters.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.subtitles.alignment import Alignment, align, estimate_offset
from misma_luna.core.subtitles.tracks import Track

LEFT = 0
RIGHT = 1
OFFSET_LIMIT_MS = 10 * 60 * 1000  # the furthest the second track can be moved either way

Tracks = tuple[Track | None, Track | None]


class SubtitlePair(QObject):
    """Left and right tracks, the right one's offset in ms, and the alignment of the two."""

    changed = Signal()  # tracks or alignment replaced
    offsetChanged = Signal(int)  # noqa: N815 (Qt naming)
    languagesChanged = Signal()  # noqa: N815 (Qt naming); a track renamed, rows unchanged

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tracks: Tracks = (None, None)
        self._offset = 0
        self._unread: tuple[MismaLunaError, ...] = ()
        self._alignment = align((), ())

    # -- reading

    @property
    def tracks(self) -> Tracks:
        """The left and right tracks (None where no track is loaded)."""
        return self._tracks

    def track(self, side: int) -> Track | None:
        """The track on `side` (LEFT or RIGHT), if any."""
        return self._tracks[side]

    @property
    def offset(self) -> int:
        """Milliseconds the right track is moved by (negative = earlier)."""
        return self._offset

    @property
    def alignment(self) -> Alignment:
        """The two tracks' cues paired by time, the offset applied to the right one."""
        return self._alignment

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

    def side_for(self, track: Track) -> int:
        """Where `track` goes: an empty side or the side in its language, else the right."""
        for side, current in enumerate(self._tracks):
            if current is None or (track.language and current.language == track.language):
                return side
        return RIGHT

    # -- changing

    def set_tracks(
        self,
        left: Track | None,
        right: Track | None,
        offset: int | None = None,
        unread: tuple[MismaLunaError, ...] = (),
    ) -> None:
        """Replace both tracks (and the offset, unless None) and realign once."""
        self._tracks = (left, right)
        self._unread = unread
        moved = offset is not None and self._store_offset(offset)
        self._realign()
        if moved:
            self.offsetChanged.emit(self._offset)
        self.changed.emit()

    def set_track(self, side: int, track: Track | None) -> None:
        """Replace the track on `side` and realign."""
        tracks = list(self._tracks)
        tracks[side] = track
        self.set_tracks(tracks[LEFT], tracks[RIGHT])

    def set_language(self, side: int, language: str | None) -> None:
        """Declare the track on `side` to be in `language` (the rows stay as they are)."""
        track = self._tracks[side]
        if track is None or track.language == language:
            return
        tracks = list(self._tracks)
        tracks[side] = track.with_language(language)
        self._tracks = (tracks[LEFT], tracks[RIGHT])
        self.languagesChanged.emit()

    def set_offset(self, ms: int) -> None:
        """Move the right track by `ms` (within the limit) and realign."""
        if not self._store_offset(ms):
            return
        self._realign()
        self.offsetChanged.emit(self._offset)
        self.changed.emit()

    def estimate_offset(self) -> int | None:
        """Set the offset that makes the two tracks overlap most; None without two tracks."""
        left, right = self._tracks
        if left is None or right is None:
            return None
        self.set_offset(estimate_offset(left.cues, right.cues))
        return self._offset

    def clear(self) -> None:
        """No tracks, no offset, no rows."""
        self.set_tracks(None, None, offset=0)

    # -- inside

    def _store_offset(self, ms: int) -> bool:
        """Keep `ms` (clamped to the limit) as the offset; whether it changed."""
        clamped = max(-OFFSET_LIMIT_MS, min(OFFSET_LIMIT_MS, int(ms)))
        if clamped == self._offset:
            return False
        self._offset = clamped
        return True

    def _realign(self) -> None:
        left, right = self._tracks
        shifted = right.shifted(self._offset) if right else None
        self._alignment = align(left.cues if left else (), shifted.cues if shifted else ())
