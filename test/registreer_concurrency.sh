#!/usr/bin/env bash
# registreer_partij under load: 8 pgbench clients register 1,000 BSNs, each
# BSN 20 times (20,000 calls, with a name and a telephone number to
# supplement).  Registration number i takes BSN i / 20, so the 8 clients,
# which take numbers one after the other, register the same new BSN at the
# same moment.  Expected: exactly 1,000 partijen with one identificator and
# one telephone number each, all 20 calls for a BSN returned the same
# partij, and pgbench saw no failed transaction.  Prints "N passed, M
# failed".
#
# Run by scripts/test.sh with PGHOST/PGPORT/PGUSER set and KI_TEST_BINDIR the
# bin directory (pgbench, psql) of the installation under test.
set -uo pipefail
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory holding pgbench}
db=ki_registreer_$$
script=$(mktemp /tmp/ki_registreer.XXXXXX)
uitvoer=$(mktemp /tmp/ki_registreer_pgbench.XXXXXX)

export PGOPTIONS='-c client_min_messages=warning'
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
opruimen() {
	psql -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
	rm -f "$script" "$uitvoer"
}
trap opruimen EXIT
mislukt() { echo "registreer_concurrency: $1" >&2; echo "0 passed, 1 failed"; exit 1; }

psql -d postgres -c "CREATE DATABASE $db" || mislukt "cannot create database"
psql -d "$db" <<'SQL' >/dev/null || mislukt "cannot set up"
CREATE EXTENSION klantinteracties CASCADE;
-- The first 1,000 valid BSNs from 100000000 on.
CREATE TABLE bench_bsn AS
SELECT (row_number() OVER (ORDER BY x) - 1)::integer AS n, lpad(x::text, 9, '0')::klantinteracties.bsn AS bsn
  FROM generate_series(100000000, 100100000) x
 WHERE klantinteracties.is_bsn(lpad(x::text, 9, '0'))
 ORDER BY x LIMIT 1000;
ALTER TABLE bench_bsn ADD PRIMARY KEY (n);
CREATE SEQUENCE bench_teller;
CREATE TABLE bench_uitkomst (n integer NOT NULL, partij uuid);
SQL

# nextval in a subquery in FROM: evaluated once per call, not per row.
cat >"$script" <<'SQL'
INSERT INTO bench_uitkomst
SELECT b.n, klantinteracties.registreer_partij(b.bsn, achternaam => 'Achternaam ' || b.n,
	telefoonnummer => ('020-' || (2000000 + b.n))::klantinteracties.telefoonnummer)
  FROM (SELECT ((nextval('bench_teller') - 1) / 20)::integer AS n) t
  JOIN bench_bsn b USING (n);
SQL

"$bin/pgbench" -n -c 8 -j 2 -t 2500 -f "$script" "$db" >"$uitvoer" 2>&1
rc=$?
sed 's/^/    pgbench: /' "$uitvoer" | grep -E 'transactions|failed|tps|latency|error|ERROR|abort' 

. "$(dirname "$0")/controle.sh"
waarde() { psql -d "$db" -At -c "$1"; }

check "pgbench exit status" "$rc" 0
check "pgbench failed transactions" \
	"$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$uitvoer")" 0
check "pgbench transactions processed" \
	"$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$uitvoer")" 20000
check "registrations recorded" "$(waarde 'SELECT count(*) FROM bench_uitkomst')" 20000
check "partijen" "$(waarde 'SELECT count(*) FROM klantinteracties.partij')" 1000
check "identificators" "$(waarde 'SELECT count(*) FROM klantinteracties.partij_identificator')" 1000
check "each BSN registered 20 times, always the same partij" \
	"$(waarde 'SELECT count(*) FROM (SELECT n FROM bench_uitkomst GROUP BY n HAVING count(*) = 20 AND count(DISTINCT partij) = 1 AND bool_and(partij IS NOT NULL)) x')" 1000
check "that partij is the one the BSN identifies" \
	"$(waarde 'SELECT count(*) FROM (SELECT DISTINCT u.n, u.partij FROM bench_uitkomst u JOIN bench_bsn b USING (n) WHERE u.partij = klantinteracties.zoek_partij(b.bsn)) x')" 1000
check "one telephone number per partij, as standaard adres" \
	"$(waarde "SELECT count(DISTINCT verstrekt_door_partij) || ' ' || count(*) FILTER (WHERE is_standaard_adres) FROM klantinteracties.digitaal_adres")" "1000 1000"
check "names supplemented" \
	"$(waarde "SELECT count(*) FROM klantinteracties.persoon WHERE contactnaam_achternaam LIKE 'Achternaam %'")" 1000

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
