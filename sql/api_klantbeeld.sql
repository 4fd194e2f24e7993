-- REST API: the klantbeeld and the working lists as /rpc/klantbeeld,
-- /rpc/contacthistorie and /rpc/open_taken, through the PostgREST emulation
-- (GET: read-only transactions), with the refusals and their HTTP status.
SET search_path = klantinteracties, public;
\set ECHO none
\i test/pgrst_emulatie.sql
\set ECHO all
SET client_min_messages = warning;
-- The unlogged GET /rpc/klantbeeld is granted explicitly (docs/security.md, section 8),
-- and the API role acts as a KCC application that may see BSNs and secret partijen.
GRANT EXECUTE ON FUNCTION klantinteracties_api.klantbeeld(uuid, text, text) TO klantinteracties_lezer;
GRANT klantinteracties_bsn, klantinteracties_geheim TO klantinteracties_lezer;
RESET client_min_messages;

-- A small registry: one persoon with a BSN, two contacts, one open taak.
SELECT registreer_partij('999993653'::bsn, voornaam => 'Fatima', achternaam => 'El Amrani',
	emailadres => 'fatima@voorbeeld.nl') AS partij \gset
INSERT INTO klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt, taal, vertrouwelijk, plaatsgevonden_op)
VALUES ('00000000-0000-0000-0067-000000000001', 'telefoon', 'paspoort aanvragen', 'Vraag over afspraak', true, 'nld', false, '2026-11-02 10:00+01'),
	('00000000-0000-0000-0067-000000000002', 'balie', 'parkeervergunning', 'Aanvraag ingediend', true, 'nld', false, '2026-11-20 14:30+01');
INSERT INTO betrokkene (uuid, had_klantcontact, was_partij, rol, initiator)
VALUES ('00000000-0000-0000-0067-000000000011', '00000000-0000-0000-0067-000000000001', :'partij', 'klant', true),
	('00000000-0000-0000-0067-000000000012', '00000000-0000-0000-0067-000000000002', :'partij', 'klant', true);
INSERT INTO actor (uuid, naam, soort_actor, indicatie_actief, actoridentificator_object_id)
VALUES ('00000000-0000-0000-0067-000000000021', 'Team Parkeren', 'organisatorische_eenheid', true, '');
INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, toelichting, status, toegewezen_op)
VALUES ('00000000-0000-0000-0067-000000000031', 'Terugbellen', '00000000-0000-0000-0067-000000000002',
	'Klant wil weten wanneer de vergunning ingaat', 'te_verwerken', '2026-11-20 15:00+01');
INSERT INTO interne_taak_actor (interne_taak, actor)
VALUES ('00000000-0000-0000-0067-000000000031', '00000000-0000-0000-0067-000000000021');

SET SESSION AUTHORIZATION authenticator;
-- The klantbeeld by BSN (any spelling), by uuid: the same document.
SELECT status, antwoord -> 'partij' ->> 'soortPartij' AS soort,
	jsonb_array_length(antwoord -> 'klantcontacten') AS klantcontacten,
	antwoord -> 'klantcontacten' -> 0 ->> 'onderwerp' AS nieuwste
FROM pgrst.http('GET', '/rpc/klantbeeld?bsn=9999.93.653', rol => 'klantinteracties_lezer');
SELECT (SELECT antwoord FROM pgrst.http('GET', '/rpc/klantbeeld?bsn=999993653', rol => 'klantinteracties_lezer'))
	= (SELECT antwoord FROM pgrst.http('GET', '/rpc/klantbeeld?partij=' || :'partij', rol => 'klantinteracties_lezer'))
	AS zelfde_document;
-- Refusals: a BSN that fails the elfproef (400), an unknown one (404), two
-- keys at once (400), and the anonymous role (401).
SELECT status, code, bericht, detail FROM pgrst.http('GET', '/rpc/klantbeeld?bsn=123456789', rol => 'klantinteracties_lezer');
SELECT status, code, bericht FROM pgrst.http('GET', '/rpc/klantbeeld?bsn=111222333', rol => 'klantinteracties_lezer');
SELECT status, code, bericht FROM pgrst.http('GET', '/rpc/klantbeeld?bsn=111222333&kvkNummer=69599084', rol => 'klantinteracties_lezer');
SELECT status, code FROM pgrst.http('GET', '/rpc/klantbeeld?bsn=999993653', rol => 'web_anon');

-- Contacthistorie, newest first; within a period; on one kanaal.
SELECT status, jsonb_path_query_array(antwoord, '$[*].onderwerp') AS onderwerpen
FROM pgrst.http('GET', '/rpc/contacthistorie?partij=' || :'partij', rol => 'klantinteracties_lezer');
SELECT status, jsonb_path_query_array(antwoord, '$[*].onderwerp') AS onderwerpen
FROM pgrst.http('GET', '/rpc/contacthistorie?partij=' || :'partij' || '&van=2026-11-10&kanaal=balie', rol => 'klantinteracties_lezer');
SELECT status, antwoord -> 0 -> 'klantcontact' ->> 'url' AS url, antwoord -> 0 -> 'rollen' AS rollen
FROM pgrst.http('GET', '/rpc/contacthistorie?partij=' || :'partij', rol => 'klantinteracties_lezer');

-- Open taken of the actor, with references.
SELECT status, antwoord -> 0 ->> 'actorNaam' AS actor, antwoord -> 0 ->> 'gevraagdeHandeling' AS handeling,
	antwoord -> 0 -> 'interneTaak' ->> 'url' AS taak
FROM pgrst.http('GET', '/rpc/open_taken?actor=00000000-0000-0000-0067-000000000021', rol => 'klantinteracties_lezer');

-- The logged klantbeeld: POST /rpc/klantbeeld_opvragen with a purpose gives
-- the same document and writes one access-log entry; without a purpose it
-- is refused (400), and on GET (a read-only transaction) it cannot log (405).
SELECT (SELECT antwoord FROM pgrst.http('POST', '/rpc/klantbeeld_opvragen',
		'{"doelbinding": "terugbelverzoek afhandelen", "bsn": "9999.93.653"}', rol => 'klantinteracties_lezer'))
	= (SELECT antwoord FROM pgrst.http('GET', '/rpc/klantbeeld?partij=' || :'partij', rol => 'klantinteracties_lezer'))
	AS zelfde_document_gelogd;
SELECT status, code, bericht FROM pgrst.http('POST', '/rpc/klantbeeld_opvragen', '{"bsn": "999993653"}',
	rol => 'klantinteracties_lezer');
SELECT status, code FROM pgrst.http('GET', '/rpc/klantbeeld_opvragen?doelbinding=x&bsn=999993653',
	rol => 'klantinteracties_lezer');
RESET SESSION AUTHORIZATION;

SELECT handeling, partij = :'partij' AS deze_partij, doelbinding, rol
  FROM inzagelog WHERE handeling = 'klantbeeld_opvragen' ORDER BY id DESC LIMIT 1;
DELETE FROM interne_taak WHERE uuid = '00000000-0000-0000-0067-000000000031';
DELETE FROM actor WHERE uuid = '00000000-0000-0000-0067-000000000021';
DELETE FROM klantcontact WHERE uuid IN ('00000000-0000-0000-0067-000000000001', '00000000-0000-0000-0067-000000000002');
DELETE FROM partij WHERE uuid = :'partij';
REVOKE EXECUTE ON FUNCTION klantinteracties_api.klantbeeld(uuid, text, text) FROM klantinteracties_lezer;
REVOKE klantinteracties_bsn, klantinteracties_geheim FROM klantinteracties_lezer;
