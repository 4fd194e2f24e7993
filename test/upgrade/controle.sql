-- Every rule of the registry checked again over every row, as test/upgrade.sh
-- runs it after ALTER EXTENSION ... UPDATE: an update that adds a rule
-- must leave no row breaking it, and PostgreSQL does not re-check the rows
-- of a constraint it already holds valid.  Prints one line per rule:
-- "kind | table | rule | rows breaking it".
--   check      every CHECK constraint (NULL passes, as in PostgreSQL)
--   fk         every foreign key (MATCH SIMPLE or FULL)
-- Each table is read ONLY: a partition is checked as a table of its own
-- (its constraints are copies of its parent's), a referenced partitioned
-- table with its partitions.
--   not null   every NOT NULL column
--   generated  every stored generated column equals its expression now
--   valid      no constraint is left NOT VALID (1 if it is)
--   index      every B-tree index matches its table (amcheck, with
--              heapallindexed), when amcheck is installed (0 if clean)
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset fieldsep ' | '
SET search_path = pg_catalog, klantinteracties, pg_temp;   -- the types' operators
SET client_min_messages = warning;

CREATE TEMP TABLE ki_controle (soort text, tabel text, regel text, fout bigint);

DO $$
DECLARE
	r record;
	n bigint;
	amcheck boolean := EXISTS (SELECT FROM pg_extension WHERE extname = 'amcheck');
	amcheck_schema name := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
							 WHERE e.extname = 'amcheck');
BEGIN
	FOR r IN
		SELECT k.conname, k.contype, k.conrelid::regclass AS tabel, k.confrelid::regclass AS ouder, k.convalidated,
			   k.confmatchtype, pg_get_expr(k.conbin, k.conrelid) AS expressie,
			   ARRAY(SELECT format('c.%I', a.attname) FROM unnest(k.conkey) WITH ORDINALITY AS x(attnum, nr)
					   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum ORDER BY x.nr) AS kind,
			   ARRAY(SELECT format('o.%I', a.attname) FROM unnest(k.confkey) WITH ORDINALITY AS x(attnum, nr)
					   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum ORDER BY x.nr) AS ouderkol
		  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
		 WHERE c.relnamespace IN ('klantinteracties'::regnamespace, 'klantinteracties_api'::regnamespace)
		   AND c.relkind IN ('r', 'p')
		 ORDER BY 3, 1
	LOOP
		INSERT INTO ki_controle VALUES ('valid', r.tabel::text, r.conname, CASE WHEN r.convalidated THEN 0 ELSE 1 END);
		IF r.contype = 'c' THEN
			EXECUTE format('SELECT count(*) FROM ONLY %s c WHERE NOT (%s)', r.tabel, r.expressie) INTO n;
			INSERT INTO ki_controle VALUES ('check', r.tabel::text, r.conname, n);
		ELSIF r.contype = 'f' THEN
			EXECUTE format('SELECT count(*) FROM ONLY %s c WHERE %s AND NOT EXISTS (SELECT FROM %s o WHERE %s)',
				r.tabel,
				CASE WHEN r.confmatchtype = 'f'
					 THEN format('NOT (%s)', (SELECT string_agg(k || ' IS NULL', ' AND ') FROM unnest(r.kind) k))
					 ELSE (SELECT string_agg(k || ' IS NOT NULL', ' AND ') FROM unnest(r.kind) k) END,
				r.ouder,
				(SELECT string_agg(o || ' = ' || k, ' AND ') FROM unnest(r.kind, r.ouderkol) AS x(k, o))) INTO n;
			INSERT INTO ki_controle VALUES ('fk', r.tabel::text, r.conname, n);
		END IF;
	END LOOP;

	FOR r IN
		SELECT a.attrelid::regclass AS tabel, a.attname, a.attnotnull, a.attgenerated,
			   pg_get_expr(d.adbin, d.adrelid) AS expressie
		  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
		  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
		 WHERE c.relnamespace IN ('klantinteracties'::regnamespace, 'klantinteracties_api'::regnamespace)
		   AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
		   AND (a.attnotnull OR a.attgenerated = 's')
		 ORDER BY 1, 2
	LOOP
		IF r.attnotnull THEN
			EXECUTE format('SELECT count(*) FROM ONLY %s WHERE %I IS NULL', r.tabel, r.attname) INTO n;
			INSERT INTO ki_controle VALUES ('not null', r.tabel::text, r.attname, n);
		END IF;
		IF r.attgenerated = 's' THEN
			EXECUTE format('SELECT count(*) FROM ONLY %s WHERE %I IS DISTINCT FROM (%s)', r.tabel, r.attname, r.expressie) INTO n;
			INSERT INTO ki_controle VALUES ('generated', r.tabel::text, r.attname, n);
		END IF;
	END LOOP;

	IF amcheck THEN
		FOR r IN
			SELECT i.indexrelid::regclass AS index, i.indrelid::regclass AS tabel
			  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			  JOIN pg_am am ON am.oid = c.relam AND am.amname = 'btree'
			 WHERE c.relnamespace IN ('klantinteracties'::regnamespace, 'klantinteracties_api'::regnamespace)
			 ORDER BY 1
		LOOP
			EXECUTE format('SELECT %I.bt_index_check(%L::regclass, true)', amcheck_schema, r.index::text);
			INSERT INTO ki_controle VALUES ('index', r.tabel::text, r.index::text, 0);
		END LOOP;
	END IF;
END
$$;

SELECT soort, tabel, regel, fout FROM ki_controle ORDER BY 1, 2, 3;
