#!/usr/bin/env bash
# Lighthouse (npm, installed in bench/lighthouse, never globally) in Debian's Chromium with mobile
# emulation against the home, a category and a product page of the shop in Release; keeps each JSON
# report and writes a summary table to bench/results/. Usage: bench/lighthouse.sh [demo|bench]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TIER=${1:-demo}
ensure_packages chromium=/usr/bin/chromium curl=/usr/bin/curl nodejs=/usr/bin/node npm=/usr/bin/npm
STAMP=$(date -u +%Y%m%d-%H%M)
OUT=bench/results/lighthouse-$STAMP
WORK=$(mktemp -d)
mkdir -p "$OUT"

source bench/shop.sh
trap bench_cleanup EXIT

[ -x bench/lighthouse/node_modules/.bin/lighthouse ] || (cd bench/lighthouse && npm ci --no-audit --no-fund >/dev/null)

bench_start_shop "$TIER"
BASE=${SHOP_BASE[$TIER]}

# The best-selling listing that has a photo: the product page a buyer most often opens.
PRODUCT=$(psql_bench -d "bench_$TIER" -c "SELECT '/produk/' || l.\"Slug\" FROM \"Listings\" l WHERE l.\"Status\" = 'Approved' AND EXISTS (SELECT 1 FROM \"ListingPhotos\" p WHERE p.\"ListingId\" = l.\"Id\") ORDER BY l.\"UnitsSold\" DESC, l.\"Id\" LIMIT 1")
CATEGORY=$(psql_bench -d "bench_$TIER" -c "SELECT '/kategori/' || \"Slug\" FROM \"Categories\" ORDER BY \"Position\" LIMIT 1")
FLAGS="--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run"
for page in home:/ category:$CATEGORY product:$PRODUCT; do
    name=${page%%:*}; path=${page#*:}
    curl -fsS -o /dev/null "$BASE$path" # warm the output cache, as a visitor after the first would find it
    log "Lighthouse: $name ($path)"
    CHROME_PATH=/usr/bin/chromium bench/lighthouse/node_modules/.bin/lighthouse "$BASE$path" --quiet \
        --output=json --output-path="$OUT/$name.json" --chrome-flags="$FLAGS" \
        --only-categories=performance,accessibility,best-practices,seo
done

/usr/bin/python3 - "$OUT" "$TIER" <<'PY'
import json, sys, os
out, tier = sys.argv[1:]
lines = [f"# Lighthouse, mobile emulation, tier `{tier}`\n", "| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
failing = []
for name in ["home", "category", "product"]:
    report = json.load(open(os.path.join(out, name + ".json")))
    scores = [round(report["categories"][c]["score"] * 100) for c in ["performance", "accessibility", "best-practices", "seo"]]
    audits = report["audits"]
    lines.append(f"| {name} | " + " | ".join(map(str, scores)) +
                 f" | {audits['largest-contentful-paint']['numericValue']:.0f} | {audits['total-blocking-time']['numericValue']:.0f} | {audits['cumulative-layout-shift']['numericValue']:.3f} |")
    for a in audits.values():
        if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
            failing.append(f"- {name}: {a['id']} ({a['score']})")
text = "\n".join(lines) + "\n\nAudits below 0.9:\n\n" + ("\n".join(failing) or "- none") + "\n"
open(os.path.join(out, "summary.md"), "w").write(text)
print(text)
PY
log "Written to $OUT/summary.md"
