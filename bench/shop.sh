# Shared by bench/run.sh and bench/lighthouse.sh: the shop in Release on the private "bench" cluster.
# Source after scripts/common.sh with TIER and WORK set; sets PORT, BASE and APP_PID.

bench_cleanup() {
    [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
    pg_stop
    rm -rf "$WORK"
}

psql_bench() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAq "$@"; }

bench_start_shop() {
    # The cluster is kept between runs: loading 100,000 listings takes minutes, once.
    pg_start bench
    psql_bench -d postgres -c "SELECT 1 FROM pg_database WHERE datname='bench_$TIER'" | grep -q 1 \
        || as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "bench_$TIER"
    log "Building the shop (Release)"
    dotnet build src/Storefront -c Release -nologo -v quiet >/dev/null
    PORT=$(free_port)
    BASE=http://127.0.0.1:$PORT
    # No Hangfire worker: background jobs are not what this measures, and the demo months lie in the past,
    # so the expiry job would rewrite thousands of unpaid orders (and evict the catalogue cache) mid-run.
    ConnectionStrings__Marketplace="$(pg_connection "bench_$TIER")" Database__MigrateOnStart=true Demo__Tier=$TIER Jobs__RunServer=false \
    Media__Root=$PG_DIR/media-$TIER Mail__PickupFolder=$WORK/mail ASPNETCORE_ENVIRONMENT=Production Shop__BaseUrl=$BASE \
        dotnet src/Storefront/bin/Release/net10.0/PasKreatif.Storefront.dll --urls "$BASE" --contentRoot "$REPO_ROOT/src/Storefront" \
        > "$WORK/app.log" 2>&1 &
    APP_PID=$!
    log "Waiting for the shop (the first start loads the '$TIER' tier)"
    wait_for_http "$BASE/health" 3600 "$APP_PID" || { tail -30 "$WORK/app.log"; die "the shop did not start"; }
}
