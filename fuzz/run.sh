#!/bin/sh
# Builds the libFuzzer targets with clang-19 in build/fuzz and runs each for SECONDS
# (default 300), starting from fuzz/corpus/<target>/ and the seeds make_seeds makes from the
# sample (build/fuzz/seeds/<target>/); new inputs go to build/fuzz/corpus/<target>/.
# Run inside the build root:  ./dev shell "fuzz/run.sh 300"   (or ./dev fuzz MINUTES)
# FUZZ_TARGETS="gpkg kml" limits the run to those targets.
# A crash stops that target, leaves crash-* in build/fuzz/<target>/ and makes the script exit 1.
set -eu
seconds=${1:-300}
here=$(cd "$(dirname "$0")" && pwd)
build="$here/../build/fuzz"
targets=${FUZZ_TARGETS:-"project csv geojson gpkg shapefile kml kmz xlsx"}
build_targets=make_seeds
for target in $targets; do build_targets="$build_targets fuzz_$target"; done
# FUZZ_STEP=build only builds, FUZZ_STEP=run only runs (to build under a lock of one's own).
if [ "${FUZZ_STEP:-}" != run ]; then
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 >/dev/null
    cmake --build "$build" -j"${FUZZ_JOBS:-2}" --target $build_targets
fi
[ "${FUZZ_STEP:-}" = build ] && exit 0
rm -rf "$build/seeds"
"$build/make_seeds" "$here/../geodata/xiangyang.gpkg" "$build/seeds"
status=0
for target in $targets; do
    work="$build/$target"
    mkdir -p "$build/corpus/$target" "$work"
    # Crashes from earlier runs are not this run's (fuzz/known_crashes/ keeps the reported ones).
    rm -f "$work"/crash-* "$work"/timeout-* "$work"/oom-* "$work/log"
    dirs="$build/corpus/$target"
    for d in "$here/corpus/$target" "$build/seeds/$target"; do [ -d "$d" ] && dirs="$dirs $d"; done
    echo "fuzz: $target for $seconds s"
    # Leaks are GDAL's process-lifetime caches, not bugs; -rss_limit guards runaway inputs
    # (an expanding KMZ/XLSX must stay under it). The log is kept whole; its end is shown.
    rc=0
    (cd "$work" && ASAN_OPTIONS=detect_leaks=0 "$build/fuzz_$target" -max_total_time="$seconds" \
        -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 $dirs >"$work/log" 2>&1) || rc=$?
    tail -n 12 "$work/log"
    [ $rc = 0 ] || status=1
    # (ls of several globs fails when any one of them matches nothing: test each file instead)
    for f in "$work"/crash-* "$work"/timeout-* "$work"/oom-*; do
        if [ -e "$f" ]; then status=1; echo "fuzz: $target found $f"; fi
    done
done
echo "fuzz: $([ $status = 0 ] && echo no crash || echo CRASH, see build/fuzz/TARGET/crash-*) in ${seconds} s per target ($targets)"
exit $status
