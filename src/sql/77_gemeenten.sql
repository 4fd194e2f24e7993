-- Several municipalities on one cluster: one database per municipality.
--
-- Roles are cluster-wide, the extension's group roles (48) too: a login that
-- is a member of klantinteracties_lezer for municipality A's sake would read
-- the registry of every database with the extension that it may connect to.
-- Scopes are therefore held per database, as USAGE on the marker types
-- scope_read, scope_write, scope_bsn, scope_geheim, scope_beheer and
-- scope_burger (48): privileges of objects of this database.
-- gemeente_inrichten, run once by the DBA in a municipality's database,
--   * creates (when missing) a NOLOGIN group role per scope for this
--     database: <prefix>_lezer, _schrijver, _bsn, _geheim, _beheer, _burger;
--     each is made a member of the extension's group role of its scope, so
--     that it has the privileges on views and functions that are granted to
--     that role, and <prefix>_schrijver a member of <prefix>_lezer;
--   * moves USAGE on the marker types from the extension's group roles to
--     these roles: from then on membership in klantinteracties_lezer & co.
--     gives no scope in this database, only membership in its own roles;
--   * revokes CONNECT on the database from PUBLIC and grants it to the
--     database's own roles, so that a login of another municipality cannot
--     even connect.
-- docs/operations.md, "Several municipalities", has the whole procedure
-- (logins, PostgREST) and test/gemeenten.sh shows it with two databases.

-- The scopes with their markers and the suffix of their roles.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION scope_markeringen(OUT scope text, OUT marker regtype, OUT groepsrol name, OUT achtervoegsel text)
	RETURNS SETOF record
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
VALUES ('read', 'klantinteracties.scope_read'::regtype, 'klantinteracties_lezer'::name, 'lezer'),
	   ('write', 'klantinteracties.scope_write'::regtype, 'klantinteracties_schrijver'::name, 'schrijver'),
	   ('bsn', 'klantinteracties.scope_bsn'::regtype, 'klantinteracties_bsn'::name, 'bsn'),
	   ('geheim', 'klantinteracties.scope_geheim'::regtype, 'klantinteracties_geheim'::name, 'geheim'),
	   ('beheer', 'klantinteracties.scope_beheer'::regtype, 'klantinteracties_beheer'::name, 'beheer'),
	   ('burger', 'klantinteracties.scope_burger'::regtype, 'klantinteracties_burger'::name, 'burger')
$$;
COMMENT ON FUNCTION scope_markeringen() IS 'The scopes (read, write, bsn, geheim, beheer, and burger for the citizen) with their marker type, the extension''s group role that holds it after installation, and the suffix of the role that gemeente_inrichten makes for a database.';

-- Which roles hold each scope in this database: the grantees of USAGE on
-- the marker types (the type's owner, the installing superuser, left out).
-- Kind: pure (invoker, executable by PUBLIC): reads only the catalog, which
-- every role may read.
CREATE OR REPLACE FUNCTION scope_houders(OUT scope text, OUT rol name)
	RETURNS SETOF record
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT m.scope, CASE WHEN a.grantee = 0 THEN 'PUBLIC'::name ELSE (SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.oid = a.grantee) END
  FROM klantinteracties.scope_markeringen() AS m
  JOIN pg_catalog.pg_type t ON t.oid = m.marker
 CROSS JOIN LATERAL pg_catalog.aclexplode(t.typacl) AS a
 WHERE a.privilege_type = 'USAGE' AND a.grantee <> t.typowner
 ORDER BY 1, 2
$$;
COMMENT ON FUNCTION scope_houders() IS 'The roles that hold each scope in this database directly: the grantees of USAGE on the scope''s marker type (members of these roles hold it too).';

-- Kind: as the DBA (invoker: it creates roles and changes privileges on the
-- database and on the marker types, which needs a superuser); EXECUTE
-- revoked from PUBLIC.
CREATE OR REPLACE FUNCTION gemeente_inrichten(voorvoegsel text) RETURNS TABLE (stap text)
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	m record;
	eigen name;
	intrekken text;
	bestaand record;
	db name := pg_catalog.current_database();
BEGIN
	IF voorvoegsel IS NULL OR voorvoegsel !~ '^[a-z][a-z0-9_]{0,39}$' THEN
		RAISE EXCEPTION 'invalid role prefix: "%"', voorvoegsel
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The prefix names the roles of this database (<prefix>_lezer, ...): a lowercase letter, then at most 39 lowercase letters, digits or underscores.',
				  HINT = 'Use the municipality''s name, for example gemeente_utrecht.';
	END IF;
	IF voorvoegsel LIKE 'klantinteracties%' OR voorvoegsel LIKE E'pg\\_%' THEN
		RAISE EXCEPTION 'invalid role prefix: "%"', voorvoegsel
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'Prefixes beginning with klantinteracties or pg_ are reserved.';
	END IF;
	FOR m IN SELECT * FROM klantinteracties.scope_markeringen() LOOP
		eigen := voorvoegsel || '_' || m.achtervoegsel;
		SELECT * INTO bestaand FROM pg_catalog.pg_roles r WHERE r.rolname = eigen;
		IF NOT FOUND THEN
			EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', eigen);
			EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', eigen,
				pg_catalog.format('Scope %s in database %s (klantinteracties.gemeente_inrichten).', m.scope, db));
			stap := pg_catalog.format('role %s created', eigen);
			RETURN NEXT;
		ELSIF bestaand.rolcanlogin OR bestaand.rolsuper OR bestaand.rolbypassrls OR bestaand.rolcreaterole THEN
			RAISE EXCEPTION 'role "%" exists and is not a plain group role', eigen
				USING ERRCODE = 'insufficient_privilege',
					  DETAIL = 'It would receive a scope on personal data; it must be NOLOGIN, NOSUPERUSER, NOBYPASSRLS and NOCREATEROLE.',
					  HINT = 'Drop or alter the role, or choose another prefix.';
		END IF;
		IF NOT pg_catalog.pg_has_role(eigen, m.groepsrol, 'MEMBER') THEN
			EXECUTE pg_catalog.format('GRANT %I TO %I', m.groepsrol, eigen);
		END IF;
		-- The scope moves: the database's own role holds it, nobody else
		-- directly (a DBA's earlier grants included).
		SELECT pg_catalog.string_agg(CASE WHEN h.rol = 'PUBLIC' THEN 'PUBLIC' ELSE pg_catalog.quote_ident(h.rol) END, ', ')
		  INTO intrekken
		  FROM klantinteracties.scope_houders() h WHERE h.scope = m.scope AND h.rol <> eigen;
		IF intrekken IS NOT NULL THEN
			EXECUTE pg_catalog.format('REVOKE USAGE ON DOMAIN %s FROM %s', m.marker, intrekken);
		END IF;
		EXECUTE pg_catalog.format('GRANT USAGE ON DOMAIN %s TO %I', m.marker, eigen);
		stap := pg_catalog.format('scope %s: held by %s only', m.scope, eigen);
		RETURN NEXT;
		EXECUTE pg_catalog.format('GRANT CONNECT ON DATABASE %I TO %I', db, eigen);
	END LOOP;
	-- A writer reads what it writes.
	IF NOT pg_catalog.pg_has_role(voorvoegsel || '_schrijver', voorvoegsel || '_lezer', 'MEMBER') THEN
		EXECUTE pg_catalog.format('GRANT %I TO %I', voorvoegsel || '_lezer', voorvoegsel || '_schrijver');
	END IF;
	EXECUTE pg_catalog.format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', db);
	stap := pg_catalog.format('database %s: CONNECT revoked from PUBLIC, granted to the roles %s_*', db, voorvoegsel);
	RETURN NEXT;
END
$$;
REVOKE ALL ON FUNCTION gemeente_inrichten(text) FROM PUBLIC;
COMMENT ON FUNCTION gemeente_inrichten(text) IS 'For one database per municipality on a shared cluster (run by a superuser in the municipality''s database): creates the group roles <voorvoegsel>_lezer, _schrijver, _bsn, _geheim, _beheer and _burger when missing (members of the extension''s group roles, for their privileges), moves the scopes of this database to them (USAGE on the marker types), and lets only them connect. Returns the steps taken. 22023 for an invalid prefix, 42501 when such a role exists and is not a plain group role.';
