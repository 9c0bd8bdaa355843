#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# translations_complete: fails while a .ts file has an unfinished, empty or obsolete entry, or
# while the sources hold a string the .ts files lack (or the .ts files one the sources dropped).
# The check runs lupdate over app/ and ui/ into copies of the .ts files: a string missing from
# a .ts file comes back as a new unfinished entry, a string gone from the sources as a vanished
# one; in an up-to-date file nothing changes.
# Usage: check-translations.sh LUPDATE SOURCE_DIR WORK_DIR
set -eu
lupdate=$1
source_dir=$2
work_dir=$3

rm -rf "$work_dir"
mkdir -p "$work_dir"
status=0

# Prints "<file>: <problem>: <source text>" for every message of $1 that is not translated.
problems() {
    awk -v file="$(basename "$1")" '
        /<message/ { source = ""; problem = "" }
        /<source>/ { text = $0; sub(/.*<source>/, "", text); sub(/<\/source>.*/, "", text); source = text }
        /type="unfinished"/ { problem = "unfinished" }
        /type="vanished"/ || /type="obsolete"/ { problem = "obsolete" }
        /<translation><\/translation>/ || /<numerusform><\/numerusform>/ { problem = "empty" }
        /<\/message>/ { if (problem != "") print file ": " problem ": " source }
    ' "$1"
}

count=0
for ts in "$source_dir"/translations/titlewave_*.ts; do
    count=$((count + 1))
    name=$(basename "$ts")
    found=$(problems "$ts")
    if [ -n "$found" ]; then
        printf '%s\n' "$found"
        status=1
    fi

    # English holds only the plural forms (lupdate -pluralonly); every other language, all.
    copy="$work_dir/$name"
    cp "$ts" "$copy"
    plural_only=
    case "$name" in *_en.ts) plural_only=-pluralonly ;; esac
    # lupdate warns about a tr() it cannot give a context: such a string would never be translated.
    if ! "$lupdate" -silent -locations none $plural_only "$source_dir/app" "$source_dir/ui" -ts "$copy" \
        >"$work_dir/$name.log" 2>&1; then
        echo "$name: lupdate failed:"
        cat "$work_dir/$name.log"
        status=1
    elif [ -s "$work_dir/$name.log" ]; then
        echo "$name: lupdate warned:"
        cat "$work_dir/$name.log"
        status=1
    fi
    found=$(problems "$copy")
    if [ -n "$found" ]; then
        printf '%s\n' "$found" | sed 's/^/not in step with the sources: /'
        status=1
    fi
done

if [ "$count" -eq 0 ]; then
    echo "no translations/titlewave_*.ts files found under $source_dir"
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "Bring the .ts files up to date with 'cmake --build --preset dev --target update_translations'"
    echo "and translate every unfinished entry (Qt Linguist, or by hand)."
else
    echo "$count translation files complete and in step with the sources"
fi
exit "$status"
