-- The attack suite (issue 12): each known attack, performed as the ordinary
-- login that would try it (never as the superuser), and what it gets now:
-- the refusal with its SQLSTATE, or the evidence that nothing leaked.  Each
-- section names its finding (issue 12's numbering); docs/security.md says,
-- finding by finding, what closed it and that this test keeps it closed.
-- The generic sweeps are separate tests: beveiliging_schaduw (every
-- function and view against planted names) and beveiliging_catalogus (the
-- declared privileges).  Errors print without CONTEXT (function line
-- numbers are not what is asserted); each refusal is followed by its
-- SQLSTATE.
\set aanval_db ki_aanval
\set SHOW_CONTEXT never
-- The fixture (database :aanval_db, logins ki_aanval_*), inline until
-- sql/include/aanval.psql is on main; the same statements, no output.
\set ECHO none
-- Fixture of the attack tests (sql/beveiliging_aanval*.sql, _schaduw,
-- _orakel): a database of its own, :aanval_db, with the extension and a
-- small committed registry, and ordinary LOGIN roles holding the API's
-- group roles, as a deployment would make them.  The attacks run as these
-- logins (\c), never as the superuser; the roles hold no privilege on a
-- table.  sql/include/aanval_einde.psql drops the database and the roles.
-- Keep this file ASCII.
--
-- Logins (password-less: the test cluster trusts its local socket):
--   ki_aanval_lezer (read), ki_aanval_bsn (read, bsn), ki_aanval_geheim
--   (read, geheim), ki_aanval_schrijver (read, write), ki_aanval_kcc (read,
--   write, bsn, geheim), ki_aanval_beheer (beheer), ki_aanval_kwaad (no
--   scope: a login that plants objects where it may), and
--   ki_aanval_authenticator (a PostgREST authenticator: NOINHERIT, member
--   of klantinteracties_postgrest, may become the citizen).
-- Data (uuids 00000000-0000-0000-0099-0000000000nn):
--   a1 Anna Aalders, BSN 111222333, e-mail anna@example.com, phone
--      0612345678 (standaard), address;
--   b1 Bert Bakker, BSN 123456782, a digitaal adres whose omschrijving
--      holds a BSN ("BSN partner 824568503");
--   c1 Cees Citroen, BSN 999999990, secret (indicatie_geheimhouding),
--      address, e-mail cees@geheim.nl;
--   e1 organisatie Bakkerij, KvK 12345678;
--   11 klantcontact of Anna (betrokkene 21, interne taak 51 whose
--      toelichting holds her BSN, bijlage 32), 12 vertrouwelijk
--      klantcontact of Bert (betrokkene 22, onderwerpobject 31 whose
--      objectId is a BSN, bijlage 33, interne taak 52), 13 klantcontact of
--      Cees (betrokkene 23 with his name);
--   actor 41, a medewerker with actoridentificator BSN 111222333.
SELECT current_user AS beheerder, current_database() AS testdb \gset
SET client_min_messages = warning;
SELECT format('DROP DATABASE IF EXISTS %I', :'aanval_db') \gexec
DO $$
DECLARE
	r text;
BEGIN
	FOREACH r IN ARRAY ARRAY['ki_aanval_lezer', 'ki_aanval_bsn', 'ki_aanval_geheim', 'ki_aanval_schrijver',
							  'ki_aanval_kcc', 'ki_aanval_beheer', 'ki_aanval_kwaad', 'ki_aanval_authenticator'] LOOP
		IF EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('DROP ROLE %I', r);
		END IF;
	END LOOP;
END $$;
CREATE ROLE ki_aanval_lezer LOGIN IN ROLE klantinteracties_lezer;
CREATE ROLE ki_aanval_bsn LOGIN IN ROLE klantinteracties_lezer, klantinteracties_bsn;
CREATE ROLE ki_aanval_geheim LOGIN IN ROLE klantinteracties_lezer, klantinteracties_geheim;
CREATE ROLE ki_aanval_schrijver LOGIN IN ROLE klantinteracties_schrijver;
CREATE ROLE ki_aanval_kcc LOGIN IN ROLE klantinteracties_schrijver, klantinteracties_bsn, klantinteracties_geheim;
CREATE ROLE ki_aanval_beheer LOGIN IN ROLE klantinteracties_beheer;
CREATE ROLE ki_aanval_kwaad LOGIN;
CREATE ROLE ki_aanval_authenticator LOGIN NOINHERIT IN ROLE klantinteracties_postgrest, klantinteracties_burger;
SELECT format('CREATE DATABASE %I TEMPLATE template0', :'aanval_db') \gexec
\c :aanval_db
SET client_min_messages = warning;
-- A schema every role may create objects in, as schema public was for
-- PUBLIC before PostgreSQL 15 (and still is after many upgrades).
CREATE SCHEMA schaduw;
GRANT USAGE, CREATE ON SCHEMA schaduw TO PUBLIC;
CREATE EXTENSION pg_trgm;
CREATE EXTENSION klantinteracties;
SET search_path = klantinteracties, public;

INSERT INTO partij (uuid, soort_partij, indicatie_actief, interne_notitie, voorkeurstaal, bezoekadres_straatnaam,
	bezoekadres_huisnummer, bezoekadres_postcode, bezoekadres_stad) VALUES
	('00000000-0000-0000-0099-0000000000a1', 'persoon', true, 'Belt graag na vijven', 'nld', 'Amstel', 1, '1015 CJ', 'Amsterdam'),
	('00000000-0000-0000-0099-0000000000b1', 'persoon', true, '', '', '', NULL, NULL, ''),
	('00000000-0000-0000-0099-0000000000c1', 'persoon', true, 'Geheim adres', 'fry', 'Schuilhoek', 7, '9999 ZZ', 'Ergens'),
	('00000000-0000-0000-0099-0000000000e1', 'organisatie', true, '', '', '', NULL, NULL, '');
UPDATE partij SET indicatie_geheimhouding = true WHERE uuid = '00000000-0000-0000-0099-0000000000c1';
INSERT INTO persoon (partij, contactnaam_voornaam, contactnaam_achternaam) VALUES
	('00000000-0000-0000-0099-0000000000a1', 'Anna', 'Aalders'),
	('00000000-0000-0000-0099-0000000000b1', 'Bert', 'Bakker'),
	('00000000-0000-0000-0099-0000000000c1', 'Cees', 'Citroen');
INSERT INTO organisatie (partij, naam) VALUES ('00000000-0000-0000-0099-0000000000e1', 'Bakkerij');
INSERT INTO partij_identificator (uuid, identificeerde_partij, code_register, code_objecttype, code_soort_object_id, object_id) VALUES
	('00000000-0000-0000-0099-0000000000a2', '00000000-0000-0000-0099-0000000000a1', 'brp', 'natuurlijk_persoon', 'bsn', '111222333'),
	('00000000-0000-0000-0099-0000000000b2', '00000000-0000-0000-0099-0000000000b1', 'brp', 'natuurlijk_persoon', 'bsn', '123456782'),
	('00000000-0000-0000-0099-0000000000c2', '00000000-0000-0000-0099-0000000000c1', 'brp', 'natuurlijk_persoon', 'bsn', '999999990'),
	('00000000-0000-0000-0099-0000000000e2', '00000000-0000-0000-0099-0000000000e1', 'hr', 'niet_natuurlijk_persoon', 'kvk_nummer', '12345678');
INSERT INTO digitaal_adres (uuid, verstrekt_door_partij, soort_digitaal_adres, adres, omschrijving, is_standaard_adres, is_voorkeursadres) VALUES
	('00000000-0000-0000-0099-0000000000a3', '00000000-0000-0000-0099-0000000000a1', 'email', 'anna@example.com', '', true, true),
	('00000000-0000-0000-0099-0000000000a4', '00000000-0000-0000-0099-0000000000a1', 'telefoonnummer', '0612345678', '', true, false),
	('00000000-0000-0000-0099-0000000000b3', '00000000-0000-0000-0099-0000000000b1', 'email', 'bert@example.com', 'BSN partner 824568503', true, false),
	('00000000-0000-0000-0099-0000000000c3', '00000000-0000-0000-0099-0000000000c1', 'email', 'cees@geheim.nl', '', true, true);
INSERT INTO rekeningnummer (uuid, partij, iban) VALUES
	('00000000-0000-0000-0099-0000000000c4', '00000000-0000-0000-0099-0000000000c1', 'NL91ABNA0417164300');
INSERT INTO klantcontact (uuid, kanaal, onderwerp, inhoud, taal, vertrouwelijk, plaatsgevonden_op) VALUES
	('00000000-0000-0000-0099-000000000011', 'telefoon', 'Paspoort', 'Anna belde over haar paspoort', 'nld', false, '2024-03-01 10:00+01'),
	('00000000-0000-0000-0099-000000000012', 'balie', 'Schuldhulp', 'Bert heeft schulden bij 3 instanties', 'nld', true, '2024-03-02 10:00+01'),
	('00000000-0000-0000-0099-000000000013', 'telefoon', 'Adreswijziging', 'Cees verhuisde', 'nld', false, '2024-03-03 10:00+01');
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator, contactnaam_voornaam, contactnaam_achternaam) VALUES
	('00000000-0000-0000-0099-000000000021', '00000000-0000-0000-0099-0000000000a1', '00000000-0000-0000-0099-000000000011', 'klant', true, 'Anna', 'Aalders'),
	('00000000-0000-0000-0099-000000000022', '00000000-0000-0000-0099-0000000000b1', '00000000-0000-0000-0099-000000000012', 'klant', true, 'Bert', 'Bakker'),
	('00000000-0000-0000-0099-000000000023', '00000000-0000-0000-0099-0000000000c1', '00000000-0000-0000-0099-000000000013', 'klant', true, 'Cees', 'Citroen');
INSERT INTO onderwerpobject (uuid, klantcontact, onderwerpobjectidentificator_object_id, onderwerpobjectidentificator_code_objecttype,
	onderwerpobjectidentificator_code_register, onderwerpobjectidentificator_code_soort_object_id) VALUES
	('00000000-0000-0000-0099-000000000031', '00000000-0000-0000-0099-000000000012', '123456782', 'natuurlijk_persoon', 'brp', 'bsn');
INSERT INTO bijlage (uuid, was_bijlage_van_klantcontact, bijlageidentificator_object_id, bijlageidentificator_code_objecttype) VALUES
	('00000000-0000-0000-0099-000000000032', '00000000-0000-0000-0099-000000000011', 'doc-1', 'document'),
	('00000000-0000-0000-0099-000000000033', '00000000-0000-0000-0099-000000000012', 'schuldenoverzicht-bert', 'document');
INSERT INTO actor (uuid, naam, soort_actor, actoridentificator_object_id, actoridentificator_code_soort_object_id) VALUES
	('00000000-0000-0000-0099-000000000041', 'Mieke de Boer', 'medewerker', '111222333', 'bsn');
INSERT INTO medewerker (actor, functie, telefoonnummer) VALUES
	('00000000-0000-0000-0099-000000000041', 'KCC-medewerker', '0201234567');
INSERT INTO actor_klantcontact (actor, klantcontact) VALUES
	('00000000-0000-0000-0099-000000000041', '00000000-0000-0000-0099-000000000011'),
	('00000000-0000-0000-0099-000000000041', '00000000-0000-0000-0099-000000000012');
INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, toelichting) VALUES
	('00000000-0000-0000-0099-000000000051', 'Terugbellen', '00000000-0000-0000-0099-000000000011', 'Anna (BSN 111222333) wil teruggebeld worden'),
	('00000000-0000-0000-0099-000000000052', 'Doorverwijzen schuldhulp', '00000000-0000-0000-0099-000000000012', 'Bert: schulden bij drie instanties');
INSERT INTO interne_taak_actor (interne_taak, actor) VALUES
	('00000000-0000-0000-0099-000000000051', '00000000-0000-0000-0099-000000000041'),
	('00000000-0000-0000-0099-000000000052', '00000000-0000-0000-0099-000000000041');
ANALYZE;
RESET search_path;
RESET client_min_messages;
\set ECHO all

-- Finding 9: forged access-log entries.  Only the logged lookups
-- (klantbeeld_opvragen, zoek_partij_op_bsn) write the access log, through
-- inzage_vastleggen, which only klantinteracties_eigenaar (their owner) may
-- execute.  Every role tries the issue's call, and the log's table itself.
\c :aanval_db ki_aanval_lezer
SELECT klantinteracties.inzage_vastleggen('klantbeeld_opvragen', ARRAY['00000000-0000-0000-0099-0000000000a1']::uuid[],
	'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
INSERT INTO klantinteracties.inzagelog (handeling, partij, doelbinding) VALUES ('klantbeeld_opvragen',
	'00000000-0000-0000-0099-0000000000a1', 'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_kcc
SELECT klantinteracties.inzage_vastleggen('zoek_partij_op_bsn', ARRAY['00000000-0000-0000-0099-0000000000a1']::uuid[],
	'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_beheer
SELECT klantinteracties.inzage_vastleggen('klantbeeld_opvragen', ARRAY['00000000-0000-0000-0099-0000000000a1']::uuid[],
	'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
UPDATE klantinteracties.inzagelog SET doelbinding = 'Fraudeonderzoek';
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_kwaad
SELECT klantinteracties.inzage_vastleggen('klantbeeld_opvragen', ARRAY['00000000-0000-0000-0099-0000000000a1']::uuid[],
	'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
-- A real lookup by the reader is logged, for the partij it showed.
\c :aanval_db ki_aanval_lezer
SELECT count(*) AS getoond FROM klantinteracties_api.klantbeeld_opvragen(doelbinding => 'Terugbelverzoek',
	partij => '00000000-0000-0000-0099-0000000000a1');
-- Anna, through PostgREST's authenticator as the citizen, sees that lookup
-- and nothing forged.
\c :aanval_db ki_aanval_authenticator
SET ROLE klantinteracties_burger;
SELECT set_config('request.jwt.claims', '{"role": "klantinteracties_burger", "bsn": "111222333"}', false) IS NOT NULL AS claims;
SELECT handeling, doelbinding FROM klantinteracties_api.mijn_inzage ORDER BY 1, 2;
\c :aanval_db ki_aanval_beheer
SELECT handeling, partij, doelbinding FROM klantinteracties.inzagelog ORDER BY 1, 2, 3;

-- Finding 11: a spoofed NOTIFY.  PostgreSQL has no privilege on NOTIFY:
-- any login can signal the channel, with any payload.  The outbox worker
-- (docs/security.md, section 9) takes the signal only as a wake-up and
-- reads what to send from the outbox table, which only the registry's
-- triggers write: the forged payloads name nothing it would send.
\c :aanval_db ki_aanval_kwaad
NOTIFY klantinteracties_gebeurtenis, '424242';
\echo sqlstate :SQLSTATE
SELECT pg_notify('klantinteracties_gebeurtenis', '1; vervalst') IS NULL AS gesignaleerd;
SELECT count(*) FROM klantinteracties.gebeurtenis;
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_schrijver
INSERT INTO klantinteracties.gebeurtenis (kanaal, resource_uuid, actie, cloudevent)
VALUES ('partijen', '00000000-0000-0000-0099-0000000000a1', 'destroy', '{}');
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_beheer
-- The worker itself may mark events sent and delete them, not write them.
INSERT INTO klantinteracties.gebeurtenis (kanaal, resource_uuid, actie, cloudevent)
VALUES ('partijen', '00000000-0000-0000-0099-0000000000a1', 'destroy', '{}');
\echo sqlstate :SQLSTATE
UPDATE klantinteracties.gebeurtenis SET cloudevent = '{}';
\echo sqlstate :SQLSTATE
-- The worker's query: what the triggers wrote (the fixture's changes), no
-- event 424242 or 1 beyond them.
SELECT count(*) AS te_verzenden, min(id) AS eerste, max(id) AS laatste,
	   count(*) FILTER (WHERE cloudevent -> 'data' ->> 'actie' = 'destroy') AS destroy
  FROM klantinteracties.gebeurtenis WHERE verzonden_op IS NULL;
-- The worker sends them and marks them sent; a spoofed signal naming one of
-- them afterwards makes it send nothing again (no replay).
UPDATE klantinteracties.gebeurtenis SET verzonden_op = now() WHERE verzonden_op IS NULL;
\c :aanval_db ki_aanval_kwaad
NOTIFY klantinteracties_gebeurtenis, '1';
\c :aanval_db ki_aanval_beheer
SELECT count(*) AS te_verzenden FROM klantinteracties.gebeurtenis WHERE verzonden_op IS NULL;
SELECT max(id) AS laatste_gebeurtenis FROM klantinteracties.gebeurtenis \gset

-- Finding 11, the events' source: the CloudEvents source and resourceUrl
-- were built from the setting klantinteracties.api_base_url, which any
-- login may SET in its session or pass in its connection options; a writer
-- then sent every subscriber, who fetches resourceUrl with its own
-- credentials, to a host of its choosing.  Only the database's setting
-- (ALTER DATABASE ... SET, by the database's owner) counts now.
\c :aanval_db ki_aanval_schrijver
SET klantinteracties.api_base_url = 'https://aanvaller.example/oogst';
UPDATE klantinteracties_api.partijen SET voorkeurstaal = 'eng' WHERE uuid = '00000000-0000-0000-0099-0000000000a1';
\c 'dbname=ki_aanval user=ki_aanval_schrijver options=-cklantinteracties.api_base_url=https://aanvaller.example/oogst'
SHOW klantinteracties.api_base_url;
UPDATE klantinteracties_api.partijen SET voorkeurstaal = 'nld' WHERE uuid = '00000000-0000-0000-0099-0000000000e1';
ALTER ROLE ki_aanval_schrijver SET klantinteracties.api_base_url = 'https://aanvaller.example/oogst';
\echo sqlstate :SQLSTATE
ALTER DATABASE ki_aanval SET klantinteracties.api_base_url = 'https://aanvaller.example/oogst';
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_beheer
SELECT resource_uuid, actie, cloudevent ->> 'source' AS source, cloudevent -> 'data' ->> 'resourceUrl' AS url
  FROM klantinteracties.gebeurtenis WHERE id > :laatste_gebeurtenis ORDER BY id;

-- set_config and role tricks.  In a session that is not PostgREST's
-- authenticator, JWT claims are the caller's own words and count for
-- nothing: no scope widened, no citizen's BSN, no subject.  The role
-- settings name only roles the login is a member of; the settings that
-- would silence the audit trail and the outbox (row_security,
-- session_replication_role) refuse or stop the query.
\c :aanval_db ki_aanval_lezer
SELECT set_config('request.jwt.claims', '{"role": "klantinteracties_burger", "bsn": "999999990", "sub": "iemand", "scope": "read bsn geheim beheer"}', false) IS NOT NULL AS gezet;
SELECT set_config('request.headers', '{"x-request-id": "vervalst"}', false) IS NOT NULL AS gezet;
SELECT klantinteracties.jwt_claims() IS NULL AS genegeerd, klantinteracties.scopes() AS scopes,
	   klantinteracties.burger_bsn() AS burger_bsn, klantinteracties.wie() ->> 'subject' AS subject,
	   klantinteracties.wie() ->> 'verzoek' AS verzoek;
SELECT count(*) AS bsn_zichtbaar FROM klantinteracties_api."partij-identificatoren"
 WHERE "partijIdentificator" ->> 'codeSoortObjectId' = 'bsn';
SELECT count(*) AS mijn_partij FROM klantinteracties_api.mijn_partij;
\echo sqlstate :SQLSTATE
SET ROLE klantinteracties_bsn;
\echo sqlstate :SQLSTATE
SELECT set_config('role', 'klantinteracties_geheim', false);
\echo sqlstate :SQLSTATE
SET ROLE klantinteracties_eigenaar;
\echo sqlstate :SQLSTATE
SET SESSION AUTHORIZATION ki_aanval_kcc;
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_schrijver
SET session_replication_role = replica;
\echo sqlstate :SQLSTATE
SET row_security = off;
UPDATE klantinteracties_api.partijen SET voorkeurstaal = 'deu' WHERE uuid = '00000000-0000-0000-0099-0000000000a1';
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties_api.partijen;
\echo sqlstate :SQLSTATE
RESET row_security;
SELECT voorkeurstaal FROM klantinteracties_api.partijen WHERE uuid = '00000000-0000-0000-0099-0000000000a1';
-- The DROP guard's setting is anyone's to set; dropping stays the owner's.
SET klantinteracties.verwijderen_toegestaan = on;
DROP EXTENSION klantinteracties;
\echo sqlstate :SQLSTATE
-- The citizen's role without PostgREST's authenticator: a login that may
-- become klantinteracties_burger but is not the authenticator gets no
-- claims counted, so no partij.
\c :aanval_db ki_aanval_kwaad
SET ROLE klantinteracties_burger;
\echo sqlstate :SQLSTATE
\c :aanval_db :beheerder
GRANT klantinteracties_burger TO ki_aanval_kwaad;
\c :aanval_db ki_aanval_kwaad
SET ROLE klantinteracties_burger;
SELECT set_config('request.jwt.claims', '{"role": "klantinteracties_burger", "bsn": "111222333"}', false) IS NOT NULL AS gezet;
SELECT klantinteracties.burger_partij() AS zonder_authenticator;
SELECT count(*) AS mijn_partij FROM klantinteracties_api.mijn_partij;
SELECT count(*) AS mijn_inzage FROM klantinteracties_api.mijn_inzage;

-- Side channels: what a refused write says about rows the caller cannot
-- see.  A writer without geheim names, in a new digitaal adres, the
-- betrokkene of the secret partij (hidden from it) and a uuid that does not
-- exist: the same answer.  (A row's existence by a uuid the caller already
-- knows is not protected: docs/security.md.)
\c :aanval_db ki_aanval_schrijver
INSERT INTO klantinteracties_api.digitaleadressen ("verstrektDoorBetrokkene", "soortDigitaalAdres", adres, omschrijving)
VALUES ('{"uuid": "00000000-0000-0000-0099-000000000023"}', 'email', 'x@example.org', '');
\echo sqlstate :SQLSTATE
INSERT INTO klantinteracties_api.digitaleadressen ("verstrektDoorBetrokkene", "soortDigitaalAdres", adres, omschrijving)
VALUES ('{"uuid": "00000000-0000-0000-0099-0000000000ff"}', 'email', 'x@example.org', '');
\echo sqlstate :SQLSTATE
-- Side channels, the lookups by uuid: for the secret partij (hidden from a
-- reader without geheim but for its uuid and flag), for the klantcontact
-- whose only betrokkene is that partij, and for a uuid that does not
-- exist, a reader gets the same empty answers; the klantbeeld of the
-- secret partij says only that it is secret.
\c :aanval_db ki_aanval_lezer
SELECT 'contacthistorie' AS functie,
	   (SELECT count(*) FROM klantinteracties.contacthistorie('00000000-0000-0000-0099-0000000000c1')) AS verborgen,
	   (SELECT count(*) FROM klantinteracties.contacthistorie('00000000-0000-0000-0099-0000000000ff')) AS afwezig
UNION ALL
SELECT 'mogelijke_dubbelen',
	   (SELECT count(*) FROM klantinteracties.mogelijke_dubbelen('00000000-0000-0000-0099-0000000000c1')),
	   (SELECT count(*) FROM klantinteracties.mogelijke_dubbelen('00000000-0000-0000-0099-0000000000ff'))
UNION ALL
SELECT 'contactgegevens_voor_opvolging',
	   (SELECT count(*) FROM klantinteracties.contactgegevens_voor_opvolging('00000000-0000-0000-0099-000000000013')),
	   (SELECT count(*) FROM klantinteracties.contactgegevens_voor_opvolging('00000000-0000-0000-0099-0000000000ff'));
SELECT klantinteracties.klantbeeld('00000000-0000-0000-0099-0000000000c1'::uuid) AS geheime_partij,
	   klantinteracties.klantbeeld('00000000-0000-0000-0099-0000000000ff'::uuid) AS afwezig;

-- Lookups by a secret value answer alike for a BSN the caller may not
-- see (Bert's, the secret Cees's) and one that is not registered.
SELECT klantinteracties.zoek_partij('123456782'::klantinteracties.bsn) AS bert,
	   klantinteracties.zoek_partij('999999990'::klantinteracties.bsn) AS cees,
	   klantinteracties.zoek_partij('111222333'::klantinteracties.bsn) AS anna,
	   klantinteracties.zoek_partij('100000009'::klantinteracties.bsn) AS onbekend;
SELECT count(*) AS bert FROM klantinteracties_api.partijen_met_identificator('bsn', '123456782', NULL);
SELECT count(*) AS onbekend FROM klantinteracties_api.partijen_met_identificator('bsn', '100000009', NULL);

-- Oversized input to the lookups a reader may call (as a reader with bsn,
-- so that every value is parsed): refused with 22P02 and the value quoted
-- in part, or an empty answer; never a crash or XX000.
\c :aanval_db ki_aanval_bsn
SELECT count(*) FROM klantinteracties_api.partijen_met_identificator('bsn', repeat('1', 1000000), NULL);
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties_api.digitaleadressen_met_identificator('bsn', repeat('1', 1000000));
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties_api.partijen_met_digitaal_adres(repeat('a', 1000000), 'email');
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties.zoek_partij(repeat('1', 1000000)::klantinteracties.bsn);
\echo sqlstate :SQLSTATE
SELECT count(*) AS gevonden FROM klantinteracties_api.partijen_met_naamdeel(repeat('ab', 50000));
SELECT count(*) AS gevonden FROM klantinteracties_api.digitaleadressen_met_adresdeel(repeat('a', 100000), 'email');

-- Planner statistics: the column statistics of the registry (most common
-- values, histograms: real BSNs and names) are not readable by the
-- logins, through any of PostgreSQL's views or catalogs.  What every
-- login can read is how many rows each table has (pg_class.reltuples,
-- the statistics views), hidden rows included: not protected
-- (docs/security.md), shown here for the identificators (a reader sees 1
-- of 4) and the betrokkenen (2 of 3).
\c :aanval_db ki_aanval_lezer
SELECT (SELECT count(*) FROM pg_stats WHERE schemaname = 'klantinteracties') AS pg_stats,
	   (SELECT count(*) FROM pg_stats_ext WHERE schemaname = 'klantinteracties') AS pg_stats_ext,
	   (SELECT count(*) FROM pg_stats_ext_exprs WHERE schemaname = 'klantinteracties') AS pg_stats_ext_exprs;
SELECT count(*) FROM pg_statistic;
\echo sqlstate :SQLSTATE
SELECT count(*) FROM pg_statistic_ext_data;
\echo sqlstate :SQLSTATE
SELECT c.relname, c.reltuples AS rijen_volgens_pg_class,
	   CASE c.relname WHEN 'partij_identificator' THEN (SELECT count(*) FROM klantinteracties_api."partij-identificatoren")
					  WHEN 'betrokkene' THEN (SELECT count(*) FROM klantinteracties_api.betrokkenen) END AS zichtbaar
  FROM pg_class c WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relname IN ('partij_identificator', 'betrokkene')
 ORDER BY 1;

-- The fixture's end, inline until sql/include/aanval_einde.psql is on main.
\set ECHO none
-- End of an attack test (sql/include/aanval.psql): back to the test's own
-- database as the superuser, and the fixture's database and roles gone.
\c :testdb :beheerder
SET client_min_messages = warning;
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'aanval_db') \gexec
DROP ROLE ki_aanval_lezer, ki_aanval_bsn, ki_aanval_geheim, ki_aanval_schrijver, ki_aanval_kcc, ki_aanval_beheer,
	ki_aanval_kwaad, ki_aanval_authenticator;
RESET client_min_messages;
\set ECHO all
