#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-install.sh BUILD_DIR CMAKE VERSION: `cmake --install` into a throwaway DESTDIR puts every
# file in its place, AppStream accepts the installed tree (metainfo + desktop file + icons), and
# the installed binary runs (--version, the headless demo).
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=$1 cmake=$2 version=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
DESTDIR="$work/root" "$cmake" --install "$build" --prefix /usr >"$work/install.log" \
    || { cat "$work/install.log"; fail "cmake --install failed"; }
cat "$work/install.log"
check_tree "$work/root/usr" "$version"
# The installed metainfo, desktop file and icons together, as a software centre reads them.
need appstreamcli appstream
appstreamcli validate-tree --no-net --strict "$work/root" || fail "appstreamcli validate-tree failed"
unexpected=$(cd "$work/root" && find . -type f ! -path './usr/*')
[[ -z "$unexpected" ]] || fail "files installed outside /usr: $unexpected"
check_runs "$work/root/usr/bin/titlewave" "$version"
echo "install tree complete and runnable"
