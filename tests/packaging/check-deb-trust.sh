#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-deb-trust.sh BUILD_DIR CPACK VERSION TLS_BLOG: HTTPS works after installing the .deb on a
# minimal Debian, through the system's trust store alone (no --ca-file):
#  1. the package Depends on ca-certificates, and nothing else it depends on would bring it;
#  2. a minimal root (minimal-root.sh: the Essential set plus the .deb's dependency closure, from
#     this machine's installed Debian packages) has its dependencies configured by their own
#     maintainer scripts (ca-certificates' fills /etc/ssl/certs), then `dpkg -i` installs the .deb,
#     which fails if a dependency is missing;
#  3. TLS_BLOG serves one blog over HTTPS on 127.0.0.1 with a certificate from a CA made here: the
#     packaged titlewave, run inside the root, refuses it (tls) while that CA is unknown, and
#     scans it (ok, its headline) once update-ca-certificates has added the CA to the root's store,
#     also when --ca-file names another CA (it adds to the system store, never replaces it).
# Needs root (CI runs as root): chroot, and /dev and /proc mounted into the root inside a private
# mount namespace. Nothing outside the work directory changes.
set -euo pipefail
script_dir=$(dirname "$0")
source "$script_dir/common.sh"
source "$script_dir/minimal-root.sh"
build=$1 cpack=$2 version=$3 tls_blog=$4
need dpkg-deb dpkg
need dpkg-architecture dpkg-dev
need openssl openssl
need unshare util-linux
need chroot coreutils
[[ $(id -u) -eq 0 ]] || fail "needs root: it installs the package into a chroot (CI runs as root)"
dpkg-query -W -f='${Status}' ca-certificates 2>/dev/null | grep -q 'install ok installed' \
    || fail "ca-certificates is not installed here (run .ci/install-deps)"

work=$(mktemp -d)
server_pid=
cleanup() {
    [[ -z "$server_pid" ]] || { exec 3>&-; wait "$server_pid" 2>/dev/null || true; }
    # --one-file-system: the root's /dev and /proc were mounted in a namespace that is gone; never
    # follow anything that might still be a mount.
    rm -rf --one-file-system "$work"
}
trap cleanup EXIT

"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb="$work/out/titlewave_${version}_$(dpkg-architecture -qDEB_HOST_ARCH).deb"
[[ -f "$deb" ]] || fail "no $(basename "$deb"); cpack made: $(ls "$work/out")"

# 1. The dependency, and that it is the package's own doing.
depends=$(dpkg-deb --field "$deb" Depends)
predepends=$(dpkg-deb --field "$deb" Pre-Depends)
echo "Depends: $depends"
grep -qE '(^|, )ca-certificates( |,|$)' <<<"$depends" || fail "Depends lacks ca-certificates: $depends"
without=$(sed -E 's/(^|, )ca-certificates( \([^)]*\))?//; s/^, //' <<<"$depends")
if dependency_closure "$without${predepends:+, $predepends}" | grep -qx ca-certificates; then
    echo "note: the other dependencies bring ca-certificates too"
else
    echo "ok: without its own Depends on ca-certificates, nothing would install a trust store"
fi

# 2. The minimal root, its dependencies configured, the package installed by dpkg.
packages=$(dependency_closure "$depends${predepends:+, $predepends}") || fail "cannot resolve the package's Depends"
grep -qx ca-certificates <<<"$packages" || fail "ca-certificates is not in the closure"
root="$work/root"
mkdir "$root"
make_root "$root" $packages
echo "minimal root: $(wc -l <<<"$packages") packages, $(du -sm "$root" | cut -f1) MB"
[[ ! -e "$root/etc/ssl/certs/ca-certificates.crt" ]] || fail "the root has a trust store before configuring"
in_root "$root" dpkg --configure -a >"$work/configure.log" 2>&1 \
    || { cat "$work/configure.log"; fail "dpkg --configure -a failed in the minimal root"; }
grep -E '^(Setting up ca-certificates|[0-9]+ added)' "$work/configure.log" || true
[[ -s "$root/etc/ssl/certs/ca-certificates.crt" ]] || fail "configuring ca-certificates made no system store"
cp "$deb" "$root/tmp/titlewave.deb"
in_root "$root" dpkg -i /tmp/titlewave.deb || fail "dpkg -i titlewave.deb failed in the minimal root"
[[ $(in_root "$root" dpkg-query -W -f='${Status}' titlewave) == "install ok installed" ]] \
    || fail "titlewave is not installed in the minimal root"

# 3. A CA of the test's own and a certificate it signs for 127.0.0.1, valid for a day.
certs="$work/certs"
mkdir "$certs"
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
openssl req -x509 "${ec[@]}" -keyout "$certs/ca-key.pem" -out "$certs/ca.pem" -days 1 \
    -subj "/CN=Titlewave packaging test CA" -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign 2>"$certs/openssl.log" \
    && openssl req "${ec[@]}" -keyout "$certs/key.pem" -out "$certs/server.csr" -subj /CN=127.0.0.1 \
        2>>"$certs/openssl.log" \
    && printf '%s\n' basicConstraints=critical,CA:FALSE keyUsage=critical,digitalSignature \
        extendedKeyUsage=serverAuth subjectAltName=IP:127.0.0.1 >"$certs/server.ext" \
    && openssl x509 -req -in "$certs/server.csr" -CA "$certs/ca.pem" -CAkey "$certs/ca-key.pem" \
        -CAcreateserial -days 1 -extfile "$certs/server.ext" -out "$certs/server.pem" 2>>"$certs/openssl.log" \
    || { cat "$certs/openssl.log"; fail "openssl could not make the test certificates"; }

# The server reads its stdin until the test's end closes it (fd 3), so it never outlives the test.
mkfifo "$work/server.in"
"$tls_blog" "$certs/server.pem" "$certs/key.pem" <"$work/server.in" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
exec 3>"$work/server.in"
for _ in $(seq 100); do
    [[ -s "$work/server.out" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err"; fail "the HTTPS blog did not start"; }
    sleep 0.1
done
url=$(head -n 1 "$work/server.out")
[[ "$url" == https://127.0.0.1:*/ ]] || fail "the HTTPS blog did not say where it listens: '$url'"
echo "blog: $url"

scan() {
    in_root "$root" /usr/bin/titlewave --headless - -o - --no-history --timeout 10 <<<"$url" || true
}
result=$(scan)
echo "$result"
grep -q '^https://127\.0\.0\.1:[0-9]*/,tls,' <<<"$result" || fail "an unknown CA was not refused as tls"

install -m 644 "$certs/ca.pem" "$root/usr/local/share/ca-certificates/titlewave-test-ca.crt"
in_root "$root" update-ca-certificates | tee "$work/update.log"
grep -q '^1 added' "$work/update.log" || fail "update-ca-certificates did not add the test CA"
result=$(scan)
echo "$result"
grep -q '^https://127\.0\.0\.1:[0-9]*/,ok,https://127\.0\.0\.1:[0-9]*/2026/12/trust-store\.html,Trusted through the system store,' \
    <<<"$result" || fail "the packaged titlewave did not scan the HTTPS blog through the system store"
# --ca-file adds certificates for one run; the system store stays trusted beside them.
install -m 644 "$script_dir/../data/loopback-cert.pem" "$root/tmp/unrelated-ca.pem"
result=$(in_root "$root" /usr/bin/titlewave --headless - -o - --no-history --timeout 10 \
    --ca-file /tmp/unrelated-ca.pem <<<"$url" || true)
echo "$result"
grep -q '^https://127\.0\.0\.1:[0-9]*/,ok,' <<<"$result" || fail "--ca-file made titlewave forget the system store"
echo "the installed package trusts the system store"
