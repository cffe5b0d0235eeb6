#!/usr/bin/env python3
"""Prints the comparison table and the ratios from a bench/out/<time>/ folder (written by run-comparison.sh)."""
import glob
import json
import os
import sys

folder = sys.argv[1]
runs = {}
for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
    with open(path) as f:
        result = json.load(f)
    runs[result["label"]] = result

with_cpu = any(r.get("hostCpuMsPerTurn") is not None for r in runs.values())
cpu_head, cpu_rule = (" host CPU ms/turn | DB CPU ms/turn |", "---:|---:|") if with_cpu else ("", "")
print(f"| run | measured turns | turns/s | p50 ms | p90 ms | p99 ms | max ms | errors | peak RSS MiB (VmHWM) |{cpu_head}")
print(f"|---|---:|---:|---:|---:|---:|---:|---:|---:|{cpu_rule}")


def ms(value):
    return "-" if value is None else f"{value:.2f}"


for label, r in runs.items():
    cpu = f" {ms(r.get('hostCpuMsPerTurn'))} | {ms(r.get('dbCpuMsPerTurn'))} |" if with_cpu else ""
    print(f"| {label} | {r['measuredTurns']} | {r['turnsPerSecond']:.0f} | {r['p50Ms']:.1f} | {r['p90Ms']:.1f} | {r['p99Ms']:.1f} "
          f"| {r['maxMs']:.0f} | {r['errors']} | {r.get('highWaterMiB') or 0:.0f} |{cpu}")


def mean(prefix, key):
    values = [r.get(key) or 0 for label, r in runs.items() if label.startswith(prefix) and label[len(prefix):].isdigit()]
    return sum(values) / len(values) if values else None


s_tps, j_tps = mean("sinergi-", "turnsPerSecond"), mean("js-sdk-", "turnsPerSecond")
s_p99, j_p99 = mean("sinergi-", "p99Ms"), mean("js-sdk-", "p99Ms")
if s_tps and j_tps:
    print()
    print(f"Throughput: Sinergi {s_tps:.0f} turns/s vs JS SDK {j_tps:.0f} turns/s -> {s_tps / j_tps:.2f}x (target >= 3x)")
    print(f"p99: Sinergi {s_p99:.1f} ms vs JS SDK {j_p99:.1f} ms -> {s_p99 / j_p99:.2f} of the JS p99 (target <= 0.5)")
d_tps, d_p99 = mean("sinergi-declined-", "turnsPerSecond"), mean("sinergi-declined-", "p99Ms")
if d_tps and j_tps:
    print(f"Same form, declined at the end (no commitment saved): {d_tps:.0f} turns/s -> {d_tps / j_tps:.2f}x the JS SDK; "
          f"p99 {d_p99:.1f} ms -> {d_p99 / j_p99:.2f} of the JS p99")
soak = runs.get("sinergi-soak")
if soak:
    trend = soak.get("rssTrend") or []
    first = trend[len(trend) // 5]["rssMiB"] if trend else 0
    last = trend[-1]["rssMiB"] if trend else 0
    print(f"Soak: {soak['measuredTurns']} turns in {soak['seconds']:.0f} s; RSS after warm-up {first:.0f} MiB -> {last:.0f} MiB at the end; "
          f"slope {soak.get('rssSlopeMiBPer100kTurns')} MiB per 100k turns; peak {soak.get('highWaterMiB')} MiB")

# bench/run-postgres.sh: LiteDB, PostgreSQL with one host and with two.
l_tps = mean("litedb-", "turnsPerSecond")
if l_tps:
    print()
    print("| means of the rounds | turns/s | p50 ms | p99 ms | host CPU ms/turn | DB CPU ms/turn | total CPU ms/turn |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    totals = {}
    for prefix, name in (("litedb-", "LiteDB, 1 host"), ("postgres-1-", "PostgreSQL, 1 host"), ("postgres-2-", "PostgreSQL, 2 hosts")):
        tps = mean(prefix, "turnsPerSecond")
        if tps is None:
            continue
        host, db = mean(prefix, "hostCpuMsPerTurn"), mean(prefix, "dbCpuMsPerTurn")
        totals[prefix] = (tps, host + db)
        print(f"| {name} | {tps:.0f} | {mean(prefix, 'p50Ms'):.1f} | {mean(prefix, 'p99Ms'):.1f} | {host:.2f} | {db:.2f} | {host + db:.2f} |")
    print()
    if "postgres-1-" in totals:
        p_tps, p_cpu = totals["postgres-1-"]
        print(f"PostgreSQL 1 host / LiteDB: {p_tps / l_tps:.2f}x the turns/s (target >= 0.7x); "
              f"{p_cpu / totals['litedb-'][1]:.2f}x the CPU per turn (hosts + database)")
    if "postgres-1-" in totals and "postgres-2-" in totals:
        t1, c1 = totals["postgres-1-"]
        t2, c2 = totals["postgres-2-"]
        print(f"PostgreSQL 2 hosts / 1 host: {t2 / t1:.2f}x the turns/s, {c2 / c1:.2f}x the CPU per turn (hosts + database)")
