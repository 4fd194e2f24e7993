-- Erasure (AVG art. 17): vergeet_partij removes a partij's personal data
-- from every table, audit trail, outbox and access log included, keeps its
-- klantcontacten anonymised, and reports what it removed.  The history to
-- be cleaned must come from earlier transactions, so the fixture is
-- committed; the audit trail keeps its rows (it is append-only), the rest
-- is removed at the end.
\i sql/include/helpers.psql
BEGIN;
\i sql/include/beveiliging.psql
COMMIT;

-- History in later transactions: a change by the KCC, a change by the
-- citizen, a logged lookup whose purpose names her, an address given at a
-- klantcontact with Bert.
SELECT pg_temp.als('ki_test_kcc', '{"sub": "mdeboer", "app": "kcc-portaal"}',
	$$UPDATE klantinteracties.persoon SET contactnaam_voorletters = 'A' WHERE partij = '00000000-0000-0000-0099-0000000000a1'$$) AS kcc;
SELECT pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$UPDATE klantinteracties.digitaal_adres SET omschrijving = 'prive' WHERE adres = 'anna@example.com'$$) AS burger;
SELECT pg_temp.als('ki_test_lezer', '{"sub": "mdeboer"}',
	$$SELECT klantinteracties_api.klantbeeld_opvragen('Anna Aalders belde, 06-12345678', '00000000-0000-0000-0099-0000000000a1') IS NOT NULL$$) AS inzage;
INSERT INTO digitaal_adres (verstrekt_door_betrokkene, soort_digitaal_adres, adres)
VALUES ('00000000-0000-0000-0099-0000000000a6', 'email', 'Anna@Example.com');

-- Only with the beheer scope; an unknown partij is refused.
SELECT pg_temp.als('ki_test_kcc', NULL, $$SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000a1')$$) AS kcc,
	   pg_temp.als('ki_test_beheer', NULL, $$SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-000000000000')$$) AS onbekend;

-- The erasure, and its report.
SELECT jsonb_pretty(pg_temp.als('ki_test_beheer', '{"sub": "fg-officer"}',
	$$SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000a1', 'verzoek art. 17 nr. 2024-7')$$)::jsonb) AS rapport;

-- No trace left: every column of every table of the extension (text,
-- jsonb, uuid arrays and the extension's own types alike, read as text)
-- searched for her BSN, her name, her e-mail address and her phone number
-- in each spelling the registry knows (a partitioned log table searched
-- with all its partitions).
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
SELECT count(*) AS kolommen, count(DISTINCT tabel) AS tabellen FROM gezocht;
SELECT tabel, kolom, type, pg_temp.treffers(tabel, kolom, p.patroon) AS treffers
  FROM gezocht, (VALUES ('111222333|1112\.22\.333|Aalders|anna@example\.com|06-12345678|0612345678|\+31612345678|06 12345678')) AS p(patroon)
 WHERE pg_temp.treffers(tabel, kolom, p.patroon) > 0 ORDER BY 1, 2;
-- The search finds what it looks for: Bert is still there.
SELECT tabel, kolom, pg_temp.treffers(tabel, kolom, '123456782|Bert Bakker') AS treffers FROM gezocht
 WHERE pg_temp.treffers(tabel, kolom, '123456782|Bert Bakker') > 0 ORDER BY 1, 2;

-- The klantcontacten stay, anonymised: no inhoud, no reactie; her
-- betrokkenen without partij, name or address; her values in the
-- interne taak redacted; Bert's part of the shared contact untouched.
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
SELECT partij, reden, rol, subject, voltooid_op IS NOT NULL AS voltooid, rapport -> 'verwijderd' AS verwijderd
  FROM vergeetlog WHERE partij = '00000000-0000-0000-0099-0000000000a1';
SELECT pg_temp.probeer('DELETE FROM vergeetlog') AS vergeetlog_delete;
-- The outbox: her earlier events are gone; the erasure's destroy event
-- tells subscribers to forget her too.
SELECT actie, cloudevent -> 'data' -> 'kenmerken' AS kenmerken FROM gebeurtenis
 WHERE resource_uuid = '00000000-0000-0000-0099-0000000000a1';
-- The access log: the lookup stays, its purpose redacted.
SELECT handeling, partij, doelbinding FROM inzagelog WHERE partij = '00000000-0000-0000-0099-0000000000a1';

-- Clean up (the audit trail keeps its rows).
DELETE FROM digitaal_adres WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DELETE FROM klantcontact WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DELETE FROM actor WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DELETE FROM partij WHERE uuid::text LIKE '00000000-0000-0000-0099-%';
DROP SCHEMA ki_test CASCADE;
REVOKE ALL ON ALL TABLES IN SCHEMA klantinteracties FROM klantinteracties_burger;
DROP OWNED BY ki_test_lezer, ki_test_bsn, ki_test_geheim, ki_test_schrijver, ki_test_kcc, ki_test_beheer, ki_test_los;
DROP ROLE ki_test_lezer, ki_test_bsn, ki_test_geheim, ki_test_schrijver, ki_test_kcc, ki_test_beheer, ki_test_los;
