#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-install.sh BUILD_DIR CMAKE VERSION: `cmake --install` into a throwaway DESTDIR puts every
# file in its place, AppStream accepts the installed tree (metainfo + desktop file + icons), and
# the installed binary runs (--version, the headless demo) and loads the installed window module.
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
module=$(window_module "$work/root/usr")
check_window "$work/root/usr/bin/titlewave" "$module"
# Two copies of the static core, one in each file: neither may bind to the other's symbols. The
# module exports its entry alone; the executable no function or data of its own (weak symbols it
# may export are inline Qt functions that a Qt library references, and also defines).
need nm binutils
exported=$(nm -D --defined-only "$module" | awk '$2 ~ /^[A-Za-z]$/ {print $3}')
[[ "$exported" == titlewave_run_window ]] || fail "the window module exports more than its entry: $exported"
exported=$(nm -D --defined-only "$work/root/usr/bin/titlewave" | awk '$2 ~ /^[TDBR]$/ {print $3}' \
    | grep -vE '^(_edata|_end|__bss_start|_IO_stdin_used)$' || true)
[[ -z "$exported" ]] || fail "the executable exports symbols of its own: $exported"
echo "install tree complete and runnable"
