"""Writes bench/run.sh's Markdown table from its result lines: page, connections, load average, wrk's JSON."""
import json, sys
rows_path, out, tier, duration, peak_kb, cores = sys.argv[1:]
rows = []
for line in open(rows_path):
    kind, conns, load, data = line.split(" ", 3)
    rows.append((kind, int(conns), float(load), json.loads(data)))
floor = {c: d["requests"] / d["seconds"] for k, c, _, d in rows if k == "minimal"}
with open(out, "w") as f:
    f.write(f"# Load benchmark: tier `{tier}`, {duration} s per run, wrk on 127.0.0.1, {cores} cores\n\n")
    f.write("The machine is shared: compare ratios to the minimal endpoint of the same run; load is the 1-minute load average when each run began.\n\n")
    f.write("| page | connections | req/s | ratio to minimal | p50 ms | p95 ms | p99 ms | errors | non-2xx | load |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    for kind, c, load, d in rows:
        rps = d["requests"] / d["seconds"]
        ratio = f"{rps / floor[c]:.0%}" if c in floor and floor[c] else "–"
        f.write(f"| {kind} | {c} | {rps:,.0f} | {ratio} | {d['p50']:.1f} | {d['p95']:.1f} | {d['p99']:.1f} | {d['errors']} | {d['non2xx']} | {load:.1f} |\n")
    f.write(f"\nPeak working set of the server: {int(peak_kb) / 1024:.0f} MB\n")
print(open(out).read())
