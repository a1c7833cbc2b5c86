#!/bin/sh
# Remove a PeerJournal installation made by install.sh: exactly the files and folders it
# listed in <lib>/peerjournal/INSTALLED (folders only when they are empty again).
#
#   ~/.local/lib/peerjournal/uninstall.sh                  your own installation
#   sudo /usr/local/lib/peerjournal/uninstall.sh           the one next to this script
#   ./uninstall.sh --prefix /usr/local                     name the installation
#
# Your journal (the vault folder) and your settings are not part of the installation and
# stay where they are; delete them yourself if you want them gone.
set -eu

HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
MANIFEST=""
QUIET=""
PREFIX=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "uninstall.sh: --prefix needs a folder" >&2; exit 2; }
                  PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        --manifest) MANIFEST=$2; shift 2 ;;
        --quiet) QUIET=1; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "uninstall.sh: unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

if [ -z "$MANIFEST" ]; then
    if [ -n "$PREFIX" ]; then
        MANIFEST="$PREFIX/lib/peerjournal/INSTALLED"
    elif [ -f "$HERE/INSTALLED" ]; then
        MANIFEST="$HERE/INSTALLED"       # run from the installed app folder
    else
        MANIFEST="$HOME/.local/lib/peerjournal/INSTALLED"
    fi
fi
[ -f "$MANIFEST" ] || { echo "uninstall.sh: no installation found ($MANIFEST is missing)" >&2; exit 1; }

# read it all first: the list lives inside the folder that goes away
LINES=$(cat -- "$MANIFEST")
APP=$(dirname -- "$MANIFEST")
printf '%s\n' "$LINES" | grep -Fxq "t $APP" || {
    echo "uninstall.sh: $MANIFEST does not describe the folder it is in; nothing removed" >&2
    exit 1
}

# newest first: files and links, then the app folder, then folders that are empty again
printf '%s\n' "$LINES" | sed '1!G;h;$!d' | while IFS= read -r line; do
    kind=${line%% *}
    path=${line#* }
    case "$path" in /*) ;; *) continue ;; esac     # only absolute paths, never relative
    case "$kind" in
        f) [ -f "$path" ] && rm -f -- "$path" ;;
        l) [ -L "$path" ] && rm -f -- "$path" ;;
        t) [ -d "$path" ] && [ -f "$path/INSTALLED" ] && rm -rf -- "$path" ;;
        d) [ -d "$path" ] && rmdir -- "$path" 2>/dev/null ;;
    esac || true
done

[ -n "$QUIET" ] || echo "PeerJournal was removed. Your journal and settings were kept."
