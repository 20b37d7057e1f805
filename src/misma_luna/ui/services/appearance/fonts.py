"""The bundled fonts (Noto Serif, SIL OFL), registered with Qt once per process.

Review sheets and the review pane ask for `SERIF_FAMILY`; because the files ship with the app,
printed sheets look the same on every machine and PDFs embed the same font.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

from misma_luna.core.base.resources import resources_dir

SERIF_FAMILY = "Noto Serif"
SERIF_FALLBACKS = (SERIF_FAMILY, "DejaVu Serif", "Georgia", "serif")
_FILES = (
    "NotoSerif-Regular.ttf",
    "NotoSerif-Bold.ttf",
    "NotoSerif-Italic.ttf",
    "NotoSerif-BoldItalic.ttf",
)


class _Registered:
    """Whether this process has registered the bundled fonts already."""

    families: tuple[str, ...] | None = None


def fonts_dir() -> Path:
    """Where the bundled font files and their license live."""
    return resources_dir() / "fonts"


def register_bundled_fonts() -> tuple[str, ...]:
    """Add the bundled font files to Qt's font database (once); return their families."""
    if _Registered.families is not None:
        return _Registered.families
    families: set[str] = set()
    for name in _FILES:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / name))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    _Registered.families = tuple(sorted(families))
    return _Registered.families
