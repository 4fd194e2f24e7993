#!/usr/bin/env bash
# The upgrade path (docs/upgrading.md): for every released version R that
# the installation offers besides the default one, a database on R with the
# data an installation of R holds (test/upgrade/gegevens-R.sql: sample data,
# rows written through the REST API as PostgREST writes them, a merge, a
# logged lookup, an erasure) and the privileges a DBA gave
# (test/upgrade/beheerder.sql: maak_api_rollen, grants of the DBA's own, a
# trigger of the DBA's own) is updated with ALTER EXTENSION klantinteracties
# UPDATE and then compared with a fresh install of the default version after
# the same DBA steps (first, a view of the DBA's own over an API view must
# stop the update with a message naming it):
#
#   catalog   every object, definition, owner, privilege, comment, policy,
#             trigger, column, constraint, index, extension membership,
#             configuration table and initial privilege is the same
#             (test/upgrade/catalogus.sql; the differences are printed), so
#             also the DBA's privileges are kept and stay the DBA's;
#   pg_dump   pg_dump --schema-only of both is the same;
#   data      every row of every table is still there, unchanged in the
#             columns it had;
#   rules     every CHECK, foreign key, NOT NULL and generated column holds
#             for every row, none is left NOT VALID, every B-tree index
#             matches its table (test/upgrade/controle.sql, amcheck);
#   restore   pg_dump of the updated database restores into a fresh
#             database (which installs the default version) with the same
#             rows in every table;
#   API       the updated database serves the REST API: a partij written
#             through it and read back.
#
# Prints "N passed, M failed".  Run by scripts/test.sh with PGHOST/PGPORT/
# PGUSER set and KI_TEST_BINDIR the bin directory of the installation under
# test (which holds the scripts of every version: make install).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory holding psql and pg_dump}
tmp=$(mktemp -d /tmp/ki_upgrade.XXXXXX)
chmod 755 "$tmp"
oud=ki_upgrade_oud_$$
vers=ki_upgrade_vers_$$
terug=ki_upgrade_terug_$$

export PGOPTIONS='-c client_min_messages=warning'
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
opruimen() {
	psql -d postgres -c "DROP DATABASE IF EXISTS $oud" -c "DROP DATABASE IF EXISTS $vers" \
		-c "DROP DATABASE IF EXISTS $terug" -c "DROP ROLE IF EXISTS ki_upgrade_medewerker" \
		-c "DROP ROLE IF EXISTS ki_upgrade_rapportage" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap opruimen EXIT

passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fout() { echo "FAIL $1"; failed=$((failed + 1)); }
# verschil NAME A B: pass when files A and B are equal, else print the
# first differences.
verschil() {
	if diff -q "$2" "$3" >/dev/null; then
		ok "$1 ($(wc -l < "$2") lines the same)"
	else
		fout "$1: the updated database (>) differs from a fresh install (<):"
		diff "$2" "$3" | head -n 60 | cut -c1-400 | sed 's/^/       /'
	fi
}
mislukt() { fout "$1"; echo "$passed passed, $failed failed"; exit 1; }

psql -d postgres -c "CREATE DATABASE $vers" || mislukt "cannot create database"
psql -d "$vers" -c "CREATE EXTENSION klantinteracties CASCADE" || mislukt "cannot create the extension"
psql -d "$vers" -f test/upgrade/beheerder.sql >/dev/null || mislukt "test/upgrade/beheerder.sql failed on a fresh install"
nieuw=$(psql -d "$vers" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'klantinteracties'")
psql -d "$vers" -f test/upgrade/catalogus.sql > "$tmp/vers.catalogus" || mislukt "cannot read the catalog"
# pg_dump --schema-only as a set of lines (the order of the GRANTs of one
# object follows the order of its ACL), without the random \restrict key.
schema() {
	"$bin/pg_dump" --schema-only --exclude-schema=pgrst "$1" 2>/dev/null | grep -v '^\\\(un\)\?restrict \|^--\|^$' | LC_ALL=C sort
}
schema "$vers" > "$tmp/vers.schema" || mislukt "pg_dump of the fresh install failed"

uitgebracht=$(psql -d "$vers" -At -c "SELECT string_agg(version, ' ' ORDER BY version) FROM pg_available_extension_versions
	WHERE name = 'klantinteracties' AND version <> '$nieuw'")
[ -n "$uitgebracht" ] || mislukt "the installation offers no released version besides $nieuw"

# The rows of every table, in the columns given (default: all); a
# partitioned table with the rows of its partitions, which are not listed
# apart.
inhoud() {
	local db=$1 tabel=$2 kolommen=${3:-*}
	psql -d "$db" -At -c "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), ''))
		FROM (SELECT $kolommen FROM klantinteracties.$tabel) t"
}
tabellen() {
	psql -d "$1" -At -c "SELECT c.relname FROM pg_class c
		WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind IN ('r', 'p')
		  AND NOT c.relispartition ORDER BY 1"
}
kolommen() {
	psql -d "$1" -At -c "SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
		WHERE a.attrelid = 'klantinteracties.$2'::regclass AND a.attnum > 0 AND NOT a.attisdropped"
}

for versie in $uitgebracht; do
	echo "-- from $versie to $nieuw"
	gegevens=test/upgrade/gegevens-$versie.sql
	[ -f "$gegevens" ] || { fout "no $gegevens: the data of a $versie installation"; continue; }
	psql -d postgres -c "DROP DATABASE IF EXISTS $oud" -c "CREATE DATABASE $oud" || mislukt "cannot create database"
	psql -d "$oud" -c "CREATE EXTENSION klantinteracties VERSION '$versie' CASCADE" \
		|| { fout "CREATE EXTENSION klantinteracties VERSION '$versie'"; continue; }
	psql -d "$oud" -f test/upgrade/beheerder.sql >/dev/null || { fout "test/upgrade/beheerder.sql on $versie"; continue; }
	# A view of the DBA's own over a view of the extension stops the update
	# (the update re-creates the extension's views), with a message naming
	# it; nothing has changed then.
	bericht=$("$bin/psql" -X -q -d "$oud" -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
		-c "CREATE VIEW public.ki_upgrade_eigen AS SELECT uuid FROM klantinteracties_api.partijen" \
		-c "ALTER EXTENSION klantinteracties UPDATE" 2>&1)
	if echo "$bericht" | grep -q '^ERROR:  2BP01: klantinteracties update: objects of this database depend on views of the extension' \
		&& echo "$bericht" | grep -q 'view ki_upgrade_eigen depends on view klantinteracties_api.partijen' \
		&& [ "$(psql -d "$oud" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'klantinteracties'")" = "$versie" ]; then
		ok "a view of the DBA's own on an API view stops the update (2BP01, named), $versie stays"
	else
		fout "a view of the DBA's own on an API view: $bericht"
	fi
	psql -d "$oud" -c "DROP VIEW IF EXISTS public.ki_upgrade_eigen" || mislukt "cannot drop the view"
	if ! psql -d "$oud" -f "$gegevens" > "$tmp/gegevens.log" 2>&1; then
		fout "loading $gegevens into $versie"
		sed 's/^/       /' "$tmp/gegevens.log" | grep -v 'already a member' | tail -n 20
		continue
	fi
	# The rows before, in the columns each table had.
	for t in $(tabellen "$oud"); do
		k=$(kolommen "$oud" "$t")
		echo "$t|$k|$(inhoud "$oud" "$t" "$k")"
	done > "$tmp/voor"

	if psql -d "$oud" -c "ALTER EXTENSION klantinteracties UPDATE" > "$tmp/update.log" 2>&1 \
		&& [ "$(psql -d "$oud" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'klantinteracties'")" = "$nieuw" ]; then
		ok "ALTER EXTENSION klantinteracties UPDATE: $versie -> $nieuw"
	else
		fout "ALTER EXTENSION klantinteracties UPDATE: $versie -> $nieuw"
		sed 's/^/       /' "$tmp/update.log" | head -n 30
		continue
	fi

	psql -d "$oud" -f test/upgrade/catalogus.sql > "$tmp/oud.catalogus" || mislukt "cannot read the catalog"
	verschil "catalog of $versie updated = of $nieuw installed" "$tmp/vers.catalogus" "$tmp/oud.catalogus"
	schema "$oud" > "$tmp/oud.schema"   # (without the test's own schema pgrst, the PostgREST emulation)
	verschil "pg_dump --schema-only of $versie updated = of $nieuw installed" "$tmp/vers.schema" "$tmp/oud.schema"

	n=0; weg=""
	while IFS='|' read -r t k voor; do
		na=$(inhoud "$oud" "$t" "$k" 2>&1)
		if [ "$na" = "$voor" ]; then
			n=$((n + ${voor%% *}))
		else
			weg="$weg $t (before: ${voor%% *} rows, after: ${na%% *})"
		fi
	done < "$tmp/voor"
	if [ -z "$weg" ]; then
		ok "data: $n rows in $(wc -l < "$tmp/voor") tables unchanged by the update"
	else
		fout "data changed by the update:$weg"
	fi

	psql -d "$oud" -c "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null 2>&1
	if psql -d "$oud" -f test/upgrade/controle.sql > "$tmp/controle" 2>&1; then
		slecht=$(awk -F' [|] ' '$4 != 0' "$tmp/controle")
		if [ -z "$slecht" ]; then
			ok "rules: $(awk -F' [|] ' '{n[$1]++} END {for (s in n) printf "%s%d %s", (i++ ? ", " : ""), n[s], s}' "$tmp/controle") hold for every row"
		else
			fout "rules broken after the update (kind | table | rule | rows):"
			echo "$slecht" | head -n 30 | sed 's/^/       /'
		fi
	else
		fout "checking the rules failed"
		sed 's/^/       /' "$tmp/controle" | head -n 20
	fi
	psql -d "$oud" -c "DROP EXTENSION amcheck" >/dev/null 2>&1

	# The updated database's dump restores into an empty database.
	psql -d postgres -c "DROP DATABASE IF EXISTS $terug" -c "CREATE DATABASE $terug" || mislukt "cannot create database"
	if "$bin/pg_dump" -Fc -f "$tmp/dump" "$oud" 2>"$tmp/dump.log" \
		&& "$bin/pg_restore" --exit-on-error -d "$terug" "$tmp/dump" 2>"$tmp/restore.log"; then
		weg=""; n=0
		for t in $(tabellen "$oud"); do
			a=$(inhoud "$oud" "$t"); b=$(inhoud "$terug" "$t")
			[ "$a" = "$b" ] && n=$((n + ${a%% *})) || weg="$weg $t (${a%% *} rows, restored ${b%% *})"
		done
		if [ -z "$weg" ]; then
			ok "pg_dump of $versie updated restores into a fresh $nieuw: $n rows, the same"
		else
			fout "restored rows differ:$weg"
		fi
	else
		fout "pg_dump | pg_restore of the updated database"
		cat "$tmp/dump.log" "$tmp/restore.log" | head -n 20 | sed 's/^/       /'
	fi

	# The REST API of the updated database: write a partij, read it back.
	antwoord=$(psql -d "$oud" -At <<-'SQL' 2>&1
		SET SESSION AUTHORIZATION authenticator;
		SELECT status FROM pgrst.http('POST', '/partijen', '{"uuid": "00000000-0000-0000-00ee-0000000000f1",
			"soortPartij": "organisatie", "indicatieActief": true, "partijIdentificatie": {"naam": "Na de update BV"}}',
			rol => 'ki_upgrade_medewerker');
		SELECT status, antwoord -> 0 -> 'partijIdentificatie' ->> 'naam'
		  FROM pgrst.http('GET', '/partijen?uuid=eq.00000000-0000-0000-00ee-0000000000f1', rol => 'klantinteracties_lezer');
	SQL
	)
	if [ "$(echo "$antwoord" | tr '\n' ' ')" = "201 200|Na de update BV " ]; then
		ok "REST API after the update: POST /partijen 201, GET /partijen 200"
	else
		fout "REST API after the update: $antwoord"
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
