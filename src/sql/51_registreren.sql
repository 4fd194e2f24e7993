-- Registering a klant: the standard's pattern "look the klant up by its
-- identifier; absent: register; present: supplement and read"
-- (VNG Klantinteracties, "klant identificeren") as one call, registreer_partij(identifier, ...), that
-- returns the partij's uuid.
--
-- Why it is race-free under READ COMMITTED (docs/klantbeeld.md has the long
-- form).  Uniqueness of an identificator is a unique index on
-- (soort, canonical value) (per parent for a vestigingsnummer), so the index
-- decides who registers first, not a lookup:
--  1. Look the identificator up.  Found: done.
--  2. Not found: insert identificator, partij and detail row in ONE statement,
--     the identificator first with ON CONFLICT DO NOTHING, the partij only
--     from the identificator's RETURNING.  A concurrent registration of the
--     same value makes the insert wait on the other transaction (speculative
--     insertion); if that one commits, ours does nothing and inserts no
--     partij either, so there is never an orphan partij and never an error.
--     The foreign key identificator -> partij is checked at the end of the
--     statement, when both rows exist.
--  3. Nothing inserted: loop to step 1.  Each statement of a VOLATILE
--     PL/pgSQL function takes a new snapshot under READ COMMITTED, so the
--     lookup now sees the winner's committed row.  The loop only repeats
--     while other transactions keep committing and deleting the same value,
--     as PostgreSQL's own INSERT ... ON CONFLICT DO UPDATE retries.
-- Under REPEATABLE READ or SERIALIZABLE the snapshot is fixed: step 2 then
-- raises a serialization failure (40001) instead of looping, which a client
-- at those levels must retry anyway.
--
-- The alternative, an advisory lock on a hash of the identifier, was not
-- taken: it is held to the end of the caller's transaction, and a bulk
-- import that registers many new identifiers in one transaction would fill
-- the shared lock table (max_locks_per_transaction).

-- Register and objecttype follow from the soort (42_identificatoren.sql).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION identificator_register(code_soort_object_id) RETURNS code_register
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT CASE $1 WHEN 'bsn' THEN 'brp' ELSE 'hr' END::klantinteracties.code_register
$$;
COMMENT ON FUNCTION identificator_register(code_soort_object_id) IS 'The register of an identificator of this soort: brp for bsn, hr for the others.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION identificator_objecttype(code_soort_object_id) RETURNS code_objecttype
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT CASE $1 WHEN 'bsn' THEN 'natuurlijk_persoon' WHEN 'vestigingsnummer' THEN 'vestiging'
	ELSE 'niet_natuurlijk_persoon' END::klantinteracties.code_objecttype
$$;
COMMENT ON FUNCTION identificator_objecttype(code_soort_object_id) IS 'The objecttype of an identificator of this soort: natuurlijk_persoon for bsn, vestiging for vestigingsnummer, niet_natuurlijk_persoon for rsin and kvk_nummer.';

-- Steps 1-3 above.  An identificator that exists without a partij (the
-- model allows it, as Open Klant does) gets a new partij the same way: the
-- UPDATE that links it and the INSERT of the partij are one statement, and
-- a concurrent linker makes the UPDATE find the link taken (it re-checks
-- its WHERE after waiting), so the loop reads the winner's partij.
-- Kind: helper of the functions that run as the caller (invoker; only klantinteracties_eigenaar executes it).
CREATE OR REPLACE FUNCTION partij_bij_identificator(soort code_soort_object_id, waarde text, sub_identificator_van uuid,
										 soort_partij soort_partij,
										 OUT identificator uuid, OUT partij uuid)
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	LOOP
		SELECT i.uuid, i.identificeerde_partij INTO identificator, partij
		  FROM klantinteracties.partij_identificator i
		 WHERE i.code_soort_object_id = soort AND i.object_id_sleutel = waarde
		   AND i.sub_identificator_van IS NOT DISTINCT FROM partij_bij_identificator.sub_identificator_van;
		IF partij IS NOT NULL THEN
			RETURN;
		ELSIF identificator IS NOT NULL THEN
			WITH gekoppeld AS (
				UPDATE klantinteracties.partij_identificator i SET identificeerde_partij = gen_random_uuid()
				 WHERE i.uuid = identificator AND i.identificeerde_partij IS NULL
				RETURNING i.identificeerde_partij),
			nieuw AS (
				INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief)
				SELECT identificeerde_partij, partij_bij_identificator.soort_partij, true FROM gekoppeld
				RETURNING uuid),
			ps AS (INSERT INTO klantinteracties.persoon (partij)
				   SELECT uuid FROM nieuw WHERE partij_bij_identificator.soort_partij = 'persoon'),
			org AS (INSERT INTO klantinteracties.organisatie (partij)
					SELECT uuid FROM nieuw WHERE partij_bij_identificator.soort_partij = 'organisatie')
			SELECT uuid INTO partij FROM nieuw;
		ELSE
			WITH ingevoegd AS (
				INSERT INTO klantinteracties.partij_identificator AS i (identificeerde_partij, code_register,
					code_objecttype, code_soort_object_id, object_id, sub_identificator_van)
				VALUES (gen_random_uuid(), klantinteracties.identificator_register(soort), klantinteracties.identificator_objecttype(soort),
						soort, waarde, partij_bij_identificator.sub_identificator_van)
				ON CONFLICT DO NOTHING
				RETURNING i.uuid, i.identificeerde_partij),
			nieuw AS (
				INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief)
				SELECT identificeerde_partij, partij_bij_identificator.soort_partij, true FROM ingevoegd
				RETURNING uuid),
			ps AS (INSERT INTO klantinteracties.persoon (partij)
				   SELECT uuid FROM nieuw WHERE partij_bij_identificator.soort_partij = 'persoon'),
			org AS (INSERT INTO klantinteracties.organisatie (partij)
					SELECT uuid FROM nieuw WHERE partij_bij_identificator.soort_partij = 'organisatie')
			SELECT ingevoegd.uuid, nieuw.uuid INTO identificator, partij FROM ingevoegd, nieuw;
		END IF;
		IF partij IS NOT NULL THEN
			RETURN;
		END IF;
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION partij_bij_identificator(code_soort_object_id, text, uuid, soort_partij) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partij_bij_identificator(code_soort_object_id, text, uuid, soort_partij) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION partij_bij_identificator(code_soort_object_id, text, uuid, soort_partij) IS 'Internal (registreer_partij): finds or creates, race-free, the identificator (soort, canonical value, parent) and its partij of the given soort (with an empty persoon or organisatie row); returns both uuids.';

-- "Present: supplement": only empty fields are filled and only addresses
-- the partij does not have yet are added; nothing is overwritten.  The
-- partij row is locked first, so concurrent supplements of one partij take
-- turns (the standaard-adres choice below reads, then writes).  Returns
-- false when the partij no longer exists (deleted or merged away meanwhile),
-- so the caller looks it up again.
-- Kind: helper of the functions that run as the caller (invoker; only klantinteracties_eigenaar executes it).
CREATE OR REPLACE FUNCTION partij_aanvullen(partij uuid, voorletters text, voornaam text, voorvoegsel_achternaam text,
								 achternaam text, naam text, emailadres emailadres, telefoonnummer telefoonnummer,
								 voorkeurstaal text) RETURNS boolean
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	soort klantinteracties.soort_partij;
	adres record;
BEGIN
	IF num_nonnulls(voorletters, voornaam, voorvoegsel_achternaam, achternaam, naam, emailadres,
					telefoonnummer, voorkeurstaal) = 0 THEN
		RETURN true;
	END IF;
	SELECT p.soort_partij INTO soort FROM klantinteracties.partij p WHERE p.uuid = partij_aanvullen.partij
	   FOR NO KEY UPDATE;
	IF NOT FOUND THEN
		RETURN false;
	END IF;

	IF coalesce(voorkeurstaal, '') <> '' THEN
		UPDATE klantinteracties.partij p SET voorkeurstaal = partij_aanvullen.voorkeurstaal
		 WHERE p.uuid = partij_aanvullen.partij AND p.voorkeurstaal = '';
	END IF;

	-- Names only for the soort they belong to: a person's name on a persoon,
	-- an organisation's name on an organisatie.
	IF soort = 'persoon' AND num_nonnulls(voorletters, voornaam, voorvoegsel_achternaam, achternaam) > 0 THEN
		INSERT INTO klantinteracties.persoon AS ps (partij, contactnaam_voorletters, contactnaam_voornaam,
			contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
		VALUES (partij, coalesce(voorletters, ''), coalesce(voornaam, ''), coalesce(voorvoegsel_achternaam, ''),
				coalesce(achternaam, ''))
		ON CONFLICT ON CONSTRAINT persoon_pkey DO UPDATE SET
			contactnaam_voorletters = CASE WHEN ps.contactnaam_voorletters = '' THEN excluded.contactnaam_voorletters
				ELSE ps.contactnaam_voorletters END,
			contactnaam_voornaam = CASE WHEN ps.contactnaam_voornaam = '' THEN excluded.contactnaam_voornaam
				ELSE ps.contactnaam_voornaam END,
			contactnaam_voorvoegsel_achternaam = CASE WHEN ps.contactnaam_voorvoegsel_achternaam = ''
				THEN excluded.contactnaam_voorvoegsel_achternaam ELSE ps.contactnaam_voorvoegsel_achternaam END,
			contactnaam_achternaam = CASE WHEN ps.contactnaam_achternaam = '' THEN excluded.contactnaam_achternaam
				ELSE ps.contactnaam_achternaam END
		WHERE (ps.contactnaam_voorletters = '' AND excluded.contactnaam_voorletters <> '')
		   OR (ps.contactnaam_voornaam = '' AND excluded.contactnaam_voornaam <> '')
		   OR (ps.contactnaam_voorvoegsel_achternaam = '' AND excluded.contactnaam_voorvoegsel_achternaam <> '')
		   OR (ps.contactnaam_achternaam = '' AND excluded.contactnaam_achternaam <> '');
	ELSIF soort = 'organisatie' AND coalesce(naam, '') <> '' THEN
		INSERT INTO klantinteracties.organisatie AS o (partij, naam) VALUES (partij, naam)
		ON CONFLICT ON CONSTRAINT organisatie_pkey DO UPDATE SET naam = excluded.naam
		WHERE o.naam = '';
	END IF;

	-- A new address becomes the standaard adres of its soort when the partij
	-- has none yet.
	FOR adres IN
		SELECT s.soort, s.adres FROM (VALUES ('email'::klantinteracties.soort_digitaal_adres, emailadres::text),
										   ('telefoonnummer', telefoonnummer::text)) AS s(soort, adres)
		 WHERE s.adres IS NOT NULL
	LOOP
		INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres,
													  is_standaard_adres)
		SELECT partij, adres.soort, adres.adres,
			   NOT EXISTS (SELECT FROM klantinteracties.digitaal_adres d
							WHERE d.verstrekt_door_partij = partij_aanvullen.partij
							  AND d.soort_digitaal_adres = adres.soort AND d.is_standaard_adres)
		 WHERE NOT EXISTS (SELECT FROM klantinteracties.digitaal_adres d
							WHERE d.verstrekt_door_partij = partij_aanvullen.partij
							  AND d.soort_digitaal_adres = adres.soort
							  AND d.adres_sleutel = klantinteracties.digitaal_adres_sleutel(adres.soort, adres.adres))
		ON CONFLICT (verstrekt_door_partij, soort_digitaal_adres, adres_sleutel)
			WHERE verstrekt_door_partij IS NOT NULL DO NOTHING;
	END LOOP;
	RETURN true;
END
$$;
REVOKE ALL ON FUNCTION partij_aanvullen(uuid, text, text, text, text, text, emailadres, telefoonnummer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partij_aanvullen(uuid, text, text, text, text, text, emailadres, telefoonnummer, text) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION partij_aanvullen(uuid, text, text, text, text, text, emailadres, telefoonnummer, text) IS 'Internal (registreer_partij): supplements a partij under a row lock: fills empty name fields (persoon: contactnaam; organisatie: naam) and an empty voorkeurstaal, adds an e-mail address and telephone number it does not have yet (the first of its soort becomes the standaard adres). Overwrites nothing. False when the partij no longer exists.';

-- The one implementation behind the registreer_partij overloads.  A
-- vestigingsnummer hangs under the identificator of its KvK-nummer, which
-- is registered first (as an organisatie of its own, if new).
-- Kind: helper of the functions that run as the caller (invoker; only klantinteracties_eigenaar executes it).
CREATE OR REPLACE FUNCTION partij_registreren(soort code_soort_object_id, waarde text, kvk_nummer kvk_nummer,
								   voorletters text, voornaam text, voorvoegsel_achternaam text, achternaam text,
								   naam text, emailadres emailadres, telefoonnummer telefoonnummer,
								   voorkeurstaal text) RETURNS uuid
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	ouder uuid;
	gevonden record;
BEGIN
	IF waarde IS NULL OR (soort = 'vestigingsnummer' AND kvk_nummer IS NULL) THEN
		RETURN NULL;
	END IF;
	LOOP
		IF soort = 'vestigingsnummer' THEN
			ouder := (klantinteracties.partij_bij_identificator('kvk_nummer', kvk_nummer::text, NULL,
																'organisatie')).identificator;
		END IF;
		gevonden := klantinteracties.partij_bij_identificator(soort, waarde, ouder,
			CASE soort WHEN 'bsn' THEN 'persoon' ELSE 'organisatie' END::klantinteracties.soort_partij);
		IF klantinteracties.partij_aanvullen(gevonden.partij, voorletters, voornaam, voorvoegsel_achternaam,
											  achternaam, naam, emailadres, telefoonnummer, voorkeurstaal) THEN
			RETURN gevonden.partij;
		END IF;
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION partij_registreren(code_soort_object_id, text, kvk_nummer, text, text, text, text, text, emailadres, telefoonnummer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partij_registreren(code_soort_object_id, text, kvk_nummer, text, text, text, text, text, emailadres, telefoonnummer, text) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION partij_registreren(code_soort_object_id, text, kvk_nummer, text, text, text, text, text, emailadres, telefoonnummer, text) IS 'Internal: the implementation of every registreer_partij overload (find or create the partij by its identificator, race-free, then supplement it).';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for schrijver.
CREATE OR REPLACE FUNCTION registreer_partij(bsn bsn, voorletters text DEFAULT NULL, voornaam text DEFAULT NULL,
								  voorvoegsel_achternaam text DEFAULT NULL, achternaam text DEFAULT NULL,
								  emailadres emailadres DEFAULT NULL, telefoonnummer telefoonnummer DEFAULT NULL,
								  voorkeurstaal text DEFAULT NULL) RETURNS uuid
	LANGUAGE sql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT klantinteracties.partij_registreren('bsn', $1::text, NULL, $2, $3, $4, $5, NULL, $6, $7, $8)
$$;
ALTER FUNCTION registreer_partij(bsn, text, text, text, text, emailadres, telefoonnummer, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION registreer_partij(bsn, text, text, text, text, emailadres, telefoonnummer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION registreer_partij(bsn, text, text, text, text, emailadres, telefoonnummer, text) TO klantinteracties_schrijver;
COMMENT ON FUNCTION registreer_partij(bsn, text, text, text, text, emailadres, telefoonnummer, text) IS 'Finds or registers the persoon with this BSN and returns its uuid: race-free, concurrent calls with one BSN end with one partij and all get its uuid. Given names, e-mail address, telephone number and voorkeurstaal supplement it (only empty fields are filled, only new addresses added). NULL BSN: NULL.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for schrijver.
CREATE OR REPLACE FUNCTION registreer_partij(rsin rsin, naam text DEFAULT NULL, emailadres emailadres DEFAULT NULL,
								  telefoonnummer telefoonnummer DEFAULT NULL, voorkeurstaal text DEFAULT NULL)
	RETURNS uuid
	LANGUAGE sql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT klantinteracties.partij_registreren('rsin', $1::text, NULL, NULL, NULL, NULL, NULL, $2, $3, $4, $5)
$$;
ALTER FUNCTION registreer_partij(rsin, text, emailadres, telefoonnummer, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION registreer_partij(rsin, text, emailadres, telefoonnummer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION registreer_partij(rsin, text, emailadres, telefoonnummer, text) TO klantinteracties_schrijver;
COMMENT ON FUNCTION registreer_partij(rsin, text, emailadres, telefoonnummer, text) IS 'Finds or registers the organisatie with this RSIN and returns its uuid (race-free); a given naam, e-mail address, telephone number and voorkeurstaal supplement it. NULL RSIN: NULL.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for schrijver.
CREATE OR REPLACE FUNCTION registreer_partij(kvk_nummer kvk_nummer, naam text DEFAULT NULL, emailadres emailadres DEFAULT NULL,
								  telefoonnummer telefoonnummer DEFAULT NULL, voorkeurstaal text DEFAULT NULL)
	RETURNS uuid
	LANGUAGE sql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT klantinteracties.partij_registreren('kvk_nummer', $1::text, NULL, NULL, NULL, NULL, NULL, $2, $3, $4, $5)
$$;
ALTER FUNCTION registreer_partij(kvk_nummer, text, emailadres, telefoonnummer, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION registreer_partij(kvk_nummer, text, emailadres, telefoonnummer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION registreer_partij(kvk_nummer, text, emailadres, telefoonnummer, text) TO klantinteracties_schrijver;
COMMENT ON FUNCTION registreer_partij(kvk_nummer, text, emailadres, telefoonnummer, text) IS 'Finds or registers the organisatie with this KvK-nummer and returns its uuid (race-free); a given naam, e-mail address, telephone number and voorkeurstaal supplement it. NULL KvK-nummer: NULL.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for schrijver.
CREATE OR REPLACE FUNCTION registreer_partij(vestigingsnummer vestigingsnummer, kvk_nummer kvk_nummer, naam text DEFAULT NULL,
								  emailadres emailadres DEFAULT NULL, telefoonnummer telefoonnummer DEFAULT NULL,
								  voorkeurstaal text DEFAULT NULL) RETURNS uuid
	LANGUAGE sql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT klantinteracties.partij_registreren('vestigingsnummer', $1::text, $2, NULL, NULL, NULL, NULL, $3, $4, $5, $6)
$$;
ALTER FUNCTION registreer_partij(vestigingsnummer, kvk_nummer, text, emailadres, telefoonnummer, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION registreer_partij(vestigingsnummer, kvk_nummer, text, emailadres, telefoonnummer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION registreer_partij(vestigingsnummer, kvk_nummer, text, emailadres, telefoonnummer, text) TO klantinteracties_schrijver;
COMMENT ON FUNCTION registreer_partij(vestigingsnummer, kvk_nummer, text, emailadres, telefoonnummer, text) IS 'Finds or registers the vestiging with this vestigingsnummer under this KvK-nummer and returns its uuid (race-free). The KvK-nummer is registered first as an organisatie of its own when new; the vestiging is an organisatie whose vestigingsnummer identificator hangs under it. Given naam and contact data supplement the vestiging. NULL argument: NULL.';
