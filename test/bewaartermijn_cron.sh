#!/usr/bin/env bash
# Retention scheduled with pg_cron (Debian: postgresql-15-cron), as
# docs/operations.md ("Scheduling with pg_cron") says: a cluster of its own
# on the installation under test (private socket directory, no TCP) with
# shared_preload_libraries = 'pg_cron' and its jobs run by background
# workers; the two jobs of the documentation scheduled every minute; then,
# within 90 seconds, pg_cron has run both, the klantcontact that passed its
# bewaartermijn is gone while the recent one stays, the month partitions
# exist, and vernietigingslog records the run by the job's user.  Prints
# "N passed, M failed".
#
# Run by scripts/test.sh with KI_TEST_BINDIR the bin directory of the
# installation under test.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory of the installation under test}
. scripts/cluster.sh

work=$(mktemp -d /tmp/ki_cron.XXXXXX)
chmod 755 "$work"
poort=$((20000 + RANDOM % 10000))
db=ki_cron
passed=0
failed=0
opruimen() { cluster_stop "$bin" "$work"; rm -rf "$work"; }
trap opruimen EXIT
ok() { passed=$((passed + 1)); echo "ok: $1"; }
fout() { failed=$((failed + 1)); echo "FAILED: $1"; }
mislukt() { fout "$1"; echo "$passed passed, $failed failed"; exit 1; }
psql() { "$bin/psql" -X -q -h "$work/sock" -p "$poort" -U postgres "$@"; }

[ -f "$(dirname "$bin")/lib/pg_cron.so" ] || mislukt "pg_cron is not in the installation under test (make deps installs postgresql-15-cron)"
cluster_start "$bin" "$work" "$poort" "-c shared_preload_libraries=pg_cron -c cron.database_name=$db -c cron.use_background_workers=on -c max_worker_processes=16" \
	|| mislukt "the cluster with pg_cron did not start"
psql -d postgres -c "CREATE DATABASE $db" || mislukt "cannot create database"
psql -d "$db" -v ON_ERROR_STOP=1 <<'SQL' >/dev/null || mislukt "cannot set up"
SET client_min_messages = warning;
CREATE EXTENSION klantinteracties CASCADE;
CREATE EXTENSION pg_cron;
INSERT INTO klantinteracties.klantcontact (uuid, kanaal, onderwerp, taal, vertrouwelijk, plaatsgevonden_op) VALUES
	('00000000-0000-0000-00c7-000000000001', 'telefoon', 'lang geleden', 'nld', false, '2015-06-01 10:00+00'),
	('00000000-0000-0000-00c7-000000000002', 'telefoon', 'vorige week', 'nld', false, now() - interval '7 days');
INSERT INTO klantinteracties.bewaartermijn (soort, termijn, bron) VALUES ('klantcontact', '5 years', 'test');
-- The jobs of docs/operations.md, every minute instead of daily.
SELECT cron.schedule('klantinteracties-partities', '* * * * *', 'SELECT klantinteracties.logpartities_onderhouden()');
SELECT cron.schedule('klantinteracties-bewaartermijnen', '* * * * *', 'SELECT klantinteracties.vernietig_verlopen()');
SQL
ok "pg_cron loaded, both jobs scheduled"

for _ in $(seq 1 90); do
	[ "$(psql -d "$db" -At -c "SELECT count(DISTINCT jobid) FROM cron.job_run_details WHERE status IN ('succeeded', 'failed')")" = 2 ] && break
	sleep 1
done
verslag=$(psql -d "$db" -At -c "SELECT string_agg(j.jobname || ' ' || d.status || coalesce(' ' || nullif(d.return_message, ''), ''), '; ' ORDER BY j.jobname)
	FROM cron.job j JOIN cron.job_run_details d ON d.jobid = j.jobid")
echo "pg_cron ran: $verslag"
[ "$(psql -d "$db" -At -c "SELECT count(DISTINCT jobid) FROM cron.job_run_details WHERE status = 'succeeded'")" = 2 ] \
	&& ok "pg_cron ran both jobs, succeeded" || fout "the jobs did not both succeed within 90 s: $verslag"
[ "$(psql -d "$db" -At -c "SELECT string_agg(onderwerp, ',') FROM klantinteracties.klantcontact WHERE uuid::text LIKE '00000000-0000-0000-00c7-%'")" = "vorige week" ] \
	&& ok "the klantcontact past its bewaartermijn is destroyed, the recent one kept" || fout "klantcontacten not as expected"
[ "$(psql -d "$db" -At -c "SELECT to_regclass('klantinteracties.' || (klantinteracties.logpartitie('wijzigingslog', now())).naam) IS NOT NULL")" = t ] \
	&& ok "this month's partition of the audit trail was made" || fout "no partition of this month"
uit=$(psql -d "$db" -At -c "SELECT gebruiker || ' ' || (rapport -> 'klantcontact' ->> 'vernietigd') FROM klantinteracties.vernietigingslog
	WHERE voltooid_op IS NOT NULL AND (rapport -> 'klantcontact' ->> 'vernietigd')::integer > 0")
[ "$uit" = "postgres 1" ] && ok "vernietigingslog records the run by the job's user: $uit" || fout "vernietigingslog: '$uit'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
