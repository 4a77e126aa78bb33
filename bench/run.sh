#!/usr/bin/env bash
# Load benchmark: starts the shop in Release on a private database holding a demo tier, drives it
# with wrk from a second process on 127.0.0.1 only (bounded in time), and writes a Markdown table to
# bench/results/. Usage: bench/run.sh [demo|bench|both] [seconds per run, default 15]; "both" (the
# default) runs the 1,000-listing and the 100,000-listing tiers and writes the table comparing their ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TIER=${1:-both}
DURATION=${2:-15}
if [ "$TIER" = both ]; then
    STAMP=$(date -u +%Y%m%d-%H%M)
    "$0" demo "$DURATION"
    "$0" bench "$DURATION"
    /usr/bin/python3 bench/compare.py "bench/results/$(ls -t bench/results | grep -- '-demo.md$' | head -1)" \
        "bench/results/$(ls -t bench/results | grep -- '-bench.md$' | head -1)" > "bench/results/$STAMP-ratios.md"
    cat "bench/results/$STAMP-ratios.md"
    exit 0
fi
CONNECTIONS=${BENCH_CONNECTIONS:-8 64}
ensure_packages wrk=/usr/bin/wrk curl=/usr/bin/curl
WORK=$(mktemp -d)
STAMP=$(date -u +%Y%m%d-%H%M)
OUT=bench/results/$STAMP-$TIER.md

source bench/shop.sh
trap bench_cleanup EXIT

bench_start_shop

# URL lists: many URLs per page type, so caches show their real hit rate.
psql_bench -d "bench_$TIER" -c "SELECT '/produk/' || \"Slug\" FROM \"Listings\" WHERE \"Status\" = 'Approved' ORDER BY md5(\"Slug\") LIMIT 1000" > "$WORK/product.txt"
psql_bench -d "bench_$TIER" -c "SELECT '/kategori/' || \"Slug\" FROM \"Categories\" ORDER BY \"Position\"" > "$WORK/categories.txt"
next_page() { curl -fsS "$BASE$1" | grep -o '<a [^>]*rel="next"[^>]*>' | grep -o 'href="[^"]*"' | head -1 | sed 's/href="//;s/"$//;s/&amp;/\&/g'; }
: > "$WORK/category.txt"; : > "$WORK/category-page-200.txt"
while read -r category; do
    url=$category
    for page in $(seq 1 200); do
        [ "$page" -le 12 ] && echo "$url" >> "$WORK/category.txt"
        [ "$page" -eq 200 ] && { echo "$url" >> "$WORK/category-page-200.txt"; break; }
        url=$(next_page "$url") || break
        [ -n "$url" ] || break
    done
done < "$WORK/categories.txt"
echo / > "$WORK/home.txt"
printf '%s\n' /cari?q=kue /cari?q=tas /cari?q=lukisan /cari?q=keripik /cari?q=parsel > "$WORK/search-common.txt"
printf '%s\n' /cari?q=cendana /cari?q=teralis /cari?q=tapis /cari?q=emping /cari?q=kerapu > "$WORK/search-rare.txt"
printf '%s\n' /cari?q=kerajnan /cari?q=lukisn /cari?q=brwnies /cari?q=keripk /cari?q=parcel > "$WORK/search-typo.txt"
psql_bench -d "bench_$TIER" -c "SELECT '/keranjang/tambah/' || \"Id\" FROM \"Listings\" WHERE \"Status\" = 'Approved' ORDER BY md5(\"Slug\") LIMIT 200" > "$WORK/add-to-cart.txt"
echo /ping > "$WORK/minimal.txt"

# The JIT promotes hot code during the first seconds under load: warm the whole pipeline before the
# floor is measured, or the first rows (the minimal endpoint itself) run on colder code than the rest.
for warm in minimal product category; do
    WRK_URLS=$WORK/$warm.txt wrk -t2 -c64 -d5s -s bench/load.lua "$BASE" >/dev/null 2>&1 || true
done

TYPES="minimal home category category-page-200 search-common search-rare search-typo product add-to-cart"
for type in $TYPES; do
    [ -s "$WORK/$type.txt" ] || { echo "no URLs for $type"; continue; }
    # Warm up: every URL once (so the table shows the warm output cache), then wrk briefly.
    sed "s|^|$BASE|" "$WORK/$type.txt" | xargs -P 4 -I{} curl -s -o /dev/null {} || true
    WRK_URLS=$WORK/$type.txt wrk -t2 -c8 -d3s -s bench/load.lua "$BASE" >/dev/null 2>&1 || true
    for c in $CONNECTIONS; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        result=$(WRK_URLS=$WORK/$type.txt wrk -t2 -c"$c" -d"${DURATION}s" --timeout 10s -s bench/load.lua "$BASE" | grep '^RESULT' | sed 's/^RESULT //')
        echo "$type $c $load $result" | tee -a "$WORK/results.txt"
    done
done
PEAK_KB=$(grep VmHWM "/proc/$APP_PID/status" | awk '{print $2}')

/usr/bin/python3 bench/report.py "$WORK/results.txt" "$OUT" "$TIER" "$DURATION" "$PEAK_KB" "$(nproc)"
log "Written to $OUT"
