#!/usr/bin/env bash
# make valgrind: the pg_regress tests and isolation specs, one part at a time,
# against a server running under valgrind's memcheck (every backend is a fork
# of the postmaster, so valgrind follows it), on a private installation and
# a cluster of its own.  Slow (hours on 2 cores): not part of make test.
#
# Resumable in parts.  Each part (CREATE EXTENSION, then each test or spec)
# leaves its result in test/valgrind/<part>.result: when, how long, the
# pg_regress verdict, the error reports in all and those whose stack names
# the extension's module (klantinteracties.so: "ours", which must be 0), and
# every report of ours whole.  A part whose result file exists for the same
# build (the md5 of the installed module and scripts) is skipped, so an
# interrupted run goes on where it stopped; VALGRIND_AGAIN=1 runs them again.
#
#   VALGRIND_TESTS="postcode registreer_bsn ..."  these parts, in this order
#                  (pg_regress test or isolation spec names; default: all)
#   VALGRIND_DIR   the cluster and logs (default /tmp/klantinteracties-valgrind;
#                  kept between runs, so CREATE EXTENSION runs once per build)
#   KI_PORT        the server's port (default: a random one)
#
# Where the time goes: a backend under memcheck runs 50-200 times slower, and
# CREATE EXTENSION (thousands of statements) is the largest single piece.
# pg_regress would install the extension again for every run; here it is
# installed once, as its own part, into a template database, and every test
# runs in a fresh copy of it (pg_regress --use-existing).  The tests that
# create databases of their own still install the extension there.  Memcheck
# keeps all of its checks (definedness and addressability); what is left out
# is what we do not use: leak checking (backends exit, memory contexts free
# in bulk), origin tracking (VALGRIND_ORIGINS=yes for a rerun that has to
# find where an undefined value came from), deep stacks (16 frames).  A
# report is ours when a frame of its stack lies in the module: Debian's
# postgres is stripped, so its frames name the binary, while the module has
# debug information and its frames name our source files (full paths,
# --fullpath-after=).
set -uo pipefail
cd "$(dirname "$0")/.."

# scripts/valgrind.sh --tabel: the results so far as the table in docs/testing.md.
if [ "${1:-}" = --tabel ]; then
	python3 - test/valgrind <<'PY'
import glob, os, re, sys
rows = []
for f in glob.glob(sys.argv[1] + "/*.result"):
    r = {}
    for line in open(f):
        k, _, v = line.rstrip("\n").partition(": ")
        if k in ("part", "date", "seconds", "verdict", "reports", "build"):
            r[k] = v
    n = re.match(r"(\d+) in all, (\d+)", r["reports"])
    rows.append((r["date"], r["part"], r["seconds"], r["verdict"].split(" (")[0], n.group(1), n.group(2), r["build"]))
print("| part | finished (UTC) | seconds | pg_regress | reports in all | in the extension | build |")
print("|---|---|---:|---|---:|---:|---|")
for d, p, s, v, a, o, b in sorted(rows):
    print("| %s | %s | %s | %s | %s | %s | %s |" % (p, d.replace("T", " ").rstrip("Z"), s, v, a, o, b))
total = sum(int(r[2]) for r in rows)
print("\n%d parts, %d s (%.1f h) under valgrind, %d reports in all, %d in the extension." % (
    len(rows), total, total / 3600, sum(int(r[4]) for r in rows), sum(int(r[5]) for r in rows)))
PY
	exit 0
fi

. scripts/cluster.sh
scripts/deps.sh || exit 1
command -v valgrind >/dev/null || {
	echo "valgrind: installing valgrind"
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends valgrind >/dev/null || exit 1
}

results=$PWD/test/valgrind
work=${VALGRIND_DIR:-/tmp/klantinteracties-valgrind}
mkdir -p "$work/vg" "$work/out" "$results"
chmod 755 "$work" "$work/out"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work/vg" "$work/out"
stage_bindir=
cleanup() { [ -n "$stage_bindir" ] && cluster_stop "$stage_bindir" "$work"; }
trap cleanup EXIT

make -s PG_CONFIG="$PG_CONFIG" >/dev/null || exit 1
stage_install "$work/install" || exit 1
pkglibdir=$("$PG_CONFIG" --pkglibdir)
sharedir=$("$PG_CONFIG" --sharedir)
build=$(cat "$work/install$pkglibdir/klantinteracties.so" "$work/install$sharedir"/extension/klantinteracties* \
	| md5sum | cut -c1-12)
pgxs=$(dirname "$("$PG_CONFIG" --pgxs)")
pg_regress=$pgxs/../../src/test/regress/pg_regress
pg_isolation_regress=$pgxs/../../src/test/isolation/pg_isolation_regress
vgversion=$(valgrind --version)
vgoptions="--tool=memcheck --error-limit=no --num-callers=16 --track-origins=${VALGRIND_ORIGINS:-no} --read-var-info=no --leak-check=no --error-markers=VALGRINDERROR-BEGIN,VALGRINDERROR-END --fullpath-after= --suppressions=$PWD/test/valgrind.supp --gen-suppressions=all"

# The postmaster under valgrind: pg_ctl -p starts this wrapper instead of postgres.
cat >"$work/postgres-valgrind" <<WRAPPER
#!/bin/sh
exec valgrind --quiet $vgoptions --log-file=$work/vg/%p.log "$stage_bindir/postgres" "\$@"
WRAPPER
chmod 755 "$work/postgres-valgrind"

# A new build gets a new cluster (the template holds the old extension).
if [ "$(cat "$work/build" 2>/dev/null)" != "$build" ]; then
	[ -f "$work/data/postmaster.pid" ] && cluster_stop "$stage_bindir" "$work"
	rm -rf "$work/data" "$work/vg" "$work/out" "$work/bezig"
	mkdir -p "$work/data" "$work/sock" "$work/vg" "$work/out"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$work/data" "$work/sock" "$work/vg" "$work/out"
	chmod 700 "$work/data"
	as_postgres "$stage_bindir/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
		--no-sync >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; exit 1; }
	echo "$build" >"$work/build"
fi
[ -f "$work/data/postmaster.pid" ] && cluster_stop "$stage_bindir" "$work"
: >>"$work/server.log"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work/server.log"
port=${KI_PORT:-$((20000 + RANDOM % 10000))}
as_postgres "$stage_bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 1800 \
	-p "$work/postgres-valgrind" \
	-o "-p $port -k $work/sock -c listen_addresses= -c fsync=off -c max_connections=40 -c jit=off -c autovacuum=off -c max_parallel_workers_per_gather=0" \
	start >/dev/null || { tail -n 30 "$work/server.log"; exit 1; }
export PGHOST="$work/sock" PGPORT="$port" PGUSER=postgres
export KI_TEST_BINDIR="$stage_bindir"

# snapshot: the size of every process log now.  report PART SECONDS VERDICT:
# count the reports written since the snapshot (new logs and the growth of
# old ones) and write the part's result file.
snapshot() { (cd "$work/vg" && for f in *.log; do [ -f "$f" ] && echo "$f $(stat -c %s "$f")"; done) >"$work/snapshot"; }
report() {
	python3 - "$work/vg" "$work/snapshot" "$1" "$2" "$3" "$build" "$vgversion" "$vgoptions" "$PWD/src/" \
		>"$results/$1.result" <<'PY'
import os, re, sys, time
vg, snap, part, secs, verdict, build, version, options, src = sys.argv[1:]
before = dict(l.split() for l in open(snap) if l.strip())
ours_frame = re.compile(r"\((?:\S*/)?(?:%s):\d+\)" % "|".join(
    re.escape(f) for f in os.listdir(src) if f.endswith((".c", ".h"))))
total = ours = procs = 0
kinds = {}
mine = []
for f in sorted(os.listdir(vg)):
    if not f.endswith(".log"):
        continue
    start = int(before.get(f, 0))
    with open(os.path.join(vg, f), "rb") as fh:
        fh.seek(start)
        text = fh.read().decode("utf-8", "replace")
    if f not in before:
        procs += 1
    for m in re.finditer(r"VALGRINDERROR-BEGIN\n(.*?)VALGRINDERROR-END", text, re.S):
        body = [re.sub(r"^==\d+== ?", "", l) for l in m.group(1).splitlines()]
        total += 1
        kinds[body[0]] = kinds.get(body[0], 0) + 1
        # ours: a frame in the module, named by the module or by one of
        # its source files (with debug information valgrind names the file)
        if "klantinteracties.so" in m.group(1) or ours_frame.search(m.group(1)):
            ours += 1
            mine.append("%s:\n%s" % (f, "\n".join(body)))
print("part: %s" % part)
print("date: %s" % time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime()))
print("seconds: %s" % secs)
print("verdict: %s" % verdict)
print("reports: %d in all, %d in the extension (a frame in klantinteracties.so)" % (total, ours))
print("new processes: %d" % procs)
print("build: %s" % build)
print("valgrind: %s %s" % (version, options.replace(os.getcwd() + "/", "")))
for k, n in sorted(kinds.items(), key=lambda x: -x[1]):
    print("kind: %5d  %s" % (n, k))
for r in mine:
    print("---- report in our module, " + r)
PY
	sed -n 's/^\(verdict\|reports\|seconds\): /  \1: /p' "$results/$1.result" | paste -sd' ' | sed "s/^/valgrind: $1/"
}
done_already() {
	[ -z "${VALGRIND_AGAIN:-}" ] && grep -q "^build: $build\$" "$results/$1.result" 2>/dev/null
}

psql_q() { "$stage_bindir/psql" -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

# A part that was interrupted (the run was stopped) may have left roles and
# databases behind, which the tests would meet when it runs again: drop
# what was not there before it started.
if [ -f "$work/bezig" ] && [ -s "$work/rollen.voor" ] && [ -s "$work/databases.voor" ]; then
	echo "valgrind: $(cat "$work/bezig") was interrupted; dropping the roles and databases it left"
	psql_q -tAc "SELECT datname FROM pg_database" | grep -vxF -f "$work/databases.voor" |
		while read -r d; do psql_q -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)"; done
	psql_q -tAc "SELECT rolname FROM pg_roles" | grep -vxF -f "$work/rollen.voor" |
		while read -r r; do psql_q -c "DROP OWNED BY \"$r\"" -c "DROP ROLE \"$r\""; done
	rm -f "$work/bezig"
fi

failed=0
# Part 1: CREATE EXTENSION, once per build, into the template database.
if ! "$stage_bindir/psql" -X -d ki_sjabloon -tAc "SELECT 1 FROM pg_extension WHERE extname = 'klantinteracties'" 2>/dev/null | grep -q 1; then
	psql_q -c "DROP DATABASE IF EXISTS ki_sjabloon" || exit 1
	snapshot
	t0=$(date +%s)
	verdict=ok
	{ psql_q -c "CREATE DATABASE ki_sjabloon TEMPLATE template0" &&
	  "$stage_bindir/psql" -X -q -v ON_ERROR_STOP=1 -d ki_sjabloon \
		-c "CREATE EXTENSION pg_trgm" -c "CREATE EXTENSION klantinteracties"; } \
		>"$work/out/create_extension.log" 2>&1 || verdict=FAILED
	report create_extension $(( $(date +%s) - t0 )) "$verdict"
	grep -q "^reports: [0-9]* in all, 0 in the extension" "$results/create_extension.result" || failed=1
	[ "$verdict" = ok ] || { cat "$work/out/create_extension.log"; psql_q -c "DROP DATABASE IF EXISTS ki_sjabloon"; exit 1; }
fi

# The parts: each test in a fresh copy of the template, with the settings
# pg_regress gives the databases it creates itself.
names() { make -s -f Makefile -f - PG_CONFIG="$PG_CONFIG" ki-names <<<"ki-names: ; @echo \$($1)"; }
regress=$(names REGRESS)
isolation=$(names ISOLATION)
for part in ${VALGRIND_TESTS:-$regress $isolation}; do
	if [[ " $regress " == *" $part "* ]]; then
		runner=$pg_regress db=contrib_regression
	elif [[ " $isolation " == *" $part "* ]]; then
		runner=$pg_isolation_regress db=isolation_regression
	else
		echo "valgrind: no test or spec $part" >&2; failed=1; continue
	fi
	done_already "$part" && { echo "valgrind: $part done for this build (test/valgrind/$part.result)"; continue; }
	psql_q -tAc "SELECT rolname FROM pg_roles" >"$work/rollen.voor"
	psql_q -tAc "SELECT datname FROM pg_database" >"$work/databases.voor"
	echo "$part" >"$work/bezig"
	snapshot
	t0=$(date +%s)
	out=$work/out/$part
	rm -rf "$out"; mkdir -p "$out"
	psql_q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE ki_sjabloon" \
		-c "ALTER DATABASE $db SET lc_messages TO 'C'" -c "ALTER DATABASE $db SET lc_monetary TO 'C'" \
		-c "ALTER DATABASE $db SET lc_numeric TO 'C'" -c "ALTER DATABASE $db SET lc_time TO 'C'" \
		-c "ALTER DATABASE $db SET bytea_output TO 'hex'" \
		-c "ALTER DATABASE $db SET timezone_abbreviations TO 'Default'" >"$out/setup.log" 2>&1
	"$runner" --inputdir=./ --outputdir="$out" --bindir="$stage_bindir" --use-existing \
		--dbname=$db "$part" >"$out/run.log" 2>&1
	rc=$?
	psql_q -c "DROP DATABASE IF EXISTS $db" >>"$out/setup.log" 2>&1
	verdict=ok
	[ "$rc" -eq 0 ] || { verdict="FAILED (see $out)"; failed=1; }
	report "$part" $(( $(date +%s) - t0 )) "$verdict"
	rm -f "$work/bezig"
	grep -q "^reports: [0-9]* in all, 0 in the extension" "$results/$part.result" || failed=1
done

cluster_stop "$stage_bindir" "$work"
stage_bindir=
(cd "$work/vg" && grep -l VALGRINDERROR-BEGIN *.log 2>/dev/null | sed 's/^/valgrind: reports in /')
echo "valgrind: results in test/valgrind/*.result; logs in $work/vg"
exit $failed
