#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-mime.sh MIME_XML: update-mime-database accepts the shared-mime-info file without a
# complaint (it exits 0 even on errors, so its output is read) and knows *.opml afterwards.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need update-mime-database shared-mime-info

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/mime/packages"
cp "$1" "$work/mime/packages/"
report=$(update-mime-database "$work/mime" 2>&1)
echo "$report"
if grep -iE 'error|warning|invalid|unknown' <<<"$report" | grep -v 'not in the search path'; then
    fail "update-mime-database complained about $1"
fi
grep -qx 'text/x-opml+xml:\*\.opml' <(cut -d: -f2- "$work/mime/globs2") || fail "*.opml is not text/x-opml+xml"
grep -qx 'text/x-opml+xml application/xml' "$work/mime/subclasses" || fail "OPML is not a subclass of XML"
echo "MIME definition valid: $1"
