#!/usr/bin/env bash
# The bundle's smoke test (run by .ci/run after `make bundle`): the frozen app's self-test,
# offscreen and on a real X server (Xvfb, xcb), its commands beside the source's
# (tests/e2e/test_bundle.py), the desktop files through their validators, install.sh into a
# throwaway home, and the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=dist/misma-luna/misma-luna
LINUX=resources/linux
ID=org.mismaluna.MismaLuna

self_test() {  # $1: how it runs; the rest: the command
  local label=$1 out
  shift
  if ! out=$("$@" 2>&1); then
    printf '%s\n' "$out" >&2
    echo "check_bundle: the frozen self-test failed ($label)" >&2
    exit 1
  fi
  echo "self-test passed ($label)"
}

self_test offscreen env QT_QPA_PLATFORM=offscreen "$APP" --self-test
self_test "xvfb, xcb" xvfb-run -a env QT_QPA_PLATFORM=xcb "$APP" --self-test

# The frozen commands write what the source writes (subtitles, sheets, notes, film check) and a
# second launch wakes the first: a module or library the trimming left out fails here.
MISMA_LUNA_BUNDLE=dist/misma-luna .venv/bin/python -m pytest -q -p no:cacheprovider \
  tests/e2e/test_bundle.py

desktop-file-validate "$LINUX/$ID.desktop"
appstreamcli validate --no-net "$LINUX/$ID.metainfo.xml"

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
HOME=$home XDG_DATA_HOME=$home/share dist/misma-luna/install.sh
desktop-file-validate "$home/share/applications/$ID.desktop"
grep -q "^Exec=\"$PWD/$APP\" %f$" "$home/share/applications/$ID.desktop"
HOME=$home XDG_DATA_HOME=$home/share dist/misma-luna/install.sh --uninstall >/dev/null

du -sh dist/misma-luna dist/misma-luna-*.tar.gz
