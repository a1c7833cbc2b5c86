#!/bin/sh
# Install PeerJournal from this unpacked tarball.
#
#   ./install.sh                   for you alone: ~/.local/bin/peerjournal, the app in
#                                  ~/.local/lib/peerjournal, menu entry, icons and AppStream
#                                  metadata under ${XDG_DATA_HOME:-~/.local/share}
#   sudo ./install.sh --prefix /usr/local     for everyone on this computer
#
# Installing again (a newer version) replaces the old files. Every file and folder this
# script makes is listed in <lib>/peerjournal/INSTALLED, which uninstall.sh reads.
# Your journal is not part of the installation and is never touched.
set -eu

APP_ID=io.github.peerjournal.PeerJournal
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)

usage() {
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
}

PREFIX=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
                  PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

if [ -n "$PREFIX" ]; then
    case "$PREFIX" in /*) ;; *) PREFIX="$(pwd)/$PREFIX" ;; esac
    BIN="$PREFIX/bin"; LIB="$PREFIX/lib"; SHARE="$PREFIX/share"
else
    [ -n "${HOME:-}" ] || { echo "install.sh: HOME is not set" >&2; exit 1; }
    BIN="$HOME/.local/bin"; LIB="$HOME/.local/lib"; SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
APP="$LIB/peerjournal"

# the menu entry will start the installed launcher whether or not BIN is on the PATH; a
# path with spaces is quoted as the desktop entry format asks (checked before any change)
LAUNCHER="$BIN/peerjournal"
case "$LAUNCHER" in
    *'"'*|*'`'*|*'$'*|*\\*)
        echo "install.sh: the folder $BIN has a character a menu entry cannot name" >&2
        exit 1 ;;
    *' '*) EXEC_VALUE="\"$LAUNCHER\"" ;;
    *) EXEC_VALUE=$LAUNCHER ;;
esac

[ -x "$HERE/peerjournal/peerjournal" ] || {
    echo "install.sh: run me from the unpacked tarball (no peerjournal/ next to me)" >&2; exit 1; }

# an earlier installation goes first, so no file of it is left behind
if [ -f "$APP/INSTALLED" ]; then
    sh "$HERE/uninstall.sh" --manifest "$APP/INSTALLED" --quiet
fi

MANIFEST=$(mktemp)
trap 'rm -f "$MANIFEST"' EXIT
# folders are listed as they are made (parents first), so uninstall can remove them in
# reverse order when they are empty again
make_dir() {
    [ -d "$1" ] && return 0
    make_dir "$(dirname -- "$1")"
    mkdir -m 755 -- "$1"
    echo "d $1" >>"$MANIFEST"
}
put() {  # put SOURCE TARGET MODE
    make_dir "$(dirname -- "$2")"
    cp -- "$1" "$2.part"
    chmod "$3" "$2.part"
    mv -f -- "$2.part" "$2"
    echo "f $2" >>"$MANIFEST"
}

# the app folder: copied beside its final place, then moved in
make_dir "$LIB"
rm -rf "$APP.part"
cp -R -- "$HERE/peerjournal" "$APP.part"
chmod -R u+rwX,go+rX,go-w "$APP.part"
rm -rf "$APP"
mv -- "$APP.part" "$APP"
echo "d $APP" >>"$MANIFEST"
echo "t $APP" >>"$MANIFEST"  # the whole tree goes with it
cp -- "$HERE/uninstall.sh" "$APP/uninstall.sh"
chmod 755 "$APP/uninstall.sh"

make_dir "$BIN"
ln -sf -- "$APP/peerjournal" "$BIN/peerjournal"
echo "l $BIN/peerjournal" >>"$MANIFEST"

DESKTOP="$SHARE/applications/$APP_ID.desktop"
make_dir "$(dirname -- "$DESKTOP")"
while IFS= read -r line; do
    case "$line" in
        Exec=peerjournal*) printf 'Exec=%s%s\n' "$EXEC_VALUE" "${line#Exec=peerjournal}" ;;
        TryExec=peerjournal) printf 'TryExec=%s\n' "$LAUNCHER" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$HERE/share/applications/$APP_ID.desktop" >"$DESKTOP.part"
chmod 644 "$DESKTOP.part"
mv -f -- "$DESKTOP.part" "$DESKTOP"
echo "f $DESKTOP" >>"$MANIFEST"

(cd "$HERE/share" && find icons -type f) | sort | while IFS= read -r icon; do
    put "$HERE/share/$icon" "$SHARE/$icon" 644
done
put "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml" 644

cp -- "$MANIFEST" "$APP/INSTALLED"
chmod 644 "$APP/INSTALLED"

# Desktop menus watch these folders and pick the entry up by themselves (no cache is
# written: a cache file would outlive an uninstallation).

VERSION=$("$APP/peerjournal" --version 2>/dev/null || echo "PeerJournal")
echo "Installed $VERSION in $APP"
echo "  command:    $BIN/peerjournal"
echo "  menu entry: $DESKTOP"
echo "  to remove:  $APP/uninstall.sh${PREFIX:+ --prefix $PREFIX}"
case ":${PATH:-}:" in
    *":$BIN:"*) ;;
    *) echo "Note: $BIN is not on your PATH; the menu entry works anyway." ;;
esac
