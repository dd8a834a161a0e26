#!/usr/bin/env bash
# Issue 10's "Done when", end to end: the .deb installed with apt into a fresh Debian 13
# (trixie) root, its dependencies resolved from the archive; then, as an ordinary user in
# that root, `coopmap-cli info` on the installed sample and `coopmap` with no project
# rendering it off-screen; desktop-file-validate and appstreamcli validate on the files the
# package put there; finally the package is purged and must leave nothing behind.
#
# usage: install_test.sh PACKAGE.deb [PNG_COLOUR_COUNT]
# As root with debootstrap (inside the build root `./dev package` runs it). Takes minutes:
# debootstrap plus the download of Qt, GDAL and their dependencies. The fresh root lives in
# /tmp, is entered through `unshare --mount` (no mount outlives this script) and is removed.
# The mirror is the one this system's apt uses (/etc/apt/sources.list), or COOPMAP_DEBIAN_MIRROR.
set -euo pipefail
say() { echo "install_test: $*"; }
fail() { echo "install_test: FAIL: $*" >&2; exit 1; }

[[ $# -ge 1 && -f $1 ]] || fail "usage: install_test.sh PACKAGE.deb [PNG_COLOUR_COUNT]"
deb=$(realpath "$1")
count=${2:-}
(( EUID == 0 )) || fail "needs root (debootstrap and chroot)"
for tool in debootstrap unshare chroot desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || fail "$tool is missing"
done
mirror=${COOPMAP_DEBIAN_MIRROR:-$(sed -nE 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+trixie([[:space:]].*)?$/\2/p' \
    /etc/apt/sources.list 2>/dev/null | head -1)}
[[ -n $mirror ]] || fail "no trixie mirror in /etc/apt/sources.list; set COOPMAP_DEBIAN_MIRROR"

# Mounts go in a private namespace. Inside a chroot (the build root) "/" is no mount point and
# its propagation cannot be changed; the build root's own namespace is already private there
# (./dev enters it with `unshare --propagation private`), so nested ones inherit that.
propagation=private
mountpoint -q / || propagation=unchanged

root=$(mktemp -d /tmp/coopmap-fresh-root.XXXXXX)
chmod 755 "$root"  # it becomes "/", which the ordinary user must be able to enter
log=$root.log
# Nothing is mounted in $root out here (mounts live in the unshare'd children), so this
# removes only the root's own files.
trap 'rm -rf --one-file-system "$root" "$log"' EXIT
t0=$SECONDS

say "debootstrap --variant=minbase trixie $root $mirror"
unshare --mount --propagation "$propagation" -- debootstrap --variant=minbase \
    --keyring=/usr/share/keyrings/debian-archive-keyring.gpg trixie "$root" "$mirror" >"$log" 2>&1 \
    || { tail -20 "$log" >&2; fail "debootstrap failed"; }
say "fresh root made in $((SECONDS - t0)) s"

{
    echo "deb $mirror trixie main"
    echo "deb $mirror trixie-updates main"
    sed -nE 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+trixie-security.*/deb \2 trixie-security main/p' \
        /etc/apt/sources.list 2>/dev/null | head -1
} >"$root/etc/apt/sources.list"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$deb" "$root/tmp/"
pkgfile=/tmp/$(basename "$deb")

# Runs a script in the fresh root with /proc and /dev, as root.
in_fresh_root() {
    unshare --mount --propagation "$propagation" -- bash -euc '
        mount -t proc proc "$1/proc"
        mount --rbind /dev "$1/dev"
        exec chroot "$1" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -euc "$2"
    ' bash "$root" "$1"
}

say "apt-get install $pkgfile (dependencies from $mirror)"
t1=$SECONDS
in_fresh_root "apt-get -q update >/dev/null
    apt-get -q -y --no-install-recommends install $pkgfile" >"$log" 2>&1 \
    || { tail -30 "$log" >&2; fail "apt-get install of the package failed"; }
grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$log" | sed 's/^/install_test: apt: /'
say "installed in $((SECONDS - t1)) s; Depends: $(in_fresh_root 'dpkg-query -W -f="\${Depends}" coopmap' | cut -c1-200)..."

# As an ordinary user, as from the menu: no project given, settings in ~/.config.
in_fresh_root '
    useradd --create-home --shell /bin/bash office
    cd /home/office
    runuser -u office -- env HOME=/home/office coopmap-cli info /usr/share/coopmap/geodata/xiangyang.coopmap \
        > /home/office/info.txt
    runuser -u office -- env HOME=/home/office QT_QPA_PLATFORM=offscreen \
        coopmap --render /home/office/map.png --size 1200x800 > /home/office/render.txt
' 2>"$log" || { cat "$log" >&2; fail "running the installed programs failed"; }
info=$(cat "$root/home/office/info.txt")
render=$(cat "$root/home/office/render.txt")
printf 'install_test: coopmap-cli info /usr/share/coopmap/geodata/xiangyang.coopmap:\n%s\n' "$info"
say "coopmap --render (no project): $render"
[[ $(head -1 <<<"$info") =~ 村（社区）\ [1-9][0-9]* ]] || fail "coopmap-cli info shows no villages"
# The first line names the project and the picture; a second gives the map's place in it.
[[ $(head -1 <<<"$render") == "$(head -1 <<<"$info") → /home/office/map.png" ]] \
    || fail "coopmap without a project did not render the installed sample"
[[ -s $root/home/office/map.png ]] || fail "no picture written"
if [[ -n $count && ! -x $count ]]; then
    say "no $count (built with the tests): the picture's pixels are not checked"
elif [[ -n $count ]]; then
    colour=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["styles"]["village"]["color"])' \
        "$root/usr/share/coopmap/geodata/xiangyang.coopmap")
    read -r size villages < <("$count" "$root/home/office/map.png" "$colour" 3)
    say "picture: $size, $villages pixels of the village colour $colour"
    [[ $size == 1200x800 ]] || fail "picture is $size, not 1200x800"
    (( villages > 2000 )) || fail "too few village pixels"
fi
mkdir -p "${COOPMAP_INSTALL_TEST_OUT:-/tmp}"
cp "$root/home/office/map.png" "${COOPMAP_INSTALL_TEST_OUT:-/tmp}/coopmap-installed-map.png"
say "picture kept as ${COOPMAP_INSTALL_TEST_OUT:-/tmp}/coopmap-installed-map.png"

desktop=$(ls "$root"/usr/share/applications/*.desktop)
metainfo=$(ls "$root"/usr/share/metainfo/*.xml)
desktop-file-validate "$desktop" || fail "desktop-file-validate ${desktop#"$root"}"
say "desktop-file-validate ${desktop#"$root"}: passed"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate ${metainfo#"$root"}"
say "appstreamcli validate ${metainfo#"$root"}: passed"

in_fresh_root 'apt-get -q -y purge coopmap >/dev/null' >"$log" 2>&1 || { cat "$log" >&2; fail "apt-get purge coopmap"; }
[[ ! -e $root/usr/bin/coopmap && ! -e $root/usr/share/coopmap ]] || fail "files left after purge"
say "purged cleanly"
say "PASSED in $((SECONDS - t0)) s"
