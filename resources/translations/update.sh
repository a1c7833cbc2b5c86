#!/bin/sh
# Refresh the translation sources from every UI module (all folders of peerjournal/ui/),
# from the core's error catalogue (peerjournal/errors, written out for lupdate by
# tools/error_catalogue.py into a temporary file) and from the crisis list's words
# (resources/crisis, written out by tools/crisis_catalogue.py), and compile them.
# English holds only plural forms (the source text is English); German and Japanese are
# complete. After running, translate new entries in every peerjournal_<lang>.ts (Qt Linguist
# or an editor); tests/gui/kit/test_i18n.py fails while any entry of a complete language is
# unfinished, or while a source string is not in its catalogue at all.
# A new language: add its code to COMPLETE below and to LANGUAGES in peerjournal/ui/kit/i18n.py.
COMPLETE="de ja"
set -eu
cd "$(dirname "$0")/../.."
BIN=${VENV:-.venv}/bin
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BIN/python" -m tools.error_catalogue "$TMP/error_catalogue.py"
"$BIN/python" -m tools.crisis_catalogue "$TMP/crisis_catalogue.py"
SOURCES="$(find peerjournal/ui -name '*.py' | sort) $TMP/error_catalogue.py $TMP/crisis_catalogue.py"
for lang in $COMPLETE; do
    "$BIN/pyside6-lupdate" -no-obsolete -locations none -source-language en -target-language "$lang" \
        $SOURCES -ts "resources/translations/peerjournal_$lang.ts"
done
"$BIN/pyside6-lupdate" -pluralonly -no-obsolete -locations none -source-language en \
    -target-language en $SOURCES -ts resources/translations/peerjournal_en.ts
for lang in en $COMPLETE; do
    "$BIN/pyside6-lrelease" resources/translations/peerjournal_$lang.ts \
        -qm resources/translations/peerjournal_$lang.qm
done
