#!/usr/bin/env bash
# Lighthouse (npm, pinned in bench/lighthouse for Node 20, installed there, never globally) in Debian's
# Chromium with mobile emulation, against the shop in Release: home, category, product, search, cart, the
# shop's own pages, and, signed in as a demo maker (a Cookie header from a sign-in with curl), the workspace's
# start page, listing editor and orders page. Each category must reach 95 on each page; a page whose
# performance falls below is run again once (the machine is shared: the report gives the load average of
# every run). JSON reports go to bench/results/tmp/ (not kept), the table to bench/results/.
# Usage: bench/lighthouse.sh [demo|bench]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TIER=${1:-demo}
ensure_packages chromium=/usr/bin/chromium curl=/usr/bin/curl nodejs=/usr/bin/node npm=/usr/bin/npm
STAMP=$(date -u +%Y%m%d-%H%M)
LABEL=${BENCH_LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo tree)}
OUT=bench/results/tmp/lighthouse-$STAMP
WORK=$(mktemp -d)
mkdir -p "$OUT"

source bench/shop.sh
trap bench_cleanup EXIT

[ -f bench/lighthouse/node_modules/lighthouse/package.json ] || (cd bench/lighthouse && npm ci --no-audit --no-fund >/dev/null)
LIGHTHOUSE="node bench/lighthouse/node_modules/lighthouse/cli/index.js"

bench_start_shop "$TIER"
BASE=${SHOP_BASE[$TIER]}
q() { psql_bench -d "${BENCH_DB:-bench_$TIER}" -c "$1"; }

# The best-selling listing that has a photo: the product page a buyer most often opens.
PRODUCT=$(q "SELECT '/produk/' || l.\"Slug\" FROM \"Listings\" l WHERE l.\"Status\" = 'Approved' AND EXISTS (SELECT 1 FROM \"ListingPhotos\" p WHERE p.\"ListingId\" = l.\"Id\") ORDER BY l.\"UnitsSold\" DESC, l.\"Id\" LIMIT 1")
CATEGORY=$(q "SELECT '/kategori/' || \"Slug\" FROM \"Categories\" ORDER BY \"Position\" LIMIT 1")
WORD=$(q "SELECT w FROM (SELECT DISTINCT w FROM \"Listings\", unnest(string_to_array(lower(\"Title\"), ' ')) w WHERE \"Status\" = 'Approved') x WHERE w ~ '^[a-z]{4,}\$' ORDER BY md5(w) LIMIT 1")

# Signs the demo maker in with curl and gives the session's cookies as one Cookie header.
maker_cookie() {
    local jar=$WORK/jar token
    token=$(curl -fsS -c "$jar" -b "$jar" "$BASE/masuk" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
    [ -n "$token" ] || die "no antiforgery token on /masuk"
    local status
    status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -H "Origin: $BASE" \
        --data-urlencode "Login=${BENCH_LOGIN:-pembuat}" --data-urlencode "Password=${BENCH_PASSWORD:-PasKreatif-2026}" \
        --data-urlencode "__RequestVerificationToken=$token" "$BASE/masuk")
    [ "$status" = 302 ] || die "the maker's sign-in answered $status"
    sed 's/^#HttpOnly_//' "$jar" | awk -F'\t' 'NF >= 7 && $1 !~ /^#/ { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }'
}
COOKIE=$(maker_cookie)
HEADERS=$WORK/headers.json
printf '{"Cookie": "%s"}' "$COOKIE" > "$HEADERS"
LISTING=$(curl -fsS -H "Cookie: $COOKIE" "$BASE/toko-saya" | grep -o 'href="/toko-saya/produk/[0-9]*"' | head -1 | sed 's/href="//; s/"$//')
[ -n "$LISTING" ] || die "the maker's start page links no listing"

PAGES=(home:/ category:$CATEGORY product:$PRODUCT "search:/cari?q=$WORD" cart:/keranjang
       tentang:/tentang cara-belanja:/cara-belanja pengiriman:/pengiriman pembatalan:/pembatalan-dan-pengembalian
       privasi:/privasi syarat:/syarat kontak:/kontak
       "workspace-start:/toko-saya" "listing-editor:$LISTING/ubah" "workspace-orders:/toko-saya/pesanan")
FLAGS="--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run"

run_lighthouse() { # name path output
    local extra=()
    [[ $2 == /toko-saya* ]] && extra=(--extra-headers="$HEADERS")
    CHROME_PATH=/usr/bin/chromium $LIGHTHOUSE "$BASE$2" --quiet --output=json --output-path="$3" --chrome-flags="$FLAGS" \
        --only-categories=performance,accessibility,best-practices,seo "${extra[@]}"
}
performance() { node -e "console.log(Math.round(require('./$1').categories.performance.score * 100))"; }

: > "$WORK/runs.txt"
for page in "${PAGES[@]}"; do
    name=${page%%:*}; path=${page#*:}
    # Catalogue pages warmed in the output cache, as a visitor after the first finds them; the browser's cache
    # is empty on each run (Lighthouse starts every page from a cleared one).
    [[ $path == /toko-saya* ]] || curl -fsS -o /dev/null "$BASE$path"
    load=$(cut -d' ' -f1 /proc/loadavg)
    log "Lighthouse: $name ($path), load $load"
    run_lighthouse "$name" "$path" "$OUT/$name.json"
    echo "$name 1 $load $(performance "$OUT/$name.json")" >> "$WORK/runs.txt"
    if [ "$(performance "$OUT/$name.json")" -lt 95 ]; then
        # Below target: once more, to tell a slow page from a busy machine; the better run is kept and both are reported.
        load=$(cut -d' ' -f1 /proc/loadavg)
        log "Again: $name (performance $(performance "$OUT/$name.json")), load $load"
        run_lighthouse "$name" "$path" "$OUT/$name-again.json"
        echo "$name 2 $load $(performance "$OUT/$name-again.json")" >> "$WORK/runs.txt"
        [ "$(performance "$OUT/$name-again.json")" -gt "$(performance "$OUT/$name.json")" ] && mv "$OUT/$name-again.json" "$OUT/$name.json"
    fi
done

SUMMARY=bench/results/$STAMP-lighthouse.md
node bench/lighthouse/summary.mjs "$OUT" "$WORK/runs.txt" "$SUMMARY" "$TIER" "$LABEL" "$(nproc)" "${PAGES[@]}"
log "Written to $SUMMARY (JSON reports in $OUT)"
