#!/usr/bin/env bash
# Two real shop processes on one private PostgreSQL behind a real nginx (deploy/nginx.conf, its
# upstreams pointed at 127.0.0.1), all on 127.0.0.1; checks that a sign-in through the balancer holds on
# both instances and on every round-robin turn. Prints "scale-check passed" or exits non-zero.
# nginx: the one on PATH, or NGINX=/path; else Debian's package is unpacked into a temporary folder
# (never installed as a service).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
unset ConnectionStrings__Marketplace

WORK=$(mktemp -d /var/tmp/pas-kreatif-scale.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    pg_stop
    rm -rf "$WORK"
}
trap cleanup EXIT

NGINX=${NGINX:-$(command -v nginx || true)}
if [ -z "$NGINX" ]; then
    log "Unpacking Debian's nginx into $WORK (not installed)"
    (cd "$WORK" && apt-get download nginx >/dev/null 2>&1 && dpkg -x nginx_*.deb "$WORK/nginx-root") || die "could not fetch Debian's nginx package"
    NGINX=$WORK/nginx-root/usr/sbin/nginx
fi

PASKREATIF_DATA_DIR=$WORK pg_start scale -c fsync=off
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres marketplace
export ConnectionStrings__Marketplace=$(pg_connection marketplace)
export Media__Root=$WORK/media Mail__PickupFolder=$WORK/mail Demo__Tier=tiny Proxy__KnownProxies=127.0.0.1

log "Building the shop (Release)"
dotnet build src/Storefront -c Release -v quiet -nologo >/dev/null
DLL=src/Storefront/bin/Release/net10.0/PasKreatif.Storefront.dll

PORT_A=$(free_port); PORT_B=$(free_port); PORT_LB=$(free_port)
export Shop__BaseUrl=http://127.0.0.1:$PORT_LB
# A applies the migrations and loads the demo data; B starts on the ready database, as in docker-compose.yml.
Database__MigrateOnStart=true dotnet "$DLL" --urls "http://127.0.0.1:$PORT_A" --contentRoot "$REPO_ROOT/src/Storefront" > "$WORK/a.log" 2>&1 &
PIDS+=($!)
wait_for_http "http://127.0.0.1:$PORT_A/health" 600 "${PIDS[0]}" || { tail -30 "$WORK/a.log"; die "instance A did not come up"; }
Database__MigrateOnStart=false Demo__Tier= dotnet "$DLL" --urls "http://127.0.0.1:$PORT_B" --contentRoot "$REPO_ROOT/src/Storefront" > "$WORK/b.log" 2>&1 &
PIDS+=($!)
wait_for_http "http://127.0.0.1:$PORT_B/health" 300 "${PIDS[1]}" || { tail -30 "$WORK/b.log"; die "instance B did not come up"; }

# The repository's balancer configuration, with local upstreams, port and temporary paths.
mkdir -p "$WORK/nginx"
sed -e "s/server app-a:8080/server 127.0.0.1:$PORT_A/" -e "s/server app-b:8080/server 127.0.0.1:$PORT_B/" \
    -e "s/listen 80;/listen 127.0.0.1:$PORT_LB;/" -e "s#/tmp/#$WORK/nginx/#g" deploy/nginx.conf > "$WORK/nginx/nginx.conf"
"$NGINX" -t -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" || die "nginx -t refused deploy/nginx.conf"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' > "$WORK/nginx.log" 2>&1 &
PIDS+=($!)
LB=http://127.0.0.1:$PORT_LB
wait_for_http "$LB/health" 30 "${PIDS[2]}" || die "nginx did not come up"

JAR=$WORK/cookies.txt
token=$(curl -fsS -c "$JAR" -b "$JAR" "$LB/masuk" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
[ -n "$token" ] || die "no antiforgery token on $LB/masuk"
status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Login=pembuat" --data-urlencode "Password=PasKreatif-2026" "$LB/masuk")
[ "$status" = 302 ] || die "signing in through nginx answered $status"

failures=0
for url in "$LB" "$LB" "$LB" "$LB" "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B"; do
    status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$JAR" "$url/toko-saya")
    echo "GET $url/toko-saya → $status"
    [ "$status" = 200 ] || failures=$((failures + 1))
done
# Round-robin: the requests that came through nginx must have reached both instances.
upstreams=$(grep '"GET /toko-saya' "$WORK/nginx.log" | grep -o 'upstream=[0-9.:]*' | sort -u | wc -l)
echo "nginx sent /toko-saya to $upstreams instances"
[ "$upstreams" -eq 2 ] || failures=$((failures + 1))
[ "$failures" -eq 0 ] || die "$failures requests were not signed in"
echo "scale-check passed"
