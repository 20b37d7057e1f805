"""Opening from the shell: Ctrl+L, New Film, subtitles by File > Open, the last film read,
files handed over by a second launch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.ui.services import settings
from misma_luna.ui.services.single_instance import read_wake_message, wake_message
from misma_luna.ui.shell.app import first_film

SUBTITLES = Path(__file__).resolve().parents[1] / "data" / "subtitles"
HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def test_library_and_new_film_are_in_the_file_menu(main_window, tmp_path: Path) -> None:
    main_window.context.library_root = tmp_path / "films"
    actions = main_window.context.actions
    assert actions["file.library"].shortcut() == QKeySequence("Ctrl+L")
    menu = main_window.menuBar().actions()[0].menu()
    assert actions["file.library"] in menu.actions()
    assert actions["file.new_film"] in menu.actions()
    actions["file.library"].trigger()
    library = main_window.opener.library_window
    assert library.isVisible() and library.proxy.rowCount() >= 1
    library.close()


def test_subtitle_files_chosen_go_to_the_subtitles_pane(main_window, qtbot) -> None:
    opener = main_window.opener
    with qtbot.waitSignal(opener.subtitlesChosen) as chosen:
        opener.open_paths([SUBTITLES / "pair.es.srt", SUBTITLES / "pair.en.srt"])
    assert [p.name for p in chosen.args[0]] == ["pair.es.srt", "pair.en.srt"]
    assert main_window.context.film.id == "bajo-la-misma-luna"


def test_the_last_film_read_is_remembered_and_opened(main_window, tmp_path: Path) -> None:
    main_window.context.library_root = tmp_path / "films"
    assert main_window.opener.open_path(HOSTILE / "hostile-film.zip") is not None
    saved = main_window.context.preferences.get(settings.LAST_FILM)
    assert Path(saved) == (HOSTILE / "hostile-film.zip").resolve()
    film, error = first_film(None, Path(saved))
    assert film.id == "hostile-film" and error is None
    gone, error = first_film(None, tmp_path / "deleted")
    assert gone.path == bundled_film_dir() and error is None


def test_a_second_launch_hands_over_its_files(tmp_path: Path) -> None:
    paths = [tmp_path / "película.srt", tmp_path / "a b" / "film.toml"]
    assert read_wake_message(wake_message(paths)) == paths
    assert read_wake_message(wake_message([])) == []
    assert read_wake_message(b"hello\nend\n") is None
