#!/usr/bin/env bash
# The tree a package installs, checked without making a package: `cmake --install` into a
# temporary DESTDIR, then
#   - every file a desktop installation needs is there (FHS under the build's prefix),
#   - desktop-file-validate and appstreamcli validate pass on the installed files,
#   - the installed coopmap-cli reads the installed sample as it reads the source one,
#   - the installed coopmap, started with no project, opens the installed sample (marked by
#     a changed name, so the source tree's copy cannot pass for it) and renders it.
# usage: installed_tree_test.sh BUILD_DIR PNG_COLOUR_COUNT SOURCE_DIR
set -euo pipefail
build=$1 count=$2 source=$3
fail() { echo "FAIL: $*" >&2; exit 1; }

dest=$(mktemp -d "${TMPDIR:-/tmp}/coopmap-installed.XXXXXX")
trap 'rm -rf "$dest"' EXIT
DESTDIR=$dest cmake --install "$build" >/dev/null
prefix=$dest$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
id=org.coopmap.CoopMap

for f in bin/coopmap bin/coopmap-cli \
         share/coopmap/geodata/xiangyang.coopmap share/coopmap/geodata/xiangyang.gpkg share/coopmap/geodata/README.md \
         share/coopmap/geodata/xiangyang_services.xlsx \
         share/applications/$id.desktop share/metainfo/$id.metainfo.xml share/mime/packages/coopmap.xml \
         share/icons/hicolor/scalable/apps/$id.svg \
         share/icons/hicolor/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/apps/$id.png; do
    [[ -f $prefix/$f ]] || fail "not installed: $f"
done
echo "installed: $(cd "$prefix" && find . -type f | wc -l) files under $prefix"

desktop-file-validate "$prefix/share/applications/$id.desktop" || fail "desktop-file-validate"
grep -qx 'Name\[zh_CN\]=供销服务网络一张图' "$prefix/share/applications/$id.desktop" || fail "no Chinese name in the .desktop file"
appstreamcli validate --no-net "$prefix/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
echo "validators passed"

sample=$prefix/share/coopmap/geodata/xiangyang.coopmap
installed_info=$("$prefix/bin/coopmap-cli" info "$sample") || fail "coopmap-cli info on the installed sample"
source_info=$("$prefix/bin/coopmap-cli" info "$source/geodata/xiangyang.coopmap")
# The same but for where the files are, should a message name them.
installed_info=${installed_info//"$prefix/share/coopmap/geodata"/GEODATA}
source_info=${source_info//"$source/geodata"/GEODATA}
[[ $installed_info == "$source_info" ]] || fail "installed sample differs from the source one:
$installed_info
---
$source_info"
[[ $(head -1 <<<"$installed_info") =~ 村（社区）\ [1-9][0-9]* ]] || fail "no villages in: $installed_info"
echo "coopmap-cli info: $(head -1 <<<"$installed_info")"

python3 - "$sample" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
p["name"] = "安装副本"
json.dump(p, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
colour=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["styles"]["village"]["color"])' "$sample")
[[ -n ${DISPLAY:-} ]] || export QT_QPA_PLATFORM=offscreen
out=$(cd "$dest" && "$prefix/bin/coopmap" --render "$dest/map.png" --size 1200x800) || fail "coopmap --render"
echo "coopmap --render: $out"
[[ $out == 安装副本：* ]] || fail "coopmap without a project did not open the installed sample"
read -r size villages < <("$count" "$dest/map.png" "$colour" 3)
[[ $size == 1200x800 ]] || fail "picture is $size, not 1200x800"
(( villages > 2000 )) || fail "only $villages pixels of the village colour $colour"
echo "render: $size, $villages pixels of the village colour $colour"
