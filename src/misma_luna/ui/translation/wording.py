"""What the translator says about the film as a whole: how much is done, and why it cannot
be saved when it cannot.

Plain functions of core objects, in the active language.
"""

from __future__ import annotations

from pathlib import Path

from misma_luna.core.base.i18n import _, ngettext
from misma_luna.core.film.translating import Editable, Progress


def progress_text(progress: Progress) -> str:
    """'12 of 15 paragraphs translated', and the film's details likewise when it has any."""
    blocks = ngettext(
        "{done} of {total} paragraph translated",
        "{done} of {total} paragraphs translated",
        progress.blocks,
    ).format(done=progress.blocks_done, total=progress.blocks)
    if not progress.fields:
        return blocks
    fields = ngettext(
        "{done} of {total} film detail translated",
        "{done} of {total} film details translated",
        progress.fields,
    ).format(done=progress.fields_done, total=progress.fields)
    # TRANSLATORS: the two counts of the translator, e.g. "12 of 15 paragraphs translated;
    # 3 of 4 film details translated".
    return _("{blocks}; {fields}").format(blocks=blocks, fields=fields)


def read_only_reason(editable: Editable, path: Path) -> str:
    """Why the film at `path` is shown but not saved ("" when it is saved)."""
    if editable is Editable.BUNDLED:
        return _(
            "This film comes with Misma Luna and cannot be changed, so its translations "
            "are shown here as they are. Films you make or import into your library can "
            "be translated here."
        )
    if editable is Editable.OUTSIDE:
        return _(
            "This film was opened from {path}, outside your library, so its translations "
            "are shown but not saved. Import it into the library (File > Library) to "
            "translate it here."
        ).format(path=path)
    if editable is Editable.READ_ONLY:
        return _(
            "The folder {path} cannot be written to, so translations cannot be saved there."
        ).format(path=path)
    return ""
