"""Build step: compile the gettext catalogs and ship the bundled resources inside the wheel.

The `.po` files in `i18n/` are the sources of truth; a wheel carries their compiled `.mo`
under `misma_luna/locale/` and a copy of `resources/` under `misma_luna/resources/`, which
is where the running app looks for them (see `misma_luna.core.base.resources`).
"""

import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
DOMAIN = "misma_luna"


class BuildWithCatalogs(build_py):
    """build_py that also compiles catalogs and copies resources into the package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the source tree; `make catalogs` compiles there
        package = Path(self.build_lib) / DOMAIN
        for po_path in sorted((ROOT / "i18n").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            language = po_path.parent.parent.name
            mo_path = package / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with po_path.open("rb") as source:
                catalog = read_po(source, locale=language)
            with mo_path.open("wb") as target:
                write_mo(target, catalog)
        shutil.copytree(ROOT / "resources", package / "resources", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithCatalogs})
