-- The registry data model (Klantinteracties API 0.9.0 as Open Klant serves
-- it): shared enumerations, the registration-timestamp trigger and small
-- pure helpers used by the tables in 41..45.  docs/datamodel.md describes
-- the model; docs/compat/datamodel.md where and why it differs from Open
-- Klant.
--
-- Conventions of every table: the resource key is "uuid" (gen_random_uuid());
-- references hold the uuid of the referenced row and are named after the API
-- relation (verstrekt_door_partij, had_klantcontact, ...); optional text is
-- '' rather than NULL (the API returns ""), optional typed values are NULL;
-- geregistreerd_op / gewijzigd_op are kept by the database.

-- @ONCE
CREATE TYPE soort_partij AS ENUM ('persoon', 'organisatie', 'contactpersoon');
-- @END
COMMENT ON TYPE soort_partij IS 'Soort partij (soortPartij): persoon, organisatie of contactpersoon.';

-- @ONCE
CREATE TYPE soort_digitaal_adres AS ENUM ('email', 'telefoonnummer', 'overig');
-- @END
COMMENT ON TYPE soort_digitaal_adres IS 'Soort digitaal adres (soortDigitaalAdres): email, telefoonnummer of overig.';

-- @ONCE
CREATE TYPE code_register AS ENUM ('brp', 'hr');
-- @END
COMMENT ON TYPE code_register IS 'Register van een partij-identificator (codeRegister): brp (Basisregistratie Personen) of hr (Handelsregister).';

-- @ONCE
CREATE TYPE code_objecttype AS ENUM ('natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging');
-- @END
COMMENT ON TYPE code_objecttype IS 'Objecttype van een partij-identificator (codeObjecttype).';

-- @ONCE
CREATE TYPE code_soort_object_id AS ENUM ('bsn', 'vestigingsnummer', 'kvk_nummer', 'rsin');
-- @END
COMMENT ON TYPE code_soort_object_id IS 'Soort object-ID van een partij-identificator (codeSoortObjectId): bepaalt het type van objectId.';

-- @ONCE
CREATE TYPE klantcontactrol AS ENUM ('vertegenwoordiger', 'klant');
-- @END
COMMENT ON TYPE klantcontactrol IS 'Rol van een betrokkene bij een klantcontact (rol): klant (belanghebbende) of vertegenwoordiger (trad op namens een ander).';

-- @ONCE
CREATE TYPE taakstatus AS ENUM ('te_verwerken', 'verwerkt');
-- @END
COMMENT ON TYPE taakstatus IS 'Status van een interne taak: te_verwerken (toegewezen, nog niets gedaan) of verwerkt (de toegewezen actor heeft gehandeld).';

-- @ONCE
CREATE TYPE soort_actor AS ENUM ('medewerker', 'geautomatiseerde_actor', 'organisatorische_eenheid');
-- @END
COMMENT ON TYPE soort_actor IS 'Soort actor (soortActor): medewerker, geautomatiseerde_actor of organisatorische_eenheid.';

-- geregistreerd_op and gewijzigd_op default to now() on insert; supplied
-- values are kept there, so migrated rows and pg_dump restores (whose COPY
-- fires this trigger too) keep their history.  On update the database alone
-- decides.
-- Kind: pure trigger function (invoker: fires as the writer; nobody calls it directly).
CREATE OR REPLACE FUNCTION registratie_bijwerken() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	NEW.geregistreerd_op := OLD.geregistreerd_op;
	NEW.gewijzigd_op := now();
	RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION registratie_bijwerken() FROM PUBLIC;
COMMENT ON FUNCTION registratie_bijwerken() IS 'Trigger function (BEFORE UPDATE, every registry table): keeps geregistreerd_op and sets gewijzigd_op to the transaction time.';

-- "Voornaam voorvoegsel achternaam" without the empty parts, as Open Klant's
-- volledigeNaam.  concat_ws is only STABLE, so the generated columns need
-- this IMMUTABLE spelling.  Written to be inlined, as identificator_sleutel
-- (42): every name schema-qualified instead of a SET clause.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION volledige_naam(voornaam text, voorvoegsel_achternaam text, achternaam text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT pg_catalog.ltrim(
	CASE WHEN coalesce(voornaam, '') OPERATOR(pg_catalog.=) '' THEN '' ELSE voornaam END OPERATOR(pg_catalog.||)
	CASE WHEN coalesce(voorvoegsel_achternaam, '') OPERATOR(pg_catalog.=) '' THEN ''
		 ELSE ' ' OPERATOR(pg_catalog.||) voorvoegsel_achternaam END OPERATOR(pg_catalog.||)
	CASE WHEN coalesce(achternaam, '') OPERATOR(pg_catalog.=) '' THEN '' ELSE ' ' OPERATOR(pg_catalog.||) achternaam END, ' ')
$$;
COMMENT ON FUNCTION volledige_naam(text, text, text) IS 'Volledige naam (volledigeNaam): voornaam, voorvoegsel en achternaam met enkele spaties, lege delen overgeslagen; voorletters tellen niet mee.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION metadata_waarden_geldig(metadata jsonb) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT jsonb_typeof(metadata) <> 'object'
	OR NOT EXISTS (SELECT FROM jsonb_each(metadata) AS e(sleutel, waarde)
				   WHERE jsonb_typeof(e.waarde) <> 'string'
					  OR char_length(e.waarde #>> '{}') > 255)
$$;
COMMENT ON FUNCTION metadata_waarden_geldig(jsonb) IS 'True when every value of a JSON object is a string of at most 255 characters (Open Klant''s metadata rule); true for non-objects, which a separate check refuses.';

-- Bounds on klantcontact.metadata beyond Open Klant's (issue 12 finding 7:
-- a writer stored 20,000 BSN-like numbers in one value): at most 100 keys,
-- each at most 255 characters as the values are, so at most 51,000
-- characters in all.  Raises the constraint's error itself, with what is
-- wrong in the detail; true otherwise.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION metadata_begrensd(metadata jsonb) RETURNS boolean
	LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	sleutels bigint;
	langste integer;
BEGIN
	IF jsonb_typeof(metadata) <> 'object' THEN
		RETURN true;
	END IF;
	SELECT count(*), max(char_length(k)) INTO sleutels, langste FROM jsonb_object_keys(metadata) AS k;
	IF sleutels > 100 OR langste > 255 THEN
		RAISE EXCEPTION 'new row for relation "klantcontact" violates check constraint "klantcontact_metadata_begrensd"'
			USING ERRCODE = 'check_violation', SCHEMA = 'klantinteracties', TABLE = 'klantcontact', COLUMN = 'metadata',
				  CONSTRAINT = 'klantcontact_metadata_begrensd',
				  DETAIL = CASE WHEN sleutels > 100
					  THEN format('metadata has %s keys; at most 100 are allowed.', sleutels)
					  ELSE format('A key of metadata has %s characters; at most 255 are allowed.', langste) END;
	END IF;
	RETURN true;
END
$$;
COMMENT ON FUNCTION metadata_begrensd(jsonb) IS 'For the check klantcontact_metadata_begrensd: true when a JSON object has at most 100 keys of at most 255 characters each (and for non-objects, which another check refuses); otherwise raises the constraint''s violation (23514) saying which bound.';
