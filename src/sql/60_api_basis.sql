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
COMMENT ON SCHEMA klantinteracties_api IS 'Klantinteracties API 0.9.0
Het register als REST-API (PostgREST): per resource een view met de JSON-velden van de Klantinteracties API als kolommen, schrijven via INSTEAD OF-triggers, en /rpc-functies voor wat geen resource is.';

-- Base URL ---------------------------------------------------------------

CREATE OR REPLACE FUNCTION api_basis_url() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$
SELECT pg_catalog.rtrim(coalesce(nullif(pg_catalog.current_setting('klantinteracties.api_base_url', true), ''),
								 'http://localhost:3000'), '/')
$$;
COMMENT ON FUNCTION api_basis_url() IS 'Base URL of the REST API, without trailing slash: the setting klantinteracties.api_base_url (ALTER DATABASE ... SET, ALTER ROLE ... SET or postgresql.conf), default http://localhost:3000.';

CREATE OR REPLACE FUNCTION api_url(pad text, id uuid) RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$
SELECT klantinteracties.api_basis_url() || '/' || pad || '/' || id::text
$$;
COMMENT ON FUNCTION api_url(text, uuid) IS 'Absolute URL of a resource: base URL, resource path (partijen, digitaleadressen, ...) and uuid, as Open Klant''s url fields.';

CREATE OR REPLACE FUNCTION api_ref(pad text, id uuid) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$
SELECT CASE WHEN id IS NOT NULL
	THEN pg_catalog.jsonb_build_object('uuid', id, 'url', klantinteracties.api_url(pad, id)) END
$$;
COMMENT ON FUNCTION api_ref(text, uuid) IS 'A reference as the API writes it: {"uuid", "url"}; NULL for no reference.';

-- Gegevensgroepen as JSON ------------------------------------------------
-- Open Klant always returns every key of a group, "" for an empty text;
-- typed values that are NULL here are "" there (huisnummer stays null).

CREATE OR REPLACE FUNCTION api_adres(nummeraanduiding_id bag_id, straatnaam text, huisnummer integer,
						  huisnummertoevoeging text, postcode postcode, stad text,
						  adresregel1 text, adresregel2 text, adresregel3 text, land landcode) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$
SELECT pg_catalog.jsonb_build_object(
	'nummeraanduidingId', coalesce(nummeraanduiding_id::text, ''),
	'straatnaam', straatnaam,
	'huisnummer', huisnummer,
	'huisnummertoevoeging', huisnummertoevoeging,
	'postcode', coalesce(postcode::text, ''),
	'stad', stad,
	'adresregel1', adresregel1,
	'adresregel2', adresregel2,
	'adresregel3', adresregel3,
	'land', coalesce(land::text, ''))
$$;
COMMENT ON FUNCTION api_adres(bag_id, text, integer, text, postcode, text, text, text, text, landcode) IS 'An adres group (bezoekadres, correspondentieadres) as the API returns it: all ten keys, canonical postcode ("1234 AB"), nummeraanduidingId and land, "" for empty values.';

CREATE OR REPLACE FUNCTION api_contactnaam(voorletters text, voornaam text, voorvoegsel_achternaam text, achternaam text) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$
SELECT pg_catalog.jsonb_build_object('voorletters', coalesce(voorletters, ''), 'voornaam', coalesce(voornaam, ''),
	'voorvoegselAchternaam', coalesce(voorvoegsel_achternaam, ''), 'achternaam', coalesce(achternaam, ''))
$$;
COMMENT ON FUNCTION api_contactnaam(text, text, text, text) IS 'A contactnaam group as the API returns it: voorletters, voornaam, voorvoegselAchternaam, achternaam.';

CREATE OR REPLACE FUNCTION api_objectidentificator(object_id text, code_objecttype text, code_register text, code_soort_object_id text) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
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
-- postcode ...".  A constraint violation is named by its constraint.

CREATE OR REPLACE FUNCTION api_veld_van_beperking(beperking text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$
SELECT CASE beperking
	WHEN 'partij_pkey' THEN 'uuid'
	WHEN 'partij_nummer_uniek' THEN 'nummer'
	WHEN 'partij_nummer_is_geheel_getal' THEN 'nummer'
	WHEN 'partij_bezoekadres_huisnummer_1_tot_99999' THEN 'bezoekadres.huisnummer'
	WHEN 'partij_correspondentieadres_huisnummer_1_tot_99999' THEN 'correspondentieadres.huisnummer'
	WHEN 'persoon_partij_is_van_deze_soort' THEN 'soortPartij'
	WHEN 'organisatie_partij_is_van_deze_soort' THEN 'soortPartij'
	WHEN 'contactpersoon_partij_is_van_deze_soort' THEN 'soortPartij'
	WHEN 'contactpersoon_uuid_key' THEN 'partijIdentificatie.uuid'
	WHEN 'contactpersoon_werkte_voor_organisatie' THEN 'partijIdentificatie.werkteVoorPartij'
	WHEN 'vertegenwoordiging_pkey' THEN 'uuid'
	WHEN 'vertegenwoordiging_paar_uniek' THEN 'vertegenwoordigdePartij'
	WHEN 'vertegenwoordiging_niet_zichzelf' THEN 'vertegenwoordigdePartij'
	WHEN 'vertegenwoordiging_vertegenwoordigende_partij_fkey' THEN 'vertegenwoordigendePartij'
	WHEN 'vertegenwoordiging_vertegenwoordigde_partij_fkey' THEN 'vertegenwoordigdePartij'
	WHEN 'categorie_pkey' THEN 'uuid'
	WHEN 'categorie_relatie_pkey' THEN 'uuid'
	WHEN 'categorie_relatie_begin_niet_na_eind' THEN 'eindDatum'
	WHEN 'categorie_relatie_partij_fkey' THEN 'partij'
	WHEN 'categorie_relatie_categorie_fkey' THEN 'categorie'
	WHEN 'partij_identificator_pkey' THEN 'uuid'
	WHEN 'partij_identificator_identificeerde_partij_fkey' THEN 'identificeerdePartij'
	WHEN 'partij_identificator_objecttype_toegestaan_in_register' THEN 'partijIdentificator.codeObjecttype'
	WHEN 'partij_identificator_soort_object_id_toegestaan_bij_objecttype' THEN 'partijIdentificator.codeSoortObjectId'
	WHEN 'partij_identificator_object_id_niet_leeg' THEN 'partijIdentificator.objectId'
	WHEN 'partij_identificator_uniek_zonder_sub_identificator_van' THEN 'partijIdentificator'
	WHEN 'partij_identificator_uniek_per_sub_identificator_van' THEN 'partijIdentificator'
	WHEN 'partij_identificator_een_per_soort_per_partij' THEN 'partijIdentificator.codeSoortObjectId'
	WHEN 'partij_identificator_vestigingsnummer_vereist_sub_identificator' THEN 'subIdentificatorVan'
	WHEN 'partij_identificator_kvk_nummer_zonder_sub_identificator_van' THEN 'subIdentificatorVan'
	WHEN 'partij_identificator_sub_identificator_van_is_kvk_nummer' THEN 'subIdentificatorVan'
	WHEN 'digitaal_adres_pkey' THEN 'uuid'
	WHEN 'digitaal_adres_adres_niet_leeg' THEN 'adres'
	WHEN 'digitaal_adres_uniek_per_partij_en_soort' THEN 'adres'
	WHEN 'digitaal_adres_telefoonnummer_geen_0800_of_090x' THEN 'adres'
	WHEN 'digitaal_adres_referentie_is_slug' THEN 'referentie'
	WHEN 'digitaal_adres_referentie_uniek_per_partij_en_soort' THEN 'referentie'
	WHEN 'digitaal_adres_standaardadres_vereist_partij' THEN 'isStandaardAdres'
	WHEN 'digitaal_adres_een_standaardadres_per_partij_en_soort' THEN 'isStandaardAdres'
	WHEN 'digitaal_adres_voorkeursadres_vereist_partij' THEN 'verstrektDoorPartij'
	WHEN 'digitaal_adres_een_voorkeursadres_per_partij' THEN 'verstrektDoorPartij'
	WHEN 'digitaal_adres_verstrekt_door_partij_fkey' THEN 'verstrektDoorPartij'
	WHEN 'digitaal_adres_verstrekt_door_betrokkene_fkey' THEN 'verstrektDoorBetrokkene'
	WHEN 'rekeningnummer_pkey' THEN 'uuid'
	WHEN 'rekeningnummer_partij_fkey' THEN 'partij'
	WHEN 'rekeningnummer_voorkeursrekeningnummer_vereist_partij' THEN 'partij'
	WHEN 'rekeningnummer_een_voorkeursrekeningnummer_per_partij' THEN 'partij'
	WHEN 'klantcontact_pkey' THEN 'uuid'
	WHEN 'klantcontact_nummer_uniek' THEN 'nummer'
	WHEN 'klantcontact_nummer_is_geheel_getal' THEN 'nummer'
	WHEN 'klantcontact_referentienummer_uniek' THEN 'referentienummer'
	WHEN 'klantcontact_referentienummer_is_geheel_getal' THEN 'referentienummer'
	WHEN 'klantcontact_kanaal_niet_leeg' THEN 'kanaal'
	WHEN 'klantcontact_onderwerp_niet_leeg' THEN 'onderwerp'
	WHEN 'klantcontact_taal_niet_leeg' THEN 'taal'
	WHEN 'klantcontact_hoofd_onderwerp_type_is_url' THEN 'hoofdOnderwerpType'
	WHEN 'klantcontact_geen_verdere_actie_als_contact_gelukt' THEN 'verdereActieOndernomen'
	WHEN 'klantcontact_metadata_is_object' THEN 'metadata'
	WHEN 'klantcontact_metadata_waarden_tekst_max_255' THEN 'metadata'
	WHEN 'betrokkene_pkey' THEN 'uuid'
	WHEN 'betrokkene_was_partij_fkey' THEN 'wasPartij'
	WHEN 'betrokkene_had_klantcontact_fkey' THEN 'hadKlantcontact'
	WHEN 'betrokkene_bezoekadres_huisnummer_1_tot_99999' THEN 'bezoekadres.huisnummer'
	WHEN 'betrokkene_correspondentieadres_huisnummer_1_tot_99999' THEN 'correspondentieadres.huisnummer'
	WHEN 'onderwerpobject_pkey' THEN 'uuid'
	WHEN 'onderwerpobject_klantcontact_fkey' THEN 'klantcontact'
	WHEN 'onderwerpobject_was_klantcontact_fkey' THEN 'wasKlantcontact'
	WHEN 'bijlage_pkey' THEN 'uuid'
	WHEN 'bijlage_was_bijlage_van_klantcontact_fkey' THEN 'wasBijlageVanKlantcontact'
	WHEN 'actor_pkey' THEN 'uuid'
	WHEN 'actor_naam_niet_leeg' THEN 'naam'
	WHEN 'medewerker_actor_is_van_deze_soort' THEN 'soortActor'
	WHEN 'geautomatiseerde_actor_actor_is_van_deze_soort' THEN 'soortActor'
	WHEN 'organisatorische_eenheid_actor_is_van_deze_soort' THEN 'soortActor'
	WHEN 'medewerker_functie_niet_leeg' THEN 'actorIdentificatie.functie'
	WHEN 'geautomatiseerde_actor_functie_niet_leeg' THEN 'actorIdentificatie.functie'
	WHEN 'actor_klantcontact_pkey' THEN 'uuid'
	WHEN 'actor_klantcontact_paar_uniek' THEN 'klantcontact'
	WHEN 'actor_klantcontact_actor_fkey' THEN 'actor'
	WHEN 'actor_klantcontact_klantcontact_fkey' THEN 'klantcontact'
	WHEN 'interne_taak_pkey' THEN 'uuid'
	WHEN 'interne_taak_nummer_uniek' THEN 'nummer'
	WHEN 'interne_taak_nummer_is_geheel_getal' THEN 'nummer'
	WHEN 'interne_taak_referentienummer_uniek' THEN 'referentienummer'
	WHEN 'interne_taak_referentienummer_is_geheel_getal' THEN 'referentienummer'
	WHEN 'interne_taak_gevraagde_handeling_niet_leeg' THEN 'gevraagdeHandeling'
	WHEN 'interne_taak_afgehandeld_op_alleen_bij_verwerkt' THEN 'afgehandeldOp'
	WHEN 'interne_taak_aanleidinggevend_klantcontact_fkey' THEN 'aanleidinggevendKlantcontact'
	WHEN 'interne_taak_actor_pkey' THEN 'toegewezenAanActoren'
	WHEN 'interne_taak_actor_actor_fkey' THEN 'toegewezenAanActoren'
END
$$;
COMMENT ON FUNCTION api_veld_van_beperking(text) IS 'The API field (path within its resource) that a constraint of the registry tables guards, for naming it in refusals of the REST API; NULL for a constraint the API cannot break.';

-- Raises the error that a write trigger caught, with the API field in front
-- of the message.  veld is the field the trigger was working on; NULL while
-- it writes its own row, where a violated constraint names its field, and
-- while it calls a reader that names the fields itself.  prefix places the
-- field in a nested object ("partijIdentificatoren.0.").  Without a field
-- the error goes on unchanged.
CREATE OR REPLACE FUNCTION api_fout(prefix text, veld text, sqlstate text, bericht text, detail text, hint text, beperking text)
	RETURNS void
	LANGUAGE plpgsql VOLATILE
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

-- DELETE of an API resource: its row of the registry table.  False when
-- row-level security kept the row (nothing was deleted): the INSTEAD OF
-- triggers then report it as not deleted, as row-level security does on a
-- table.  They run as the views' owner, and so does this.
CREATE OR REPLACE FUNCTION api_verwijderen(tabel regclass, id uuid) RETURNS boolean
	LANGUAGE plpgsql VOLATILE STRICT
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	verwijderd bigint;
BEGIN
	EXECUTE format('DELETE FROM %s WHERE uuid = $1', tabel) USING id;
	GET DIAGNOSTICS verwijderd = ROW_COUNT;
	RETURN verwijderd > 0;
END
$$;
COMMENT ON FUNCTION api_verwijderen(regclass, uuid) IS 'Deletes the row with this uuid from a registry table for an INSTEAD OF trigger of the API; false when row-level security kept it. Only for the views'' owner.';
REVOKE EXECUTE ON FUNCTION api_verwijderen(regclass, uuid) FROM PUBLIC;

-- The readers below report what is wrong without the field; the trigger
-- adds it, as it adds it to PostgreSQL's own errors.

CREATE OR REPLACE FUNCTION api_verplicht(waarde anyelement) RETURNS anyelement
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
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
CREATE OR REPLACE FUNCTION api_json_soort(waarde jsonb, soorten text[], leeg jsonb, wat text) RETURNS jsonb
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
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

CREATE OR REPLACE FUNCTION api_tekst(waarde jsonb) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$ SELECT klantinteracties.api_json_soort(waarde, '{string,number,boolean}', NULL, 'a string') #>> '{}' $$;
COMMENT ON FUNCTION api_tekst(jsonb) IS 'The text of a scalar JSON value of a request body (a number or boolean as its JSON text), NULL for null or absent; refuses an object or array with 22P02.';

CREATE OR REPLACE FUNCTION api_object(waarde jsonb) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$ SELECT klantinteracties.api_json_soort(waarde, '{object}', '{}', 'an object') $$;
COMMENT ON FUNCTION api_object(jsonb) IS 'A nested object (gegevensgroep) of a request body; {} for null or absent (an empty group, as Open Klant empties a group set to null); refuses other JSON with 22P02.';

CREATE OR REPLACE FUNCTION api_lijst(waarde jsonb) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$ SELECT klantinteracties.api_json_soort(waarde, '{array}', '[]', 'a list') $$;
COMMENT ON FUNCTION api_lijst(jsonb) IS 'A list of a request body; [] for null or absent (as Open Klant treats null); refuses other JSON with 22P02.';

-- A reference {"uuid": ...} of a request body, resolved: the uuid of an
-- existing row of the registry table.  A reference to nothing is refused
-- with 22023, which PostgREST answers with 400, as Open Klant answers
-- "Ongeldige hyperlink - Object bestaat niet" (a foreign-key violation
-- would be 409).  Only the uuid is read: url is read-only.
CREATE OR REPLACE FUNCTION api_verwijzing(ref jsonb, tabel text) RETURNS uuid
	LANGUAGE plpgsql STABLE PARALLEL SAFE
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
	IF NOT (ref ->> 'uuid') ~* '^\{?[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}\}?$' THEN
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
COMMENT ON FUNCTION api_verwijzing(jsonb, text) IS 'Resolves a reference {"uuid": ...} of a request body to the uuid of an existing row of the given registry table; NULL for null; 22P02 for a malformed reference, 22023 (HTTP 400) for a uuid that names nothing.';

CREATE OR REPLACE FUNCTION api_verwijzingen(refs jsonb, tabel text) RETURNS uuid[]
	LANGUAGE plpgsql STABLE PARALLEL SAFE
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
COMMENT ON FUNCTION api_verwijzingen(jsonb, text) IS 'Resolves a list of references [{"uuid": ...}, ...] of a request body to uuids of existing rows (api_verwijzing per element; a refusal names the element); [] for null.';

-- Gegevensgroepen read from a request body, typed as the registry columns;
-- each reader names the field (group.key) of what it refuses.  Keys that
-- are absent are empty: a group is written whole, as Open Klant does.

-- @ONCE
CREATE TYPE api_adres AS (
	nummeraanduiding_id bag_id,
	straatnaam varchar(255),
	huisnummer integer,
	huisnummertoevoeging varchar(20),
	postcode postcode,
	stad varchar(255),
	adresregel1 varchar(80),
	adresregel2 varchar(80),
	adresregel3 varchar(80),
	land landcode
);
-- @END
COMMENT ON TYPE api_adres IS 'An adres group (bezoekadres, correspondentieadres) of a request body, typed as the bezoekadres_* / correspondentieadres_* columns, in their order.';

CREATE OR REPLACE FUNCTION api_adres_lezen(groep jsonb, naam text) RETURNS api_adres
	LANGUAGE plpgsql IMMUTABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	g jsonb;
	a klantinteracties.api_adres;
	veld text;
	f_staat text; f_bericht text; f_detail text; f_hint text;
BEGIN
	g := klantinteracties.api_object(groep);
	veld := 'nummeraanduidingId'; a.nummeraanduiding_id := nullif(klantinteracties.api_tekst(g -> veld), '');
	veld := 'straatnaam'; a.straatnaam := coalesce(klantinteracties.api_tekst(g -> veld), '');
	veld := 'huisnummer'; a.huisnummer := nullif(klantinteracties.api_tekst(g -> veld), '');
	veld := 'huisnummertoevoeging'; a.huisnummertoevoeging := coalesce(klantinteracties.api_tekst(g -> veld), '');
	veld := 'postcode'; a.postcode := nullif(klantinteracties.api_tekst(g -> veld), '');
	veld := 'stad'; a.stad := coalesce(klantinteracties.api_tekst(g -> veld), '');
	veld := 'adresregel1'; a.adresregel1 := coalesce(klantinteracties.api_tekst(g -> veld), '');
	veld := 'adresregel2'; a.adresregel2 := coalesce(klantinteracties.api_tekst(g -> veld), '');
	veld := 'adresregel3'; a.adresregel3 := coalesce(klantinteracties.api_tekst(g -> veld), '');
	veld := 'land'; a.land := nullif(klantinteracties.api_tekst(g -> veld), '');
	RETURN a;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
		f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT;
	PERFORM klantinteracties.api_fout(naam || CASE WHEN g IS NULL THEN '' ELSE '.' END,
		CASE WHEN g IS NULL THEN '' ELSE veld END, f_staat, f_bericht, f_detail, f_hint, NULL);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION api_adres_lezen(jsonb, text) IS 'Reads an adres group of a request body into typed values (postcode, bag_id, landcode parsed); refuses a wrong value naming it (bezoekadres.postcode: ...).';

-- @ONCE
CREATE TYPE api_contactnaam AS (
	voorletters varchar(10),
	voornaam varchar(200),
	voorvoegsel_achternaam varchar(10),
	achternaam varchar(200)
);
-- @END
COMMENT ON TYPE api_contactnaam IS 'A contactnaam group of a request body, typed as the contactnaam_* columns, in their order.';

-- The texts of a group of a request body, by key, each at most its length;
-- a wrong value is refused naming the group and the key (contactnaam.voornaam:
-- ...), with the message a varchar column would give.
CREATE OR REPLACE FUNCTION api_teksten_lezen(groep jsonb, naam text, velden text[], lengtes integer[]) RETURNS text[]
	LANGUAGE plpgsql IMMUTABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	g jsonb;
	t text[] := '{}';
	veld text;
	f_staat text; f_bericht text; f_detail text; f_hint text;
BEGIN
	g := klantinteracties.api_object(groep);
	FOR i IN 1 .. array_length(velden, 1) LOOP
		veld := velden[i];
		t[i] := coalesce(klantinteracties.api_tekst(g -> veld), '');
		IF length(t[i]) > lengtes[i] THEN
			RAISE EXCEPTION 'value too long for type character varying(%)', lengtes[i]
				USING ERRCODE = 'string_data_right_truncation';
		END IF;
	END LOOP;
	RETURN t;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
		f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT;
	PERFORM klantinteracties.api_fout(naam || CASE WHEN g IS NULL THEN '' ELSE '.' END,
		CASE WHEN g IS NULL THEN '' ELSE veld END, f_staat, f_bericht, f_detail, f_hint, NULL);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION api_teksten_lezen(jsonb, text, text[], integer[]) IS 'Reads the texts of a group of a request body by key, each at most its length; refuses a wrong value naming the group and key. Serves api_contactnaam_lezen and api_objectidentificator_lezen.';

CREATE OR REPLACE FUNCTION api_contactnaam_lezen(groep jsonb, naam text) RETURNS api_contactnaam
	LANGUAGE sql IMMUTABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT ROW(t[1], t[2], t[3], t[4])::klantinteracties.api_contactnaam
  FROM klantinteracties.api_teksten_lezen(groep, naam,
	ARRAY['voorletters', 'voornaam', 'voorvoegselAchternaam', 'achternaam'], ARRAY[10, 200, 10, 200]) AS t
$$;
COMMENT ON FUNCTION api_contactnaam_lezen(jsonb, text) IS 'Reads a contactnaam group of a request body; refuses a wrong value naming it (contactnaam.voornaam: ...).';

-- @ONCE
CREATE TYPE api_objectidentificator AS (
	object_id varchar(200),
	code_objecttype varchar(200),
	code_register varchar(200),
	code_soort_object_id varchar(200)
);
-- @END
COMMENT ON TYPE api_objectidentificator IS 'A free identificator group (onderwerpobjectidentificator, bijlageidentificator, actoridentificator) of a request body, typed as the *identificator_* columns, in their order.';

CREATE OR REPLACE FUNCTION api_objectidentificator_lezen(groep jsonb, naam text) RETURNS api_objectidentificator
	LANGUAGE sql IMMUTABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT ROW(t[1], t[2], t[3], t[4])::klantinteracties.api_objectidentificator
  FROM klantinteracties.api_teksten_lezen(groep, naam,
	ARRAY['objectId', 'codeObjecttype', 'codeRegister', 'codeSoortObjectId'], ARRAY[200, 200, 200, 200]) AS t
$$;
COMMENT ON FUNCTION api_objectidentificator_lezen(jsonb, text) IS 'Reads a free identificator group of a request body (four texts of at most 200 characters); refuses a wrong value naming it.';
