#!/usr/bin/env bash
# The install script in databases of other encodings (issue 14, finding 3):
# klantinteracties.control says encoding = UTF8, so PostgreSQL converts the
# script to the database's encoding instead of reading its UTF-8 bytes as
# that encoding.  In a LATIN1 and a SQL_ASCII database the extension
# installs with every comment as in a UTF8 database; genereer_voorbeelddata
# writes the same rows, its three names with letters outside Latin-1 (Ayse,
# Yilmaz, Sahin with s-cedilla, dotless i, S-cedilla) in ASCII in LATIN1 and
# as written in SQL_ASCII, no mojibake anywhere.  In a WIN1251 database,
# which cannot hold the Latin-1 letters of the comments, CREATE EXTENSION
# stops with SQLSTATE 22P05 and leaves nothing.  docs/operations.md says
# which encodings are supported.  Prints "N passed, M failed".
#
# Run by scripts/test.sh with PGHOST/PGPORT/PGUSER set and KI_TEST_BINDIR the
# bin directory of the installation under test.
set -uo pipefail
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory holding psql}
utf8=ki_codering_utf8_$$
latin1=ki_codering_latin1_$$
ascii=ki_codering_ascii_$$
cyr=ki_codering_win1251_$$

export PGOPTIONS='-c client_min_messages=warning'
export PGCLIENTENCODING=UTF8
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
opruimen() {
	for d in $utf8 $latin1 $ascii $cyr; do psql -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1; done
}
trap opruimen EXIT
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fout() { echo "FAIL $1"; failed=$((failed + 1)); }
mislukt() { fout "$1"; echo "$passed passed, $failed failed"; exit 1; }

maak() {
	psql -d postgres -c "CREATE DATABASE $1 ENCODING '$2' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0" \
		|| mislukt "cannot create a $2 database"
}
# Every comment on an object of the extension, in the client's UTF-8.
commentaar() {
	psql -d "$1" -At -c "SELECT pg_describe_object(d.classoid, d.objoid, d.objsubid) || ': ' || d.description
		FROM pg_description d
		WHERE d.description <> '' AND (pg_identify_object(d.classoid, d.objoid, d.objsubid)).schema
			  IN ('klantinteracties', 'klantinteracties_api')
		ORDER BY 1"
}
# The sample data's rows, the names of persons and organisations among them.
gegevens() {
	psql -d "$1" -At -c "SELECT t.tabel || ' ' || t.rijen FROM klantinteracties.genereer_voorbeelddata(300) t" \
		-c "SELECT p.contactnaam_voornaam || ' ' || p.contactnaam_achternaam || ' ' || coalesce(d.adres, '')
			  FROM klantinteracties.persoon p
			  LEFT JOIN klantinteracties.digitaal_adres d ON d.verstrekt_door_partij = p.partij AND d.soort_digitaal_adres = 'email'
			 ORDER BY p.partij, d.adres" \
		-c "SELECT naam FROM klantinteracties.organisatie ORDER BY partij"
}

maak "$utf8" UTF8
psql -d "$utf8" -c "CREATE EXTENSION klantinteracties CASCADE" || mislukt "cannot install in UTF8"
commentaar "$utf8" > /tmp/ki_codering_$$.utf8
gegevens "$utf8" > /tmp/ki_codering_$$.utf8.rijen
trap 'opruimen; rm -f /tmp/ki_codering_$$.*' EXIT
aantal=$(wc -l < /tmp/ki_codering_$$.utf8)
namen=$(grep -cE 'Ay.e |Y.lmaz|.ahin' /tmp/ki_codering_$$.utf8.rijen)
[ "$namen" -gt 0 ] || mislukt "the sample data of 300 partijen has none of the three names"

for enc in LATIN1 SQL_ASCII; do
	db=$latin1; [ "$enc" = SQL_ASCII ] && db=$ascii
	maak "$db" "$enc"
	if ! psql -d "$db" -c "CREATE EXTENSION klantinteracties CASCADE"; then
		fout "CREATE EXTENSION in a $enc database"
		continue
	fi
	commentaar "$db" > /tmp/ki_codering_$$.$enc
	if cmp -s /tmp/ki_codering_$$.utf8 /tmp/ki_codering_$$.$enc; then
		ok "$enc: the $aantal comments are those of a UTF8 database"
	else
		fout "$enc: comments differ from a UTF8 database:"
		diff /tmp/ki_codering_$$.utf8 /tmp/ki_codering_$$.$enc | head -n 6 | cut -c1-200
	fi
	gegevens "$db" > /tmp/ki_codering_$$.$enc.rijen
	if [ "$enc" = LATIN1 ]; then
		# What a UTF8 database has, with the three names in ASCII.
		sed 's/Ayşe/Ayse/g; s/Yılmaz/Yilmaz/g; s/Şahin/Sahin/g' /tmp/ki_codering_$$.utf8.rijen > /tmp/ki_codering_$$.verwacht
		wat="the same rows, with Ayse, Yilmaz, Sahin in ASCII ($namen rows with them)"
	else
		cp /tmp/ki_codering_$$.utf8.rijen /tmp/ki_codering_$$.verwacht
		wat="the same rows, names as written ($namen rows with Ayşe, Yılmaz, Şahin)"
	fi
	if cmp -s /tmp/ki_codering_$$.verwacht /tmp/ki_codering_$$.$enc.rijen \
		&& ! grep -q 'Ã\|Å\|Ä' /tmp/ki_codering_$$.$enc.rijen; then
		ok "$enc: genereer_voorbeelddata: $wat"
	else
		fout "$enc: genereer_voorbeelddata differs:"
		diff /tmp/ki_codering_$$.verwacht /tmp/ki_codering_$$.$enc.rijen | head -n 6
	fi
done
# 'Café' (a Latin-1 letter in the data) came through in LATIN1.
grep -q '^Café ' /tmp/ki_codering_$$.LATIN1.rijen && ok "LATIN1: Café as written" || fout "LATIN1: no Café"

maak "$cyr" WIN1251
fout1=$("$bin/psql" -X -q -d "$cyr" -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -c "CREATE EXTENSION klantinteracties CASCADE" 2>&1)
rest=$(psql -d "$cyr" -At -c "SELECT count(*) FROM pg_extension WHERE extname = 'klantinteracties'")
if echo "$fout1" | grep -q '^ERROR:  22P05: character with byte sequence .* has no equivalent in encoding "WIN1251"' \
	&& [ "$rest" = 0 ]; then
	ok "WIN1251: CREATE EXTENSION stops with 22P05 (no equivalent in WIN1251), nothing installed"
else
	fout "WIN1251: $fout1 (installed: $rest)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
