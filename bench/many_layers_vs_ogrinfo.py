#!/usr/bin/env python3
"""Listing a GeoPackage of 2,000 small layers: `coopmap-cli info FILE` beside `ogrinfo -ro -so FILE`
(which lists the layers by name and geometry type, as `info` does for a source of that many
layers), in the same run, alternating; then the time to read one layer named in it. Exits
non-zero when either program fails (the peer included), when either does not list every layer,
or when `info` takes more than 2 s.
Usage: many_layers_vs_ogrinfo.py MAKE_LAYERS COOPMAP_CLI WORKDIR [N] [RUNS]"""
import os
import re
import resource
import statistics
import subprocess
import sys
import time

make, cli, work = sys.argv[1:4]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 3
os.makedirs(work, exist_ok=True)
gpkg = os.path.join(work, f"layers-{n}.gpkg")
if not os.path.exists(gpkg):
    subprocess.run([make, str(n), gpkg + ".part"], check=True)
    os.replace(gpkg + ".part", gpkg)


cpu = {}  # CPU seconds (user + system) of each command's runs: the shared machine's load inflates wall time


def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    cpu.setdefault(cmd[0] if cmd[1] != "convert" else "convert", []).append(used)
    if p.returncode != 0:
        print(f"FAILED: {' '.join(cmd)} exited {p.returncode}: {p.stderr.strip()[-2000:]}", file=sys.stderr)
        sys.exit(1)
    return seconds, p.stdout


ours, peer = [], []
for _ in range(runs):
    s, out = timed([cli, "info", gpkg])
    listed = [l.split()[0] for l in out.splitlines()[1:] if l.startswith("  ")]
    if listed != [f"layer_{k:04d}" for k in range(n)]:
        print(f"DIFFERENT: coopmap-cli info listed {len(listed)} layers, expected {n}", file=sys.stderr)
        sys.exit(1)
    ours.append(s)
    s, out = timed(["ogrinfo", "-ro", "-so", gpkg])
    listed = re.findall(r"^\d+: (\S+) \(Point\)$", out, re.M)
    if len(listed) != n:
        print(f"DIFFERENT: ogrinfo listed {len(listed)} layers, expected {n}", file=sys.stderr)
        sys.exit(1)
    peer.append(s)

# Reading one layer named in the file (`convert --layer`, as a project naming it reads it): GDAL
# opens the file for it, so this is GDAL's open plus one layer; shown, not held to the 2 s.
read = []
for _ in range(runs):
    out_file = os.path.join(work, "one-layer.geojson")
    if os.path.exists(out_file):
        os.remove(out_file)
    s, out = timed([cli, "convert", gpkg, out_file, "--layer", f"layer_{n - 1:04d}"])
    if "：1 个要素" not in out:
        print(f"DIFFERENT: coopmap-cli convert --layer layer_{n - 1:04d} said {out!r}", file=sys.stderr)
        sys.exit(1)
    read.append(s)

o, p = statistics.median(ours), statistics.median(peer)
print(f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
for name, key in (("coopmap-cli info", cli), ("ogrinfo -ro -so", "ogrinfo"), ("coopmap-cli convert --layer", "convert")):
    print(f"{name}: CPU (user + system) median {statistics.median(cpu[key]):.3f} s "
          f"(runs: {', '.join(f'{x:.3f}' for x in cpu[key])})")
print(f"layers: {n} (one point each, R-tree per layer), {os.path.getsize(gpkg) / 1e6:.1f} MB")
print(f"coopmap-cli info (process, median of {runs}): {o:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in ours)})")
print(f"ogrinfo -ro -so  (process, median of {runs}): {p:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in peer)})")
print(f"ratio ogrinfo / coopmap: {p / o:.1f}x; coopmap target <= 2 s: {'met' if o <= 2 else 'NOT met'}")
r = statistics.median(read)
print(f"coopmap-cli convert --layer (one layer read, median of {runs}): {r:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in read)})")
sys.exit(0 if o <= 2 else 1)
