-- EXPLAIN ANALYZE as an oracle (issue 12, finding 1; PLAN 2.4).  Under
-- row-level security PostgreSQL may evaluate a LEAKPROOF condition (text,
-- date, timestamp, integer and the extension's own comparisons) before the
-- policy, and EXPLAIN ANALYZE prints how many rows each step kept and
-- removed: a raw column of a row the caller may not see would tell its
-- value.  The rule: no column that holds a value the caller may not see is
-- exposed raw in a view a role without the scope can read; it is masked by
-- the policy's own predicate (CASE WHEN NOT x.geheim OR (SELECT
-- heeft_scope('geheim')) THEN x.kolom END), so a condition on it finds
-- nothing in a hidden row, whenever it runs.
--
-- The test, as ordinary logins lacking bsn and/or geheim: for every view
-- the login may read and every column in which the superuser sees a value
-- that the login does not see (so only columns over rows the policies hide
-- or masks cover; one such value per column), EXPLAIN (ANALYZE, COSTS OFF,
-- TIMING OFF, SUMMARY OFF) of SELECT 1 FROM view WHERE column = <hidden
-- value> must print the same as for a value that exists nowhere, with
-- sequential, index and index-only scans off (finding 1's settings), and so
-- must the planner's estimates (plain EXPLAIN with costs: under row-level
-- security the planner uses statistics for LEAKPROOF operators, and their
-- histogram bounds are real values).  The views and columns come from the
-- catalog, so a new one is covered.
-- Compared: the columns whose type has a LEAKPROOF "=" (a condition the
-- planner may run before a policy), but for uuid columns (row keys and
-- references: that a row with a uuid the caller already knows exists is
-- not protected; docs/security.md) and booleans (no value exists nowhere;
-- those of hideable rows are masked all the same).  The other types (json,
-- jsonb, arrays, enumerations, numeric) compare with functions that are
-- not LEAKPROOF, which never run before a policy.  Set-returning
-- functions are no oracle: none of the extension's can be inlined (each
-- pins its search_path or is not SQL), so EXPLAIN shows only their result
-- rows, which passed the policies; a catalog query below checks that.
\set aanval_db ki_aanval_orakel
\i sql/include/aanval.psql

\c :aanval_db
SET client_min_messages = warning;
-- The columns of every view whose type compares with a LEAKPROOF "=":
-- those a condition could test before a policy.
CREATE TABLE public.orakel_kolommen AS
SELECT c.oid::regclass::text AS view, a.attname::text AS kolom, format_type(a.atttypid, NULL) AS typ,
	   EXISTS (SELECT FROM pg_operator o JOIN pg_proc f ON f.oid = o.oprcode
				WHERE o.oprname = '=' AND f.proleakproof
				  AND o.oprleft = b.typ AND o.oprright = b.typ) AS lekdicht
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid,
	   LATERAL (SELECT CASE WHEN coalesce(nullif(t.typbasetype, 0), t.oid) = 'varchar'::regtype THEN 'text'::regtype::oid
							ELSE coalesce(nullif(t.typbasetype, 0), t.oid) END AS typ) AS b
 WHERE c.relnamespace IN ('klantinteracties'::regnamespace, 'klantinteracties_api'::regnamespace) AND c.relkind = 'v';
-- Every value of those columns, as the superuser sees it (every row, every
-- scope), as JSON renders it; not uuid and boolean (above).
CREATE TABLE public.orakel_waarden AS
SELECT view, kolom, typ FROM public.orakel_kolommen WHERE lekdicht AND typ NOT IN ('uuid', 'boolean');
ALTER TABLE public.orakel_waarden ADD COLUMN waarden text[];
DO $$
DECLARE
	k record;
BEGIN
	FOR k IN SELECT view, kolom FROM public.orakel_waarden LOOP
		EXECUTE format('UPDATE public.orakel_waarden SET waarden = (SELECT array_agg(DISTINCT to_jsonb(x) ->> %L) FROM %s x)
						 WHERE view = %L AND kolom = %L', k.kolom, k.view, k.view, k.kolom);
	END LOOP;
END $$;
-- A value of each type that exists nowhere.
CREATE TABLE public.orakel_niets (typ text PRIMARY KEY, waarde text);
INSERT INTO public.orakel_niets VALUES ('text', 'bestaat-niet'), ('character varying', 'bestaat-niet'),
	('integer', '987654'), ('bigint', '987654'), ('numeric', '987654'), ('smallint', '9876'),
	('date', '1999-01-01'), ('timestamp with time zone', '1999-01-01T00:00:00+00:00'),
	('klantinteracties.bsn', '296648875'), ('klantinteracties.rsin', '296648875'),
	('klantinteracties.kvk_nummer', '87654321'), ('klantinteracties.vestigingsnummer', '000087654321'),
	('klantinteracties.emailadres', 'niemand@example.com'), ('klantinteracties.telefoonnummer', '0687654321'),
	('klantinteracties.iban', 'NL02ABNA0123456789'), ('klantinteracties.bic', 'RABONL2U'),
	('klantinteracties.postcode', '9999 AA'), ('klantinteracties.landcode', 'DE'),
	('klantinteracties.bag_id', '0999200000000001');
-- Every compared type has one, and it is nowhere; what is not compared.
SELECT DISTINCT w.typ AS zonder_onbestaande_waarde FROM public.orakel_waarden w
 WHERE NOT EXISTS (SELECT FROM public.orakel_niets n WHERE n.typ = w.typ);
SELECT lekdicht, typ, count(*) AS kolommen FROM public.orakel_kolommen
 WHERE NOT lekdicht OR typ IN ('uuid', 'boolean') GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS vergeleken_kolommen, count(DISTINCT view) AS views FROM public.orakel_waarden;
SELECT w.view, w.kolom, n.waarde AS bestaat_toch FROM public.orakel_waarden w JOIN public.orakel_niets n ON n.typ = w.typ
 WHERE n.waarde = ANY (w.waarden);
GRANT SELECT ON public.orakel_waarden, public.orakel_niets TO PUBLIC;

-- The plan of a query as EXPLAIN ANALYZE prints it, with every literal
-- replaced by ? (the plans of the two values then compare as text).
CREATE FUNCTION public.plan(vraag text, opties text DEFAULT 'ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF') RETURNS text
	LANGUAGE plpgsql SET search_path = pg_catalog, klantinteracties, pg_temp AS $$
DECLARE
	regel text;
	uit text := '';
BEGIN
	FOR regel IN EXECUTE 'EXPLAIN (' || opties || ') ' || vraag LOOP
		uit := uit || regexp_replace(regel, '''([^'']|'''')*''', '?', 'g') || E'\n';
	END LOOP;
	RETURN uit;
END $$;

-- The comparison, run by each login.
CREATE FUNCTION public.orakel(OUT views integer, OUT kolommen integer, OUT verschillen text)
	LANGUAGE plpgsql SET search_path = pg_catalog, klantinteracties, pg_temp AS $orakel$
DECLARE
	v record;
	k record;
	vraag text;
	lijst text[] := '{}';
BEGIN
	views := 0;
	kolommen := 0;
	PERFORM set_config('enable_seqscan', 'off', true);
	PERFORM set_config('enable_indexscan', 'off', true);
	PERFORM set_config('enable_indexonlyscan', 'off', true);
	-- Not compiled: the disabled scans cost so much that every query would
	-- be, which takes seconds each and changes nothing that is compared.
	PERFORM set_config('jit', 'off', true);
	FOR v IN SELECT DISTINCT w.view FROM public.orakel_waarden w WHERE has_table_privilege(w.view, 'SELECT') ORDER BY 1 LOOP
		views := views + 1;
		-- What this login sees in each column of the view, and so the first
		-- value (in order) the superuser sees there and this login does not.
		FOR k IN EXECUTE format($q$
			WITH gezien AS (SELECT e.key AS kolom, array_agg(DISTINCT e.value) FILTER (WHERE e.value IS NOT NULL) AS waarden
							  FROM %s x, jsonb_each_text(to_jsonb(x)) AS e GROUP BY e.key)
			SELECT w.kolom, w.typ, n.waarde AS niets,
				   (SELECT min(h) FROM unnest(w.waarden) AS h
					 WHERE h IS NOT NULL AND NOT h = ANY (coalesce(g.waarden, '{}'))) AS verborgen
			  FROM public.orakel_waarden w JOIN public.orakel_niets n ON n.typ = w.typ
			  LEFT JOIN gezien g ON g.kolom = w.kolom
			 WHERE w.view = %L ORDER BY w.kolom$q$, v.view, v.view) LOOP
			CONTINUE WHEN k.verborgen IS NULL;
			kolommen := kolommen + 1;
			vraag := format('SELECT 1 FROM %s x WHERE x.%I = %%L::%s', v.view, k.kolom, k.typ);
			IF public.plan(format(vraag, k.verborgen)) <> public.plan(format(vraag, k.niets)) THEN
				lijst := lijst || format('%s.%I', v.view, k.kolom);
			END IF;
			-- The planner's estimates too (plain EXPLAIN, costs on): under
			-- row-level security it uses a column's statistics with LEAKPROOF
			-- operators, whose histogram bounds are real values.
			IF public.plan(format(vraag, k.verborgen), 'COSTS ON') <> public.plan(format(vraag, k.niets), 'COSTS ON') THEN
				lijst := lijst || format('%s.%I (schatting)', v.view, k.kolom);
			END IF;
		END LOOP;
	END LOOP;
	verschillen := array_to_string(lijst, ', ');
END
$orakel$;

-- Set-returning functions that a caller could have inlined into its own
-- query (SQL, invoker, no SET clause) and that read a table: none.
SELECT p.oid::regprocedure AS inlinebare_tabelfunctie
  FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'klantinteracties'
 WHERE (p.proretset OR pg_get_function_result(p.oid) LIKE 'TABLE(%')
   AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'sql') AND NOT p.prosecdef AND p.proconfig IS NULL;

-- Finding 1's attack, exactly, as a reader (no bsn): Anna's BSN is
-- 111222333; a range that holds it and one that does not must look alike.
\c :aanval_db ki_aanval_lezer
SET enable_seqscan = off;
SET enable_indexscan = off;
SET enable_indexonlyscan = off;
SET jit = off;
SELECT public.plan($$SELECT 1 FROM klantinteracties.klantbeeld WHERE uuid = '00000000-0000-0000-0099-0000000000a1' AND bsn BETWEEN '000000012' AND '500000001'$$)
	 = public.plan($$SELECT 1 FROM klantinteracties.klantbeeld WHERE uuid = '00000000-0000-0000-0099-0000000000a1' AND bsn BETWEEN '500000001' AND '999999990'$$)
	   AS bsn_bereik_zelfde_plan;
-- And the hidden betrokkene's volledigeNaam (Cees Citroen, secret).
SELECT public.plan($$SELECT 1 FROM klantinteracties_api.betrokkenen WHERE "volledigeNaam" = 'Cees Citroen'$$)
	 = public.plan($$SELECT 1 FROM klantinteracties_api.betrokkenen WHERE "volledigeNaam" = 'Niemand Bekend'$$)
	   AS naam_zelfde_plan;
RESET enable_seqscan;
RESET enable_indexscan;
RESET enable_indexonlyscan;
RESET jit;

-- Every view and column, per login lacking a scope.
SELECT 'lezer' AS rol, * FROM public.orakel();
\c :aanval_db ki_aanval_bsn
SELECT 'bsn' AS rol, * FROM public.orakel();
\c :aanval_db ki_aanval_geheim
SELECT 'geheim' AS rol, * FROM public.orakel();
\c :aanval_db ki_aanval_schrijver
SELECT 'schrijver' AS rol, * FROM public.orakel();


-- Finding 10: which texts are masked for whom (docs/security.md has the
-- table).  A BSN in a digitaal adres's omschrijving is masked without the
-- bsn scope (as the klantbeeld masks it); the texts of an interne taak of a
-- vertrouwelijk klantcontact are empty without the geheim scope, and BSNs in
-- them masked without bsn.
\c :aanval_db ki_aanval_lezer
SELECT 'lezer' AS rol, d.omschrijving FROM klantinteracties_api.digitaleadressen d WHERE d.uuid = '00000000-0000-0000-0099-0000000000b3';
SELECT 'lezer' AS rol, t.uuid, t."gevraagdeHandeling", t.toelichting FROM klantinteracties_api.internetaken t ORDER BY t.uuid;
\c :aanval_db ki_aanval_bsn
SELECT 'bsn' AS rol, d.omschrijving FROM klantinteracties_api.digitaleadressen d WHERE d.uuid = '00000000-0000-0000-0099-0000000000b3';
SELECT 'bsn' AS rol, t.uuid, t."gevraagdeHandeling", t.toelichting FROM klantinteracties_api.internetaken t ORDER BY t.uuid;
\c :aanval_db ki_aanval_geheim
SELECT 'geheim' AS rol, t.uuid, t."gevraagdeHandeling", t.toelichting FROM klantinteracties_api.internetaken t ORDER BY t.uuid;

\i sql/include/aanval_einde.psql
