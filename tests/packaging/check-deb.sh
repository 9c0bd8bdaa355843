#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-deb.sh BUILD_DIR CPACK VERSION: `cpack -G DEB` builds titlewave_VERSION_ARCH.deb whose
# Depends (from dpkg-shlibdeps, over the executable and the window module) names the Qt and libxml2
# libraries; its extracted binary runs against the system's libraries (--version, the headless
# demo, the window from the packaged module).
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=$1 cpack=$2 version=$3
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need dpkg-architecture dpkg-dev
need file file

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
cat "$work/cpack.log"
deb="$work/out/titlewave_${version}_$(dpkg-architecture -qDEB_HOST_ARCH).deb"
[[ -f "$deb" ]] || fail "no $(basename "$deb"); cpack made: $(ls "$work/out")"
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

dpkg-deb --info "$deb"
field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == titlewave ]] || fail "Package is '$(field Package)'"
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)'"
[[ $(field Section) == net ]] || fail "Section is '$(field Section)'"
[[ $(field Maintainer) == "Titlewave developers <dev@titlewave.example.org>" ]] \
    || fail "Maintainer is '$(field Maintainer)'"
[[ $(field Homepage) == "https://titlewave.example.org" ]] || fail "Homepage is '$(field Homepage)'"
depends=$(field Depends)
# libqt6widgets6 comes from the window module alone: dpkg-shlibdeps must have read it too.
# ca-certificates is no library: Depends names it itself (packaging/CMakeLists.txt), so HTTPS has a
# trust store on a minimal Debian (check-deb-trust.sh installs the package there).
for library in libqt6core6 libqt6network6 libqt6widgets6 libxml2 libc6 ca-certificates; do
    grep -qE "(^|, )$library( |,|$)" <<<"$depends" || fail "Depends lacks $library: $depends"
done

dpkg-deb --contents "$deb"
unexpected=$(dpkg-deb --contents "$deb" | awk '{print $6}' | grep -vE '^\./(usr/?.*)?$' || true)
[[ -z "$unexpected" ]] || fail "files outside /usr: $unexpected"
dpkg-deb -x "$deb" "$work/root"
check_tree "$work/root/usr" "$version"
module=$(window_module "$work/root/usr")
for binary in "$work/root/usr/bin/titlewave" "$module"; do
    if file "$binary" | grep -q 'not stripped'; then
        fail "the packaged $(basename "$binary") is not stripped"
    fi
done
# The system's libraries only: nothing from a build tree or a test environment.
(
    unset LD_LIBRARY_PATH QT_PLUGIN_PATH
    check_runs "$work/root/usr/bin/titlewave" "$version"
    check_window "$work/root/usr/bin/titlewave" "$module"
)
echo "Debian package complete and runnable"
