-- REST API, partij side, through the PostgREST emulation: POST, PATCH and
-- DELETE of /partijen, /partij-identificatoren, /digitaleadressen,
-- /rekeningnummers, /vertegenwoordigingen, /categorieen,
-- /categorie-relaties with bodies as Open Klant's API tests send them;
-- refusals with SQLSTATE and the HTTP status PostgREST gives; lists,
-- filters and lookups; roles.
SET search_path = klantinteracties, public;
\set ECHO none
\i test/pgrst_emulatie.sql
\set ECHO all
-- Quietly: a rerun reports the memberships that exist already.
SET client_min_messages = warning;
SELECT klantinteracties.maak_api_rollen();
-- Idempotent: a second run changes nothing.
SELECT klantinteracties.maak_api_rollen();
-- The API roles act here as a KCC application that may see BSNs and secret
-- partijen: the scopes bsn and geheim (docs/security.md); revoked at the end.
GRANT klantinteracties_bsn, klantinteracties_geheim TO klantinteracties_lezer;
RESET client_min_messages;
SELECT rolname, rolcanlogin, rolinherit FROM pg_roles
 WHERE rolname IN ('authenticator', 'web_anon', 'klantinteracties_lezer', 'klantinteracties_schrijver') ORDER BY 1;
SET SESSION AUTHORIZATION authenticator;

-- Acceptance: a persoon with bezoekadres, partijIdentificatie and a BSN
-- partijIdentificator, stored and returned in the same shape.
SELECT status, code, antwoord -> 0 AS post_antwoord FROM pgrst.http('POST', '/partijen', '{
	"uuid": "00000000-0000-0000-0006-000000000001",
	"nummer": "1298329191", "interneNotitie": "interneNotitie",
	"digitaleAdressen": [], "voorkeursDigitaalAdres": null, "rekeningnummers": [], "voorkeursRekeningnummer": null,
	"soortPartij": "persoon", "indicatieGeheimhouding": true, "voorkeurstaal": "ndl", "indicatieActief": true,
	"bezoekadres": {"nummeraanduidingId": "0363200000123456", "straatnaam": "straat", "huisnummer": 10,
		"huisnummertoevoeging": "A2", "postcode": "1008dg", "stad": "Amsterdam", "adresregel1": "adres1",
		"adresregel2": "adres2", "adresregel3": "adres3", "land": "nl"},
	"partijIdentificatie": {"contactnaam": {"voorletters": "P", "voornaam": "Phil", "voorvoegselAchternaam": "",
		"achternaam": "Bozeman"}},
	"partijIdentificatoren": [{"uuid": "00000000-0000-0000-0006-000000000002", "anderePartijIdentificator": "",
		"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn",
		"objectId": "2966.48.875", "codeRegister": "brp"}}]}') \gset
SELECT :status AS status, pgrst.toon(:'post_antwoord'::jsonb) AS antwoord;
-- What GET returns is what POST returned.
SELECT (SELECT antwoord -> 0 FROM pgrst.http('GET', '/partijen?uuid=eq.00000000-0000-0000-0006-000000000001',
		rol => 'klantinteracties_lezer')) = :'post_antwoord'::jsonb AS get_gelijk_aan_post;
RESET SESSION AUTHORIZATION;
SELECT p.soort_partij, p.bezoekadres_postcode, p.bezoekadres_land, pe.volledige_naam, pi.object_id, pi.bsn
  FROM partij p JOIN persoon pe ON pe.partij = p.uuid JOIN partij_identificator pi ON pi.identificeerde_partij = p.uuid
 WHERE p.uuid = '00000000-0000-0000-0006-000000000001';
SET SESSION AUTHORIZATION authenticator;

-- An organisatie with a KvK-nummer, a vestiging under it, a contactpersoon.
SELECT status, antwoord -> 0 -> 'partijIdentificatie' AS identificatie FROM pgrst.http('POST', '/partijen', '{
	"uuid": "00000000-0000-0000-0006-000000000011", "soortPartij": "organisatie", "indicatieActief": true,
	"partijIdentificatie": {"naam": "Bakkerij de Krakeling"},
	"partijIdentificatoren": [{"uuid": "00000000-0000-0000-0006-000000000012", "partijIdentificator": {
		"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer", "objectId": "12345678", "codeRegister": "hr"}}]}');
SELECT status, antwoord -> 0 -> 'partijIdentificatie' -> 'werkteVoorPartij' ->> 'uuid' AS werkte_voor FROM pgrst.http('POST', '/partijen', '{
	"uuid": "00000000-0000-0000-0006-000000000013", "soortPartij": "contactpersoon", "indicatieActief": true,
	"partijIdentificatie": {"uuid": "00000000-0000-0000-0006-000000000014",
		"werkteVoorPartij": {"uuid": "00000000-0000-0000-0006-000000000011"},
		"contactnaam": {"voornaam": "Jan", "achternaam": "Jansen"}}}');
SELECT status, code, bericht, antwoord -> 0 -> 'partijIdentificator' AS identificator, antwoord -> 0 -> 'subIdentificatorVan' ->> 'uuid' AS onder
  FROM pgrst.http('POST', '/partij-identificatoren', '{
	"uuid": "00000000-0000-0000-0006-000000000015",
	"identificeerdePartij": {"uuid": "00000000-0000-0000-0006-000000000011"},
	"subIdentificatorVan": {"uuid": "00000000-0000-0000-0006-000000000012"},
	"partijIdentificator": {"codeObjecttype": "vestiging", "codeSoortObjectId": "vestigingsnummer", "objectId": "0000 1234 5678", "codeRegister": "hr"}}');

-- Digitale adressen and rekeningnummers, then linked to the partij with
-- voorkeur references (Open Klant's test_create_partij).
SELECT status, antwoord -> 0 ->> 'adres' AS adres, antwoord -> 0 ->> 'isStandaardAdres' AS standaard
  FROM pgrst.http('POST', '/digitaleadressen', '{"uuid": "00000000-0000-0000-0006-000000000021",
	"verstrektDoorBetrokkene": null, "verstrektDoorPartij": null, "adres": "Phil@Example.COM",
	"soortDigitaalAdres": "email", "isStandaardAdres": false, "omschrijving": "omschrijving", "referentie": "portaalvoorkeur"}');
SELECT status, antwoord -> 0 ->> 'adres' AS adres FROM pgrst.http('POST', '/digitaleadressen', '{
	"uuid": "00000000-0000-0000-0006-000000000022", "adres": "06-12345678", "soortDigitaalAdres": "telefoonnummer",
	"verstrektDoorPartij": {"uuid": "00000000-0000-0000-0006-000000000011"}, "isStandaardAdres": true}');
SELECT status, antwoord -> 0 ->> 'iban' AS iban, antwoord -> 0 ->> 'bic' AS bic FROM pgrst.http('POST', '/rekeningnummers', '{
	"uuid": "00000000-0000-0000-0006-000000000023", "iban": "nl91 abna 0417 1643 00", "bic": "abnanl2a"}');
SELECT status, antwoord -> 0 -> 'digitaleAdressen' AS adressen, antwoord -> 0 -> 'voorkeursDigitaalAdres' ->> 'uuid' AS voorkeur,
	   antwoord -> 0 -> 'voorkeursRekeningnummer' ->> 'uuid' AS voorkeur_rekening
  FROM pgrst.http('PATCH', '/partijen?uuid=eq.00000000-0000-0000-0006-000000000001', '{
	"digitaleAdressen": [{"uuid": "00000000-0000-0000-0006-000000000021"}],
	"voorkeursDigitaalAdres": {"uuid": "00000000-0000-0000-0006-000000000021"},
	"rekeningnummers": [{"uuid": "00000000-0000-0000-0006-000000000023"}],
	"voorkeursRekeningnummer": {"uuid": "00000000-0000-0000-0006-000000000023"}}');
-- The voorkeur must be one of the partij's own (400).
SELECT status, code, bericht FROM pgrst.http('PATCH', '/partijen?uuid=eq.00000000-0000-0000-0006-000000000001',
	'{"voorkeursDigitaalAdres": {"uuid": "00000000-0000-0000-0006-000000000022"}}');

-- PATCH is partial: only the fields sent change; a group is written whole.
SELECT status, antwoord -> 0 ->> 'interneNotitie' AS notitie, antwoord -> 0 -> 'bezoekadres' ->> 'straatnaam' AS straat,
	   antwoord -> 0 -> 'correspondentieadres' ->> 'postcode' AS correspondentie_postcode,
	   jsonb_array_length(antwoord -> 0 -> 'partijIdentificatoren') AS identificatoren
  FROM pgrst.http('PATCH', '/partijen?uuid=eq.00000000-0000-0000-0006-000000000001',
	'{"interneNotitie": "Belt liever na 17 uur", "correspondentieadres": {"postcode": "1015 CJ", "huisnummer": 1}}');
-- partijIdentificatoren on PATCH: listed ones written, others deleted.
SELECT status, antwoord -> 0 -> 'partijIdentificatoren' -> 0 -> 'partijIdentificator' AS identificator,
	   jsonb_array_length(antwoord -> 0 -> 'partijIdentificatoren') AS aantal
  FROM pgrst.http('PATCH', '/partijen?uuid=eq.00000000-0000-0000-0006-000000000001', '{"partijIdentificatoren": [
	{"uuid": "00000000-0000-0000-0006-000000000002", "partijIdentificator": {"codeObjecttype": "natuurlijk_persoon",
	 "codeSoortObjectId": "bsn", "objectId": "111222333", "codeRegister": "brp"}}]}');
-- A soortPartij change replaces partijIdentificatie.
SELECT status, antwoord -> 0 ->> 'soortPartij' AS soort, antwoord -> 0 -> 'partijIdentificatie' AS identificatie
  FROM pgrst.http('PATCH', '/partijen?uuid=eq.00000000-0000-0000-0006-000000000013',
	'{"soortPartij": "organisatie", "partijIdentificatie": {"naam": "Jansen Advies"}}');
-- Prefer: return=minimal answers 204 without a body.
SELECT status, antwoord FROM pgrst.http('PATCH', '/vertegenwoordigingen?uuid=eq.00000000-0000-0000-0000-000000000000',
	'{"vertegenwoordigdePartij": null}', prefer => 'return=minimal');

-- Vertegenwoordiging, categorie, categorie-relatie: POST, PATCH, DELETE.
SELECT status, antwoord -> 0 -> 'vertegenwoordigdePartij' ->> 'uuid' AS vertegenwoordigde
  FROM pgrst.http('POST', '/vertegenwoordigingen', '{"uuid": "00000000-0000-0000-0006-000000000031",
	"vertegenwoordigendePartij": {"uuid": "00000000-0000-0000-0006-000000000011"},
	"vertegenwoordigdePartij": {"uuid": "00000000-0000-0000-0006-000000000001"}}');
SELECT status, antwoord -> 0 -> 'vertegenwoordigden' AS vertegenwoordigden
  FROM pgrst.http('GET', '/partijen?uuid=eq.00000000-0000-0000-0006-000000000011', rol => 'klantinteracties_lezer');
SELECT status, antwoord -> 0 ->> 'naam' AS naam FROM pgrst.http('POST', '/categorieen',
	'{"uuid": "00000000-0000-0000-0006-000000000032", "naam": "Ondernemer"}');
SELECT status, antwoord -> 0 ->> 'naam' AS naam FROM pgrst.http('PATCH', '/categorieen?uuid=eq.00000000-0000-0000-0006-000000000032',
	'{"naam": "Ondernemer (mkb)"}');
SELECT status, antwoord -> 0 -> 'categorie' ->> 'naam' AS categorie, antwoord -> 0 ->> 'beginDatum' = to_char(current_date, 'YYYY-MM-DD') AS begin_vandaag
  FROM pgrst.http('POST', '/categorie-relaties', '{"uuid": "00000000-0000-0000-0006-000000000033",
	"partij": {"uuid": "00000000-0000-0000-0006-000000000011"}, "categorie": {"uuid": "00000000-0000-0000-0006-000000000032"}}');
SELECT status, antwoord -> 0 ->> 'eindDatum' AS eind FROM pgrst.http('PATCH',
	'/categorie-relaties?uuid=eq.00000000-0000-0000-0006-000000000033', '{"eindDatum": "2099-12-31"}');
SELECT status, antwoord -> 0 -> 'categorieRelaties' -> 0 ->> 'categorieNaam' AS naam
  FROM pgrst.http('GET', '/partijen?uuid=eq.00000000-0000-0000-0006-000000000011', rol => 'klantinteracties_lezer');

-- Refusals: SQLSTATE and HTTP status, the field named in the message.
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/partijen',
	'{"soortPartij": "persoon", "indicatieActief": true, "bezoekadres": {"postcode": "2611 SS"}}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/partijen',
	'{"soortPartij": "persoon", "indicatieActief": true, "correspondentieadres": {"huisnummer": 0}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/partijen', '{"indicatieActief": true}');
SELECT status, code, bericht FROM pgrst.http('POST', '/partijen', '{"soortPartij": "bedrijf", "indicatieActief": true}');
SELECT status, code, bericht FROM pgrst.http('POST', '/partijen', '{"soortPartij": "persoon", "indicatieActief": true, "nummer": "12345678901"}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/partijen', '{"soortPartij": "persoon", "indicatieActief": true, "nummer": "1298329191"}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/partijen', '{"soortPartij": "persoon", "indicatieActief": true,
	"partijIdentificatoren": [{"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn",
	"objectId": "123456789", "codeRegister": "brp"}}]}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/partijen', '{"soortPartij": "persoon", "indicatieActief": true,
	"partijIdentificatoren": [{"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn",
	"objectId": "111 222 333", "codeRegister": "brp"}}]}');
SELECT status, code, bericht FROM pgrst.http('POST', '/partij-identificatoren', '{"partijIdentificator": {
	"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": "111222333", "codeRegister": "brp"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/partij-identificatoren', '{"partijIdentificator": {
	"codeObjecttype": "vestiging", "codeSoortObjectId": "vestigingsnummer", "objectId": "000012345678", "codeRegister": "hr"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/partij-identificatoren', '{"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon"}}');
SELECT status, code, bericht, hint FROM pgrst.http('POST', '/partij-identificatoren', '{
	"identificeerdePartij": {"uuid": "00000000-0000-0000-0006-0000000000ff"},
	"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": "111222345", "codeRegister": "brp"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/partij-identificatoren', '{
	"identificeerdePartij": {"url": "http://localhost:3000/partijen/00000000-0000-0000-0006-000000000001"},
	"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": "111222345", "codeRegister": "brp"}}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/digitaleadressen', '{"adres": "0800-1234567", "soortDigitaalAdres": "telefoonnummer"}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/digitaleadressen', '{"adres": "phil@", "soortDigitaalAdres": "email"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/digitaleadressen', '{"adres": "x", "soortDigitaalAdres": "overig", "isStandaardAdres": true}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/digitaleadressen', '{"adres": "+31612345678", "soortDigitaalAdres": "telefoonnummer",
	"verstrektDoorPartij": {"uuid": "00000000-0000-0000-0006-000000000011"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/digitaleadressen', '{"adres": "x", "soortDigitaalAdres": "overig", "referentie": "geen slug!"}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/rekeningnummers', '{"iban": "NL18BANK23481326"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/rekeningnummers', '{"iban": "NL91ABNA0417164300", "bic": "1234567890"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/vertegenwoordigingen', '{
	"vertegenwoordigendePartij": {"uuid": "00000000-0000-0000-0006-000000000011"},
	"vertegenwoordigdePartij": {"uuid": "00000000-0000-0000-0006-000000000011"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/vertegenwoordigingen', '{
	"vertegenwoordigendePartij": {"uuid": "00000000-0000-0000-0006-000000000011"},
	"vertegenwoordigdePartij": {"uuid": "00000000-0000-0000-0006-000000000001"}}');
SELECT status, code, bericht FROM pgrst.http('PATCH', '/categorie-relaties?uuid=eq.00000000-0000-0000-0006-000000000033',
	'{"eindDatum": "2000-01-01"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/partijen', '{"soortPartij": "persoon", "indicatieActief": "misschien"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/partijen', '{"soortPartij": "persoon", "indicatieActief": true, "onbekend": 1}');
-- A parent identificator with children cannot be deleted (409).
SELECT status, code, bericht FROM pgrst.http('DELETE', '/partij-identificatoren?uuid=eq.00000000-0000-0000-0006-000000000012');

-- Lists: PostgREST filters, ordering and paging on the views.
SELECT status, jsonb_agg(e ->> 'uuid') AS uuids FROM pgrst.http('GET',
	'/partijen?soortPartij=eq.organisatie&uuid=in.(00000000-0000-0000-0006-000000000001,00000000-0000-0000-0006-000000000011,00000000-0000-0000-0006-000000000013)&order=uuid.desc', rol => 'klantinteracties_lezer'),
	jsonb_array_elements(antwoord) e GROUP BY status;
SELECT status, jsonb_array_length(antwoord) AS aantal FROM pgrst.http('GET',
	'/partijen?bezoekadres->>postcode=eq.1008 DG&partijIdentificatie->>volledigeNaam=eq.Phil Bozeman', rol => 'klantinteracties_lezer');
SELECT status, antwoord -> 0 ->> 'uuid' AS uuid FROM pgrst.http('GET',
	'/partij-identificatoren?partijIdentificator->>codeSoortObjectId=eq.vestigingsnummer&partijIdentificator->>objectId=eq.000012345678&subIdentificatorVan->>uuid=eq.00000000-0000-0000-0006-000000000012',
	rol => 'klantinteracties_lezer');
SELECT status, jsonb_array_length(antwoord) AS aantal FROM pgrst.http('GET',
	'/digitaleadressen?verstrektDoorPartij->>uuid=eq.00000000-0000-0000-0006-000000000001&soortDigitaalAdres=in.(email,telefoonnummer)',
	rol => 'klantinteracties_lezer');
SELECT status, jsonb_array_length(antwoord) AS aantal FROM pgrst.http('GET',
	'/partijen?uuid=in.(00000000-0000-0000-0006-000000000001,00000000-0000-0000-0006-000000000011,00000000-0000-0000-0006-000000000013)&order=uuid&limit=2&offset=1', rol => 'klantinteracties_lezer');

-- jsonb containment on a list: same-row semantics (one identificator that
-- is both a BSN and this value); a BSN value of another soort finds nothing.
SELECT status, jsonb_agg(e ->> 'uuid') AS partijen FROM pgrst.http('GET',
	'/partijen?partijIdentificatoren=cs.[{"partijIdentificator":{"codeSoortObjectId":"bsn","objectId":"111222333"}}]',
	rol => 'klantinteracties_lezer'), jsonb_array_elements(antwoord) e GROUP BY status;
SELECT status, antwoord FROM pgrst.http('GET',
	'/partijen?partijIdentificatoren=cs.[{"partijIdentificator":{"codeSoortObjectId":"rsin","objectId":"111222333"}}]',
	rol => 'klantinteracties_lezer');
SELECT status, jsonb_agg(e ->> 'uuid') AS partijen FROM pgrst.http('GET',
	'/partijen?vertegenwoordigden=cs.[{"uuid":"00000000-0000-0000-0006-000000000001"}]', rol => 'klantinteracties_lezer'),
	jsonb_array_elements(antwoord) e GROUP BY status;

-- Lookups (/rpc): identificator in any spelling, same row; e-mail and phone.
SELECT status, jsonb_agg(e ->> 'uuid') AS partijen FROM pgrst.http('GET',
	'/rpc/partijen_met_identificator?codeSoortObjectId=bsn&objectId=1112.22.333', rol => 'klantinteracties_lezer'),
	jsonb_array_elements(antwoord) e GROUP BY status;
SELECT status, jsonb_agg(e ->> 'uuid') AS partijen FROM pgrst.http('GET',
	'/rpc/partijen_met_identificator?codeSoortObjectId=vestigingsnummer&objectId=000012345678&subIdentificatorVanObjectId=12345678',
	rol => 'klantinteracties_lezer'), jsonb_array_elements(antwoord) e GROUP BY status;
SELECT status, code, bericht FROM pgrst.http('GET', '/rpc/partijen_met_identificator?codeSoortObjectId=bsn&objectId=123456789',
	rol => 'klantinteracties_lezer');
SELECT status, jsonb_agg(e ->> 'uuid') AS partijen FROM pgrst.http('GET',
	'/rpc/partijen_met_digitaal_adres?adres=PHIL@example.com', rol => 'klantinteracties_lezer'),
	jsonb_array_elements(antwoord) e GROUP BY status;
SELECT status, jsonb_agg(e ->> 'uuid') AS partijen FROM pgrst.http('GET',
	'/rpc/partijen_met_digitaal_adres?adres=+31 6 1234 5678', rol => 'klantinteracties_lezer'),
	jsonb_array_elements(antwoord) e GROUP BY status;
SELECT status, jsonb_agg(e ->> 'adres') AS adressen FROM pgrst.http('GET',
	'/rpc/digitaleadressen_met_identificator?codeSoortObjectId=bsn&objectId=111222333', rol => 'klantinteracties_lezer'),
	jsonb_array_elements(antwoord) e GROUP BY status;
-- By a piece of a name or an address (indexed also under row-level security).
SELECT status, jsonb_agg(e -> 'partijIdentificatie' ->> 'volledigeNaam') AS namen FROM pgrst.http('GET',
	'/rpc/partijen_met_naamdeel?naam=bozem', rol => 'klantinteracties_lezer'),
	jsonb_array_elements(antwoord) e GROUP BY status;
SELECT status, jsonb_agg(e ->> 'adres') AS adressen FROM pgrst.http('GET',
	'/rpc/digitaleadressen_met_adresdeel?adres=EXAMPLE.c&soortDigitaalAdres=email', rol => 'klantinteracties_lezer'),
	jsonb_array_elements(antwoord) e GROUP BY status;
SELECT status, code, bericht FROM pgrst.http('GET', '/rpc/partijen_met_naamdeel?naam=bo', rol => 'klantinteracties_lezer');

-- Roles: anonymous sees nothing (401), the lezer cannot write (403), a
-- GET cannot write (READ ONLY: 405), a role not granted cannot be used.
SELECT status, code, bericht FROM pgrst.http('GET', '/partijen', rol => 'web_anon');
SELECT status, code, bericht FROM pgrst.http('GET', '/rpc/partijen_met_identificator?codeSoortObjectId=bsn&objectId=111222333', rol => 'web_anon');
SELECT status, code, bericht FROM pgrst.http('DELETE', '/partijen?uuid=eq.00000000-0000-0000-0006-000000000001', rol => 'klantinteracties_lezer');
SELECT status, code, bericht FROM pgrst.http('POST', '/rpc/maak_klantcontact', '{"klantcontact": {}}', rol => 'klantinteracties_lezer');
SELECT status, code, bericht FROM pgrst.http('GET', '/partijen', rol => 'postgres');

-- DELETE; a partij cascades to what only exists for it.
SELECT status, antwoord -> 0 ->> 'uuid' AS verwijderd FROM pgrst.http('DELETE', '/vertegenwoordigingen?uuid=eq.00000000-0000-0000-0006-000000000031');
SELECT status FROM pgrst.http('DELETE', '/categorie-relaties?uuid=eq.00000000-0000-0000-0006-000000000033', prefer => 'return=minimal');
SELECT status FROM pgrst.http('DELETE', '/categorieen?uuid=eq.00000000-0000-0000-0006-000000000032', prefer => 'return=minimal');
SELECT status FROM pgrst.http('DELETE', '/rekeningnummers?uuid=eq.00000000-0000-0000-0006-000000000023', prefer => 'return=minimal');
SELECT status FROM pgrst.http('DELETE', '/digitaleadressen?uuid=eq.00000000-0000-0000-0006-000000000022', prefer => 'return=minimal');
-- The vestiging first: a kvk_nummer with sub-identificatoren is protected.
SELECT status FROM pgrst.http('DELETE', '/partij-identificatoren?uuid=eq.00000000-0000-0000-0006-000000000015', prefer => 'return=minimal');
SELECT status, jsonb_array_length(antwoord) AS verwijderd FROM pgrst.http('DELETE',
	'/partijen?uuid=in.(00000000-0000-0000-0006-000000000001,00000000-0000-0000-0006-000000000011,00000000-0000-0000-0006-000000000013)');
RESET SESSION AUTHORIZATION;
SELECT (SELECT count(*) FROM partij WHERE uuid::text LIKE '00000000-0000-0000-0006-%') AS partijen,
	   (SELECT count(*) FROM partij_identificator WHERE uuid::text LIKE '00000000-0000-0000-0006-%') AS identificatoren,
	   (SELECT count(*) FROM digitaal_adres WHERE uuid::text LIKE '00000000-0000-0000-0006-%') AS adressen;

-- The schema: only views and functions; views run as their owner,
-- klantinteracties_eigenaar, under the caller's policies; no SECURITY
-- DEFINER function of another owner but the security model's
-- (docs/security.md); PUBLIC may execute no API function.
SELECT c.relkind, count(*) FROM pg_class c WHERE c.relnamespace = 'klantinteracties_api'::regnamespace GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE pg_get_userbyid(c.relowner) = 'klantinteracties_eigenaar'
						  AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)) AS van_eigenaar, count(*) AS views
  FROM pg_class c WHERE c.relnamespace = 'klantinteracties_api'::regnamespace AND c.relkind = 'v';
SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'klantinteracties') AND p.prosecdef
   AND pg_get_userbyid(p.proowner) <> 'klantinteracties_eigenaar';
SELECT p.oid::regprocedure, has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute
  FROM pg_proc p WHERE p.pronamespace IN ('klantinteracties_api'::regnamespace)
    OR p.oid = 'klantinteracties.maak_api_rollen(name, name, name, name, text)'::regprocedure ORDER BY 1;
-- Every constraint of the registry tables (not of the security record, the
-- retention periods or the log partitions, which the API does not write)
-- is named by an API field.
SELECT conrelid::regclass, conname FROM pg_constraint
 WHERE connamespace = 'klantinteracties'::regnamespace AND contype IN ('c', 'f', 'u', 'p', 'x')
   AND conrelid NOT IN ('wijzigingslog'::regclass, 'vergeetlog'::regclass, 'inzagelog'::regclass, 'gebeurtenis'::regclass,
						'vernietigingslog'::regclass, 'bewaartermijn'::regclass,
						'kanaal'::regclass)   -- the reference list of kanalen, which a DBA fills
   AND NOT (SELECT c.relispartition FROM pg_class c WHERE c.oid = conrelid)
   AND api_veld_van_beperking(conname) IS NULL
   AND conname NOT IN ('partij_uuid_soort_partij_key', 'partij_identificator_uuid_soort_key', 'actor_uuid_soort_actor_key',
	'persoon_pkey', 'organisatie_pkey', 'contactpersoon_pkey', 'medewerker_pkey', 'geautomatiseerde_actor_pkey',
	'organisatorische_eenheid_pkey', 'interne_taak_actor_interne_taak_fkey',
	-- The merge history, written by voeg_partijen_samen, not by the API.
	'samengevoegde_partij_pkey', 'samengevoegde_partij_behouden_partij_fkey',
	-- The stored klantbeeld, written by its refresh, not by the API.
	'klantbeeld_document_pkey')
 ORDER BY 1, 2;
SELECT indexrelid::regclass FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND i.indisunique
   AND NOT EXISTS (SELECT FROM pg_constraint WHERE conindid = i.indexrelid)
   AND api_veld_van_beperking(c.relname) IS NULL
   -- The mark of a transaction in the stored klantbeeld's queue (written
   -- by its trigger with ON CONFLICT, not by the API).
   AND c.relname <> 'klantbeeld_wachtrij_markering_idx';
REVOKE klantinteracties_bsn, klantinteracties_geheim FROM klantinteracties_lezer;
