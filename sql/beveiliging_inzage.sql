-- Issue 12 finding 9: forged access-log entries.  Any reader could call
-- inzage_vastleggen('klantbeeld_opvragen', ARRAY['<citizen>'], 'Fraudeonderzoek ...');
-- the citizen then saw a lookup that never happened in mijn_inzage.  Now
-- the access log is written only by the logged lookups themselves
-- (zoek_partij_op_bsn, klantbeeld_opvragen): inzage_vastleggen is executable
-- by their owner alone, and nobody else may write the log.  Tried here as
-- logins holding each role.  The logins and the citizen are this test's own
-- (committed, for the logins' sessions; the access log and audit trail keep
-- their rows, so no other test's fixture is named here).
\i sql/include/helpers.psql
CREATE ROLE ki_inzage_lezer LOGIN IN ROLE klantinteracties_lezer;
CREATE ROLE ki_inzage_bsn LOGIN IN ROLE klantinteracties_lezer, klantinteracties_bsn;
CREATE ROLE ki_inzage_geheim LOGIN IN ROLE klantinteracties_lezer, klantinteracties_geheim;
CREATE ROLE ki_inzage_schrijver LOGIN IN ROLE klantinteracties_schrijver;
CREATE ROLE ki_inzage_kcc LOGIN IN ROLE klantinteracties_schrijver, klantinteracties_bsn, klantinteracties_geheim;
CREATE ROLE ki_inzage_beheer LOGIN IN ROLE klantinteracties_beheer;
CREATE ROLE ki_inzage_los LOGIN;
-- Ineke, a citizen with a BSN.
INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0066-000000000001', 'persoon', true);
INSERT INTO persoon (partij, contactnaam_voornaam, contactnaam_achternaam)
VALUES ('00000000-0000-0000-0066-000000000001', 'Ineke', 'Inzage');
INSERT INTO partij_identificator (identificeerde_partij, code_register, code_objecttype, code_soort_object_id, object_id)
VALUES ('00000000-0000-0000-0066-000000000001', 'brp', 'natuurlijk_persoon', 'bsn', '661000011');

-- Who may execute inzage_vastleggen, and who may write inzagelog, among
-- every role of the cluster but the superusers and PostgreSQL's own.
SELECT r.rolname AS mag_inzage_vastleggen
  FROM pg_roles r
 WHERE NOT r.rolsuper AND r.rolname !~ '^pg_'
   AND has_function_privilege(r.oid, 'klantinteracties.inzage_vastleggen(text, uuid[], text)', 'EXECUTE')
 ORDER BY 1;
SELECT r.rolname, p.privilege
  FROM pg_roles r, unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
 WHERE NOT r.rolsuper AND r.rolname !~ '^pg_' AND has_table_privilege(r.oid, 'klantinteracties.inzagelog', p.privilege)
 ORDER BY 1, 2;
-- The functions that call it: the two logged lookups, owned by the owner
-- that may execute it.
SELECT p.oid::regprocedure AS roept_inzage_vastleggen_aan, pg_get_userbyid(p.proowner) AS eigenaar, p.prosecdef AS definer
  FROM pg_proc p
 WHERE p.pronamespace IN ('klantinteracties'::regnamespace, 'klantinteracties_api'::regnamespace)
   AND p.prosrc ~ 'inzage_vastleggen' AND p.proname <> 'inzage_vastleggen'
 ORDER BY 1;

-- The attack as logins holding each role, and the ways around it: call it
-- directly, become its owner, insert into the log.
SELECT current_user AS superuser \gset
SELECT coalesce(max(id), 0) AS voor FROM inzagelog \gset
\set SHOW_CONTEXT never
\set aanval 'DO $a$ DECLARE uit text := current_user || '':''; BEGIN BEGIN PERFORM klantinteracties.inzage_vastleggen(''klantbeeld_opvragen'', ARRAY[''00000000-0000-0000-0066-000000000001'']::uuid[], ''Fraudeonderzoek''); uit := uit || '' vastleggen ok''; EXCEPTION WHEN OTHERS THEN uit := uit || '' vastleggen '' || SQLSTATE; END; BEGIN SET ROLE klantinteracties_eigenaar; uit := uit || '' eigenaar ok''; EXCEPTION WHEN OTHERS THEN uit := uit || '' eigenaar '' || SQLSTATE; END; BEGIN INSERT INTO klantinteracties.inzagelog (handeling, partij, doelbinding, gebruiker, rol) VALUES (''klantbeeld_opvragen'', ''00000000-0000-0000-0066-000000000001'', ''Fraudeonderzoek'', current_user, current_user); uit := uit || '' insert ok''; EXCEPTION WHEN OTHERS THEN uit := uit || '' insert '' || SQLSTATE; END; RAISE NOTICE ''%'', uit; END $a$;'
\c - ki_inzage_lezer
:aanval
\c - ki_inzage_bsn
:aanval
\c - ki_inzage_geheim
:aanval
\c - ki_inzage_schrijver
:aanval
\c - ki_inzage_kcc
:aanval
\c - ki_inzage_beheer
:aanval
\c - ki_inzage_los
:aanval
-- A shadow in pg_temp, first in the search_path: the lookups call
-- klantinteracties.inzage_vastleggen by its schema, so the shadow is never
-- reached, and the real one logs the lookup that did happen.  A lookup of
-- a partij that does not exist is logged as asked (one row without
-- partij): the purpose is the caller's, the lookup happened.
\c - ki_inzage_lezer
CREATE FUNCTION pg_temp.inzage_vastleggen(handeling text, partijen uuid[], doelbinding text) RETURNS void
	LANGUAGE plpgsql AS $f$ BEGIN RAISE NOTICE 'schaduw: %', doelbinding; END $f$;
SET search_path = pg_temp, klantinteracties, pg_catalog;
SELECT klantinteracties_api.klantbeeld_opvragen('terugbelverzoek', '00000000-0000-0000-0066-000000000001') IS NOT NULL AS opgevraagd;
SELECT klantinteracties_api.klantbeeld_opvragen('Fraudeonderzoek', '00000000-0000-0000-0066-000000000000') IS NULL AS onbekend;
\c - :superuser
SET search_path = klantinteracties, public;
-- What the access log holds now: only the lookups that happened, none of
-- those the attackers tried to log.
SELECT handeling, partij, doelbinding, rol FROM inzagelog WHERE id > :voor ORDER BY id;
-- Ineke, as a citizen through PostgREST, sees the lookup that happened
-- and no fraud investigation.
BEGIN;
SELECT set_config('request.jwt.claims', '{"role": "klantinteracties_burger", "sub": "digid-661000011", "bsn": "661000011"}', true) IS NOT NULL AS claims;
SET LOCAL ROLE klantinteracties_burger;
SELECT handeling, doelbinding FROM klantinteracties_api.mijn_inzage;
ROLLBACK;

-- Clean up (the access log and the audit trail keep their rows).
DELETE FROM partij WHERE uuid::text LIKE '00000000-0000-0000-0066-%';
DROP ROLE ki_inzage_lezer, ki_inzage_bsn, ki_inzage_geheim, ki_inzage_schrijver, ki_inzage_kcc, ki_inzage_beheer, ki_inzage_los;
