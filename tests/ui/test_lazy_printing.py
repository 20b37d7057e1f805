"""Printing is built on first use (Qt's print module stays out of start-up) and answers once."""

from __future__ import annotations

import sys

import pytest


def test_print_action_builds_the_printer_and_calls_it_once(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.ui.printing import printer as printing

    calls: list[str] = []
    monkeypatch.setattr(printing.SheetPrinter, "print_sheet", lambda self: calls.append("print"))
    window = main_window
    window._sheet_printer = None
    action = window.context.actions["file.print"]
    action.trigger()
    assert calls == ["print"]
    assert window._sheet_printer is not None
    action.trigger()
    assert calls == ["print", "print"]


@pytest.mark.parametrize("module", ["misma_luna.ui.printing.printer", "PySide6.QtPrintSupport"])
def test_window_start_does_not_import_printing(module: str) -> None:
    import subprocess

    code = (
        "import sys\n"
        "from misma_luna.ui.shell.main_window import MainWindow\n"
        f"print({module!r} in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
