# Shared by run.sh and test.sh: installs what is missing and runs private local services.
# Source it; every function is idempotent.

PG_BIN=/usr/lib/postgresql/15/bin
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mError:\033[0m %s\n' "$*" >&2; exit 1; }

# apt-get install for the packages whose marker file is missing; one update per run.
ensure_packages() {
    local missing=() pair
    for pair in "$@"; do
        [ -e "${pair#*=}" ] || missing+=("${pair%%=*}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "missing packages: ${missing[*]} (install them, or run as root)"
        SUDO=sudo
    fi
    log "Installing ${missing[*]} (Debian packages)"
    # apt's notices (debconf, dpkg) only when it fails.
    local out; out=$(mktemp)
    { ${SUDO:-} env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && ${SUDO:-} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$out" 2>&1 \
        || { tail -20 "$out" >&2; rm -f "$out"; die "apt-get could not install ${missing[*]}"; }
    rm -f "$out"
}

# A local TCP port nobody listens on, in pure bash (a fresh machine has no python): a random port below
# the kernel's ephemeral range (32768+), kept when a connection to it is refused.
free_port() {
    local port _
    for _ in $(seq 1 200); do
        port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 12000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"; return 0
        fi
    done
    die "no free local port found"
}

# Where a private cluster lives: PASKREATIF_DATA_DIR when set; else, as root (the postgres user cannot
# reach a checkout under /root), /var/tmp under a name derived from the checkout path; else .data/.
cluster_dir() {
    local name=$1
    if [ -n "${PASKREATIF_DATA_DIR:-}" ]; then
        echo "$PASKREATIF_DATA_DIR/$name"
    elif [ "$(id -u)" -eq 0 ]; then
        echo "/var/tmp/pas-kreatif-$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-12)/$name"
    else
        echo "$REPO_ROOT/.data/$name"
    fi
}

# As root, runs as the postgres user from / (it may not enter the checkout, and psql would say so).
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# pg_start NAME [extra server options] → sets PG_DIR, PG_PORT; starts the cluster unless it already runs.
pg_start() {
    local name=$1; shift
    ensure_packages postgresql=$PG_BIN/initdb
    PG_DIR=$(cluster_dir "$name")
    mkdir -p "$PG_DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR" "$(dirname "$PG_DIR")" && chmod 755 "$(dirname "$PG_DIR")"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        log "Creating a private PostgreSQL cluster in $PG_DIR"
        as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
        PG_PORT=$(cat "$PG_DIR/port")
        PG_STARTED=0
    else
        PG_PORT=$(free_port)
        echo "$PG_PORT" > "$PG_DIR/port"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=300 $*" start >/dev/null \
            || { tail -20 "$PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
        PG_STARTED=1
    fi
    export PG_DIR PG_PORT PG_STARTED
}

pg_stop() {
    [ -n "${PG_DIR:-}" ] && [ "${PG_STARTED:-0}" = 1 ] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" stop -m fast >/dev/null 2>&1 || true
}

pg_connection() {
    echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1"
}

wait_for_http() {
    local url=$1 seconds=${2:-120} pid=${3:-}
    for _ in $(seq 1 "$seconds"); do
        curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
        [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && return 1
        sleep 1
    done
    return 1
}
