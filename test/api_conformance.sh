#!/usr/bin/env bash
# Conformance of the REST API with the Klantinteracties OpenAPI contract:
# every row of every view of schema klantinteracties_api, read as PostgREST
# reads it (GET /<view> as the API role, through test/pgrst_emulatie.sql),
# over the data set test/api_gegevens.sql plus resources created through
# the API (POST bodies as Open Klant's API tests send them, and
# /rpc/maak_klantcontact), is validated with ajv against the component
# schema of its resource (test/conformance/valideer.mjs).  Prints the
# number of documents validated and "N passed, M failed".
#
# Run by scripts/test.sh with PGHOST/PGPORT/PGUSER set and KI_TEST_BINDIR the
# bin directory of the installation under test.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${KI_TEST_BINDIR:?KI_TEST_BINDIR must name the bin directory holding psql}
# The contract, as VNG publishes it for API version 0.9.0 (Open Klant 2.18.0).
spec=test/conformance/klantinteracties-openapi.yaml
db=ki_api_conformance_$$
docs=$(mktemp /tmp/ki_api_docs.XXXXXX)

export PGOPTIONS='-c client_min_messages=warning'
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
opruimen() {
	psql -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
	psql -d postgres -c "REVOKE klantinteracties_bsn, klantinteracties_geheim FROM klantinteracties_lezer" >/dev/null 2>&1
	rm -f "$docs"
}
trap opruimen EXIT
mislukt() { echo "api_conformance: $1" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v node >/dev/null || mislukt "node is missing (make deps installs it)"
if [ ! -d test/conformance/node_modules ]; then
	(cd test/conformance && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || mislukt "npm ci failed"
fi

psql -d postgres -c "CREATE DATABASE $db" || mislukt "cannot create database"
psql -d "$db" -c "CREATE EXTENSION klantinteracties CASCADE" || mislukt "cannot create extension"
psql -d "$db" -f test/api_gegevens.sql || mislukt "cannot load data"
psql -d "$db" -c '\set ECHO none' -f test/pgrst_emulatie.sql \
	-c "GRANT klantinteracties_bsn, klantinteracties_geheim TO klantinteracties_lezer" >/dev/null \
	|| mislukt "cannot set up the emulation"

# Requests as PostgREST sends them; each answer is one document.  A failed
# request yields its error body, which fails validation visibly.
psql -d "$db" -At >>"$docs" <<'SQL' || mislukt "API requests failed"
SET SESSION AUTHORIZATION authenticator;
CREATE TEMP TABLE antwoorden (schema text, bron text, status integer, doc jsonb);
INSERT INTO antwoorden SELECT 'Partij', 'POST /partijen (persoon)', status, antwoord -> 0 FROM pgrst.http('POST', '/partijen', '{
	"nummer": "1298329191", "interneNotitie": "interneNotitie", "digitaleAdressen": [], "voorkeursDigitaalAdres": null,
	"rekeningnummers": [], "voorkeursRekeningnummer": null, "indicatieGeheimhouding": true, "voorkeurstaal": "ndl",
	"indicatieActief": true, "soortPartij": "persoon",
	"bezoekadres": {"nummeraanduidingId": "0363200000123457", "straatnaam": "straat", "huisnummer": 10,
		"huisnummertoevoeging": "A2", "postcode": "1008 DG", "stad": "Amsterdam", "adresregel1": "adres1",
		"adresregel2": "adres2", "adresregel3": "adres3", "land": "NL"},
	"correspondentieadres": {"adresregel1": "adres1", "land": "BE"},
	"partijIdentificatie": {"contactnaam": {"voorletters": "P", "voornaam": "Phil", "voorvoegselAchternaam": "",
		"achternaam": "Bozeman"}},
	"partijIdentificatoren": [{"anderePartijIdentificator": "", "partijIdentificator": {"codeObjecttype": "natuurlijk_persoon",
		"codeSoortObjectId": "bsn", "objectId": "296648875", "codeRegister": "brp"}}]}');
INSERT INTO antwoorden SELECT 'Partij', 'POST /partijen (organisatie)', status, antwoord -> 0 FROM pgrst.http('POST', '/partijen', '{
	"uuid": "00000000-0000-0000-00cd-000000000001", "soortPartij": "organisatie", "indicatieActief": true,
	"partijIdentificatie": {"naam": "Grote Handel BV"},
	"digitaleAdressen": [{"uuid": "00000000-0000-0000-00cc-000000000055"}],
	"voorkeursDigitaalAdres": {"uuid": "00000000-0000-0000-00cc-000000000055"},
	"rekeningnummers": [{"uuid": "00000000-0000-0000-00cc-000000000063"}],
	"voorkeursRekeningnummer": {"uuid": "00000000-0000-0000-00cc-000000000063"},
	"partijIdentificatoren": [{"uuid": "00000000-0000-0000-00cd-000000000002", "partijIdentificator": {
		"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer", "objectId": "87654321", "codeRegister": "hr"}}]}');
INSERT INTO antwoorden SELECT 'Partij', 'POST /partijen (contactpersoon)', status, antwoord -> 0 FROM pgrst.http('POST', '/partijen', '{
	"soortPartij": "contactpersoon", "indicatieActief": false,
	"partijIdentificatie": {"werkteVoorPartij": {"uuid": "00000000-0000-0000-00cd-000000000001"},
		"contactnaam": {"voornaam": "Els", "achternaam": "Vos"}}}');
INSERT INTO antwoorden SELECT 'PartijIdentificator', 'POST /partij-identificatoren', status, antwoord -> 0 FROM pgrst.http('POST', '/partij-identificatoren', '{
	"identificeerdePartij": {"uuid": "00000000-0000-0000-00cc-000000000007"},
	"subIdentificatorVan": {"uuid": "00000000-0000-0000-00cd-000000000002"},
	"partijIdentificator": {"codeObjecttype": "vestiging", "codeSoortObjectId": "vestigingsnummer", "objectId": "000012345678", "codeRegister": "hr"}}');
INSERT INTO antwoorden SELECT 'DigitaalAdres', 'POST /digitaleadressen', status, antwoord -> 0 FROM pgrst.http('POST', '/digitaleadressen', '{
	"verstrektDoorBetrokkene": null, "verstrektDoorPartij": {"uuid": "00000000-0000-0000-00cd-000000000001"},
	"adres": "+31 (0)20 555 1234", "soortDigitaalAdres": "telefoonnummer", "isStandaardAdres": true,
	"omschrijving": "centrale", "referentie": "", "verificatieDatum": "2024-05-01"}');
INSERT INTO antwoorden SELECT 'Rekeningnummer', 'POST /rekeningnummers', status, antwoord -> 0 FROM pgrst.http('POST', '/rekeningnummers', '{
	"partij": {"uuid": "00000000-0000-0000-00cc-000000000001"}, "iban": "GB82 WEST 1234 5698 7654 32", "bic": ""}');
INSERT INTO antwoorden SELECT 'Vertegenwoordigden', 'POST /vertegenwoordigingen', status, antwoord -> 0 FROM pgrst.http('POST', '/vertegenwoordigingen', '{
	"vertegenwoordigendePartij": {"uuid": "00000000-0000-0000-00cd-000000000001"},
	"vertegenwoordigdePartij": {"uuid": "00000000-0000-0000-00cc-000000000001"}}');
INSERT INTO antwoorden SELECT 'Categorie', 'POST /categorieen', status, antwoord -> 0 FROM pgrst.http('POST', '/categorieen', '{"naam": "Zorgklant"}');
INSERT INTO antwoorden SELECT 'CategorieRelatie', 'POST /categorie-relaties', status, antwoord -> 0 FROM pgrst.http('POST', '/categorie-relaties', '{
	"partij": {"uuid": "00000000-0000-0000-00cc-000000000001"}, "categorie": {"uuid": "00000000-0000-0000-00cc-000000000021"},
	"eindDatum": null}');
INSERT INTO antwoorden SELECT 'Actor', 'POST /actoren (medewerker)', status, antwoord -> 0 FROM pgrst.http('POST', '/actoren', '{
	"uuid": "00000000-0000-0000-00cd-000000000003", "naam": "Sanne", "soortActor": "medewerker", "indicatieActief": true,
	"actoridentificator": {"objectId": "123456215", "codeObjecttype": "mdw", "codeRegister": "ldap", "codeSoortObjectId": "sid"},
	"actorIdentificatie": {"functie": "Regisseur", "emailadres": "Sanne@Gemeente.NL", "telefoonnummer": "0612345678"}}');
INSERT INTO antwoorden SELECT 'Actor', 'POST /actoren (geautomatiseerde_actor)', status, antwoord -> 0 FROM pgrst.http('POST', '/actoren', '{
	"naam": "Chatbot", "soortActor": "geautomatiseerde_actor", "actorIdentificatie": {"functie": "chat"}}');
INSERT INTO antwoorden SELECT 'Actor', 'POST /actoren (organisatorische_eenheid)', status, antwoord -> 0 FROM pgrst.http('POST', '/actoren', '{
	"naam": "Burgerzaken", "soortActor": "organisatorische_eenheid", "actorIdentificatie": {"omschrijving": "Burgerzaken",
	"emailadres": "", "faxnummer": "020-1111111", "telefoonnummer": "0201234567"}}');
INSERT INTO antwoorden SELECT 'MaakKlantcontact', 'POST /rpc/maak_klantcontact', status, antwoord FROM pgrst.http('POST', '/rpc/maak_klantcontact', '{
	"klantcontact": {"uuid": "00000000-0000-0000-00cd-000000000004", "kanaal": "telefoon", "onderwerp": "Afval",
		"inhoud": "Container niet geleegd", "indicatieContactGelukt": true, "taal": "nld", "vertrouwelijk": false,
		"plaatsgevondenOp": "2024-04-01T10:00:00+02:00", "metadata": {"wijk": "Noord"}},
	"betrokkene": {"wasPartij": {"uuid": "00000000-0000-0000-00cc-000000000001"}, "rol": "klant", "initiator": true,
		"contactnaam": {"voornaam": "Karel"}, "bezoekadres": {"postcode": "1015CJ", "huisnummer": 1}},
	"onderwerpobject": {"onderwerpobjectidentificator": {"objectId": "b2a5a4cc-0000-4000-8000-000000000001",
		"codeObjecttype": "zaak", "codeRegister": "open-zaak", "codeSoortObjectId": "uuid"}}}');
INSERT INTO antwoorden SELECT 'Bijlage', 'POST /bijlagen', status, antwoord -> 0 FROM pgrst.http('POST', '/bijlagen', '{
	"wasBijlageVanKlantcontact": {"uuid": "00000000-0000-0000-00cd-000000000004"},
	"bijlageidentificator": {"objectId": "1", "codeObjecttype": "foto", "codeRegister": "drc", "codeSoortObjectId": "id"}}');
INSERT INTO antwoorden SELECT 'ActorKlantcontact', 'POST /actorklantcontacten', status, antwoord -> 0 FROM pgrst.http('POST', '/actorklantcontacten', '{
	"actor": {"uuid": "00000000-0000-0000-00cd-000000000003"}, "klantcontact": {"uuid": "00000000-0000-0000-00cd-000000000004"}}');
INSERT INTO antwoorden SELECT 'InterneTaak', 'POST /internetaken', status, antwoord -> 0 FROM pgrst.http('POST', '/internetaken', '{
	"gevraagdeHandeling": "Container legen", "aanleidinggevendKlantcontact": {"uuid": "00000000-0000-0000-00cd-000000000004"},
	"toegewezenAanActoren": [{"uuid": "00000000-0000-0000-00cd-000000000003"}, {"uuid": "00000000-0000-0000-00cc-000000000072"}],
	"toelichting": "Vandaag nog", "status": "verwerkt"}');
INSERT INTO antwoorden SELECT 'Betrokkene', 'POST /betrokkenen', status, antwoord -> 0 FROM pgrst.http('POST', '/betrokkenen', '{
	"hadKlantcontact": {"uuid": "00000000-0000-0000-00cc-000000000033"}, "rol": "vertegenwoordiger", "initiator": false,
	"organisatienaam": "Buren", "correspondentieadres": {"adresregel1": "Postbus 1", "land": "DE"}}');
INSERT INTO antwoorden SELECT 'Onderwerpobject', 'POST /onderwerpobjecten', status, antwoord -> 0 FROM pgrst.http('POST', '/onderwerpobjecten', '{
	"klantcontact": {"uuid": "00000000-0000-0000-00cc-000000000033"}, "wasKlantcontact": null, "onderwerpobjectidentificator": null}');
INSERT INTO antwoorden SELECT 'Klantcontact', 'PATCH /klantcontacten', status, antwoord -> 0 FROM pgrst.http('PATCH',
	'/klantcontacten?uuid=eq.00000000-0000-0000-00cd-000000000004', '{"reactie": "Opgelost", "referentienummer": "55"}');
-- Every request must have succeeded.
SELECT 'request failed: ' || bron || ': ' || status || ' ' || doc::text FROM antwoorden WHERE status NOT IN (200, 201);
SELECT json_build_object('schema', schema, 'bron', bron, 'doc', doc) FROM antwoorden;
SQL
if grep -q '^request failed' "$docs"; then
	grep '^request failed' "$docs" >&2
	mislukt "API requests failed"
fi

# Every row of every view, as GET /<view> returns it to the API role.
psql -d "$db" -At >>"$docs" <<'SQL' || mislukt "reading the views failed"
SET SESSION AUTHORIZATION authenticator;
CREATE TEMP TABLE views (naam text, schema text);
INSERT INTO views VALUES ('partijen', 'Partij'), ('partij-identificatoren', 'PartijIdentificator'),
	('digitaleadressen', 'DigitaalAdres'), ('rekeningnummers', 'Rekeningnummer'),
	('vertegenwoordigingen', 'Vertegenwoordigden'), ('categorieen', 'Categorie'),
	('categorie-relaties', 'CategorieRelatie'), ('klantcontacten', 'Klantcontact'), ('betrokkenen', 'Betrokkene'),
	('onderwerpobjecten', 'Onderwerpobject'), ('bijlagen', 'Bijlage'), ('actoren', 'Actor'),
	('actorklantcontacten', 'ActorKlantcontact'), ('internetaken', 'InterneTaak');
SELECT json_build_object('schema', v.schema, 'bron', 'GET /' || v.naam, 'doc', e)
  FROM views v, pgrst.http('GET', '/' || v.naam, rol => 'klantinteracties_lezer') h, jsonb_array_elements(h.antwoord) e
 ORDER BY v.naam;
SQL

# The data set must reach every view, and the views must be exactly the 14
# (besides the citizen's own mijn_* views, which are no resources of the
# contract and show rows only to a citizen: docs/security.md).
leeg=$(psql -d "$db" -At -c "SELECT string_agg(c.relname, ', ') FROM pg_class c
	WHERE c.relnamespace = 'klantinteracties_api'::regnamespace AND c.relkind = 'v' AND c.relname NOT LIKE 'mijn\_%'
	  AND (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM klantinteracties_api.%I', c.relname),
			false, true, '')))[1]::text::integer = 0")
[ -z "$leeg" ] || mislukt "views without rows: $leeg"
aantal=$(psql -d "$db" -At -c "SELECT count(*) FROM pg_class WHERE relnamespace = 'klantinteracties_api'::regnamespace AND relkind = 'v'
	AND relname NOT LIKE 'mijn\_%'")
[ "$aantal" -eq 14 ] || mislukt "expected 14 views, found $aantal"

node test/conformance/valideer.mjs "$spec" "$docs"
