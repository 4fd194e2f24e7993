#!/usr/bin/env bash
# Several municipalities on one cluster (docs/operations.md, "Several
# municipalities"): one database each, set up with gemeente_inrichten.
#
# Two municipality databases (A, B) and one left as installed (C), each with
# a klant of its own.  Logins, connecting as themselves (never as the
# superuser):
#   ki_ga_medewerker  a KCC employee of A (roles ki_ga_lezer, ki_ga_bsn);
#   ki_gb_medewerker  the same for B;
#   ki_ga_gast        an employee of A whom B's DBA let connect to B;
#   ki_gedeeld        a member of the extension's shared roles only
#                     (klantinteracties_lezer, _bsn), allowed to connect
#                     everywhere;
#   ki_ga_auth        a PostgREST authenticator of A (NOINHERIT, member of
#                     klantinteracties_postgrest and ki_ga_burger), allowed
#                     to connect to B as well.
# Expected: each employee reads its own registry; a login of A cannot
# connect to B; where it may connect, A's roles and the shared roles give no
# scope in B (nothing read, nothing written, no BSN found, no klantbeeld, no
# citizen); in C, which was not set up, the shared roles work as before;
# nobody but the DBA moves a scope; pg_dump of A restored elsewhere keeps
# A's scope holders.  Prints "N passed, M failed".
#
# Run by scripts/test.sh with PGHOST/PGPORT/PGUSER set (superuser) and
# KI_TEST_BINDIR the bin directory of the installation under test.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory holding psql}
a=ki_gemeente_a_$$
b=ki_gemeente_b_$$
c=ki_gemeente_c_$$
a2=ki_gemeente_a2_$$
dump=$(mktemp /tmp/ki_gemeenten.XXXXXX)
logins="ki_ga_medewerker ki_gb_medewerker ki_ga_gast ki_gedeeld ki_ga_auth"
groepen="ki_ga_lezer ki_ga_schrijver ki_ga_bsn ki_ga_geheim ki_ga_beheer ki_ga_burger
	ki_gb_lezer ki_gb_schrijver ki_gb_bsn ki_gb_geheim ki_gb_beheer ki_gb_burger ki_gx_lezer"
passed=0
failed=0

export PGOPTIONS='-c client_min_messages=warning'
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
# als LOGIN DB SQL: the output of SQL run by LOGIN in DB (errors included).
als() { "$bin/psql" -X -q -At -v VERBOSITY=verbose -U "$1" -d "$2" -c "$3" 2>&1; }
opruimen() {
	for d in $a $b $c $a2 ${a}_sjabloon; do psql -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1; done
	for r in $logins $groepen; do psql -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1; done
	rm -f "$dump"
}
trap opruimen EXIT
ok() { passed=$((passed + 1)); echo "ok: $1"; }
fout() { failed=$((failed + 1)); echo "FAILED: $1"; }
# verwacht NAME ACTUAL EXPECTED
verwacht() { if [ "$2" = "$3" ]; then ok "$1"; else fout "$1: expected '$3', got '$2'"; fi; }
# geweigerd NAME OUTPUT SQLSTATE-OR-TEXT
geweigerd() { if echo "$2" | grep -q "$3"; then ok "$1"; else fout "$1: expected $3, got: $2"; fi; }
mislukt() { fout "$1"; echo "$passed passed, $failed failed"; exit 1; }

for r in $logins $groepen; do psql -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1; done
# A klant per database: BSN 111222333 in A, 123456782 in B, 999993653 in C.
# The extension is installed once, in a template the three are copied from
# (a copy is the same install, without its cost three times).
psql -d postgres -c "CREATE DATABASE ${a}_sjabloon" || mislukt "cannot create the template database"
psql -d "${a}_sjabloon" -c "CREATE EXTENSION klantinteracties CASCADE" >/dev/null || mislukt "cannot install the extension"
for d in "$a 111222333 Aalders" "$b 123456782 Bakker" "$c 999993653 Claes"; do
	set -- $d
	psql -d postgres -c "CREATE DATABASE $1 TEMPLATE ${a}_sjabloon" || mislukt "cannot create database $1"
	psql -d "$1" -c "SELECT klantinteracties.registreer_partij('$2'::klantinteracties.bsn, achternaam => '$3')" >/dev/null \
		|| mislukt "cannot set up $1"
done

stappen=$(psql -d "$a" -At -c "SELECT stap FROM klantinteracties.gemeente_inrichten('ki_ga')") || mislukt "gemeente_inrichten failed in A"
echo "$stappen" | sed 's/^/    A: /'
psql -d "$b" -At -c "SELECT stap FROM klantinteracties.gemeente_inrichten('ki_gb')" >/dev/null || mislukt "gemeente_inrichten failed in B"
verwacht "gemeente_inrichten: 6 roles created, 6 scopes moved, CONNECT restricted" \
	"$(echo "$stappen" | grep -c 'created') $(echo "$stappen" | grep -c 'held by') $(echo "$stappen" | grep -c 'CONNECT')" "6 6 1"
verwacht "gemeente_inrichten a second time creates nothing" \
	"$(psql -d "$a" -At -c "SELECT count(*) FROM klantinteracties.gemeente_inrichten('ki_ga') WHERE stap LIKE '%created'")" 0
verwacht "scope holders in A: the roles of A only" \
	"$(psql -d "$a" -At -c "SELECT string_agg(scope || '=' || rol, ' ') FROM klantinteracties.scope_houders()")" \
	"beheer=ki_ga_beheer bsn=ki_ga_bsn burger=ki_ga_burger geheim=ki_ga_geheim read=ki_ga_lezer write=ki_ga_schrijver"
verwacht "scope holders in C (not set up): the shared roles" \
	"$(psql -d "$c" -At -c "SELECT string_agg(scope || '=' || rol, ' ') FROM klantinteracties.scope_houders()")" \
	"beheer=klantinteracties_beheer bsn=klantinteracties_bsn burger=klantinteracties_burger geheim=klantinteracties_geheim read=klantinteracties_lezer write=klantinteracties_schrijver"

psql -d postgres <<SQL || mislukt "cannot create the logins"
CREATE ROLE ki_ga_medewerker LOGIN IN ROLE ki_ga_lezer, ki_ga_bsn;
CREATE ROLE ki_gb_medewerker LOGIN IN ROLE ki_gb_lezer, ki_gb_bsn;
CREATE ROLE ki_ga_gast LOGIN IN ROLE ki_ga_schrijver, ki_ga_bsn, ki_ga_geheim;
CREATE ROLE ki_gedeeld LOGIN IN ROLE klantinteracties_lezer, klantinteracties_bsn;
CREATE ROLE ki_ga_auth LOGIN NOINHERIT IN ROLE klantinteracties_postgrest, ki_ga_burger;
GRANT CONNECT ON DATABASE $b TO ki_ga_gast, ki_gedeeld, ki_ga_auth;
GRANT CONNECT ON DATABASE $a TO ki_gedeeld, ki_ga_auth;
SQL

telling="SELECT count(*) FROM klantinteracties.partij_naam"
zoek="SELECT coalesce(klantinteracties.zoek_partij('%s'::klantinteracties.bsn)::text, 'niets')"

# Each employee in its own registry.
verwacht "A's employee holds read and bsn in A" "$(als ki_ga_medewerker "$a" "SELECT klantinteracties.scopes()")" "{read,bsn}"
verwacht "A's employee reads A's registry" "$(als ki_ga_medewerker "$a" "$telling")" 1
[[ "$(als ki_ga_medewerker "$a" "$(printf "$zoek" 111222333)")" =~ ^[0-9a-f-]{36}$ ]] \
	&& ok "A's employee finds A's klant by BSN" || fout "A's employee does not find A's klant"
verwacht "B's employee reads B's registry" "$(als ki_gb_medewerker "$b" "$telling")" 1

# A login of A cannot connect to B.
geweigerd "A's employee cannot connect to B" "$(als ki_ga_medewerker "$b" "SELECT 1")" "FATAL:  permission denied for database"
geweigerd "B's employee cannot connect to A" "$(als ki_gb_medewerker "$a" "SELECT 1")" "FATAL:  permission denied for database"

# Where it may connect, A's roles give nothing in B.
verwacht "A's guest in B holds no scope" "$(als ki_ga_gast "$b" "SELECT klantinteracties.scopes()")" "{}"
verwacht "A's guest in B reads no partij" "$(als ki_ga_gast "$b" "$telling")" 0
verwacht "A's guest in B finds no BSN" "$(als ki_ga_gast "$b" "$(printf "$zoek" 123456782)")" niets
verwacht "A's guest in B gets no klantbeeld" \
	"$(als ki_ga_gast "$b" "SELECT coalesce(klantinteracties.klantbeeld('123456782'::klantinteracties.bsn)::text, 'niets')")" niets
geweigerd "A's guest in B cannot register (42501)" \
	"$(als ki_ga_gast "$b" "SELECT klantinteracties.registreer_partij('111222345'::klantinteracties.bsn)")" "ERROR:  42501"
verwacht "A's guest in A holds write, read, bsn, geheim" "$(als ki_ga_gast "$a" "SELECT klantinteracties.scopes()")" "{read,write,bsn,geheim}"

# The shared roles give nothing where the scopes were moved, as before elsewhere.
verwacht "shared roles in A: no scope" "$(als ki_gedeeld "$a" "SELECT klantinteracties.scopes()")" "{}"
verwacht "shared roles in A: no partij" "$(als ki_gedeeld "$a" "$telling")" 0
verwacht "shared roles in B: no partij" "$(als ki_gedeeld "$b" "$telling")" 0
verwacht "shared roles in B: no BSN found" "$(als ki_gedeeld "$b" "$(printf "$zoek" 123456782)")" niets
verwacht "shared roles in C (not set up): read and bsn" "$(als ki_gedeeld "$c" "SELECT klantinteracties.scopes()")" "{read,bsn}"
verwacht "shared roles in C (not set up): C's partij" "$(als ki_gedeeld "$c" "$telling")" 1

# The citizen: A's authenticator, acting as A's citizen role with a BSN
# claim, is that citizen in A and nobody in B.
burger="SET ROLE ki_ga_burger;
SELECT set_config('request.jwt.claims', '{\"bsn\": \"%s\", \"role\": \"ki_ga_burger\"}', false) IS NOT NULL;
SELECT coalesce(klantinteracties.burger_bsn()::text, 'niemand'), (SELECT count(*) FROM klantinteracties_api.mijn_partij);"
verwacht "A's citizen in A" "$(als ki_ga_auth "$a" "$(printf "$burger" 111222333)" | tail -n 1)" "111222333|1"
verwacht "A's citizen role in B is no citizen" "$(als ki_ga_auth "$b" "$(printf "$burger" 123456782)" | tail -n 1)" "niemand|0"

# Nobody but the DBA moves a scope.
geweigerd "an employee cannot grant itself a scope" \
	"$(als ki_ga_medewerker "$a" "GRANT USAGE ON DOMAIN klantinteracties.scope_geheim TO ki_ga_medewerker")" "permission denied\|no privileges were granted"
verwacht "... and does not hold it" "$(als ki_ga_medewerker "$a" "SELECT klantinteracties.heeft_scope('geheim')")" f
geweigerd "an employee cannot run gemeente_inrichten" \
	"$(als ki_ga_gast "$b" "SELECT * FROM klantinteracties.gemeente_inrichten('ki_gx')")" "permission denied for function gemeente_inrichten"
geweigerd "an invalid prefix is refused (22023)" \
	"$(psql -d "$c" -v VERBOSITY=verbose -c "SELECT * FROM klantinteracties.gemeente_inrichten('Gemeente A')" 2>&1)" "ERROR:  22023: invalid role prefix"
geweigerd "a reserved prefix is refused (22023)" \
	"$(psql -d "$c" -v VERBOSITY=verbose -c "SELECT * FROM klantinteracties.gemeente_inrichten('klantinteracties_x')" 2>&1)" "ERROR:  22023: invalid role prefix"
psql -d postgres -c "CREATE ROLE ki_gx_lezer LOGIN" >/dev/null
geweigerd "an existing login of that name is refused (42501)" \
	"$(psql -d "$c" -v VERBOSITY=verbose -c "SELECT * FROM klantinteracties.gemeente_inrichten('ki_gx')" 2>&1)" "ERROR:  42501: role \"ki_gx_lezer\" exists"

# pg_dump of A, restored into a fresh database: A's scope holders with it.
"$bin/pg_dump" -Fc -d "$a" -f "$dump" 2>/dev/null || mislukt "pg_dump of A failed"
psql -d postgres -c "CREATE DATABASE $a2" && "$bin/pg_restore" -d "$a2" "$dump" || fout "pg_restore of A failed"
verwacht "restored A: the same scope holders" \
	"$(psql -d "$a2" -At -c "SELECT string_agg(scope || '=' || rol, ' ') FROM klantinteracties.scope_houders()")" \
	"beheer=ki_ga_beheer bsn=ki_ga_bsn burger=ki_ga_burger geheim=ki_ga_geheim read=ki_ga_lezer write=ki_ga_schrijver"
verwacht "restored A: A's employee reads it" "$(als ki_ga_medewerker "$a2" "$telling")" 1
verwacht "restored A: the shared roles read nothing" "$(als ki_gedeeld "$a2" "$telling")" 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
