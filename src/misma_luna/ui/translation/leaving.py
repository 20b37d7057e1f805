"""Leaving the translator with text the package's file could not take: the reader is asked.

A failed save keeps the text in the editor and the session; this is the one question about it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.ui.widgets.plain_text import make_plain_box


def ask_to_leave_unsaved(parent: QWidget, path: Path) -> bool:
    """Whether the reader leaves a translation that could not be saved to `path`."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Translation not saved"), "", parent=parent)
    make_plain_box(box).setText(
        _("What you typed could not be saved to {path}. Leave it unsaved?").format(path=path)
    )
    leave = box.addButton(_("Leave Unsaved"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Keep Editing"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is leave
