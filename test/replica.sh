#!/usr/bin/env bash
# Reads from a hot standby give the answers the primary gives.
#
# The test starts two clusters of its own on the installation under test
# (private socket directories, no TCP): a primary, and a streaming standby
# made from it with pg_basebackup.  It reuses the queries of every
# pg_regress test of sql/:
#
#   pass 1, on the primary: each test file that uses the registry (that
#   names a partij or a klantcontact) runs in a database of its own (made
#   from a template with the extension), with its top-level ROLLBACKs
#   turned into COMMITs, so that the data the test builds (API requests
#   through the PostgREST emulation, SQL writes, sample data) stays and
#   reaches the standby; two lanes at once (below).  The type tests
#   (bag_id, bic, ...) touch no registry: they run in pass 2 in the
#   template database (the extension, no rows; read-only, they change
#   nothing, so one database serves them all), and their tables of values,
#   which pass 2 cannot create on either server, are missing alike on both
#   (KI_REPLICA_ALLES=1 runs pass 1 for them too, 3 minutes more);
#   pass 2, after the standby has replayed all of it: each test file runs
#   again, unchanged, in its database on both servers, every statement in a
#   READ ONLY transaction (default_transaction_read_only on the primary; a
#   standby has no other kind).  Every statement that reads (the GET
#   requests and read-only /rpc calls of the API tests, the SQL lookups,
#   views and klantbeeld) must print on the standby what it prints on the
#   primary, and every statement that writes must fail on both.  The outputs
#   are compared per file; a difference fails the file and is printed.  The
#   only normalisation: the socket path in a connection error; the error of
#   a COPY FROM or \copy (a standby refuses the command before it looks up the table;
#   the primary reports first that the table, which pass 2 could not
#   create, is missing); and ANALYZE, which writes statistics: a standby
#   refuses it, a read-only transaction on the primary allows it, and
#   neither prints anything else (the standby's refusal is dropped also
#   where the statement is not echoed: a fixture included with ECHO off).
#
# Then the logged lookups (zoek_partij_op_bsn, klantbeeld_opvragen), which
# must write the access log: on the standby they refuse with SQLSTATE 25006
# and the hint to send them to the primary, return no data, and the
# primary's access log is unchanged (docs/operations.md, "Reads from
# replicas").
#
# Run by scripts/test.sh with KI_TEST_BINDIR the bin directory of the
# installation under test; prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
top=$PWD
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory of the installation under test}
. scripts/cluster.sh

work=$(mktemp -d /tmp/ki_replica.XXXXXX)
chmod 755 "$work"
primary=$work/primary
standby=$work/standby
poort_p=$((20000 + RANDOM % 10000))
poort_s=$((poort_p + 1))
db=ki_replica
passed=0
failed=0

opruimen() {
	cluster_stop "$bin" "$standby"
	cluster_stop "$bin" "$primary"
	rm -rf "$work"
}
trap opruimen EXIT
ok() { passed=$((passed + 1)); echo "ok: $1"; }
fout() { failed=$((failed + 1)); echo "FAILED: $1"; }
mislukt() { echo "replica: $1" >&2; fout "$1"; echo "$passed passed, $failed failed"; exit 1; }

# pg_regress's environment, so that the tests print as they do there.
export PGTZ=PST8PDT PGDATESTYLE='Postgres, MDY' LC_MESSAGES=C PGAPPNAME=pg_regress PGUSER=postgres
unset PGOPTIONS PGDATABASE PGSERVICE
psql_p() { "$bin/psql" -X -h "$primary/sock" -p "$poort_p" "$@"; }
psql_s() { "$bin/psql" -X -h "$standby/sock" -p "$poort_s" "$@"; }

t0=$(date +%s)
# The primary: the server options of make test's cluster, and WAL for a standby.
cluster_start "$bin" "$primary" "$poort_p" "-c wal_level=replica -c max_wal_senders=4" \
	|| mislukt "primary did not start"
psql_p -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE ki_replica_sjabloon" \
	-c "\\c ki_replica_sjabloon" -c "CREATE EXTENSION pg_trgm" -c "CREATE EXTENSION klantinteracties" >/dev/null \
	|| mislukt "cannot create the extension on the primary"

# The standby, from a base backup taken while nothing runs yet: what the
# tests write reaches it by streaming replication.  Its server options are
# the primary's (fsync=off as every cluster of make test: with fsync on, its
# restartpoints and shutdown flushed the gigabyte the tests write, and the
# standby's stop alone took two minutes on a busy machine).
mkdir -p "$standby/sock"
chown postgres: "$standby" "$standby/sock"
as_postgres "$bin/pg_basebackup" -h "$primary/sock" -p "$poort_p" -U postgres -D "$standby/data" \
	-X stream -R --no-sync --checkpoint=fast >"$work/basebackup.log" 2>&1 || { cat "$work/basebackup.log"; mislukt "pg_basebackup failed"; }
: > "$standby/server.log"
chown postgres: "$standby/server.log"
as_postgres "$bin/pg_ctl" -D "$standby/data" -l "$standby/server.log" -w -t 60 \
	-o "-p $poort_s -k $standby/sock -c listen_addresses= -c hot_standby=on -c fsync=off -c max_connections=40" start >/dev/null \
	|| { cat "$standby/server.log"; mislukt "standby did not start"; }
[ "$(psql_s -At -d postgres -c 'SELECT pg_is_in_recovery()')" = t ] && ok "standby streams from the primary" \
	|| mislukt "the standby is not in recovery"

# Pass 1, on the primary: the existing tests build their data and keep it.
# Two lanes at once, so that both cores work (each file is one backend):
# the files that change what belongs to the cluster, not to their database
# (roles, databases), run one after the other in the order pg_regress runs
# them, as the state of the roles one leaves is what the next expects; the
# others, each alone in its database, in a second lane beside them, with
# the database of the logged lookups.  Pass 1's outputs are not compared;
# pass 2 compares both servers on whatever data pass 1 left.
tests=$(ls sql/*.sql | sort)
geschreven=
rollen=
overig=
for f in $tests; do
	t=$(basename "$f" .sql)
	if [ "${KI_REPLICA_ALLES:-0}" = 1 ] || grep -qiE 'partij|klantcontact' "$f"; then
		psql_p -q -d postgres -c "CREATE DATABASE ki_r_$t TEMPLATE ki_replica_sjabloon STRATEGY FILE_COPY" \
			|| mislukt "cannot create database ki_r_$t"
		geschreven="$geschreven $t"
		# The file and what it includes (\i sql/include/...).
		if cat "$f" $(sed -n 's/^\\ir\{0,1\} \(sql\/[^ ]*\).*/\1/p' "$f") \
				| grep -qiE '(CREATE|DROP|ALTER) +(ROLE|USER|DATABASE)|maak_api_rollen|GRANT +[a-z_]+ +TO|REVOKE +[a-z_]+ +FROM'; then
			rollen="$rollen $t"
		else
			overig="$overig $t"
		fi
	fi
done
schrijven() {
	local t tf
	for t in "$@"; do
		tf=$(date +%s)
		sed 's/^ROLLBACK;$/COMMIT;/' "sql/$t.sql" | psql_p -a -q -d "ki_r_$t" >"$work/schrijven_$t.out" 2>&1
		echo "pass 1: $t $(($(date +%s) - tf)) s"
	done
}
# The database of the logged lookups: the API tests' data set and sample data.
logged_db() {
	psql_p -q -d postgres -c "CREATE DATABASE $db TEMPLATE ki_replica_sjabloon STRATEGY FILE_COPY" \
		-c "\\c $db" -f test/api_gegevens.sql -c "SELECT count(*) FROM klantinteracties.genereer_voorbeelddata(200)" >/dev/null \
		|| echo "cannot load data into $db" >"$work/logged_db.fout"
}
schrijven $rollen &
laan1=$!
{ logged_db; schrijven $overig; } &
laan2=$!
wait "$laan1" "$laan2"
[ -f "$work/logged_db.fout" ] && mislukt "$(cat "$work/logged_db.fout")"
ok "pass 1 ($(($(date +%s) - t0)) s from the start): $(echo $geschreven | wc -w) test files ran on the primary, each in its own database, committing, in two lanes: roles and databases:$rollen; the others:$overig"

# Wait until the standby has replayed everything the primary wrote.
t1=$(date +%s)
lsn=$(psql_p -At -d postgres -c "SELECT pg_current_wal_lsn()")
for _ in $(seq 1 600); do
	[ "$(psql_s -At -d postgres -c "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ] && break
	sleep 0.1
done
[ "$(psql_s -At -d postgres -c "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ] \
	&& ok "standby replayed up to $lsn" || mislukt "standby did not replay up to $lsn in 60 s"

# The same rows in every table of the registry on both (as the superuser,
# whom row-level security does not filter), in every database.  Unlogged
# tables (the klantbeeld's per-transaction queue, empty after every commit)
# are not replicated, and a standby refuses to read them.
tellen="SELECT format('SELECT %L, count(*), coalesce(sum(hashtext(t::text)), 0) FROM %s t', c.relname, c.oid::regclass)
  FROM pg_class c WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind IN ('r', 'p')
   AND c.relpersistence <> 'u' ORDER BY c.relname"
rijen=0
for d in $db ki_replica_sjabloon $(for t in $geschreven; do echo "ki_r_$t"; done); do
	echo "$tellen \\gexec" | psql_p -At -F ' ' -d "$d" >"$work/tellen_p.txt" 2>&1 &
	echo "$tellen \\gexec" | psql_s -At -F ' ' -d "$d" >"$work/tellen_s.txt" 2>&1
	wait
	if ! cmp -s "$work/tellen_p.txt" "$work/tellen_s.txt"; then
		fout "$d: the rows differ"; diff "$work/tellen_p.txt" "$work/tellen_s.txt" | head -20
	fi
	rijen=$((rijen + $(awk '{s += $2} END {print s + 0}' "$work/tellen_p.txt")))
done
ok "the standby has the primary's rows (count and checksum per table, $rijen rows in all; replay and comparison $(($(date +%s) - t1)) s)"

# Pass 2: every test file again, read-only, on both at once; outputs compared.
t2=$(date +%s)
normaal() {
	sed -E 's#"[^"]*/(primary|standby)/sock/\.s\.PGSQL\.[0-9]+"#"<socket>"#' "$1" | awk '
		/^(COPY|\\copy)/ { schrijft = 1; print; next }
		/^ANALYZE/ { analyse = 1; print; next }
		/ERROR:  cannot execute ANALYZE during recovery$/ { next }
		/^ERROR:/ && schrijft { print "ERROR:  <refused: COPY FROM>"; schrijft = 0; next }
		/^ERROR:/ && analyse { analyse = 0; next }
		{ schrijft = 0; analyse = 0; print }'
}
for f in $tests; do
	t=$(basename "$f" .sql)
	tf=$(date +%s)
	d=ki_replica_sjabloon
	case " $geschreven " in *" $t "*) d=ki_r_$t ;; esac
	PGOPTIONS='-c default_transaction_read_only=on' psql_p -a -q -d "$d" <"$f" >"$work/p_$t.out" 2>&1 &
	psql_s -a -q -d "$d" <"$f" >"$work/s_$t.out" 2>&1
	wait
	normaal "$work/p_$t.out" >"$work/p_$t.norm"
	normaal "$work/s_$t.out" >"$work/s_$t.norm"
	if cmp -s "$work/p_$t.norm" "$work/s_$t.norm"; then
		ok "$t: the standby answers as the primary ($(grep -c '' "$work/p_$t.out") lines of output, $(grep -c '^ERROR:' "$work/p_$t.out") errors, the same on both; $(($(date +%s) - tf)) s)"
	else
		fout "$t: the standby differs from the primary"
		diff -u "$work/p_$t.norm" "$work/s_$t.norm" | head -60
	fi
done

echo "pass 2 took $(($(date +%s) - t2)) s"

# The logged lookups on the standby: refused, no data, nothing logged.
voor=$(psql_p -At -d "$db" -c "SELECT count(*) FROM klantinteracties.inzagelog")
bsn=$(psql_s -At -d "$db" -c "SELECT i.object_id FROM klantinteracties.partij_identificator i
	WHERE i.code_soort_object_id = 'bsn' ORDER BY i.object_id LIMIT 1")
[ -n "$bsn" ] || fout "no BSN in the test data"
for opvraging in "zoek_partij_op_bsn(bsn => '$bsn', doelbinding => 'replica test')" \
		"klantbeeld_opvragen(doelbinding => 'replica test', bsn => '$bsn')"; do
	naam=${opvraging%%(*}
	uit=$(psql_s -d "$db" -v VERBOSITY=verbose -At 2>&1 <<SQL
SELECT count(*) AS rijen FROM klantinteracties_api.$opvraging;
SQL
)
	if echo "$uit" | grep -q '^ERROR:  25006: ' && echo "$uit" | grep -q '^HINT:  .*primary' \
			&& ! echo "$uit" | grep -qE '^[0-9]+$'; then
		ok "$naam on the standby: $(echo "$uit" | grep '^ERROR:' | sed 's/^ERROR:  //')"
	else
		fout "$naam on the standby was not refused with 25006 and a hint"; echo "$uit"
	fi
done
na=$(psql_p -At -d "$db" -c "SELECT count(*) FROM klantinteracties.inzagelog")
[ "$voor" = "$na" ] && ok "the primary's access log is unchanged ($na rows)" || fout "access log changed: $voor -> $na"

# And on the primary they work and log.
uit=$(psql_p -At -d "$db" -c "SELECT count(*) FROM klantinteracties_api.zoek_partij_op_bsn(bsn => '$bsn', doelbinding => 'replica test')" 2>&1)
na2=$(psql_p -At -d "$db" -c "SELECT count(*) FROM klantinteracties.inzagelog")
[ "$uit" = 1 ] && [ "$na2" -gt "$na" ] && ok "zoek_partij_op_bsn on the primary finds 1 partij and logs it" \
	|| fout "zoek_partij_op_bsn on the primary: $uit, access log $na -> $na2"

echo "replica test took $(($(date +%s) - t0)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
