"""Build step: compile the gettext catalogs and ship the bundled resources inside the wheel.

The `.po` files in `i18n/` are the sources of truth; a wheel carries their compiled `.mo`
under `misma_luna/locale/` and a copy of `resources/` under `misma_luna/resources/`, which
is where the running app looks for them (see `misma_luna.core.base.resources`). Catalogs
are checked as they compile (`misma_luna.core.base.catalog_rules`).
"""

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
DOMAIN = "misma_luna"
sys.path.insert(0, str(ROOT / "src"))  # the package's own catalog checks, before it is built


class BuildWithCatalogs(build_py):
    """build_py that also compiles catalogs and copies resources into the package."""

    def run(self) -> None:
        """Build the package, then compile its catalogs and copy its resources into it."""
        # The package's own checks, importable once src/ is on the path (above).
        from misma_luna.core.base.catalog_rules import compile_catalog  # noqa: PLC0415

        super().run()
        if self.editable_mode:
            return  # an editable install reads the source tree; `make catalogs` compiles there
        package = Path(self.build_lib) / DOMAIN
        for po_path in sorted((ROOT / "i18n").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            language = po_path.parent.parent.name
            mo_path = package / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
            for warning in compile_catalog(po_path, mo_path, language):
                print(f"warning: {warning}", file=sys.stderr)
        shutil.copytree(ROOT / "resources", package / "resources", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithCatalogs})
