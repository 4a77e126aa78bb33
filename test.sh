#!/usr/bin/env bash
# Runs every test of the solution against real parts, then smoke-tests ./run.sh.
# Ends with "N passed, N failed". See README.md.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset ConnectionStrings__Marketplace

# Everything the tests and this script call beyond the .NET SDK: PostgreSQL 15, headless Chromium and
# fonts for the browser tests, Debian's SMTP server (aiosmtpd, with its python3), Node.js and npm for the
# S3-compatible server, git (the secret scan reads the tracked files), curl for the smoke test, Java for
# the W3C HTML checker.
ensure_packages postgresql=$PG_BIN/initdb chromium=/usr/bin/chromium curl=/usr/bin/curl git=/usr/bin/git \
    fontconfig-config=/etc/fonts/fonts.conf fonts-dejavu-core=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
    fonts-liberation=/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
    python3-aiosmtpd=/usr/lib/python3/dist-packages/aiosmtpd nodejs=/usr/bin/node npm=/usr/bin/npm \
    default-jre-headless=/usr/bin/java

# Scale-out: the S3-compatible server the media store's contract tests run against.
[ -f tools/s3rver/node_modules/s3rver/bin/s3rver.js ] \
    || npm ci --prefix tools/s3rver --no-audit --no-fund > /dev/null \
    || die "npm could not install tools/s3rver"
# Twemoji's artwork (CC-BY 4.0), which the demo photos of the test data are drawn from.
[ -f tools/twemoji/node_modules/@discordapp/twemoji/dist/svg/1f41f.svg ] \
    || npm ci --prefix tools/twemoji --no-audit --no-fund > /dev/null \
    || die "npm could not install tools/twemoji"
# Valid HTML: the W3C checker's vnu.jar, run on Debian's Java (its own script would download another Java).
[ -f tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar ] \
    || npm ci --prefix tools/vnu --ignore-scripts --no-audit --no-fund > /dev/null \
    || die "npm could not install tools/vnu"

RESULTS=$REPO_ROOT/TestResults/$(date +%Y%m%d-%H%M%S)
mkdir -p "$RESULTS"
TEST_CLUSTER=test-$$

cleanup() {
    [ -n "${SMOKE_PID:-}" ] && kill "$SMOKE_PID" 2>/dev/null
    [ -n "${SMTP_PID:-}" ] && kill "$SMTP_PID" 2>/dev/null
    pg_stop
    [ -n "${PG_DIR:-}" ] && rm -rf "$PG_DIR"
}
trap cleanup EXIT

# One private server for the whole run; durability is not needed for tests.
pg_start "$TEST_CLUSTER" -c fsync=off -c synchronous_commit=off -c full_page_writes=off
export PASKREATIF_ARTIFACTS=$RESULTS
export PASKREATIF_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=40;Timeout=30"

# A real SMTP server; tests read what it received from its Maildir.
SMTP_PORT=$(free_port)
export PASKREATIF_TEST_SMTP=127.0.0.1:$SMTP_PORT PASKREATIF_TEST_MAILDIR=$RESULTS/maildir
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$PASKREATIF_TEST_MAILDIR" > "$RESULTS/smtp.log" 2>&1 &
SMTP_PID=$!

log "Building"
dotnet build Marketplace.sln -c Debug -nologo -v quiet 2>&1 | grep -E "error|warn" ; build_status=${PIPESTATUS[0]}
[ "$build_status" -eq 0 ] || die "the build failed"

# One attribute of one TRX file's <Counters> element (0 when missing).
counter() { grep -o "<Counters [^>]*" "$1" 2>/dev/null | grep -o " $2=\"[0-9]*\"" | awk -F'"' '{ n += $2 } END { print n + 0 }'; }

# A project also fails when its host aborted or crashed, when dotnet test failed without a failed test to
# show for it, or when it ran fewer tests than its floor in tests/floors.txt (a class that silently vanished).
failed_projects=0
for project in Domain.Tests Integration.Tests Browser.Tests; do
    started=$(date +%s)
    log "Testing $project"
    dotnet test "tests/$project" --no-build -nologo --logger "trx;LogFileName=$project.trx" --results-directory "$RESULTS" \
        -- RunConfiguration.TreatNoTestsAsError=true > "$RESULTS/$project.log" 2>&1
    status=$?
    grep -vE '^\s*$' "$RESULTS/$project.log" | tail -40
    echo "$project took $(( $(date +%s) - started )) s"
    trx=$RESULTS/$project.trx
    floor=$(awk -v p="$project" '$1 == p { print $2 }' tests/floors.txt)
    executed=$(counter "$trx" executed)
    problem=
    if [ ! -f "$trx" ]; then problem="produced no results"
    elif grep -qE "Test Run Aborted|The active test run was aborted|Test host process crashed" "$RESULTS/$project.log"; then problem="its test host aborted"
    elif [ "$status" -ne 0 ] && [ $(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) )) -eq 0 ]; then problem="dotnet test exited $status without a failed test"
    elif [ "$executed" -lt "${floor:-1}" ]; then problem="ran $executed tests, fewer than its floor of ${floor:-1} (tests/floors.txt)"
    fi
    [ -z "$problem" ] || { echo "$project $problem: counted as failed"; failed_projects=$((failed_projects + 1)); }
done

# The README's first command must keep working: start it, ask /health and the home page, stop it.
log "Smoke-testing ./run.sh"
smoke_passed=0
SMOKE_PORT=$(free_port)
# A fresh data folder, as on a new machine: nothing left from earlier runs can hide a broken first start.
SMOKE_DATA=$(mktemp -d /var/tmp/pas-kreatif-smoke.XXXXXX)
chmod 755 "$SMOKE_DATA"
PASKREATIF_DATA_DIR=$SMOKE_DATA SHOP_URL=http://127.0.0.1:$SMOKE_PORT ./run.sh > "$RESULTS/run.log" 2>&1 &
SMOKE_PID=$!
SMOKE_LOG=$SMOKE_DATA/shop/shop.log
if wait_for_http "http://127.0.0.1:$SMOKE_PORT/health" 600 "$SMOKE_PID" \
    && [[ "$(curl -fsS "http://127.0.0.1:$SMOKE_PORT/")" == *product-card* ]]; then
    # A first start is quiet: progress and the banner on the terminal; in the shop's log no failure,
    # no refused file access, no font error, no demo order lapsing at once (the demo ends today).
    sleep 70 # the order-expiry job runs every minute
    noise=$( { grep -vE $'^(\x1b\\[1;34m==>|  |$)' "$RESULTS/run.log"; grep -E '^fail:|^crit:|"LogLevel":"(Error|Critical)"|Permission denied|Fontconfig|Order [0-9]+ Expired' "$SMOKE_LOG"; } | head -10)
    if [ -z "$noise" ]; then
        smoke_passed=1
        echo "./run.sh answered /health, served demo listings and started quietly"
    else
        echo "./run.sh started, but not quietly:"; echo "$noise"
    fi
else
    echo "./run.sh did not come up; its output:"; tail -40 "$RESULTS/run.log"; tail -40 "$SMOKE_LOG" 2>/dev/null
fi
kill "$SMOKE_PID" 2>/dev/null; wait "$SMOKE_PID" 2>/dev/null; SMOKE_PID=
cp "$SMOKE_LOG" "$RESULTS/run-shop.log" 2>/dev/null
rm -rf "$SMOKE_DATA"

# Sums one attribute of the TRX files' <Counters> elements.
count() { cat "$RESULTS"/*.trx 2>/dev/null | counter /dev/stdin "$1"; }
passed=$(( $(count passed) + smoke_passed ))
failed=$(( $(count failed) + $(count error) + $(count timeout) + failed_projects + 1 - smoke_passed ))
echo "Results in $RESULTS"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
