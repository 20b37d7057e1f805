# Overrides PyInstaller's hook: same Qt collection, trimmed; no OpenSSL (local sockets only).
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bundle_rules import hook_qt_module

hiddenimports, binaries, datas = hook_qt_module(__file__)
