-- Name resolution no caller can influence (issue 12, findings 2 and 3;
-- docs/security.md, section 11).  A reader plants, as finding 3 did, in a
-- schema every role may create objects in (as schema public was before
-- PostgreSQL 15), look-alikes of every operator and function that the
-- extension's function bodies name and that pg_catalog or the extension
-- defines, and of the types they use; each look-alike does what the
-- original does after telling a counter (a sequence, which no rollback
-- undoes) and raising a NOTICE.  Then every role (lezer, bsn, geheim,
-- schrijver, kcc, beheer, the citizen through PostgREST's authenticator),
-- as an ordinary login, adds look-alike types of its own in pg_temp, puts
-- pg_temp and that schema first in its search_path, and calls every
-- function it may execute and reads every view it may read, all columns,
-- the list taken from the catalog, so that a new function is covered
-- without touching this test.  Nothing may reach a look-alike: the
-- counter stays at zero and no NOTICE appears.
\set aanval_db ki_aanval_schaduw
\i sql/include/aanval.psql

\c :aanval_db ki_aanval_lezer
SET client_min_messages = warning;
CREATE SEQUENCE schaduw.lekteller;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE schaduw.lekteller TO PUBLIC;
CREATE FUNCTION schaduw.lek(wat pg_catalog.text) RETURNS pg_catalog.bool
	LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	PERFORM nextval('schaduw.lekteller');
	RAISE NOTICE 'look-alike reached: %', wat;
	RETURN true;
END $$;

-- The names the extension's function bodies use: identifiers followed by
-- "(" and operator symbols, as far as pg_catalog or the extension defines
-- them (the extension's own functions are called qualified everywhere;
-- look-alikes of them count as well).
CREATE TABLE schaduw.namen AS
SELECT DISTINCT lower(m[1]) AS naam
  FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'klantinteracties',
	   regexp_matches(p.prosrc, '([A-Za-z_][A-Za-z_0-9]*)\s*\(', 'g') AS m;
-- The argument types worth shadowing: those the extension's functions and
-- views handle.
CREATE TABLE schaduw.typen AS
SELECT t.oid AS typ FROM pg_type t
 WHERE t.typname IN ('text', 'varchar', 'bpchar', 'name', 'int4', 'int8', 'int2', 'numeric', 'float4', 'float8', 'bool',
					 'uuid', 'jsonb', 'json', 'timestamptz', 'date', 'xid8', 'regclass', '_text', '_uuid', '_int4', '_jsonb')
   AND t.typnamespace = 'pg_catalog'::regnamespace
UNION
SELECT t.oid FROM pg_type t WHERE t.typnamespace = 'klantinteracties'::regnamespace AND t.typtype IN ('b', 'e', 'd');

-- Operators: every pg_catalog or extension operator of the listed names
-- between the listed types.
DO $$
DECLARE
	o record;
	n integer := 0;
BEGIN
	FOR o IN
		SELECT op.oid, op.oprname, op.oprleft::regtype AS l, op.oprright::regtype AS r, op.oprresult::regtype AS res,
			   op.oprnamespace::regnamespace AS ns
		  FROM pg_operator op
		 WHERE op.oprnamespace IN ('pg_catalog'::regnamespace, 'klantinteracties'::regnamespace)
		   AND op.oprname IN ('=', '<>', '<', '<=', '>', '>=', '||', '~~', '~~*', '!~~', '~', '~*', '!~', '->', '->>', '#>', '#>>', '?', '?|', '?&', '&&', '@>', '<@', '-', '+', '*', '/')
		   AND op.oprleft IN (SELECT typ FROM schaduw.typen) AND op.oprright IN (SELECT typ FROM schaduw.typen)
	LOOP
		n := n + 1;
		EXECUTE format('CREATE FUNCTION schaduw.op_%s(%s, %s) RETURNS %s LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$'
			|| 'BEGIN PERFORM schaduw.lek(%L); RETURN $1 OPERATOR(%s.%s) $2; END $b$',
			n, o.l, o.r, o.res, format('operator %s(%s, %s)', o.oprname, o.l, o.r), o.ns, o.oprname);
		EXECUTE format('CREATE OPERATOR schaduw.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = schaduw.op_%s)',
			o.oprname, o.l, o.r, n);
	END LOOP;
END $$;

-- And finding 3's own: >= (real, numeric), which matches
-- "similarity(...) >= 0.4" exactly.
CREATE FUNCTION schaduw.groter_gelijk(real, numeric) RETURNS boolean LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN PERFORM schaduw.lek('operator >=(real, numeric)'); RETURN $1 >= $2::real; END $$;
CREATE OPERATOR schaduw.>= (LEFTARG = real, RIGHTARG = numeric, FUNCTION = schaduw.groter_gelijk);

-- Functions and aggregates: every pg_catalog (and pg_trgm) function whose
-- name the bodies use, with the same argument types, when those are
-- concrete; for the polymorphic and "any" ones, overloads with concrete
-- types, which win over them.
DO $$
DECLARE
	f record;
	n integer := 0;
	sig text;
	res text;
	args text;
BEGIN
	FOR f IN
		SELECT p.oid, p.proname::text, p.prokind::text, p.proretset, p.proargtypes::regtype[] AS argt,
			   pg_get_function_result(p.oid) AS result
		  FROM pg_proc p
		 WHERE (p.pronamespace = 'pg_catalog'::regnamespace
				OR p.pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'pg_trgm'))
		   AND p.proname IN (SELECT naam FROM schaduw.namen)
		   AND p.prokind IN ('f', 'a')
		   AND p.proname NOT IN ('nextval', 'set_config', 'current_setting')
		   AND NOT EXISTS (SELECT FROM unnest(p.proargtypes::oid[]) AS a(t)
							WHERE a.t NOT IN (SELECT typ FROM schaduw.typen))
		   AND p.prorettype IN (SELECT typ FROM schaduw.typen UNION SELECT 'record'::regtype UNION SELECT 'void'::regtype)
		   AND p.provariadic = 0
		UNION ALL
		-- Concrete overloads of the polymorphic and variadic ones.
		SELECT NULL, v.naam, v.soort, v.srf, v.argt::regtype[], v.res
		  FROM (VALUES ('jsonb_build_object', 'f', false, '{text,text}', 'jsonb'), ('jsonb_build_object', 'f', false, '{text,uuid}', 'jsonb'),
					   ('jsonb_build_object', 'f', false, '{text,jsonb}', 'jsonb'), ('jsonb_build_object', 'f', false, '{text,text,text,text}', 'jsonb'),
					   ('format', 'f', false, '{text,text}', 'text'), ('format', 'f', false, '{text,text,text}', 'text'),
					   ('concat_ws', 'f', false, '{text,text,text}', 'text'), ('concat', 'f', false, '{text,text}', 'text'),
					   ('to_jsonb', 'f', false, '{text}', 'jsonb'), ('to_jsonb', 'f', false, '{uuid}', 'jsonb'),
					   ('jsonb_agg', 'a', false, '{jsonb}', 'jsonb'), ('array_agg', 'a', false, '{text}', 'text[]'),
					   ('array_agg', 'a', false, '{uuid}', 'uuid[]'), ('array_remove', 'f', false, '{uuid[],uuid}', 'uuid[]'),
					   ('unnest', 'f', true, '{text[]}', 'SETOF text'), ('unnest', 'f', true, '{uuid[]}', 'SETOF uuid'),
					   ('cardinality', 'f', false, '{uuid[]}', 'integer'), ('cardinality', 'f', false, '{text[]}', 'integer'),
					   ('num_nonnulls', 'f', false, '{text,text}', 'integer'), ('count', 'a', false, '{}', 'bigint'),
					   ('max', 'a', false, '{timestamptz}', 'timestamptz'), ('array_length', 'f', false, '{text[],integer}', 'integer'))
			   AS v(naam, soort, srf, argt, res)
		 WHERE v.naam IN (SELECT naam FROM schaduw.namen)
	LOOP
		n := n + 1;
		args := (SELECT coalesce(string_agg(format('$%s', i), ', ' ORDER BY i), '')
				   FROM generate_subscripts(f.argt, 1) AS i);
		sig := (SELECT coalesce(string_agg(t::text, ', ' ORDER BY i), '') FROM unnest(f.argt) WITH ORDINALITY AS a(t, i));
		BEGIN
			IF f.prokind = 'a' THEN
				-- An aggregate: its state function tells, the final one answers.
				EXECUTE format('CREATE FUNCTION schaduw.agg_%s(s text[]%s) RETURNS text[] LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp '
					|| 'AS $b$ BEGIN PERFORM schaduw.lek(%L); RETURN s; END $b$',
					n, CASE WHEN sig = '' THEN '' ELSE ', ' || sig END, format('aggregate %s(%s)', f.proname, sig));
				EXECUTE format('CREATE FUNCTION schaduw.fin_%s(s text[]) RETURNS %s LANGUAGE sql AS $b$ SELECT NULL::%s $b$', n,
					f.result, f.result);
				EXECUTE format('CREATE AGGREGATE schaduw.%I(%s) (SFUNC = schaduw.agg_%s, STYPE = text[], FINALFUNC = schaduw.fin_%s)',
					f.proname, CASE WHEN sig = '' THEN '*' ELSE sig END, n, n);
			ELSIF f.proretset OR f.result LIKE 'SETOF %' OR f.result LIKE 'TABLE(%' THEN
				EXECUTE format('CREATE FUNCTION schaduw.%I(%s) RETURNS %s LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$'
					|| 'BEGIN PERFORM schaduw.lek(%L); RETURN QUERY SELECT * FROM pg_catalog.%I(%s); END $b$',
					f.proname, sig, f.result, format('function %s(%s)', f.proname, sig), f.proname, args);
			ELSE
				EXECUTE format('CREATE FUNCTION schaduw.%I(%s) RETURNS %s LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$'
					|| 'BEGIN PERFORM schaduw.lek(%L); RETURN %s.%I(%s); END $b$',
					f.proname, sig, f.result, format('function %s(%s)', f.proname, sig),
					CASE WHEN f.proname = 'similarity' THEN (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm')
						 ELSE 'pg_catalog' END, f.proname, args);
			END IF;
		EXCEPTION WHEN duplicate_function OR invalid_function_definition OR feature_not_supported OR datatype_mismatch
					   OR wrong_object_type OR invalid_parameter_value OR syntax_error THEN
			NULL;   -- a signature PL/pgSQL cannot take: left out
		END;
	END LOOP;
END $$;

-- A literal for an argument of a type (fully qualified, so that the
-- sweep's own statements resolve nothing through the planted names): a
-- value of the fixture per type, some by parameter name.
CREATE FUNCTION schaduw.typnaam(typ oid) RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
	SELECT quote_ident(n.nspname) || '.' || quote_ident(t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = typ $$;
CREATE FUNCTION schaduw.waarde(doel oid, naam text) RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
	SELECT coalesce(quote_literal(CASE
			WHEN naam = 'codeSoortObjectId' THEN 'bsn'
			WHEN naam IN ('objectId', 'bsn') AND doel = 'text'::regtype THEN '111222333'
			WHEN naam = 'kvkNummer' THEN '12345678'
			WHEN naam = 'soortDigitaalAdres' THEN 'email'
			WHEN naam = 'soort' AND doel = 'text'::regtype THEN 'adres'
			WHEN naam = 'tabel' AND doel = 'text'::regtype THEN 'partij'
			WHEN naam IN ('fragment', 'naam') AND doel = 'text'::regtype THEN 'Anna'
			WHEN naam = 'ref' THEN '{"uuid": "00000000-0000-0000-0099-0000000000a1"}'
			WHEN t.typtype = 'e' THEN (SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = doel ORDER BY e.enumsortorder LIMIT 1)
			ELSE (SELECT w.waarde FROM (VALUES
				('text'::regtype, 'anna@example.com'), ('varchar', 'anna@example.com'),
				('uuid', '00000000-0000-0000-0099-0000000000a1'), ('jsonb', '{}'), ('json', '{}'), ('bool', 'false'),
				('int4', '1'), ('int8', '1'), ('numeric', '1'), ('float8', '0.5'), ('float4', '0.5'), ('date', '2024-01-01'),
				('timestamptz', '2024-03-01 00:00+01'), ('name', 'partij'), ('regclass', 'klantinteracties.partij'),
				('uuid[]', '{00000000-0000-0000-0099-0000000000a1}'), ('text[]', '{}'), ('int4[]', '{}'),
				('klantinteracties.bsn', '111222333'), ('klantinteracties.rsin', '123456782'),
				('klantinteracties.kvk_nummer', '12345678'), ('klantinteracties.vestigingsnummer', '000012345678'),
				('klantinteracties.postcode', '1015 CJ'), ('klantinteracties.bag_id', '0363200000000001'),
				('klantinteracties.landcode', 'NL'), ('klantinteracties.telefoonnummer', '0612345678'),
				('klantinteracties.emailadres', 'anna@example.com'), ('klantinteracties.iban', 'NL91ABNA0417164300'),
				('klantinteracties.bic', 'ABNANL2A')) AS w(typ, waarde) WHERE w.typ = doel) END), 'NULL')
		|| '::' || CASE WHEN doel = 'anyelement'::regtype THEN 'pg_catalog.text' ELSE schaduw.typnaam(doel) END
	  FROM pg_type t WHERE t.oid = doel $$;

-- The sweep, run by each role in its own session: look-alike types in its
-- pg_temp, then every function it may execute and every view it may read,
-- all columns, with pg_temp and the planted schema first in the
-- search_path.  Its own statements name everything qualified.
CREATE FUNCTION schaduw.veeg(OUT functies integer, OUT views integer, OUT fouten text, OUT gelekt bigint, OUT gelekt_in text)
	LANGUAGE plpgsql AS $veeg$
DECLARE
	voor bigint := (SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END FROM schaduw.lekteller s);
	t record;
	f record;
	stmt text;
	foutlijst text[] := '{}';
	lekken text[] := '{}';
	stand bigint;
	aanval constant text := 'pg_temp, schaduw, pg_catalog, klantinteracties, klantinteracties_api';
BEGIN
	-- Look-alike types in pg_temp: domains named as the built-in and the
	-- extension's types, whose check tells.  A type the role may not use
	-- (the scope markers, whose USAGE is the scope) is imitated by a domain
	-- of the same name over its base type.
	FOR t IN SELECT CASE WHEN pg_catalog.has_type_privilege(s.typ, 'USAGE') THEN schaduw.typnaam(s.typ)
						 ELSE pg_catalog.format_type(ty.typbasetype, NULL) END AS volledig, ty.typname AS naam
			   FROM schaduw.typen s JOIN pg_catalog.pg_type ty ON ty.oid = s.typ WHERE ty.typname NOT LIKE '\_%' LOOP
		EXECUTE pg_catalog.format('CREATE DOMAIN pg_temp.%I AS %s CHECK (schaduw.lek(%L))',
			t.naam, t.volledig, 'type pg_temp.' || t.naam);
	END LOOP;
	functies := 0;
	views := 0;
	PERFORM pg_catalog.set_config('client_min_messages', 'warning', true);
	FOR f IN
		SELECT p.oid::pg_catalog.regprocedure::pg_catalog.text AS naam,
			   pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname) AS functie,
			   p.proretset OR pg_catalog.pg_get_function_result(p.oid) LIKE 'TABLE(%' AS rijen,
			   (SELECT coalesce(pg_catalog.string_agg(schaduw.waarde(a.typ, (p.proargnames)[a.nr]), ', ' ORDER BY a.nr), '')
				  FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY AS a(typ, nr)) AS args
		  FROM pg_catalog.pg_proc p
		  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
		  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid AND d.deptype = 'e'
		  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'klantinteracties'
		 WHERE pg_catalog.has_function_privilege(p.oid, 'EXECUTE')
		   AND p.prokind = 'f' AND p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype
		   AND NOT p.proargtypes::pg_catalog.oid[] OPERATOR(pg_catalog.&&)
				   ARRAY['pg_catalog.internal'::pg_catalog.regtype, 'pg_catalog.cstring'::pg_catalog.regtype]::pg_catalog.oid[]
		 ORDER BY 1
	LOOP
		stmt := CASE WHEN f.rijen THEN pg_catalog.format('SELECT pg_catalog.count(*) FROM %s(%s) AS r', f.functie, f.args)
					 ELSE pg_catalog.format('SELECT %s(%s) IS NULL', f.functie, f.args) END;
		functies := functies + 1;
		stand := (SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END FROM schaduw.lekteller s);
		BEGIN
			PERFORM pg_catalog.set_config('search_path', aanval, true);
			EXECUTE stmt;
			RAISE EXCEPTION USING ERRCODE = 'KI000';   -- undo what it wrote
		EXCEPTION
			WHEN SQLSTATE 'KI000' THEN NULL;
			WHEN OTHERS THEN
				foutlijst := foutlijst || (f.naam || ' ' || SQLSTATE);
		END;
		IF (SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END FROM schaduw.lekteller s) <> stand THEN
			lekken := lekken || f.naam;
		END IF;
	END LOOP;
	FOR t IN SELECT c.oid::pg_catalog.regclass::pg_catalog.text AS v FROM pg_catalog.pg_class c
			  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'e'
			  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'klantinteracties'
			 WHERE c.relkind = 'v' AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
			 ORDER BY 1 LOOP
		views := views + 1;
		stand := (SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END FROM schaduw.lekteller s);
		BEGIN
			PERFORM pg_catalog.set_config('search_path', aanval, true);
			EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s AS x WHERE x::pg_catalog.text IS NOT NULL', t.v);
			RAISE EXCEPTION USING ERRCODE = 'KI000';
		EXCEPTION
			WHEN SQLSTATE 'KI000' THEN NULL;
			WHEN OTHERS THEN
				foutlijst := foutlijst || (t.v || ' ' || SQLSTATE);
		END;
		IF (SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END FROM schaduw.lekteller s) <> stand THEN
			lekken := lekken || t.v;
		END IF;
	END LOOP;
	fouten := pg_catalog.array_to_string(foutlijst, ', ');
	gelekt_in := pg_catalog.array_to_string(lekken, ', ');
	gelekt := (SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END FROM schaduw.lekteller s) - voor;
END
$veeg$;
GRANT SELECT ON schaduw.namen, schaduw.typen TO PUBLIC;
SELECT count(*) > 50 AS operatoren FROM pg_operator WHERE oprnamespace = 'schaduw'::regnamespace;
SELECT count(*) > 20 AS functies FROM pg_proc WHERE pronamespace = 'schaduw'::regnamespace AND proname NOT LIKE 'op\_%' AND proname NOT LIKE 'agg\_%';
-- Finding 3's own look-alike is among them: >= (real, numeric).
SELECT to_regoperator('schaduw.>=(real, numeric)') IS NOT NULL AS bevinding_3;

-- Each role, as an ordinary login.
\c :aanval_db ki_aanval_lezer
SELECT 'lezer' AS rol, functies >= 200 AS functies_200_of_meer, views, gelekt, gelekt_in FROM schaduw.veeg();
\c :aanval_db ki_aanval_bsn
SELECT 'bsn' AS rol, functies >= 200 AS functies_200_of_meer, views, gelekt, gelekt_in FROM schaduw.veeg();
\c :aanval_db ki_aanval_geheim
SELECT 'geheim' AS rol, functies >= 200 AS functies_200_of_meer, views, gelekt, gelekt_in FROM schaduw.veeg();
\c :aanval_db ki_aanval_schrijver
SELECT 'schrijver' AS rol, functies >= 200 AS functies_200_of_meer, views, gelekt, gelekt_in FROM schaduw.veeg();
\c :aanval_db ki_aanval_kcc
SELECT 'kcc' AS rol, functies >= 200 AS functies_200_of_meer, views, gelekt, gelekt_in FROM schaduw.veeg();
\c :aanval_db ki_aanval_beheer
SELECT 'beheer' AS rol, functies >= 200 AS functies_200_of_meer, views, gelekt, gelekt_in FROM schaduw.veeg();
-- The citizen, through PostgREST's authenticator with a verified JWT.
\c :aanval_db ki_aanval_authenticator
SET ROLE klantinteracties_burger;
SELECT set_config('request.jwt.claims', '{"role": "klantinteracties_burger", "bsn": "111222333", "sub": "digid-anna"}', false) IS NOT NULL AS claims;
SELECT klantinteracties.burger_partij() AS burger_partij;
SELECT 'burger' AS rol, functies >= 200 AS functies_200_of_meer, views, gelekt, gelekt_in FROM schaduw.veeg();

\i sql/include/aanval_einde.psql

-- CREATE EXTENSION resolves the names its script leaves unqualified
-- through its search_path (its own schema and pg_trgm's): it refuses a
-- set-up in which a schema there is writable by roles other than its
-- owner (finding 3), and pg_trgm may live in any other schema (its
-- similarity() is then called in that schema, also for the roles).
SET client_min_messages = warning;
DROP DATABASE IF EXISTS ki_schaduw_installatie;
DROP ROLE IF EXISTS ki_schaduw_maker;
DROP ROLE IF EXISTS ki_schaduw_lezer;
CREATE ROLE ki_schaduw_maker;
CREATE ROLE ki_schaduw_lezer LOGIN IN ROLE klantinteracties_lezer;
CREATE DATABASE ki_schaduw_installatie TEMPLATE template0;
RESET client_min_messages;
\c ki_schaduw_installatie
-- Schema public writable by PUBLIC (the default before PostgreSQL 15):
GRANT CREATE ON SCHEMA public TO PUBLIC;
\set VERBOSITY default
CREATE EXTENSION klantinteracties CASCADE;
-- ... or by one other role:
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CREATE ON SCHEMA public TO ki_schaduw_maker;
CREATE EXTENSION klantinteracties CASCADE;
\set VERBOSITY terse
SELECT count(*) AS extensies FROM pg_extension WHERE extname IN ('pg_trgm', 'klantinteracties');
REVOKE CREATE ON SCHEMA public FROM ki_schaduw_maker;
-- pg_trgm in a schema of its own, first in the search_path:
CREATE SCHEMA trgm;
SET search_path = trgm, public;
CREATE EXTENSION klantinteracties CASCADE;
SELECT e.extname, e.extnamespace::regnamespace AS schema FROM pg_extension e
 WHERE e.extname IN ('pg_trgm', 'klantinteracties') ORDER BY 1;
RESET search_path;
INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief, bezoekadres_postcode) VALUES
	('00000000-0000-0000-0098-000000000001', 'persoon', true, '1015 CJ'),
	('00000000-0000-0000-0098-000000000002', 'persoon', true, '1015 CJ');
INSERT INTO klantinteracties.persoon (partij, contactnaam_voornaam, contactnaam_achternaam) VALUES
	('00000000-0000-0000-0098-000000000001', 'Anna', 'Aalders'),
	('00000000-0000-0000-0098-000000000002', 'Anna', 'Aalderse');
SELECT kandidaat, naam, score, redenen FROM klantinteracties.mogelijke_dubbelen('00000000-0000-0000-0098-000000000001');
SELECT * FROM klantinteracties.zoek_partijen_met_naamdeel('Aalder');
\c ki_schaduw_installatie ki_schaduw_lezer
SELECT kandidaat, naam, score, redenen FROM klantinteracties.mogelijke_dubbelen('00000000-0000-0000-0098-000000000001');
SELECT * FROM klantinteracties.zoek_partijen_met_naamdeel('Aalder');
\c :testdb :beheerder
SET client_min_messages = warning;
DROP DATABASE ki_schaduw_installatie;
DROP ROLE ki_schaduw_maker, ki_schaduw_lezer;
RESET client_min_messages;
