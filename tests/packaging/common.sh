# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the packaging checks: failing loudly, needing a tool, checking an installed tree.

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# A missing tool is a failure, never a skip: .ci/install-deps installs every one of them.
need() {
    command -v "$1" >/dev/null || fail "$1 not found (Debian package $2; run .ci/install-deps)"
}

# The window module (ui/CMakeLists.txt) under ROOT, wherever LIBDIR put it (lib/titlewave,
# lib/<multiarch>/titlewave).
window_module() {
    local found
    found=$(find "$1/lib" -path '*/titlewave/titlewave-window.so' -type f 2>/dev/null)
    [[ -n "$found" ]] || fail "no lib/.../titlewave/titlewave-window.so under $1"
    [[ $(wc -l <<<"$found") -eq 1 ]] || fail "more than one window module under $1: $found"
    echo "$found"
}

# check_tree ROOT VERSION: the files an installation into ROOT (a prefix such as DESTDIR/usr) must
# hold.
check_tree() {
    local root=$1 version=$2 id=org.titlewave.Titlewave path module
    module=$(window_module "$root") || exit 1
    echo "ok: ${module#"$root/"}"
    for path in \
        bin/titlewave \
        share/applications/$id.desktop \
        share/metainfo/$id.metainfo.xml \
        share/mime/packages/$id.xml \
        share/icons/hicolor/scalable/apps/$id.svg \
        share/icons/hicolor/16x16/apps/$id.png \
        share/icons/hicolor/24x24/apps/$id.png \
        share/icons/hicolor/32x32/apps/$id.png \
        share/icons/hicolor/48x48/apps/$id.png \
        share/icons/hicolor/64x64/apps/$id.png \
        share/icons/hicolor/128x128/apps/$id.png \
        share/icons/hicolor/256x256/apps/$id.png \
        share/man/man1/titlewave.1.gz \
        share/doc/titlewave/copyright \
        share/doc/titlewave/changelog.gz; do
        [[ -f "$root/$path" ]] || fail "$root/$path is missing"
        echo "ok: $path"
    done
    [[ -x "$root/bin/titlewave" ]] || fail "$root/bin/titlewave is not executable"
    gzip -t "$root/share/man/man1/titlewave.1.gz" || fail "the man page is not valid gzip"
    zcat "$root/share/man/man1/titlewave.1.gz" | grep -q "^\\.TH TITLEWAVE 1 .*\"Titlewave $version\"" \
        || fail "the man page's .TH line does not name Titlewave $version"
    zcat "$root/share/doc/titlewave/changelog.gz" | head -n 1 | grep -q "^titlewave ($version) " \
        || fail "the changelog's newest entry is not $version"
}

# check_runs BINARY: --version names the project version; the headless demo scans 6 blogs.
check_runs() {
    local binary=$1 version=$2 output status lines
    output=$("$binary" --version) || fail "$binary --version exited with $?"
    echo "$output"
    [[ "$output" == "titlewave $version" ]] || fail "--version said '$output', expected 'titlewave $version'"

    status=0
    output=$("$binary" --headless --demo -o -) || status=$?
    echo "$output"
    [[ $status -eq 0 ]] || fail "the headless demo exited with $status"
    lines=$(printf '%s\n' "$output" | wc -l)
    [[ $lines -eq 7 ]] || fail "the headless demo wrote $lines CSV lines, expected 7 (header + 6 blogs)"
    [[ $(printf '%s\n' "$output" | grep -c ',ok,') -eq 6 ]] || fail "not every demo blog is ok"
}

# check_window BINARY MODULE: asked for the window (on the offscreen platform, so no display), the
# installed BINARY maps the installed window MODULE and keeps the window open until stopped.
check_window() {
    local binary=$1 module=$2 pid waited=0
    "$binary" --demo >/dev/null 2>"$work/window.err" &
    pid=$!
    until grep -qF "$module" "/proc/$pid/maps" 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null; then
            cat "$work/window.err" >&2
            wait "$pid" || fail "the window exited with $? before mapping $module"
            fail "the window exited at once without mapping $module"
        fi
        ((++waited <= 100)) || { kill "$pid"; fail "the window did not map $module within 10 s"; }
        sleep 0.1
    done
    sleep 1 # the window is up: it must stay up, not fail after loading
    kill -0 "$pid" 2>/dev/null || { cat "$work/window.err" >&2; fail "the window exited after loading"; }
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "ok: the window loaded $module"
}
