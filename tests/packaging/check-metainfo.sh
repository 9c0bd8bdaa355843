#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-metainfo.sh METAINFO VERSION: appstreamcli validates the metainfo strictly (any error,
# warning or info fails; pedantic hints pass: the only one is cid-contains-uppercase-letter, which
# the reverse-DNS id org.titlewave.Titlewave makes unavoidable), and its newest release is VERSION.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need appstreamcli appstream

appstreamcli validate --no-net --strict --pedantic "$1" || fail "appstreamcli validate failed"
grep -q "<release version=\"$2\" date=\"" "$1" || fail "no <release version=\"$2\"> in $1"
first=$(grep -o '<release version="[^"]*"' "$1" | head -n 1)
[[ "$first" == "<release version=\"$2\"" ]] || fail "the newest release is $first, not $2"
echo "metainfo valid: $1"
