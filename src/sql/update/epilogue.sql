-- The generic epilogue of every update script (docs/upgrading.md), after
-- the source: gives back the privileges of the DBA's own that the prologue
-- took off the extension's objects (granted beyond, or revoked from, the
-- extension's initial privileges), by name, as they were.  A GRANT or
-- REVOKE in an extension script also sets the extension's initial
-- privileges (pg_init_privs); these are the DBA's, not the extension's, so
-- the initial privileges of each object are put back to what the source
-- left them (as pg_dump must see them: it dumps the difference).  An object
-- the new version no longer has, or a role that is gone, cannot get its
-- privilege back: a WARNING says which.

DO $epilogue$
DECLARE
	dba jsonb := coalesce(nullif(
		pg_catalog.current_setting('klantinteracties.update_dba_rechten', true), ''), '[]')::jsonb;
	r record;
	klasse oid;
	id oid;
	sub integer;
	begin_acl aclitem[];
	had_begin boolean;
	n integer := 0;
BEGIN
	FOR r IN SELECT e.* FROM pg_catalog.jsonb_to_recordset(dba)
				 AS e(soort text, naam text, kolom text, ontvanger text, recht text, optie boolean, erbij boolean)
			  ORDER BY e.erbij, e.naam, e.kolom, e.ontvanger, e.recht
	LOOP
		klasse := CASE r.soort WHEN 'ROUTINE' THEN 'pg_catalog.pg_proc'::pg_catalog.regclass
							   WHEN 'SCHEMA' THEN 'pg_catalog.pg_namespace'::pg_catalog.regclass
							   WHEN 'TYPE' THEN 'pg_catalog.pg_type'::pg_catalog.regclass
							   ELSE 'pg_catalog.pg_class'::pg_catalog.regclass END;
		id := CASE r.soort WHEN 'ROUTINE' THEN pg_catalog.to_regprocedure(r.naam)::oid
						   WHEN 'SCHEMA' THEN pg_catalog.to_regnamespace(r.naam)::oid
						   WHEN 'TYPE' THEN pg_catalog.to_regtype(r.naam)::oid
						   ELSE pg_catalog.to_regclass(r.naam)::oid END;
		sub := 0;
		IF id IS NOT NULL AND r.kolom IS NOT NULL THEN
			SELECT a.attnum INTO sub FROM pg_catalog.pg_attribute a
			 WHERE a.attrelid = id AND pg_catalog.quote_ident(a.attname) = r.kolom AND NOT a.attisdropped;
		END IF;
		IF id IS NULL OR sub IS NULL OR (r.ontvanger <> 'PUBLIC' AND NOT EXISTS (
				SELECT FROM pg_catalog.pg_roles o WHERE pg_catalog.quote_ident(o.rolname) = r.ontvanger)) THEN
			RAISE WARNING 'klantinteracties update: cannot % % on % % % % again: the object or the role is gone',
				CASE WHEN r.erbij THEN 'grant' ELSE 'revoke' END,
				r.recht || coalesce('(' || r.kolom || ')', ''), r.soort, r.naam,
				CASE WHEN r.erbij THEN 'to' ELSE 'from' END, r.ontvanger
				USING HINT = 'The DBA had ' || CASE WHEN r.erbij THEN 'granted' ELSE 'revoked' END
							 || ' it after installing the extension.';
			CONTINUE;
		END IF;
		SELECT i.initprivs INTO begin_acl FROM pg_catalog.pg_init_privs i
		 WHERE i.classoid = klasse AND i.objoid = id AND i.objsubid = sub;
		had_begin := FOUND;
		IF r.erbij THEN
			EXECUTE pg_catalog.format('GRANT %s%s ON %s %s TO %s%s', r.recht, '(' || r.kolom || ')', r.soort, r.naam,
				r.ontvanger, CASE WHEN r.optie THEN ' WITH GRANT OPTION' ELSE '' END);
		ELSE
			EXECUTE pg_catalog.format('REVOKE %s%s ON %s %s FROM %s CASCADE', r.recht, '(' || r.kolom || ')', r.soort,
				r.naam, r.ontvanger);
		END IF;
		IF had_begin THEN
			UPDATE pg_catalog.pg_init_privs i SET initprivs = begin_acl
			 WHERE i.classoid = klasse AND i.objoid = id AND i.objsubid = sub;
		ELSE
			DELETE FROM pg_catalog.pg_init_privs i
			 WHERE i.classoid = klasse AND i.objoid = id AND i.objsubid = sub;
		END IF;
		n := n + 1;
	END LOOP;
	IF n > 0 THEN
		RAISE NOTICE 'klantinteracties update: % privileges of the DBA''s own given back', n;
	END IF;
END
$epilogue$;
