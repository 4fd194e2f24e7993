-- The write path of all 14 resources as a writer whose JWT narrows it to
-- scope "read" (issue 13: three resources answered a PATCH with the
-- unchanged row as if it had been updated).  Every resource gives the one
-- answer row-level security gives on a table: POST is refused (403, 42501),
-- PATCH and DELETE change nothing and answer no row (200, []); the data is
-- left alone.  Requests commit, as PostgREST's do; the fixture is removed at
-- the end.
\set ECHO none
\i test/pgrst_emulatie.sql
\set ECHO all
CREATE ROLE ki_scope_schrijver IN ROLE klantinteracties_schrijver;
GRANT ki_scope_schrijver TO authenticator;

-- Per resource a POST body and a PATCH body; {P}, {P2}, {K}, {A}, {C} are
-- the fixture's partijen, klantcontact, actor and categorie, {U} the
-- resource's own uuid.
CREATE TABLE pg_temp.verzoeken (nr integer, resource text, post text, patch text);
INSERT INTO pg_temp.verzoeken VALUES
	(1, 'partijen', '{"uuid": "{U}", "soortPartij": "organisatie", "indicatieActief": true, "partijIdentificatie": {"naam": "Scope BV"}}',
		'{"interneNotitie": "gewijzigd"}'),
	(2, 'partij-identificatoren', '{"uuid": "{U}", "identificeerdePartij": {"uuid": "{P}"}, "partijIdentificator": {"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer", "objectId": "1313131{N}", "codeRegister": "hr"}}',
		'{"anderePartijIdentificator": "gewijzigd"}'),
	(3, 'vertegenwoordigingen', '{"uuid": "{U}", "vertegenwoordigendePartij": {"uuid": "{P}"}, "vertegenwoordigdePartij": {"uuid": "{P2}"}}',
		'{"vertegenwoordigdePartij": {"uuid": "{P}"}, "vertegenwoordigendePartij": {"uuid": "{P2}"}}'),
	(4, 'categorieen', '{"uuid": "{U}", "naam": "Scope"}', '{"naam": "gewijzigd"}'),
	(5, 'categorie-relaties', '{"uuid": "{U}", "partij": {"uuid": "{P}"}, "categorie": {"uuid": "{C}"}}', '{"eindDatum": "2099-12-31"}'),
	(6, 'digitaleadressen', '{"uuid": "{U}", "adres": "scope{N}@example.nl", "soortDigitaalAdres": "email", "verstrektDoorPartij": {"uuid": "{P}"}}',
		'{"omschrijving": "gewijzigd"}'),
	(7, 'rekeningnummers', '{"uuid": "{U}", "iban": "NL91ABNA0417164300", "partij": {"uuid": "{P}"}}', '{"bic": "ABNANL2A"}'),
	(8, 'klantcontacten', '{"uuid": "{U}", "kanaal": "telefoon", "onderwerp": "Scope", "taal": "nld", "vertrouwelijk": false}',
		'{"reactie": "gewijzigd"}'),
	(9, 'betrokkenen', '{"uuid": "{U}", "hadKlantcontact": {"uuid": "{K}"}, "wasPartij": {"uuid": "{P}"}, "rol": "klant", "initiator": true}',
		'{"organisatienaam": "gewijzigd"}'),
	(10, 'onderwerpobjecten', '{"uuid": "{U}", "klantcontact": {"uuid": "{K}"}}',
		'{"onderwerpobjectidentificator": {"objectId": "1", "codeObjecttype": "zaak", "codeRegister": "zrc", "codeSoortObjectId": "id"}}'),
	(11, 'bijlagen', '{"uuid": "{U}", "wasBijlageVanKlantcontact": {"uuid": "{K}"}}',
		'{"bijlageidentificator": {"objectId": "1", "codeObjecttype": "foto", "codeRegister": "drc", "codeSoortObjectId": "id"}}'),
	(12, 'actoren', '{"uuid": "{U}", "naam": "Scope", "soortActor": "geautomatiseerde_actor", "actorIdentificatie": {"functie": "f"}}',
		'{"naam": "gewijzigd"}'),
	(13, 'actorklantcontacten', '{"uuid": "{U}", "actor": {"uuid": "{A}"}, "klantcontact": {"uuid": "{K}"}}',
		'{"klantcontact": {"uuid": "{K}"}}'),
	(14, 'internetaken', '{"uuid": "{U}", "gevraagdeHandeling": "Bellen", "aanleidinggevendKlantcontact": {"uuid": "{K}"}, "toegewezenAanActoren": [{"uuid": "{A}"}]}',
		'{"toelichting": "gewijzigd"}');
-- The body with the fixture's uuids; variant 0 is the fixture's own row,
-- variant 1 a new one.
CREATE FUNCTION pg_temp.body(sjabloon text, nr integer, variant integer) RETURNS json LANGUAGE sql AS $$
SELECT replace(replace(replace(replace(replace(replace(replace(sjabloon,
	'{U}', format('00000000-0000-0000-0013-%s%s', variant, lpad(nr::text, 11, '0'))),
	'{P}', '00000000-0000-0000-0013-000000000001'), '{P2}', '00000000-0000-0000-0013-000000000099'),
	'{K}', '00000000-0000-0000-0013-000000000008'), '{A}', '00000000-0000-0000-0013-000000000012'),
	'{C}', '00000000-0000-0000-0013-000000000004'), '{N}', variant::text)::json $$;
GRANT SELECT ON pg_temp.verzoeken TO authenticator;

SET SESSION AUTHORIZATION authenticator;
-- The fixture, written with the full write scope: one row of every resource.
SELECT status, 'POST /partijen (tweede partij)' AS verzoek FROM pgrst.http('POST', '/partijen', '{"uuid": "00000000-0000-0000-0013-000000000099",
	"soortPartij": "persoon", "indicatieActief": true}', rol => 'ki_scope_schrijver', prefer => 'return=minimal');
SELECT v.resource, h.status, h.code, h.bericht
  FROM pg_temp.verzoeken v, LATERAL pgrst.http('POST', '/' || v.resource, pg_temp.body(v.post, v.nr, 0),
	rol => 'ki_scope_schrijver', prefer => 'return=minimal') h
 ORDER BY v.nr;
RESET SESSION AUTHORIZATION;
-- Every row of the fixture as the 14 views show it (to a superuser).
CREATE FUNCTION pg_temp.stand() RETURNS TABLE (resource text, rij jsonb) LANGUAGE plpgsql AS $$
DECLARE
	v text;
BEGIN
	FOR v IN SELECT r.resource FROM pg_temp.verzoeken r ORDER BY r.nr LOOP
		RETURN QUERY EXECUTE format('SELECT %L, to_jsonb(x) FROM klantinteracties_api.%I x
			WHERE x.uuid::text LIKE %L', v, v, '00000000-0000-0000-0013-%');
	END LOOP;
END
$$;
CREATE TEMP TABLE voor AS SELECT * FROM pg_temp.stand();
SELECT count(*) AS rijen, count(DISTINCT resource) AS resources FROM voor;

-- The same writer, its JWT narrowed to scope read: POST (a new row), PATCH
-- and DELETE (the fixture's row) of every resource.
SET SESSION AUTHORIZATION authenticator;
CREATE TEMP TABLE antwoorden AS
SELECT v.nr, v.resource, m.methode, h.status, h.code,
	   CASE WHEN jsonb_typeof(h.antwoord) = 'array' THEN jsonb_array_length(h.antwoord) END AS rijen
  FROM pg_temp.verzoeken v,
	   (VALUES (1, 'POST'), (2, 'PATCH'), (3, 'DELETE')) AS m(mnr, methode),
	   LATERAL pgrst.http(m.methode,
		   '/' || v.resource || CASE WHEN m.methode <> 'POST' THEN '?uuid=eq.' || (pg_temp.body(v.post, v.nr, 0) ->> 'uuid') ELSE '' END,
		   CASE m.methode WHEN 'POST' THEN pg_temp.body(v.post, v.nr, 1) WHEN 'PATCH' THEN pg_temp.body(v.patch, v.nr, 0) END,
		   rol => 'ki_scope_schrijver', claims => '{"scope": "read"}') h
 ORDER BY v.nr, m.mnr;
SELECT resource, methode, status, code, rijen FROM antwoorden ORDER BY nr, methode DESC;
-- One answer per method, the same for all 14.
SELECT methode, count(*) AS resources, count(DISTINCT (status, code, rijen)) AS antwoorden,
	   min(status) AS status, min(code) AS code, min(rijen) AS rijen
  FROM antwoorden GROUP BY methode ORDER BY methode;
RESET SESSION AUTHORIZATION;
-- Nothing changed.
SELECT (SELECT count(*) FROM pg_temp.stand()) AS rijen_na,
	   (SELECT count(*) FROM (SELECT * FROM voor EXCEPT SELECT * FROM pg_temp.stand()) AS d) AS gewijzigd_of_weg,
	   (SELECT count(*) FROM (SELECT * FROM pg_temp.stand() EXCEPT SELECT * FROM voor) AS d) AS nieuw_of_gewijzigd;

-- Clean up.
SET client_min_messages = warning;
DELETE FROM klantinteracties.klantcontact WHERE uuid::text LIKE '00000000-0000-0000-0013-%';
DELETE FROM klantinteracties.actor WHERE uuid::text LIKE '00000000-0000-0000-0013-%';
DELETE FROM klantinteracties.rekeningnummer WHERE uuid::text LIKE '00000000-0000-0000-0013-%';
DELETE FROM klantinteracties.digitaal_adres WHERE uuid::text LIKE '00000000-0000-0000-0013-%';
DELETE FROM klantinteracties.partij WHERE uuid::text LIKE '00000000-0000-0000-0013-%';
DELETE FROM klantinteracties.categorie WHERE uuid::text LIKE '00000000-0000-0000-0013-%';
REVOKE ki_scope_schrijver FROM authenticator;
DROP ROLE ki_scope_schrijver;
RESET client_min_messages;
SELECT count(*) AS over FROM pg_temp.stand();
