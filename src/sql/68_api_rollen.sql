-- The database roles PostgREST needs (postgrest-security-scale.md 1.2): an
-- authenticator it logs in as (LOGIN NOINHERIT, holding no privileges of
-- its own), an anonymous role without any access to the registry, and the
-- API roles a JWT names.  Roles belong to the cluster, grants to this
-- database: run the function once per database, as a role with CREATEROLE
-- (a superuser); running it again changes nothing.  It lives in schema
-- klantinteracties, not in the exposed klantinteracties_api, so PostgREST
-- never offers it as /rpc.
--
-- The API roles get the views and functions of klantinteracties_api, and
-- the row-level security of the group roles klantinteracties_lezer and
-- klantinteracties_schrijver they become members of.  No privilege on the
-- registry tables: those belong to klantinteracties_eigenaar, whose views
-- and functions mask (79_beveiliging_afronding.sql).

CREATE OR REPLACE FUNCTION maak_api_rollen(authenticator name DEFAULT 'authenticator', anoniem name DEFAULT 'web_anon',
								lezer name DEFAULT 'klantinteracties_lezer',
								schrijver name DEFAULT 'klantinteracties_schrijver',
								wachtwoord text DEFAULT NULL) RETURNS void
	LANGUAGE plpgsql VOLATILE
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

	-- Lezer: every resource and lookup.  The group roles of the security
	-- model (docs/security.md) bring the scopes and the functions of schema
	-- klantinteracties (USAGE: the types and lookups by name).
	IF lezer <> 'klantinteracties_lezer' THEN
		EXECUTE format('GRANT klantinteracties_lezer TO %I', lezer);
	END IF;
	-- Not the unlogged GET /rpc/klantbeeld: a klantbeeld is read through the
	-- logged POST /rpc/klantbeeld_opvragen (docs/security.md, section 8);
	-- grant klantinteracties_api.klantbeeld only to an application that
	-- logs its reads itself.
	EXECUTE format('GRANT USAGE ON SCHEMA klantinteracties_api, klantinteracties TO %I', lezer);
	EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA klantinteracties_api TO %I', lezer);
	-- The citizen's own views are the citizen's alone.
	EXECUTE format('REVOKE ALL ON klantinteracties_api.mijn_partij, klantinteracties_api.mijn_digitaleadressen, '
		'klantinteracties_api.mijn_klantcontacten, klantinteracties_api.mijn_inzage FROM %I', lezer);
	EXECUTE format('GRANT EXECUTE ON FUNCTION klantinteracties_api.partijen_met_identificator(text, text, text), '
		'klantinteracties_api.partijen_met_digitaal_adres(text, text), '
		'klantinteracties_api.partijen_met_naamdeel(text), '
		'klantinteracties_api.digitaleadressen_met_adresdeel(text, text), '
		'klantinteracties_api.digitaleadressen_met_identificator(text, text), '
		'klantinteracties_api.contacthistorie(uuid, timestamptz, timestamptz, text), '
		'klantinteracties_api.open_taken(uuid) TO %I', lezer);

	-- Schrijver: what the lezer may, and writing every resource.
	EXECUTE format('GRANT %I TO %I', lezer, schrijver);
	EXECUTE format('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA klantinteracties_api TO %I', schrijver);
	EXECUTE format('REVOKE ALL ON klantinteracties_api.mijn_partij, klantinteracties_api.mijn_digitaleadressen, '
		'klantinteracties_api.mijn_klantcontacten, klantinteracties_api.mijn_inzage FROM %I', schrijver);
	IF schrijver <> 'klantinteracties_schrijver' THEN
		EXECUTE format('GRANT klantinteracties_schrijver TO %I', schrijver);
	END IF;
	EXECUTE format('GRANT EXECUTE ON FUNCTION klantinteracties_api.maak_klantcontact(json, json, json) TO %I', schrijver);
END
$$;
COMMENT ON FUNCTION maak_api_rollen(name, name, name, name, text) IS 'Creates (when missing) and grants the roles PostgREST uses on this database: the authenticator (LOGIN NOINHERIT, optionally with a password), the anonymous role (no access to the registry), a lezer (GET on every resource and lookup) and a schrijver (also POST, PATCH, DELETE and /rpc/maak_klantcontact); the authenticator may also become klantinteracties_burger and is a member of klantinteracties_postgrest (its JWT claims count). Idempotent; needs CREATEROLE. See docs/postgrest.md.';

REVOKE EXECUTE ON FUNCTION maak_api_rollen(name, name, name, name, text) FROM PUBLIC;
