-- Partij-identificatoren: the allowed (codeRegister, codeObjecttype,
-- codeSoortObjectId) combinations and every combination vector of
-- Open Klant's API tests, objectId validated by its soort and never empty,
-- uniqueness (global without parent, per parent, one per soort per partij),
-- the sub-identificator rules and the (soort, value) lookup.  Every rule: a
-- row accepted and a row refused, with SQLSTATE and the message naming the
-- rule.  Rolled back at the end.
\i sql/include/helpers.psql

-- One identificator (register, objecttype, soort, objectId, partij, parent).
CREATE FUNCTION pg_temp.id(register text, objecttype text, soort text, object_id text,
						   partij int DEFAULT NULL, ouder int DEFAULT NULL, nr int DEFAULT NULL) RETURNS text
LANGUAGE sql AS $$
SELECT pg_temp.probeer(format(
	'INSERT INTO klantinteracties.partij_identificator (uuid, identificeerde_partij, sub_identificator_van,
		code_register, code_objecttype, code_soort_object_id, object_id) VALUES (%L, %L, %L, %L, %L, %L, %L)',
	coalesce(('00000000-0000-0000-0000-1' || lpad(nr::text, 11, '0'))::uuid, gen_random_uuid()),
	('00000000-0000-0000-0000-' || lpad(partij::text, 12, '0'))::uuid,
	('00000000-0000-0000-0000-1' || lpad(ouder::text, 11, '0'))::uuid,
	register, objecttype, soort, object_id))
$$;

BEGIN;
INSERT INTO partij (uuid, soort_partij, indicatie_actief)
SELECT ('00000000-0000-0000-0000-' || lpad(n::text, 12, '0'))::uuid, 'persoon', true FROM generate_series(1, 9) n;

-- Open Klant's API tests, valid combinations (the vestigingsnummer under a KvK).
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', '296648875', 1, nr => 4);
SELECT pg_temp.id('hr', 'niet_natuurlijk_persoon', 'rsin', '296648875', 2);
SELECT pg_temp.id('hr', 'niet_natuurlijk_persoon', 'kvk_nummer', '12345678', 2, nr => 1);
SELECT pg_temp.id('hr', 'vestiging', 'vestigingsnummer', '123456789878', 3, ouder => 1);
-- Open Klant's API tests, invalid combinations, each refused by the step it breaks.
SELECT pg_temp.id('brp', 'niet_natuurlijk_persoon', 'bsn', '296648875');
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'kvk_nummer', '296648875');
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'rsin', '296648875');
-- Acceptance: a BSN under register hr fails, with either objecttype.
SELECT pg_temp.id('hr', 'natuurlijk_persoon', 'bsn', '111222333');
SELECT pg_temp.id('hr', 'niet_natuurlijk_persoon', 'bsn', '111222333');
SELECT pg_temp.id('hr', 'vestiging', 'kvk_nummer', '12345678');
SELECT pg_temp.id('brp', 'vestiging', 'vestigingsnummer', '123456789878', ouder => 1);
-- Open Klant's validator accepts partial identificators at validator level (all
-- four empty; brp alone; natuurlijk_persoon alone); its API requires the
-- three codes, and an empty objectId is refused here (docs/compat).
SELECT pg_temp.id(NULL, NULL, NULL, '');
SELECT pg_temp.id('brp', NULL, NULL, '');
SELECT pg_temp.id(NULL, 'natuurlijk_persoon', NULL, '');
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', NULL);
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', '');
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', '   ');
SELECT pg_temp.id('', 'natuurlijk_persoon', 'bsn', '111222333');
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'overig', '111222333');

-- objectId validated by its soort (the vectors of Open Klant's API tests).
SELECT v, pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', v, p) FROM (VALUES
	('123456782', 4), ('111222333', 5), ('123456789', 6), ('123', 6), ('12', 6), ('123TEST12', 6)) t(v, p);
SELECT v, pg_temp.id('hr', 'niet_natuurlijk_persoon', 'kvk_nummer', v, p) FROM (VALUES
	('87654321', 4), ('11112222', 5), ('1234567', 6), ('123456789', 6), ('1234567a', 6)) t(v, p);
SELECT v, pg_temp.id('hr', 'niet_natuurlijk_persoon', 'rsin', v, p) FROM (VALUES
	('123456782', 6), ('123456789', 7)) t(v, p);
SELECT v, pg_temp.id('hr', 'vestiging', 'vestigingsnummer', v, p, ouder => 1) FROM (VALUES
	('296648875154', 4), ('000012345678', 5), ('888888999999', 6), ('12345678901', 7), ('1234567890123', 7)) t(v, p);
SELECT pg_temp.probeer($$INSERT INTO partij_identificator (code_register, code_objecttype, code_soort_object_id, object_id, andere_partij_identificator)
	VALUES ('brp', 'natuurlijk_persoon', 'bsn', '296648875', repeat('x', 201))$$);

-- The canonical value and the typed columns.
SELECT code_soort_object_id, object_id, object_id_sleutel, bsn, rsin, kvk_nummer, vestigingsnummer, sub_identificator_van_soort
  FROM partij_identificator ORDER BY code_soort_object_id, object_id_sleutel;

-- 2.4 rule 1: without a parent one (soort, value) exists once in the
-- registry, in whatever spelling (acceptance: a second BSN fails, 23505).
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', '296648875', 7);
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', '2966.48.875', 7);
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', ' 296648875 ');
SELECT pg_temp.id('hr', 'niet_natuurlijk_persoon', 'kvk_nummer', '12345678', 7);
-- The same digits under another soort are another identificator.
SELECT pg_temp.id('hr', 'niet_natuurlijk_persoon', 'rsin', '111222333', 7);
-- An identificator need not identify a partij (Open Klant 2.6.1).
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', '999999990');

-- 2.4 rule 3: one identificator per soort per partij.
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', '123456782', 1);

-- 2.4 rules 2 and 4-7: a vestigingsnummer needs a parent; the parent is a
-- kvk_nummer, possibly of another partij; the value is unique per parent;
-- other soorten may have a parent; a kvk_nummer has none (so no
-- identificator is its own parent, nor are there cycles).
SELECT pg_temp.id('hr', 'niet_natuurlijk_persoon', 'kvk_nummer', '23456789', 8, nr => 2);
SELECT pg_temp.id('hr', 'vestiging', 'vestigingsnummer', '000012345678', 8, ouder => 2);
SELECT pg_temp.id('hr', 'vestiging', 'vestigingsnummer', '000012345678', 9, ouder => 2);
SELECT pg_temp.id('hr', 'vestiging', 'vestigingsnummer', '123456789999', 9);
SELECT pg_temp.id('hr', 'vestiging', 'vestigingsnummer', '123456789999', 9, ouder => 4);
SELECT pg_temp.id('brp', 'natuurlijk_persoon', 'bsn', '100000009', 9, ouder => 2);
SELECT pg_temp.id('hr', 'niet_natuurlijk_persoon', 'kvk_nummer', '34567890', 9, ouder => 2);
SELECT pg_temp.probeer($$UPDATE partij_identificator SET sub_identificator_van = uuid
	WHERE uuid = '00000000-0000-0000-0000-100000000002'$$);

-- 2.4 rules 8 and 9: a parent with children keeps its soort and cannot be
-- deleted, also not by deleting its partij; once the children of other
-- partijen are gone, the partij goes with its parent and child at once.
SELECT pg_temp.probeer($$UPDATE partij_identificator SET code_soort_object_id = 'rsin', object_id = '100000009'
	WHERE uuid = '00000000-0000-0000-0000-100000000002'$$);
SELECT pg_temp.probeer($$DELETE FROM partij_identificator WHERE uuid = '00000000-0000-0000-0000-100000000002'$$);
SELECT pg_temp.probeer($$DELETE FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000008'$$);
SELECT pg_temp.probeer($$DELETE FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000009'$$);
SELECT pg_temp.probeer($$DELETE FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000008'$$);
SELECT count(*) AS onder_kvk_23456789 FROM partij_identificator WHERE sub_identificator_van = '00000000-0000-0000-0000-100000000002';

-- Lookup by (soort, value) uses the index, with or without a parent.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT identificeerde_partij FROM partij_identificator
 WHERE code_soort_object_id = 'bsn' AND object_id_sleutel = identificator_sleutel('brp', 'natuurlijk_persoon', 'bsn', '2966.48.875');
SELECT identificeerde_partij FROM partij_identificator
 WHERE code_soort_object_id = 'bsn' AND object_id_sleutel = identificator_sleutel('brp', 'natuurlijk_persoon', 'bsn', '2966.48.875');
-- A vestiging by (vestigingsnummer, KvK) in one same-row condition.
EXPLAIN (COSTS OFF)
SELECT v.identificeerde_partij FROM partij_identificator v JOIN partij_identificator k ON k.uuid = v.sub_identificator_van
 WHERE v.code_soort_object_id = 'vestigingsnummer' AND v.object_id_sleutel = '000012345678'
   AND k.code_soort_object_id = 'kvk_nummer' AND k.object_id_sleutel = '12345678';
SELECT v.identificeerde_partij FROM partij_identificator v JOIN partij_identificator k ON k.uuid = v.sub_identificator_van
 WHERE v.code_soort_object_id = 'vestigingsnummer' AND v.object_id_sleutel = '000012345678'
   AND k.code_soort_object_id = 'kvk_nummer' AND k.object_id_sleutel = '12345678';
RESET enable_seqscan;

ROLLBACK;
SELECT count(*) AS identificatoren_na_afloop FROM partij_identificator;
