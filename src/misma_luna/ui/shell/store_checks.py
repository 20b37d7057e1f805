"""Today's backup of one of the reader's stores (the notes, the words), made on a worker
thread once the window is up (a large file takes seconds to copy), and said when it could
not be made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.sqlite_files import FileStore
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.widgets.dialogs import report_problem


def back_up_in_background(
    window: QWidget, context: AppContext, store: FileStore, title: str,
    failed: Callable[[str], str],
) -> None:  # fmt: skip
    """Back `store` up on a worker thread; if it cannot be, say `failed(why)` under `title`."""

    def backed_up(problem: str | None) -> None:
        if problem is not None:
            report_problem(window, title, failed(problem))

    def broke(error: Exception) -> None:
        report_problem(window, title, error if isinstance(error, MismaLunaError) else str(error))

    context.background.run(store.back_up_daily, backed_up, broke)
