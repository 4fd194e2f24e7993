-- Partij-identificator: the (register, objecttype, soort object-ID,
-- object-ID) that identifies a partij in the BRP or the Handelsregister,
-- with every rule of Open Klant 2.x's klantinteracties/models/validators.py as a constraint.

-- The allowed combinations (Open Klant's PartijIdentificatorTypesValidator), as two steps so that each
-- refusal names its step, as Open Klant's two messages do; CHECKs run in
-- name order, so the register step (objecttype_...) is reported first.
--
-- These three functions sit behind CHECKs and generated columns, so they
-- run for every row written.  They are written to be inlined by the
-- planner (a single SELECT expression, LANGUAGE sql, no SET clause, not
-- STRICT, as the body's AND, OR and CASE are not strict): an inlined
-- function costs nothing per row, one that is called costs an executor
-- start-up and a search_path switch.  An inlined body is parsed under the
-- caller's search_path, so every function, operator and type in it is
-- schema-qualified, which protects it as a pinned search_path would (test
-- identificatoren shows a caller's operator ignored).  They still give
-- NULL for a NULL argument: every value of the enums matches one of the
-- listed pairs on its side, so a NULL on the other side leaves NULL.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION register_past_bij_objecttype(code_register, code_objecttype) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT ($1 OPERATOR(pg_catalog.=) 'brp' AND $2 OPERATOR(pg_catalog.=) 'natuurlijk_persoon')
	OR ($1 OPERATOR(pg_catalog.=) 'hr' AND $2 OPERATOR(pg_catalog.=) 'niet_natuurlijk_persoon')
	OR ($1 OPERATOR(pg_catalog.=) 'hr' AND $2 OPERATOR(pg_catalog.=) 'vestiging')
$$;
COMMENT ON FUNCTION register_past_bij_objecttype(code_register, code_objecttype) IS 'True when the register allows the objecttype: brp only natuurlijk_persoon; hr niet_natuurlijk_persoon and vestiging. NULL for a NULL argument.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION objecttype_past_bij_soort_object_id(code_objecttype, code_soort_object_id) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT ($1 OPERATOR(pg_catalog.=) 'natuurlijk_persoon' AND $2 OPERATOR(pg_catalog.=) 'bsn')
	OR ($1 OPERATOR(pg_catalog.=) 'niet_natuurlijk_persoon' AND $2 OPERATOR(pg_catalog.=) 'rsin')
	OR ($1 OPERATOR(pg_catalog.=) 'niet_natuurlijk_persoon' AND $2 OPERATOR(pg_catalog.=) 'kvk_nummer')
	OR ($1 OPERATOR(pg_catalog.=) 'vestiging' AND $2 OPERATOR(pg_catalog.=) 'vestigingsnummer')
$$;
COMMENT ON FUNCTION objecttype_past_bij_soort_object_id(code_objecttype, code_soort_object_id) IS 'True when the objecttype allows the soort object-ID: natuurlijk_persoon only bsn; niet_natuurlijk_persoon rsin and kvk_nummer; vestiging only vestigingsnummer. NULL for a NULL argument.';

-- The one place where an objectId is parsed.  It returns NULL for a
-- combination or value that the table's CHECKs refuse, so that those
-- refusals, not a parse error of the wrong type, name the broken rule.
-- Inlined as the two above (and NULL for a NULL argument as well).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION identificator_sleutel(code_register, code_objecttype, code_soort_object_id, object_id text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT CASE WHEN klantinteracties.register_past_bij_objecttype($1, $2)
			 AND klantinteracties.objecttype_past_bij_soort_object_id($2, $3)
			 AND pg_catalog.btrim(object_id) OPERATOR(pg_catalog.<>) ''
	THEN CASE
		WHEN $3 OPERATOR(pg_catalog.=) 'bsn' THEN object_id::klantinteracties.bsn::pg_catalog.text
		WHEN $3 OPERATOR(pg_catalog.=) 'rsin' THEN object_id::klantinteracties.rsin::pg_catalog.text
		WHEN $3 OPERATOR(pg_catalog.=) 'kvk_nummer' THEN object_id::klantinteracties.kvk_nummer::pg_catalog.text
		WHEN $3 OPERATOR(pg_catalog.=) 'vestigingsnummer' THEN object_id::klantinteracties.vestigingsnummer::pg_catalog.text
	END END
$$;
COMMENT ON FUNCTION identificator_sleutel(code_register, code_objecttype, code_soort_object_id, text) IS 'Canonical text of a partij-identificator''s objectId, parsed by the type its soort names (bsn, rsin, kvk_nummer, vestigingsnummer); fails (22P02) on an invalid value, NULL for a disallowed combination, an empty objectId or a NULL argument.';

-- @ONCE
CREATE TABLE partij_identificator (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	identificeerde_partij uuid,
	andere_partij_identificator varchar(200) NOT NULL DEFAULT '',
	code_objecttype code_objecttype NOT NULL,
	code_soort_object_id code_soort_object_id NOT NULL,
	object_id varchar(200) NOT NULL,
	code_register code_register NOT NULL,
	sub_identificator_van uuid,
	object_id_sleutel text GENERATED ALWAYS AS
		(identificator_sleutel(code_register, code_objecttype, code_soort_object_id, object_id)) STORED,
	bsn bsn GENERATED ALWAYS AS (CASE WHEN code_soort_object_id = 'bsn'
		THEN identificator_sleutel(code_register, code_objecttype, code_soort_object_id, object_id)::bsn END) STORED,
	rsin rsin GENERATED ALWAYS AS (CASE WHEN code_soort_object_id = 'rsin'
		THEN identificator_sleutel(code_register, code_objecttype, code_soort_object_id, object_id)::rsin END) STORED,
	kvk_nummer kvk_nummer GENERATED ALWAYS AS (CASE WHEN code_soort_object_id = 'kvk_nummer'
		THEN identificator_sleutel(code_register, code_objecttype, code_soort_object_id, object_id)::kvk_nummer END) STORED,
	vestigingsnummer vestigingsnummer GENERATED ALWAYS AS (CASE WHEN code_soort_object_id = 'vestigingsnummer'
		THEN identificator_sleutel(code_register, code_objecttype, code_soort_object_id, object_id)::vestigingsnummer END) STORED,
	sub_identificator_van_soort code_soort_object_id GENERATED ALWAYS AS
		(CASE WHEN sub_identificator_van IS NOT NULL THEN 'kvk_nummer'::code_soort_object_id END) STORED,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT partij_identificator_pkey PRIMARY KEY (uuid),
	-- Target of sub_identificator_van: the parent's soort is part of the key.
	CONSTRAINT partij_identificator_uuid_soort_key UNIQUE (uuid, code_soort_object_id),
	CONSTRAINT partij_identificator_identificeerde_partij_fkey FOREIGN KEY (identificeerde_partij)
		REFERENCES partij (uuid) ON DELETE CASCADE,
	-- The parent must be a kvk_nummer; with NO ACTION a parent that has
	-- children can neither be deleted nor change soort (Open Klant's PROTECT
	-- and its codeSoortObjectId rule), also inside a cascading partij delete
	-- that leaves children of other partijen behind.
	CONSTRAINT partij_identificator_sub_identificator_van_is_kvk_nummer
		FOREIGN KEY (sub_identificator_van, sub_identificator_van_soort)
		REFERENCES partij_identificator (uuid, code_soort_object_id),
	CONSTRAINT partij_identificator_objecttype_toegestaan_in_register
		CHECK (register_past_bij_objecttype(code_register, code_objecttype)),
	CONSTRAINT partij_identificator_soort_object_id_toegestaan_bij_objecttype
		CHECK (objecttype_past_bij_soort_object_id(code_objecttype, code_soort_object_id)),
	CONSTRAINT partij_identificator_object_id_niet_leeg CHECK (btrim(object_id) <> ''),
	CONSTRAINT partij_identificator_vestigingsnummer_vereist_sub_identificator
		CHECK (code_soort_object_id <> 'vestigingsnummer' OR sub_identificator_van IS NOT NULL),
	-- A kvk_nummer has no parent; as parents are kvk_nummers, this also
	-- rules out identificators that are their own parent and longer cycles.
	CONSTRAINT partij_identificator_kvk_nummer_zonder_sub_identificator_van
		CHECK (code_soort_object_id <> 'kvk_nummer' OR sub_identificator_van IS NULL),
	CONSTRAINT partij_identificator_een_per_soort_per_partij UNIQUE (identificeerde_partij, code_soort_object_id)
);

-- Open Klant 2.4 rule 1 and 2: unique without a parent, unique per parent.
-- Register and objecttype follow from the soort, so (soort, value) is the
-- whole identity.
CREATE UNIQUE INDEX partij_identificator_uniek_zonder_sub_identificator_van
	ON partij_identificator (code_soort_object_id, object_id_sleutel) WHERE sub_identificator_van IS NULL;
CREATE UNIQUE INDEX partij_identificator_uniek_per_sub_identificator_van
	ON partij_identificator (sub_identificator_van, code_soort_object_id, object_id_sleutel) WHERE sub_identificator_van IS NOT NULL;
-- Lookup by (soort, value), with or without a parent: "which partij has BSN x".
CREATE INDEX partij_identificator_soort_waarde_idx
	ON partij_identificator (code_soort_object_id, object_id_sleutel, sub_identificator_van);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE partij_identificator ADD COLUMN geheim boolean NOT NULL DEFAULT false;
-- @END

COMMENT ON TABLE partij_identificator IS 'Partij-identificator (/partij-identificatoren): gegevens die een partij uniek identificeren in een basisregistratie (BRP, Handelsregister). Combinatie, waarde, uniciteit en sub-identificatoren worden door de database bewaakt.';
COMMENT ON COLUMN partij_identificator.geheim IS 'Kopie van de geheimhouding van de partij waaronder de rij hangt (door de database bijgehouden, alleen-lezen): waar, dan bestaat de rij alleen voor wie de scope geheim heeft.';
COMMENT ON COLUMN partij_identificator.uuid IS 'Unieke technische sleutel van de partij-identificator.';
COMMENT ON COLUMN partij_identificator.identificeerde_partij IS 'De partij die met deze identificator geïdentificeerd wordt (identificeerdePartij); hoogstens één identificator per soort object-ID per partij.';
COMMENT ON COLUMN partij_identificator.andere_partij_identificator IS 'Vrij tekstveld voor een identificator van een niet voorgedefinieerd objecttype, soort object-ID of register (hoogstens 200 tekens). Verouderd (deprecated) in de API.';
COMMENT ON COLUMN partij_identificator.code_objecttype IS 'Type object dat de identificator aanwijst (partijIdentificator.codeObjecttype): natuurlijk_persoon, niet_natuurlijk_persoon of vestiging.';
COMMENT ON COLUMN partij_identificator.code_soort_object_id IS 'Soort object-ID (partijIdentificator.codeSoortObjectId): bsn, rsin, kvk_nummer of vestigingsnummer; bepaalt hoe object_id gevalideerd wordt.';
COMMENT ON COLUMN partij_identificator.object_id IS 'Waarde van de identificator zoals aangeleverd (partijIdentificator.objectId, hoogstens 200 tekens); nooit leeg, geldig volgens het type van de soort object-ID.';
COMMENT ON COLUMN partij_identificator.code_register IS 'Register waarin het object voorkomt (partijIdentificator.codeRegister): brp of hr.';
COMMENT ON COLUMN partij_identificator.sub_identificator_van IS 'De identificator (altijd een kvk_nummer) waaronder deze identificator valt (subIdentificatorVan); verplicht voor een vestigingsnummer. Een identificator met sub-identificatoren kan niet verwijderd worden en niet van soort veranderen.';
COMMENT ON COLUMN partij_identificator.object_id_sleutel IS 'Canonieke tekst van object_id volgens het type van de soort (gegenereerd): de vorm waarop uniciteit en zoeken werken, zodat verschillende schrijfwijzen van één nummer samenvallen.';
COMMENT ON COLUMN partij_identificator.bsn IS 'object_id als bsn wanneer de soort object-ID bsn is (gegenereerd), anders NULL.';
COMMENT ON COLUMN partij_identificator.rsin IS 'object_id als rsin wanneer de soort object-ID rsin is (gegenereerd), anders NULL.';
COMMENT ON COLUMN partij_identificator.kvk_nummer IS 'object_id als kvk_nummer wanneer de soort object-ID kvk_nummer is (gegenereerd), anders NULL.';
COMMENT ON COLUMN partij_identificator.vestigingsnummer IS 'object_id als vestigingsnummer wanneer de soort object-ID vestigingsnummer is (gegenereerd), anders NULL.';
COMMENT ON COLUMN partij_identificator.sub_identificator_van_soort IS 'Altijd kvk_nummer wanneer sub_identificator_van gevuld is (gegenereerd); deel van de verwijzende sleutel die afdwingt dat de bovenliggende identificator een kvk_nummer is en blijft.';
