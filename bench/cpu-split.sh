#!/usr/bin/env bash
# Where a case's time goes: CPU milliseconds per request of the shop, of PostgreSQL and of the load generator,
# and per statement the calls, planning and execution time (pg_stat_statements, planning tracked).
# Drives the same uncached requests as bench/run-uncached.sh. Run under flock /var/tmp/bench.lock.
# Usage: bench/cpu-split.sh [cases, default "product category"] [seconds, default 10] [connections, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
CASES=${1:-product category}
DURATION=${2:-10}
CONNECTIONS=${3:-8}
TIER=bench
WORK=$(mktemp -d)
source bench/shop.sh
trap bench_cleanup EXIT
# A cluster already running keeps its settings: stop it first to have pg_stat_statements loaded.
pg_start bench "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on -c pg_stat_statements.max=1000"
started=$PG_STARTED
bench_start_shop "$TIER"
# bench_start_shop found the cluster running; the cleanup must still stop it (it holds the lock's file descriptor).
PG_STARTED=$started
BASE=${SHOP_BASE[$TIER]}
DB=${BENCH_DB:-bench_$TIER}
q() { psql_bench -d "$DB" -c "$1"; }
q "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
DATA=$WORK/data; mkdir -p "$DATA"
q "SELECT DISTINCT w FROM \"Listings\", unnest(string_to_array(lower(\"Title\"), ' ')) w WHERE \"Status\" = 'Approved' AND w ~ '^[a-z]{3,}\$'" > "$DATA/words.txt"
q "SELECT \"Slug\" FROM \"Listings\" WHERE \"Status\" = 'Approved' ORDER BY md5(\"Slug\" || 'split')" > "$DATA/slugs.txt"
q "SELECT \"Slug\" FROM \"Categories\"" > "$DATA/categories.txt"
q "SELECT \"Slug\" FROM \"Regencies\"" > "$DATA/regencies.txt"
q "SELECT \"Slug\" FROM \"Groups\" ORDER BY md5(\"Slug\") LIMIT 200" > "$DATA/groups.txt"
q "SELECT \"Slug\" FROM \"Programmes\" ORDER BY md5(\"Slug\") LIMIT 200" > "$DATA/programmes.txt"
q "SELECT \"Id\" FROM \"Listings\" WHERE \"Status\" = 'Approved' AND (\"MadeToOrder\" OR \"Stock\" > 50) LIMIT 100" > "$DATA/listing-ids.txt"
dotnet build bench/Load -c Release -nologo -v quiet >/dev/null
LOAD="dotnet bench/Load/bin/Release/net10.0/PasKreatif.Bench.Load.dll"
# CPU ticks (utime + stime) of a set of processes.
ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done; echo "$t"; }
pg_pids() { pgrep -d ' ' -f "postgres: .*$DB" || true; }
hz=$(getconf CLK_TCK)
# CPU per request of a shop still compiling would count the JIT: warm every case until it has settled.
warm_round() { for kind in $CASES; do $LOAD "$BASE" "$kind" 8 3 "$DATA" >/dev/null || true; done; }
warm_until_jit_settles "$BASE" warm_round
echo "JIT: $WARM_JIT s while warming ($WARM_ROUNDS rounds)"
for kind in $CASES; do
    $LOAD "$BASE" "$kind" 8 3 "$DATA" >/dev/null # warm, unmeasured
    q "SELECT pg_stat_statements_reset()" >/dev/null
    hits0=$(cache_hits "$BASE")
    shop0=$(ticks "${SHOP_PID[$TIER]}"); pgs=$(pg_pids); pg0=$(ticks $pgs); load=$(cut -d' ' -f1 /proc/loadavg)
    out=$WORK/out.json
    /usr/bin/time -f '%U %S' -o "$WORK/loadgen" $LOAD "$BASE" "$kind" "$CONNECTIONS" "$DURATION" "$DATA" > "$out"
    shop1=$(ticks "${SHOP_PID[$TIER]}"); pg1=$(ticks $pgs)
    hits=$(( $(cache_hits "$BASE") - hits0 ))
    n=$(python3 -c "import json;print(json.load(open('$out'))['requests'])")
    gen=$(awk '{print $1 + $2}' "$WORK/loadgen")
    echo "== $kind: $(python3 -c "import json;d=json.load(open('$out'));print(f\"{d['requests']/d['seconds']:.1f} req/s, p50 {d['p50']:.1f} ms, p95 {d['p95']:.1f} ms, errors {d['errors']}\")"), output-cache hits $hits, load $load"
    python3 -c "print(f'CPU ms per request: shop {($shop1-$shop0)*1000/$hz/$n:.2f}, postgres {($pg1-$pg0)*1000/$hz/$n:.2f}, load generator {$gen*1000/$n:.2f} (whole process)')"
    q "SELECT calls, round(calls::numeric / $n, 2) AS per_request, round(total_plan_time::numeric / calls, 3) AS plan_ms, round(total_exec_time::numeric / calls, 3) AS exec_ms,
              round(shared_blks_hit::numeric / calls, 1) AS hits, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$DB') AND calls > 10
       ORDER BY total_plan_time + total_exec_time DESC LIMIT 12" | sed 's/^/  /'
done
