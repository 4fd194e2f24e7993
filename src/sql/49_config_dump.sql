-- The registry tables hold user data: pg_dump must dump their rows (an
-- extension's own tables are otherwise left out, being recreated by
-- CREATE EXTENSION).  pg_dump orders the data by the foreign keys between
-- them, which is why the model has no foreign-key cycle.  The tables have
-- no sequences (uuid keys).

DO $$
DECLARE
	tabel regclass;
BEGIN
	FOR tabel IN
		SELECT c.oid FROM pg_catalog.pg_class c
		 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r'
		 ORDER BY c.relname
	LOOP
		PERFORM pg_catalog.pg_extension_config_dump(tabel, '');
	END LOOP;
END
$$;
