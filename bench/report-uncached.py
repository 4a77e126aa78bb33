"""Markdown table of bench/run-uncached.sh: each case as a ratio to /ping measured in the same round."""
import json
import sys
from collections import defaultdict

results, out, tier, label, duration, rounds, cores, peak_kb, listings, size = sys.argv[1:11]
rows = []
for line in open(results, encoding="utf-8"):
    kind, conns, rnd, load, hits, payload = line.split(" ", 5)
    rows.append((kind, int(conns), int(rnd), float(load), int(hits), json.loads(payload)))

def rate(r):
    return r["requests"] / r["seconds"] if r["seconds"] else 0.0

# The /ping rate of a round is the mean of the runs before and after its cases.
ping = defaultdict(list)
for kind, conns, rnd, load, hits, r in rows:
    if kind == "ping":
        ping[(conns, rnd)].append(rate(r))

lines = [
    f"# Uncached requests: {tier} tier ({listings} listings, database {size}), build {label}",
    "",
    f"{rounds} rounds of {duration} s per case and connection count; {cores} cores on a shared machine (other work may run "
    "meanwhile: the load column says how much), so compare the ratio to /ping, not the raw rate. Every measured URL is one "
    "no cache holds (see bench/run-uncached.sh); \"cache hits\" is the change of the output cache's hit counter "
    "(paskreatif_output_cache_requests{result=\"hit\"} at /metrics) over the case, read before and after it. "
    "What the shop shares between pages stays warm, as it does under real traffic: each list's filter choices and counts, "
    "the \"more from this maker\" strips, the word index (loaded before measuring); an unmeasured warm-up of every "
    "case, repeated until the JIT has settled (the JIT line below), reads the categories' ones first, so a category's first read (once per ten minutes per category) is not in these figures. "
    "Load = 1-minute load average when the run started. "
    f"Peak working set of the shop during the measured cases (VmHWM, reset after warming): {int(peak_kb) // 1024} MB.",
    "",
    "| case | conn | round | req/s | /ping req/s | ratio to /ping | p50 ms | p95 ms | p99 ms | errors | cache hits | load |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]
steps = []
examples = []
def failures(r):
    # Which answers were not a success: status codes, "timeout" (the 30 s client limit) or "connection".
    by = r.get("failures") or {}
    return f"{r['errors']}" + (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(by.items())) + ")" if by else "")
for kind, conns, rnd, load, hits, r in rows:
    if kind == "ping":
        continue
    base = sum(ping[(conns, rnd)]) / len(ping[(conns, rnd)])
    value = rate(r)
    unit = "orders/s" if kind == "checkout" else "req/s"
    shown = r["orders"] / r["seconds"] if kind == "checkout" else value
    lines.append(
        f"| {kind}{' (orders/s)' if kind == 'checkout' else ''} | {conns} | {rnd} | {shown:,.1f} | {base:,.0f} | {100 * value / base:.2f}% | "
        f"{r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {failures(r)} | {hits} | {load} |")
    examples += [f"- {kind}, {conns} connections: `{e}`" for e in r.get("examples") or []]
    if kind == "checkout":
        for step, s in r["steps"].items():
            steps.append(f"| {step} | {conns} | {rnd} | {s['count']} | {s['p50']:.1f} | {s['p95']:.1f} | {s['p99']:.1f} |")
if examples:
    lines += ["", "Examples of failed requests (status, URL):", ""] + examples
if steps:
    lines += ["", "Checkout steps (the ratio above counts every request of the checkouts):", "",
              "| step | conn | round | requests | p50 ms | p95 ms | p99 ms |", "|---|---:|---:|---:|---:|---:|---:|"] + steps
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
print("\n".join(lines))
