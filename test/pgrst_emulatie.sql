-- PostgREST emulation for the API tests (included with \i by sql/api_*.sql
-- and used by test/api_conformance.sh).  PostgREST cannot be installed
-- here; this runs each request the way its source does it
-- (PostgREST's MainTx.hs, PreQuery.hs,
-- QueryBuilder.hs, SqlFragment.hs, Statements.hs):
--
--   * the session user is the authenticator (the test runs SET SESSION
--     AUTHORIZATION authenticator), so switching role is checked for real;
--   * each request is its own transaction, READ ONLY for GET and for POST
--     to a STABLE function, READ WRITE otherwise (a call of pgrst.http is
--     one statement in autocommit; it sets transaction_read_only itself,
--     which equals BEGIN ... READ ONLY for the statement that follows);
--   * one SELECT of set_config(..., true) for search_path, role,
--     request.jwt.claims (with "role" inserted), request.method,
--     request.path, request.headers and request.cookies;
--   * one main statement, built as QueryBuilder builds it, with the body
--     as parameter $1 (json): WITH pgrst_source AS (INSERT ... SELECT ...
--     FROM json_to_record(set)(...) / UPDATE ... / DELETE ... / SELECT ...)
--     SELECT ... count, json_agg(...) ...;
--   * an error rolls the request back (the subtransaction of the exception
--     block) and is answered with the HTTP status of PostgREST's table
--     (errors.rst), the body {"code", "message", "details", "hint"}.
--
-- What PostgREST does from the URL is copied for the subset the tests use:
-- filters col=op.value (eq, neq, gt, gte, lt, lte, like, ilike, is, in, cs)
-- on columns, on JSON paths (col->key, col->>key) and on computed fields
-- (functions of the row: wasPartij__uuid=eq.<uuid>), select= with embedding
-- through computed relationships (select=*,hadBetrokkenen(*)), order=, limit=,
-- offset=, and Prefer: return=representation / return=minimal.

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS pgrst CASCADE;
CREATE SCHEMA pgrst;
GRANT USAGE ON SCHEMA pgrst TO PUBLIC;

-- PostgREST's SQLSTATE -> HTTP status (errors.rst).
CREATE FUNCTION pgrst.http_status(code text, anoniem boolean) RETURNS integer
	LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
	WHEN code IN ('23503', '23505') THEN 409
	WHEN code = '25006' THEN 405
	WHEN code = '42501' THEN CASE WHEN anoniem THEN 401 ELSE 403 END
	WHEN code IN ('42883', '42P01') THEN 404
	WHEN code = 'P0001' THEN 400
	WHEN code ~ '^PT[0-9]{3}$' THEN substr(code, 3)::integer
	WHEN code IN ('42P17', '53400') OR code ~ '^(P0|XX|09|25|2D|38|39|3B|40|54|55|57|58|F0|HV)' THEN 500
	WHEN code ~ '^(08|53)' THEN 503
	WHEN code ~ '^(0L|0P|28)' THEN 403
	ELSE 400
END
$$;

CREATE FUNCTION pgrst.ident(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT '"' || replace(s, '"', '""') || '"'
$$;

-- A column reference with an optional JSON path: bezoekadres->>land; or a
-- computed field, a function of the row's type in the API schema that is
-- no column of it (wasPartij__uuid), called with the whole row.
CREATE FUNCTION pgrst.veld(tabel text, kolom text) RETURNS text LANGUAGE sql STABLE AS $$
SELECT CASE WHEN kolom !~ '->' AND EXISTS (
			SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'klantinteracties_api'
			  JOIN pg_type t ON t.oid = p.proargtypes[0]
			  JOIN pg_class c ON c.oid = t.typrelid AND c.relnamespace = n.oid
			 WHERE p.proname = kolom AND p.pronargs = 1 AND NOT p.proretset
			   AND 'klantinteracties_api.' || pgrst.ident(c.relname) = tabel
			   AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = kolom AND NOT a.attisdropped))
	THEN 'klantinteracties_api.' || pgrst.ident(kolom) || '(' || tabel || '.*)'
	ELSE tabel || '.' || pgrst.ident(split_part(replace(kolom, '->>', '->'), '->', 1))
		|| coalesce((SELECT string_agg(m[1] || quote_literal(m[2]), '' ORDER BY nr)
					   FROM regexp_matches(kolom, '(->>?)([^-]+)', 'g') WITH ORDINALITY AS x(m, nr)), '') END
$$;

-- The WHERE of a query string: uuid=eq.X&bezoekadres->>land=eq.NL.  The
-- values are literals of unknown type, as PostgREST's parameters are.
CREATE FUNCTION pgrst.filters(tabel text, query text) RETURNS text LANGUAGE sql STABLE AS $$
SELECT string_agg(
	CASE op
		WHEN 'is' THEN pgrst.veld(tabel, kolom) || ' IS ' || upper(waarde)
		WHEN 'in' THEN pgrst.veld(tabel, kolom) || ' = ANY (' || quote_literal('{' || trim(both '()' from waarde) || '}') || ') '
		WHEN 'like' THEN pgrst.veld(tabel, kolom) || ' like ' || quote_literal(translate(waarde, '*', '%'))
		WHEN 'ilike' THEN pgrst.veld(tabel, kolom) || ' ilike ' || quote_literal(translate(waarde, '*', '%'))
		ELSE pgrst.veld(tabel, kolom) || ' '
			|| CASE op WHEN 'eq' THEN '=' WHEN 'neq' THEN '<>' WHEN 'gt' THEN '>' WHEN 'gte' THEN '>='
				WHEN 'lt' THEN '<' WHEN 'lte' THEN '<=' WHEN 'cs' THEN '@>' END
			|| ' ' || quote_literal(waarde)
	END, ' AND ' ORDER BY nr)
  FROM (SELECT nr, split_part(deel, '=', 1) AS kolom,
			   split_part(substr(deel, strpos(deel, '=') + 1), '.', 1) AS op,
			   substr(deel, strpos(deel, '=') + 1 + strpos(substr(deel, strpos(deel, '=') + 1), '.')) AS waarde
		  FROM regexp_split_to_table(query, '&') WITH ORDINALITY AS d(deel, nr)
		 WHERE deel <> '' AND split_part(deel, '=', 1) NOT IN ('order', 'limit', 'offset', 'select')) AS f
$$;

CREATE FUNCTION pgrst.parameter(query text, naam text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT substr(deel, length(naam) + 2)
  FROM regexp_split_to_table(query, '&') AS d(deel) WHERE deel LIKE naam || '=%' LIMIT 1
$$;

-- The select list of select=..., with resource embedding through computed
-- relationships (functions of the API schema from the row type of rel to
-- SETOF a view; ROWS 1 is to-one): *, col, alias:col, name(...),
-- alias:name(...), nested.  rel is the relation the items are taken from
-- (the view, or the alias of an embedding); typ its view.
CREATE FUNCTION pgrst.selectie(rel text, typ text, lijst text, diepte integer DEFAULT 0) RETURNS text
	LANGUAGE plpgsql STABLE AS $$
DECLARE
	items text[] := '{}';
	item text := '';
	niveau integer := 0;
	c text;
	uit text[] := '{}';
	alias text;
	naam text;
	binnen text;
	f record;
	x text;
BEGIN
	IF lijst IS NULL THEN
		RETURN NULL;
	END IF;
	FOR i IN 1 .. length(lijst) LOOP
		c := substr(lijst, i, 1);
		IF c = ',' AND niveau = 0 THEN
			items := items || item;
			item := '';
			CONTINUE;
		END IF;
		niveau := niveau + CASE c WHEN '(' THEN 1 WHEN ')' THEN -1 ELSE 0 END;
		item := item || c;
	END LOOP;
	items := items || item;
	FOREACH item IN ARRAY items LOOP
		alias := CASE WHEN item ~ '^[^(]*:' THEN split_part(item, ':', 1) END;
		naam := CASE WHEN alias IS NULL THEN item ELSE substr(item, length(alias) + 2) END;
		IF naam = '*' THEN
			uit := uit || (rel || '.*');
		ELSIF naam !~ '\(' THEN
			uit := uit || (pgrst.veld(rel, naam) || ' AS ' || pgrst.ident(coalesce(alias, naam)));
		ELSE
			binnen := substring(naam FROM '\((.*)\)$');
			naam := split_part(naam, '(', 1);
			SELECT p.proname, p.prorows = 1 AS een, c2.relname AS doel INTO f
			  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'klantinteracties_api'
			  JOIN pg_type t ON t.oid = p.proargtypes[0] JOIN pg_class c1 ON c1.oid = t.typrelid AND c1.relname = typ
			  JOIN pg_class c2 ON c2.reltype = p.prorettype
			 WHERE p.proname = naam AND p.pronargs = 1 AND p.proretset;
			IF NOT FOUND THEN
				RAISE EXCEPTION USING ERRCODE = 'PGRST', MESSAGE = 'Could not find a relationship between '
					|| typ || ' and ' || naam || ' in the schema cache';
			END IF;
			x := pgrst.ident('pgrst_' || diepte || '_' || naam);
			uit := uit || (CASE WHEN f.een THEN '(SELECT row_to_json(e) FROM (SELECT ' ELSE 'coalesce((SELECT json_agg(e) FROM (SELECT ' END
				|| pgrst.selectie(x, f.doel, binnen, diepte + 1) || ' FROM klantinteracties_api.' || pgrst.ident(naam)
				|| '(' || rel || '.*) AS ' || x || ') e' || CASE WHEN f.een THEN ' LIMIT 1)' ELSE '), ''[]'')' END
				|| ' AS ' || pgrst.ident(coalesce(alias, naam)));
		END IF;
	END LOOP;
	RETURN array_to_string(uit, ', ');
END
$$;

-- The columns PostgREST would read from a body: the keys of the (first)
-- object, typed as the view's columns (json_to_record's column list).
CREATE FUNCTION pgrst.kolommen(resource text, body json) RETURNS TABLE (naam text, typ text)
	LANGUAGE sql STABLE AS $$
SELECT k, format_type(a.atttypid, a.atttypmod)
  FROM json_object_keys(CASE json_typeof(body) WHEN 'array' THEN body -> 0 ELSE body END) WITH ORDINALITY AS j(k, nr)
  LEFT JOIN (pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
			  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'klantinteracties_api')
		 ON c.relname = resource AND a.attname = k AND NOT a.attisdropped
 ORDER BY nr
$$;

-- FROM (SELECT $1 AS json_data) pgrst_payload, LATERAL (SELECT ... FROM
-- json_to_record(set)(...) AS _(...)) pgrst_body, as fromJsonBodyF.  An
-- unknown key gets type "unknown column", which fails as PostgREST's
-- PGRST204 would (both are 400).
CREATE FUNCTION pgrst.body_van(resource text, body json, met_select boolean) RETURNS text
	LANGUAGE sql STABLE AS $$
SELECT CASE WHEN met_select THEN 'SELECT ' || string_agg('"pgrst_body".' || pgrst.ident(naam), ', ') || ' ' ELSE '' END
	|| 'FROM (SELECT $1 AS json_data) pgrst_payload, LATERAL (SELECT '
	|| string_agg(pgrst.ident(naam), ', ') || ' FROM '
	|| CASE json_typeof(body) WHEN 'array' THEN 'json_to_recordset' ELSE 'json_to_record' END
	|| '(pgrst_payload.json_data) AS _(' || string_agg(pgrst.ident(naam) || ' ' || coalesce(typ, '"unknown column"'), ', ')
	|| ') ) pgrst_body '
  FROM pgrst.kolommen(resource, body)
$$;

CREATE FUNCTION pgrst.returning(qi text, representatie boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT CASE WHEN representatie THEN 'RETURNING ' || qi || '.*' ELSE 'RETURNING 1' END
$$;

-- One request.  pad is the URL path with query string; rol the role named
-- by the JWT (or the anonymous role); prefer the Prefer header.
CREATE FUNCTION pgrst.http(methode text, pad text, body json DEFAULT NULL, rol text DEFAULT 'klantinteracties_schrijver',
						   prefer text DEFAULT 'return=representation', claims jsonb DEFAULT '{}')
	RETURNS TABLE (status integer, antwoord jsonb, code text, bericht text, detail text, hint text)
	LANGUAGE plpgsql AS $$
DECLARE
	pad_deel text := split_part(pad, '?', 1);
	query text := substr(pad, length(pad_deel) + 2);
	resource text := substr(pad_deel, 2);
	qi text;
	is_rpc boolean := pad_deel LIKE '/rpc/%';
	representatie boolean := prefer LIKE '%return=representation%';
	functie regprocedure;
	stabiel boolean := false;
	waar text;
	hoofd text;
	sql text;
	t_totaal text; t_aantal text; t_header text; t_body text; t_headers text; t_status text;
	f_staat text; f_bericht text; f_detail text; f_hint text;
BEGIN
	IF session_user <> 'authenticator' THEN
		RAISE EXCEPTION 'pgrst.http: run as the authenticator (SET SESSION AUTHORIZATION authenticator)';
	END IF;
	IF is_rpc THEN
		resource := substr(pad_deel, 6);
		SELECT p.oid, p.provolatile <> 'v' INTO functie, stabiel FROM pg_proc p
		 WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'klantinteracties_api') AND p.proname = resource;
	END IF;
	qi := 'klantinteracties_api.' || pgrst.ident(resource);
	-- BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY | READ WRITE
	IF methode IN ('GET', 'HEAD') OR (is_rpc AND stabiel) THEN
		PERFORM set_config('transaction_read_only', 'on', true);
	ELSIF current_setting('transaction_read_only')::boolean THEN
		RAISE EXCEPTION 'pgrst.http: a % needs a READ WRITE transaction', methode;
	END IF;
	waar := coalesce(' WHERE ' || pgrst.filters(qi, query), '');

	IF is_rpc THEN
		-- callPlanToQuery with KeyParams, and prepareCall.
		IF methode = 'GET' THEN
			body := (SELECT json_object_agg(split_part(d, '=', 1), substr(d, strpos(d, '=') + 1))
					   FROM regexp_split_to_table(query, '&') d WHERE d <> '');
			waar := '';
		END IF;
		SELECT 'SELECT ' || CASE WHEN p.prorettype = 'jsonb'::regtype THEN 'pgrst_call.pgrst_scalar' ELSE 'pgrst_call.*' END || ' '
			|| 'FROM (SELECT $1 AS json_data) pgrst_payload, LATERAL (SELECT '
			|| string_agg(pgrst.ident(a.naam), ', ' ORDER BY a.nr) FILTER (WHERE a.naam IN (SELECT json_object_keys(body)))
			|| ' FROM json_to_record(pgrst_payload.json_data) AS _('
			|| string_agg(pgrst.ident(a.naam) || ' ' || format_type(a.typ, NULL), ', ' ORDER BY a.nr)
			  FILTER (WHERE a.naam IN (SELECT json_object_keys(body))) || ') LIMIT 1) pgrst_body, '
			|| 'LATERAL ' || CASE WHEN p.prorettype = 'jsonb'::regtype THEN '(SELECT ' ELSE '' END
			|| 'klantinteracties_api.' || pgrst.ident(p.proname) || '('
			|| string_agg(pgrst.ident(a.naam) || ' := pgrst_body.' || pgrst.ident(a.naam), ', ' ORDER BY a.nr)
			  FILTER (WHERE a.naam IN (SELECT json_object_keys(body)))
			|| ')' || CASE WHEN p.prorettype = 'jsonb'::regtype THEN ' pgrst_scalar) pgrst_call' ELSE ' pgrst_call' END
		  INTO hoofd
		  FROM pg_proc p,
			   unnest(p.proargnames, coalesce(p.proallargtypes, p.proargtypes::oid[]),
					  coalesce(p.proargmodes, array_fill('i'::"char", ARRAY[p.pronargs]))) WITH ORDINALITY AS a(naam, typ, modus, nr)
		 WHERE p.oid = functie AND a.modus IN ('i', 'b', 'v')  -- the input parameters, not RETURNS TABLE's columns
		 GROUP BY p.proname, p.prorettype;
		sql := 'WITH pgrst_source AS (' || hoofd || ') SELECT null::bigint AS total_result_set, '
			|| 'pg_catalog.count(_postgrest_t) AS page_total, '
			|| CASE WHEN (SELECT prorettype FROM pg_proc WHERE oid = functie) = 'jsonb'::regtype
				THEN 'coalesce(json_agg(_postgrest_t.pgrst_scalar)->0, ''null'')'
				ELSE 'coalesce(json_agg(_postgrest_t), ''[]'')' END || ' AS body, '
			|| 'nullif(current_setting(''response.headers'', true), '''') AS response_headers, '
			|| 'nullif(current_setting(''response.status'', true), '''') AS response_status '
			|| 'FROM (SELECT * FROM pgrst_source' || waar || ') _postgrest_t';
	ELSIF methode = 'GET' THEN
		-- readPlanToQuery and prepareRead.
		BEGIN
			hoofd := coalesce(pgrst.selectie(qi, resource, pgrst.parameter(query, 'select')), qi || '.*');
		EXCEPTION WHEN SQLSTATE 'PGRST' THEN
			-- PostgREST answers an unknown embedding with PGRST200, 400.
			GET STACKED DIAGNOSTICS f_bericht = MESSAGE_TEXT;
			status := 400; code := 'PGRST200'; bericht := f_bericht;
			antwoord := jsonb_build_object('code', code, 'message', bericht, 'details', NULL, 'hint', NULL);
			RETURN NEXT;
			RETURN;
		END;
		hoofd := 'SELECT ' || hoofd || ' FROM ' || qi || waar
			|| coalesce(' ORDER BY ' || (SELECT string_agg(pgrst.veld(qi, split_part(o, '.', 1)) || ' '
				|| upper(coalesce(nullif(split_part(o, '.', 2), ''), 'asc')), ', ')
				FROM regexp_split_to_table(pgrst.parameter(query, 'order'), ',') o), '')
			|| coalesce(' LIMIT ' || pgrst.parameter(query, 'limit') || ' OFFSET '
				|| coalesce(pgrst.parameter(query, 'offset'), '0'), '');
		sql := 'WITH pgrst_source AS ( ' || hoofd || ' ) SELECT null::bigint AS total_result_set, '
			|| 'pg_catalog.count(_postgrest_t) AS page_total, coalesce(json_agg(_postgrest_t), ''[]'') AS body, '
			|| 'nullif(current_setting(''response.headers'', true), '''') AS response_headers, '
			|| 'nullif(current_setting(''response.status'', true), '''') AS response_status '
			|| 'FROM ( SELECT * FROM pgrst_source ) _postgrest_t';
	ELSE
		-- mutatePlanToQuery and prepareWrite.
		hoofd := CASE methode
			WHEN 'POST' THEN 'INSERT INTO ' || qi || '('
				|| (SELECT string_agg(pgrst.ident(naam), ', ') FROM pgrst.kolommen(resource, body)) || ') '
				|| pgrst.body_van(resource, body, true)
			WHEN 'PATCH' THEN 'UPDATE ' || qi || ' SET '
				|| (SELECT string_agg(pgrst.ident(naam) || ' = "pgrst_body".' || pgrst.ident(naam), ', ')
					  FROM pgrst.kolommen(resource, body)) || ' '
				|| pgrst.body_van(resource, body, false) || waar
			WHEN 'DELETE' THEN 'DELETE FROM ' || qi || ' ' || waar
		END || ' ' || pgrst.returning(qi, representatie);
		sql := 'WITH pgrst_source AS (' || hoofd || ') SELECT '''' AS total_result_set, '
			|| 'pg_catalog.count(_postgrest_t) AS page_total, array[]::text[] AS header, '
			|| CASE WHEN representatie THEN 'coalesce(json_agg(_postgrest_t), ''[]'')' ELSE '''''' END || ' AS body, '
			|| 'nullif(current_setting(''response.headers'', true), '''') AS response_headers, '
			|| 'nullif(current_setting(''response.status'', true), '''') AS response_status '
			|| 'FROM (' || CASE WHEN representatie THEN 'SELECT ' || pgrst.ident(resource) || '.* FROM "pgrst_source" AS '
				|| pgrst.ident(resource) ELSE 'SELECT * FROM pgrst_source' END || ') _postgrest_t';
	END IF;

	BEGIN
		PERFORM set_config('search_path', '"klantinteracties_api"', true),
			set_config('role', rol, true),
			set_config('request.jwt.claims', (claims || jsonb_build_object('role', rol))::text, true),
			set_config('request.method', methode, true),
			set_config('request.path', pad_deel, true),
			set_config('request.headers', jsonb_build_object('accept', 'application/json',
				'content-type', 'application/json', 'prefer', prefer)::text, true),
			set_config('request.cookies', '{}', true);
		IF is_rpc OR methode = 'GET' THEN
			EXECUTE sql INTO t_totaal, t_aantal, t_body, t_headers, t_status USING body;
		ELSE
			EXECUTE sql INTO t_totaal, t_aantal, t_header, t_body, t_headers, t_status USING body;
		END IF;
		status := coalesce(t_status::integer,
			CASE WHEN is_rpc OR methode = 'GET' THEN 200
				 WHEN methode = 'POST' THEN 201
				 WHEN representatie THEN 200 ELSE 204 END);
		antwoord := nullif(t_body, '')::jsonb;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
			f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT;
		status := pgrst.http_status(f_staat, rol = 'web_anon');
		code := f_staat;
		bericht := f_bericht;
		detail := nullif(f_detail, '');
		hint := nullif(f_hint, '');
		antwoord := jsonb_build_object('code', f_staat, 'message', f_bericht, 'details', detail, 'hint', hint);
	END;
	RETURN NEXT;
END
$$;

-- Test output without what differs per run: generated uuids (version 4;
-- the tests' own uuids are 00000000-...) and timestamps of now().
CREATE FUNCTION pgrst.toon(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT regexp_replace(regexp_replace(jsonb_pretty(j),
	'[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}', '<uuid>', 'g'),
	'"(toegewezenOp|afgehandeldOp)": "[^"]*"', '"\1": "<tijdstip>"', 'g')
$$;

-- The roles PostgREST connects as and switches to: the authenticator and
-- the API roles, as the extension makes them (re-runnable; a test that
-- includes this file needs no call of its own).
DO $$ BEGIN PERFORM klantinteracties.maak_api_rollen(); END $$;

RESET client_min_messages;
