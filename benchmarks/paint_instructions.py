"""Instructions from a start to its first paint, the app beside the bare window (valgrind).

Times to the first paint move by a tenth from one run to the next on a shared machine, so a
change worth 2 ms cannot be seen in them. The number of instructions a start runs moves by
less than a thousandth: callgrind counts them, and each process ends the moment it reports
its first paint. This is a tool for deciding what a change to the start is worth, beside
`make bench`, not a target: `python -m benchmarks.paint_instructions` (valgrind must be
installed; about a minute). The app runs from the installed package, or from the `src`
folder given with `--src`, with settings, notes and the film cache of its own; its film
cache is filled by one run first, as the reader's is.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import BASELINES, child_env
from benchmarks.startup import LANGUAGE, review_html_file

# The exit code of a counted start that reached its first paint (any other is a failure).
PAINTED = 75
# Run in the child: end the process as soon as it prints its first paint, then start it.
_CHILD = f"""
import os, sys
class _Paint:
    def write(self, text):
        if text.startswith("first-paint"):
            os._exit({PAINTED})
        return len(text)
    def flush(self):
        pass
sys.stdout = _Paint()
{{start}}
"""


def app_start(language: str = LANGUAGE) -> str:
    """Python code that starts the app and ends at its first paint."""
    return _CHILD.format(
        start=(
            f"sys.argv = ['misma-luna', '--exit-after-paint', '--lang', {language!r}]\n"
            "from misma_luna.cli.main import main\n"
            "main()"
        )
    )


def bare_start(html: Path) -> str:
    """Python code that starts the bare window on `html` and ends at its first paint."""
    script = BASELINES / "bare_window.py"
    return _CHILD.format(
        start=(
            "import runpy\n"
            f"sys.argv = ['bare_window.py', {str(html)!r}, '--exit-after-paint']\n"
            f"runpy.run_path({str(script)!r}, run_name='__main__')"
        )
    )


_COUNT = re.compile(r"Collected\s*:\s*(\d+)")


def count(code: str, env: dict[str, str]) -> int:
    """Instructions `python -c code` runs under callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", code],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    found = _COUNT.search(done.stderr)
    if done.returncode != PAINTED or found is None:
        raise SystemExit(f"the start did not reach its first paint:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def counting_env(home: Path, src: Path | None) -> dict[str, str]:
    """`child_env` in `home`, with a fixed hash seed and the app run from `src` if given."""
    env = dict(child_env(home), QT_QPA_PLATFORM="offscreen", PYTHONHASHSEED="0")
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def main(argv: list[str] | None = None) -> int:
    """Count both starts and print them with their ratio."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.paint_instructions")
    parser.add_argument("--src", type=Path, help="a src folder to run the app from")
    options = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind)", file=sys.stderr)
        return 2
    app_code, bare_code = app_start(), bare_start(review_html_file())
    with tempfile.TemporaryDirectory(prefix="misma-paint-") as folder:
        env = counting_env(Path(folder), options.src)
        filled = subprocess.run([sys.executable, "-c", app_code], env=env, check=False)
        if filled.returncode != PAINTED:  # the film cache, filled as the reader's is
            raise SystemExit("the app did not start")
        app, bare = count(app_code, env), count(bare_code, env)
    print(f"app  {app / 1e6:8.1f} M instructions to the first paint")
    print(f"bare {bare / 1e6:8.1f} M instructions to the first paint")
    print(f"ratio {app / bare:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
