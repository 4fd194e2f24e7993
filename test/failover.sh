#!/usr/bin/env bash
# Failover with pg_auto_failover (Debian: postgresql-15-auto-failover) loses
# no committed registration and duplicates none.
#
# On the installation under test, as the postgres OS user (pg_autoctl
# refuses root): a monitor and three nodes, all in a private directory; the
# servers listen on 127.0.0.1 only (pg_autoctl needs a host name that
# resolves, for its replication and health-check connections) and on a
# private socket directory, through which the clients connect.  The
# formation is set to number_sync_standbys 1, the configuration
# docs/operations.md prescribes: a commit returns only once one of the two
# standbys has its WAL, the primary never turns synchronous replication off
# (with one standby pg_auto_failover does, in wait_primary), and a failover
# first disconnects every standby from the old primary (report_lsn) and
# promotes the one with the most WAL.
#
# Two clients register klanten (registreer_partij(bsn), one new BSN per
# call) through a connection string naming every node with
# target_session_attrs=read-write, as an application would.  A client writes
# a BSN and the partij returned to its log only after the commit returned;
# a call that fails (the primary going away) is retried with the same BSN
# until it succeeds (at-least-once: registreer_partij finds what a lost
# acknowledgement had committed, and adds nothing).  While they run, the
# monitor fails over (pgautofailover.perform_failover(), what `pg_autoctl
# perform failover` calls) in a transaction it keeps open KI_FAILOVER_TRAAG
# seconds (default 3), as a monitor starved of CPU does: the old primary's
# keeper then reports in the middle of it, which with two nodes makes
# pg_auto_failover 2.0 turn synchronous replication off on the old primary
# while the standby is promoted (docs/operations.md, "Why two nodes lose
# registrations"); KI_FAILOVER_TRAAG=0 runs `pg_autoctl perform failover`
# itself.  KI_FAILOVER_KNOPEN=2 runs the two-node formation instead (which
# loses registrations: kept to show it).  The clients stop after a bounded
# number of registrations or seconds.  Then, on the new primary:
#   * every registration a client saw committed is there, with the partij
#     the client was told (none lost);
#   * each BSN has exactly one identificator and one partij (none
#     duplicated), and no partij exists that no client was told of;
#   * the new primary accepts writes, and the old one follows it as standby.
# Whenever something was lost or duplicated it prints the monitor's event
# record; KI_FAILOVER_BEWAAR=DIR keeps the logs and the event record there.
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
KNOPEN=${KI_FAILOVER_KNOPEN:-3}
TRAAG=${KI_FAILOVER_TRAAG:-3}

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
poort_m=${KI_FAILOVER_POORT:-$((20000 + RANDOM % 10000))}
case $KNOPEN in 2) knopen="node1 node2" ;; 3) knopen="node1 node2 node3" ;; *) mislukt "KI_FAILOVER_KNOPEN must be 2 or 3" ;; esac
poort_1=$((poort_m + 1))
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
	for d in monitor $knopen; do
		[ -f "$work/$d/postmaster.pid" ] && head -n 1 "$work/$d/postmaster.pid"
	done
	find "$work/run" -name '*.pid' -exec head -n 1 {} \; 2>/dev/null
	cat "$work"/*.runpid 2>/dev/null
}
# Keep what explains a run: the monitor's event record, each node's state
# and settings as pg_autoctl sees them, the pg_autoctl and server logs.
bewaar_logs() {
	local doel=$1 d
	mkdir -p "$doel"
	monitor "SELECT to_char(eventtime, 'HH24:MI:SS.MS') || ' ' || nodename || ' ' || reportedstate || ' -> ' || goalstate || ' lsn ' || reportedlsn || ': ' || description
		FROM pgautofailover.event ORDER BY eventid" >"$doel/events.txt" 2>&1
	cp "$work"/*.log "$work"/*.txt "$doel/" 2>/dev/null
	cp -r "$work/clients" "$doel/" 2>/dev/null
	for d in monitor $knopen; do
		[ -d "$work/$d/log" ] && mkdir -p "$doel/$d" && cp -r "$work/$d/log" "$doel/$d/" 2>/dev/null
		[ -f "$work/$d/postgresql.auto.conf" ] && cp "$work/$d/postgresql.auto.conf" "$doel/$d/" 2>/dev/null
	done
	echo "logs kept in $doel"
}
opruimen() {
	local d p n
	[ -n "${KI_FAILOVER_BEWAAR:-}" ] && bewaar_logs "$KI_FAILOVER_BEWAAR"
	for d in $(echo $knopen | tr ' ' '\n' | tac) monitor; do
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
# The standbys join together (each takes its base backup from node1).
staat=node1:primary
for n in $(seq 2 "$KNOPEN"); do
	start_node "node$n" $((poort_m + n))
	staat="$staat node$n:secondary"
done
wacht_op "$staat" 240 || { tail -20 "$work/node2.log"; mislukt "the standbys did not become secondary"; }
if [ "$KNOPEN" -eq 3 ]; then
	# Synchronous replication that never turns itself off: a commit waits
	# for one of the two standbys, whatever their state.
	# (`pg_autoctl set formation number-sync-standbys 1` of pg_auto_failover
	# 2.0 refuses any value when errno happens to hold EINVAL: the function
	# it calls is called here directly.)
	monitor "SELECT pgautofailover.set_formation_number_sync_standbys('default', 1)" >"$work/instellen.log" 2>&1 \
		|| { cat "$work/instellen.log"; mislukt "cannot set number_sync_standbys 1"; }
	wacht_op "$staat" 120 || mislukt "node1 did not apply number-sync-standbys 1"
fi
sync=$(psql -p "$poort_1" -d "$db" -At -c "SHOW synchronous_standby_names")
nss=$(monitor "SELECT number_sync_standbys FROM pgautofailover.formation WHERE formationid = 'default'")
[ -n "$sync" ] && { [ "$KNOPEN" -eq 2 ] || [ "$nss" = 1 ]; } && ok "monitor, primary node1 and $((KNOPEN - 1)) standbys up in $(($(date +%s) - t0)) s; number_sync_standbys = $nss, synchronous_standby_names = $sync" \
	|| fout "replication is not synchronous as required (number_sync_standbys $nss, synchronous_standby_names '$sync')"

# The BSNs to register: valid ones, a slice per client.
psql -p "$poort_1" -d "$db" -At -c "SELECT lpad(x::text, 9, '0') FROM generate_series(100000000, 100100000) x
	WHERE klantinteracties.is_bsn(lpad(x::text, 9, '0')) ORDER BY x LIMIT $((2 * AANTAL))" >"$work/bsns.txt"
[ "$(wc -l <"$work/bsns.txt")" -eq $((2 * AANTAL)) ] || mislukt "could not make the BSN list"

hosts=$(for n in $knopen; do printf '%s,' "$work/sock"; done)
poorten=$(for n in $(seq 1 "$KNOPEN"); do printf '%s,' $((poort_m + n)); done)
conninfo="host=${hosts%,} port=${poorten%,} dbname=$db user=postgres target_session_attrs=read-write connect_timeout=2"
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
if [ "$TRAAG" != 0 ]; then
	# The failover as a starved monitor makes it: its transaction stays open
	# TRAAG seconds, and the old primary's keeper reports meanwhile.
	monitor "BEGIN; SELECT pgautofailover.perform_failover(); SELECT pg_sleep($TRAAG); COMMIT;" >"$work/failover.log" 2>&1
	rc=$?
	hoe="perform_failover() in a transaction of $TRAAG s"
else
	autoctl perform failover --pgdata "$work/monitor" --wait 120 >"$work/failover.log" 2>&1
	rc=$?
	hoe="pg_autoctl perform failover"
fi
# Done when node1 follows and another node is primary, all states reached.
nieuw=
for _ in $(seq 1 240); do
	nieuw=$(monitor "SELECT nodename FROM pgautofailover.node WHERE reportedstate = 'primary' AND goalstate = 'primary' AND nodename <> 'node1'
		AND (SELECT count(*) FROM pgautofailover.node WHERE reportedstate = goalstate AND reportedstate = 'secondary') = $((KNOPEN - 1))
		AND (SELECT reportedstate = 'secondary' FROM pgautofailover.node WHERE nodename = 'node1')" 2>/dev/null)
	[ -n "$nieuw" ] && break
	sleep 0.5
done
duur=$(($(date +%s) - t_failover))
[ $rc -eq 0 ] && [ -n "$nieuw" ] && ok "$hoe: $nieuw primary, node1 standby, in $duur s ($voor registrations committed before)" \
	|| { tail -20 "$work/failover.log"; monitor "SELECT string_agg(nodename || ' ' || reportedstate || '/' || goalstate, ', ') FROM pgautofailover.node"
		fout "failover did not complete (rc $rc) in $duur s"; }
nieuw=${nieuw:-node2}
poort_n=$((poort_m + ${nieuw#node}))

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
controle=$(psql -p "$poort_n" -d "$db" -At -F ' ' -v ON_ERROR_STOP=1 2>&1 <<SQL
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

uuid=$(psql -p "$poort_n" -d "$db" -At -c "SELECT klantinteracties.registreer_partij('999993653'::klantinteracties.bsn)" 2>&1)
[[ "$uuid" =~ ^[0-9a-f-]{36}$ ]] && ok "the new primary accepts writes" || fout "the new primary refused a write: $uuid"
[ "$(psql -p "$poort_1" -d "$db" -At -c "SELECT pg_is_in_recovery()")" = t ] \
	&& ok "the old primary follows as standby" || fout "node1 is not in recovery"

echo "failover test took $(($(date +%s) - t0)) s"
einde
