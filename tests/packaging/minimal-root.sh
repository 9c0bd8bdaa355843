# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by check-deb-trust.sh: a minimal Debian root made offline from this machine's own
# installed packages, and a way to run commands inside it.
#
# What `apt-get install --no-install-recommends ./titlewave_*.deb` does on a minimal Debian is to
# add the package's Depends and Pre-Depends, and theirs, to the Essential set; a root holding
# exactly those packages (the same Debian 12 builds, as installed here) is that system, without
# a download: tests talk to loopback only, and debootstrap plus apt would fetch ~150 MB from the
# archive on every CI run.

# dependency_closure "DEPENDS": the packages of such a system, one per line: every Essential
# package and everything DEPENDS (a control field's value) needs through Depends and Pre-Depends
# (never Recommends or Suggests), taking in each "a | b" the first alternative installed here,
# by name or by Provides. A relation nothing installed satisfies fails, naming it.
dependency_closure() {
    dpkg-query -W -f='${Package}\t${Essential}\t${Provides}\t${Pre-Depends}\t${Depends}\n' |
        awk -F'\t' -v roots="$1" '
            function need(text,    groups, alternatives, n, m, i, j, name, chosen) {
                n = split(text, groups, /,[ ]*/)
                for (i = 1; i <= n; ++i) {
                    m = split(groups[i], alternatives, /[ ]*\|[ ]*/)
                    chosen = ""
                    for (j = 1; j <= m && chosen == ""; ++j) {
                        name = alternatives[j]
                        sub(/^[ ]+/, "", name); sub(/[ ]*\(.*$/, "", name); sub(/:.*$/, "", name)
                        if (name in essential) chosen = name
                        else if (name in provider) chosen = provider[name]
                    }
                    if (groups[i] ~ /[^ ]/ && chosen == "") { missing = missing "\n  " groups[i]; continue }
                    if (chosen != "" && !(chosen in wanted)) { wanted[chosen] = 1; queue[++tail] = chosen }
                }
            }
            {
                essential[$1] = $2; predepends[$1] = $4; depends[$1] = $5
                n = split($3, provides, /,[ ]*/)
                for (i = 1; i <= n; ++i) {
                    name = provides[i]; sub(/[ ]*\(.*$/, "", name)
                    if (name != "" && !(name in provider)) provider[name] = $1
                }
            }
            END {
                for (name in essential)
                    if (essential[name] == "yes") { wanted[name] = 1; queue[++tail] = name }
                need(roots)
                for (head = 1; head <= tail; ++head) { need(predepends[queue[head]]); need(depends[queue[head]]) }
                if (missing != "") { print "nothing installed here satisfies:" missing > "/dev/stderr"; exit 1 }
                for (name in wanted) print name
            }' | sort
}

# make_root ROOT PACKAGE...: copies the installed files of PACKAGEs into the empty directory
# ROOT with their dpkg records, and the few things a new system gets from maintainer scripts
# rather than from package files: /etc/passwd and /etc/group (base-passwd's masters), /usr/local
# (base-files), the dynamic linker's cache. Essential packages are recorded "installed", as a
# bootstrapped system has them; every other one "unpacked", as apt leaves a dependency before
# configuring it: `dpkg --configure -a` in ROOT then runs their real maintainer scripts (and
# ca-certificates' makes the system store).
make_root() {
    local root=$1 dir target
    shift
    # Merged /usr as here: /bin -> usr/bin and so on, made before anything is copied through them.
    for dir in bin sbin lib lib32 lib64 libx32; do
        if [[ -L /$dir ]]; then
            target=$(readlink "/$dir")
            mkdir -p "$root/${target#/}"
            ln -s "$target" "$root/$dir"
        fi
    done
    # Relative names only: tar extracts them below ROOT, never over this machine's own files.
    {
        dpkg-query -L "$@" | grep '^/.' || true
        for package in "$@"; do
            compgen -G "/var/lib/dpkg/info/$package.*" || true
            compgen -G "/var/lib/dpkg/info/$package:*.*" || true
        done
    } | sed 's|^/||' | sort -u >"$root.files"
    tar -C / --no-recursion -cf - -T "$root.files" | tar -C "$root" -xf - --keep-directory-symlink \
        || fail "copying the packages' files into $root failed"
    dpkg-query -s "$@" | awk 'BEGIN { RS = ""; ORS = "\n\n" }
        !/\nEssential: yes(\n|$)/ { sub(/\nStatus: install ok installed/, "\nStatus: install ok unpacked") }
        { print }' >"$root/var/lib/dpkg/status" || fail "dpkg-query -s failed"
    local file
    for file in available diversions statoverride; do : >"$root/var/lib/dpkg/$file"; done
    mkdir -p "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers" "$root/var/lib/dpkg/alternatives"
    cp /usr/share/base-passwd/passwd.master "$root/etc/passwd"
    cp /usr/share/base-passwd/group.master "$root/etc/group"
    install -d -m 2775 -g 50 "$root/usr/local" "$root/usr/local/share" "$root/usr/local/bin" "$root/usr/local/lib"
    install -d -m 1777 "$root/tmp"
    in_root "$root" ldconfig || fail "ldconfig in $root failed"
}

# in_root ROOT COMMAND...: runs COMMAND chrooted in ROOT with a clean environment, /dev and /proc,
# in a mount namespace of its own, so the mounts vanish with it and never reach this machine's
# (nor does `rm -rf ROOT` ever reach /dev). Needs root.
in_root() {
    local root=$1
    shift
    unshare --mount --pid --fork --propagation private -- bash -c '
        root=$1
        shift
        mount --rbind /dev "$root/dev" && mount -t proc proc "$root/proc" || exit 125
        exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
            DEBIAN_FRONTEND=noninteractive http_proxy= https_proxy= no_proxy="*" "$@"' in_root "$root" "$@"
}
