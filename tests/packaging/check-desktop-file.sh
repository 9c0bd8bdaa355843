#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-desktop-file.sh DESKTOP_FILE: desktop-file-validate finds no error and no warning (hints,
# such as the two main categories Network and Utility, are allowed).
set -euo pipefail
source "$(dirname "$0")/common.sh"
need desktop-file-validate desktop-file-utils

status=0
report=$(desktop-file-validate "$1" 2>&1) || status=$?
[[ -z "$report" ]] || echo "$report"
[[ $status -eq 0 ]] || fail "desktop-file-validate exited with $status"
if grep -E ': (error|warning): ' <<<"$report"; then
    fail "desktop-file-validate reported errors or warnings"
fi
echo "desktop file valid: $1"
