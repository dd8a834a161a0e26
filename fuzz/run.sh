#!/bin/sh
# Builds the libFuzzer targets with clang-19 in build/fuzz and runs each for SECONDS
# (default 300), starting from fuzz/corpus/<target>/ (new inputs go to build/fuzz/corpus/).
# Run inside the build root:  ./dev shell "fuzz/run.sh 300"
# A crash stops that target, leaves crash-* in build/fuzz/ and makes the script exit 1.
set -eu
seconds=${1:-300}
here=$(cd "$(dirname "$0")" && pwd)
build="$here/../build/fuzz"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 >/dev/null
cmake --build "$build" -j"${FUZZ_JOBS:-2}" --target fuzz_project fuzz_csv fuzz_geojson
status=0
# Crashes from earlier runs are not this run's (fuzz/known_crashes/ keeps the reported ones).
rm -f "$build"/crash-* "$build"/timeout-* "$build"/oom-*
for target in project csv geojson; do
    mkdir -p "$build/corpus/$target"
    # Leaks are GDAL's process-lifetime caches, not bugs; -rss_limit guards runaway inputs.
    if ! (cd "$build" && ASAN_OPTIONS=detect_leaks=0 "./fuzz_$target" -max_total_time="$seconds" \
            -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
            "$build/corpus/$target" "$here/corpus/$target" 2>&1 | tail -n 25); then
        status=1
    fi
    # (ls of several globs fails when any one of them matches nothing: test each file instead)
    for f in "$build"/crash-* "$build"/timeout-* "$build"/oom-*; do
        if [ -e "$f" ]; then status=1; fi
    done
done
echo "fuzz: $([ $status = 0 ] && echo no crash || echo CRASH, see build/fuzz/crash-*) in ${seconds} s per target"
exit $status
