# Overrides PyInstaller's babel hook: CLDR data only for the app's languages (plus root).
import sys
from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bundle_rules import babel_datas

datas = babel_datas(collect_data_files("babel"))
# unpickling locale-data/root.dat needs these modules (as in PyInstaller's own hook)
hiddenimports = ["babel.dates", "babel.localedata", "babel.plural", "babel.numbers"]
