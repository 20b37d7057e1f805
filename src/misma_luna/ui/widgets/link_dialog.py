"""The question asked before any link leaves the app: where it really leads, and why to care.

`core.links` unwraps redirects and strips trackers; this dialog shows the result and its
warnings. javascript:, file: and data: links (and anything that is not web or e-mail) are
refused with an explanation; the others open only after the reader says yes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.core.review.links import LinkReport, inspect_link
from misma_luna.ui.widgets.dialogs import report_problem


class LinkDialog(QMessageBox):
    """Shows a link's real destination and warnings; Open or Cancel (the default)."""

    def __init__(self, report: LinkReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("linkDialog")
        self.setWindowTitle(_("Open this link?"))
        icon = QMessageBox.Icon.Warning if report.warnings else QMessageBox.Icon.Question
        self.setIcon(icon)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(
            escape(_("This link leads to {host}.").format(host=report.host or report.scheme))
        )
        self.setInformativeText(self._details())
        self.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def _details(self) -> str:
        """The destination in full, then one paragraph per warning."""
        parts = [
            "<p>{label}<br><code>{url}</code></p>".format(
                label=escape(_("Real destination:")), url=escape(self.report.destination)
            )
        ]
        parts += [f"<p>⚠ {escape(warning.describe())}</p>" for warning in self.report.warnings]
        return "".join(parts)


def confirm_and_open_link(parent: QWidget, url: QUrl) -> bool:
    """Show where a link really leads and open it only if it is safe and the reader agrees."""
    report = inspect_link(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
    if not report.openable:
        refuse_link(parent, report)
        return False
    dialog = LinkDialog(report, parent)
    if dialog.exec() != QMessageBox.StandardButton.Open:
        return False
    return QDesktopServices.openUrl(QUrl(report.destination, QUrl.ParsingMode.TolerantMode))


def refuse_link(parent: QWidget, report: LinkReport) -> None:
    """Say why a link is never opened."""
    reasons = " ".join(warning.describe() for warning in report.warnings)
    text = _("This link ({scheme}:) is never opened by Misma Luna, for your safety.").format(
        scheme=report.scheme or "?"
    )
    report_problem(parent, _("Link not opened"), f"{text} {reasons}".strip())
