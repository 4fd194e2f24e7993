-- The REST API under the security model, through the PostgREST emulation
-- (test/pgrst_emulatie.sql: the authenticator switches role per request
-- and sets the JWT claims): every view as every scope combination and as
-- two citizens; masks; the logged BSN lookup; writes; the citizen's own
-- views and every way to reach another citizen's data.  Requests commit
-- (as PostgREST's do), so the fixture is committed and removed at the end.
\i sql/include/helpers.psql
\set ECHO none
\i test/pgrst_emulatie.sql
\set ECHO all
SELECT coalesce(max(id), 0) AS log_start FROM wijzigingslog \gset
SELECT coalesce(max(id), 0) AS inzage_start FROM inzagelog \gset
-- The access log outlives erasure (test beveiliging_vergeten erased a
-- partij with Anna's fixture uuid): her own view is read from now on.
SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sinds \gset
SET client_min_messages = warning;
SELECT klantinteracties.maak_api_rollen();
RESET client_min_messages;
BEGIN;
\i sql/include/beveiliging.psql
-- A BSN in free text and as a free identificator.
UPDATE klantcontact SET inhoud = 'Nieuw adres; BSN 1112.22.333 van de partner genoemd'
 WHERE uuid = '00000000-0000-0000-0099-0000000000d3';
INSERT INTO onderwerpobject (uuid, klantcontact, onderwerpobjectidentificator_object_id,
	onderwerpobjectidentificator_code_objecttype, onderwerpobjectidentificator_code_soort_object_id)
VALUES ('00000000-0000-0000-0099-0000000000d5', '00000000-0000-0000-0099-0000000000d1', '123456782', 'natuurlijk_persoon', 'bsn');
-- Applications, each a role PostgREST may switch to, with the scopes in its name.
CREATE ROLE ki_app_lezer IN ROLE klantinteracties_lezer;
CREATE ROLE ki_app_bsn IN ROLE klantinteracties_lezer, klantinteracties_bsn;
CREATE ROLE ki_app_geheim IN ROLE klantinteracties_lezer, klantinteracties_geheim;
CREATE ROLE ki_app_schrijver IN ROLE klantinteracties_schrijver;
CREATE ROLE ki_app_kcc IN ROLE klantinteracties_schrijver, klantinteracties_bsn, klantinteracties_geheim;
GRANT ki_app_lezer, ki_app_bsn, ki_app_geheim, ki_app_schrijver, ki_app_kcc TO authenticator;
COMMIT;
\set anna '{"sub": "digid-anna", "bsn": "111222333"}'
\set bert '{"sub": "digid-bert", "bsn": "123456782"}'

-- Every view of the API as every role.  A cell: HTTP status, the fixture's
-- rows, and what the answer shows: b = a BSN other than the caller's own,
-- g = data of the secret partij (name, address, e-mail, notitie), v =
-- content of the vertrouwelijk klantcontact, i = an interne notitie, a =
-- the other citizen's data (for the citizens).
CREATE FUNCTION pg_temp.cel(resource text, rol text, claims jsonb) RETURNS text LANGUAGE sql AS $$
SELECT r.status || ' ' || coalesce((SELECT count(*) FROM jsonb_array_elements(CASE jsonb_typeof(r.antwoord) WHEN 'array' THEN r.antwoord END) e
										 WHERE e::text LIKE '%00000000-0000-0000-0099-%'), 0)
	|| ' ' || concat(
		CASE WHEN r.antwoord::text ~ (SELECT string_agg(b.patroon, '|') FROM (VALUES ('111222333', '1112\.?22\.?333'),
				('123456782', '123456782'), ('999999990', '999999990')) AS b(bsn, patroon)
				WHERE b.bsn IS DISTINCT FROM claims ->> 'bsn') THEN 'b' END,
		CASE WHEN r.antwoord::text ~ 'Citroen|Schuilhoek|cees@|Geheim adres' THEN 'g' END,
		CASE WHEN r.antwoord::text ~ 'schulden|Schuldhulp|Doorverwezen' THEN 'v' END,
		CASE WHEN r.antwoord::text ~ 'Belt graag|Geheim adres' THEN 'i' END,
		CASE WHEN claims ->> 'bsn' IS NOT NULL AND r.antwoord::text ~ CASE claims ->> 'bsn'
			WHEN '111222333' THEN 'Bakker|bert@|0099-0000000000b|0099-0000000000d2'
			ELSE 'Aalders|anna@|0099-0000000000a|0099-0000000000d1' END THEN 'a' END)
  FROM pgrst.http('GET', '/' || resource, rol => rol, claims => coalesce(claims, '{}')) AS r $$;

SET SESSION AUTHORIZATION authenticator;
SELECT v.resource,
	   pg_temp.cel(v.resource, 'ki_app_lezer', NULL) AS lezer,
	   pg_temp.cel(v.resource, 'ki_app_bsn', NULL) AS bsn,
	   pg_temp.cel(v.resource, 'ki_app_geheim', NULL) AS geheim,
	   pg_temp.cel(v.resource, 'ki_app_kcc', NULL) AS kcc,
	   pg_temp.cel(v.resource, 'ki_app_kcc', '{"scope": "read"}') AS kcc_read,
	   pg_temp.cel(v.resource, 'klantinteracties_burger', :'anna') AS anna,
	   pg_temp.cel(v.resource, 'klantinteracties_burger', :'bert') AS bert,
	   pg_temp.cel(v.resource, 'web_anon', NULL) AS anoniem
  FROM (SELECT c.relname::text AS resource FROM pg_class c
		 WHERE c.relnamespace = 'klantinteracties_api'::regnamespace AND c.relkind = 'v') AS v
 ORDER BY v.resource;

-- The secret partij without the geheim scope: its uuid, url and flag; with it, everything.
SELECT pgrst.toon(antwoord -> 0) AS lezer FROM pgrst.http('GET', '/partijen?uuid=eq.00000000-0000-0000-0099-0000000000c1', rol => 'ki_app_bsn');
SELECT antwoord -> 0 ->> 'interneNotitie' AS notitie, antwoord -> 0 -> 'bezoekadres' ->> 'straatnaam' AS straat,
	   antwoord -> 0 -> 'partijIdentificatie' ->> 'volledigeNaam' AS naam
  FROM pgrst.http('GET', '/partijen?uuid=eq.00000000-0000-0000-0099-0000000000c1', rol => 'ki_app_kcc');
-- Filters on masked fields find nothing behind the mask.
SELECT status, jsonb_array_length(antwoord) AS gevonden
  FROM pgrst.http('GET', '/partijen?bezoekadres->>straatnaam=eq.Schuilhoek', rol => 'ki_app_lezer');
SELECT status, jsonb_array_length(antwoord) AS gevonden
  FROM pgrst.http('GET', '/klantcontacten?inhoud=like.*schulden*', rol => 'ki_app_lezer');
-- The vertrouwelijk klantcontact without geheim: no onderwerp, inhoud, reactie, metadata.
SELECT antwoord -> 0 -> 'onderwerp' AS onderwerp, antwoord -> 0 -> 'inhoud' AS inhoud, antwoord -> 0 -> 'reactie' AS reactie,
	   antwoord -> 0 -> 'metadata' AS metadata, antwoord -> 0 -> 'kanaal' AS kanaal, antwoord -> 0 -> 'vertrouwelijk' AS vertrouwelijk
  FROM pgrst.http('GET', '/klantcontacten?uuid=eq.00000000-0000-0000-0099-0000000000d2', rol => 'ki_app_bsn');
-- BSNs in text and in a free identificator of soort bsn, without and with the bsn scope.
SELECT rol, (SELECT antwoord -> 0 ->> 'inhoud' FROM pgrst.http('GET', '/klantcontacten?uuid=eq.00000000-0000-0000-0099-0000000000d3', rol => rol)) AS inhoud,
	   (SELECT antwoord -> 0 -> 'onderwerpobjectidentificator' ->> 'objectId'
		  FROM pgrst.http('GET', '/onderwerpobjecten?uuid=eq.00000000-0000-0000-0099-0000000000d5', rol => rol)) AS object_id
  FROM unnest(ARRAY['ki_app_lezer', 'ki_app_bsn']) AS rol;

-- The logged BSN lookup: POST only (a GET is READ ONLY: 405); a purpose is
-- required; without the bsn scope an existing and an unknown BSN give the
-- same answer; with bsn but not geheim the secret partij is found masked.
SELECT status, code FROM pgrst.http('GET', '/rpc/zoek_partij_op_bsn?bsn=111222333&doelbinding=test', rol => 'ki_app_bsn');
SELECT status, code, bericht FROM pgrst.http('POST', '/rpc/zoek_partij_op_bsn', '{"bsn": "111222333"}', rol => 'ki_app_bsn');
SELECT r.rol, b.bsn, h.status, h.antwoord
  FROM unnest(ARRAY['ki_app_lezer', 'ki_app_geheim']) AS r(rol), unnest(ARRAY['111222333', '999999990', '296648875']) AS b(bsn),
	   LATERAL pgrst.http('POST', '/rpc/zoek_partij_op_bsn', json_build_object('bsn', b.bsn, 'doelbinding', 'balie'), rol => r.rol) AS h
 ORDER BY 1, 2;
SELECT h.status, jsonb_agg(e ->> 'uuid' || ' ' || coalesce(e ->> 'soortPartij', '-') || ' ' || coalesce(e ->> 'indicatieGeheimhouding', '-')) AS gevonden
  FROM pgrst.http('POST', '/rpc/zoek_partij_op_bsn', '{"bsn": "1112 22 333", "doelbinding": "terugbelverzoek"}', rol => 'ki_app_bsn') AS h
  LEFT JOIN LATERAL jsonb_array_elements(h.antwoord) AS e ON true GROUP BY h.status
UNION ALL
SELECT h.status, jsonb_agg(e ->> 'uuid' || ' ' || coalesce(e ->> 'soortPartij', '-') || ' ' || coalesce(e ->> 'indicatieGeheimhouding', '-'))
  FROM pgrst.http('POST', '/rpc/zoek_partij_op_bsn', '{"bsn": "999999990", "doelbinding": "terugbelverzoek"}', rol => 'ki_app_bsn') AS h
  LEFT JOIN LATERAL jsonb_array_elements(h.antwoord) AS e ON true GROUP BY h.status;
-- The API's unlogged lookup finds nothing without the bsn scope either.
SELECT status, antwoord FROM pgrst.http('GET', '/rpc/partijen_met_identificator?codeSoortObjectId=bsn&objectId=111222333', rol => 'ki_app_lezer');

-- Writing a BSN: without the bsn scope 403 for an existing and a new one
-- alike; with it, an existing one is 409 without the key in the answer.
SELECT b.bsn, h.status, h.code, h.bericht, h.detail
  FROM unnest(ARRAY['111222333', '296648875']) AS b(bsn),
	   LATERAL pgrst.http('POST', '/partijen', json_build_object('soortPartij', 'persoon', 'indicatieActief', true,
			'partijIdentificatoren', json_build_array(json_build_object('partijIdentificator', json_build_object(
				'codeObjecttype', 'natuurlijk_persoon', 'codeSoortObjectId', 'bsn', 'objectId', b.bsn, 'codeRegister', 'brp')))),
			rol => 'ki_app_schrijver') AS h ORDER BY 1;
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/partij-identificatoren', '{"identificeerdePartij": {"uuid": "00000000-0000-0000-0099-0000000000e1"},
	"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": "999999990", "codeRegister": "brp"}}', rol => 'ki_app_kcc');
-- A PATCH without the bsn scope cannot write a mask over a BSN: the row
-- with a BSN in its text is not there for it.
SELECT status, jsonb_array_length(antwoord) AS gewijzigd
  FROM pgrst.http('PATCH', '/klantcontacten?uuid=eq.00000000-0000-0000-0099-0000000000d3', '{"taal": "eng"}', rol => 'ki_app_schrijver');
SELECT status, jsonb_array_length(antwoord) AS gewijzigd, antwoord -> 0 ->> 'inhoud' AS inhoud
  FROM pgrst.http('PATCH', '/klantcontacten?uuid=eq.00000000-0000-0000-0099-0000000000d3', '{"taal": "eng"}', rol => 'ki_app_kcc');

-- Citizen Anna: her partij, addresses and klantcontacten; Bert's are out
-- of reach by filter, by join, by uuid, by RPC, and the staff views are closed.
SELECT pgrst.toon(antwoord) AS mijn_partij FROM pgrst.http('GET', '/mijn_partij', rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, jsonb_path_query_array(antwoord, '$[*].adres') AS adressen
  FROM pgrst.http('GET', '/mijn_digitaleadressen?order=adres', rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, jsonb_path_query_array(antwoord, '$[*].onderwerp') AS onderwerpen, jsonb_path_query_array(antwoord, '$[*].mijnRol') AS rollen
  FROM pgrst.http('GET', '/mijn_klantcontacten?order=onderwerp', rol => 'klantinteracties_burger', claims => :'anna');
SELECT pad, h.status, h.code, h.antwoord
  FROM unnest(ARRAY['/mijn_partij?uuid=eq.00000000-0000-0000-0099-0000000000b1',
					'/mijn_digitaleadressen?uuid=eq.00000000-0000-0000-0099-0000000000b3',
					'/mijn_klantcontacten?uuid=eq.00000000-0000-0000-0099-0000000000d2',
					'/mijn_klantcontacten?inhoud=like.*schulden*',
					'/partijen?uuid=eq.00000000-0000-0000-0099-0000000000b1',
					'/klantcontacten',
					'/digitaleadressen?uuid=eq.00000000-0000-0000-0099-0000000000b3',
					'/betrokkenen',
					'/internetaken',
					'/rpc/partijen_met_identificator?codeSoortObjectId=bsn&objectId=123456782']) AS pad,
	   LATERAL pgrst.http('GET', pad, rol => 'klantinteracties_burger', claims => :'anna') AS h;
SELECT status, code FROM pgrst.http('POST', '/rpc/zoek_partij_op_bsn', '{"bsn": "123456782", "doelbinding": "nieuwsgierig"}',
	rol => 'klantinteracties_burger', claims => :'anna');
-- An embedding as PostgREST would join it: her partij with contacts, as her.
RESET SESSION AUTHORIZATION;
SELECT pg_temp.als('klantinteracties_burger', :'anna', $$SELECT count(*) FROM klantinteracties_api.mijn_partij p
	CROSS JOIN klantinteracties_api.mijn_klantcontacten k WHERE p.uuid = '00000000-0000-0000-0099-0000000000b1'
	   OR k.uuid = '00000000-0000-0000-0099-0000000000d2'$$) AS join_naar_bert;
SET SESSION AUTHORIZATION authenticator;
-- Her writes: her voorkeurstaal and addresses; nothing else, nothing of Bert's.
SELECT status, antwoord -> 0 ->> 'voorkeurstaal' AS taal
  FROM pgrst.http('PATCH', '/mijn_partij', '{"voorkeurstaal": "eng"}', rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, code, bericht
  FROM pgrst.http('PATCH', '/mijn_partij', '{"soortPartij": "organisatie"}', rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, code, bericht
  FROM pgrst.http('PATCH', '/mijn_partij', '{"interneNotitie": "x"}', rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, antwoord -> 0 ->> 'adres' AS adres, antwoord -> 0 ->> 'isVoorkeursadres' AS voorkeur
  FROM pgrst.http('POST', '/mijn_digitaleadressen', '{"adres": "Anna@Werk.NL", "soortDigitaalAdres": "email", "isVoorkeursadres": true}',
	rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, jsonb_array_length(antwoord) AS gewijzigd
  FROM pgrst.http('PATCH', '/mijn_digitaleadressen?uuid=eq.00000000-0000-0000-0099-0000000000b3', '{"adres": "gekaapt@example.com"}',
	rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, jsonb_array_length(antwoord) AS verwijderd
  FROM pgrst.http('DELETE', '/mijn_digitaleadressen?uuid=eq.00000000-0000-0000-0099-0000000000b3', rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, code FROM pgrst.http('PATCH', '/digitaleadressen?uuid=eq.00000000-0000-0000-0099-0000000000b3', '{"adres": "gekaapt@example.com"}',
	rol => 'klantinteracties_burger', claims => :'anna');
RESET SESSION AUTHORIZATION;
SELECT CASE WHEN uuid::text LIKE '00000000-%' THEN uuid::text ELSE '(nieuw)' END AS uuid, adres, is_voorkeursadres FROM digitaal_adres
 WHERE verstrekt_door_partij IN ('00000000-0000-0000-0099-0000000000a1', '00000000-0000-0000-0099-0000000000b1') ORDER BY adres;
SELECT uuid, voorkeurstaal, soort_partij FROM partij WHERE uuid IN ('00000000-0000-0000-0099-0000000000a1', '00000000-0000-0000-0099-0000000000b1') ORDER BY uuid;
-- Who did what: her changes in the audit trail, with her subject and
-- application; the lookups in the access log, BSN nowhere.
SELECT tabel, bewerking, rol, subject, nieuw - '{geregistreerd_op,gewijzigd_op,uuid}'::text[] AS nieuw
  FROM wijzigingslog WHERE subject = 'digid-anna' AND id > :log_start ORDER BY id;
SELECT handeling, partij, doelbinding, rol, count(*) FROM inzagelog WHERE handeling = 'zoek_partij_op_bsn' AND id > :inzage_start
 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

-- Anna sees who looked her up (when, which lookup, why, which
-- application, not which employee); Bert was looked up by nobody, and a
-- filter does not reach beyond her own rows.
SET SESSION AUTHORIZATION authenticator;
SELECT status, jsonb_path_query_array(antwoord, '$[*].handeling') AS handelingen,
	   jsonb_path_query_array(antwoord, '$[*].doelbinding') AS doelen,
	   (SELECT array_agg(DISTINCT k ORDER BY k) FROM jsonb_array_elements(antwoord) e, jsonb_object_keys(e) k) AS velden
  FROM pgrst.http('GET', '/mijn_inzage?order=tijdstip,doelbinding&tijdstip=gte.' || :'sinds', rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, jsonb_array_length(antwoord) AS inzagen
  FROM pgrst.http('GET', '/mijn_inzage?tijdstip=gte.' || :'sinds', rol => 'klantinteracties_burger', claims => :'bert');
SELECT status, jsonb_array_length(antwoord) AS inzagen_via_filter
  FROM pgrst.http('GET', '/mijn_inzage?doelbinding=eq.nieuwsgierig', rol => 'klantinteracties_burger', claims => :'anna');
RESET SESSION AUTHORIZATION;
SELECT count(*) AS inzagen_anna FROM inzagelog WHERE partij = '00000000-0000-0000-0099-0000000000a1' AND id > :inzage_start;

-- The municipality verified two of Anna's addresses.  When she changes
-- one, the verification no longer holds; changing its omschrijving keeps it.
UPDATE digitaal_adres SET verificatie_datum = '2026-11-01'
 WHERE uuid IN ('00000000-0000-0000-0099-0000000000a3', '00000000-0000-0000-0099-0000000000a4');
SET SESSION AUTHORIZATION authenticator;
SELECT status, antwoord -> 0 ->> 'adres' AS adres, antwoord -> 0 ->> 'verificatieDatum' AS geverifieerd
  FROM pgrst.http('PATCH', '/mijn_digitaleadressen?uuid=eq.00000000-0000-0000-0099-0000000000a3', '{"adres": "anna@nieuw.nl"}',
	rol => 'klantinteracties_burger', claims => :'anna');
SELECT status, antwoord -> 0 ->> 'omschrijving' AS omschrijving, antwoord -> 0 ->> 'verificatieDatum' AS geverifieerd
  FROM pgrst.http('PATCH', '/mijn_digitaleadressen?uuid=eq.00000000-0000-0000-0099-0000000000a4', '{"omschrijving": "mobiel"}',
	rol => 'klantinteracties_burger', claims => :'anna');
RESET SESSION AUTHORIZATION;

-- Plain SQL with the API roles (docs/security.md, section 5): they may
-- name schema klantinteracties (types, lookups), but no registry table
-- answers them, not even the citizen for its own partij; what they read
-- comes through the views and functions, masked.  (The fixture's table
-- grants to the citizen are revoked first; the ki_app_* roles never had any.)
REVOKE ALL ON ALL TABLES IN SCHEMA klantinteracties FROM klantinteracties_burger;
SELECT rol, count(*) AS tabellen, count(*) FILTER (WHERE uitkomst = '42501: permission denied for table ' || relname) AS geweigerd
  FROM (SELECT r.rol, c.relname, pg_temp.als(r.rol, r.claims, format('SELECT count(*) FROM klantinteracties.%I', c.relname)) AS uitkomst
		  FROM pg_class c,
			   (VALUES ('ki_app_lezer', NULL), ('ki_app_kcc', NULL),
					   ('klantinteracties_burger', :'anna'::jsonb)) AS r(rol, claims)
		 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r') AS x
 GROUP BY rol ORDER BY rol;
SELECT pg_temp.als('ki_app_lezer', NULL, $$SELECT interne_notitie FROM klantinteracties.partij WHERE uuid = '00000000-0000-0000-0099-0000000000a1'$$) AS notitie,
	   pg_temp.als('ki_app_lezer', NULL, $$SELECT bezoekadres_straatnaam FROM klantinteracties.partij WHERE uuid = '00000000-0000-0000-0099-0000000000c1'$$) AS geheim_adres,
	   pg_temp.als('ki_app_lezer', NULL, $$SELECT inhoud FROM klantinteracties.klantcontact WHERE uuid = '00000000-0000-0000-0099-0000000000d2'$$) AS vertrouwelijk,
	   pg_temp.als('ki_app_lezer', NULL, $$TABLE klantinteracties.partij_identificator$$) AS bsns;
-- The same through the views: masked.
SELECT pg_temp.als('ki_app_lezer', NULL, $$SELECT bezoekadres::text FROM klantinteracties_api.partijen WHERE uuid = '00000000-0000-0000-0099-0000000000c1'$$) AS geheim_adres,
	   pg_temp.als('ki_app_lezer', NULL, $$SELECT onderwerp || '|' || inhoud FROM klantinteracties_api.klantcontacten WHERE uuid = '00000000-0000-0000-0099-0000000000d2'$$) AS vertrouwelijk,
	   pg_temp.als('ki_app_lezer', NULL, $$SELECT inhoud FROM klantinteracties_api.klantcontacten WHERE uuid = '00000000-0000-0000-0099-0000000000d3'$$) AS bsn_in_tekst,
	   pg_temp.als('ki_app_kcc', NULL, $$SELECT onderwerp || '|' || inhoud FROM klantinteracties_api.klantcontacten WHERE uuid = '00000000-0000-0000-0099-0000000000d2'$$) AS kcc_vertrouwelijk;

-- Clean up (the audit trail and the access log keep their rows).
DELETE FROM digitaal_adres WHERE uuid::text LIKE '00000000-0000-0000-0099-%'
	OR verstrekt_door_partij::text LIKE '00000000-0000-0000-0099-%';
DELETE FROM klantcontact WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DELETE FROM actor WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DELETE FROM partij WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DROP SCHEMA ki_test CASCADE;
REVOKE ALL ON ALL TABLES IN SCHEMA klantinteracties FROM klantinteracties_burger;
DROP OWNED BY ki_test_lezer, ki_test_bsn, ki_test_geheim, ki_test_schrijver, ki_test_kcc, ki_test_beheer, ki_test_los;
DROP ROLE ki_test_lezer, ki_test_bsn, ki_test_geheim, ki_test_schrijver, ki_test_kcc, ki_test_beheer, ki_test_los,
	ki_app_lezer, ki_app_bsn, ki_app_geheim, ki_app_schrijver, ki_app_kcc;
