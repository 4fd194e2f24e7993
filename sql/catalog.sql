-- Catalog checks over the whole extension: version, operator classes,
-- function markings and comments on the type plumbing.
\i sql/include/helpers.psql

SELECT extversion, extrelocatable, extnamespace::regnamespace
FROM pg_extension WHERE extname = 'klantinteracties';

-- Every operator class of the extension passes its access method's validator.
SELECT count(*) AS opclasses,
	count(*) FILTER (WHERE NOT amvalidate(c.oid)) AS invalid
FROM pg_opclass c
JOIN pg_temp.extension_members('pg_opclass') m ON m = c.oid;
SELECT c.opcname, a.amname
FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
JOIN pg_temp.extension_members('pg_opclass') m ON m = c.oid
WHERE NOT amvalidate(c.oid);

-- Every base type of the extension has btree and hash default opclasses,
-- binary I/O and an is_<type>(text) predicate.
SELECT t.typname,
	EXISTS (SELECT FROM pg_opclass c WHERE c.opcintype = t.oid AND c.opcdefault AND c.opcmethod = (SELECT oid FROM pg_am WHERE amname = 'btree')) AS btree,
	EXISTS (SELECT FROM pg_opclass c WHERE c.opcintype = t.oid AND c.opcdefault AND c.opcmethod = (SELECT oid FROM pg_am WHERE amname = 'hash')) AS hash,
	t.typreceive <> 0 AND t.typsend <> 0 AS binary_io,
	to_regprocedure(format('klantinteracties.is_%s(text)', t.typname)) IS NOT NULL AS predicate
FROM pg_type t
JOIN pg_temp.extension_members('pg_type') m ON m = t.oid
WHERE t.typtype = 'b'
ORDER BY t.typname;

-- C functions are never VOLATILE and always PARALLEL SAFE and STRICT, but
-- for the ones listed: the event trigger function verwijderbewaking, fired
-- by DDL, which reads the catalog (VOLATILE, not parallel safe; no
-- arguments), and heeft_scope, which answers false for NULL as for an
-- unknown scope; LEAKPROOF appears on comparison and hash support; any other
-- LEAKPROOF function is listed here, each one reviewed: it cannot raise an
-- error.
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p
JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
WHERE p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('c', 'internal'))
	AND p.prokind = 'f'
	AND (p.provolatile = 'v' OR p.proparallel <> 's' OR NOT p.proisstrict);
SELECT p.oid::regprocedure AS leakproof_function
FROM pg_proc p
JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
WHERE p.proleakproof
	AND p.proname !~ '_(eq|ne|lt|le|gt|ge|cmp|hash|hash_extended|to_int8)$';

-- Every operator of the extension has a comment.
SELECT o.oid::regoperator AS operator_without_comment
FROM pg_operator o
JOIN pg_temp.extension_members('pg_operator') m ON m = o.oid
WHERE obj_description(o.oid, 'pg_operator') IS NULL;

-- min() and max() exist for every base type and an index answers them.
SELECT t.typname,
	to_regprocedure(format('klantinteracties.min(klantinteracties.%s)', t.typname)) IS NOT NULL AS has_min,
	to_regprocedure(format('klantinteracties.max(klantinteracties.%s)', t.typname)) IS NOT NULL AS has_max
FROM pg_type t
JOIN pg_temp.extension_members('pg_type') m ON m = t.oid
WHERE t.typtype = 'b'
ORDER BY t.typname;
CREATE TABLE minmax AS SELECT (i * 11)::bigint::klantinteracties.bsn AS b
	FROM generate_series(10000000, 10010000) i WHERE klantinteracties.is_bsn(lpad((i * 11)::text, 9, '0'));
CREATE INDEX ON minmax (b);
ANALYZE minmax;
EXPLAIN (COSTS OFF) SELECT min(b), max(b) FROM minmax;
SELECT min(b), max(b) FROM minmax;
SELECT min(e), max(e), min(i), max(i)
FROM (VALUES ('b@x.nl'::klantinteracties.emailadres, 'NL91ABNA0417164300'::klantinteracties.iban),
	('A@x.nl', 'DE89370400440532013000'), ('c@x.nl', 'GB82WEST12345698765432')) AS v(e, i);
DROP TABLE minmax;
-- Deduplication is allowed in btree indexes where equal values have equal
-- bytes; not for emailadres, whose equality ignores case.
SELECT c.opcname AS btree_opclass_without_equalimage
FROM pg_opclass c
JOIN pg_temp.extension_members('pg_opclass') m ON m = c.oid
LEFT JOIN pg_amproc p ON p.amprocfamily = c.opcfamily AND p.amprocnum = 4
WHERE c.opcmethod = (SELECT oid FROM pg_am WHERE amname = 'btree') AND p.amproc IS NULL;

-- The SQL functions behind generated columns and CHECKs, and the outbox
-- trigger's helpers, run for every row written, so they are written to be
-- inlined: EXPLAIN shows their bodies, no call.
CREATE FUNCTION pg_temp.ingevoegd(functie text, query text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	regel text;
	plan text := '';
BEGIN
	FOR regel IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query LOOP
		plan := plan || regel;
	END LOOP;
	RETURN position(functie || '(' IN plan) = 0;
END $$;
SELECT f AS functie, pg_temp.ingevoegd(f, q) AS ingevoegd
  FROM (VALUES
	('identificator_sleutel', 'SELECT identificator_sleutel(code_register, code_objecttype, code_soort_object_id, object_id) FROM partij_identificator'),
	('register_past_bij_objecttype', 'SELECT register_past_bij_objecttype(code_register, code_objecttype) FROM partij_identificator'),
	('objecttype_past_bij_soort_object_id', 'SELECT objecttype_past_bij_soort_object_id(code_objecttype, code_soort_object_id) FROM partij_identificator'),
	('digitaal_adres_sleutel', 'SELECT digitaal_adres_sleutel(soort_digitaal_adres, adres) FROM digitaal_adres'),
	('volledige_naam', 'SELECT volledige_naam(contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam) FROM persoon'),
	('gebeurtenis_kenmerken', $$SELECT gebeurtenis_kenmerken('klantcontact', to_jsonb(k)) FROM klantcontact k$$),
	('gebeurtenis_samenvoegen', 'SELECT gebeurtenis_samenvoegen(cloudevent, cloudevent, true) FROM gebeurtenis'),
	('gebeurtenis_actie', 'SELECT gebeurtenis_actie(actie, actie) FROM gebeurtenis'),
	-- and the citizen's helpers, which every row-level security policy
	-- calls (heeft_scope, handelende_rol and jwt_claims are C: one call)
	('burger_bsn', 'SELECT burger_bsn()'),
	('burger_partij', 'SELECT burger_partij()')) AS v(f, q);
-- Hence no pinned search_path, which would keep them from being inlined;
-- an inlined body is parsed under the caller's search_path, so they name
-- every function, operator and type with its schema instead.  A caller
-- whose search_path puts its own =, <>, ||, btrim and ltrim first (which
-- take over the unqualified query at the end) changes none of them.
CREATE SCHEMA kaper;
CREATE FUNCTION kaper.waar(anyenum, anyenum) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION kaper.waar(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION kaper.plak(text, text) RETURNS text LANGUAGE sql AS $$SELECT 'gekaapt'$$;
CREATE FUNCTION kaper.btrim(text) RETURNS text LANGUAGE sql AS $$SELECT 'gekaapt'$$;
CREATE FUNCTION kaper.ltrim(text, text) RETURNS text LANGUAGE sql AS $$SELECT 'gekaapt'$$;
CREATE OPERATOR kaper.= (FUNCTION = kaper.waar, LEFTARG = anyenum, RIGHTARG = anyenum);
CREATE OPERATOR kaper.= (FUNCTION = kaper.waar, LEFTARG = text, RIGHTARG = text);
CREATE OPERATOR kaper.<> (FUNCTION = kaper.waar, LEFTARG = text, RIGHTARG = text);
CREATE OPERATOR kaper.|| (FUNCTION = kaper.plak, LEFTARG = text, RIGHTARG = text);
SET search_path = kaper, pg_catalog, klantinteracties;
SELECT identificator_sleutel('hr', 'natuurlijk_persoon', 'bsn', '111222333') AS niet_toegestaan,
	   identificator_sleutel('brp', 'natuurlijk_persoon', 'bsn', '1112.22.333') AS bsn,
	   register_past_bij_objecttype('hr', 'natuurlijk_persoon') AS register,
	   objecttype_past_bij_soort_object_id('vestiging', 'bsn') AS soort,
	   digitaal_adres_sleutel('overig', '  x  ') AS overig,
	   digitaal_adres_sleutel('email', 'Jan@Example.COM') AS email,
	   volledige_naam('Jan', '', 'Jansen') AS naam,
	   gebeurtenis_actie('create', 'update') AS actie;
SELECT heeft_scope('read') AS lezen, heeft_scope('onbekend') AS onbekend, handelende_rol() AS rol,
	   jwt_claims() IS NULL AS geen_claims, burger_bsn() IS NULL AS geen_burger, burger_partij() IS NULL AS geen_partij;
SELECT 'a'::text = 'b'::text AS gekaapt_gelijk, 'a'::text || 'b'::text AS gekaapt_plak, btrim('  x  '::text) AS gekaapt_btrim;
SET search_path = klantinteracties, public;
SET client_min_messages = warning;
DROP SCHEMA kaper CASCADE;
RESET client_min_messages;
