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

-- No function of the API is callable by everyone; maak_api_rollen grants
-- them to the API roles.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA klantinteracties_api FROM PUBLIC;

-- A running PostgREST reloads its schema cache (harmless without one).
NOTIFY pgrst, 'reload schema';
