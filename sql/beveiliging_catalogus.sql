-- Security, from the catalog.  First the declared privileges, as a list
-- to review: every function and view of the extension with whose rights
-- it runs, its owner, its settings, its markings and who may execute or
-- read it; each is declared beside the object in src/sql (no install-time
-- pass infers them), so any change of privilege shows up in this file's
-- diff.  Then hygiene checks (after Supabase's splinter lints): row-level
-- security enabled and forced on every table, with policies; every
-- SECURITY DEFINER function pins its search_path; nothing that touches
-- personal data is executable or readable by PUBLIC; only the owner of the
-- views has privileges on the registry tables; the group roles are plain
-- group roles.  Each check lists its offenders (none expected) and counts
-- what it looked at, so that a broken query cannot pass vacuously.
\i sql/include/helpers.psql

CREATE TEMP VIEW schemas AS
SELECT n.oid FROM pg_namespace n WHERE n.nspname IN ('klantinteracties', 'klantinteracties_api');

-- acl(acl, owner): who holds which privileges besides the owner, role
-- names without the prefix klantinteracties_, PUBLIC for everyone; the
-- default ACL (NULL) of a function is the owner and PUBLIC.
CREATE FUNCTION pg_temp.acl(a aclitem[], eigenaar oid, standaard text) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT string_agg(g.wie || CASE WHEN g.rechten = standaard THEN '' ELSE '=' || g.rechten END, ' ' ORDER BY g.wie)
					   FROM (SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC'
										 ELSE regexp_replace(pg_get_userbyid(x.grantee), '^klantinteracties_', '') END AS wie,
									string_agg(x.privilege_type, ',' ORDER BY x.privilege_type) AS rechten
							   FROM aclexplode(coalesce(a, acldefault('f', eigenaar))) AS x
							  WHERE x.grantee <> eigenaar
							  GROUP BY x.grantee) AS g), '-') $$;
-- eigenaar(oid): the owner, 'installer' for the superuser who installed.
CREATE FUNCTION pg_temp.eigenaar(r oid) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN (SELECT rolsuper FROM pg_roles WHERE oid = r) THEN 'installer'
				ELSE regexp_replace(pg_get_userbyid(r), '^klantinteracties_', '') END $$;

-- Every function: SECURITY DEFINER or INVOKER; owner; search_path and other
-- settings; volatility (i/s/v), STRICT, PARALLEL (s/r/u), LEAKPROOF; who
-- may execute it besides its owner.  Kinds (docs/security.md): pure
-- helpers are invoker and executable by PUBLIC; functions that read or
-- write the registry as the caller are definer, owned by eigenaar;
-- internal ones (audit, erasure, flag and integrity maintenance) are
-- definer, owned by the installer; invoker functions without PUBLIC run
-- only inside those (granted to eigenaar) or wrap them.
SELECT p.oid::regprocedure AS functie,
	   CASE WHEN p.prosecdef THEN 'definer' ELSE 'invoker' END AS rechten,
	   pg_temp.eigenaar(p.proowner) AS eigenaar,
	   coalesce(array_to_string(p.proconfig, '; '), '') AS instellingen,
	   p.provolatile AS vol, CASE WHEN p.proisstrict THEN 'strict' ELSE '' END AS strict,
	   p.proparallel AS par, CASE WHEN p.proleakproof THEN 'leakproof' ELSE '' END AS leakproof,
	   pg_temp.acl(p.proacl, p.proowner, 'EXECUTE') AS uitvoeren
  FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
 ORDER BY p.pronamespace::regnamespace::text, p.oid::regprocedure::text;
-- Every view: owner, options (never security_invoker), who may do what.
SELECT c.oid::regclass AS view, pg_temp.eigenaar(c.relowner) AS eigenaar, coalesce(array_to_string(c.reloptions, ','), '') AS opties,
	   pg_temp.acl(c.relacl, c.relowner, 'SELECT') AS rechten
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
 WHERE c.relkind = 'v'
 ORDER BY c.relnamespace::regnamespace::text, c.relname;
-- Every type with privileges other than the default (PUBLIC USAGE): the
-- scope markers (48_beveiliging_rollen.sql), whose USAGE is a scope in this
-- database; a change by an update or by gemeente_inrichten shows here.
SELECT t.oid::regtype AS type, pg_temp.eigenaar(t.typowner) AS eigenaar,
	   pg_temp.acl(t.typacl, t.typowner, 'USAGE') AS rechten
  FROM pg_type t JOIN pg_temp.extension_members('pg_type') m ON m = t.oid
 WHERE t.typacl IS NOT NULL
 ORDER BY t.typnamespace::regnamespace::text, t.typname;
-- No scope marker is usable by PUBLIC (a type's default ACL gives PUBLIC
-- USAGE, so each must be revoked): offenders, then how many markers were
-- looked at (every domain of the extension named scope_*, and each named by
-- scope_markeringen()).
SELECT t.oid::regtype AS regel_geschonden, 'PUBLIC holds the scope' AS waarom
  FROM pg_type t JOIN pg_temp.extension_members('pg_type') m ON m = t.oid
 WHERE t.typtype = 'd' AND left(t.typname, 6) = 'scope_'
   AND has_type_privilege('public', t.oid, 'USAGE');
SELECT count(*) AS scope_markers,
	   count(*) FILTER (WHERE t.oid IN (SELECT marker FROM klantinteracties.scope_markeringen())) AS in_scope_markeringen
  FROM pg_type t JOIN pg_temp.extension_members('pg_type') m ON m = t.oid
 WHERE t.typtype = 'd' AND left(t.typname, 6) = 'scope_';
-- The summary docs/security.md points to: functions by rights, owner and
-- search_path.
SELECT CASE WHEN p.prosecdef THEN 'definer' ELSE 'invoker' END AS rechten, pg_temp.eigenaar(p.proowner) AS eigenaar,
	   coalesce((SELECT substr(c, length('search_path=') + 1) FROM unnest(p.proconfig) AS c WHERE c LIKE 'search_path=%'), '(none)') AS search_path,
	   count(*) AS functies,
	   count(*) FILTER (WHERE has_function_privilege('public', p.oid, 'EXECUTE')) AS publiek
  FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- The rules of the kinds, as checks: no definer and no trigger function is
-- executable by PUBLIC; a function owned by eigenaar runs as definer (an
-- invoker owned by it would be pointless).
SELECT p.oid::regprocedure AS regel_geschonden,
	   CASE WHEN has_function_privilege('public', p.oid, 'EXECUTE') THEN 'PUBLIC may execute'
			WHEN NOT p.prosecdef THEN 'owned by eigenaar, not definer' END AS waarom
  FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
 WHERE (has_function_privilege('public', p.oid, 'EXECUTE') AND (p.prosecdef OR p.prorettype = 'trigger'::regtype))
	OR (pg_get_userbyid(p.proowner) = 'klantinteracties_eigenaar' AND NOT p.prosecdef);

-- Name resolution no caller can influence (issue 12, findings 2 and 3):
-- every function either pins its search_path to exactly pg_catalog and
-- pg_temp, or is an SQL function meant to be inlined, whose body qualifies
-- every name (test beveiliging_schaduw tries them all with planted names).
-- A procedure that commits (klantbeeld_verversen) cannot carry a SET
-- clause (PostgreSQL refuses transaction control in it): it qualifies every
-- name instead, runs as invoker and nobody but its owner may call it (the
-- next query).
SELECT p.oid::regprocedure AS eigen_search_path, p.proconfig
  FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
 WHERE EXISTS (SELECT FROM unnest(p.proconfig) AS c WHERE c LIKE 'search_path=%' AND c <> 'search_path=pg_catalog, pg_temp')
	OR (NOT EXISTS (SELECT FROM unnest(p.proconfig) AS c WHERE c LIKE 'search_path=%')
		AND p.prolang NOT IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'c', 'internal'))
		AND p.prokind <> 'p');
SELECT p.oid::regprocedure AS procedure, p.prosecdef AS definer, p.proacl IS NULL AS standaard_acl,
	   has_function_privilege('public', p.oid, 'EXECUTE') AS publiek
  FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
 WHERE p.prokind = 'p' ORDER BY 1::text;

-- Every table: RLS enabled and forced, at least one policy.
SELECT c.oid::regclass AS tabel, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
	   (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
 WHERE c.relkind IN ('r', 'p')
 ORDER BY c.relname;
SELECT count(*) AS tabellen,
	   count(*) FILTER (WHERE NOT c.relrowsecurity OR NOT c.relforcerowsecurity
						OR NOT EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid)) AS zonder_rls
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
 WHERE c.relkind IN ('r', 'p');

-- Every policy names a role (none is for PUBLIC) and tests a scope or the
-- citizen's partij in an initPlan.
SELECT p.polrelid::regclass AS tabel, p.polname, p.polroles::regrole[] AS rollen
  FROM pg_policy p JOIN pg_temp.extension_members('pg_class') m ON m = p.polrelid
 WHERE 0 = ANY (p.polroles)
	OR NOT (coalesce(pg_get_expr(p.polqual, p.polrelid), '') || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''))
		   ~ '\(\s*SELECT (klantinteracties\.)?(heeft_scope|burger_partij)\(';
SELECT r.rolname, count(*) AS policies
  FROM pg_policy p JOIN pg_temp.extension_members('pg_class') m ON m = p.polrelid
  CROSS JOIN LATERAL unnest(p.polroles) AS pr(oid) JOIN pg_roles r ON r.oid = pr.oid
 GROUP BY r.rolname ORDER BY r.rolname;

-- Every SECURITY DEFINER function pins its search_path: pg_catalog first,
-- pg_temp last, and between them only schemas in which no ordinary role can
-- create objects (the extension's own, pg_trgm's for mogelijke_dubbelen).
SELECT p.oid::regprocedure AS definer_zonder_vaste_search_path, pad
  FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
  LEFT JOIN LATERAL (SELECT string_to_array(substr(c, length('search_path=') + 1), ', ') AS pad
					   FROM unnest(p.proconfig) AS c WHERE c LIKE 'search_path=%') AS s ON true
 WHERE p.prosecdef
   AND (pad IS NULL OR pad[1] <> 'pg_catalog' OR pad[cardinality(pad)] <> 'pg_temp'
		OR EXISTS (SELECT FROM unnest(pad[2:cardinality(pad) - 1]) AS n(schema)
					WHERE to_regnamespace(n.schema) IS NULL
					   OR EXISTS (SELECT FROM pg_roles r
								   WHERE NOT r.rolsuper AND has_schema_privilege(r.oid, n.schema, 'CREATE')
									 -- pg_database_owner (public's owner) stands for the database's owner
									 AND (r.rolname <> 'pg_database_owner'
										  OR NOT (SELECT o.rolsuper FROM pg_database d JOIN pg_roles o ON o.oid = d.datdba
												   WHERE d.datname = current_database())))));

-- A safety net for new functions (a lint, not the rule: the rule is what
-- each function declares): no function whose body names a table or view of
-- the extension after FROM, JOIN, INTO, UPDATE or TABLE, or calls one of
-- those, is executable by PUBLIC.
CREATE TEMP VIEW persoonsgegevensfuncties AS
WITH RECURSIVE geraakt(oid) AS (
	SELECT p.oid FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
	 WHERE p.prosrc ~* ('\m(from|join|into|update|table)\s+((klantinteracties|klantinteracties_api)\.)?"?(' || (SELECT string_agg(c.relname, '|')
			FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM schemas) AND c.relkind IN ('r', 'v', 'm')) || ')\M')
	UNION
	SELECT p.oid FROM geraakt g JOIN pg_proc gp ON gp.oid = g.oid
	  JOIN pg_proc p ON p.prosrc ~ ('\m' || gp.proname || '\(')
	  JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid)
SELECT p.oid, p.oid::regprocedure AS functie, p.prosecdef AS definer, p.prorettype = 'trigger'::regtype AS trigger
  FROM geraakt g JOIN pg_proc p ON p.oid = g.oid;
SELECT count(*) AS functies, count(*) FILTER (WHERE definer) AS definer, count(*) FILTER (WHERE trigger) AS trigger
  FROM persoonsgegevensfuncties;
SELECT functie AS publiek_uitvoerbaar FROM persoonsgegevensfuncties
 WHERE has_function_privilege('public', oid, 'EXECUTE') ORDER BY 1::text;
-- The functions PUBLIC may execute are pure (type support, validation,
-- formatting, masks, the scope helpers that read only the caller's own
-- settings); the only VOLATILE one raises a given error.
SELECT p.oid::regprocedure AS publiek_en_volatile
  FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
 WHERE has_function_privilege('public', p.oid, 'EXECUTE') AND p.provolatile = 'v';

-- No table or view grants anything to PUBLIC.
SELECT c.oid::regclass AS publiek_leesbaar
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
 WHERE c.relkind IN ('r', 'p', 'v', 'm')
   AND has_table_privilege('public', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER');

-- The registry tables: only klantinteracties_eigenaar holds privileges on
-- them; it owns every view (which runs as its owner, not as the invoker)
-- and the functions that read or write the tables as the caller did; it
-- has no members.  So no caller reads a column the views would mask
-- (docs/security.md, section 5).  The stored klantbeeld (derived data,
-- written only by its internal refresh): SELECT only.
SELECT c.relname AS tabel, r.rolname, string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) AS rechten
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
  CROSS JOIN LATERAL aclexplode(c.relacl) AS a JOIN pg_roles r ON r.oid = a.grantee
 WHERE c.relkind IN ('r', 'p') AND NOT r.rolsuper
   AND c.relname NOT IN ('wijzigingslog', 'vergeetlog', 'inzagelog', 'gebeurtenis', 'vernietigingslog', 'bewaartermijn')
   AND NOT c.relispartition
 GROUP BY 1, 2 HAVING r.rolname <> 'klantinteracties_eigenaar' OR string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type)
	   <> CASE WHEN c.relname IN ('klantbeeld_document', 'klantbeeld_wachtrij') THEN 'SELECT' ELSE 'DELETE, INSERT, SELECT, UPDATE' END
 ORDER BY 1, 2;
SELECT count(DISTINCT c.oid) AS tabellen_van_eigenaar
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
 WHERE c.relkind IN ('r', 'p') AND has_table_privilege('klantinteracties_eigenaar', c.oid, 'SELECT');
SELECT c.oid::regclass AS kolomrecht, a.attname, r.rolname
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
  JOIN pg_attribute a ON a.attrelid = c.oid CROSS JOIN LATERAL aclexplode(a.attacl) AS x JOIN pg_roles r ON r.oid = x.grantee
 WHERE c.relkind = 'r' AND c.relname <> 'gebeurtenis';
SELECT c.oid::regclass AS view_niet_van_eigenaar, pg_get_userbyid(c.relowner) AS eigenaar, c.reloptions
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
 WHERE c.relkind = 'v'
   AND (pg_get_userbyid(c.relowner) <> 'klantinteracties_eigenaar' OR coalesce('security_invoker=true' = ANY (c.reloptions), false));
SELECT count(*) AS views FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid WHERE c.relkind = 'v';
SELECT count(*) AS leden_van_eigenaar FROM pg_auth_members WHERE roleid = 'klantinteracties_eigenaar'::regrole;
SELECT array_agg(b.rolname ORDER BY b.rolname) AS eigenaar_is_lid_van
  FROM pg_auth_members am JOIN pg_roles b ON b.oid = am.roleid
 WHERE am.member = 'klantinteracties_eigenaar'::regrole;

-- The tables that hold the security record (and the retention periods)
-- are read only with beheer (and the access log by the owner of
-- mijn_inzage, for the citizen's own rows) and written by nobody: no role
-- has INSERT, UPDATE or DELETE on them, except the outbox worker (beheer)
-- marking events sent and removing them.  The partitions of the log tables
-- grant nothing to anyone.
SELECT c.relname AS tabel, r.rolname, string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) AS rechten
  FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) AS a JOIN pg_roles r ON r.oid = a.grantee
 WHERE (c.oid IN ('klantinteracties.wijzigingslog'::regclass, 'klantinteracties.vergeetlog'::regclass,
				 'klantinteracties.inzagelog'::regclass, 'klantinteracties.gebeurtenis'::regclass,
				 'klantinteracties.vernietigingslog'::regclass, 'klantinteracties.bewaartermijn'::regclass)
		OR c.oid IN (SELECT i.inhrelid FROM pg_inherits i
					  WHERE i.inhparent IN ('klantinteracties.wijzigingslog'::regclass, 'klantinteracties.inzagelog'::regclass)))
   AND NOT r.rolsuper
 GROUP BY 1, 2 ORDER BY 1, 2;
SELECT attrelid::regclass AS tabel, attname, r.rolname, a.privilege_type
  FROM pg_attribute, aclexplode(attacl) AS a JOIN pg_roles r ON r.oid = a.grantee
 WHERE attrelid = 'klantinteracties.gebeurtenis'::regclass AND attacl IS NOT NULL;

-- The group roles: NOLOGIN, no superuser, BYPASSRLS or CREATEROLE.
SELECT rolname, rolcanlogin, rolsuper, rolbypassrls, rolcreaterole, rolinherit, shobj_description(oid, 'pg_authid') IS NOT NULL AS commentaar
  FROM pg_roles WHERE rolname IN ('klantinteracties_lezer', 'klantinteracties_schrijver', 'klantinteracties_bsn',
	'klantinteracties_geheim', 'klantinteracties_beheer', 'klantinteracties_burger', 'klantinteracties_postgrest',
	'klantinteracties_eigenaar')
 ORDER BY rolname;
