-- The database roles PostgREST needs (PostgREST's documentation, "Authentication"): an
-- authenticator it logs in as (LOGIN NOINHERIT, holding no privileges of
-- its own), an anonymous role without any access to the registry, and the
-- API roles a JWT names.  Roles belong to the cluster, grants to this
-- database: run the function once per database, as a role with CREATEROLE
-- (a superuser); running it again changes nothing.  It lives in schema
-- klantinteracties, not in the exposed klantinteracties_api, so PostgREST
-- never offers it as /rpc.
--
-- The API roles become members of the group roles klantinteracties_lezer
-- and klantinteracties_schrijver, which hold the privileges on the views
-- and functions of klantinteracties_api, each declared beside its object,
-- and whose row-level security applies.  No privilege on the registry
-- tables: those belong to klantinteracties_eigenaar, whose views and
-- functions mask (71_beveiliging_rls.sql).

-- Kind: for the DBA (invoker, EXECUTE revoked from PUBLIC).
CREATE OR REPLACE FUNCTION maak_api_rollen(authenticator name DEFAULT 'authenticator', anoniem name DEFAULT 'web_anon',
								lezer name DEFAULT 'klantinteracties_lezer',
								schrijver name DEFAULT 'klantinteracties_schrijver',
								wachtwoord text DEFAULT NULL) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	rol name;
BEGIN
	FOREACH rol IN ARRAY ARRAY[authenticator, anoniem, lezer, schrijver] LOOP
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = rol) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', rol);
		END IF;
	END LOOP;
	EXECUTE format('ALTER ROLE %I LOGIN NOINHERIT NOCREATEDB NOCREATEROLE NOSUPERUSER', authenticator);
	IF wachtwoord IS NOT NULL THEN
		EXECUTE format('ALTER ROLE %I PASSWORD %L', authenticator, wachtwoord);
	END IF;
	EXECUTE format('ALTER ROLE %I NOLOGIN', anoniem);
	EXECUTE format('ALTER ROLE %I NOLOGIN INHERIT', lezer);
	EXECUTE format('ALTER ROLE %I NOLOGIN INHERIT', schrijver);
	-- PostgREST switches from the authenticator to these, and to the
	-- citizen role; the authenticator's sessions carry verified JWT claims
	-- (klantinteracties_postgrest, docs/security.md).
	EXECUTE format('GRANT %I, %I, %I, klantinteracties_burger, klantinteracties_postgrest TO %I',
				   anoniem, lezer, schrijver, authenticator);

	-- Anonymous: it may see that the API exists (the schema), nothing in it.
	EXECUTE format('GRANT USAGE ON SCHEMA klantinteracties_api TO %I', anoniem);

	-- Lezer: every resource and lookup, through klantinteracties_lezer (the
	-- grants beside each view and function).  Not the unlogged GET
	-- /rpc/klantbeeld: a klantbeeld is read through the logged POST
	-- /rpc/klantbeeld_opvragen (docs/security.md, section 8); grant
	-- klantinteracties_api.klantbeeld only to an application that logs its
	-- reads itself.
	IF lezer <> 'klantinteracties_lezer' THEN
		EXECUTE format('GRANT klantinteracties_lezer TO %I', lezer);
	END IF;
	-- Schrijver: what the lezer may, and writing every resource, through
	-- klantinteracties_schrijver.
	EXECUTE format('GRANT %I TO %I', lezer, schrijver);
	IF schrijver <> 'klantinteracties_schrijver' THEN
		EXECUTE format('GRANT klantinteracties_schrijver TO %I', schrijver);
	END IF;
END
$$;
REVOKE ALL ON FUNCTION maak_api_rollen(name, name, name, name, text) FROM PUBLIC;
COMMENT ON FUNCTION maak_api_rollen(name, name, name, name, text) IS 'Creates (when missing) and grants the roles PostgREST uses on this database: the authenticator (LOGIN NOINHERIT, optionally with a password), the anonymous role (no access to the registry), a lezer (GET on every resource and lookup) and a schrijver (also POST, PATCH, DELETE and /rpc/maak_klantcontact); the authenticator may also become klantinteracties_burger and is a member of klantinteracties_postgrest (its JWT claims count). Idempotent; needs CREATEROLE. See docs/postgrest.md.';
