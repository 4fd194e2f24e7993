#!/usr/bin/env bash
# make test-failover-soak [RUNS=4] [BELASTING=0]: test/failover.sh RUNS times
# in a row on a private installation (built and installed as make test does),
# every other run with the failover made by a monitor that keeps its
# transaction open 3 s (KI_FAILOVER_TRAAG=3, the race that lost registrations
# with two nodes) and the others with `pg_autoctl perform failover`
# (KI_FAILOVER_TRAAG=0).  BELASTING=N starves the run of CPU: N busy loops at
# nice -5 for the duration of each run (stopped by pid afterwards).
# KNOPEN=2 runs the two-node formation (which loses registrations).
# Prints one line per run and ends with "N passed, M failed" (runs).  Logs of
# a failed run are kept under /tmp (the path is printed).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster.sh
RUNS=${RUNS:-4}
BELASTING=${BELASTING:-0}
KNOPEN=${KNOPEN:-3}
case $RUNS$BELASTING in *[!0-9]*) echo "RUNS and BELASTING must be numbers" >&2; exit 2 ;; esac

scripts/deps.sh || exit 1
work=$(mktemp -d /tmp/klantinteracties-soak.XXXXXX)
chmod 755 "$work"
lussen=
opruimen() {
	local p
	for p in $lussen; do kill "$p" 2>/dev/null; done
	rm -rf "$work/install"
	rmdir "$work" 2>/dev/null
}
trap opruimen EXIT
make -s PG_CONFIG="$PG_CONFIG" >/dev/null || { echo "build failed"; exit 1; }
stage_install "$work/install" || { echo "install failed"; exit 1; }

passed=0
failed=0
for i in $(seq 1 "$RUNS"); do
	traag=$(( i % 2 == 1 ? 3 : 0 ))
	lussen=
	for _ in $(seq 1 "$BELASTING"); do
		nice -n -5 sh -c 'while :; do :; done' &
		lussen="$lussen $!"
	done
	bewaar="$work/run$i"
	start=$(date +%s)
	uit=$(KI_TEST_BINDIR="$stage_bindir" KI_FAILOVER_TRAAG=$traag KI_FAILOVER_KNOPEN=$KNOPEN \
		KI_FAILOVER_BEWAAR="$bewaar" test/failover.sh 2>&1)
	rc=$?
	load=$(cut -d' ' -f1 /proc/loadavg)
	for p in $lussen; do kill "$p" 2>/dev/null; done
	lussen=
	echo "$uit" >"$bewaar/uitvoer.txt" 2>/dev/null
	regels=$(echo "$uit" | grep -E '^(registrations committed|on the new primary|ok: .*(failover|perform_failover))' | sed 's/^/    /')
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
		rm -rf "$bewaar"
		echo "run $i/$RUNS ($KNOPEN nodes, traag $traag s, $BELASTING busy loops, load $load): passed in $(($(date +%s) - start)) s"
	else
		failed=$((failed + 1))
		echo "run $i/$RUNS ($KNOPEN nodes, traag $traag s, $BELASTING busy loops, load $load): FAILED in $(($(date +%s) - start)) s; logs in $bewaar"
		echo "$uit" | grep -E '^FAILED' | sed 's/^/    /'
	fi
	echo "$regels"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
