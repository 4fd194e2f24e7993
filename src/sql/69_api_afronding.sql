-- Last steps of the REST API schema, over all its views and functions.

-- The views run as their owner, klantinteracties_eigenaar, under the
-- caller's row-level security (each declares it beside its definition).

-- The views show enumerations as text (so that the triggers can name a
-- wrong value), and PostgREST filters on that text: soortPartij=eq.persoon
-- becomes soort_partij::text = 'persoon'.  Without statistics on that
-- expression the planner guesses it rare and sorts the whole table for a
-- page of 100 (20,000 partijen: 212 ms instead of 14 ms).  Expression
-- statistics exist from PostgreSQL 14 on.  Install-only (with their
-- comments, to keep the list in one place).
-- @ONCE
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
-- @END

-- A running PostgREST reloads its schema cache (harmless without one).
NOTIFY pgrst, 'reload schema';
