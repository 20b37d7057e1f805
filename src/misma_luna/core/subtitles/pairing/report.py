"""What a pairing found, in the reader's language: the sync in one sentence, and the doubts.

"English moved +2.43 s and slowed 25 → 23.976 fps; 3 sections, the cut differs after
1:12:40", then the rows' summary; warnings when many lines have no partner, when the fit is
ambiguous, or when the tracks seem to come from different films.
"""

from __future__ import annotations

from misma_luna.core.base.formatting import (
    first_capital,
    format_list,
    format_number,
    language_name,
)
from misma_luna.core.base.i18n import _, active_language, ngettext
from misma_luna.core.subtitles.pairing.pair import Pairing
from misma_luna.core.subtitles.sync.transform import Sync

UNPAIRED_WARNING = 0.25  # above this share of lone cues the pairing is doubtful


def clock(ms: int) -> str:
    """`1:12:40` (or `12:40` under an hour)."""
    seconds = max(ms, 0) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _seconds(ms: int) -> str:
    sign = "+" if ms > 0 else "−" if ms < 0 else ""
    return sign + format_number(round(abs(ms) / 1000, 2), active_language())


def _fps(rate: float) -> str:
    return format_number(rate, active_language())


def _subject(language: str | None) -> str:
    if not language:
        return _("The second track")
    return first_capital(language_name(language, active_language()))


def describe_sync(sync: Sync, language: str | None = None) -> str:
    """The sync of the second track (in `language`) as one sentence."""
    transform = sync.transform
    subject = _subject(language)
    if transform.is_identity:
        if not sync.estimated:
            return _("{track}: as timed, not synced").format(track=subject)
        return _("{track}: the timing already matched").format(track=subject)
    parts = []
    if transform.offset_ms:
        # TRANSLATORS: {seconds} is signed, like "+2.43" or "−7.00".
        parts.append(_("moved {seconds} s").format(seconds=_seconds(transform.offset_ms)))
    rates = transform.frame_rates
    if rates is not None:
        source, target = (_fps(rate) for rate in rates)
        if transform.ratio > 1:
            parts.append(_("slowed {source} → {target} fps").format(source=source, target=target))
        else:
            parts.append(_("sped up {source} → {target} fps").format(source=source, target=target))
    elif transform.ratio != 1.0:
        percent = format_number(round(abs(transform.ratio - 1) * 100, 2), active_language())
        if transform.ratio > 1:
            parts.append(_("stretched by {percent} %").format(percent=percent))
        else:
            parts.append(_("shrunk by {percent} %").format(percent=percent))
    sentence = _("{track} {changes}").format(
        track=subject, changes=format_list(parts, active_language())
    )
    if transform.cuts > 1:
        sentence += "; " + _sections(transform.cuts, transform.split_points())
    return sentence


def _sections(count: int, points: list[int]) -> str:
    sections = ngettext("{count} section", "{count} sections", count).format(count=count)
    where = format_list([clock(ms) for ms in points], active_language())
    # TRANSLATORS: follows "3 sections, "; {times} lists times like "1:12:40 and 1:40:02".
    return sections + ", " + _("the cut differs after {times}").format(times=where)


def summary(pairing: Pairing, language: str | None = None) -> str:
    """The sync (when there was one to find) and the rows, in one line."""
    counts = pairing.stats.summary()
    if pairing.merged:
        counts += ", " + ngettext("{count} merged", "{count} merged", pairing.merged).format(
            count=pairing.merged
        )
    return f"{describe_sync(pairing.sync, language)}. {counts}"


def warnings(pairing: Pairing) -> list[str]:
    """What the reader should check, most serious first (empty when all looks right)."""
    found = []
    if pairing.sync.unrelated:
        found.append(_("The two tracks do not seem to belong to the same film."))
    elif pairing.sync.ambiguous:
        found.append(_("The timing fit is uncertain: check a few lines, or set the offset."))
    if pairing.unpaired_share > UNPAIRED_WARNING and not pairing.sync.unrelated:
        percent = round(pairing.unpaired_share * 100)
        found.append(
            _("{percent} % of the lines have no partner: check the timing.").format(percent=percent)
        )
    return found
