-- Security, part 1: the group roles, the scopes a caller holds, who acts.
-- docs/security.md explains the model; in short:
--
--   * Five scopes: read, write, bsn (may see BSNs), geheim (may see secret
--     partijen and vertrouwelijke klantcontacten) and beheer (erasure, the
--     audit trail, the outbox).  Each has a NOLOGIN group role; a role holds
--     a scope when it has USAGE on the scope's marker type, which the extension
--     grants to that group role (per database: see below).
--   * A JWT (PostgREST's request.jwt.claims) can narrow the scopes of the
--     role it names with its "scope" claim, never widen them.  Claims count
--     only in sessions of the PostgREST authenticator (a member of
--     klantinteracties_postgrest): anyone can set request.jwt.claims, so in
--     any other session they are ignored.
--   * The citizen role (klantinteracties_burger) sees its own partij: the
--     one identified by the "bsn" claim that DigiD established.
--
-- Roles belong to the cluster, not to a database or an extension: they are
-- created here when missing and reused when present (a second database, a
-- reinstall), and DROP EXTENSION leaves them (see docs/security.md).

DO $$
DECLARE
	rol record;
	bestaand record;
BEGIN
	FOR rol IN
		SELECT * FROM (VALUES
			('klantinteracties_lezer', 'Scope read: reads the registry (GET on every resource).'),
			('klantinteracties_schrijver', 'Scope write: writes the registry (POST, PATCH, PUT, DELETE); holds klantinteracties_lezer.'),
			('klantinteracties_bsn', 'Scope bsn: may see BSNs, and so register them.'),
			('klantinteracties_geheim', 'Scope geheim: may see partijen with indicatie_geheimhouding and the content of vertrouwelijke klantcontacten.'),
			('klantinteracties_beheer', 'Scope beheer: erasure (vergeet_partij), the audit trail, the access log and the event outbox; USAGE on schema klantinteracties.'),
			('klantinteracties_burger', 'The citizen (mijn-omgeving): sees and maintains only the partij identified by the bsn claim of its JWT.'),
			('klantinteracties_postgrest', 'Marker: sessions of its members (the PostgREST authenticator) carry verified JWT claims in request.jwt.claims.'),
			('klantinteracties_eigenaar', 'Owner of the views and of the functions that read or write the registry tables, and the only role with privileges on those tables: callers reach the data only through what it owns, so masks cannot be bypassed. Member of _lezer, _schrijver and _burger, so that their row-level security policies, which check the caller''s scopes, apply to it. Nobody logs in as it or is a member of it.'))
			AS r(naam, omschrijving)
	LOOP
		SELECT * INTO bestaand FROM pg_catalog.pg_roles WHERE rolname = rol.naam;
		IF NOT FOUND THEN
			EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', rol.naam);
			EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', rol.naam, rol.omschrijving);
		ELSIF bestaand.rolcanlogin OR bestaand.rolsuper OR bestaand.rolbypassrls OR bestaand.rolcreaterole THEN
			-- A role made beforehand by someone else would receive the
			-- registry's privileges: accept only a plain group role.
			RAISE EXCEPTION 'role "%" exists and is not a plain group role', rol.naam
				USING ERRCODE = 'insufficient_privilege',
					  DETAIL = 'The extension grants privileges on personal data to this role; it must be NOLOGIN, NOSUPERUSER, NOBYPASSRLS and NOCREATEROLE.',
					  HINT = 'Drop or alter the role, then create the extension again.';
		END IF;
	END LOOP;
	-- A writer reads what it writes (UPDATE and DELETE find rows through
	-- the SELECT policies).
	IF NOT pg_catalog.pg_has_role('klantinteracties_schrijver', 'klantinteracties_lezer', 'MEMBER') THEN
		GRANT klantinteracties_lezer TO klantinteracties_schrijver;
	END IF;
	-- The owner of the views and data functions gets the policies of every
	-- caller kind; each policy tests the caller (handelende_rol(), the
	-- claims), not the owner, so through the owner's objects a caller sees
	-- exactly the rows its own policies allow.
	FOR rol IN SELECT r.naam FROM (VALUES ('klantinteracties_schrijver'), ('klantinteracties_burger')) AS r(naam) LOOP
		IF NOT pg_catalog.pg_has_role('klantinteracties_eigenaar', rol.naam, 'MEMBER') THEN
			EXECUTE pg_catalog.format('GRANT %I TO klantinteracties_eigenaar', rol.naam);
		END IF;
	END LOOP;
	-- A member of the owner would hold its table privileges: refuse one
	-- made beforehand.
	IF EXISTS (SELECT FROM pg_catalog.pg_auth_members m
				WHERE m.roleid = 'klantinteracties_eigenaar'::regrole) THEN
		RAISE EXCEPTION 'role "klantinteracties_eigenaar" has members'
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'Its members could read the registry tables unmasked.',
				  HINT = 'Revoke the memberships, then create the extension again.';
	END IF;
END
$$;

-- The schema holds the types, the registry and its functions: the readers,
-- the citizen and beheer name them; the owner of the views and data
-- functions works in it.  Its tables stay closed (71_beveiliging_rls.sql).
GRANT USAGE ON SCHEMA klantinteracties TO klantinteracties_lezer, klantinteracties_burger, klantinteracties_beheer,
	klantinteracties_eigenaar;

-- Scopes are granted per database.  Roles belong to the cluster, so that
-- membership in klantinteracties_lezer for one municipality's sake would
-- open the registry of every database that has the extension.  A role
-- therefore holds a scope in this database when it has USAGE on the scope's
-- marker type here (has_type_privilege: a catalog lookup, as cheap as
-- pg_has_role); types are objects of one database, with privileges of
-- their own, and, unlike tables and functions, no GRANT ... ON ALL in a
-- schema reaches them by accident.  The extension grants them to its group
-- roles; for several municipalities on one cluster, gemeente_inrichten()
-- (77_gemeenten.sql) moves them to roles of the database's own
-- (docs/operations.md, "Several municipalities").  The grants are
-- install-only: an update must not give back what the DBA moved.
-- @NEW 0.2.0
CREATE DOMAIN scope_read AS boolean;
CREATE DOMAIN scope_write AS boolean;
CREATE DOMAIN scope_bsn AS boolean;
CREATE DOMAIN scope_geheim AS boolean;
CREATE DOMAIN scope_beheer AS boolean;
CREATE DOMAIN scope_burger AS boolean;
REVOKE USAGE ON DOMAIN scope_read, scope_write, scope_bsn, scope_geheim, scope_beheer, scope_burger FROM PUBLIC;
GRANT USAGE ON DOMAIN scope_read TO klantinteracties_lezer;
GRANT USAGE ON DOMAIN scope_write TO klantinteracties_schrijver;
GRANT USAGE ON DOMAIN scope_bsn TO klantinteracties_bsn;
GRANT USAGE ON DOMAIN scope_geheim TO klantinteracties_geheim;
GRANT USAGE ON DOMAIN scope_beheer TO klantinteracties_beheer;
GRANT USAGE ON DOMAIN scope_burger TO klantinteracties_burger;
-- @END
COMMENT ON DOMAIN scope_read IS 'Marker of the scope read in this database: a role holds it when it has USAGE on this type (heeft_scope). Granted to klantinteracties_lezer, or by gemeente_inrichten to a role of this database''s own. Holds no data.';
COMMENT ON DOMAIN scope_write IS 'Marker of the scope write in this database: a role holds it when it has USAGE on this type (heeft_scope). Granted to klantinteracties_schrijver, or by gemeente_inrichten to a role of this database''s own. Holds no data.';
COMMENT ON DOMAIN scope_bsn IS 'Marker of the scope bsn in this database: a role holds it when it has USAGE on this type (heeft_scope). Granted to klantinteracties_bsn, or by gemeente_inrichten to a role of this database''s own. Holds no data.';
COMMENT ON DOMAIN scope_geheim IS 'Marker of the scope geheim in this database: a role holds it when it has USAGE on this type (heeft_scope). Granted to klantinteracties_geheim, or by gemeente_inrichten to a role of this database''s own. Holds no data.';
COMMENT ON DOMAIN scope_beheer IS 'Marker of the scope beheer in this database: a role holds it when it has USAGE on this type (heeft_scope). Granted to klantinteracties_beheer, or by gemeente_inrichten to a role of this database''s own. Holds no data.';
COMMENT ON DOMAIN scope_burger IS 'Marker of the citizen in this database: a role is a citizen (burger_bsn) when it has USAGE on this type. Granted to klantinteracties_burger, or by gemeente_inrichten to a role of this database''s own. Holds no data.';

-- The helpers the policies call: the acting role, the claims and the
-- scope test are C (src/rol.c: no SQL parsed, so no caller's search_path
-- or setting reaches them; each is one function node, where the inlined
-- SQL expressions they were cost an executor start-up of some thirty
-- nodes per evaluation, about 30 microseconds of CPU, several times in
-- every reader's query); the citizen's helpers below are SQL expressions
-- that PostgreSQL inlines: no SET search_path (which would forbid inlining
-- and cost a configuration switch per call), every function, operator and
-- type qualified instead, so a caller's search_path changes none of them
-- (test beveiliging_catalogus).  A policy calls one as (SELECT
-- heeft_scope(...)), an initPlan, evaluated once per query.

-- The role whose scopes count: the role set with SET ROLE (or by PostgREST,
-- which does the same), else the session user.  Unlike current_user it stays
-- the caller's inside SECURITY DEFINER functions (which do not change the
-- "role" setting, and may not), and in views, which run as their owner.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION handelende_rol() RETURNS name
	AS 'MODULE_PATHNAME', 'ki_handelende_rol'
	LANGUAGE C STABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION handelende_rol() IS 'The role that acts: the role set by SET ROLE (as PostgREST sets it), else the session user; unlike current_user, the caller''s also inside SECURITY DEFINER functions and views.';

-- The claims PostgREST verified, or NULL.  '' after a request ends.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION jwt_claims() RETURNS jsonb
	AS 'MODULE_PATHNAME', 'ki_jwt_claims'
	LANGUAGE C STABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION jwt_claims() IS 'The JWT claims of the current PostgREST request (request.jwt.claims) when the session user is a member of klantinteracties_postgrest (the authenticator), else NULL: in other sessions anyone could have set them.';

-- Whether the acting role holds a scope: it has USAGE on the scope's
-- marker type in this database (above), and a JWT's "scope" claim (space-separated as in
-- OAuth 2.0, or a JSON array), when there is one, names it: a claim
-- narrows, never widens.  Not LEAKPROOF: reading the claims may fail on
-- malformed JSON.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION heeft_scope(scope text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'ki_heeft_scope'
	LANGUAGE C STABLE PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION heeft_scope(text) IS 'True when the acting role (handelende_rol()) holds the scope (read, write, bsn, geheim, beheer) in this database: it has USAGE on the scope''s marker type (scope_read, scope_write, scope_bsn, scope_geheim, scope_beheer; granted to klantinteracties_lezer, _schrijver, _bsn, _geheim, _beheer, or by gemeente_inrichten to roles of this database''s own), and a PostgREST JWT''s scope claim, if any, names it. Superusers hold every scope. Policies call it as (SELECT heeft_scope(...)), so that it is evaluated once per query.';

-- All the scopes of the acting role, for who asks.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION scopes() RETURNS text[]
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT coalesce(pg_catalog.array_agg(s.scope ORDER BY s.nr), '{}')
  FROM pg_catalog.unnest('{read,write,bsn,geheim,beheer}'::text[]) WITH ORDINALITY AS s(scope, nr)
 WHERE klantinteracties.heeft_scope(s.scope)
$$;
COMMENT ON FUNCTION scopes() IS 'The scopes (read, write, bsn, geheim, beheer) the acting role holds (see heeft_scope).';

-- A text a caller passes, refused (22023) when longer than the bound;
-- for wie(), whose values every audit row and access-log row stores
-- (issue 12 finding 8: bounded input).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION tekst_begrensd(wat text, waarde text, hoogstens integer) RETURNS text
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF char_length(waarde) > hoogstens THEN
		RAISE EXCEPTION '% is too long', wat
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('The value has %s characters; at most %s are allowed.', char_length(waarde), hoogstens);
	END IF;
	RETURN waarde;
END
$$;
COMMENT ON FUNCTION tekst_begrensd(text, text, integer) IS 'The value, or 22023 "<wat> is too long" when it has more characters than hoogstens; NULL stays NULL.';

-- Who acts, for the audit trail and the access log: the database identity
-- always (it cannot be forged), the JWT's subject and application when
-- PostgREST verified them, else application_name (set by the client).
-- The subject and application have at most 255 characters (OpenID
-- Connect's bound on sub), the request id at most 200.
-- PL/pgSQL: its expressions are planned once per session (an SQL function
-- with a SET clause is planned at every call: 1.2 ms of each logged
-- lookup, measured with track_functions on a busy machine).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION wie() RETURNS jsonb
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	c jsonb := klantinteracties.jwt_claims();
BEGIN
	RETURN pg_catalog.jsonb_build_object(
		'gebruiker', pg_catalog.session_user(),
		'rol', klantinteracties.handelende_rol(),
		'subject', klantinteracties.tekst_begrensd('the JWT claim sub', c ->> 'sub', 255),
		'applicatie', klantinteracties.tekst_begrensd('the application (JWT claim app, client_id or azp)',
			coalesce(c ->> 'app', c ->> 'client_id', c ->> 'azp', nullif(pg_catalog.current_setting('application_name'), '')), 255),
		'verzoek', klantinteracties.tekst_begrensd('the x-request-id header',
			CASE WHEN c IS NOT NULL THEN nullif(pg_catalog.current_setting('request.headers', true), '')::jsonb
				->> 'x-request-id' END, 200));
END
$$;
COMMENT ON FUNCTION wie() IS 'Who acts, as JSON: gebruiker (session user), rol (handelende_rol()), subject (JWT sub), applicatie (JWT app, client_id or azp; for SQL sessions application_name), verzoek (the x-request-id header of the PostgREST request). Refuses (22023) a subject or applicatie over 255 characters, a request id over 200.';

-- The citizen's BSN: the "bsn" claim of a verified JWT of a role with
-- USAGE on scope_burger (klantinteracties_burger), canonical; NULL otherwise (also
-- for a claim that is no valid BSN).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION burger_bsn() RETURNS bsn
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT CASE WHEN pg_catalog.has_type_privilege(klantinteracties.handelende_rol(), 'klantinteracties.scope_burger'::pg_catalog.regtype::pg_catalog.oid, 'USAGE')
			 AND klantinteracties.is_bsn(klantinteracties.jwt_claims() OPERATOR(pg_catalog.->>) 'bsn')
	THEN (klantinteracties.jwt_claims() OPERATOR(pg_catalog.->>) 'bsn')::klantinteracties.bsn END
$$;
COMMENT ON FUNCTION burger_bsn() IS 'The BSN of the citizen acting through PostgREST (the bsn claim DigiD established), for a role with USAGE on scope_burger in this database (klantinteracties_burger, or the citizen role of gemeente_inrichten); NULL otherwise or when the claim is no valid BSN.';

-- The partij the citizen's BSN identifies, for burger_partij().  SECURITY
-- DEFINER: the citizen may not read partij_identificator to find it, and
-- the policies that call it would otherwise recurse (partij ->
-- partij_identificator -> partij).  It takes no argument, so that nobody
-- can ask it about another BSN.  PL/pgSQL, so that its plan is cached.
-- Kind: internal (definer, owned by the installing superuser: sees every row), for lezer, burger.
CREATE OR REPLACE FUNCTION burger_partij_zoeken() RETURNS uuid
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	RETURN (SELECT i.identificeerde_partij
			  FROM klantinteracties.partij_identificator i
			 WHERE i.code_soort_object_id = 'bsn'
			   AND i.object_id_sleutel = klantinteracties.burger_bsn()::text
			   AND i.sub_identificator_van IS NULL);
END
$$;
REVOKE ALL ON FUNCTION burger_partij_zoeken() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION burger_partij_zoeken() TO klantinteracties_lezer, klantinteracties_burger;
COMMENT ON FUNCTION burger_partij_zoeken() IS 'The partij identified by the citizen''s BSN (burger_bsn()), whatever the caller may see; for burger_partij().';

-- The citizen's own partij: NULL at once for anyone who is no citizen, so
-- that the citizen's policies, which every caller evaluates through the
-- views' owner, cost staff nothing.
-- Kind: invoker wrapper of a function that runs as the caller, for lezer, burger.
CREATE OR REPLACE FUNCTION burger_partij() RETURNS uuid
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT CASE WHEN klantinteracties.burger_bsn() IS NOT NULL THEN klantinteracties.burger_partij_zoeken() END
$$;
REVOKE ALL ON FUNCTION burger_partij() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION burger_partij() TO klantinteracties_lezer, klantinteracties_burger;
COMMENT ON FUNCTION burger_partij() IS 'The partij identified by the citizen''s BSN (burger_bsn()), the one a citizen may see; NULL for anyone else or when there is none. Used by the citizen policies.';

-- Masks.  The views pass whether the caller may see the value, as an
-- initPlan: klantinteracties.maskeer_bsn(x, (SELECT heeft_scope('bsn'))).
-- A BSN the caller may not see is nine asterisks, wherever it occurs: as a
-- free identificator of soort bsn (onderwerpobject, bijlage, actor) and as
-- a number in text.  The rule (src/tekst_core.h, docs/security.md): nine
-- digits, single spaces, dots or hyphens allowed between them, not next to
-- another digit, passing the elfproef; a uuid is passed over whole, so no
-- mask corrupts one.  One linear pass in C, whatever the text holds.

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION bevat_bsn(tekst text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'ki_bevat_bsn'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION bevat_bsn(text) IS 'True when the text holds a BSN by the masking rule of maskeer_bsn: nine digits, possibly grouped by single spaces, dots or hyphens, not next to another digit, passing the elfproef, outside any uuid.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION maskeer_bsn(tekst text, zichtbaar boolean) RETURNS text
	AS 'MODULE_PATHNAME', 'ki_maskeer_bsn_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION maskeer_bsn(text, boolean) IS 'The text, with every BSN in it replaced by nine asterisks unless zichtbaar (the caller holds the bsn scope): nine digits, possibly grouped by single spaces, dots or hyphens, not next to another digit, passing the elfproef; uuids are left whole. One linear pass.';

-- 0.1.0 found the candidates with a regular expression and masked each
-- with replace(), quadratic in their number.
-- @UPDATE 0.1.0
DROP FUNCTION bsn_kandidaten(text);
-- @END

-- For the tests: the bytes the scanner examines, linear in the length.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION maskeer_bsn_werk(tekst text) RETURNS bigint
	AS 'MODULE_PATHNAME', 'ki_maskeer_bsn_werk'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION maskeer_bsn_werk(text) IS 'The number of bytes maskeer_bsn examines to mask the text (at most 64 per byte of text); the tests use it to show that masking is linear in the length of the text, whatever it holds.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION maskeer_bsn(tekst text, zichtbaar boolean, soort text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT CASE WHEN NOT zichtbaar AND pg_catalog.lower(pg_catalog.btrim(soort)) = 'bsn' AND tekst <> '' THEN '*********'
	ELSE klantinteracties.maskeer_bsn(tekst, zichtbaar) END
$$;
COMMENT ON FUNCTION maskeer_bsn(text, boolean, text) IS 'A free identificator''s objectId: nine asterisks when its soort (codeSoortObjectId) is bsn and the caller may not see BSNs; otherwise maskeer_bsn(text, boolean).';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION maskeer_bsn(waarde jsonb, zichtbaar boolean) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'ki_maskeer_bsn_jsonb'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION maskeer_bsn(jsonb, boolean) IS 'A JSON value (klantcontact metadata, a klantbeeld document) with every BSN masked unless zichtbaar: in keys and strings by the rule of maskeer_bsn(text, boolean); a number whose text holds a BSN becomes the string of its masked text. The structure, other values and uuids stay.';

-- The klantbeeld document (52_klantbeeld.sql) with the masks of the REST
-- API applied: a secret partij is only its uuid and flag without the geheim
-- scope (what hangs under it row-level security already left out), a
-- vertrouwelijk klantcontact loses onderwerp, inhoud, reactie and metadata,
-- and without the bsn scope no BSN is left in the text.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION klantbeeld_gemaskeerd(document jsonb, geheim boolean, bsn boolean) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT klantinteracties.maskeer_bsn(
	CASE WHEN NOT geheim AND (document #>> '{partij,indicatieGeheimhouding}')::boolean THEN
		pg_catalog.jsonb_build_object('partij', pg_catalog.jsonb_build_object(
			'uuid', document #> '{partij,uuid}', 'indicatieGeheimhouding', true))
	WHEN NOT geheim THEN
		pg_catalog.jsonb_set(document, '{klantcontacten}', coalesce((
			SELECT pg_catalog.jsonb_agg(CASE WHEN (k ->> 'vertrouwelijk')::boolean
					THEN k || '{"onderwerp": "", "inhoud": "", "reactie": "", "metadata": {}}' ELSE k END ORDER BY n)
			  FROM pg_catalog.jsonb_array_elements(document -> 'klantcontacten') WITH ORDINALITY AS e(k, n)), '[]'))
	ELSE document END, bsn)
$$;
COMMENT ON FUNCTION klantbeeld_gemaskeerd(jsonb, boolean, boolean) IS 'A klantbeeld document as a caller may see it: without geheim a secret partij is only {"partij": {uuid, indicatieGeheimhouding}} and a vertrouwelijk klantcontact has no onderwerp, inhoud, reactie or metadata; without bsn every BSN in it is masked (maskeer_bsn).';
