"""The app's look: the theme (the system's colours, light or dark) and the whole app's text size.

Every colour the app paints comes from the palette set here; the two palettes below are the
only place colours are named. Preferences > Theme and Text size apply at once, without restart.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from misma_luna.core.base.i18n import N_
from misma_luna.ui.services import settings
from misma_luna.ui.services.settings import Preferences

# The themes offered, as (stored value, name for the reader).
THEMES = (("system", N_("Same as the system")), ("light", N_("Light")), ("dark", N_("Dark")))
# The whole app's text size, in points: 0 is the system's own.
FONT_SIZES = (0, 24)
MIN_FONT_SIZE = 8

Role = QPalette.ColorRole

# Colour roles as (window, base, alternate base, text, button, highlight, link, muted text).
LIGHT = ("#f4f4f2", "#ffffff", "#f0efeb", "#1d1d1b", "#e9e8e4", "#2f6fb0", "#1f5f99", "#6b6b66")
DARK = ("#2b2b2b", "#1f1f1f", "#272727", "#e8e6e3", "#3a3a3a", "#4a88c7", "#8cc4ff", "#9a9893")


class _System:
    """The system's palette and font, as they were before the reader chose another."""

    palette: QPalette | None = None
    font: QFont | None = None


def themed_palette(colours: tuple[str, ...]) -> QPalette:
    """A full palette from the eight colours of a theme."""
    window, base, alternate, text, button, highlight, link, muted = map(QColor, colours)
    palette = QPalette(button, window)
    for role, colour in (
        (Role.Window, window), (Role.WindowText, text), (Role.Base, base),
        (Role.AlternateBase, alternate), (Role.Text, text), (Role.Button, button),
        (Role.ButtonText, text), (Role.ToolTipBase, base), (Role.ToolTipText, text),
        (Role.Highlight, highlight), (Role.HighlightedText, QColor("#ffffff")),
        (Role.Link, link), (Role.LinkVisited, link), (Role.PlaceholderText, muted),
        (Role.BrightText, QColor("#ff6b6b")),
    ):  # fmt: skip
        palette.setColor(role, colour)
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return palette


def apply_theme(theme: str) -> None:
    """Colour the whole app with `theme` ("system", "light" or "dark")."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _System.palette is None:
        _System.palette = QPalette(QApplication.palette())
    if theme == "light":
        QApplication.setPalette(themed_palette(LIGHT))
    elif theme == "dark":
        QApplication.setPalette(themed_palette(DARK))
    else:
        QApplication.setPalette(_System.palette)


def apply_font_size(points: int) -> None:
    """Set the whole app's text size (0: the system's)."""
    if not isinstance(QApplication.instance(), QApplication):
        return
    if _System.font is None:
        _System.font = QFont(QApplication.font())
    font = QFont(_System.font)
    if points:
        font.setPointSize(max(MIN_FONT_SIZE, min(FONT_SIZES[1], points)))
    QApplication.setFont(font)


def apply_appearance(preferences: Preferences) -> None:
    """The theme and text size the reader chose (nothing to do for the system's own)."""
    theme = preferences.get(settings.THEME)
    if theme != "system" or _System.palette is not None:
        apply_theme(theme)
    points = preferences.get(settings.APP_FONT_SIZE)
    if points or _System.font is not None:
        apply_font_size(points)
