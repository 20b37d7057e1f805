"""Edit > Preferences (text size, theme, sheet defaults) and Help > Getting Started."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from misma_luna.ui.services import settings
from misma_luna.ui.services.appearance.theme import apply_font_size


def _preferences(main_window):  # type: ignore[no-untyped-def]
    main_window.context.actions["edit.preferences"].trigger()
    dialog = main_window._preferences
    assert dialog.isVisible()  # made and shown by the action
    return dialog


def test_the_dark_theme_colours_every_pane_from_the_palette(
    qtbot, main_window, system_theme_after
) -> None:
    dialog = _preferences(main_window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.theme.activated.emit(dialog.theme.currentIndex())
    assert main_window.context.preferences.get(settings.THEME) == "dark"
    assert QApplication.palette().window().color().lightness() < 80
    banner = main_window.notes_pane.banner
    background = banner.palette().color(banner.backgroundRole())
    text = banner.palette().color(banner.foregroundRole())
    assert abs(background.lightness() - text.lightness()) > 100  # readable on it


def test_the_whole_app_text_size_comes_from_preferences(qtbot, main_window) -> None:
    dialog = _preferences(main_window)
    try:
        dialog.font_size.setValue(17)
        assert main_window.context.preferences.get(settings.APP_FONT_SIZE) == 17
        assert QApplication.font().pointSize() == 17
        qtbot.waitUntil(lambda: main_window.notes_pane.editor.font().pointSize() == 17)
        dialog.font_size.setValue(dialog.font_size.minimum())
        assert main_window.context.preferences.get(settings.APP_FONT_SIZE) == 0
    finally:
        apply_font_size(0)


def test_sheet_defaults_are_shared_with_the_sheet_options(main_window) -> None:
    dialog = _preferences(main_window)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.paper.activated.emit(dialog.paper.currentIndex())
    dialog.sheet_language.setCurrentIndex(dialog.sheet_language.findData("both"))
    dialog.sheet_language.activated.emit(dialog.sheet_language.currentIndex())
    prefs = main_window.context.preferences
    assert (prefs.get(settings.SHEET_PAPER), prefs.get(settings.SHEET_LANGUAGE)) == (
        "letter",
        "both",
    )


def test_getting_started_is_offline_and_follows_the_language(qtbot, main_window) -> None:
    main_window.context.actions["help.getting_started"].trigger()
    assert main_window._help.isVisible()  # made and shown by the action
    page = main_window._help.page
    assert page.toPlainText().startswith("Getting started")
    assert str(main_window.context.data_dir) in page.toPlainText()
    main_window.context.language.set_language("es")
    qtbot.waitUntil(lambda: page.toPlainText().startswith("Primeros pasos"))


def test_no_subtitles_points_to_getting_started(qtbot, main_window) -> None:
    pane = main_window.subtitles_pane
    pane.set_tracks(None, None)
    assert not pane.help_link.isHidden()
    pane.help_link.linkActivated.emit("help:getting-started")
    assert main_window._help.isVisible()  # made and shown by the link


def test_preferences_has_a_shortcut_on_every_desktop(main_window) -> None:
    assert main_window.context.actions["edit.preferences"].shortcuts()
