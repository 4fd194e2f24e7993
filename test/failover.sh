#!/usr/bin/env bash
# Failover with pg_auto_failover (Debian: postgresql-15-auto-failover) loses
# no committed registration and duplicates none.
#
# On the installation under test, as the postgres OS user (pg_autoctl
# refuses root): a monitor and two nodes, all in a private directory; the
# servers listen on 127.0.0.1 only (pg_autoctl needs a host name that
# resolves, for its replication and health-check connections) and on a
# private socket directory, through which the clients connect.  With two
# nodes pg_auto_failover runs synchronous replication: a commit returns only
# once the standby has its WAL.
#
# Two clients register klanten (registreer_partij(bsn), one new BSN per
# call) through a connection string naming both nodes with
# target_session_attrs=read-write, as an application would.  A client writes
# a BSN and the partij returned to its log only after the commit returned;
# a call that fails (the primary going away) is retried with the same BSN
# until it succeeds (at-least-once: registreer_partij finds what a lost
# acknowledgement had committed, and adds nothing).  While they run,
# `pg_autoctl perform failover` makes the standby the primary.  The clients
# stop after a bounded number of registrations or seconds.  Then, on the
# new primary:
#   * every registration a client saw committed is there, with the partij
#     the client was told (none lost);
#   * each BSN has exactly one identificator and one partij (none
#     duplicated), and no partij exists that no client was told of;
#   * the new primary accepts writes, and the old one follows it as standby.
# Prints the counts and the longest time no registration committed, and
# "N passed, M failed".  Every process it started is stopped by
# pg_autoctl stop and checked gone by pid.
#
# Run by scripts/test.sh with KI_TEST_BINDIR the bin directory of the
# installation under test (pg_autoctl is Debian's, in /usr/bin).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory of the installation under test}
# Bounds of the write load: per client at most this many registrations,
# and the whole load at most this many seconds.
AANTAL=${KI_FAILOVER_AANTAL:-1500}
SECONDEN=${KI_FAILOVER_SECONDEN:-90}

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
fout() { failed=$((failed + 1)); echo "FAILED: $1"; }
einde() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
mislukt() { fout "$1"; einde; }

command -v pg_autoctl >/dev/null || mislukt "pg_autoctl is missing (make deps installs postgresql-15-auto-failover)"
[ -f "$("$bin/pg_config" --pkglibdir 2>/dev/null || echo /nonexistent)/pgautofailover.so" ] \
	|| [ -f "$(dirname "$bin")/lib/pgautofailover.so" ] \
	|| mislukt "pgautofailover.so is not in the installation under test"

work=$(mktemp -d /tmp/ki_failover.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/sock" "$work/run" "$work/config" "$work/share" "$work/clients"
chown -R postgres: "$work"
poort_m=$((20000 + RANDOM % 10000))
poort_1=$((poort_m + 1))
poort_2=$((poort_m + 2))
monitor_uri="postgres://autoctl_node@127.0.0.1:$poort_m/pg_auto_failover?sslmode=disable"
db=ki_failover

# pg_autoctl as the postgres OS user, its configuration and state in $work.
autoctl() {
	runuser -u postgres -- env XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/share" \
		XDG_RUNTIME_DIR="$work/run" PG_REGRESS_SOCK_DIR="$work/sock" PGHOST="$work/sock" \
		PATH="$bin:$PATH" pg_autoctl "$@"
}
psql() { "$bin/psql" -X -q -h "$work/sock" -U postgres "$@"; }
monitor() { psql -p "$poort_m" -d pg_auto_failover -At -c "$1"; }

# The pids of the pg_autoctl supervisors and postmasters started here.
pids() {
	local d
	for d in monitor node1 node2; do
		[ -f "$work/$d/postmaster.pid" ] && head -n 1 "$work/$d/postmaster.pid"
	done
	find "$work/run" -name '*.pid' -exec head -n 1 {} \; 2>/dev/null
	cat "$work"/*.runpid 2>/dev/null
}
opruimen() {
	local d p n
	for d in node2 node1 monitor; do
		[ -d "$work/$d" ] && autoctl stop --pgdata "$work/$d" >/dev/null 2>&1
	done
	for n in $(seq 1 100); do
		levend=
		for p in $(pids); do kill -0 "$p" 2>/dev/null && levend="$levend $p"; done
		[ -z "$levend" ] && break
		[ "$n" -eq 60 ] && for p in $levend; do kill -TERM "$p" 2>/dev/null; done
		sleep 0.2
	done
	for p in $levend; do kill -KILL "$p" 2>/dev/null; done
	rm -rf "$work"
}
trap opruimen EXIT

# Wait (at most $2 seconds) until the monitor reports the nodes in the
# states given, "node1:primary node2:secondary", reported and assigned.
wacht_op() {
	local staat=$1 max=$2 i
	for i in $(seq 1 $((max * 2))); do
		[ "$(monitor "SELECT string_agg(nodename || ':' || reportedstate, ' ' ORDER BY nodename)
			FROM pgautofailover.node WHERE reportedstate = goalstate" 2>/dev/null)" = "$staat" ] && return 0
		sleep 0.5
	done
	echo "monitor: $(monitor "SELECT string_agg(nodename || ' ' || reportedstate || '/' || goalstate, ', ') FROM pgautofailover.node" 2>&1)"
	return 1
}

start_node() {
	local naam=$1 poort=$2
	autoctl create postgres --pgctl "$bin/pg_ctl" --pgdata "$work/$naam" --pgport "$poort" --name "$naam" \
		--hostname 127.0.0.1 --listen 127.0.0.1 --auth trust --no-ssl --monitor "$monitor_uri" \
		--dbname "$db" --run >"$work/$naam.log" 2>&1 &
	echo $! >"$work/$naam.runpid"
}

t0=$(date +%s)
autoctl create monitor --pgctl "$bin/pg_ctl" --pgdata "$work/monitor" --pgport "$poort_m" \
	--hostname 127.0.0.1 --listen 127.0.0.1 --auth trust --no-ssl --run >"$work/monitor.log" 2>&1 &
echo $! >"$work/monitor.runpid"
for _ in $(seq 1 120); do monitor "SELECT 1" >/dev/null 2>&1 && break; sleep 0.5; done
monitor "SELECT 1" >/dev/null 2>&1 || { tail -20 "$work/monitor.log"; mislukt "the monitor did not start"; }

start_node node1 "$poort_1"
wacht_op "node1:single" 120 || { tail -20 "$work/node1.log"; mislukt "node1 did not become single"; }
psql -p "$poort_1" -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION klantinteracties CASCADE" \
	|| mislukt "cannot create the extension on node1"
# pg_autoctl's pg_basebackup asks for a spread checkpoint, which takes
# checkpoint_timeout * checkpoint_completion_target (4.5 minutes) when
# there is much to write: write it now.
psql -p "$poort_1" -d "$db" -c "CHECKPOINT" || mislukt "CHECKPOINT on node1 failed"
start_node node2 "$poort_2"
wacht_op "node1:primary node2:secondary" 180 || { tail -20 "$work/node2.log"; mislukt "node2 did not become secondary"; }
sync=$(psql -p "$poort_1" -d "$db" -At -c "SHOW synchronous_standby_names")
[ -n "$sync" ] && ok "monitor, primary node1 and secondary node2 up in $(($(date +%s) - t0)) s; synchronous_standby_names = $sync" \
	|| fout "replication is not synchronous"

# The BSNs to register: valid ones, a slice per client.
psql -p "$poort_1" -d "$db" -At -c "SELECT lpad(x::text, 9, '0') FROM generate_series(100000000, 100100000) x
	WHERE klantinteracties.is_bsn(lpad(x::text, 9, '0')) ORDER BY x LIMIT $((2 * AANTAL))" >"$work/bsns.txt"
[ "$(wc -l <"$work/bsns.txt")" -eq $((2 * AANTAL)) ] || mislukt "could not make the BSN list"

conninfo="host=$work/sock,$work/sock port=$poort_1,$poort_2 dbname=$db user=postgres target_session_attrs=read-write connect_timeout=2"
einde_load=$(($(date +%s) + SECONDEN))
client() {
	local nr=$1 bsn uitkomst pogingen
	sed -n "$(( (nr - 1) * AANTAL + 1 )),$(( nr * AANTAL ))p" "$work/bsns.txt" | while read -r bsn; do
		[ "$(date +%s)" -ge "$einde_load" ] || [ -f "$work/stop" ] && break
		pogingen=0
		while :; do
			uitkomst=$("$bin/psql" -X -At -v ON_ERROR_STOP=1 "$conninfo" \
				-c "SELECT klantinteracties.registreer_partij('$bsn'::klantinteracties.bsn)" 2>>"$work/clients/fouten_$nr.txt")
			if [ $? -eq 0 ] && [ -n "$uitkomst" ]; then
				echo "$bsn $uitkomst $(date +%s.%N)" >>"$work/clients/vastgelegd_$nr.txt"
				break
			fi
			pogingen=$((pogingen + 1))
			echo "$bsn" >>"$work/clients/opnieuw_$nr.txt"
			[ "$(date +%s)" -ge $((einde_load + 30)) ] && { echo "$bsn" >>"$work/clients/opgegeven_$nr.txt"; break; }
			sleep 0.2
		done
	done
}
client 1 &
c1=$!
client 2 &
c2=$!

# Let the load run, then fail over while it goes on.
for _ in $(seq 1 100); do
	[ "$(cat "$work"/clients/vastgelegd_*.txt 2>/dev/null | wc -l)" -ge 100 ] && break
	sleep 0.2
done
voor=$(cat "$work"/clients/vastgelegd_*.txt 2>/dev/null | wc -l)
t_failover=$(date +%s)
autoctl perform failover --pgdata "$work/monitor" --wait 120 >"$work/failover.log" 2>&1
rc=$?
wacht_op "node1:secondary node2:primary" 120
rc2=$?
duur=$(($(date +%s) - t_failover))
[ $rc -eq 0 ] && [ $rc2 -eq 0 ] && ok "pg_autoctl perform failover: node2 primary, node1 secondary, in $duur s ($voor registrations committed before)" \
	|| { tail -20 "$work/failover.log"; fout "failover did not complete (rc $rc, states $rc2)"; }

# Some more load on the new primary, then stop the clients (bounded anyway).
na=$(cat "$work"/clients/vastgelegd_*.txt 2>/dev/null | wc -l)
for _ in $(seq 1 100); do
	[ "$(cat "$work"/clients/vastgelegd_*.txt 2>/dev/null | wc -l)" -ge $((na + 100)) ] && break
	sleep 0.2
done
touch "$work/stop"
wait "$c1" "$c2"

cat "$work"/clients/vastgelegd_*.txt >"$work/vastgelegd.txt" 2>/dev/null
vastgelegd=$(wc -l <"$work/vastgelegd.txt")
opnieuw=$(cat "$work"/clients/opnieuw_*.txt 2>/dev/null | wc -l)
opgegeven=$(cat "$work"/clients/opgegeven_*.txt 2>/dev/null | wc -l)
gat=$(sort -k3 -n "$work/vastgelegd.txt" | awk 'NR > 1 { d = $3 - v; if (d > m) m = d } { v = $3 } END { printf "%.2f", m }')
echo "registrations committed: $vastgelegd (after the failover: $((vastgelegd - na))), failed attempts retried: $opnieuw, given up: $opgegeven, longest time without a commit: $gat s"
[ "$opgegeven" -eq 0 ] && ok "no client gave up on a registration" || fout "$opgegeven registrations given up"
[ "$((vastgelegd - na))" -gt 0 ] && ok "$((vastgelegd - na)) registrations committed on the new primary" \
	|| fout "nothing committed after the failover"

# On the new primary: none lost, none duplicated, nothing unknown.
controle=$(psql -p "$poort_2" -d "$db" -At -F ' ' -v ON_ERROR_STOP=1 2>&1 <<SQL
CREATE TEMP TABLE vastgelegd (bsn text, partij uuid, tijd numeric);
\\copy vastgelegd FROM '$work/vastgelegd.txt' WITH (DELIMITER ' ')
SELECT
	(SELECT count(*) FROM vastgelegd v WHERE NOT EXISTS (
		SELECT FROM klantinteracties.partij_identificator i
		 WHERE i.code_soort_object_id = 'bsn' AND i.object_id_sleutel = v.bsn AND i.identificeerde_partij = v.partij)),
	(SELECT count(*) FROM (SELECT i.object_id_sleutel FROM klantinteracties.partij_identificator i
		WHERE i.code_soort_object_id = 'bsn' GROUP BY 1 HAVING count(*) > 1) d),
	(SELECT count(*) FROM (SELECT bsn FROM vastgelegd GROUP BY bsn HAVING count(DISTINCT partij) > 1) d),
	(SELECT count(*) FROM klantinteracties.partij p WHERE p.uuid NOT IN (SELECT partij FROM vastgelegd)),
	(SELECT count(*) FROM klantinteracties.partij);
SQL
)
read -r verloren dubbel_id dubbel_partij onbekend partijen <<<"$controle"
echo "on the new primary: $partijen partijen; committed but missing: $verloren; BSNs with more than one identificator: $dubbel_id; BSNs that got two partijen: $dubbel_partij; partijen no client was told of: $onbekend"
[ "$verloren" = 0 ] && ok "no committed registration lost ($vastgelegd checked)" || fout "$verloren committed registrations lost ($controle)"
# A loss is explained by the monitor's record of the states (e.g. a primary
# sent to wait_primary, synchronous replication off, when the standby was
# taken for unhealthy): printed whenever something was lost or duplicated.
if [ "$verloren" != 0 ] || [ "$dubbel_id" != 0 ] || [ "$dubbel_partij" != 0 ]; then
	monitor "SELECT to_char(eventtime, 'HH24:MI:SS.MS') || ' ' || nodename || ' ' || reportedstate || ' -> ' || goalstate || ': ' || description
		FROM pgautofailover.event ORDER BY eventid" 2>&1 | sed 's/^/    monitor: /'
fi
[ "$dubbel_id" = 0 ] && [ "$dubbel_partij" = 0 ] && ok "no registration duplicated" || fout "duplicates: $controle"
# A commit whose acknowledgement was lost is found by the retry, which then
# tells the client: every partij is one a client was told of.
[ "$onbekend" = 0 ] && ok "every partij is one a client was told of" || fout "unexpected partijen: $controle"

uuid=$(psql -p "$poort_2" -d "$db" -At -c "SELECT klantinteracties.registreer_partij('999993653'::klantinteracties.bsn)" 2>&1)
[[ "$uuid" =~ ^[0-9a-f-]{36}$ ]] && ok "the new primary accepts writes" || fout "the new primary refused a write: $uuid"
[ "$(psql -p "$poort_1" -d "$db" -At -c "SELECT pg_is_in_recovery()")" = t ] \
	&& ok "the old primary follows as standby" || fout "node1 is not in recovery"

echo "failover test took $(($(date +%s) - t0)) s"
einde
