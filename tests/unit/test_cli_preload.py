"""The modules the GUI imports before Qt (so PySide6 does not scan their source) stay Qt-free."""

from __future__ import annotations

import subprocess
import sys


def test_plain_python_first_loads_no_qt() -> None:
    code = (
        "import sys\n"
        "from misma_luna.cli import main as cli\n"
        "cli.load_plain_python_first()\n"
        "assert all(name in sys.modules for name in cli.PLAIN_PYTHON_FIRST)\n"
        "print(sorted(name for name in sys.modules if name.startswith(('PySide6', 'shiboken6'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
