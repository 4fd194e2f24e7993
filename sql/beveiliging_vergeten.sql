-- Erasure (AVG art. 17): vergeet_partij removes a partij's personal data
-- from every table, audit trail, outbox and access log included, keeps its
-- klantcontacten anonymised, and reports what it removed.  Issue 12:
-- finding 4 (it refuses to run unrecorded), finding 6 (it finds her values
-- in every spelling, in every free text, her pseudonym and request ids
-- too), finding 8 (linear: test beveiliging_vergeten_schaal).  The history
-- to be cleaned must come from earlier transactions, so the fixture is
-- committed; the audit trail keeps its rows (it is append-only), the rest
-- is removed at the end.
\i sql/include/helpers.psql
BEGIN;
\i sql/include/beveiliging.psql
-- Anna also has an IBAN.
INSERT INTO rekeningnummer (partij, iban) VALUES ('00000000-0000-0000-0099-0000000000a1', 'NL02ABNA0123456789');
GRANT USAGE ON SCHEMA klantinteracties_api TO ki_test_kcc;
COMMIT;

-- History in later transactions: a change by the KCC; a change by Anna
-- herself through the citizen's API, with her DigiD pseudonym and the
-- request's id; a logged lookup of her whose purpose names her; an address
-- given at a klantcontact with Bert.
SELECT pg_temp.als('ki_test_kcc', '{"sub": "mdeboer", "app": "kcc-portaal"}',
	$$UPDATE klantinteracties.persoon SET contactnaam_voorletters = 'A' WHERE partij = '00000000-0000-0000-0099-0000000000a1'$$) AS kcc;
BEGIN;
SELECT set_config('request.headers', '{"x-request-id": "req-7f3e2a91"}', true) IS NOT NULL AS verzoek;
SELECT pg_temp.als('klantinteracties_burger',
	'{"role": "klantinteracties_burger", "sub": "Kx7Qp2Lm9Wz", "bsn": "111222333", "app": "mijn-omgeving"}',
	$$UPDATE klantinteracties.digitaal_adres SET omschrijving = 'prive' WHERE adres = 'anna@example.com'$$) AS burger;
COMMIT;
SELECT pg_temp.als('ki_test_kcc', '{"sub": "mdeboer"}',
	$$SELECT klantinteracties_api.klantbeeld_opvragen('Anna Aalders belde, 06-12345678', '00000000-0000-0000-0099-0000000000a1') IS NOT NULL$$) AS inzage;
INSERT INTO digitaal_adres (verstrekt_door_betrokkene, soort_digitaal_adres, adres)
VALUES ('00000000-0000-0000-0099-0000000000a6', 'email', 'Anna@Example.com');

-- Finding 6: traces of her in records that are not hers, in the
-- spellings the types accept, written by the KCC: Bert's interne notitie
-- and address, Cees's klantcontact (inhoud, reactie, metadata) and a task
-- on it, an onderwerpobject of Bert's contact with her BSN, and a lookup
-- of Bert whose purpose names her.  Also what erasure cannot find: her
-- name misspelled, her first name alone.
SELECT pg_temp.als('ki_test_kcc', '{"sub": "mdeboer", "app": "kcc-portaal"}', $$
UPDATE klantinteracties.partij SET interne_notitie = 'Partner van Anna Aalders (BSN 1112.22.333), bereikbaar op +31 6 1234 5678; ook Ana Alders genoemd, of gewoon Anna'
 WHERE uuid = '00000000-0000-0000-0099-0000000000b1'$$) AS notitie_bert;
SELECT pg_temp.als('ki_test_kcc', NULL, $$
UPDATE klantinteracties.digitaal_adres SET omschrijving = 'via A. Aalders 111 222 333'
 WHERE uuid = '00000000-0000-0000-0099-0000000000b3'$$) AS adres_bert;
SELECT pg_temp.als('ki_test_kcc', NULL, $$
UPDATE klantinteracties.klantcontact SET inhoud = 'Buurvrouw Aalders, Anna (ANNA@EXAMPLE.COM) belde mee',
	reactie = 'Teruggebeld op 0031 6 12 34 56 78 en (06) 12345678',
	metadata = '{"melder": "A. Aalders", "rekening": "NL02 ABNA 0123 4567 89", "111222333": "bsn als sleutel"}'
 WHERE uuid = '00000000-0000-0000-0099-0000000000d3'$$) AS contact_cees;
SELECT pg_temp.als('ki_test_kcc', NULL, $$
INSERT INTO klantinteracties.interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, toelichting)
VALUES ('00000000-0000-0000-0099-0000000000f3', 'Terugbellen 06-12345678', '00000000-0000-0000-0099-0000000000d3',
	'Bel Anna Aalders: 06 12 34 56 78, sub Kx7Qp2Lm9Wz')$$) AS taak_cees;
SELECT pg_temp.als('ki_test_kcc', NULL, $$
UPDATE klantinteracties.onderwerpobject SET onderwerpobjectidentificator_object_id = '111222333',
	onderwerpobjectidentificator_code_soort_object_id = 'bsn'
 WHERE klantcontact = '00000000-0000-0000-0099-0000000000d2'$$) AS onderwerpobject_bert;
SELECT pg_temp.als('ki_test_kcc', '{"sub": "mdeboer"}',
	$$SELECT klantinteracties_api.klantbeeld_opvragen('Vraag van Anna Aalders (req-7f3e2a91) over haar partner', '00000000-0000-0000-0099-0000000000b1') IS NOT NULL$$) AS inzage_bert;

-- Only with the beheer scope; an unknown partij is refused; a reden over
-- 1000 characters is refused before anything happens.
SELECT pg_temp.als('ki_test_kcc', NULL, $$SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000a1')$$) AS kcc,
	   pg_temp.als('ki_test_beheer', NULL, $$SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-000000000000')$$) AS onbekend;
SELECT * FROM pg_temp.try($$SET ROLE ki_test_beheer; SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000a1', repeat('x', 1001))$$);
RESET ROLE;

-- Finding 4: erasure that would go unrecorded is refused (the exact
-- attack, as a login, is at the end).
-- Variants a DBA could cause (only a superuser or the table owner can):
-- session_replication_role = replica, an audit or outbox trigger disabled
-- or made a replica trigger, all triggers of a table disabled.
SELECT * FROM pg_temp.try($$SET LOCAL session_replication_role = replica; SET ROLE ki_test_beheer;
	SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000a1', 'x')$$);
RESET ROLE;
SET session_replication_role = origin;
CREATE FUNCTION pg_temp.zonder_spoor(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	uit text;
BEGIN
	EXECUTE stmt;
	uit := pg_temp.als('ki_test_beheer', NULL, $q$SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000a1', 'x')$q$);
	RAISE EXCEPTION USING ERRCODE = 'KI000', MESSAGE = uit;
EXCEPTION WHEN SQLSTATE 'KI000' THEN
	RETURN SQLERRM;
END $$;
SELECT stmt, pg_temp.zonder_spoor(stmt) AS vergeet_partij
  FROM (VALUES ('ALTER TABLE klantinteracties.digitaal_adres DISABLE TRIGGER wijziging_vastleggen_delete'),
			   ('ALTER TABLE klantinteracties.partij DISABLE TRIGGER gebeurtenis_schrijven_delete'),
			   ('ALTER TABLE klantinteracties.klantcontact ENABLE REPLICA TRIGGER wijziging_vastleggen_update'),
			   ('ALTER TABLE klantinteracties.persoon DISABLE TRIGGER ALL')) AS v(stmt);
-- The detail names what is off.
SELECT state, message, detail, hint FROM pg_temp.try($$ALTER TABLE klantinteracties.partij DISABLE TRIGGER USER;
	SET ROLE ki_test_beheer; SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000a1', 'x')$$);
RESET ROLE;
-- Nothing was erased, nothing recorded, every trigger is on again.
SELECT count(*) AS partij, (SELECT count(*) FROM vergeetlog WHERE partij = '00000000-0000-0000-0099-0000000000a1') AS vergeetlog,
	   (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid::regclass::text LIKE 'klantinteracties.%' AND t.tgenabled <> 'O') AS uitgeschakeld
  FROM partij WHERE uuid = '00000000-0000-0000-0099-0000000000a1';

-- The erasure, as the beheer login with its defaults, and its report.
-- How many audit rows elsewhere named her depends on the tests before
-- this one (they use the same fixture; the audit trail keeps its rows).
CREATE TEMP TABLE rapport AS
SELECT pg_temp.als('ki_test_beheer', '{"sub": "fg-officer"}',
	$$SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000a1', 'verzoek art. 17 nr. 2024-7')$$)::jsonb AS r;
SELECT jsonb_pretty(r #- '{elders_geredigeerd,wijzigingslog}') AS rapport,
	   (r #>> '{elders_geredigeerd,wijzigingslog}')::int >= 6 AS wijzigingslog_elders_geredigeerd
  FROM rapport;

-- No trace left: every column of every table of the extension (text,
-- jsonb, uuid arrays and the extension's own types alike, read as text)
-- searched for her BSN, name, e-mail address, phone number and IBAN in
-- each spelling used above, her DigiD pseudonym and her request's id (a
-- partitioned log table searched with all its partitions).
CREATE TEMP TABLE gezocht AS
SELECT c.relname::text AS tabel, a.attname::text AS kolom, format_type(a.atttypid, a.atttypmod) AS type
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition;
CREATE FUNCTION pg_temp.treffers(tabel text, kolom text, patroon text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM klantinteracties.%I WHERE %I::text ~* %L', tabel, kolom, patroon) INTO n;
	RETURN n;
END $$;
SELECT count(*) > 250 AS kolommen, count(DISTINCT tabel) > 20 AS tabellen FROM gezocht;
CREATE TEMP TABLE spellingen AS
SELECT * FROM (VALUES ('bsn', '111222333|111 222 333|1112\.22\.333'),
	('naam', 'Aalders'),
	('e-mail', 'anna@example\.com'),
	('telefoon', '06-12345678|0612345678|\+31612345678|06 12345678|\+31 6 1234 5678|0031 6 12 34 56 78|06 12 34 56 78|\(06\) 12345678'),
	('iban', 'NL02ABNA0123456789|NL02 ABNA 0123 4567 89'),
	('pseudoniem', 'Kx7Qp2Lm9Wz'),
	('verzoek', 'req-7f3e2a91')) AS s(wat, patroon);
SELECT wat, tabel, kolom, type, pg_temp.treffers(tabel, kolom, s.patroon) AS treffers
  FROM gezocht, spellingen s
 WHERE pg_temp.treffers(tabel, kolom, s.patroon) > 0 ORDER BY 1, 2, 3;
-- The search finds what it looks for: Bert is still there.
SELECT tabel, kolom, pg_temp.treffers(tabel, kolom, '123456782|Bert Bakker') AS treffers FROM gezocht
 WHERE pg_temp.treffers(tabel, kolom, '123456782|Bert Bakker') > 0 ORDER BY 1, 2;

-- What others wrote about her, redacted where it named her; what cannot
-- be found stays: her name misspelled, her first name alone (which is
-- not hers only).  Numbers shorter than ten characters become asterisks,
-- so that no text outgrows its column.
SELECT interne_notitie FROM partij WHERE uuid = '00000000-0000-0000-0099-0000000000b1';
SELECT omschrijving FROM digitaal_adres WHERE uuid = '00000000-0000-0000-0099-0000000000b3';
SELECT inhoud, reactie, metadata FROM klantcontact WHERE uuid = '00000000-0000-0000-0099-0000000000d3';
SELECT gevraagde_handeling, toelichting FROM interne_taak WHERE uuid = '00000000-0000-0000-0099-0000000000f3';
SELECT onderwerpobjectidentificator_code_soort_object_id AS soort, onderwerpobjectidentificator_object_id AS object_id
  FROM onderwerpobject WHERE klantcontact = '00000000-0000-0000-0099-0000000000d2';

-- The klantcontacten she took part in stay, anonymised: no inhoud, no
-- reactie; her betrokkenen without partij, name or address; her values in
-- the interne taak redacted; Bert's part of the shared contact untouched.
SELECT k.uuid, k.kanaal, k.onderwerp, k.inhoud, k.reactie FROM klantcontact k
 WHERE k.uuid::text LIKE '00000000-0000-0000-0099-%' ORDER BY k.uuid;
SELECT b.uuid, b.was_partij, b.rol, b.volledige_naam, b.initiator FROM betrokkene b
 WHERE b.uuid::text LIKE '00000000-0000-0000-0099-%' ORDER BY b.uuid;
SELECT gevraagde_handeling, toelichting FROM interne_taak WHERE uuid = '00000000-0000-0000-0099-0000000000f2';
SELECT count(*) AS adressen_van_haar_betrokkenen FROM digitaal_adres
 WHERE verstrekt_door_betrokkene IN ('00000000-0000-0000-0099-0000000000a5', '00000000-0000-0000-0099-0000000000a6');

-- The audit trail: her rows' history keeps who and when, without values;
-- the erasure itself is recorded without values too; the record of the
-- erasure names who asked and why, and holds the report.
SELECT tabel, bewerking, vergeten, oud IS NULL AND nieuw IS NULL AS zonder_waarden, rol, count(*)
  FROM wijzigingslog WHERE '00000000-0000-0000-0099-0000000000a1' = ANY (partijen)
 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
-- Her citizen session's change: who (the role) and when stay; her
-- pseudonym and request id do not.
SELECT tabel, bewerking, rol, subject, applicatie, verzoek FROM wijzigingslog
 WHERE '00000000-0000-0000-0099-0000000000a1' = ANY (partijen) AND rol = 'klantinteracties_burger';
SELECT partij, reden, rol, subject, voltooid_op IS NOT NULL AS voltooid, rapport -> 'verwijderd' AS verwijderd
  FROM vergeetlog WHERE partij = '00000000-0000-0000-0099-0000000000a1';
SELECT pg_temp.probeer('DELETE FROM vergeetlog') AS vergeetlog_delete;
-- The outbox: her earlier events are gone; the erasure's destroy event
-- tells subscribers to forget her too.
SELECT actie, cloudevent -> 'data' -> 'kenmerken' AS kenmerken FROM gebeurtenis
 WHERE resource_uuid = '00000000-0000-0000-0099-0000000000a1';
-- The access log: the lookups stay, their purposes redacted, also the
-- lookup of Bert that named her.
SELECT handeling, partij, doelbinding FROM inzagelog
 WHERE partij IN ('00000000-0000-0000-0099-0000000000a1', '00000000-0000-0000-0099-0000000000b1') ORDER BY id;

-- Which texts it searches (vrije_teksten()), and every other text or JSON
-- column of the extension's tables, which it does not: codes, keys, URLs,
-- validated values and names of records that are not hers.  A new column
-- shows up here, to be classified.
SELECT f.tabel, string_agg(f.kolom, ', ' ORDER BY f.kolom) AS doorzocht FROM vrije_teksten() AS f GROUP BY 1 ORDER BY 1;
SELECT c.relname AS tabel, string_agg(a.attname, ', ' ORDER BY a.attname) AS niet_doorzocht
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind IN ('r', 'p')
   AND a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'jsonb'::regtype, 'json'::regtype)
   AND (c.relname, a.attname) NOT IN (SELECT f.tabel, f.kolom FROM vrije_teksten() AS f)
 GROUP BY 1 ORDER BY 1;

-- Finding 4, the exact attack, as a login holding only the beheer role:
-- row_security off for the transaction (the audit and outbox triggers
-- then record nothing) and an erasure of Bert.  It may not set
-- session_replication_role at all.
ALTER ROLE ki_test_beheer LOGIN;
SELECT current_user AS superuser \gset
\c - ki_test_beheer
\set SHOW_CONTEXT never
BEGIN;
SET LOCAL row_security = off;
SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000b1', 'x');
ROLLBACK;
BEGIN;
SET LOCAL row_security = off;
DO $$ BEGIN PERFORM klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000b1', 'x');
EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'refused: %', SQLSTATE; END $$;
ROLLBACK;
SET session_replication_role = replica;
\c - :superuser
ALTER ROLE ki_test_beheer NOLOGIN;
SELECT count(*) AS bert_bestaat FROM klantinteracties.partij WHERE uuid = '00000000-0000-0000-0099-0000000000b1';

-- Clean up (the audit trail keeps its rows).
SET search_path = klantinteracties;
DELETE FROM digitaal_adres WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DELETE FROM klantcontact WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DELETE FROM actor WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DELETE FROM partij WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DROP SCHEMA ki_test CASCADE;
REVOKE ALL ON ALL TABLES IN SCHEMA klantinteracties FROM klantinteracties_burger;
REVOKE USAGE ON SCHEMA klantinteracties_api FROM ki_test_kcc;
DROP OWNED BY ki_test_lezer, ki_test_bsn, ki_test_geheim, ki_test_schrijver, ki_test_kcc, ki_test_beheer, ki_test_los;
DROP ROLE ki_test_lezer, ki_test_bsn, ki_test_geheim, ki_test_schrijver, ki_test_kcc, ki_test_beheer, ki_test_los;
