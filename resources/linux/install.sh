#!/bin/sh
# Puts Misma Luna in the applications menu for the current user, and lets file managers open
# film packages, reviews and subtitles with it: menu entry, icons, file type, AppStream data,
# all under ~/.local/share (or $XDG_DATA_HOME). Nothing outside your home folder is touched.
#
#   ./install.sh              install (run it again after moving this folder)
#   ./install.sh --uninstall  remove what install.sh installed
set -eu

APP_ID=org.mismaluna.MismaLuna
HERE=$(cd "$(dirname "$0")" && pwd -P)
EXE="$HERE/misma-luna"
RES="$HERE/_internal/misma_luna/resources"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
SIZES="16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512"

say() { printf '%s\n' "$*"; }

# A path as one argument of a desktop entry's Exec key (quoting rules of the Desktop Entry spec).
exec_quote() {
    printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')"
}

# Refresh a cache only when its tool exists; a missing tool just means a later refresh.
refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" || true
    fi
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA/mime" >/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -f -t "$DATA/icons/hicolor" || true
    fi
}

install_files() {
    if [ ! -x "$EXE" ] || [ ! -d "$RES/linux" ]; then
        say "install.sh: $HERE does not look like the Misma Luna folder (misma-luna is missing)" >&2
        exit 1
    fi
    mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/mime/packages"
    quoted=$(exec_quote "$EXE" | sed -e 's/[\\&|]/\\&/g')
    sed -e "s|^Exec=misma-luna |Exec=$quoted |" \
        "$RES/linux/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
    cp "$RES/linux/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
    cp "$RES/linux/$APP_ID.xml" "$DATA/mime/packages/$APP_ID.xml"
    for size in $SIZES; do
        mkdir -p "$DATA/icons/hicolor/$size/apps"
        cp "$RES/icons/hicolor/$size/apps/misma-luna.png" "$DATA/icons/hicolor/$size/apps/$APP_ID.png"
    done
    mkdir -p "$DATA/icons/hicolor/scalable/apps"
    cp "$RES/icons/hicolor/scalable/apps/misma-luna.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    refresh
    say "Misma Luna is in your applications menu now (it runs from $HERE)."
}

uninstall_files() {
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
        "$DATA/mime/packages/$APP_ID.xml" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do
        rm -f "$DATA/icons/hicolor/$size/apps/$APP_ID.png"
    done
    refresh
    say "Misma Luna is no longer in your applications menu. You can delete $HERE now."
}

case "${1:-}" in
    "") install_files ;;
    --uninstall) uninstall_files ;;
    *) say "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
