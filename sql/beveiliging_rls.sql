-- Row-level security on the registry tables: the scopes and where they come
-- from, the rows every scope combination sees in every table, the citizen's
-- own data, writes per scope, the BSN side channel, leak probes.  All in
-- one transaction that is rolled back (roles included).
\i sql/include/helpers.psql
BEGIN;
\i sql/include/beveiliging.psql

-- Scopes: from the group roles; a JWT narrows them, never widens them.
SELECT rol, pg_temp.als(rol, NULL, 'SELECT klantinteracties.scopes()::text') AS scopes
  FROM unnest(ARRAY['ki_test_lezer', 'ki_test_bsn', 'ki_test_geheim', 'ki_test_schrijver', 'ki_test_kcc',
					'ki_test_beheer', 'ki_test_los', 'klantinteracties_burger']) AS rol;
SELECT pg_temp.als('ki_test_kcc', '{"scope": "read bsn"}', 'SELECT klantinteracties.scopes()::text') AS smaller,
	   pg_temp.als('ki_test_kcc', '{"scope": ["read", "write"]}', 'SELECT klantinteracties.scopes()::text') AS array_claim,
	   pg_temp.als('ki_test_lezer', '{"scope": "read write bsn geheim beheer"}', 'SELECT klantinteracties.scopes()::text') AS not_wider,
	   pg_temp.als('ki_test_kcc', '{"scope": ""}', 'SELECT klantinteracties.scopes()::text') AS empty_claim;
-- Who acts: the role set, the JWT's subject and application.
SELECT pg_temp.als('ki_test_kcc', '{"sub": "mdeboer", "app": "kcc-portaal"}', 'SELECT klantinteracties.wie()::text') AS wie;
-- Claims count only in sessions of the PostgREST authenticator: a login
-- role that is not a member of klantinteracties_postgrest cannot give
-- itself a narrower (or any other) identity by setting them.
CREATE ROLE ki_test_login LOGIN IN ROLE klantinteracties_lezer, klantinteracties_burger;
GRANT USAGE ON SCHEMA klantinteracties TO ki_test_login;
SET SESSION AUTHORIZATION ki_test_login;
SELECT set_config('request.jwt.claims', '{"scope": "", "sub": "iemand", "bsn": "111222333"}', true) IS NOT NULL AS gezet,
	   klantinteracties.jwt_claims() IS NULL AS genegeerd, klantinteracties.scopes() AS scopes,
	   klantinteracties.wie() ->> 'subject' AS subject, klantinteracties.burger_bsn() AS burger_bsn,
	   (SELECT count(*) FROM klantinteracties.partij) AS partijen;
RESET SESSION AUTHORIZATION;

-- Rows per table for each scope combination (- : no privilege, 42501).
CREATE TEMP VIEW registertabellen AS
SELECT c.relname::text AS tabel FROM pg_class c
 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r'
   AND NOT c.relispartition
   AND c.relname NOT IN ('wijzigingslog', 'vergeetlog', 'inzagelog', 'gebeurtenis', 'vernietigingslog', 'bewaartermijn')
   AND c.relname <> 'kanaal';   -- reference data without uuid, which a DBA fills
-- The fixture's rows: those with a uuid column in the fixture's range.
CREATE FUNCTION pg_temp.telling(rol text, claims jsonb, tabel text) RETURNS text LANGUAGE sql AS $$
	SELECT CASE WHEN r LIKE '42501:%' THEN '-' ELSE r END
	  FROM pg_temp.als(rol, claims, format('SELECT count(*) FROM klantinteracties.%I WHERE concat_ws('' '', %s) LIKE ''%%00000000-0000-0000-0099-%%''',
		tabel, (SELECT string_agg(quote_ident(a.attname), ', ') FROM pg_attribute a
				 WHERE a.attrelid = ('klantinteracties.' || quote_ident(tabel))::regclass
				   AND a.atttypid = 'uuid'::regtype AND a.attnum > 0))) AS r $$;
SELECT t.tabel,
	   pg_temp.telling('postgres', NULL, t.tabel) AS alles,
	   pg_temp.telling('ki_test_lezer', NULL, t.tabel) AS lezer,
	   pg_temp.telling('ki_test_bsn', NULL, t.tabel) AS bsn,
	   pg_temp.telling('ki_test_geheim', NULL, t.tabel) AS geheim,
	   pg_temp.telling('ki_test_kcc', NULL, t.tabel) AS kcc,
	   pg_temp.telling('ki_test_kcc', '{"scope": "read"}', t.tabel) AS kcc_read,
	   pg_temp.telling('ki_test_beheer', NULL, t.tabel) AS beheer,
	   pg_temp.telling('ki_test_los', NULL, t.tabel) AS los,
	   pg_temp.telling('klantinteracties_burger', pg_temp.burger('111222333'), t.tabel) AS anna,
	   pg_temp.telling('klantinteracties_burger', pg_temp.burger('123456782'), t.tabel) AS bert,
	   pg_temp.telling('klantinteracties_burger', pg_temp.burger('296648875'), t.tabel) AS onbekend
  FROM registertabellen t ORDER BY t.tabel;

-- What is hidden is hidden from every filter: without bsn no BSN row
-- whatever the query; without geheim nothing under the secret partij.
SELECT pg_temp.als('ki_test_lezer', NULL, $$SELECT count(*) FROM klantinteracties.partij_identificator
	WHERE bsn = '111222333' OR object_id_sleutel = '999999990' OR code_soort_object_id = 'bsn'$$) AS lezer_bsn,
	   pg_temp.als('ki_test_bsn', NULL, $$SELECT string_agg(object_id, ' ' ORDER BY object_id) FROM klantinteracties.partij_identificator
	WHERE uuid::text LIKE '00000000-0000-0000-0099-%'$$) AS bsn_ziet,
	   pg_temp.als('ki_test_bsn', NULL, $$SELECT count(*) FROM klantinteracties.persoon p JOIN klantinteracties.digitaal_adres d
	ON d.verstrekt_door_partij = p.partij WHERE p.contactnaam_achternaam = 'Citroen' OR d.adres LIKE 'cees%'$$) AS geheim_via_join;
-- The secret partij's own row stays: its uuid and its flag.
SELECT pg_temp.als('ki_test_lezer', NULL, $$SELECT uuid || ' ' || indicatie_geheimhouding FROM klantinteracties.partij
	WHERE uuid = '00000000-0000-0000-0099-0000000000c1'$$) AS geheime_partij;

-- The citizen: its own partij, never the interne notitie; the columns it
-- may read; another's partij by any filter, embedding or join: nothing.
SELECT pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$SELECT string_agg(uuid || ' ' || voorkeurstaal, ', ') FROM klantinteracties.partij$$) AS eigen_partij,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$SELECT interne_notitie FROM klantinteracties.partij$$) AS notitie,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$SELECT count(*) FROM klantinteracties.partij WHERE uuid = '00000000-0000-0000-0099-0000000000b1'$$) AS ander_op_uuid,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$SELECT count(*) FROM klantinteracties.klantcontact k JOIN klantinteracties.betrokkene b ON b.had_klantcontact = k.uuid
	   WHERE b.was_partij = '00000000-0000-0000-0099-0000000000b1'$$) AS ander_via_betrokkene,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$SELECT string_agg(onderwerp, ', ' ORDER BY onderwerp) FROM klantinteracties.klantcontact$$) AS eigen_contacten,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$SELECT count(*) FROM klantinteracties.interne_taak$$) AS taken;
-- A claim that is no valid BSN, or no claim: nothing.
SELECT pg_temp.als('klantinteracties_burger', '{"bsn": "111222334"}', 'SELECT count(*) FROM klantinteracties.partij') AS ongeldige_bsn,
	   pg_temp.als('klantinteracties_burger', '{}', 'SELECT count(*) FROM klantinteracties.partij') AS geen_bsn;

-- The citizen changes its voorkeurstaal and digitale adressen; not
-- another's, not an address that is a betrokkene's record, not its notitie.
SELECT pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$WITH u AS (UPDATE klantinteracties.partij SET voorkeurstaal = 'eng' RETURNING uuid) SELECT count(*) FROM u$$) AS eigen_taal,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$WITH u AS (UPDATE klantinteracties.partij SET voorkeurstaal = 'eng' WHERE uuid = '00000000-0000-0000-0099-0000000000b1' RETURNING uuid) SELECT count(*) FROM u$$) AS andere_taal,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$UPDATE klantinteracties.partij SET interne_notitie = ''$$) AS notitie;
SELECT pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$WITH i AS (INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres, is_voorkeursadres)
	   VALUES ('00000000-0000-0000-0099-0000000000a1', 'email', 'anna@werk.nl', true) RETURNING adres) SELECT adres FROM i$$) AS nieuw_adres,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres)
	   VALUES ('00000000-0000-0000-0099-0000000000b1', 'email', 'kaping@example.com')$$) AS adres_bij_ander,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'),
	$$WITH d AS (DELETE FROM klantinteracties.digitaal_adres RETURNING adres) SELECT string_agg(adres, ', ' ORDER BY adres) FROM d$$) AS verwijderd;
-- The demoted voorkeursadres, and the rows the citizen could not touch.
SELECT adres, is_voorkeursadres, verstrekt_door_betrokkene IS NOT NULL AS van_betrokkene FROM digitaal_adres
 WHERE verstrekt_door_partij = '00000000-0000-0000-0099-0000000000a1' OR verstrekt_door_betrokkene = '00000000-0000-0000-0099-0000000000a5'
 ORDER BY adres, van_betrokkene;
SELECT uuid, voorkeurstaal, interne_notitie FROM partij WHERE uuid::text LIKE '00000000-0000-0000-0099-%' ORDER BY uuid;

-- Writing: write scope needed; BSN identificators only with bsn (42501
-- before any uniqueness check: an existing and a new BSN answer alike);
-- a secret partij and a vertrouwelijk klantcontact only with geheim.
SELECT pg_temp.als(rol, NULL, format($$INSERT INTO klantinteracties.partij_identificator (identificeerde_partij, code_register,
	code_objecttype, code_soort_object_id, object_id) VALUES ('00000000-0000-0000-0099-0000000000e1', 'brp', 'natuurlijk_persoon', 'bsn', %L)$$, bsn), true) AS uitkomst,
	   rol, bsn, CASE bsn WHEN '296648875' THEN 'new' ELSE 'exists' END AS bsn_is
  FROM unnest(ARRAY['ki_test_lezer', 'ki_test_schrijver', 'ki_test_kcc']) AS rol,
	   unnest(ARRAY['111222333', '999999990', '296648875']) AS bsn
 ORDER BY rol, bsn;
-- The unique violation carries no key: PostgreSQL leaves it out of the
-- error detail of a table with row-level security.
SET LOCAL ROLE ki_test_kcc;
SELECT state, message, detail FROM pg_temp.try($$INSERT INTO klantinteracties.partij_identificator
	(identificeerde_partij, code_register, code_objecttype, code_soort_object_id, object_id)
	VALUES ('00000000-0000-0000-0099-0000000000e1', 'brp', 'natuurlijk_persoon', 'bsn', '111 222 333')$$);
RESET ROLE;
-- Each statement rolled back after it ran.
SELECT pg_temp.als(rol, NULL, stmt, true) AS uitkomst, rol, wat
  FROM unnest(ARRAY['ki_test_lezer', 'ki_test_schrijver', 'ki_test_kcc']) AS rol,
	   (VALUES ('secret partij', $$WITH u AS (UPDATE klantinteracties.partij SET voorkeurstaal = 'fry' WHERE uuid = '00000000-0000-0000-0099-0000000000c1' RETURNING 1) SELECT count(*) FROM u$$),
			   ('unhide it', $$WITH u AS (UPDATE klantinteracties.partij SET indicatie_geheimhouding = false WHERE uuid = '00000000-0000-0000-0099-0000000000c1' RETURNING 1) SELECT count(*) FROM u$$),
			   ('address under it', $$INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres) VALUES ('00000000-0000-0000-0099-0000000000c1', 'overig', 'x')$$),
			   ('vertrouwelijk', $$WITH u AS (UPDATE klantinteracties.klantcontact SET taal = 'nld' WHERE vertrouwelijk RETURNING 1) SELECT count(*) FROM u$$),
			   ('public partij', $$WITH u AS (UPDATE klantinteracties.partij SET voorkeurstaal = 'nld' WHERE uuid = '00000000-0000-0000-0099-0000000000b1' RETURNING 1) SELECT count(*) FROM u$$),
			   ('new partij', $$INSERT INTO klantinteracties.partij (soort_partij, indicatie_actief) VALUES ('persoon', true)$$)) AS s(wat, stmt)
 ORDER BY wat, rol;
SELECT voorkeurstaal, indicatie_geheimhouding FROM partij WHERE uuid = '00000000-0000-0000-0099-0000000000c1';

-- Leak probes (PostgreSQL's rowsecurity test): a cheap function in WHERE
-- sees only the rows the policies let through, because policy quals are
-- security barriers and f_leak is not LEAKPROOF.  The plan shows the order.
SET LOCAL ROLE ki_test_lezer;
SELECT count(*) FROM klantinteracties.persoon WHERE ki_test.f_leak(volledige_naam) AND partij::text LIKE '00000000-0000-0000-0099-%';
SELECT count(*) FROM klantinteracties.partij_identificator WHERE ki_test.f_leak(object_id) AND uuid::text LIKE '00000000-0000-0000-0099-%';
SELECT count(*) FROM klantinteracties.digitaal_adres WHERE ki_test.f_leak(adres) AND uuid::text LIKE '00000000-0000-0000-0099-%';
EXPLAIN (COSTS OFF) SELECT * FROM klantinteracties.persoon WHERE ki_test.f_leak(volledige_naam);
EXPLAIN (COSTS OFF) SELECT * FROM klantinteracties.partij_identificator WHERE ki_test.f_leak(object_id);
RESET ROLE;
SELECT pg_temp.als('klantinteracties_burger', pg_temp.burger('111222333'), $$SELECT count(*) FROM klantinteracties.persoon
	WHERE ki_test.f_leak(volledige_naam) AND partij::text LIKE '00000000-0000-0000-0099-%'$$) AS burger_anna;
-- A LEAKPROOF comparison may run before the policy: the equality on the
-- text key (texteq) goes into the index scan; the one on the enumeration
-- (enum_eq, not leakproof) stays a filter beside the policy, so the
-- (soort, key) index is read on its second column only.  The lookups
-- (zoek_partij, klantbeeld(bsn)) compare the typed columns (bsn, kvk_nummer,
-- ...), whose = is leakproof (sql/klantbeeld_plan.sql).  The policy still
-- filters the rows found.
SET LOCAL ROLE ki_test_lezer;
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT uuid FROM klantinteracties.partij_identificator
 WHERE code_soort_object_id = 'bsn' AND object_id_sleutel = '111222333';
SELECT uuid FROM klantinteracties.partij_identificator WHERE code_soort_object_id = 'bsn' AND object_id_sleutel = '111222333';
RESET enable_seqscan;
RESET ROLE;


-- The flags the policies test (PLAN 2.4), kept by the database: every row
-- under a secret partij carries geheim (c1: its persoon, identificatoren,
-- adressen (also the one its betrokkene gave), rekeningnummer,
-- betrokkene), every onderwerpobject, bijlage and interne taak of a
-- vertrouwelijk klantcontact vertrouwelijk (d2).
CREATE TEMP VIEW vlaggen AS
SELECT 'persoon' AS tabel, partij::text AS rij, geheim AS vlag FROM klantinteracties.persoon
UNION ALL SELECT 'partij_identificator', uuid::text, geheim FROM klantinteracties.partij_identificator
UNION ALL SELECT 'digitaal_adres', uuid::text, geheim FROM klantinteracties.digitaal_adres
UNION ALL SELECT 'rekeningnummer', partij::text, geheim FROM klantinteracties.rekeningnummer
UNION ALL SELECT 'betrokkene', uuid::text, geheim FROM klantinteracties.betrokkene
UNION ALL SELECT 'onderwerpobject', klantcontact::text, vertrouwelijk FROM klantinteracties.onderwerpobject
UNION ALL SELECT 'bijlage', was_bijlage_van_klantcontact::text, vertrouwelijk FROM klantinteracties.bijlage
UNION ALL SELECT 'interne_taak', aanleidinggevend_klantcontact::text, vertrouwelijk FROM klantinteracties.interne_taak;
SELECT tabel, string_agg(right(rij, 2), ' ' ORDER BY rij) FILTER (WHERE vlag) AS gemarkeerd, count(*) AS rijen
  FROM vlaggen WHERE rij LIKE '00000000-0000-0000-0099-%' GROUP BY tabel ORDER BY tabel;
-- Anna (a1) asks for secrecy: her rows follow (a8 her own address, a7 the
-- one her betrokkene a5 gave), and her history in the audit trail becomes
-- secret (and stays so when she withdraws it).
INSERT INTO digitaal_adres (uuid, verstrekt_door_partij, soort_digitaal_adres, adres)
VALUES ('00000000-0000-0000-0099-0000000000a8', '00000000-0000-0000-0099-0000000000a1', 'email', 'anna@thuis.nl');
UPDATE partij SET indicatie_geheimhouding = true WHERE uuid = '00000000-0000-0000-0099-0000000000a1';
SELECT tabel, string_agg(right(rij, 2), ' ' ORDER BY rij) FILTER (WHERE vlag) AS gemarkeerd, count(*) AS rijen
  FROM vlaggen WHERE rij LIKE '00000000-0000-0000-0099-%' GROUP BY tabel ORDER BY tabel;
SELECT count(*) FILTER (WHERE geheim) AS geheim, count(*) AS rijen FROM wijzigingslog
 WHERE '00000000-0000-0000-0099-0000000000a1' = ANY (partijen);
-- Nobody clears a flag by hand: the row computes it again.
UPDATE persoon SET geheim = false WHERE partij = '00000000-0000-0000-0099-0000000000a1';
UPDATE digitaal_adres SET geheim = false WHERE uuid = '00000000-0000-0000-0099-0000000000a7';
SELECT tabel, rij, vlag FROM vlaggen WHERE rij IN ('00000000-0000-0000-0099-0000000000a1', '00000000-0000-0000-0099-0000000000a7');
UPDATE partij SET indicatie_geheimhouding = false WHERE uuid = '00000000-0000-0000-0099-0000000000a1';
SELECT tabel, string_agg(right(rij, 2), ' ' ORDER BY rij) FILTER (WHERE vlag) AS gemarkeerd, count(*) AS rijen
  FROM vlaggen WHERE rij LIKE '00000000-0000-0000-0099-%' GROUP BY tabel ORDER BY tabel;
SELECT count(*) FILTER (WHERE geheim) AS geheim, count(*) AS rijen FROM wijzigingslog
 WHERE '00000000-0000-0000-0099-0000000000a1' = ANY (partijen);
-- A klantcontact that becomes vertrouwelijk takes its rows along (d1:
-- bijlage and interne taak).
UPDATE klantcontact SET vertrouwelijk = true WHERE uuid = '00000000-0000-0000-0099-0000000000d1';
SELECT tabel, string_agg(right(rij, 2), ' ' ORDER BY rij) FILTER (WHERE vlag) AS gemarkeerd, count(*) AS rijen
  FROM vlaggen WHERE tabel IN ('onderwerpobject', 'bijlage', 'interne_taak') GROUP BY tabel ORDER BY tabel;
-- A betrokkene that moves to a secret partij becomes secret, and so does
-- the address it gave.
UPDATE betrokkene SET was_partij = '00000000-0000-0000-0099-0000000000c1' WHERE uuid = '00000000-0000-0000-0099-0000000000a5';
SELECT tabel, rij, vlag FROM vlaggen WHERE rij IN ('00000000-0000-0000-0099-0000000000a5', '00000000-0000-0000-0099-0000000000a7');


-- A merge moves every row of both partijen, also those the caller cannot
-- see: it needs bsn and geheim (refused alike, whatever the partijen hold).
SELECT rol, pg_temp.als(rol, claims, $$SELECT klantinteracties.voeg_partijen_samen('00000000-0000-0000-0099-0000000000a1',
		'00000000-0000-0000-0099-0000000000b1')::text$$) AS samenvoegen
  FROM (VALUES ('ki_test_schrijver', NULL::jsonb), ('ki_test_kcc', '{"scope": "read write geheim"}'),
			   ('ki_test_kcc', '{"scope": "read write bsn"}')) AS r(rol, claims);

ROLLBACK;
