-- The generic prologue of every update script (docs/upgrading.md).  The
-- update then re-runs the source (src/sql) without its @ONCE regions, which
-- re-declares every view, policy, trigger and event trigger with plain
-- CREATE, every function with CREATE OR REPLACE FUNCTION, and every owner,
-- privilege and comment; src/sql/update/epilogue.sql ends it.  For that
-- this prologue
--
--   * takes the DBA's own privileges off the extension's objects, to be
--     given back by the epilogue: whatever an object's ACL grants beyond
--     the extension's initial privileges (pg_init_privs), and whatever of
--     those the DBA revoked (maak_api_rollen's grants are such, and any
--     GRANT of the DBA's).  Otherwise a GRANT that the source re-runs on an
--     object would make them initial privileges of the extension, which
--     pg_dump leaves out, and a dropped view or reset function would lose
--     them;
--   * drops the extension's views, and its functions whose argument or
--     result types are the row types of those views (they go with them),
--     in reverse dependency order and without CASCADE: an object of the
--     database's own that depends on one of them stops the update with a
--     message naming it, rather than vanishing;
--   * drops the policies and the triggers on the extension's tables (the
--     triggers that call a function of the extension; a trigger of the
--     DBA's own, calling a function of the DBA's own, stays), and the
--     extension's event triggers;
--   * gives every function of the extension the extension's owner (the
--     installing superuser) and the privileges of a new function (no ACL,
--     no initial privileges), so that the source's ALTER FUNCTION ... OWNER
--     TO, REVOKE and GRANT end where a fresh install ends.  GRANT and
--     REVOKE in an extension script set the extension's initial
--     privileges, so those end the same as well.
--
-- Tables, sequences, types and schemas keep their owner and privileges;
-- the source re-runs its GRANTs on them, and a privilege the new version
-- no longer grants is revoked in an @UPDATE region.

DO $prologue$
DECLARE
	ext oid := (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'klantinteracties');
	eigenaar name := (SELECT pg_catalog.pg_get_userbyid(e.extowner) FROM pg_catalog.pg_extension e
					   WHERE e.extname = 'klantinteracties');
	r record;
	te_doen text[];        -- DROP statements still to do, views and functions
	over text[];
	fout_detail text;
	fout_bericht text;
	dba jsonb;
BEGIN
	-- The DBA's own privileges on every object of the extension with an ACL
	-- (and on the columns of its tables and views): granted beyond the initial
	-- privileges (erbij) or revoked from them (not erbij); grantor aside,
	-- the objects' owners and the extension's owner aside.  Saved for the
	-- epilogue by name, then taken off.
	SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
			'soort', x.soort, 'naam', x.naam, 'kolom', x.kolom, 'ontvanger', x.ontvanger,
			'recht', x.recht, 'optie', x.optie, 'erbij', x.erbij) ORDER BY x.naam, x.kolom, x.ontvanger, x.recht), '[]')
	  INTO dba
	  FROM (
		-- The members, the extension's schema, and whatever else a GRANT or
		-- REVOKE of an extension script gave initial privileges.
		WITH leden AS (
			SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
			 WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = ext
			   AND d.deptype = 'e'
			UNION
			SELECT 'pg_catalog.pg_namespace'::pg_catalog.regclass, e.extnamespace FROM pg_catalog.pg_extension e
			 WHERE e.oid = ext
			UNION
			SELECT i.classoid, i.objoid FROM pg_catalog.pg_init_privs i WHERE i.privtype = 'e'),
		objecten AS (
			SELECT l.classid, l.objid, 0 AS objsubid, CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS soort,
				   c.oid::pg_catalog.regclass::text AS naam, NULL::text AS kolom, c.relacl AS acl, c.relowner AS eigenaar,
				   (CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::"char" AS acltype
			  FROM leden l JOIN pg_catalog.pg_class c ON c.oid = l.objid
			 WHERE l.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
			UNION ALL
			SELECT l.classid, l.objid, a.attnum, 'TABLE', c.oid::pg_catalog.regclass::text, pg_catalog.quote_ident(a.attname),
				   a.attacl, c.relowner, 'c'
			  FROM leden l JOIN pg_catalog.pg_class c ON c.oid = l.objid
			  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			 WHERE l.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
			UNION ALL
			SELECT l.classid, l.objid, 0, 'ROUTINE', p.oid::pg_catalog.regprocedure::text, NULL, p.proacl, p.proowner, 'f'
			  FROM leden l JOIN pg_catalog.pg_proc p ON p.oid = l.objid
			 WHERE l.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
			UNION ALL
			SELECT l.classid, l.objid, 0, 'SCHEMA', pg_catalog.quote_ident(n.nspname), NULL, n.nspacl, n.nspowner, 'n'
			  FROM leden l JOIN pg_catalog.pg_namespace n ON n.oid = l.objid
			 WHERE l.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
			UNION ALL
			SELECT l.classid, l.objid, 0, 'TYPE', pg_catalog.format_type(t.oid, NULL), NULL, t.typacl, t.typowner, 'T'
			  FROM leden l JOIN pg_catalog.pg_type t ON t.oid = l.objid
			 WHERE l.classid = 'pg_catalog.pg_type'::pg_catalog.regclass),
		rechten AS (
			SELECT o.*, e.extowner,
				   coalesce(o.acl, pg_catalog.acldefault(o.acltype, o.eigenaar)) AS nu,
				   coalesce(i.initprivs, pg_catalog.acldefault(o.acltype, o.eigenaar)) AS begin
			  FROM objecten o
			  JOIN pg_catalog.pg_extension e ON e.oid = ext
			  LEFT JOIN pg_catalog.pg_init_privs i
					 ON i.classoid = o.classid AND i.objoid = o.objid AND i.objsubid = o.objsubid)
		SELECT q.soort, q.naam, q.kolom,
			   CASE WHEN y.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(y.grantee)) END AS ontvanger,
			   y.privilege_type AS recht, y.is_grantable AS optie, y.erbij
		  FROM rechten q,
			   LATERAL (SELECT a.grantee, a.privilege_type, a.is_grantable, true AS erbij FROM pg_catalog.aclexplode(q.nu) a
						EXCEPT
						SELECT b.grantee, b.privilege_type, b.is_grantable, true FROM pg_catalog.aclexplode(q.begin) b
						UNION ALL
						(SELECT b.grantee, b.privilege_type, b.is_grantable, false FROM pg_catalog.aclexplode(q.begin) b
						 EXCEPT
						 SELECT a.grantee, a.privilege_type, a.is_grantable, false FROM pg_catalog.aclexplode(q.nu) a) ) y
		 WHERE y.grantee NOT IN (q.eigenaar, q.extowner)) x;
	PERFORM pg_catalog.set_config('klantinteracties.update_dba_rechten', dba::text, true);
	-- Off: first what the DBA granted, then back what the DBA revoked.
	FOR r IN SELECT e.* FROM pg_catalog.jsonb_to_recordset(dba)
				 AS e(soort text, naam text, kolom text, ontvanger text, recht text, optie boolean, erbij boolean)
			  ORDER BY e.erbij DESC
	LOOP
		IF r.erbij THEN
			EXECUTE pg_catalog.format('REVOKE %s%s ON %s %s FROM %s CASCADE', r.recht,
				'(' || r.kolom || ')', r.soort, r.naam, r.ontvanger);
		ELSE
			EXECUTE pg_catalog.format('GRANT %s%s ON %s %s TO %s%s', r.recht,
				'(' || r.kolom || ')', r.soort, r.naam, r.ontvanger, CASE WHEN r.optie THEN ' WITH GRANT OPTION' ELSE '' END);
		END IF;
	END LOOP;

	-- Event triggers, policies and triggers of the extension.
	FOR r IN
		SELECT pg_catalog.format('DROP EVENT TRIGGER %I', t.evtname) AS s
		  FROM pg_catalog.pg_event_trigger t
		  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass AND d.objid = t.oid
		   AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = ext AND d.deptype = 'e'
		UNION ALL
		SELECT pg_catalog.format('DROP POLICY %I ON %s', p.polname, p.polrelid::pg_catalog.regclass)
		  FROM pg_catalog.pg_policy p
		  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = p.polrelid
		   AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = ext AND d.deptype = 'e'
		UNION ALL
		SELECT pg_catalog.format('DROP TRIGGER %I ON %s', t.tgname, t.tgrelid::pg_catalog.regclass)
		  FROM pg_catalog.pg_trigger t
		  JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid AND c.relkind IN ('r', 'p')
		  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = t.tgrelid
		   AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = ext AND d.deptype = 'e'
		 WHERE NOT t.tgisinternal
		   AND EXISTS (SELECT FROM pg_catalog.pg_depend f
						WHERE f.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND f.objid = t.tgfoid
						  AND f.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND f.refobjid = ext
						  AND f.deptype = 'e')
	LOOP
		EXECUTE r.s;
	END LOOP;

	-- The views, and the functions typed by their row types.
	SELECT pg_catalog.array_agg(s ORDER BY s) INTO te_doen FROM (
		SELECT pg_catalog.format('DROP VIEW %s', c.oid::pg_catalog.regclass) AS s
		  FROM pg_catalog.pg_class c
		  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
		   AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = ext AND d.deptype = 'e'
		 WHERE c.relkind = 'v'
		UNION ALL
		SELECT pg_catalog.format('DROP MATERIALIZED VIEW %s', c.oid::pg_catalog.regclass)
		  FROM pg_catalog.pg_class c
		  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
		   AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = ext AND d.deptype = 'e'
		 WHERE c.relkind = 'm'
		UNION ALL
		SELECT DISTINCT pg_catalog.format('DROP FUNCTION %s', p.oid::pg_catalog.regprocedure)
		  FROM pg_catalog.pg_proc p
		  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid
		   AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = ext AND d.deptype = 'e'
		  JOIN pg_catalog.pg_depend t ON t.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND t.objid = p.oid
		   AND t.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass
		  JOIN pg_catalog.pg_type ty ON ty.oid = t.refobjid
		  LEFT JOIN pg_catalog.pg_type el ON el.oid = ty.typelem AND ty.typelem <> 0
		  JOIN pg_catalog.pg_class c ON c.oid = coalesce(nullif(el.typrelid, 0), ty.typrelid) AND c.relkind IN ('v', 'm')
		  JOIN pg_catalog.pg_depend v ON v.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND v.objid = c.oid
		   AND v.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND v.refobjid = ext AND v.deptype = 'e'
	) x;
	-- Drop what nothing else depends on, round after round; what is left
	-- when a round drops nothing is held by an object outside the update.
	WHILE pg_catalog.cardinality(te_doen) > 0 LOOP
		over := '{}';
		FOR r IN SELECT u AS s FROM pg_catalog.unnest(te_doen) u LOOP
			BEGIN
				EXECUTE r.s;
			EXCEPTION WHEN dependent_objects_still_exist THEN
				over := over || r.s;
				GET STACKED DIAGNOSTICS fout_bericht = MESSAGE_TEXT, fout_detail = PG_EXCEPTION_DETAIL;
			END;
		END LOOP;
		IF pg_catalog.cardinality(over) = pg_catalog.cardinality(te_doen) THEN
			RAISE EXCEPTION 'klantinteracties update: objects of this database depend on views of the extension, which the update re-creates'
				USING ERRCODE = 'dependent_objects_still_exist',
					  DETAIL = fout_bericht || E'\n' || fout_detail,
					  HINT = 'Drop those objects (save their definitions first), run ALTER EXTENSION klantinteracties UPDATE, and create them again.';
		END IF;
		te_doen := over;
	END LOOP;

	-- Every function: the extension owner's, with the privileges of a new
	-- function: a NULL (default) ACL and no initial privileges, as a fresh
	-- install leaves a function the source declares no GRANT or REVOKE for
	-- (an earlier version may have granted what this one no longer does).
	FOR r IN
		SELECT p.oid::pg_catalog.regprocedure AS f, p.prokind = 'a' AS aggregaat,
			   p.proowner <> e.extowner AS ander, p.proacl IS NOT NULL AS acl,
			   ARRAY(SELECT DISTINCT CASE WHEN x.grantee = 0 THEN 'PUBLIC'
									 ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(x.grantee)) END
					  FROM pg_catalog.aclexplode(p.proacl) x
					 WHERE x.grantee NOT IN (p.proowner, e.extowner)) AS ontvangers
		  FROM pg_catalog.pg_proc p
		  JOIN pg_catalog.pg_extension e ON e.oid = ext
		  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid
		   AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = ext AND d.deptype = 'e'
		 ORDER BY 1
	LOOP
		IF r.ander THEN
			EXECUTE pg_catalog.format('ALTER %s %s OWNER TO %I',
				CASE WHEN r.aggregaat THEN 'AGGREGATE' ELSE 'ROUTINE' END, r.f, eigenaar);
		END IF;
		IF r.acl THEN
			-- REVOKE from each grantee (which also clears their shared
			-- dependencies), then the ACL and the initial privileges of a
			-- function that never had a GRANT or REVOKE: none.
			FOR i IN 1 .. coalesce(pg_catalog.cardinality(r.ontvangers), 0) LOOP
				EXECUTE pg_catalog.format('REVOKE ALL ON ROUTINE %s FROM %s CASCADE', r.f, r.ontvangers[i]);
			END LOOP;
			UPDATE pg_catalog.pg_proc p SET proacl = NULL WHERE p.oid = r.f;
			DELETE FROM pg_catalog.pg_init_privs i
			 WHERE i.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND i.objoid = r.f AND i.objsubid = 0;
		END IF;
	END LOOP;
END
$prologue$;
