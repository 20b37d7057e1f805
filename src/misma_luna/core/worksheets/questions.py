"""The teacher's comprehension questions, kept per film under the app's data folder so next
year's class gets them again: one small JSON file, keyed by film id, written whole.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from misma_luna.core.base.errors import cannot_read, cannot_write
from misma_luna.core.base.file_writing import write_whole
from misma_luna.core.base.i18n import _
from misma_luna.core.worksheets.scene import WorksheetError

FILE_NAME = "worksheet-questions.json"
FORMAT = 1


def questions_path(data_dir: Path) -> Path:
    """Where the questions live, inside the app's data folder."""
    return data_dir / FILE_NAME


def _read_all(path: Path) -> dict[str, list[str]]:
    """Every film's questions; nothing yet when the file does not exist."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise WorksheetError(path, cannot_read(error)) from error
    except ValueError as error:
        raise WorksheetError(path, _("the saved questions are damaged")) from error
    films = data.get("films") if isinstance(data, dict) else None
    if not isinstance(films, dict):
        raise WorksheetError(path, _("the saved questions are damaged"))
    return {
        str(film): [str(q) for q in questions if isinstance(q, str)]
        for film, questions in films.items()
        if isinstance(questions, list)
    }


def load_questions(path: Path, film_id: str) -> list[str]:
    """The questions saved for `film_id`, in order."""
    return _read_all(path).get(film_id, [])


def save_questions(path: Path, film_id: str, questions: Sequence[str]) -> None:
    """Keep `questions` for `film_id` (blank ones dropped), the other films' as they were."""
    films = _read_all(path)
    kept = [" ".join(q.split()) for q in questions if q.strip()]
    if kept:
        films[film_id] = kept
    else:
        films.pop(film_id, None)
    data = json.dumps({"format": FORMAT, "films": films}, ensure_ascii=False, indent=2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, (data + "\n").encode("utf-8"))
    except OSError as error:
        raise WorksheetError(path, cannot_write(error)) from error
