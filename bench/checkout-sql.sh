#!/usr/bin/env bash
# Where a guest checkout's database time goes: starts the shop on a tier (as bench/run-uncached.sh does), logs
# every statement PostgreSQL runs (log_min_duration_statement=0, for this run only), walks a few guest buyers
# through add-form, add-post, cart, checkout-form, place and order page one step at a time with a marker in the
# log before each, and prints per step: statements, transactions begun, and the server's time for them.
# Usage: bench/checkout-sql.sh [demo|bench] [buyers, default 5]   (the first buyer warms; the table counts the rest)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
TIER=${1:-bench}
BUYERS=${2:-5}
WORK=$(mktemp -d)
source bench/shop.sh
quiet_log() { psql_bench -d postgres -c "ALTER SYSTEM RESET log_min_duration_statement" -c "ALTER SYSTEM RESET log_line_prefix" -c "SELECT pg_reload_conf()" >/dev/null || true; }
trap 'quiet_log; bench_cleanup' EXIT
bench_start_shop "$TIER"
DB=${BENCH_DB:-bench_$TIER}
BASE=${SHOP_BASE[$TIER]}
psql_bench -d "$DB" -c "SELECT \"Id\" FROM \"Listings\" WHERE \"Status\" = 'Approved' AND (\"MadeToOrder\" OR \"Stock\" > 50) ORDER BY md5(\"Slug\") LIMIT 200" > "$WORK/ids.txt"
LOG=$PG_DIR/server.log
psql_bench -d postgres -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "ALTER SYSTEM SET log_line_prefix = '%m [%p] %d '" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
from=$(wc -l < "$LOG")
/usr/bin/python3 bench/checkout-sql.py "$BASE" "$WORK/ids.txt" "$BUYERS" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAq -d "$DB" -c
sleep 1
quiet_log
tail -n +"$((from + 1))" "$LOG" > "$WORK/steps.log"
cp "$WORK/steps.log" "${CHECKOUT_SQL_LOG:-/dev/null}" 2>/dev/null || true
/usr/bin/python3 - "$WORK/steps.log" "$DB" <<'PY'
import re, sys, collections
log, db = sys.argv[1], sys.argv[2]
line = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] (\S*) LOG:  duration: ([\d.]+) ms  (parse|bind|execute|statement)[^:]*: (.*)$")
seen = collections.Counter(); stmts = collections.defaultdict(int); tx = collections.defaultdict(int); ms = collections.defaultdict(float)
texts = collections.defaultdict(collections.Counter)
step, visits = None, collections.Counter()
for raw in open(log, errors="replace"):
    m = line.match(raw)
    if not m: continue
    pid, database, dur, phase, sql = m.groups()
    if sql.startswith("SELECT 'STEP "):
        step = sql[len("SELECT 'STEP "):-1]; visits[step] += 1; continue
    if step is None or step == "end" or database != db or visits[step] < 2: continue  # the first buyer warms
    ms[step] += float(dur)
    if phase in ("execute", "statement"):
        stmts[step] += 1
        if re.match(r"(?i)\s*(BEGIN|START TRANSACTION)", sql): tx[step] += 1
        texts[step][sql[:110]] += 1
n = max(visits.values()) - 1
print(f"per step, averaged over {n} buyers after the first:")
print("| step | statements | transactions begun | server ms (parse+bind+execute) |")
print("|---|---:|---:|---:|")
for s in ["add-form", "add-post", "cart", "checkout-form", "place", "order-page"]:
    print(f"| {s} | {stmts[s]/n:.1f} | {tx[s]/n:.1f} | {ms[s]/n:.1f} |")
for s in ["add-form", "add-post", "cart", "checkout-form", "place", "order-page"]:
    print(f"\n{s}:")
    for sql, c in texts[s].most_common(): print(f"  {c/n:4.1f} x {sql}")
PY
