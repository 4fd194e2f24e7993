-- Security, last part, run when every table and function of the extension
-- exists: the audit trigger on every registry table, row-level security on
-- the security tables themselves, their place in pg_dump, and EXECUTE
-- revoked from PUBLIC on every function that touches personal data.

-- The audit trail covers every table of schema klantinteracties but its
-- own four.
DO $$
DECLARE
	tabel regclass;
BEGIN
	FOR tabel IN
		SELECT c.oid FROM pg_catalog.pg_class c
		 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r'
		   AND c.relname NOT IN ('wijzigingslog', 'vergeetlog', 'inzagelog', 'gebeurtenis')
		 ORDER BY c.relname
	LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER wijziging_vastleggen_insert AFTER INSERT ON %s '
			'REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT '
			'EXECUTE FUNCTION klantinteracties.wijziging_vastleggen()', tabel);
		EXECUTE pg_catalog.format('CREATE TRIGGER wijziging_vastleggen_update AFTER UPDATE ON %s '
			'REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT '
			'EXECUTE FUNCTION klantinteracties.wijziging_vastleggen()', tabel);
		EXECUTE pg_catalog.format('CREATE TRIGGER wijziging_vastleggen_delete AFTER DELETE ON %s '
			'REFERENCING OLD TABLE AS oud FOR EACH STATEMENT '
			'EXECUTE FUNCTION klantinteracties.wijziging_vastleggen()', tabel);
	END LOOP;
END
$$;

-- The security tables: beheer reads them (the audit trail's rows about a
-- BSN also need bsn, about a secret partij or a vertrouwelijk klantcontact
-- also geheim); the outbox worker (beheer) marks events sent and deletes
-- them.  Nobody else has any privilege on them.
ALTER TABLE wijzigingslog ENABLE ROW LEVEL SECURITY;
ALTER TABLE wijzigingslog FORCE ROW LEVEL SECURITY;
ALTER TABLE vergeetlog ENABLE ROW LEVEL SECURITY;
ALTER TABLE vergeetlog FORCE ROW LEVEL SECURITY;
ALTER TABLE inzagelog ENABLE ROW LEVEL SECURITY;
ALTER TABLE inzagelog FORCE ROW LEVEL SECURITY;
ALTER TABLE gebeurtenis ENABLE ROW LEVEL SECURITY;
ALTER TABLE gebeurtenis FORCE ROW LEVEL SECURITY;

CREATE POLICY beheer ON wijzigingslog FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer'))
		   AND (NOT bsn OR (SELECT klantinteracties.heeft_scope('bsn')))
		   AND ((SELECT klantinteracties.heeft_scope('geheim'))
				OR (NOT vertrouwelijk AND NOT partijen && ARRAY(SELECT klantinteracties.geheime_partijen()))));
CREATE POLICY beheer ON vergeetlog FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
CREATE POLICY beheer ON inzagelog FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
CREATE POLICY beheer ON gebeurtenis FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
CREATE POLICY beheer_verzonden ON gebeurtenis FOR UPDATE TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer'))) WITH CHECK ((SELECT klantinteracties.heeft_scope('beheer')));
CREATE POLICY beheer_opruimen ON gebeurtenis FOR DELETE TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
GRANT SELECT ON wijzigingslog, vergeetlog, inzagelog, gebeurtenis TO klantinteracties_beheer;
GRANT UPDATE (verzonden_op), DELETE ON gebeurtenis TO klantinteracties_beheer;

-- pg_dump dumps their rows (and sequence positions), as it does the
-- registry's (49_config_dump.sql); the triggers leave a restore alone.
-- One call per statement: each call updates the extension's catalog row.
DO $$
DECLARE
	tabel text;
BEGIN
	FOREACH tabel IN ARRAY ARRAY['klantinteracties.wijzigingslog', 'klantinteracties.vergeetlog',
								  'klantinteracties.inzagelog', 'klantinteracties.gebeurtenis']
	LOOP
		PERFORM pg_catalog.pg_extension_config_dump(tabel::regclass, '');
		PERFORM pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence(tabel, 'id')::regclass, '');
	END LOOP;
END
$$;

-- No function that touches personal data is executable by PUBLIC: the
-- SECURITY DEFINER ones, the trigger functions, every function whose body
-- reads or writes a table or view of the extension (names it after FROM,
-- JOIN, INTO, UPDATE or TABLE), and every function that calls one of those
-- (by name: an overload counts too).  ALTER DEFAULT PRIVILEGES does not
-- reach an extension's objects, hence the explicit REVOKE.  The readers get
-- back the invoker functions of schema klantinteracties (the API views and
-- lookups call them; they run under the caller's policies), and the roles
-- below what their policies and lookups call; the API's own functions are
-- granted by maak_api_rollen.  The test beveiliging_catalogus checks it.
DO $$
DECLARE
	schemas oid[] := ARRAY(SELECT n.oid FROM pg_catalog.pg_namespace n
							WHERE n.nspname IN ('klantinteracties', 'klantinteracties_api'));
	relaties text := (SELECT pg_catalog.string_agg(c.relname, '|') FROM pg_catalog.pg_class c
					   WHERE c.relnamespace = ANY (schemas) AND c.relkind IN ('r', 'v', 'm'));
	geraakt oid[];
	lezers oid[];
	erbij oid[];
	f regprocedure;
BEGIN
	SELECT pg_catalog.array_agg(p.oid) INTO geraakt FROM pg_catalog.pg_proc p
	 WHERE p.pronamespace = ANY (schemas)
	   AND (p.prosecdef OR p.prorettype = 'trigger'::regtype
			OR p.prosrc ~* (E'\\m(from|join|into|update|table)\\s+((klantinteracties|klantinteracties_api)\\.)?"?(' || relaties || E')\\M'));
	-- Those that name a table or view themselves.
	SELECT pg_catalog.array_agg(p.oid) INTO lezers FROM pg_catalog.pg_proc p
	 WHERE p.oid = ANY (geraakt)
	   AND p.prosrc ~* (E'\\m(from|join|into|update|table)\\s+((klantinteracties|klantinteracties_api)\\.)?"?(' || relaties || E')\\M');
	LOOP
		SELECT pg_catalog.array_agg(p.oid) INTO erbij FROM pg_catalog.pg_proc p
		 WHERE p.pronamespace = ANY (schemas) AND p.oid <> ALL (geraakt)
		   AND p.prosrc ~ (E'\\m('
						   || (SELECT pg_catalog.string_agg(DISTINCT g.proname, '|') FROM pg_catalog.pg_proc g WHERE g.oid = ANY (geraakt))
						   || E')\\(');
		EXIT WHEN erbij IS NULL;
		geraakt := geraakt || erbij;
	END LOOP;
	FOREACH f IN ARRAY geraakt LOOP
		EXECUTE pg_catalog.format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
		IF EXISTS (SELECT FROM pg_catalog.pg_proc p WHERE p.oid = f AND NOT p.prosecdef
					  AND p.prorettype <> 'trigger'::regtype AND p.pronamespace = 'klantinteracties'::regnamespace) THEN
			EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %s TO klantinteracties_lezer', f);
		END IF;
		-- Those that read or write the registry as the caller (and the
		-- INSTEAD OF triggers of the views) run as the owner, which alone
		-- may touch the tables: see below.  The triggers of the tables run
		-- as whoever writes (the owner, or a role a DBA granted
		-- privileges); the audit trigger's helper wijziging_partijen as
		-- the audit trigger, which must see every row; the sample-data
		-- generator as the DBA who loads (and analyzes) the tables.
		IF f = ANY (lezers)
		   AND f NOT IN ('klantinteracties.wijziging_partijen(name, jsonb)'::regprocedure,
						 'klantinteracties.genereer_voorbeelddata(integer, double precision)'::regprocedure)
		   AND EXISTS (SELECT FROM pg_catalog.pg_proc p WHERE p.oid = f AND NOT p.prosecdef
					  AND (p.prorettype <> 'trigger'::regtype
						   OR EXISTS (SELECT FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
									   WHERE t.tgfoid = p.oid AND c.relkind = 'v'))) THEN
			EXECUTE pg_catalog.format('ALTER FUNCTION %s SECURITY DEFINER', f);
			EXECUTE pg_catalog.format('ALTER FUNCTION %s OWNER TO klantinteracties_eigenaar', f);
		END IF;
	END LOOP;
END
$$;

-- Callers reach the registry only through objects of
-- klantinteracties_eigenaar, the one role with privileges on its tables
-- (71_beveiliging_rls.sql): the views run as their owner (not
-- security_invoker) and the functions above as definer.  The policies
-- still apply, those of the owner's group roles, and they test the caller's
-- scopes and claims (handelende_rol() and the claims stay the caller's), so
-- a caller sees the rows it would see on the tables, and only the columns
-- the views and functions show it, masked.  The owner executes what its
-- views and functions call.
DO $$
DECLARE
	v regclass;
BEGIN
	FOR v IN SELECT c.oid FROM pg_catalog.pg_class c
			  WHERE c.relnamespace IN ('klantinteracties'::regnamespace, 'klantinteracties_api'::regnamespace)
				AND c.relkind = 'v'
	LOOP
		IF pg_catalog.current_setting('server_version_num')::integer >= 150000 THEN
			EXECUTE pg_catalog.format('ALTER VIEW %s RESET (security_invoker)', v);
		END IF;
		EXECUTE pg_catalog.format('ALTER VIEW %s OWNER TO klantinteracties_eigenaar', v);
	END LOOP;
END
$$;
GRANT USAGE ON SCHEMA klantinteracties, klantinteracties_api TO klantinteracties_eigenaar;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA klantinteracties, klantinteracties_api TO klantinteracties_eigenaar;
REVOKE EXECUTE ON FUNCTION vergeet_partij(uuid, text), maak_api_rollen(name, name, name, name, text)
	FROM klantinteracties_eigenaar;
GRANT EXECUTE ON FUNCTION geheime_partijen(), geheime_betrokkenen() TO klantinteracties_lezer, klantinteracties_burger;
-- The klantbeeld views (invoker: the caller's policies apply); the API's
-- views are granted by maak_api_rollen.
DO $$
DECLARE
	v regclass;
BEGIN
	FOR v IN SELECT c.oid FROM pg_catalog.pg_class c
			  WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'v'
	LOOP
		EXECUTE pg_catalog.format('GRANT SELECT ON %s TO klantinteracties_lezer', v);
	END LOOP;
END
$$;
GRANT EXECUTE ON FUNCTION geheime_partijen() TO klantinteracties_beheer;
-- The citizen's policies apply to the owner of the views, so every caller
-- evaluates them (for anyone but a citizen burger_partij() is NULL).
GRANT EXECUTE ON FUNCTION burger_partij(), burger_partij_zoeken() TO klantinteracties_burger, klantinteracties_lezer;
GRANT EXECUTE ON FUNCTION inzage_vastleggen(text, uuid[], text) TO klantinteracties_lezer;
GRANT EXECUTE ON FUNCTION vergeet_partij(uuid, text) TO klantinteracties_beheer;
-- Sample data is loaded by the DBA, not by the API roles.
REVOKE EXECUTE ON FUNCTION genereer_voorbeelddata(integer, double precision) FROM klantinteracties_lezer;
