#!/usr/bin/env bash
# The registry does not vanish by one statement (issue 14, finding 2;
# src/verwijderbewaking.c): every statement that would drop extension
# klantinteracties is refused with SQLSTATE 55000 and the data stays, unless
# klantinteracties.verwijderen_toegestaan is on in the transaction; then the
# drop goes through and leaves nothing behind, and a new CREATE EXTENSION is
# guarded again.  Drops that do not reach the extension are not hindered.
# Prints "N passed, M failed".
#
# Run by scripts/test.sh with PGHOST/PGPORT/PGUSER set and KI_TEST_BINDIR the
# bin directory of the installation under test.
set -uo pipefail
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory holding psql}
db=ki_verwijder_$$
db2=ki_verwijder_dba_$$

export PGOPTIONS='-c client_min_messages=warning'
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
opruimen() {
	psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS $db2" \
		-c "DROP ROLE IF EXISTS ki_verwijder_dba" >/dev/null 2>&1
}
trap opruimen EXIT
mislukt() { echo "verwijderbewaking: $1" >&2; echo "$passed passed, $((failed + 1)) failed"; exit 1; }
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fout() { echo "FAIL $1"; failed=$((failed + 1)); }

# poging DB STATEMENTS...: the SQLSTATE of the first error, or "ok".
poging() {
	local d=$1 uit
	shift
	uit=$("$bin/psql" -X -q -At -d "$d" -v ON_ERROR_STOP=1 -v VERBOSITY=verbose "$@" 2>&1 >/dev/null)
	uit=$(echo "$uit" | sed -n 's/^ERROR:  \([0-9A-Z]\{5\}\):.*/\1/p' | head -n 1)
	echo "${uit:-ok}"
}
rijen() {
	psql -d "$1" -At -c "SELECT (SELECT count(*) FROM klantinteracties.partij) || ' ' ||
		(SELECT count(*) FROM klantinteracties.wijzigingslog)" 2>/dev/null || echo "gone"
}

psql -d postgres -c "CREATE DATABASE $db" || mislukt "cannot create database"
psql -d "$db" -c "CREATE EXTENSION klantinteracties CASCADE" \
	-c "SELECT count(*) FROM klantinteracties.genereer_voorbeelddata(50)" >/dev/null || mislukt "cannot set up"
voor=$(rijen "$db")

# Each refused, the registry untouched.
while IFS= read -r stmt; do
	s=$(poging "$db" -c "$stmt")
	na=$(rijen "$db")
	if [ "$s" = 55000 ] && [ "$na" = "$voor" ]; then
		ok "refused with 55000, registry intact (${voor% *} partijen, ${voor#* } audit rows): $stmt"
	else
		fout "$stmt: $s, partijen and audit rows $voor -> $na"
	fi
done <<'SQL'
DROP EXTENSION klantinteracties
DROP EXTENSION klantinteracties CASCADE
DROP EXTENSION IF EXISTS klantinteracties, pg_trgm CASCADE
DROP EXTENSION pg_trgm CASCADE
DROP SCHEMA klantinteracties CASCADE
DROP SCHEMA public CASCADE
SET klantinteracties.verwijderen_toegestaan = off; DROP EXTENSION klantinteracties
SQL

# The message says how.
bericht=$("$bin/psql" -X -q -d "$db" -c "DROP EXTENSION klantinteracties" 2>&1)
if echo "$bericht" | grep -q '^ERROR:  refusing to drop extension "klantinteracties": it holds the registry' \
	&& echo "$bericht" | grep -q '^HINT:  .*SET LOCAL klantinteracties.verwijderen_toegestaan = on'; then
	ok "the message names the extension and the hint the setting"
else
	fout "message: $bericht"
fi

# DROP OWNED BY the extension's owner (a superuser other than the bootstrap
# one, who installed it).
psql -d postgres -c "CREATE ROLE ki_verwijder_dba SUPERUSER NOLOGIN" -c "CREATE DATABASE $db2" || mislukt "cannot set up $db2"
psql -d "$db2" -c "SET ROLE ki_verwijder_dba" -c "CREATE EXTENSION klantinteracties CASCADE" >/dev/null || mislukt "cannot create in $db2"
s=$(poging "$db2" -c "DROP OWNED BY ki_verwijder_dba CASCADE")
e=$(psql -d "$db2" -At -c "SELECT count(*) FROM pg_extension WHERE extname = 'klantinteracties'")
if [ "$s" = 55000 ] && [ "$e" = 1 ]; then
	ok "refused with 55000: DROP OWNED BY the extension's owner CASCADE"
else
	fout "DROP OWNED BY the extension's owner: $s, extension there: $e"
fi

# Drops that do not reach the extension go through.
s=$(poging "$db" -c "CREATE SCHEMA eigen" -c "CREATE TABLE eigen.t (x int)" -c "DROP SCHEMA eigen CASCADE" \
	-c "CREATE EXTENSION amcheck" -c "DROP EXTENSION amcheck" -c "DROP EXTENSION IF EXISTS bestaat_niet")
[ "$s" = ok ] && ok "DROP SCHEMA ... CASCADE and DROP EXTENSION of other objects are not hindered" \
	|| fout "other drops hindered: $s"

# Allowed in a transaction that rolls back: nothing happens.
s=$(poging "$db" -c "BEGIN" -c "SET LOCAL klantinteracties.verwijderen_toegestaan = on" \
	-c "DROP EXTENSION klantinteracties" -c "ROLLBACK")
[ "$s" = ok ] && [ "$(rijen "$db")" = "$voor" ] && ok "allowed, rolled back: the registry is there" \
	|| fout "allowed and rolled back: $s, $(rijen "$db")"
# SET LOCAL ends with its transaction.
s=$(poging "$db" -c "BEGIN" -c "SET LOCAL klantinteracties.verwijderen_toegestaan = on" -c "COMMIT" \
	-c "DROP EXTENSION klantinteracties")
[ "$s" = 55000 ] && ok "the setting ends with the transaction: refused again" || fout "after the transaction: $s"

# Allowed: dropped, nothing of it left (no event trigger, no function, no
# object in its schema, which CREATE EXTENSION made but which is no member
# and stays, empty), pg_trgm stays; installed again, it is guarded again.
s=$(poging "$db" -c "BEGIN" -c "SET LOCAL klantinteracties.verwijderen_toegestaan = on" \
	-c "DROP EXTENSION klantinteracties" -c "COMMIT")
rest=$(psql -d "$db" -At -c "SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'klantinteracties') || ' '
	|| (SELECT count(*) FROM pg_event_trigger) || ' '
	|| (SELECT count(*) FROM pg_namespace WHERE nspname = 'klantinteracties_api') || ' '
	|| (SELECT count(*) FROM pg_class WHERE relnamespace = 'klantinteracties'::regnamespace)
	   + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'klantinteracties'::regnamespace)
	   + (SELECT count(*) FROM pg_type WHERE typnamespace = 'klantinteracties'::regnamespace) || ' '
	|| (SELECT count(*) FROM pg_proc WHERE proname = 'verwijderbewaking') || ' '
	|| (SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm')")
[ "$s" = ok ] && [ "$rest" = "0 0 0 0 0 1" ] \
	&& ok "allowed with SET LOCAL klantinteracties.verwijderen_toegestaan = on: dropped, nothing left, pg_trgm stays" \
	|| fout "allowed drop: $s; extension, event triggers, klantinteracties_api, objects in klantinteracties, guard functions, pg_trgm left: $rest"
s=$(poging "$db" -c "CREATE EXTENSION klantinteracties" -c "DROP EXTENSION klantinteracties")
[ "$s" = 55000 ] && ok "installed again, guarded again" || fout "installed again: $s"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
