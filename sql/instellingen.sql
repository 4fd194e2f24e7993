-- Nothing may depend on the installing or calling session's settings (issue
-- 14 finding 6).  CREATE EXTENSION in a session with
-- standard_conforming_strings = off (the install script is parsed under the
-- installing session's setting) and other non-default DateStyle, TimeZone,
-- IntervalStyle, search_path and bytea_output succeeds and gives the same
-- catalog as an install under default settings (functions with their bodies
-- and settings, views, policies, constraints, triggers, comments); the
-- functions that had backslashes in plain literals (heeft_scope,
-- zoekdeel_patroon, api_verwijzing; vergeet_patroon, now replaced by
-- vergeet_tekst) give the same results when called from such a session.
\i sql/include/helpers.psql

-- The catalog of the extension as text, one line an object, and its md5.
SELECT $q$
SELECT count(*) AS objects, md5(string_agg(x, E'\n' ORDER BY x)) AS fingerprint FROM (
	SELECT 'function ' || p.oid::regprocedure::text || ' ' || p.prosrc
		|| coalesce(' SET ' || array_to_string(p.proconfig, ','), '')
		|| coalesce(' COMMENT ' || obj_description(p.oid, 'pg_proc'), '') AS x
	FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
	WHERE d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'klantinteracties')
	UNION ALL
	SELECT 'relation ' || c.oid::regclass::text || ' ' || c.relkind::text
		|| coalesce(' ' || pg_get_viewdef(c.oid), '')
		|| coalesce(' COMMENT ' || obj_description(c.oid, 'pg_class'), '')
	FROM pg_class c WHERE c.relnamespace IN ('klantinteracties'::regnamespace, 'klantinteracties_api'::regnamespace)
	UNION ALL
	SELECT 'column ' || a.attrelid::regclass::text || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
		|| coalesce(' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid), '')
		|| coalesce(' COMMENT ' || col_description(a.attrelid, a.attnum), '')
	FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
	LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	WHERE c.relnamespace IN ('klantinteracties'::regnamespace, 'klantinteracties_api'::regnamespace)
		AND a.attnum > 0 AND NOT a.attisdropped
	UNION ALL
	SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
	FROM pg_constraint WHERE connamespace = 'klantinteracties'::regnamespace
	UNION ALL
	SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
	WHERE NOT t.tgisinternal AND c.relnamespace IN ('klantinteracties'::regnamespace, 'klantinteracties_api'::regnamespace)
	UNION ALL
	SELECT 'policy ' || schemaname || '.' || tablename || ' ' || policyname || ' ' || cmd || ' '
		|| array_to_string(roles, ',') || ' ' || coalesce(qual, '') || ' / ' || coalesce(with_check, '')
	FROM pg_policies WHERE schemaname IN ('klantinteracties', 'klantinteracties_api')
	UNION ALL
	SELECT 'type ' || t.oid::regtype::text || coalesce(' COMMENT ' || obj_description(t.oid, 'pg_type'), '')
	FROM pg_type t WHERE t.typnamespace = 'klantinteracties'::regnamespace
) AS catalogus
$q$ AS catalogus_sql \gset
-- The functions that had backslashes in plain literals, called with E''
-- arguments (read the same under either setting).
SELECT $q$
SET request.jwt.claims = '{"scope": "read  bsn write"}';
SELECT klantinteracties.heeft_scope('read') AS read, klantinteracties.heeft_scope('bsn') AS bsn,
	klantinteracties.heeft_scope('write') AS write, klantinteracties.heeft_scope('geheim') AS geheim,
	klantinteracties.vergeet_tekst(E'jan.de+vries@x.nl en JAN.DE+VRIES@X.NL, janXde+vries@x.nl',
		klantinteracties.vergeet_sleutelset('{email}', '{jan.de+vries@x.nl}')) AS vergeet_tekst,
	klantinteracties.zoekdeel_patroon(E' 50%_a\\b ') AS zoekdeel_patroon;
RESET request.jwt.claims;
-- a uuid in braces is a well-formed reference (22023: it names nothing), x is not (22P02)
SELECT v.ref, r.state, r.message
FROM (VALUES ('{"uuid": "{00000000-0000-0000-0000-000000000000}"}'), ('{"uuid": "x"}')) AS v(ref),
	pg_temp.try(format('SELECT klantinteracties.api_verwijzing(%L::jsonb, %L)', v.ref, 'partij')) r;
$q$ AS functies_sql \gset

-- A database installed under default settings (the test database itself
-- holds the tables the other tests left in the extension's schema)
SELECT current_database() AS testdb \gset
CREATE DATABASE ki_instellingen_standaard;
\c ki_instellingen_standaard
SET standard_conforming_strings = on;  -- whatever the caller's default (make test-instellingen)
SET client_min_messages = warning;
CREATE EXTENSION pg_trgm SCHEMA public;
CREATE EXTENSION klantinteracties;
RESET client_min_messages;
\i sql/include/helpers.psql
SELECT current_setting('standard_conforming_strings') AS scs;
:catalogus_sql \gset standaard_
SELECT :standaard_objects > 1000 AS many_objects;
:functies_sql

-- A database installed under other settings
CREATE DATABASE ki_instellingen;
\c ki_instellingen
SET standard_conforming_strings = off;
SET escape_string_warning = off;
SET DateStyle = 'SQL, DMY';
SET TimeZone = 'Asia/Kathmandu';
SET IntervalStyle = 'sql_standard';
SET bytea_output = 'escape';
SET extra_float_digits = -3;
CREATE SCHEMA instelling;
SET search_path = instelling, public;
CREATE EXTENSION pg_trgm SCHEMA public;
CREATE EXTENSION klantinteracties;
-- the catalog read under the same settings as above (pg_get_expr prints
-- constants under the session's DateStyle and IntervalStyle)
RESET ALL;
\i sql/include/helpers.psql
:catalogus_sql \gset andere_
SELECT :andere_objects = :standaard_objects AS same_count,
	:'andere_fingerprint' = :'standaard_fingerprint' AS same_catalog;
-- the same calls from a session with standard_conforming_strings = off
SET standard_conforming_strings = off;
SET escape_string_warning = off;
:functies_sql
\c :testdb
DROP DATABASE ki_instellingen;
DROP DATABASE ki_instellingen_standaard;

-- No function of the extension has a backslash in a plain '...' literal in
-- its body: a body is parsed when it is called, under the caller's
-- standard_conforming_strings, so such a literal means something else in a
-- session with it off (PLAN 2.3; E'...' or no backslash).  The pattern
-- finds a quote not preceded by E, U& or another quote, then a backslash
-- before the literal ends.
SELECT p.oid::regprocedure AS functie,
	   substring(p.prosrc FROM $re$(?:^|[^EeUu&'])('[^'\n]*\\[^'\n]*')$re$) AS letterlijk
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'klantinteracties'
 WHERE p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
   AND p.prosrc ~ $re$(^|[^EeUu&'])'[^'\n]*\\[^'\n]*'$re$
 ORDER BY 1::text;
