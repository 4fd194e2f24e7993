#!/usr/bin/env bash
# make test: install what is missing, build, install into a private copy of
# the PostgreSQL installation, start a throwaway cluster on it, run every
# test (pg_regress, isolation specs, then each test/*.sh), stop and remove the
# cluster, and end with the line "N passed, M failed".
# The private installation and the cluster come from scripts/cluster.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$PWD
. scripts/cluster.sh

scripts/deps.sh || exit 1

# One make test at a time on this machine: the suite starts clusters,
# pgbench clients and standbys, and two runs on the same cores starve each
# other (timing-sensitive tests such as the failover one then fail).  A second
# run waits here; KI_TEST_PARALLEL=1 skips the wait.  The lock is a directory
# holding the owner's pid, not a flock: a cluster started by this run would
# inherit a lock descriptor and, left behind by a killed run, hold it forever;
# a lock whose owner is gone is taken over.
slot=/tmp/klantinteracties-make-test.slot
slot_taken=
if [ -z "${KI_TEST_PARALLEL:-}" ]; then
	said=
	until mkdir "$slot" 2>/dev/null; do
		owner=$(cat "$slot/pid" 2>/dev/null)
		if { [ -n "$owner" ] && ! kill -0 "$owner" 2>/dev/null; } ||
		   { [ -z "$owner" ] && [ -n "$(find "$slot" -maxdepth 0 -mmin +1 2>/dev/null)" ]; }; then
			rm -rf "$slot"
			continue
		fi
		[ -n "$said" ] || { echo "== waiting for another make test on this machine (pid ${owner:-?}) to finish"; said=1; }
		sleep 5
	done
	echo $$ > "$slot/pid"
	slot_taken=1
fi

work=$(mktemp -d /tmp/klantinteracties-test.XXXXXX)
chmod 755 "$work"
passed=0
failed=0

cleanup() {
	cluster_stop "$stage_bindir" "$work"
	rm -rf "$work"
	[ -z "$slot_taken" ] || rm -rf "$slot"
}

summary() {
	echo
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

fail_setup() {
	echo "test: $1" >&2
	failed=$((failed + 1))
	summary
	exit 1
}

stage_bindir=
trap cleanup EXIT

echo "== build"
make -s PG_CONFIG="$PG_CONFIG" >/dev/null || fail_setup "build failed"

echo "== install into $work/install"
stage_install "$work/install" || fail_setup "install failed"

echo "== start cluster"
stage_cluster_start "$work" || fail_setup "cluster did not start"
export KI_TEST_BINDIR="$stage_bindir"

echo "== pg_regress and isolation"
make PG_CONFIG="$PG_CONFIG" installcheck >"$work/installcheck.log" 2>&1
rc=$?
cat "$work/installcheck.log"
# PG15 prints "test name ... ok"; PG16+ prints TAP "ok 1 - name".
ok=$(grep -cE '^(test|     ) *[^ ]+ +\.\.\. ok|^ok [0-9]+ ' "$work/installcheck.log")
bad=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ |\.\.\. failed' "$work/installcheck.log")
passed=$((passed + ok))
failed=$((failed + bad))
if [ "$rc" -ne 0 ]; then
	[ "$bad" -eq 0 ] && failed=$((failed + 1))
	for f in regression.diffs output_iso/regression.diffs; do
		[ -f "$f" ] && { echo "---- $f"; head -c 20000 "$f"; }
	done
fi

# Further tests: each executable test/*.sh runs against the same cluster and
# prints its own "N passed, M failed" line, or is counted by exit status.
for t in test/*.sh; do
	[ -x "$t" ] || continue
	echo "== $t"
	out=$("$t" 2>&1)
	rc=$?
	echo "$out" | sed 's/^/    /'
	line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ -n "$line" ]; then
		p=${line%% passed*}
		f=${line#*passed, }
		f=${f%% failed*}
		passed=$((passed + p))
		failed=$((failed + f))
		[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
	elif [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done

summary
