#!/usr/bin/env bash
# make valgrind: the whole pg_regress and isolation suite against a server
# running under valgrind (memcheck; every backend is a fork of the
# postmaster, so valgrind follows it), on a private installation and
# throwaway cluster like make test's.  Each process logs to its own file;
# the summary counts the errors and those whose stack names the extension's
# module (klantinteracties.so): "our" errors, which must be 0.  Slow (hours
# on 2 cores): not part of make test.  VALGRIND_TESTS="bsn ..." runs only
# those pg_regress tests (and no isolation specs).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster.sh
scripts/deps.sh || exit 1
command -v valgrind >/dev/null || {
	echo "valgrind: installing valgrind"
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends valgrind >/dev/null || exit 1
}

work=${VALGRIND_DIR:-$(mktemp -d /tmp/klantinteracties-valgrind.XXXXXX)}
mkdir -p "$work/vg"
chmod 755 "$work"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work/vg"
stage_bindir=
cleanup() { [ -n "$stage_bindir" ] && cluster_stop "$stage_bindir" "$work"; }
trap cleanup EXIT

start=$(date +%s)
make -s PG_CONFIG="$PG_CONFIG" >/dev/null || exit 1
stage_install "$work/install" || exit 1

# The postmaster under valgrind: pg_ctl -p starts this wrapper instead of postgres.
cat >"$work/postgres-valgrind" <<WRAPPER
#!/bin/sh
exec valgrind --quiet --tool=memcheck --error-limit=no --num-callers=40 \\
	--track-origins=${VALGRIND_ORIGINS:-no} --read-var-info=no --leak-check=no \\
	--suppressions=$PWD/test/valgrind.supp --gen-suppressions=all \\
	--log-file=$work/vg/%p.log \\
	"$stage_bindir/postgres" "\$@"
WRAPPER
chmod 755 "$work/postgres-valgrind"

mkdir -p "$work/data" "$work/sock"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work/data" "$work/sock"
chmod 700 "$work/data"
: >"$work/server.log"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work/server.log"
as_postgres "$stage_bindir/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
	--no-sync >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; exit 1; }
port=$((20000 + RANDOM % 10000))
as_postgres "$stage_bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 900 \
	-p "$work/postgres-valgrind" \
	-o "-p $port -k $work/sock -c listen_addresses= -c fsync=off -c max_connections=40 -c jit=off -c autovacuum=off -c max_parallel_workers_per_gather=0" \
	start >/dev/null || { tail -n 30 "$work/server.log"; exit 1; }
export PGHOST="$work/sock" PGPORT="$port" PGUSER=postgres
export KI_TEST_BINDIR="$stage_bindir"

if [ -n "${VALGRIND_TESTS:-}" ]; then
	make PG_CONFIG="$PG_CONFIG" installcheck REGRESS="$VALGRIND_TESTS" ISOLATION= >"$work/installcheck.log" 2>&1
else
	make PG_CONFIG="$PG_CONFIG" installcheck >"$work/installcheck.log" 2>&1
fi
rc=$?
cluster_stop "$stage_bindir" "$work"
stage_bindir=
end=$(date +%s)

grep -E '^(test|     ) *[^ ]+ +\.\.\. |^ok [0-9]+ |^not ok ' "$work/installcheck.log" | sed 's/^/    /'
logs=$(ls "$work"/vg/*.log 2>/dev/null | wc -l)
# An error report starts with "==pid== <what>" followed by its stack; split
# the logs into reports and count those that name the extension's module.
python3 - "$work/vg" <<'PY'
import glob, re, sys
total = ours = 0
kinds = {}
for f in sorted(glob.glob(sys.argv[1] + "/*.log")):
    report = []
    def flush():
        global total, ours
        if not report:
            return
        text = "\n".join(report)
        total += 1
        if "klantinteracties.so" in text:
            ours += 1
            print("---- error in our module (%s)" % f)
            print(text)
        kinds[report[0]] = kinds.get(report[0], 0) + 1
    for line in open(f, errors="replace"):
        m = re.match(r"==\d+== ?(.*)", line.rstrip("\n"))
        if not m:
            continue
        body = m.group(1)
        if body == "":
            flush(); report = []
        elif not body.startswith(" ") and not report:
            report = [body]
        elif report:
            report.append(body)
    flush()
print("valgrind: %d error reports in all, %d whose stack names klantinteracties.so" % (total, ours))
for k, n in sorted(kinds.items(), key=lambda x: -x[1])[:10]:
    print("    %5d  %s" % (n, k))
open(sys.argv[1] + "/../summary.txt", "w").write("%d %d\n" % (total, ours))
PY
read -r total ours <"$work/summary.txt"
echo "valgrind: pg_regress/isolation exit status $rc, $logs process logs, $(( (end - start) / 60 )) minutes; logs in $work/vg"
[ "$rc" -eq 0 ] && [ "$ours" -eq 0 ]
