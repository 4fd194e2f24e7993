#!/usr/bin/env bash
# Faults, kept as a test (issue 14): kill -9 of a postmaster this test
# started, in the middle of concurrent registrations (registreer_partij) and
# API writes (POST /klantcontacten through test/pgrst_emulatie.sql), then a
# restart (crash recovery), then:
#   - every registration and API write that a client saw commit is there,
#     exactly once; nothing is there that no client attempted, and at most
#     one unacknowledged write per client (the one in flight at the kill);
#   - pg_amcheck (heap and every btree, heapallindexed) finds nothing;
#   - the audit trail (wijzigingslog) replayed gives every registry table's
#     rows exactly, and the outbox (gebeurtenis) has one create event per
#     partij and klantcontact, in the transaction that created it;
#   - the server takes new writes after recovery.
# The clients are psql sessions, one transaction a statement group, which
# print "ok <client> <n>" only after their COMMIT returned: that is the
# record of what committed (pgbench cannot say which transactions did).
# Two registration clients register the same BSNs in the same order, so
# they race on every BSN as in test/registreer_concurrency.sh; a third
# registers others.  Prints "N passed, M failed".
#
# Run by scripts/test.sh with KI_TEST_BINDIR the bin directory of the
# installation under test; starts and stops its own cluster on it.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster.sh
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory of the installation under test}
# each client has this many writes to do, far more than it gets through
# before the kill
per_client=10000

dir=$(mktemp -d /tmp/ki_crash.XXXXXX)
chmod 755 "$dir"
port=$((30000 + RANDOM % 10000))
export PGHOST="$dir/sock" PGPORT="$port" PGUSER=postgres PGDATABASE=ki_crash
export PGOPTIONS='-c client_min_messages=warning -c search_path=klantinteracties,public'
clients=()

psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
opruimen() {
	for p in "${clients[@]}"; do kill "$p" 2>/dev/null; done
	cluster_stop "$bin" "$dir"
	rm -rf "$dir"
}
trap opruimen EXIT
mislukt() { echo "crash_herstel: $1" >&2; echo "0 passed, 1 failed"; exit 1; }

cluster_start "$bin" "$dir" "$port" || mislukt "cluster did not start"
psql -d postgres -c "CREATE DATABASE ki_crash" || mislukt "cannot create database"
{
	echo "CREATE EXTENSION klantinteracties CASCADE;"
	echo '\set ECHO none'
	cat test/pgrst_emulatie.sql
	cat <<'SQL'
SELECT klantinteracties.maak_api_rollen();
-- 20,000 valid BSNs from 100000000 on, numbered from 0.
CREATE TABLE crash_bsn AS
SELECT (row_number() OVER (ORDER BY x) - 1)::integer AS n, lpad(x::text, 9, '0')::klantinteracties.bsn AS bsn
  FROM generate_series(100000000, 100300000) x
 WHERE klantinteracties.is_bsn(lpad(x::text, 9, '0'))
 ORDER BY x LIMIT 20000;
ALTER TABLE crash_bsn ADD PRIMARY KEY (n);
SQL
} | psql >/dev/null || mislukt "cannot set up"

# Registration client c: BSN number n of its range (clients 0 and 1 share
# numbers 0..9999, client 2 has 10000..19999), one transaction each.
registratie_script() {
	local c=$1 eerste=$2 n
	for ((n = eerste; n < eerste + per_client; n++)); do
		printf 'BEGIN;\nSELECT klantinteracties.registreer_partij(bsn, achternaam => %s, telefoonnummer => %s) FROM crash_bsn WHERE n = %d;\nCOMMIT;\n\\echo ok %d %d\n' \
			"'Achternaam $n'" "'020-$((2000000 + n))'" "$n" "$c" "$n"
	done
}
# API client c: POST /klantcontacten with uuid ...-c-n, one transaction each.
api_script() {
	local c=$1 n
	echo 'SET SESSION AUTHORIZATION authenticator;'
	for ((n = 0; n < per_client; n++)); do
		printf "BEGIN;\nSELECT status = 201 AS gelukt FROM pgrst.http('POST', '/klantcontacten', '{\"uuid\": \"00000000-0000-4000-8000-%012d\", \"kanaal\": \"email\", \"onderwerp\": \"Vraag %d\", \"taal\": \"nld\", \"vertrouwelijk\": false}') \\\\gset\n\\\\if :gelukt\nCOMMIT;\n\\\\echo ok %d %d\n\\\\else\nROLLBACK;\n\\\\echo fout %d %d\n\\\\endif\n" \
			"$((c * 100000 + n))" "$n" "$c" "$n" "$c" "$n"
	done
}
registratie_script 0 0 >"$dir/client0.sql"
registratie_script 1 0 >"$dir/client1.sql"
registratie_script 2 "$per_client" >"$dir/client2.sql"
api_script 3 >"$dir/client3.sql"
api_script 4 >"$dir/client4.sql"

for c in 0 1 2 3 4; do
	"$bin/psql" -X -q -v ON_ERROR_STOP=1 -f "$dir/client$c.sql" >"$dir/client$c.out" 2>"$dir/client$c.err" &
	clients+=($!)
done
# The kill comes when at least 40 partijen and 40 klantcontacten are in
# (and at least 2 seconds in), so that every client is in its stride.
sleep 2
for ((i = 0; i < 300; i++)); do
	[ "$(psql -At -c "SELECT (SELECT count(*) FROM klantinteracties.partij) >= 40 AND (SELECT count(*) FROM klantinteracties.klantcontact) >= 40" 2>/dev/null)" = t ] && break
	sleep 0.1
done

# The crash: SIGKILL to the postmaster and every process it started, at once.
pm=$(head -n 1 "$dir/data/postmaster.pid")
kinderen=$(ps -o pid= --ppid "$pm")
kill -9 "$pm" $kinderen
for p in "${clients[@]}"; do wait "$p"; done
clients=()
# until the killed processes are gone (reaped by init), the lock file's pid
# looks alive and the server refuses to start
for ((i = 0; i < 300; i++)); do
	kill -0 "$pm" $kinderen 2>/dev/null || break
	sleep 0.1
done
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
	-o "-p $port -k $dir/sock -c listen_addresses= -c fsync=off -c max_connections=40" start >"$dir/pg_ctl.log" 2>&1 \
	|| { tail -n 20 "$dir/server.log" >&2; mislukt "cluster did not restart after the kill"; }

. test/controle.sh
waarde() { psql -At -c "$1"; }

# What the clients saw commit, loaded back into the database.
cat "$dir"/client[0-4].out | grep -E '^(ok|fout) ' >"$dir/bevestigd.txt"
psql -c "CREATE TABLE crash_bevestigd (uitkomst text, client integer, n integer)" \
	-c "\\copy crash_bevestigd FROM '$dir/bevestigd.txt' WITH (DELIMITER ' ')" || mislukt "cannot load the client records"
reg=$(waarde "SELECT count(*) FROM crash_bevestigd WHERE uitkomst = 'ok' AND client < 3")
api=$(waarde "SELECT count(*) FROM crash_bevestigd WHERE uitkomst = 'ok' AND client >= 3")
echo "    committed before the kill: $reg registrations, $api API writes" \
	"(clients: $(for c in 0 1 2 3 4; do printf '%s ' "$(grep -c '^ok ' "$dir/client$c.out")"; done| sed 's/ $//'))"
grep -hE 'server closed|terminat|connection' "$dir"/client[0-4].err | sort | uniq -c | sed 's/^/    client: /' | head -n 5

check "crash recovery ran" "$(grep -c 'database system was interrupted\|was not properly shut down' "$dir/server.log" | awk '{print ($1 > 0)}')" 1
check "every client committed something before the kill" \
	"$(for c in 0 1 2 3 4; do grep -q '^ok ' "$dir/client$c.out" && echo y; done | wc -l | tr -d ' ')" 5
check "every client was cut off by the kill, none finished" \
	"$(for c in 0 1 2 3 4; do grep -q "^ok $c $((per_client - 1))\$\|^ok $c $((2 * per_client - 1))\$" "$dir/client$c.out" && echo y; done | wc -l | tr -d ' ')" 0
check "no API write was refused" "$(waarde "SELECT count(*) FROM crash_bevestigd WHERE uitkomst = 'fout'")" 0

# Registrations: every acknowledged BSN has exactly one partij; no BSN has
# two; nothing registered that no client attempted; at most one unacknowledged
# BSN per registration client.
psql <<'SQL' || mislukt "cannot read the registrations"
CREATE TABLE crash_bsn_partijen AS
SELECT b.n, count(pi.*) AS partijen
  FROM crash_bsn b
  LEFT JOIN klantinteracties.partij_identificator pi ON pi.bsn = b.bsn
 GROUP BY b.n;
SQL
check "acknowledged registrations present exactly once" \
	"$(waarde "SELECT count(*) FROM (SELECT DISTINCT n FROM crash_bevestigd WHERE uitkomst = 'ok' AND client < 3) a JOIN crash_bsn_partijen USING (n) WHERE partijen <> 1")" 0
check "no BSN registered twice" "$(waarde 'SELECT count(*) FROM crash_bsn_partijen WHERE partijen > 1')" 0
check "BSN identificators all belong to the test's BSNs" \
	"$(waarde "SELECT count(*) FROM klantinteracties.partij_identificator WHERE bsn IS NOT NULL") $(waarde 'SELECT count(*) FROM crash_bsn_partijen WHERE partijen = 1')" \
	"$(waarde 'SELECT count(*) FROM crash_bsn_partijen WHERE partijen = 1') $(waarde 'SELECT count(*) FROM klantinteracties.partij')"
# Each client works through its numbers in order, so what is registered is
# exactly 0..M or 0..M+1 of the shared range (M the highest number either of
# clients 0 and 1 saw commit) and 10000..m or 10000..m+1 of client 2's.
check "registered: the acknowledged numbers, at most one more per range" \
	"$(waarde "WITH r AS (SELECT n, n >= $per_client AS eigen FROM crash_bsn_partijen WHERE partijen = 1),
		a AS (SELECT n >= $per_client AS eigen, max(n) AS m FROM crash_bevestigd WHERE uitkomst = 'ok' AND client < 3 GROUP BY 1)
		SELECT bool_and(x.aantal = x.hoogste - x.laagste + 1 AND x.laagste = CASE WHEN a.eigen THEN $per_client ELSE 0 END
			AND x.hoogste IN (a.m, a.m + 1)) AND count(*) = 2
		FROM a JOIN (SELECT eigen, count(*) AS aantal, min(n) AS laagste, max(n) AS hoogste FROM r GROUP BY eigen) x USING (eigen)")" t

# API writes: the same for klantcontacten.
check "acknowledged API writes present exactly once" \
	"$(waarde "SELECT count(*) FROM crash_bevestigd a WHERE a.uitkomst = 'ok' AND a.client >= 3 AND (SELECT count(*) FROM klantinteracties.klantcontact k WHERE k.uuid = format('00000000-0000-4000-8000-%s', lpad((a.client * 100000 + a.n)::text, 12, '0'))::uuid) <> 1")" 0
# The same for each API client: its numbers 0..m or 0..m+1, nothing else
# (the uuid ends in client * 100000 + n).
check "klantcontacten: the acknowledged ones, at most one more per client, no others" \
	"$(waarde "WITH g AS (SELECT right(replace(uuid::text, '-', ''), 12)::bigint AS nr FROM klantinteracties.klantcontact),
		x AS (SELECT nr / 100000 AS client, count(*) AS aantal, min(nr % 100000) AS laagste, max(nr % 100000) AS hoogste FROM g GROUP BY 1),
		a AS (SELECT client, max(n) AS m FROM crash_bevestigd WHERE uitkomst = 'ok' AND client >= 3 GROUP BY client)
		SELECT count(*) = 2 AND bool_and(a.m IS NOT NULL AND x.aantal = x.hoogste - x.laagste + 1 AND x.laagste = 0
			AND x.hoogste IN (a.m, a.m + 1))
		FROM x LEFT JOIN a USING (client)")" t

# pg_amcheck: every heap and btree of the database.
"$bin/pg_amcheck" --install-missing --heapallindexed --rootdescend -d ki_crash >"$dir/amcheck.out" 2>&1
rc=$?
sed 's/^/    pg_amcheck: /' "$dir/amcheck.out" | head -n 10
check "pg_amcheck --heapallindexed --rootdescend finds nothing" "$rc $(wc -c <"$dir/amcheck.out" | tr -d ' ')" "0 0"

# The audit trail replayed: for every audited registry table, each key's
# INSERT (the whole row), UPDATEs (the changed columns) and DELETE applied in
# order give exactly the table's rows.
psql <<'SQL' || mislukt "cannot compare the audit trail"
CREATE FUNCTION pg_temp.log_verschil(tabel_oid regclass, OUT rijen bigint, OUT verschillen bigint)
LANGUAGE plpgsql AS $$
DECLARE
	sleutel text;
	w record;
	staat jsonb;
	vorige text;
BEGIN
	CREATE TEMP TABLE IF NOT EXISTS naspel (sleutel text PRIMARY KEY, rij jsonb);
	TRUNCATE naspel;
	FOR w IN SELECT l.sleutel, l.bewerking, l.nieuw FROM klantinteracties.wijzigingslog l
			  WHERE l.tabel = (SELECT c.relname FROM pg_class c WHERE c.oid = tabel_oid) ORDER BY l.sleutel, l.id LOOP
		IF w.sleutel IS DISTINCT FROM vorige THEN
			IF vorige IS NOT NULL THEN
				INSERT INTO naspel VALUES (vorige, staat);
			END IF;
			vorige := w.sleutel;
			staat := NULL;
		END IF;
		staat := CASE w.bewerking WHEN 'INSERT' THEN w.nieuw WHEN 'UPDATE' THEN staat || w.nieuw END;
	END LOOP;
	IF vorige IS NOT NULL THEN
		INSERT INTO naspel VALUES (vorige, staat);
	END IF;
	SELECT string_agg(format('(r.rij ->> %L)', a.attname), $s$ || ',' || $s$ ORDER BY k.i)
	  INTO sleutel
	  FROM pg_index x, unnest(x.indkey) WITH ORDINALITY AS k(attnum, i), pg_attribute a
	 WHERE x.indrelid = tabel_oid AND x.indisprimary AND a.attrelid = tabel_oid AND a.attnum = k.attnum;
	EXECUTE format($q$
		WITH rijen AS (SELECT %s AS sleutel, r.rij FROM (SELECT to_jsonb(t) AS rij FROM %s t) r)
		SELECT (SELECT count(*) FROM rijen),
			(SELECT count(*) FROM rijen r FULL JOIN (SELECT * FROM naspel WHERE rij IS NOT NULL) l USING (sleutel)
			  WHERE r.rij IS DISTINCT FROM l.rij)$q$, sleutel, tabel_oid)
	  INTO rijen, verschillen;
END $$;
CREATE TABLE crash_log AS
SELECT c.relname AS tabel, v.*
  FROM pg_class c, pg_temp.log_verschil(c.oid) v
 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind IN ('r', 'p')
   AND EXISTS (SELECT FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
				WHERE t.tgrelid = c.oid AND p.proname = 'wijziging_vastleggen');
SQL
psql -At -F ' ' -c "SELECT tabel, rijen, verschillen FROM crash_log WHERE rijen > 0 ORDER BY tabel" | sed 's/^/    audit trail: table rows differences: /'
check "audited tables with rows" "$(waarde "SELECT count(*) FILTER (WHERE rijen > 0) >= 4 FROM crash_log")" t
check "audit trail replayed equals the tables" "$(waarde 'SELECT coalesce(sum(verschillen), -1) FROM crash_log')" 0

# The outbox: one create event per partij and per klantcontact, in the
# transaction that wrote the row's first audit record; none for a row that
# is not there.
check "one create event per partij, in its transaction" \
	"$(waarde "SELECT count(*) FROM klantinteracties.partij p WHERE (SELECT count(*) FROM klantinteracties.gebeurtenis g JOIN klantinteracties.wijzigingslog w ON w.transactie = g.transactie AND w.tabel = 'partij' AND w.bewerking = 'INSERT' AND w.sleutel = p.uuid::text WHERE g.kanaal = 'partijen' AND g.actie = 'create' AND g.resource_uuid = p.uuid) <> 1")" 0
check "one create event per klantcontact, in its transaction" \
	"$(waarde "SELECT count(*) FROM klantinteracties.klantcontact k WHERE (SELECT count(*) FROM klantinteracties.gebeurtenis g JOIN klantinteracties.wijzigingslog w ON w.transactie = g.transactie AND w.tabel = 'klantcontact' AND w.bewerking = 'INSERT' AND w.sleutel = k.uuid::text WHERE g.kanaal = 'klantcontacten' AND g.actie = 'create' AND g.resource_uuid = k.uuid) <> 1")" 0
check "no event for a row that is not there" \
	"$(waarde "SELECT count(*) FROM klantinteracties.gebeurtenis g WHERE NOT EXISTS (SELECT FROM klantinteracties.partij p WHERE p.uuid = g.resource_uuid) AND NOT EXISTS (SELECT FROM klantinteracties.klantcontact k WHERE k.uuid = g.resource_uuid)")" 0

# Writes after recovery: a new registration and an API write, with fresh ids.
check "a registration after recovery" \
	"$(waarde "SELECT klantinteracties.registreer_partij(bsn) IS NOT NULL FROM crash_bsn WHERE n = 19999" 2>&1)" t
check "an API write after recovery" \
	"$(psql -At -c 'SET SESSION AUTHORIZATION authenticator' -c "SELECT status FROM pgrst.http('POST', '/klantcontacten', '{\"uuid\": \"00000000-0000-4000-8000-000000999999\", \"kanaal\": \"email\", \"onderwerp\": \"Na herstel\", \"taal\": \"nld\", \"vertrouwelijk\": false}')" 2>&1)" 201

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
