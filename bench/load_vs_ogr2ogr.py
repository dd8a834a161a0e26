#!/usr/bin/env python3
"""Loading a 500,000-point GeoPackage: coopmap's reader (layer + index) beside
`ogr2ogr -f Memory` on the same file, in the same run. Prints times, the ratio and the
peak memory per point. Usage: load_vs_ogr2ogr.py MAKE_POINTS LOAD_POINTS WORKDIR [N]"""
import os
import resource
import statistics
import subprocess
import sys
import time

make, load, work = sys.argv[1:4]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 500_000
os.makedirs(work, exist_ok=True)
gpkg = os.path.join(work, f"points-{n}.gpkg")
if not os.path.exists(gpkg):
    subprocess.run([make, str(n), gpkg], check=True)

def timed(cmd):
    """Wall seconds and the child's peak RSS (KiB) of one run."""
    pid_start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, _, ru = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - pid_start
    out = proc.stdout.read()
    if proc.returncode not in (0, None):
        pass
    return seconds, ru.ru_maxrss, out

ours, peer, ours_rss, peer_rss, inner = [], [], [], [], []
for _ in range(5):  # alternate, so both see the same cache and machine load
    s, rss, out = timed([load, gpkg])
    fields = out.split()
    assert len(fields) == 4 and int(fields[2]) == n and int(fields[3]) == n, out
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
