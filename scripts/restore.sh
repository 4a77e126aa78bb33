#!/usr/bin/env bash
# Restores a nightly backup (pg_dump custom format) into a database.
#   scripts/restore.sh DUMP_FILE DATABASE [HOST] [PORT] [USER]
# The database must exist and should be empty (create it with createdb). Nothing is dropped first:
# restore into a fresh database, check it, then point ConnectionStrings:Marketplace at it.
# PGPASSWORD in the environment is passed on to pg_restore.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DUMP_FILE DATABASE [HOST] [PORT] [USER]" >&2; exit 2; }
dump=$1; database=$2; host=${3:-127.0.0.1}; port=${4:-5432}; user=${5:-postgres}
[ -f "$dump" ] || { echo "No such dump: $dump" >&2; exit 2; }
pg_restore=${PG_RESTORE:-/usr/lib/postgresql/15/bin/pg_restore}
[ -x "$pg_restore" ] || pg_restore=pg_restore
# One transaction: a restore that fails half-way leaves the database as it was.
"$pg_restore" --no-owner --exit-on-error --single-transaction \
    --host="$host" --port="$port" --username="$user" --dbname="$database" "$dump"
echo "Restored $dump into $database on $host:$port"
