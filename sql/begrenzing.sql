-- Bounds on what a caller can store or pass (issue 12 findings 7 and 8),
-- tried through the PostgREST emulation as the API's roles: klantcontact
-- metadata (at most 100 keys of at most 255 characters, values at most
-- 255), the purpose of a logged lookup (at most 1000 characters).  The free
-- texts of the registry have the standard's maxLength as varchar(n)
-- (test catalog lists them); the reden of an erasure is bounded too (test
-- beveiliging_vergeten).
\i sql/include/helpers.psql
\set ECHO none
\i test/pgrst_emulatie.sql
SET client_min_messages = warning;
SELECT klantinteracties.maak_api_rollen();
RESET client_min_messages;
\set ECHO all
INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0088-000000000001', 'persoon', true);
INSERT INTO partij_identificator (identificeerde_partij, code_register, code_objecttype, code_soort_object_id, object_id)
VALUES ('00000000-0000-0000-0088-000000000001', 'brp', 'natuurlijk_persoon', 'bsn', '296648875');
SET SESSION AUTHORIZATION authenticator;

-- Finding 7's store: a writer without the bsn scope puts 20,000 BSN-like
-- numbers (209 KB) in the metadata of a klantcontact, as keys or in one
-- value.  Refused (400, 23514), each with what is wrong.
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/klantcontacten',
	json_build_object('kanaal', 'telefoon', 'onderwerp', 'x', 'taal', 'nld', 'vertrouwelijk', false,
		'metadata', (SELECT json_object_agg(lpad((100000000 + 7 * g)::text, 9, '0'), 'x') FROM generate_series(1, 20000) AS g)));
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/klantcontacten',
	json_build_object('kanaal', 'telefoon', 'onderwerp', 'x', 'taal', 'nld', 'vertrouwelijk', false,
		'metadata', json_build_object('nummers', (SELECT string_agg(lpad((100000000 + 7 * g)::text, 9, '0'), ', ') FROM generate_series(1, 20000) AS g))));
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/klantcontacten',
	json_build_object('kanaal', 'telefoon', 'onderwerp', 'x', 'taal', 'nld', 'vertrouwelijk', false,
		'metadata', json_build_object(repeat('k', 256), 'x')));
-- At the bounds it is stored: 100 keys and 100 values of 255 characters,
-- full of BSN-like numbers.
SELECT status, antwoord -> 0 ->> 'uuid' AS uuid FROM pgrst.http('POST', '/klantcontacten',
	json_build_object('uuid', '00000000-0000-0000-0088-000000000011', 'kanaal', 'telefoon', 'onderwerp', 'x', 'taal', 'nld',
		'vertrouwelijk', false,
		'metadata', (SELECT json_object_agg(left(lpad(g::text, 3, '0') || ' ' || repeat('296648875 ', 30), 255),
											left(repeat('296648875 ', 30), 255)) FROM generate_series(1, 100) AS g)));
-- A reader without bsn reads it masked; the mask's work on the whole
-- metadata stays under 64 bytes examined per byte (0.1.0: one replace()
-- per distinct number).
SELECT status, (SELECT count(*) FROM jsonb_each_text(antwoord -> 0 -> 'metadata') AS e
				 WHERE e.key ~ '296648875' OR e.value ~ '296648875') AS onbemaskerd,
	   (SELECT count(*) FROM jsonb_each_text(antwoord -> 0 -> 'metadata')) AS sleutels
  FROM pgrst.http('GET', '/klantcontacten?uuid=eq.00000000-0000-0000-0088-000000000011', rol => 'klantinteracties_lezer');
RESET SESSION AUTHORIZATION;
SELECT length(metadata::text) AS lengte, maskeer_bsn_werk(metadata::text) < 64 * length(metadata::text) AS lineair
  FROM klantcontact WHERE uuid = '00000000-0000-0000-0088-000000000011';
SET SESSION AUTHORIZATION authenticator;

-- Finding 8's purpose: 10 MB, and one character over the bound, refused
-- (400, 22023) before anything is read or logged; 1000 characters pass.
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/rpc/klantbeeld_opvragen',
	json_build_object('doelbinding', repeat('A', 10000000), 'partij', '00000000-0000-0000-0088-000000000001'), rol => 'klantinteracties_lezer');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/rpc/zoek_partij_op_bsn',
	json_build_object('doelbinding', repeat('A', 1001), 'bsn', '296648875'), rol => 'klantinteracties_lezer');
SELECT status, jsonb_typeof(antwoord) FROM pgrst.http('POST', '/rpc/klantbeeld_opvragen',
	json_build_object('doelbinding', repeat('A', 1000), 'partij', '00000000-0000-0000-0088-000000000001'), rol => 'klantinteracties_lezer');
RESET SESSION AUTHORIZATION;
SELECT max(char_length(doelbinding)) AS langste_doelbinding, count(*) FILTER (WHERE char_length(doelbinding) > 1000) AS te_lang
  FROM inzagelog;

-- Who acts (wie(), stored with every audit row, access-log row and change
-- event): the JWT's sub and application (app, client_id or azp) at most
-- 255 characters, the x-request-id header at most 200.  Beyond, the
-- request is refused (400, 22023) before anything is written; at the
-- bounds it passes.
SET SESSION AUTHORIZATION authenticator;
SELECT c.claim, h.status, h.code, h.bericht, h.detail
  FROM (VALUES ('sub', 256), ('app', 256), ('client_id', 256), ('azp', 256)) AS c(claim, lengte),
	   LATERAL pgrst.http('POST', '/klantcontacten',
		json_build_object('kanaal', 'telefoon', 'onderwerp', 'wie', 'taal', 'nld', 'vertrouwelijk', false),
		claims => jsonb_build_object(c.claim, repeat('s', c.lengte))) AS h;
SELECT status, code FROM pgrst.http('POST', '/rpc/zoek_partij_op_bsn',
	json_build_object('doelbinding', 'identificatie', 'bsn', '296648875'), rol => 'klantinteracties_lezer',
	claims => jsonb_build_object('sub', repeat('s', 256)));
SELECT status, antwoord -> 0 ->> 'onderwerp' AS onderwerp FROM pgrst.http('POST', '/klantcontacten',
	json_build_object('uuid', '00000000-0000-0000-0088-000000000012', 'kanaal', 'telefoon', 'onderwerp', 'wie', 'taal', 'nld',
		'vertrouwelijk', false),
	claims => jsonb_build_object('sub', repeat('s', 255), 'app', repeat('a', 255)));
-- The request id comes from the headers PostgREST passes.
BEGIN;
SELECT set_config('request.jwt.claims', '{"role": "klantinteracties_schrijver", "sub": "mdeboer"}', true) IS NOT NULL AS claims,
	   set_config('request.headers', json_build_object('x-request-id', repeat('r', 201))::text, true) IS NOT NULL AS headers;
SET LOCAL ROLE klantinteracties_schrijver;
SELECT * FROM pg_temp.try($$INSERT INTO klantinteracties_api.klantcontacten (kanaal, onderwerp, taal, vertrouwelijk) VALUES ('telefoon', 'wie', 'nld', false)$$);
SELECT set_config('request.headers', json_build_object('x-request-id', repeat('r', 200))::text, true) IS NOT NULL AS headers;
SELECT length(klantinteracties.wie() ->> 'verzoek') AS verzoek, length(klantinteracties.wie() ->> 'subject') AS subject;
ROLLBACK;
RESET SESSION AUTHORIZATION;
SELECT length(subject) AS subject, length(applicatie) AS applicatie, verzoek FROM wijzigingslog
 WHERE tabel = 'klantcontact' AND sleutel = '00000000-0000-0000-0088-000000000012';
SELECT count(*) FILTER (WHERE char_length(subject) > 255 OR char_length(applicatie) > 255 OR char_length(verzoek) > 200) AS te_lang
  FROM wijzigingslog;

DELETE FROM klantcontact WHERE uuid = '00000000-0000-0000-0088-000000000011';
DELETE FROM klantcontact WHERE uuid = '00000000-0000-0000-0088-000000000012';
DELETE FROM partij WHERE uuid = '00000000-0000-0000-0088-000000000001';
