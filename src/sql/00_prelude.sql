-- Every object of the extension lives in schema klantinteracties (the
-- control file's schema); helper functions are schema-qualified or pin
-- their search_path, as extension scripts must.

COMMENT ON SCHEMA klantinteracties IS 'Klantinteracties registry (VNG standard): validated Dutch identification and contact types, the registry tables, klant identification and the klantbeeld.';

-- The install resolves the names this script leaves unqualified (in
-- views, defaults, constraints) through its search_path: this schema and
-- pg_trgm's.  A schema that roles other than its owner may create objects
-- in would let them plant a better-matching function or operator that the
-- registry then binds to for good (issue 12, finding 3; the check that
-- PostgreSQL's own CVE-2018-1058 advice asks for).  Refuse such a set-up.
DO $$
DECLARE
	s record;
BEGIN
	FOR s IN
		SELECT n.nspname,
			   (SELECT pg_catalog.string_agg(r.rolname, ', ' ORDER BY r.rolname) FROM pg_catalog.pg_roles r
				 WHERE NOT r.rolsuper AND pg_catalog.has_schema_privilege(r.oid, n.oid, 'CREATE')
				   AND NOT pg_catalog.pg_has_role(r.oid, n.nspowner, 'USAGE')) AS schrijvers,
			   EXISTS (SELECT FROM pg_catalog.aclexplode(n.nspacl) AS a
						WHERE a.grantee = 0 AND a.privilege_type = 'CREATE') AS publiek
		  FROM pg_catalog.pg_namespace n
		 WHERE n.oid = ANY (pg_catalog.current_schemas(false)::pg_catalog.regnamespace[])
	LOOP
		IF s.publiek OR s.schrijvers IS NOT NULL THEN
			RAISE EXCEPTION 'schema "%" is writable by roles other than its owner', s.nspname
				USING ERRCODE = 'insufficient_privilege',
					  DETAIL = pg_catalog.format('The install resolves names through schema %I (its search_path: %s), and %s may create objects there that would take the place of the ones meant.',
						s.nspname, pg_catalog.array_to_string(pg_catalog.current_schemas(false), ', '),
						CASE WHEN s.publiek THEN 'every role (PUBLIC)' ELSE 'role(s) ' || s.schrijvers END),
					  HINT = 'Install pg_trgm in a schema only its owner can create objects in (CREATE SCHEMA trgm; CREATE EXTENSION pg_trgm SCHEMA trgm), or REVOKE CREATE ON SCHEMA ... FROM PUBLIC, then create the extension again.';
		END IF;
	END LOOP;
END
$$;
