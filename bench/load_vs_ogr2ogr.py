#!/usr/bin/env python3
"""Loading a 500,000-point GeoPackage: coopmap's reader (layer + index) beside
`ogr2ogr -f Memory` on the same file, in the same run. Prints times, the ratio and the
peak memory per point. Exits non-zero when either program fails (the peer included), when our
count is wrong, or when the ratio misses its target.
Usage: load_vs_ogr2ogr.py MAKE_POINTS LOAD_POINTS WORKDIR [N]"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

make, load, work = sys.argv[1:4]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 500_000
os.makedirs(work, exist_ok=True)
gpkg = os.path.join(work, f"points-{n}.gpkg")
if not os.path.exists(gpkg):
    subprocess.run([make, str(n), gpkg], check=True)

def timed(cmd):
    """Wall seconds and the child's peak RSS (KiB) of one run; exits 1 if the program fails."""
    pid_start = time.perf_counter()
    # Output to files, not pipes: a child blocked on a full pipe would never be reaped by wait4.
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        proc = subprocess.Popen(cmd, stdout=out_f, stderr=err_f)
        _, status, ru = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - pid_start
        out_f.seek(0)
        err_f.seek(0)
        out, err = out_f.read().decode(errors="replace"), err_f.read().decode(errors="replace")
    # wait4 reaped the child, so proc.returncode stays None: the status is wait4's.
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"FAILED: {' '.join(cmd)} exited {code}: {err.strip()[-2000:]}", file=sys.stderr)
        sys.exit(1)
    return seconds, ru.ru_maxrss, out

ours, peer, ours_rss, peer_rss, inner = [], [], [], [], []
for _ in range(5):  # alternate, so both see the same cache and machine load
    s, rss, out = timed([load, gpkg])
    fields = out.split()
    if not (len(fields) == 4 and int(fields[2]) == n and int(fields[3]) == n):
        print(f"DIFFERENT: coopmap read {out.strip()!r}, expected {n} points", file=sys.stderr)
        sys.exit(1)
    ours.append(s); ours_rss.append(rss); inner.append(float(fields[0]))
    s, rss, _ = timed(["ogr2ogr", "-f", "Memory", "mem", gpkg])
    peer.append(s); peer_rss.append(rss)

o, p = statistics.median(ours), statistics.median(peer)
print(f"points: {n}")
print(f"coopmap read_layer + index (process, median of 5): {o:.3f} s  (load alone {statistics.median(inner):.3f} s)")
print(f"ogr2ogr -f Memory (process, median of 5):          {p:.3f} s")
print(f"ratio coopmap / ogr2ogr: {o / p:.2f}x  (target <= 1.3x)")
print(f"peak RSS coopmap: {max(ours_rss) / 1024:.1f} MiB = {max(ours_rss) * 1024 / n:.0f} bytes/point")
print(f"peak RSS ogr2ogr: {max(peer_rss) / 1024:.1f} MiB = {max(peer_rss) * 1024 / n:.0f} bytes/point")
sys.exit(0 if o / p <= 1.3 else 1)
