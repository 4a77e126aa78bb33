#!/usr/bin/env bash
# Requests no cache can answer: a new search per request (title words, some with a typing mistake, some
# for page 2-4), product pages over every slug (each worker its own share, none twice in a run), category
# pages with random filter combinations and deep pages (following "next"), and whole guest checkouts
# (add-to-cart POST, cart, checkout page, place the order, order page), each buyer with its own cookies.
# Every catalogue URL also carries a never-repeated "b" value, and the output cache varies by every query
# key, so no measured page is a cache hit. /ping runs before and after each case in the same round: the
# table reports each case as a ratio to it, with the load average, because the machine is shared.
# Usage: bench/run-uncached.sh [demo|bench] [seconds per run, default 10] [rounds, default 2]
# BENCH_DB=name measures another database of the bench cluster (for example one loaded before a change).
# BENCH_STANDBY=1: one primary and one streaming standby (two PostgreSQL processes); the report says how many
# transactions each served during the measured cases (pg_stat_database.xact_commit, read before and after).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TIER=${1:-bench}
DURATION=${2:-10}
ROUNDS=${3:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-8 64}
CASES=${BENCH_CASES:-search product category checkout}
ensure_packages curl=/usr/bin/curl
WORK=$(mktemp -d)
STAMP=$(date -u +%Y%m%d-%H%M)
LABEL=${BENCH_LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo tree)}

source bench/shop.sh
trap bench_cleanup EXIT
bench_start_shop "$TIER"
DB=${BENCH_DB:-bench_$TIER}
BASE=${SHOP_BASE[$TIER]}

DATA=$WORK/data
mkdir -p "$DATA"
q() { psql_bench -d "$DB" -c "$1"; }
q "SELECT DISTINCT w FROM \"Listings\", unnest(string_to_array(lower(\"Title\"), ' ')) w WHERE \"Status\" = 'Approved' AND w ~ '^[a-z]{3,}\$'" > "$DATA/words.txt"
q "SELECT \"Slug\" FROM \"Listings\" WHERE \"Status\" = 'Approved' ORDER BY md5(\"Slug\")" > "$DATA/slugs.txt"
q "SELECT \"Slug\" FROM \"Categories\"" > "$DATA/categories.txt"
q "SELECT \"Slug\" FROM \"Regencies\"" > "$DATA/regencies.txt"
q "SELECT \"Slug\" FROM \"Groups\" ORDER BY md5(\"Slug\") LIMIT 200" > "$DATA/groups.txt"
q "SELECT \"Slug\" FROM \"Programmes\" ORDER BY md5(\"Slug\") LIMIT 200" > "$DATA/programmes.txt"
# Goods that will not sell out during the run, so every checkout can succeed.
q "SELECT \"Id\" FROM \"Listings\" WHERE \"Status\" = 'Approved' AND (\"MadeToOrder\" OR \"Stock\" > 50) ORDER BY md5(\"Slug\") LIMIT 2000" > "$DATA/listing-ids.txt"
if [ "$(wc -l < "$DATA/listing-ids.txt")" -lt 100 ]; then
    # Few goods in stock at this tier: raise their stock, unmeasured, so checkouts never run dry.
    q "UPDATE \"Listings\" SET \"Stock\" = 100000 WHERE \"Id\" IN (SELECT \"Id\" FROM \"Listings\" WHERE \"Status\" = 'Approved' AND NOT \"MadeToOrder\" ORDER BY md5(\"Slug\") LIMIT 500)" >/dev/null
    q "SELECT \"Id\" FROM \"Listings\" WHERE \"Status\" = 'Approved' AND (\"MadeToOrder\" OR \"Stock\" > 50) ORDER BY md5(\"Slug\") LIMIT 2000" > "$DATA/listing-ids.txt"
fi

log "Building the load generator"
dotnet build bench/Load -c Release -nologo -v quiet >/dev/null
LOAD="dotnet bench/Load/bin/Release/net10.0/PasKreatif.Bench.Load.dll"
drive() { $LOAD "$BASE" "$1" "$2" "$3" "$DATA"; }
curl -fsS "$BASE/metrics" | grep -q '^paskreatif_output_cache_requests' || log "warning: /metrics shows no output-cache counter yet"

# The word index loads as the shop starts (24 s at a million listings); searches before that ask the database alone.
for i in $(seq 1 300); do grep -q 'Word index loaded' "$WORK/app-$TIER.log" && break; sleep 1; done
grep -q 'Word index loaded' "$WORK/app-$TIER.log" || log "warning: the word index did not load within 300 s"
# Warm the JIT and the connection pool on every case, unmeasured, until the JIT has settled; the report says how long
# it still ran while measuring.
warm_round() { for kind in ping $CASES; do drive "$kind" 16 3 >/dev/null || true; done; }
warm_until_jit_settles "$BASE" warm_round
# The peak working set counts from here: a first start that loaded the tier in-process must not count.
echo 5 > "/proc/${SHOP_PID[$TIER]}/clear_refs"

jit_measured_start=$(jit_seconds "$BASE")
xacts() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -tAq -d postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$DB'"; }
primary_before=$(xacts "$PG_PORT"); standby_before=$([ -n "${STANDBY_PORT:-}" ] && xacts "$STANDBY_PORT" || echo 0)
for c in $CONNECTIONS; do
    for round in $(seq 1 "$ROUNDS"); do
        for kind in ping $CASES ping; do
            load=$(cut -d' ' -f1 /proc/loadavg)
            before=$(cache_hits "$BASE")
            result=$(drive "$kind" "$c" "$DURATION")
            echo "$kind $c $round $load $(( $(cache_hits "$BASE") - before )) $result" | tee -a "$WORK/results.txt"
        done
    done
done
jit_measured=$(python3 -c "print(f'{$(jit_seconds "$BASE") - $jit_measured_start:.1f}')")
sleep 1 # statistics reach pg_stat_database when a session goes idle
primary_xacts=$(( $(xacts "$PG_PORT") - primary_before ))
standby_xacts=$([ -n "${STANDBY_PORT:-}" ] && echo $(( $(xacts "$STANDBY_PORT") - standby_before )) || echo "none (no standby)")
peak=$(grep VmHWM "/proc/${SHOP_PID[$TIER]}/status" | awk '{print $2}')
listings=$(q "SELECT count(*) FROM \"Listings\"")
size=$(q "SELECT pg_size_pretty(pg_database_size('$DB'))")
/usr/bin/python3 bench/report-uncached.py "$WORK/results.txt" "bench/results/$STAMP-uncached-$TIER-$LABEL.md" \
    "$TIER" "$LABEL" "$DURATION" "$ROUNDS" "$(nproc)" "$peak" "$listings" "$size"
REPORT=bench/results/$STAMP-uncached-$TIER-$LABEL.md
printf '\nJIT compiling: %s s during the warm-up (%s rounds of every case, 3 s each), %s s during the measured cases (dotnet_jit_compilation_time_seconds_total at /metrics).\n' \
    "$WARM_JIT" "$WARM_ROUNDS" "$jit_measured" >> "$REPORT"
printf '\nTransactions during the measured cases (pg_stat_database.xact_commit): primary %s, standby %s.\n' "$primary_xacts" "$standby_xacts" >> "$REPORT"
log "Wrote $REPORT"
