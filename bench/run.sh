#!/usr/bin/env bash
# Load benchmark: starts the shop in Release on a private database per demo tier, drives it with wrk from a
# second process on 127.0.0.1 only (bounded in time), and writes Markdown tables to bench/results/.
# Usage: bench/run.sh [demo|bench|both] [seconds per run, default 5] [rounds, default 3]
# "both" (the default) runs the 1,000- and the 100,000-listing tiers side by side and writes the table
# comparing their ratios to the minimal endpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TIERS=${1:-both}
[ "$TIERS" = both ] && TIERS="demo bench"
DURATION=${2:-5}
ROUNDS=${3:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-8 64}
# add-to-cart-form is the GET of the add-to-cart page (never cached); the POST itself and whole checkouts are
# measured by bench/run-uncached.sh (its checkout case, step add-post).
TYPES="home category category-page-200 search-common search-rare search-typo product add-to-cart-form"
ensure_packages wrk=/usr/bin/wrk curl=/usr/bin/curl
WORK=$(mktemp -d)
STAMP=$(date -u +%Y%m%d-%H%M)

source bench/shop.sh
trap bench_cleanup EXIT

next_page() { curl -fsS "$1" | grep -o '<a [^>]*rel="next"[^>]*>' | grep -o 'href="[^"]*"' | head -1 | sed 's/href="//;s/"$//;s/&amp;/\&/g'; }

# URL lists: many URLs per page type, so caches show their real hit rate.
write_urls() {
    local tier=$1 dir=$WORK/urls-$1 base=${SHOP_BASE[$1]} category url page
    mkdir -p "$dir"
    psql_bench -d "bench_$tier" -c "SELECT '/produk/' || \"Slug\" FROM \"Listings\" WHERE \"Status\" = 'Approved' ORDER BY md5(\"Slug\") LIMIT 1000" > "$dir/product.txt"
    psql_bench -d "bench_$tier" -c "SELECT '/kategori/' || \"Slug\" FROM \"Categories\" ORDER BY \"Position\"" > "$dir/categories.txt"
    : > "$dir/category.txt"; : > "$dir/category-page-200.txt"
    while read -r category; do
        url=$category
        for page in $(seq 1 200); do
            [ "$page" -le 12 ] && echo "$url" >> "$dir/category.txt"
            [ "$page" -eq 200 ] && { echo "$url" >> "$dir/category-page-200.txt"; break; }
            url=$(next_page "$base$url") || break
            [ -n "$url" ] || break
        done
    done < "$dir/categories.txt"
    echo / > "$dir/home.txt"
    printf '%s\n' /cari?q=kue /cari?q=tas /cari?q=lukisan /cari?q=keripik /cari?q=parsel > "$dir/search-common.txt"
    printf '%s\n' /cari?q=cendana /cari?q=teralis /cari?q=tapis /cari?q=emping /cari?q=kerapu > "$dir/search-rare.txt"
    printf '%s\n' /cari?q=kerajnan /cari?q=lukisn /cari?q=brwnies /cari?q=keripk /cari?q=parcel > "$dir/search-typo.txt"
    psql_bench -d "bench_$tier" -c "SELECT '/keranjang/tambah/' || \"Id\" FROM \"Listings\" WHERE \"Status\" = 'Approved' ORDER BY md5(\"Slug\") LIMIT 200" > "$dir/add-to-cart-form.txt"
    echo /ping > "$dir/minimal.txt"
}

drive() { # drive TIER TYPE CONNECTIONS SECONDS → wrk's RESULT JSON
    WRK_URLS=$WORK/urls-$1/$2.txt wrk -t2 -c"$3" -d"$4s" --timeout 10s -s bench/load.lua "${SHOP_BASE[$1]}" | grep '^RESULT' | sed 's/^RESULT //'
}

for tier in $TIERS; do bench_start_shop "$tier"; done
for tier in $TIERS; do
    write_urls "$tier"
    # The JIT promotes hot code during the first seconds under load, and the output cache fills on first
    # visits: every URL once, then every page type briefly, before anything is measured.
    for type in minimal $TYPES; do
        [ -s "$WORK/urls-$tier/$type.txt" ] || continue
        sed "s|^|${SHOP_BASE[$tier]}|" "$WORK/urls-$tier/$type.txt" | xargs -P 4 -I{} curl -s -o /dev/null {} || true
        drive "$tier" "$type" 64 3 >/dev/null || true
    done
done

# The machine is shared and its speed drifts: each round measures the minimal endpoint before and after
# the pages of one tier, and the tiers take turns, so a ratio only ever compares runs a minute apart.
for c in $CONNECTIONS; do
    for round in $(seq 1 "$ROUNDS"); do
        order=$TIERS
        [ $((round % 2)) -eq 0 ] && order=$(echo "$TIERS" | tr ' ' '\n' | tac | tr '\n' ' ')
        for tier in $order; do
            # Cached pages expire after 10 minutes: refill what expired since the last round, unmeasured.
            for type in $TYPES; do
                if [ "$type" != add-to-cart-form ] && [ -s "$WORK/urls-$tier/$type.txt" ]; then
                    sed "s|^|${SHOP_BASE[$tier]}|" "$WORK/urls-$tier/$type.txt" | xargs -P 4 -I{} curl -s -o /dev/null {} || true
                fi
            done
            for type in minimal $TYPES minimal; do
                [ -s "$WORK/urls-$tier/$type.txt" ] || continue
                load=$(cut -d' ' -f1 /proc/loadavg)
                echo "$tier $type $c $round $load $(drive "$tier" "$type" "$c" "$DURATION")" | tee -a "$WORK/results.txt"
            done
        done
    done
done

for tier in $TIERS; do
    echo "$tier $(grep VmHWM "/proc/${SHOP_PID[$tier]}/status" | awk '{print $2}')" >> "$WORK/peaks.txt"
done
/usr/bin/python3 bench/report.py "$WORK/results.txt" "$WORK/peaks.txt" "bench/results/$STAMP" "$DURATION" "$ROUNDS" "$(nproc)"
