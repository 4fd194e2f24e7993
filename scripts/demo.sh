#!/usr/bin/env bash
# make demo: install what is missing, build, install the extension into the
# system's PostgreSQL, start a throwaway cluster (as the postgres OS user, on
# a private socket directory), create the extension in a database, load
# sample data (DEMO_PARTIJEN partijen, default 10,000) and show what it
# does.  The cluster keeps running so you can explore it with psql;
# `make demo-stop` stops and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster.sh

DEMO_DIR=${DEMO_DIR:-/tmp/klantinteracties-demo}
DEMO_PORT=${DEMO_PORT:-5499}
DEMO_DB=klantinteracties_demo
bindir=$("$PG_CONFIG" --bindir)

stop() {
	cluster_stop "$bindir" "$DEMO_DIR"
	rm -rf "$DEMO_DIR"
}

case "${1:-start}" in
stop)
	stop
	echo "demo cluster stopped and removed"
	exit 0
	;;
start) ;;
*)
	echo "usage: $0 start|stop" >&2
	exit 2
	;;
esac

scripts/deps.sh
echo "== build and install"
make -s PG_CONFIG="$PG_CONFIG" >/dev/null
make -s PG_CONFIG="$PG_CONFIG" install >/dev/null

echo "== start a fresh demo cluster in $DEMO_DIR"
stop
cluster_start "$bindir" "$DEMO_DIR" "$DEMO_PORT"
export PGHOST="$DEMO_DIR/sock" PGPORT="$DEMO_PORT" PGUSER=postgres
psql -X -q -d postgres -c "CREATE DATABASE $DEMO_DB"
psql -X -q -d "$DEMO_DB" -c "CREATE EXTENSION klantinteracties CASCADE"

echo "== demo"
psql -X -d "$DEMO_DB" -v ON_ERROR_STOP=0 -v demo_partijen="${DEMO_PARTIJEN:-10000}" -e -f scripts/demo.sql 2>&1

cat <<TXT

The demo cluster is running. Connect with:
    psql -h $DEMO_DIR/sock -p $DEMO_PORT -U postgres $DEMO_DB
Stop and remove it with:
    make demo-stop
TXT
