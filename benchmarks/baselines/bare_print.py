"""Baseline for the review sheet: Qt prints the same HTML with a bare QTextDocument to a PDF.

No film, no catalogs, no header or footer painting: one QTextDocument, one QPdfWriter on
A4, one print() call. The harness composes the app's sheet HTML and hands it over.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument


def main() -> int:
    """Print the HTML file argv[1] to the PDF argv[2]."""
    app = QGuiApplication(sys.argv[:1])
    document = QTextDocument()
    document.setHtml(Path(sys.argv[1]).read_text(encoding="utf-8"))
    writer = QPdfWriter(sys.argv[2])
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    document.print_(writer)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
