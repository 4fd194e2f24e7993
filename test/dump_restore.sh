#!/usr/bin/env bash
# pg_dump of a database holding rows in every registry table, restored into
# a fresh database, gives identical rows: the tables are extension
# configuration tables (pg_extension_config_dump), so their data is dumped,
# and restoring it must get past the constraints and triggers that exist
# before the data is loaded.  One check per table for the plain (serial)
# restore.
#
# Then the parallel restores of docs/operations.md: a plain pg_restore -j N
# cannot work (the foreign keys between the configuration tables exist
# before the data is loaded, and pg_dump gives each table's data no
# dependency on the data of the tables it references, so parallel workers
# load a child before its parent commits; the test shows it failing, not
# counted), so the data is loaded with the triggers off, the foreign keys'
# included: pre-data, then data-only with --disable-triggers and -j 2 and
# -j 4, then post-data; and in one command with session_replication_role =
# replica.  Each must give the same rows in every table, the triggers
# enabled again, and every CHECK, foreign key and NOT NULL holding
# (test/upgrade/controle.sql).  Prints "N passed, M failed".
#
# Run by scripts/test.sh with PGHOST/PGPORT/PGUSER set and KI_TEST_BINDIR the
# bin directory of the installation under test.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory holding pg_dump}
bron=ki_dump_bron_$$
doel=ki_dump_doel_$$
dump=$(mktemp /tmp/ki_dump.XXXXXX)

export PGOPTIONS='-c client_min_messages=warning'
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
opruimen() {
	psql -d postgres -c "DROP DATABASE IF EXISTS $bron" -c "DROP DATABASE IF EXISTS $doel" >/dev/null 2>&1
	for d in $parallel_dbs; do psql -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1; done
	rm -f "$dump" "$dump.log"
}
parallel_dbs="${doel}_j ${doel}_j2 ${doel}_j4 ${doel}_r4"
trap opruimen EXIT
mislukt() { echo "dump_restore: $1" >&2; echo "0 passed, 1 failed"; exit 1; }

psql -d postgres -c "CREATE DATABASE $bron" -c "CREATE DATABASE $doel" || mislukt "cannot create databases"
psql -d "$bron" -c "CREATE EXTENSION klantinteracties CASCADE" >/dev/null || mislukt "cannot create extension"
# The month partitions of the audit trail and the access log (made after
# installation, so no members of the extension: pg_dump dumps them as tables
# of their own) for this month; older rows stay in the default partitions.
psql -d "$bron" -c "SELECT count(*) FROM klantinteracties.logpartities_onderhouden(0)" >/dev/null \
	|| mislukt "cannot make the log partitions"

# Rows in every table, with the features that make restoring hard: a
# self-reference (vestigingsnummer under kvk_nummer), composite keys with
# generated columns, standaard/voorkeur flags, afgehandeld_op, and updated
# rows whose gewijzigd_op differs from geregistreerd_op.
psql -d "$bron" <<'SQL' || mislukt "cannot load data"
SET search_path = klantinteracties;
INSERT INTO partij (uuid, nummer, soort_partij, indicatie_actief, interne_notitie, voorkeurstaal,
	bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer, bezoekadres_postcode,
	bezoekadres_stad, bezoekadres_land, correspondentieadres_adresregel1, correspondentieadres_land,
	geregistreerd_op, gewijzigd_op) VALUES
	('00000000-0000-0000-0000-000000000001', '1', 'persoon', true, 'Belt liever na 17 uur', 'nld',
	 '0363200000123456', 'Amstel', 1, '1015 CJ', 'Amsterdam', 'NL', 'Rue de la Loi 1', 'BE',
	 '2020-01-01 12:00+00', '2021-06-01 08:30+00'),
	('00000000-0000-0000-0000-000000000002', '2', 'organisatie', true, '', '', NULL, '', NULL, NULL, '', NULL, '', NULL, DEFAULT, DEFAULT),
	('00000000-0000-0000-0000-000000000003', NULL, 'contactpersoon', true, '', '', NULL, '', NULL, NULL, '', NULL, '', NULL, DEFAULT, DEFAULT),
	('00000000-0000-0000-0000-000000000004', NULL, 'organisatie', false, '', '', NULL, '', NULL, NULL, '', NULL, '', NULL, DEFAULT, DEFAULT);
INSERT INTO persoon (partij, contactnaam_voorletters, contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
VALUES ('00000000-0000-0000-0000-000000000001', 'K', 'Karel', 'van', 'Deurne');
INSERT INTO organisatie (partij, naam) VALUES ('00000000-0000-0000-0000-000000000002', 'Bakkerij de Krakeling'),
	('00000000-0000-0000-0000-000000000004', 'Filiaal Noord');
INSERT INTO contactpersoon (partij, werkte_voor_partij, contactnaam_voornaam, contactnaam_achternaam)
VALUES ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002', 'Jan', 'Jansen');
INSERT INTO partij_identificator (uuid, identificeerde_partij, sub_identificator_van, code_register, code_objecttype, code_soort_object_id, object_id) VALUES
	('00000000-0000-0000-0000-000000000012', '00000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-000000000011', 'hr', 'vestiging', 'vestigingsnummer', '000012345678'),
	('00000000-0000-0000-0000-000000000011', '00000000-0000-0000-0000-000000000002', NULL, 'hr', 'niet_natuurlijk_persoon', 'kvk_nummer', '12345678'),
	('00000000-0000-0000-0000-000000000013', '00000000-0000-0000-0000-000000000002', NULL, 'hr', 'niet_natuurlijk_persoon', 'rsin', '296648875'),
	('00000000-0000-0000-0000-000000000014', '00000000-0000-0000-0000-000000000001', NULL, 'brp', 'natuurlijk_persoon', 'bsn', '1112.22.333');
INSERT INTO vertegenwoordiging (vertegenwoordigende_partij, vertegenwoordigde_partij)
VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001');
INSERT INTO categorie (uuid, naam) VALUES ('00000000-0000-0000-0000-000000000021', 'Ondernemer');
INSERT INTO categorie_relatie (partij, categorie, begin_datum, eind_datum)
VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000021', '2024-01-01', '2024-12-31');
-- The reference list of kanalen; email has ended since (a restore loads
-- the klantcontact on it all the same); the others are those the sample
-- data below writes (genereer_voorbeelddata), which the list must allow.
INSERT INTO kanaal (code, naam, geldig_vanaf, geldig_tot)
VALUES ('telefoon', 'Telefoon', NULL, NULL), ('email', 'E-mail', '2020-01-01', NULL),
	('e-mail', 'E-mail', NULL, NULL), ('balie', 'Balie', NULL, NULL), ('webformulier', 'Webformulier', NULL, NULL),
	('brief', 'Brief', NULL, NULL), ('chat', 'Chat', NULL, NULL);
INSERT INTO klantcontact (uuid, nummer, referentienummer, kanaal, onderwerp, inhoud, indicatie_contact_gelukt, taal, vertrouwelijk,
	plaatsgevonden_op, metadata, hoofd_onderwerp_type)
VALUES ('00000000-0000-0000-0000-000000000031', '1', '100', 'telefoon', 'Paspoort', 'Vraag over de kosten', true, 'nld', false,
	'2024-03-01 09:15+01', '{"Betreft": "Paspoortaanvraag", "Type": "Vraag"}', 'https://catalogi.example.nl/api/v1/zaaktypen/1'),
	('00000000-0000-0000-0000-000000000032', NULL, NULL, 'email', 'Antwoord', '', NULL, 'nld', true, DEFAULT, DEFAULT, '');
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator, contactnaam_voornaam, contactnaam_achternaam,
	correspondentieadres_postcode, correspondentieadres_huisnummer, bezoekadres_land)
VALUES ('00000000-0000-0000-0000-000000000041', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000031',
	'klant', true, 'Karel', 'van Deurne', '1008 DG', 12, 'NL'),
	('00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000031',
	'vertegenwoordiger', false, 'Jan', 'Jansen', NULL, NULL, NULL);
INSERT INTO onderwerpobject (klantcontact, was_klantcontact, onderwerpobjectidentificator_object_id,
	onderwerpobjectidentificator_code_objecttype, onderwerpobjectidentificator_code_register, onderwerpobjectidentificator_code_soort_object_id)
VALUES ('00000000-0000-0000-0000-000000000032', '00000000-0000-0000-0000-000000000031', 'ZAAK-2024-0001', 'zaak', 'open-zaak', 'identificatie');
INSERT INTO bijlage (was_bijlage_van_klantcontact, bijlageidentificator_object_id, bijlageidentificator_code_objecttype)
VALUES ('00000000-0000-0000-0000-000000000032', 'https://drc.example.nl/enkelvoudiginformatieobjecten/1', 'informatieobject');
INSERT INTO digitaal_adres (verstrekt_door_partij, verstrekt_door_betrokkene, soort_digitaal_adres, adres, is_standaard_adres,
	is_voorkeursadres, omschrijving, referentie, verificatie_datum) VALUES
	('00000000-0000-0000-0000-000000000001', NULL, 'email', 'Karel@Example.com', true, true, 'privé', 'portaalvoorkeur', '2024-02-01'),
	('00000000-0000-0000-0000-000000000001', NULL, 'telefoonnummer', '06-12345678', true, false, '', '', NULL),
	('00000000-0000-0000-0000-000000000001', NULL, 'telefoonnummer', '020 123 4567', false, false, '', '', NULL),
	(NULL, '00000000-0000-0000-0000-000000000041', 'overig', 'karel op de app', false, false, '', '', NULL);
INSERT INTO rekeningnummer (partij, iban, bic, is_voorkeursrekeningnummer)
VALUES ('00000000-0000-0000-0000-000000000001', 'NL91ABNA0417164300', 'ABNANL2A', true),
	('00000000-0000-0000-0000-000000000002', 'NL91ABNA0417164300', NULL, false);
INSERT INTO actor (uuid, naam, soort_actor, actoridentificator_object_id) VALUES
	('00000000-0000-0000-0000-000000000051', 'Mila de Boer', 'medewerker', 'mdeboer'),
	('00000000-0000-0000-0000-000000000052', 'Mailbot', 'geautomatiseerde_actor', ''),
	('00000000-0000-0000-0000-000000000053', 'Klantcontactcentrum', 'organisatorische_eenheid', '');
INSERT INTO medewerker (actor, functie, emailadres, telefoonnummer)
VALUES ('00000000-0000-0000-0000-000000000051', 'Klantcontactmedewerker', 'mila.de.boer@gemeente.nl', '020-1234567');
INSERT INTO geautomatiseerde_actor (actor, functie, omschrijving) VALUES ('00000000-0000-0000-0000-000000000052', 'Mail lezen', 'Leest info@');
INSERT INTO organisatorische_eenheid (actor, omschrijving, emailadres, faxnummer, telefoonnummer)
VALUES ('00000000-0000-0000-0000-000000000053', 'KCC', 'kcc@gemeente.nl', '020-7654321', '0800 1234');
INSERT INTO actor_klantcontact (actor, klantcontact) VALUES ('00000000-0000-0000-0000-000000000051', '00000000-0000-0000-0000-000000000031');
INSERT INTO interne_taak (uuid, nummer, gevraagde_handeling, aanleidinggevend_klantcontact, toelichting) VALUES
	('00000000-0000-0000-0000-000000000061', '1', 'Terugbellen', '00000000-0000-0000-0000-000000000031', 'Na 17 uur'),
	('00000000-0000-0000-0000-000000000062', '2', 'Zaak aanmaken', '00000000-0000-0000-0000-000000000031', '');
INSERT INTO interne_taak_actor (interne_taak, actor) VALUES
	('00000000-0000-0000-0000-000000000061', '00000000-0000-0000-0000-000000000051'),
	('00000000-0000-0000-0000-000000000062', '00000000-0000-0000-0000-000000000053');
INSERT INTO samengevoegde_partij (opgeheven_partij, behouden_partij)
VALUES ('00000000-0000-0000-0000-000000000099', '00000000-0000-0000-0000-000000000001');
SQL
# Later transactions: updated rows get another gewijzigd_op.  A logged
# lookup and an erasure fill the access log and the erasure record; rows of
# 2015 in the logs land in the default partitions; a retention period and
# a retention run (which destroys nothing: 50 years) fill bewaartermijn and
# vernietigingslog.
psql -d "$bron" -c "UPDATE klantinteracties.interne_taak SET status = 'verwerkt' WHERE nummer = '1'" \
	-c "UPDATE klantinteracties.kanaal SET geldig_tot = '2021-01-01' WHERE code = 'email'" \
	-c "UPDATE klantinteracties.digitaal_adres SET is_standaard_adres = true WHERE adres = '020 123 4567'" \
	-c "SELECT klantinteracties.inzage_vastleggen('klantbeeld', '{00000000-0000-0000-0000-000000000001}', 'dump en restore')" \
	-c "INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0000-000000000005', 'persoon', true)" \
	-c "SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0000-000000000005', 'dump en restore')" \
	-c "INSERT INTO klantinteracties.wijzigingslog (tijdstip, tabel, bewerking, sleutel, gebruiker, rol) VALUES ('2015-06-01+00', 'partij', 'INSERT', 'oud', 'postgres', 'postgres')" \
	-c "INSERT INTO klantinteracties.inzagelog (tijdstip, handeling, doelbinding, gebruiker, rol) VALUES ('2015-06-01+00', 'klantbeeld', 'dump en restore', 'postgres', 'postgres')" \
	-c "INSERT INTO klantinteracties.bewaartermijn (soort, termijn, bron) VALUES ('inzagelog', '50 years', 'dump en restore')" \
	-c "SELECT klantinteracties.vernietig_verlopen()" \
	>/dev/null || mislukt "cannot update data"
# Enough rows that parallel workers race: the sample data of 1,000 partijen.
psql -d "$bron" -c "SELECT count(*) FROM klantinteracties.genereer_voorbeelddata(1000)" >/dev/null \
	|| mislukt "cannot load sample data"

# pg_dump warns that partij_identificator references itself; its rows are
# loaded by one COPY, at whose end the foreign keys are checked, so the
# restore works (which is what this test shows).  The warning is kept out
# of the output unless pg_dump fails.
"$bin/pg_dump" -Fc -f "$dump" "$bron" 2>"$dump.log" || { cat "$dump.log" >&2; mislukt "pg_dump failed"; }
"$bin/pg_restore" --exit-on-error -d "$doel" "$dump" || mislukt "pg_restore failed"

tabellen=$(psql -d "$bron" -At -c "SELECT c.relname FROM pg_class c
	WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r' ORDER BY 1")
inhoud() {
	psql -d "$1" -At -c "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), ''))
		FROM klantinteracties.$2 t"
}
passed=0
failed=0
# The stored klantbeeld's queue holds rows only inside the transaction that
# wrote them (emptied at its COMMIT): empty before and after.
leeg=" klantbeeld_wachtrij "
for t in $tabellen; do
	a=$(inhoud "$bron" "$t")
	b=$(inhoud "$doel" "$t")
	if [[ "$leeg" == *" $t "* ]]; then
		n=0
	else
		n=1
	fi
	if [ "${a%% *}" -ge "$n" ] && { [ "$n" -eq 1 ] || [ "${a%% *}" -eq 0 ]; } && [ "$a" = "$b" ]; then
		echo "ok   $t (${a%% *} rows)"
		passed=$((passed + 1))
	else
		echo "FAIL $t: before '$a', after '$b'"
		failed=$((failed + 1))
	fi
done

# The parallel restores.  alles DB: "rows tables" when every table equals
# the source's, else the tables that differ.
alles() {
	local t a b n=0 m=0 anders=""
	for t in $tabellen; do
		a=$(inhoud "$bron" "$t"); b=$(inhoud "$1" "$t")
		if [ "$a" = "$b" ]; then n=$((n + ${a%% *})); m=$((m + 1)); else anders="$anders $t"; fi
	done
	[ -z "$anders" ] && echo "$n rows in $m tables" || { echo "differ:$anders"; return 1; }
}
triggers() {
	psql -d "$1" -At -c "SELECT string_agg(t.tgenabled::text || ' ' || n, ', ' ORDER BY t.tgenabled)
		FROM (SELECT t.tgenabled, count(*) AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
			   WHERE c.relnamespace = 'klantinteracties'::regnamespace GROUP BY 1) t"
}
bron_triggers=$(triggers "$bron")
[ -n "$bron_triggers" ] || mislukt "cannot count the triggers"
hersteld() {
	local naam=$1 db=$2 rijen regels
	if ! rijen=$(alles "$db"); then
		echo "FAIL $naam: $rijen"; failed=$((failed + 1)); return
	fi
	if [ "$(triggers "$db")" != "$bron_triggers" ]; then
		echo "FAIL $naam: triggers $(triggers "$db"), the source has $bron_triggers"; failed=$((failed + 1)); return
	fi
	regels=$(psql -d "$db" -f test/upgrade/controle.sql 2>&1) || {
		echo "FAIL $naam: checking the rules: $regels"; failed=$((failed + 1)); return; }
	if [ -n "$(echo "$regels" | awk -F' [|] ' '$4 != 0')" ]; then
		echo "FAIL $naam: rules broken: $(echo "$regels" | awk -F' [|] ' '$4 != 0' | head -n 5)"
		failed=$((failed + 1)); return
	fi
	echo "ok   $naam: $rijen the same, triggers $bron_triggers, $(echo "$regels" | wc -l) rules hold"
	passed=$((passed + 1))
}
maak() { psql -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" || mislukt "cannot create database $1"; }

# Plain pg_restore -j 2: shown, not counted.
maak "${doel}_j"
if fout=$("$bin/pg_restore" -j 2 --exit-on-error -d "${doel}_j" "$dump" 2>&1); then
	echo "note plain pg_restore -j 2 worked this time (docs/operations.md says why it can fail)"
else
	echo "note plain pg_restore -j 2 failed, as docs/operations.md says: $(echo "$fout" | grep -m 1 ERROR)"
fi

for j in 2 4; do
	maak "${doel}_j$j"
	if "$bin/pg_restore" --exit-on-error --section=pre-data -d "${doel}_j$j" "$dump" \
		&& "$bin/pg_restore" --exit-on-error --section=data --disable-triggers -j "$j" -d "${doel}_j$j" "$dump" \
		&& "$bin/pg_restore" --exit-on-error --section=post-data -d "${doel}_j$j" "$dump"; then
		hersteld "pg_restore pre-data, data --disable-triggers -j $j, post-data" "${doel}_j$j"
	else
		echo "FAIL pg_restore pre-data, data --disable-triggers -j $j, post-data"; failed=$((failed + 1))
	fi
done
maak "${doel}_r4"
if PGOPTIONS="$PGOPTIONS -c session_replication_role=replica" \
	"$bin/pg_restore" --exit-on-error -j 4 -d "${doel}_r4" "$dump"; then
	hersteld "pg_restore -j 4 with session_replication_role = replica" "${doel}_r4"
else
	echo "FAIL pg_restore -j 4 with session_replication_role = replica"; failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
