-- The REST API: schema klantinteracties_api, served by PostgREST.  It holds
-- only views (one per resource of the Klantinteracties API, named as the
-- resource path) and the functions PostgREST offers as /rpc/...; the data
-- stays in schema klantinteracties, which PostgREST never exposes.  This file
-- has the shared pieces: the base URL, references and gegevensgroepen as
-- JSON, and the error helpers of the write triggers.  docs/postgrest.md
-- describes the API; docs/compatibility.md where it differs from Open Klant.
--
-- Helpers that views call are SQL functions without SET search_path, so
-- that the planner can inline them into the views; they qualify every
-- object of this extension, and pg_catalog is searched first anyway.

-- @ONCE
CREATE SCHEMA klantinteracties_api;
-- @END
GRANT USAGE ON SCHEMA klantinteracties_api TO klantinteracties_lezer, klantinteracties_burger, klantinteracties_eigenaar;
COMMENT ON SCHEMA klantinteracties_api IS 'Klantinteracties API 0.9.0
Het register als REST-API (PostgREST): per resource een view met de JSON-velden van de Klantinteracties API als kolommen, schrijven via INSTEAD OF-triggers, en /rpc-functies voor wat geen resource is.';

-- Base URL ---------------------------------------------------------------

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_basis_url() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT pg_catalog.rtrim(CASE WHEN coalesce(pg_catalog.current_setting('klantinteracties.api_base_url', true), '') OPERATOR(pg_catalog.=) ''
		THEN 'http://localhost:3000' ELSE pg_catalog.current_setting('klantinteracties.api_base_url', true) END, '/')
$$;
COMMENT ON FUNCTION api_basis_url() IS 'Base URL of the REST API, without trailing slash: the setting klantinteracties.api_base_url (ALTER DATABASE ... SET, ALTER ROLE ... SET or postgresql.conf), default http://localhost:3000.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_url(pad text, id uuid) RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT klantinteracties.api_basis_url() OPERATOR(pg_catalog.||) '/' OPERATOR(pg_catalog.||) pad
	OPERATOR(pg_catalog.||) '/' OPERATOR(pg_catalog.||) id::pg_catalog.text
$$;
COMMENT ON FUNCTION api_url(text, uuid) IS 'Absolute URL of a resource: base URL, resource path (partijen, digitaleadressen, ...) and uuid, as Open Klant''s url fields.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_ref(pad text, id uuid) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT CASE WHEN id IS NOT NULL
	THEN pg_catalog.jsonb_build_object('uuid', id, 'url', klantinteracties.api_url(pad, id)) END
$$;
COMMENT ON FUNCTION api_ref(text, uuid) IS 'A reference as the API writes it: {"uuid", "url"}; NULL for no reference.';

-- Gegevensgroepen as JSON ------------------------------------------------
-- Open Klant always returns every key of a group, "" for an empty text;
-- typed values that are NULL here are "" there (huisnummer stays null).

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_adres(nummeraanduiding_id bag_id, straatnaam text, huisnummer integer,
						  huisnummertoevoeging text, postcode postcode, stad text,
						  adresregel1 text, adresregel2 text, adresregel3 text, land landcode) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT pg_catalog.jsonb_build_object(
	'nummeraanduidingId', coalesce(nummeraanduiding_id::pg_catalog.text, ''),
	'straatnaam', straatnaam,
	'huisnummer', huisnummer,
	'huisnummertoevoeging', huisnummertoevoeging,
	'postcode', coalesce(postcode::pg_catalog.text, ''),
	'stad', stad,
	'adresregel1', adresregel1,
	'adresregel2', adresregel2,
	'adresregel3', adresregel3,
	'land', coalesce(land::pg_catalog.text, ''))
$$;
COMMENT ON FUNCTION api_adres(bag_id, text, integer, text, postcode, text, text, text, text, landcode) IS 'An adres group (bezoekadres, correspondentieadres) as the API returns it: all ten keys, canonical postcode ("1234 AB"), nummeraanduidingId and land, "" for empty values.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_contactnaam(voorletters text, voornaam text, voorvoegsel_achternaam text, achternaam text) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT pg_catalog.jsonb_build_object('voorletters', coalesce(voorletters, ''), 'voornaam', coalesce(voornaam, ''),
	'voorvoegselAchternaam', coalesce(voorvoegsel_achternaam, ''), 'achternaam', coalesce(achternaam, ''))
$$;
COMMENT ON FUNCTION api_contactnaam(text, text, text, text) IS 'A contactnaam group as the API returns it: voorletters, voornaam, voorvoegselAchternaam, achternaam.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_objectidentificator(object_id text, code_objecttype text, code_register text, code_soort_object_id text) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT pg_catalog.jsonb_build_object('objectId', object_id, 'codeObjecttype', code_objecttype,
	'codeRegister', code_register, 'codeSoortObjectId', code_soort_object_id)
$$;
COMMENT ON FUNCTION api_objectidentificator(text, text, text, text) IS 'A free identificator group (onderwerpobjectidentificator, bijlageidentificator, actoridentificator) as the API returns it.';

-- Writing: reading values out of a request body --------------------------
-- The write triggers name the API field of every refusal.  They keep the
-- field they are working on in a variable; the handler of the trigger
-- passes it, with what PostgreSQL reported, to api_fout, which raises the
-- same error (same SQLSTATE, detail and hint) with the field in front of
-- the message: "bezoekadres.postcode: invalid input syntax for type
-- postcode ...".  A constraint violation is named by its constraint
-- (api_veld_van_beperking).  The triggers, the readers of the
-- gegevensgroepen and that map are generated from src/api/schrijven.api
-- (65_api_schrijven.sql); what follows here are the helpers they call.

-- @UPDATE 0.1.0
-- 0.1.0's hand-written write path: a helper per shared step, now generated
-- inline (static SQL) from the declaration.
DROP FUNCTION IF EXISTS klantinteracties.api_verwijderen(regclass, uuid);
DROP FUNCTION IF EXISTS klantinteracties.api_teksten_lezen(jsonb, text, text[], integer[]);
DROP FUNCTION IF EXISTS klantinteracties.api_partij_identificator_schrijven(jsonb, uuid, text);
-- @END

-- Raises the error that a write trigger caught, with the API field in front
-- of the message.  veld is the field the trigger was working on; NULL while
-- it writes its own row, where a violated constraint names its field, and
-- while it calls a reader that names the fields itself.  prefix places the
-- field in a nested object ("partijIdentificatoren.0.").  Without a field
-- the error goes on unchanged.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_fout(prefix text, veld text, sqlstate text, bericht text, detail text, hint text, beperking text)
	RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	naam text := coalesce(veld, klantinteracties.api_veld_van_beperking(beperking));
BEGIN
	IF naam IS NOT NULL THEN
		bericht := coalesce(prefix, '') || naam || ': ' || bericht;
	END IF;
	-- A CHECK violation's "Failing row contains (...)" lists every value of
	-- the row, a BSN or an address among them: not for an API answer.
	IF detail LIKE 'Failing row contains %' THEN
		detail := NULL;
	END IF;
	RAISE EXCEPTION USING ERRCODE = sqlstate, MESSAGE = bericht,
		DETAIL = coalesce(detail, ''), HINT = coalesce(hint, '');
END
$$;
COMMENT ON FUNCTION api_fout(text, text, text, text, text, text, text) IS 'Raises again an error caught by a REST API write trigger, with the same SQLSTATE, detail and hint, prefixed with the API field it concerns (from the field being written or the violated constraint).';

-- The readers below report what is wrong without the field; the trigger
-- adds it, as it adds it to PostgreSQL's own errors.

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_verplicht(waarde anyelement) RETURNS anyelement
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF waarde IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'this field is required';
	END IF;
	RETURN waarde;
END
$$;
COMMENT ON FUNCTION api_verplicht(anyelement) IS 'Returns the value; refuses NULL with 23502 (HTTP 400) "this field is required", as the API refuses a missing required field.';

-- A JSON value of a request body of the kinds given (jsonb_typeof), or
-- leeg for null or absent; anything else is refused with 22P02 "expected
-- <wat>".  Serves api_tekst, api_object and api_lijst.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_json_soort(waarde jsonb, soorten text[], leeg jsonb, wat text) RETURNS jsonb
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF waarde IS NULL OR jsonb_typeof(waarde) = 'null' THEN
		RETURN leeg;
	ELSIF jsonb_typeof(waarde) = ANY (soorten) THEN
		RETURN waarde;
	END IF;
	RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
		MESSAGE = 'expected ' || wat || ', got ' || jsonb_typeof(waarde),
		DETAIL = 'The value is ' || left(waarde::text, 100) || '.';
END
$$;
COMMENT ON FUNCTION api_json_soort(jsonb, text[], jsonb, text) IS 'A JSON value of a request body if jsonb_typeof is one of soorten, leeg for null or absent; otherwise 22P02 "expected <wat>, got <type>". Serves api_tekst, api_object and api_lijst.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_tekst(waarde jsonb) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$ SELECT klantinteracties.api_json_soort(waarde, '{string,number}', NULL, 'a string') #>> '{}' $$;
COMMENT ON FUNCTION api_tekst(jsonb) IS 'The text of a string or number of a request body (a number as its JSON text, as Open Klant''s CharField takes it), NULL for null or absent; refuses a boolean, object or array with 22P02.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_object(waarde jsonb) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$ SELECT klantinteracties.api_json_soort(waarde, '{object}', '{}', 'an object') $$;
COMMENT ON FUNCTION api_object(jsonb) IS 'A nested object (gegevensgroep) of a request body; {} for null or absent (an empty group, as Open Klant empties a group set to null); refuses other JSON with 22P02.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_lijst(waarde jsonb) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$ SELECT klantinteracties.api_json_soort(waarde, '{array}', '[]', 'a list') $$;
COMMENT ON FUNCTION api_lijst(jsonb) IS 'A list of a request body; [] for null or absent (as Open Klant treats null); refuses other JSON with 22P02.';

-- metadata of a klantcontact as Open Klant's DictField of CharFields takes
-- it: an object whose values are strings; a number becomes its text ("123"),
-- any other value is refused naming its key.
CREATE OR REPLACE FUNCTION api_metadata_lezen(waarde jsonb, naam text) RETURNS jsonb
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	k text;
	v jsonb;
BEGIN
	IF waarde IS NULL OR jsonb_typeof(waarde) = 'null' THEN
		RETURN '{}';
	ELSIF jsonb_typeof(waarde) <> 'object' THEN
		RETURN waarde;   -- the table's CHECK refuses it (klantcontact_metadata_is_object)
	END IF;
	-- One pass each, linear in the number of keys (the table's CHECK bounds
	-- them later; building the object key by key with || copied it for every
	-- key: 55 s for 20,000 keys before the bound refused them).
	SELECT e.key, e.value INTO k, v
	  FROM jsonb_each(waarde) WITH ORDINALITY AS e(key, value, nr)
	 WHERE jsonb_typeof(e.value) NOT IN ('string', 'number')
	 ORDER BY e.nr LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
			MESSAGE = naam || '.' || k || ': expected a string, got ' || jsonb_typeof(v),
			DETAIL = 'Every value of metadata is a string of at most 255 characters; a number is taken as its text.';
	END IF;
	RETURN coalesce((SELECT jsonb_object_agg(e.key, e.value #>> '{}') FROM jsonb_each(waarde) AS e), '{}');
END
$$;
COMMENT ON FUNCTION api_metadata_lezen(jsonb, text) IS 'Pure: metadata (field naam) of a request body as Open Klant takes it: {} for null or absent, string values kept, a number as its text ({"a": 123} -> {"a": "123"}); refuses another value (22P02) naming it (metadata.a: ...).';

-- A reference {"uuid": ...} of a request body, resolved: the uuid of an
-- existing row of the registry table.  A reference to nothing is refused
-- with 22023, which PostgREST answers with 400, as Open Klant answers
-- "Ongeldige hyperlink - Object bestaat niet" (a foreign-key violation
-- would be 409).  Only the uuid is read: url is read-only.
-- Kind: helper of the functions that run as the caller (invoker; only klantinteracties_eigenaar executes it).
CREATE OR REPLACE FUNCTION api_verwijzing(ref jsonb, tabel text) RETURNS uuid
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	id uuid;
	gevonden boolean;
BEGIN
	IF ref IS NULL OR jsonb_typeof(ref) = 'null' THEN
		RETURN NULL;
	ELSIF jsonb_typeof(ref) <> 'object' OR jsonb_typeof(ref -> 'uuid') IS DISTINCT FROM 'string' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
			MESSAGE = 'expected a reference {"uuid": "..."}',
			DETAIL = 'The value is ' || left(ref::text, 100) || '.';
	END IF;
	IF NOT (ref ->> 'uuid') ~* '^[{]?[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}[}]?$' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
			MESSAGE = 'invalid input syntax for type uuid: "' || (ref ->> 'uuid') || '"';
	END IF;
	id := (ref ->> 'uuid')::uuid;
	gevonden := CASE tabel
		WHEN 'partij' THEN EXISTS (SELECT FROM klantinteracties.partij WHERE uuid = id)
		WHEN 'partij_identificator' THEN EXISTS (SELECT FROM klantinteracties.partij_identificator WHERE uuid = id)
		WHEN 'digitaal_adres' THEN EXISTS (SELECT FROM klantinteracties.digitaal_adres WHERE uuid = id)
		WHEN 'rekeningnummer' THEN EXISTS (SELECT FROM klantinteracties.rekeningnummer WHERE uuid = id)
		WHEN 'categorie' THEN EXISTS (SELECT FROM klantinteracties.categorie WHERE uuid = id)
		WHEN 'klantcontact' THEN EXISTS (SELECT FROM klantinteracties.klantcontact WHERE uuid = id)
		WHEN 'betrokkene' THEN EXISTS (SELECT FROM klantinteracties.betrokkene WHERE uuid = id)
		WHEN 'actor' THEN EXISTS (SELECT FROM klantinteracties.actor WHERE uuid = id)
	END;
	IF gevonden IS NULL THEN
		RAISE EXCEPTION 'api_verwijzing: unknown table %', tabel;
	ELSIF NOT gevonden THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = 'no ' || replace(tabel, '_', ' ') || ' has uuid ' || id::text,
			HINT = 'A reference names an existing resource by its uuid.';
	END IF;
	RETURN id;
END
$$;
REVOKE ALL ON FUNCTION api_verwijzing(jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_verwijzing(jsonb, text) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION api_verwijzing(jsonb, text) IS 'Resolves a reference {"uuid": ...} of a request body to the uuid of an existing row of the given registry table; NULL for null; 22P02 for a malformed reference, 22023 (HTTP 400) for a uuid that names nothing.';

-- Kind: helper of the functions that run as the caller (invoker; only klantinteracties_eigenaar executes it).
CREATE OR REPLACE FUNCTION api_verwijzingen(refs jsonb, tabel text) RETURNS uuid[]
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	lijst jsonb := klantinteracties.api_lijst(refs);
	ids uuid[] := '{}';
	i integer;
	bericht text;
	staat text;
BEGIN
	FOR i IN 0 .. jsonb_array_length(lijst) - 1 LOOP
		BEGIN
			ids := ids || klantinteracties.api_verwijzing(lijst -> i, tabel);
		EXCEPTION WHEN invalid_text_representation OR invalid_parameter_value THEN
			GET STACKED DIAGNOSTICS staat = RETURNED_SQLSTATE, bericht = MESSAGE_TEXT;
			RAISE EXCEPTION USING ERRCODE = staat, MESSAGE = 'element ' || i || ': ' || bericht;
		END;
	END LOOP;
	RETURN ids;
END
$$;
REVOKE ALL ON FUNCTION api_verwijzingen(jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_verwijzingen(jsonb, text) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION api_verwijzingen(jsonb, text) IS 'Resolves a list of references [{"uuid": ...}, ...] of a request body to uuids of existing rows (api_verwijzing per element; a refusal names the element); [] for null.';
