#!/usr/bin/env bash
# Runs the shop on http://127.0.0.1:5080 with demo data. See README.md.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

URL=${SHOP_URL:-http://127.0.0.1:5080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cleanup() {
    [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
    pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# What this script calls beyond the .NET SDK, in one apt run: PostgreSQL 15 (server and client), curl, fonts for libvips,
# and npm for Twemoji's artwork (CC-BY 4.0), which the demo photos are drawn from.
ensure_packages postgresql=$PG_BIN/initdb curl=/usr/bin/curl fontconfig-config=/etc/fonts/fonts.conf fonts-dejavu-core=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
    nodejs=/usr/bin/node npm=/usr/bin/npm
[ -f tools/twemoji/node_modules/@discordapp/twemoji/dist/svg/1f41f.svg ] \
    || npm ci --prefix tools/twemoji --no-audit --no-fund > /dev/null \
    || die "npm could not install tools/twemoji (the demo photos' artwork)"

if [ -z "${ConnectionStrings__Marketplace:-}" ]; then
    pg_start shop
    as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='marketplace'" | grep -q 1 \
        || as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres marketplace
    export ConnectionStrings__Marketplace=$(pg_connection marketplace)
    DATA_ROOT=$PG_DIR
else
    DATA_ROOT=$REPO_ROOT/.data
fi
mkdir -p "$DATA_ROOT"
LOG_FILE=$DATA_ROOT/shop.log
export Media__Root=${Media__Root:-$DATA_ROOT/media}
export Mail__PickupFolder=${Mail__PickupFolder:-$DATA_ROOT/mail}
export Backup__Folder=${Backup__Folder:-$DATA_ROOT/backups}
export Shop__BaseUrl=${Shop__BaseUrl:-$URL}
export Database__MigrateOnStart=true
export Demo__Tier=${Demo__Tier:-demo}
# No Midtrans keys here: QRIS, e-wallets and virtual accounts are paid in the labelled payment simulator.
[ -n "${Midtrans__ServerKey:-}" ] || export Midtrans__Simulator=${Midtrans__Simulator:-true}

log "Building the shop (Release)"
dotnet build src/Storefront -c Release -v quiet -nologo > "$DATA_ROOT/build.log" 2>&1 \
    || { grep -E "error|warn" "$DATA_ROOT/build.log" | tail -30 >&2; die "the build failed (log: $DATA_ROOT/build.log)"; }
log "Starting; the first start loads the demo data (about a minute). The shop's log: $LOG_FILE"
dotnet src/Storefront/bin/Release/net10.0/PasKreatif.Storefront.dll --urls "$URL" --contentRoot "$REPO_ROOT/src/Storefront" >> "$LOG_FILE" 2>&1 &
APP_PID=$!

wait_for_http "$URL/health" 600 "$APP_PID" || { tail -30 "$LOG_FILE" >&2; die "the shop did not answer on $URL/health (log: $LOG_FILE)"; }
cat <<BANNER

  PAS Kreatif is running at $URL   (Ctrl+C stops it)
  Log: $LOG_FILE   Backups (nightly, 02.30 WIB): $Backup__Folder

  Demo sign-in at $URL/masuk, password for every account: ${Demo__Password:-PasKreatif-2026}
    Administrator  admin        → $URL/admin
    Officer        petugas      → $URL/admin
    Mentor         pendamping   → $URL/admin
    Maker          pembuat      → $URL/toko-saya
    Buyer          pembeli      → $URL/

BANNER
wait "$APP_PID"
