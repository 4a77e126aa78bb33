#!/usr/bin/env bash
# Where the time goes: starts the shop in Release on a tier (as bench/run.sh does), drives one page type with wrk
# while dotnet-trace (a local tool, dotnet-tools.json) samples the server's CPU, and prints the methods that were
# longest on the stack. Usage: bench/trace.sh [demo|bench] [page type, as in bench/run.sh] [seconds, default 10]
# "cold" as the page type renders product pages that are not cached yet (the database and Razor work).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TIER=${1:-bench}
TYPE=${2:-product}
DURATION=${3:-10}
ensure_packages wrk=/usr/bin/wrk curl=/usr/bin/curl
WORK=$(mktemp -d)
OUT=bench/results/trace-$(date -u +%Y%m%d-%H%M)-$TIER-$TYPE
source bench/shop.sh
trap bench_cleanup EXIT
dotnet tool restore >/dev/null

bench_start_shop "$TIER"
BASE=${SHOP_BASE[$TIER]}
mkdir -p "$WORK/urls"
case $TYPE in
    cold) psql_bench -d "bench_$TIER" -c "SELECT '/produk/' || \"Slug\" FROM \"Listings\" WHERE \"Status\" = 'Approved' ORDER BY md5(\"Slug\" || 'cold') LIMIT 20000" > "$WORK/urls/cold.txt" ;;
    product) psql_bench -d "bench_$TIER" -c "SELECT '/produk/' || \"Slug\" FROM \"Listings\" WHERE \"Status\" = 'Approved' ORDER BY md5(\"Slug\") LIMIT 1000" > "$WORK/urls/product.txt" ;;
    category) psql_bench -d "bench_$TIER" -c "SELECT '/kategori/' || \"Slug\" FROM \"Categories\"" > "$WORK/urls/category.txt" ;;
    home) echo / > "$WORK/urls/home.txt" ;;
    minimal) echo /ping > "$WORK/urls/minimal.txt" ;;
    *) printf '%s\n' "/cari?q=$TYPE" > "$WORK/urls/$TYPE.txt" ;; # any other word: a search for it
esac
# Warm (JIT and, except for "cold", the output cache), then trace under load.
[ "$TYPE" = cold ] || sed "s|^|$BASE|" "$WORK/urls/$TYPE.txt" | xargs -P 4 -I{} curl -s -o /dev/null {}
WRK_URLS=$WORK/urls/$TYPE.txt wrk -t2 -c16 -d5s -s bench/load.lua "$BASE/" >/dev/null
WRK_URLS=$WORK/urls/$TYPE.txt wrk -t2 -c16 -d"$((DURATION + 4))s" -s bench/load.lua "$BASE/" | grep '^RESULT' &
LOAD_PID=$!
sleep 2
dotnet tool run dotnet-trace collect -p "${SHOP_PID[$TIER]}" --profile dotnet-sampled-thread-time --duration "00:00:$(printf '%02d' "$DURATION")" -o "$OUT.nettrace" >/dev/null
wait "$LOAD_PID" # not the shop, which runs in the background too
# Thread time, so waits count too: a page waiting on PostgreSQL shows as Npgsql frames, not as idle.
dotnet tool run dotnet-trace report "$OUT.nettrace" topN -n 60 --inclusive > "$OUT-inclusive.txt"
dotnet tool run dotnet-trace report "$OUT.nettrace" topN -n 30 > "$OUT-exclusive.txt"
cat "$OUT-inclusive.txt" "$OUT-exclusive.txt"
rm -f "$OUT.nettrace" "$OUT.nettrace.etlx"
log "Written to $OUT-inclusive.txt and $OUT-exclusive.txt"
