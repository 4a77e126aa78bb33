#!/usr/bin/env bash
# Page weight: bytes transferred per page at 360 px in Debian's Chromium (Playwright from npm, installed in
# bench/page-weight, never globally), the shop in Release on the private bench cluster. Every page is a
# first visit in a fresh browser context; workspace pages (signed in as a demo maker) also a warm one.
# Catalogue URLs are fresh: products, makers and programmes drawn at random and each used once, new search
# words, so no page was seen before in the run; the report shows the output-cache hits each page caused
# (read from /metrics) and how many responses came from the browser's cache (0 on a first visit).
# Targets: workspace 150 KB first, 30 KB warm; catalogue 250 KB first. Usage: bench/page-weight.sh [demo|bench]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TIER=${1:-demo}
ensure_packages chromium=/usr/bin/chromium curl=/usr/bin/curl nodejs=/usr/bin/node npm=/usr/bin/npm
STAMP=$(date -u +%Y%m%d-%H%M)
LABEL=${BENCH_LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo tree)}
WORK=$(mktemp -d)
source bench/shop.sh
trap bench_cleanup EXIT

[ -f bench/page-weight/node_modules/playwright-core/package.json ] || (cd bench/page-weight && npm ci --no-audit --no-fund >/dev/null)

bench_start_shop "$TIER"
BASE=${SHOP_BASE[$TIER]}
DB=${BENCH_DB:-bench_$TIER}
q() { psql_bench -d "$DB" -c "$1"; }
# Random each run (a seed from the clock), so no two runs measure the same products or words.
SEED=$(( $(date +%s) % 1000 ))
q "SELECT setseed(0.$SEED)" >/dev/null
approved="FROM \"Listings\" l WHERE l.\"Status\" = 'Approved'"
mapfile -t PRODUCTS < <(q "SELECT l.\"Slug\" $approved ORDER BY md5(l.\"Slug\" || '$SEED') LIMIT 3")
mapfile -t PHOTOLESS < <(q "SELECT l.\"Slug\" $approved AND NOT EXISTS (SELECT 1 FROM \"ListingPhotos\" p WHERE p.\"ListingId\" = l.\"Id\") ORDER BY md5(l.\"Slug\" || '$SEED') LIMIT 1")
CART_ITEM=$(q "SELECT l.\"Id\" $approved AND (l.\"MadeToOrder\" OR l.\"Stock\" > 5) ORDER BY md5(l.\"Slug\" || 'cart$SEED') LIMIT 1")
mapfile -t CATEGORIES < <(q "SELECT \"Slug\" FROM \"Categories\" ORDER BY md5(\"Slug\" || '$SEED') LIMIT 2")
MAKER=$(q "SELECT m.\"Slug\" FROM \"Makers\" m ORDER BY md5(m.\"Slug\" || '$SEED') LIMIT 1")
PROGRAMME=$(q "SELECT \"Slug\" FROM \"Programmes\" ORDER BY md5(\"Slug\" || '$SEED') LIMIT 1")
mapfile -t WORDS < <(q "SELECT w FROM (SELECT DISTINCT w FROM \"Listings\" l, unnest(string_to_array(lower(l.\"Title\"), ' ')) w WHERE l.\"Status\" = 'Approved') x WHERE w ~ '^[a-z]{4,}\$' ORDER BY md5(w || '$SEED') LIMIT 2")
# A typing mistake (two letters swapped) makes a query no visitor sent before in this run.
TYPO=$(echo "${WORDS[1]}" | sed -E 's/^(.)(.)(.)/\1\3\2/')

{
    echo '['
    n=0
    for p in "${PRODUCTS[@]}"; do n=$((n+1)); echo "{\"kind\":\"catalogue\",\"name\":\"product $n\",\"path\":\"/produk/$p\"},"; done
    [ ${#PHOTOLESS[@]} -gt 0 ] && echo "{\"kind\":\"catalogue\",\"name\":\"product without photo\",\"path\":\"/produk/${PHOTOLESS[0]}\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"home\",\"path\":\"/\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"category\",\"path\":\"/kategori/${CATEGORIES[0]}\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"another category\",\"path\":\"/kategori/${CATEGORIES[1]}\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"search\",\"path\":\"/cari?q=${WORDS[0]}\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"search with a typo\",\"path\":\"/cari?q=$TYPO\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"cart, empty\",\"path\":\"/keranjang\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"cart, one item\",\"path\":\"/keranjang\",\"cart\":$CART_ITEM},"
    echo "{\"kind\":\"catalogue\",\"name\":\"categories\",\"path\":\"/kategori\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"programmes\",\"path\":\"/program\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"programme\",\"path\":\"/program/$PROGRAMME\"},"
    echo "{\"kind\":\"catalogue\",\"name\":\"maker\",\"path\":\"/pembuat/$MAKER\"},"
    for info in tentang cara-belanja pengiriman pembatalan-dan-pengembalian privasi syarat kontak; do
        echo "{\"kind\":\"catalogue\",\"name\":\"info: $info\",\"path\":\"/$info\"},"
    done
    for w in "start:/toko-saya" "listing detail:@listing" "listing editor:@listing/ubah" "listing preview:@listing/pratinjau" "new listing:/toko-saya/produk/baru" \
             "orders:/toko-saya/pesanan" "order detail:@order" "earnings:/toko-saya/pendapatan" "questions:/toko-saya/pertanyaan" \
             "reviews:/toko-saya/ulasan" "notifications:/toko-saya/notifikasi" "no signal:/toko-saya/tanpa-sinyal"; do
        echo "{\"kind\":\"workspace\",\"name\":\"${w%%:*}\",\"path\":\"${w#*:}\",\"signedIn\":true,\"warm\":true},"
    done
    echo '{"kind":"end"}]'
} > "$WORK/pages.json"

log "Measuring $(($(grep -c '"kind"' "$WORK/pages.json") - 1)) pages"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
node bench/page-weight/measure.mjs "$BASE" "$WORK/pages.json" "$WORK/results.json"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
OUT=bench/results/$STAMP-page-weight.md
node bench/page-weight/report.mjs "$WORK/results.json" "$OUT" "$TIER" "$LABEL" "$LOAD_BEFORE" "$LOAD_AFTER" "$(nproc)"
log "Written to $OUT"
