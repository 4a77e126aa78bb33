# Shared by bench/run.sh and bench/lighthouse.sh: the shop in Release on the private "bench" cluster.
# Source after scripts/common.sh with WORK set; bench_start_shop TIER sets SHOP_BASE[TIER] and SHOP_PID[TIER].
# BENCH_DB names another database than bench_TIER (for example a copy made before a change).
# BENCH_STANDBY=1 also starts a streaming standby of the bench cluster (pg_basebackup -R, a second PostgreSQL
# process on another port) and points ConnectionStrings:MarketplaceReadOnly at it: anonymous catalogue reads go there.

declare -A SHOP_BASE=() SHOP_PID=()
# Every bench request comes from one address: the per-address limits on checkout and sign-in would refuse it after ten.
export RateLimits__CheckoutPosts=100000000 RateLimits__AccountPosts=100000000

bench_cleanup() {
    local pid
    for pid in "${SHOP_PID[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    [ -n "${STANDBY_DIR:-}" ] && { as_pg "$PG_BIN/pg_ctl" -D "$STANDBY_DIR/data" stop -m fast >/dev/null 2>&1 || true; rm -rf "$STANDBY_DIR"; }
    pg_stop
    rm -rf "$WORK"
}

# A fresh standby beside the bench cluster, replaying its WAL; sets STANDBY_DIR and STANDBY_PORT.
bench_start_standby() {
    STANDBY_DIR=$(dirname "$PG_DIR")/bench-standby
    rm -rf "$STANDBY_DIR"; mkdir -p "$STANDBY_DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$STANDBY_DIR"
    log "Copying the bench cluster into a standby (pg_basebackup -R)"
    as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$STANDBY_DIR/data" -R -X stream -c fast --no-sync
    STANDBY_PORT=$(free_port)
    as_pg "$PG_BIN/pg_ctl" -D "$STANDBY_DIR/data" -l "$STANDBY_DIR/server.log" -w -t 300 \
        -o "-c listen_addresses=127.0.0.1 -p $STANDBY_PORT -k $STANDBY_DIR -c hot_standby=on -c max_connections=300" start >/dev/null \
        || { tail -20 "$STANDBY_DIR/server.log" >&2; die "the standby did not start"; }
    [ "$(as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -tAq -d postgres -c 'SELECT pg_is_in_recovery()')" = t ] || die "the copy is not a standby"
}

# The output cache's hit counter as /metrics (open to loopback) reports it: read before and after each case,
# so a report shows how many measured requests a cache answered (it must be 0). Usage: cache_hits BASE_URL
cache_hits() {
    curl -fsS "$1/metrics" | awk '/^paskreatif_output_cache_requests[a-z_]*[{].*result="hit"/ { s += $NF } END { printf "%d", s }'
}
# Seconds the shop's JIT has compiled so far (/metrics). Usage: jit_seconds BASE_URL
jit_seconds() { curl -fsS "$1/metrics" | awk '/^dotnet_jit_compilation_time_seconds_total/ { s = $NF } END { print s + 0 }'; }

# Runs one unmeasured round of warming ("$@") until a round compiles under half a second, at most six rounds: a shop
# that has served for a minute runs optimised code, and its first seconds of compiling are not what later buyers meet.
# Sets WARM_ROUNDS and WARM_JIT (seconds compiled while warming). Usage: warm_until_jit_settles BASE_URL command...
warm_until_jit_settles() {
    local base=$1 start before; shift
    start=$(jit_seconds "$base")
    for WARM_ROUNDS in 1 2 3 4 5 6; do
        before=$(jit_seconds "$base")
        "$@"
        python3 -c "import sys; sys.exit(0 if $(jit_seconds "$base") - $before < 0.5 else 1)" && break
    done
    WARM_JIT=$(python3 -c "print(f'{$(jit_seconds "$base") - $start:.1f}')")
}
psql_bench() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAq "$@"; }

bench_start_shop() {
    local tier=$1 port db=${BENCH_DB:-bench_$1}
    # The cluster is kept between runs: loading 100,000 listings takes minutes, once.
    pg_start bench
    psql_bench -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
        || as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
    # The demo tiers draw their photos from Twemoji's artwork, as ./run.sh does.
    [ -f tools/twemoji/node_modules/@discordapp/twemoji/dist/svg/1f41f.svg ] \
        || npm ci --prefix tools/twemoji --no-audit --no-fund > /dev/null \
        || die "npm could not install tools/twemoji (the demo photos' artwork)"
    [ -f "$WORK/built" ] || { log "Building the shop (Release)"; dotnet build src/Storefront -c Release -nologo -v quiet >/dev/null; touch "$WORK/built"; }
    local standby=""
    if [ "${BENCH_STANDBY:-0}" = 1 ]; then
        bench_start_standby
        standby="Host=127.0.0.1;Port=$STANDBY_PORT;Username=postgres;Database=$db"
    fi
    port=$(free_port)
    SHOP_BASE[$tier]=http://127.0.0.1:$port
    # No Hangfire worker: background jobs are not what this measures, and the demo months lie in the past,
    # so the expiry job would rewrite thousands of unpaid orders (and evict the catalogue cache) mid-run.
    ConnectionStrings__Marketplace="$(pg_connection "$db");Command Timeout=0" ConnectionStrings__MarketplaceReadOnly="$standby" Database__MigrateOnStart=true Demo__Tier=$tier Demo__AnchorDate=${Demo__AnchorDate:-2026-11-01} Jobs__RunServer=false \
    Media__Root=$PG_DIR/media-$tier Mail__PickupFolder=$WORK/mail-$tier ASPNETCORE_ENVIRONMENT=Production Shop__BaseUrl=${SHOP_BASE[$tier]} \
        dotnet src/Storefront/bin/Release/net10.0/PasKreatif.Storefront.dll --urls "${SHOP_BASE[$tier]}" --contentRoot "$REPO_ROOT/src/Storefront" \
        > "$WORK/app-$tier.log" 2>&1 &
    SHOP_PID[$tier]=$!
    log "Waiting for the '$tier' shop (its first start loads the tier)"
    wait_for_http "${SHOP_BASE[$tier]}/health" 3600 "${SHOP_PID[$tier]}" || { tail -30 "$WORK/app-$tier.log"; die "the '$tier' shop did not start"; }
}
