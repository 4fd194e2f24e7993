-- Security hygiene, from the catalog (after Supabase's splinter lints):
-- row-level security enabled and forced on every table, with policies;
-- every SECURITY DEFINER function pins its search_path; nothing that
-- touches personal data is executable or readable by PUBLIC; only the
-- owner of the views has privileges on the registry tables; the group
-- roles are plain group roles.  Each check
-- lists its offenders (none expected) and counts what it looked at, so
-- that a broken query cannot pass vacuously.
\i sql/include/helpers.psql

CREATE TEMP VIEW schemas AS
SELECT n.oid FROM pg_namespace n WHERE n.nspname IN ('klantinteracties', 'klantinteracties_api');

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
SELECT p.oid::regprocedure AS definer, p.proconfig, pg_get_userbyid(p.proowner) = 'klantinteracties_eigenaar' AS als_eigenaar
  FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
 WHERE p.prosecdef
 ORDER BY 1::text;
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

-- No function that touches personal data is executable by PUBLIC: the
-- SECURITY DEFINER ones, the trigger functions, those whose body reads or
-- writes a table or view of the extension, and those that call one of these.
CREATE TEMP VIEW persoonsgegevensfuncties AS
WITH RECURSIVE geraakt(oid) AS (
	SELECT p.oid FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
	 WHERE p.prosecdef OR p.prorettype = 'trigger'::regtype
		OR p.prosrc ~* ('\m(from|join|into|update|table)\s+((klantinteracties|klantinteracties_api)\.)?"?(' || (SELECT string_agg(c.relname, '|')
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
-- (docs/security.md, section 5).
SELECT c.relname AS tabel, r.rolname, string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) AS rechten
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
  CROSS JOIN LATERAL aclexplode(c.relacl) AS a JOIN pg_roles r ON r.oid = a.grantee
 WHERE c.relkind IN ('r', 'p') AND NOT r.rolsuper
   AND c.relname NOT IN ('wijzigingslog', 'vergeetlog', 'inzagelog', 'gebeurtenis')
 GROUP BY 1, 2 HAVING r.rolname <> 'klantinteracties_eigenaar' OR string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) <> 'DELETE, INSERT, SELECT, UPDATE'
 ORDER BY 1, 2;
SELECT count(DISTINCT c.oid) AS tabellen_van_eigenaar
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
 WHERE c.relkind = 'r' AND has_table_privilege('klantinteracties_eigenaar', c.oid, 'SELECT');
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

-- The tables that hold the security record are read only with beheer (and
-- the access log by the owner of mijn_inzage, for the citizen's own rows)
-- and written by nobody: no role has INSERT, UPDATE or DELETE on them,
-- except the outbox worker (beheer) marking events sent and removing them.
SELECT c.relname AS tabel, r.rolname, string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) AS rechten
  FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) AS a JOIN pg_roles r ON r.oid = a.grantee
 WHERE c.oid IN ('klantinteracties.wijzigingslog'::regclass, 'klantinteracties.vergeetlog'::regclass,
				 'klantinteracties.inzagelog'::regclass, 'klantinteracties.gebeurtenis'::regclass)
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
