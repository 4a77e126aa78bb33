#!/usr/bin/env bash
# The back office as staff use it: signed in as the demo officer ("petugas", office 0), each page and CSV
# requested N times one after another (default 20), reporting p50/p95 time, bytes, time to first byte for
# the CSVs, and each case's p50 as a multiple of /ping's p50 measured in the same run, with the load
# average at the start of the case (the machine is shared). Back-office pages are never output-cached (they
# are per person); the report shows the output-cache hit counter's change over the run (it must be 0).
# The maker measured is the office's maker with the most ledger entries, the group the office's largest.
# Usage: bench/back-office.sh [demo|bench] [requests per case, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TIER=${1:-bench}
N=${2:-20}
ensure_packages curl=/usr/bin/curl
WORK=$(mktemp -d)
STAMP=$(date -u +%Y%m%d-%H%M)
LABEL=${BENCH_LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo tree)}

source bench/shop.sh
trap bench_cleanup EXIT
bench_start_shop "$TIER"
DB=${BENCH_DB:-bench_$TIER}
BASE=${SHOP_BASE[$TIER]}
q() { psql_bench -d "$DB" -c "$1"; }

OFFICE=$(q "SELECT o.\"OfficeId\" FROM \"OfficeOfficers\" o JOIN \"AspNetUsers\" u ON u.\"Id\" = o.\"PersonId\" WHERE u.\"UserName\" = 'petugas' ORDER BY 1 LIMIT 1")
GROUP=$(q "SELECT g.\"Id\" FROM \"Groups\" g WHERE g.\"OfficeId\" = $OFFICE ORDER BY (SELECT count(*) FROM \"Makers\" m WHERE m.\"HomeGroupId\" = g.\"Id\") DESC, g.\"Id\" LIMIT 1")
MAKER=$(q "SELECT e.\"MakerId\" FROM \"LedgerEntries\" e JOIN \"Makers\" m ON m.\"Id\" = e.\"MakerId\" JOIN \"Groups\" g ON g.\"Id\" = m.\"HomeGroupId\" WHERE g.\"OfficeId\" = $OFFICE GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
ENTRIES=$(q "SELECT count(*) FROM \"LedgerEntries\" WHERE \"MakerId\" = $MAKER")
MAKERS=$(q "SELECT count(*) FROM \"Makers\" m JOIN \"Groups\" g ON g.\"Id\" = m.\"HomeGroupId\" WHERE g.\"OfficeId\" = $OFFICE")
WORD=$(q "SELECT split_part(\"DisplayName\", ' ', 1) FROM \"Makers\" ORDER BY \"Id\" LIMIT 1")

JAR=$WORK/cookies
token=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/masuk" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Login=petugas" --data-urlencode "Password=PasKreatif-2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/masuk"
curl -fsS -o /dev/null -b "$JAR" "$BASE/admin/pembuat" || die "signing in as petugas failed"

cache_hits() { curl -fsS "$BASE/metrics" | awk '/^paskreatif_output_cache_requests[a-z_]*[{].*result="hit"/ { s += $NF } END { printf "%d", s }'; }

CASES=(
    "ping|/ping"
    "office roll-up|/admin/kemandirian/bapas/$OFFICE"
    "office CSV trend|/admin/kemandirian/bapas/$OFFICE?handler=Csv&table=tren"
    "office CSV bands|/admin/kemandirian/bapas/$OFFICE?handler=Csv&table=tingkat"
    "office CSV programmes|/admin/kemandirian/bapas/$OFFICE?handler=Csv&table=program"
    "office CSV makers|/admin/kemandirian/bapas/$OFFICE?handler=Csv&table=pembuat"
    "group roll-up|/admin/kemandirian/kelompok/$GROUP"
    "maker independence (revenue)|/admin/pembuat/$MAKER/kemandirian"
    "maker balance|/admin/pembuat/$MAKER/saldo"
    "maker balance CSV|/admin/pembuat/$MAKER/saldo?handler=Csv"
    "moderation queue|/admin/moderasi"
    "makers list|/admin/pembuat"
    "makers search|/admin/pembuat?cari=$WORD"
    "makers CSV|/admin/pembuat?handler=Csv"
    "payments|/admin/pembayaran"
)

# Warm the JIT and the connection pool on every case, unmeasured.
for c in "${CASES[@]}"; do curl -fsS -o /dev/null -b "$JAR" "$BASE${c#*|}" || log "warning: ${c#*|} failed"; done

hits_before=$(cache_hits)
: > "$WORK/results.txt"
for c in "${CASES[@]}"; do
    name=${c%%|*}; path=${c#*|}
    load=$(cut -d' ' -f1 /proc/loadavg)
    for i in $(seq 1 "$N"); do
        printf '%s\t%s\t' "$name" "$load" >> "$WORK/results.txt"
        curl -sS -o /dev/null -b "$JAR" -w '%{http_code}\t%{time_total}\t%{time_starttransfer}\t%{size_download}\n' "$BASE$path" >> "$WORK/results.txt"
    done
done
hits=$(( $(cache_hits) - hits_before ))
listings=$(q "SELECT count(*) FROM \"Listings\"")
/usr/bin/python3 - "$WORK/results.txt" "bench/results/$STAMP-back-office-$TIER-$LABEL.md" "$TIER" "$LABEL" "$N" "$hits" "$listings" "$MAKERS" "$ENTRIES" "$(nproc)" <<'EOF'
import sys, statistics
src, out, tier, label, n, hits, listings, makers, entries, cores = sys.argv[1:]
rows = {}
order = []
for line in open(src):
    name, load, code, total, first, size = line.rstrip("\n").split("\t")
    if name not in rows: rows[name] = []; order.append(name)
    rows[name].append((load, code, float(total) * 1000, float(first) * 1000, int(size)))
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
ping = statistics.median(r[2] for r in rows["ping"])
lines = [f"# Back office, {tier} tier ({int(listings):,} listings), build {label}", "",
         f"Signed in as the officer \"petugas\"; each case {n} requests one after another, after one unmeasured warm-up request.",
         f"The office measured has {int(makers):,} makers; the maker measured has {int(entries):,} ledger entries. {cores} cores shared with other sessions:",
         "compare the ratio to /ping (case p50 / ping p50, same run), not raw times. Output-cache hits over the run: " + hits + " (back-office pages are never cached).", "",
         "| case | status | p50 ms | p95 ms | first byte p50 ms | first byte p95 ms | KB | × /ping p50 | load |",
         "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
for name in order:
    r = rows[name]
    codes = ",".join(sorted({x[1] for x in r}))
    totals = [x[2] for x in r]; firsts = [x[3] for x in r]
    kb = statistics.median(x[4] for x in r) / 1024
    lines.append(f"| {name} | {codes} | {pct(totals,50):.1f} | {pct(totals,95):.1f} | {pct(firsts,50):.1f} | {pct(firsts,95):.1f} | {kb:,.1f} | {pct(totals,50)/ping:,.0f} | {r[0][0]} |")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
EOF
