"""Writes bench/run.sh's Markdown tables from its result lines (tier, page, connections, round, load average,
wrk's JSON): one table per tier, and with two tiers the comparison of their ratios to the minimal endpoint,
which must agree within 20% because cost must not grow with size. Ends with the issue's targets, checked."""
import json, sys
from collections import defaultdict
from statistics import median

results_path, peaks_path, prefix, duration, rounds, cores = sys.argv[1:]
runs = defaultdict(list)  # (tier, page, connections) -> [(round, load, data)]
for line in open(results_path):
    tier, page, conns, rnd, load, data = line.split(" ", 5)
    runs[(tier, page, int(conns))].append((int(rnd), float(load), json.loads(data)))
peaks = {t: int(kb) / 1024 for t, kb in (l.split() for l in open(peaks_path))}
tiers = list(peaks)
rps = lambda d: d["requests"] / d["seconds"]
CATALOGUE = {"home", "category", "category-page-200", "product"}
SEARCH = {"search-common", "search-rare", "search-typo"}
LISTINGS = {"tiny": "40", "demo": "1,000", "bench": "100,000"}


def ratios(tier, page, conns):
    """A page's throughput over the mean of the minimal endpoint's runs in the same round."""
    floor = defaultdict(list)
    for rnd, _, d in runs[(tier, "minimal", conns)]:
        floor[rnd].append(rps(d))
    return [rps(d) / (sum(floor[rnd]) / len(floor[rnd])) for rnd, _, d in runs[(tier, page, conns)]]


def summary(tier):
    rows = []
    for (t, page, conns), rs in runs.items():
        if t != tier:
            continue
        ds = [d for _, _, d in rs]
        rows.append(dict(page=page, conns=conns, rps=median(map(rps, ds)), ratios=ratios(tier, page, conns),
                         p50=median(d["p50"] for d in ds), p95=median(d["p95"] for d in ds), p99=median(d["p99"] for d in ds),
                         errors=sum(d["errors"] for d in ds), non2xx=sum(d["non2xx"] for d in ds), load=median(l for _, l, _ in rs)))
    return rows


tables = {t: summary(t) for t in tiers}
for tier, rows in tables.items():
    with open(f"{prefix}-{tier}.md", "w") as f:
        f.write(f"# Load benchmark: tier `{tier}` ({LISTINGS.get(tier, '?')} listings), {rounds} rounds of {duration} s per page, "
                f"wrk on 127.0.0.1, {cores} cores\n\n")
        f.write("Figures are medians over the rounds; the ratio compares each run with the minimal endpoint measured in the same "
                "round (before and after that tier's pages); load is the 1-minute load average when the runs began.\n\n")
        f.write("This is the cached path: every catalogue and search URL was requested once before measuring, so measured pages are "
                "output-cache hits; add-to-cart-form is the GET of a page never cached. First visits, new queries and the add-to-cart "
                "POST itself are measured by bench/run-uncached.sh, whose reports count the cache hits of each case.\n\n")
        f.write("| page | connections | req/s | ratio to minimal | p50 ms | p95 ms | p99 ms | errors | non-2xx | load | ratio per round |\n")
        f.write("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
        for r in sorted(rows, key=lambda r: (r["conns"], list(runs).index((tier, r["page"], r["conns"])))):
            per_round = " ".join(f"{x:.0%}" for x in r["ratios"])
            f.write(f"| {r['page']} | {r['conns']} | {r['rps']:,.0f} | {median(r['ratios']):.0%} | {r['p50']:.1f} | {r['p95']:.1f} | "
                    f"{r['p99']:.1f} | {r['errors']} | {r['non2xx']} | {r['load']:.1f} | {per_round} |\n")
        f.write(f"\nPeak working set of the server: {peaks[tier]:.0f} MB\n")
    print(open(f"{prefix}-{tier}.md").read())

checks = []
large = tiers[-1]
by = lambda tier: {(r["page"], r["conns"]): r for r in tables[tier]}
big = by(large)
for (page, conns), r in big.items():
    if page in CATALOGUE | SEARCH and conns == 64:
        checks.append((f"{page} at 64 connections: ratio ≥ 25%", f"{median(r['ratios']):.0%}", median(r["ratios"]) >= 0.25))
    if page in CATALOGUE | SEARCH and conns == 8:
        limit = 100 if page in SEARCH else 50
        checks.append((f"{page} at 8 connections: p95 < {limit} ms", f"{r['p95']:.1f} ms", r["p95"] < limit))
checks.append(("errors and non-2xx, every run", str(sum(r["errors"] + r["non2xx"] for r in big.values())),
               all(r["errors"] + r["non2xx"] == 0 for r in big.values())))
for tier in tiers:
    checks.append((f"peak working set, {tier}", f"{peaks[tier]:.0f} MB", peaks[tier] < 400))

if len(tiers) == 2:
    small = by(tiers[0])
    with open(f"{prefix}-ratios.md", "w") as f:
        f.write(f"# Ratios to the minimal endpoint: {LISTINGS.get(tiers[0])} against {LISTINGS.get(large)} listings\n\n")
        f.write(f"| page | connections | ratio, {LISTINGS.get(tiers[0])} | ratio, {LISTINGS.get(large)} | change | within 20% |\n")
        f.write("|---|---:|---:|---:|---:|---|\n")
        for key, r in sorted(big.items(), key=lambda kv: (kv[0][1], list(runs).index((large, kv[0][0], kv[0][1])))):
            page, conns = key
            if page == "minimal":
                continue
            b = median(r["ratios"])
            if key not in small:
                f.write(f"| {page} | {conns} | – | {b:.0%} | – | – (no such page at {LISTINGS.get(tiers[0])}) |\n")
                continue
            s = median(small[key]["ratios"])
            change = (b - s) / s
            ok = abs(change) <= 0.2
            if page in CATALOGUE | SEARCH:
                checks.append((f"{page} at {conns} connections: ratios within 20%", f"{change:+.0%}", ok))
            f.write(f"| {page} | {conns} | {s:.0%} | {b:.0%} | {change:+.0%} | {'yes' if ok else 'no'} |\n")
    print(open(f"{prefix}-ratios.md").read())

with open(f"{prefix}-targets.md", "w") as f:
    f.write(f"# Performance targets, checked on the {LISTINGS.get(large)}-listing run\n\n| target | measured | met |\n|---|---:|---|\n")
    for name, value, ok in checks:
        f.write(f"| {name} | {value} | {'yes' if ok else '**no**'} |\n")
    f.write(f"\n{sum(ok for *_, ok in checks)} of {len(checks)} met.\n")
print(open(f"{prefix}-targets.md").read())
