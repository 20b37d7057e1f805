"""Where the bundled data lives: the same lookup for a source checkout, a wheel and a bundle.

A wheel and a frozen bundle carry `resources/` and the compiled `locale/` inside the
package; a source checkout keeps `resources/` at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[2]  # src/misma_luna (or the installed package)
BUNDLED_FILM_ID = "bajo-la-misma-luna"


def resources_dir() -> Path:
    """The folder holding films, icons and fonts."""
    inside = PACKAGE_DIR / "resources"
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent.parent / "resources"


def locale_dir() -> Path:
    """The folder holding compiled catalogs: `<lang>/LC_MESSAGES/misma_luna.mo`."""
    return PACKAGE_DIR / "locale"


def bundled_film_dir() -> Path:
    """The film package the app opens when it is given none."""
    return resources_dir() / "films" / BUNDLED_FILM_ID
