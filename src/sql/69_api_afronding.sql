-- Last steps of the REST API schema, over all its views and functions.

-- The views run with the privileges (and, later, row-level security) of the
-- role PostgREST switched to, not of their owner.  security_invoker exists
-- from PostgreSQL 15 on; on 13 and 14 the views run as their owner (the
-- superuser who created the extension), so grants on the views are the
-- only check there (docs/postgrest.md).
DO $$
DECLARE
	v regclass;
BEGIN
	IF current_setting('server_version_num')::integer >= 150000 THEN
		FOR v IN SELECT c.oid FROM pg_catalog.pg_class c
				  WHERE c.relnamespace = 'klantinteracties_api'::regnamespace AND c.relkind = 'v'
		LOOP
			EXECUTE format('ALTER VIEW %s SET (security_invoker = true)', v);
		END LOOP;
	END IF;
END
$$;

-- The views show enumerations as text (so that the triggers can name a
-- wrong value), and PostgREST filters on that text: soortPartij=eq.persoon
-- becomes soort_partij::text = 'persoon'.  Without statistics on that
-- expression the planner guesses it rare and sorts the whole table for a
-- page of 100 (20,000 partijen: 212 ms instead of 14 ms).  Expression
-- statistics exist from PostgreSQL 14 on.
DO $$
DECLARE
	k record;
BEGIN
	IF current_setting('server_version_num')::integer >= 140000 THEN
		FOR k IN SELECT * FROM (VALUES ('partij', 'soort_partij'), ('digitaal_adres', 'soort_digitaal_adres'),
				('betrokkene', 'rol'), ('actor', 'soort_actor'), ('interne_taak', 'status')) AS v(tabel, kolom)
		LOOP
			EXECUTE format('CREATE STATISTICS klantinteracties.%I ON (%I::text) FROM klantinteracties.%I',
						   k.tabel || '_' || k.kolom || '_tekst', k.kolom, k.tabel);
			EXECUTE format('COMMENT ON STATISTICS klantinteracties.%I IS %L', k.tabel || '_' || k.kolom || '_tekst',
						   format('Statistics on %s::text, the form in which the REST API filters it.', k.kolom));
		END LOOP;
	END IF;
END
$$;

-- No function of the API is callable by everyone; maak_api_rollen grants
-- them to the API roles.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA klantinteracties_api FROM PUBLIC;

-- A running PostgREST reloads its schema cache (harmless without one).
NOTIFY pgrst, 'reload schema';
