-- Contact details of partijen and betrokkenen: digitale adressen and
-- rekeningnummers.
--
-- The voorkeurs digitaal adres and voorkeurs rekeningnummer of a partij are
-- flags on the address / account (is_voorkeursadres, is_voorkeursrekeningnummer)
-- rather than references on partij: a reference partij -> digitaal_adres next
-- to digitaal_adres -> partij is a foreign-key cycle between two extension
-- configuration tables, whose data pg_dump cannot then restore (the keys
-- exist before the data is loaded).  A flag cannot point at another partij's
-- address, and disappears with its address.

-- The canonical form of an address, on which duplicates are found and
-- lookups work: e-mail as the emailadres type compares it (the whole address
-- lower-cased); telephone numbers in E.164, as the telefoonnummer type prints
-- them; other addresses as given.  Behind a generated column, so written to
-- be inlined, as identificator_sleutel (42): every name schema-qualified, no
-- SET clause, not STRICT (the CASE is not), NULL for a NULL argument.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION digitaal_adres_sleutel(soort soort_digitaal_adres, adres text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT CASE
	WHEN soort OPERATOR(pg_catalog.=) 'email' THEN klantinteracties.emailadres_genormaliseerd(adres::klantinteracties.emailadres)
	WHEN soort OPERATOR(pg_catalog.=) 'telefoonnummer' THEN adres::klantinteracties.telefoonnummer::pg_catalog.text
	WHEN soort OPERATOR(pg_catalog.=) 'overig' THEN pg_catalog.btrim(adres)
END
$$;
COMMENT ON FUNCTION digitaal_adres_sleutel(soort_digitaal_adres, text) IS 'Canonical text of a digitaal adres: e-mail parsed as emailadres and lower-cased (emailadres_genormaliseerd), telefoonnummer parsed as telefoonnummer (so 06-12345678 and +31612345678 coincide), overig trimmed. Fails (22P02) when the address is invalid for its soort.';

-- @ONCE
CREATE TABLE digitaal_adres (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	verstrekt_door_partij uuid,
	verstrekt_door_betrokkene uuid,
	soort_digitaal_adres soort_digitaal_adres NOT NULL,
	is_standaard_adres boolean NOT NULL DEFAULT false,
	adres varchar(80) NOT NULL,
	omschrijving varchar(40) NOT NULL DEFAULT '',
	referentie varchar(50) NOT NULL DEFAULT '',
	verificatie_datum date,
	is_voorkeursadres boolean NOT NULL DEFAULT false,
	adres_sleutel text NOT NULL GENERATED ALWAYS AS (digitaal_adres_sleutel(soort_digitaal_adres, adres)) STORED,
	adres_email emailadres GENERATED ALWAYS AS
		(CASE WHEN soort_digitaal_adres = 'email' THEN adres::emailadres END) STORED,
	adres_telefoonnummer telefoonnummer GENERATED ALWAYS AS
		(CASE WHEN soort_digitaal_adres = 'telefoonnummer' THEN adres::telefoonnummer END) STORED,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT digitaal_adres_pkey PRIMARY KEY (uuid),
	-- Cascade, except for addresses a betrokkene provided as well: the
	-- trigger partij_verwijderen_digitale_adressen detaches those first.
	CONSTRAINT digitaal_adres_verstrekt_door_partij_fkey FOREIGN KEY (verstrekt_door_partij)
		REFERENCES partij (uuid) ON DELETE CASCADE,
	CONSTRAINT digitaal_adres_verstrekt_door_betrokkene_fkey FOREIGN KEY (verstrekt_door_betrokkene)
		REFERENCES betrokkene (uuid) ON DELETE SET NULL,
	CONSTRAINT digitaal_adres_adres_niet_leeg CHECK (adres <> ''),
	CONSTRAINT digitaal_adres_referentie_is_slug CHECK (referentie ~ '^[-a-zA-Z0-9_]*$'),
	CONSTRAINT digitaal_adres_standaardadres_vereist_partij
		CHECK (NOT is_standaard_adres OR verstrekt_door_partij IS NOT NULL),
	CONSTRAINT digitaal_adres_voorkeursadres_vereist_partij
		CHECK (NOT is_voorkeursadres OR verstrekt_door_partij IS NOT NULL),
	-- A klant's own number is never a free (0800) or paid (090x) service
	-- number; the telefoonnummer type already refuses 14xxx.
	CONSTRAINT digitaal_adres_telefoonnummer_geen_0800_of_090x
		CHECK (coalesce(telefoonnummer_soort(adres_telefoonnummer) NOT IN ('gratis', 'betaald'), true))
);
-- Open Klant #649: one partij holds an address of a soort at most once, in
-- whatever spelling.
CREATE UNIQUE INDEX digitaal_adres_uniek_per_partij_en_soort
	ON digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres_sleutel)
	WHERE verstrekt_door_partij IS NOT NULL;
CREATE UNIQUE INDEX digitaal_adres_een_standaardadres_per_partij_en_soort
	ON digitaal_adres (verstrekt_door_partij, soort_digitaal_adres) WHERE is_standaard_adres;
CREATE UNIQUE INDEX digitaal_adres_een_voorkeursadres_per_partij
	ON digitaal_adres (verstrekt_door_partij) WHERE is_voorkeursadres;
CREATE UNIQUE INDEX digitaal_adres_referentie_uniek_per_partij_en_soort
	ON digitaal_adres (verstrekt_door_partij, referentie, soort_digitaal_adres)
	WHERE referentie <> '' AND verstrekt_door_partij IS NOT NULL;
-- Lookup by address in its canonical form ("whose number is this").
CREATE INDEX digitaal_adres_adres_sleutel_idx ON digitaal_adres (adres_sleutel, soort_digitaal_adres);
-- Partial: most addresses are a partij's, without betrokkene, and every
-- lookup by betrokkene is an equality (which implies IS NOT NULL), the
-- foreign key's ON DELETE SET NULL too; the NULLs took some 16 bytes per
-- partij (benchmark 5).
CREATE INDEX digitaal_adres_verstrekt_door_betrokkene_idx ON digitaal_adres (verstrekt_door_betrokkene)
	WHERE verstrekt_door_betrokkene IS NOT NULL;
CREATE INDEX digitaal_adres_adres_trgm_idx ON digitaal_adres USING gin (adres gin_trgm_ops);
CREATE INDEX digitaal_adres_omschrijving_trgm_idx ON digitaal_adres USING gin (omschrijving gin_trgm_ops);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE digitaal_adres ADD COLUMN geheim boolean NOT NULL DEFAULT false;
DROP INDEX digitaal_adres_verstrekt_door_betrokkene_idx;
CREATE INDEX digitaal_adres_verstrekt_door_betrokkene_idx ON digitaal_adres (verstrekt_door_betrokkene)
	WHERE verstrekt_door_betrokkene IS NOT NULL;
-- @END

COMMENT ON TABLE digitaal_adres IS 'Digitaal adres (/digitaleadressen): contactgegeven dat niet aan een fysieke plaats gebonden is (e-mailadres, telefoonnummer, overig), verstrekt door een partij voor toekomstig contact of door een betrokkene voor de opvolging van één klantcontact.';
COMMENT ON COLUMN digitaal_adres.geheim IS 'Waar wanneer de partij of de betrokkene die het adres verstrekte geheim is (door de database bijgehouden, alleen-lezen; blijft staan als het adres losgemaakt wordt): dan bestaat de rij alleen voor wie de scope geheim heeft.';
COMMENT ON COLUMN digitaal_adres.uuid IS 'Unieke technische sleutel van het digitaal adres.';
COMMENT ON COLUMN digitaal_adres.verstrekt_door_partij IS 'De partij die het adres verstrekte voor toekomstig contact (verstrektDoorPartij).';
COMMENT ON COLUMN digitaal_adres.verstrekt_door_betrokkene IS 'De betrokkene die het adres verstrekte voor de opvolging van een klantcontact (verstrektDoorBetrokkene).';
COMMENT ON COLUMN digitaal_adres.soort_digitaal_adres IS 'Soort digitaal adres (soortDigitaalAdres): email, telefoonnummer of overig; bepaalt hoe adres gevalideerd wordt.';
COMMENT ON COLUMN digitaal_adres.is_standaard_adres IS 'Geeft aan of dit het standaardadres van de partij voor deze soort is (isStandaardAdres); vereist een partij. Zetten maakt het vorige standaardadres van dezelfde partij en soort ongedaan.';
COMMENT ON COLUMN digitaal_adres.adres IS 'Het adres zoals aangeleverd, zonder omringende witruimte (hoogstens 80 tekens): een geldig e-mailadres bij soort email, een geldig telefoonnummer (geen 0800/090x) bij soort telefoonnummer, vrij bij overig.';
COMMENT ON COLUMN digitaal_adres.omschrijving IS 'Omschrijving van het adres (hoogstens 40 tekens).';
COMMENT ON COLUMN digitaal_adres.referentie IS 'Referentie voor de afnemer, bijvoorbeeld portaalvoorkeur (slug: letters, cijfers, - en _, hoogstens 50 tekens); uniek per partij en soort wanneer gevuld.';
COMMENT ON COLUMN digitaal_adres.verificatie_datum IS 'Datum waarop het adres geverifieerd is (verificatieDatum); leeg = niet geverifieerd.';
COMMENT ON COLUMN digitaal_adres.is_voorkeursadres IS 'Geeft aan of dit het digitaal adres is waarlangs de partij bij voorkeur contact heeft (voorkeursDigitaalAdres van de partij); hoogstens één per partij, vereist een partij. Zetten maakt het vorige voorkeursadres ongedaan.';
COMMENT ON COLUMN digitaal_adres.adres_sleutel IS 'Canonieke vorm van het adres (gegenereerd): waarop dubbele adressen gevonden en adressen opgezocht worden.';
COMMENT ON COLUMN digitaal_adres.adres_email IS 'Het adres als emailadres bij soort email (gegenereerd), anders NULL.';
COMMENT ON COLUMN digitaal_adres.adres_telefoonnummer IS 'Het adres als telefoonnummer bij soort telefoonnummer (gegenereerd), anders NULL.';

-- Trims the address and demotes the partij's previous standaard adres of
-- the soort and its previous voorkeursadres, as Open Klant's save() does
-- for standaard and its single voorkeur reference does implicitly.  BEFORE,
-- so the unique indexes see the demoted rows.
-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION digitaal_adres_bijwerken() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	NEW.adres := btrim(NEW.adres, E' \t\r\n');
	-- Each UPDATE only when there is a row to demote (a probe of the partial
	-- unique index): an UPDATE that finds nothing still fires the table's
	-- statement triggers, the audit trail's, which made a bulk load of
	-- standaard adressen pay a trigger run per row.  The probe sees at least
	-- the rows the UPDATE would (row-level security filters an UPDATE's rows
	-- by the SELECT policies too), so skipping it changes nothing.
	IF NEW.is_standaard_adres THEN
		IF EXISTS (SELECT FROM klantinteracties.digitaal_adres
					WHERE verstrekt_door_partij = NEW.verstrekt_door_partij
					  AND soort_digitaal_adres = NEW.soort_digitaal_adres
					  AND is_standaard_adres AND uuid <> NEW.uuid) THEN
			UPDATE klantinteracties.digitaal_adres SET is_standaard_adres = false
			 WHERE verstrekt_door_partij = NEW.verstrekt_door_partij
			   AND soort_digitaal_adres = NEW.soort_digitaal_adres
			   AND is_standaard_adres AND uuid <> NEW.uuid;
		END IF;
	END IF;
	IF NEW.is_voorkeursadres THEN
		IF EXISTS (SELECT FROM klantinteracties.digitaal_adres
					WHERE verstrekt_door_partij = NEW.verstrekt_door_partij
					  AND is_voorkeursadres AND uuid <> NEW.uuid) THEN
			UPDATE klantinteracties.digitaal_adres SET is_voorkeursadres = false
			 WHERE verstrekt_door_partij = NEW.verstrekt_door_partij
			   AND is_voorkeursadres AND uuid <> NEW.uuid;
		END IF;
	END IF;
	RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION digitaal_adres_bijwerken() FROM PUBLIC;
COMMENT ON FUNCTION digitaal_adres_bijwerken() IS 'Trigger function (BEFORE INSERT OR UPDATE on digitaal_adres): trims adres and demotes the previous standaard adres (same partij and soort) and the previous voorkeursadres (same partij).';

CREATE TRIGGER digitaal_adres_bijwerken BEFORE INSERT OR UPDATE ON digitaal_adres
	FOR EACH ROW EXECUTE FUNCTION digitaal_adres_bijwerken();

-- Addresses that a betrokkene provided as well are part of contact history:
-- deleting the partij detaches them (the cascade takes the rest).
-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION partij_verwijderen_digitale_adressen() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	UPDATE klantinteracties.digitaal_adres
	   SET verstrekt_door_partij = NULL, is_standaard_adres = false, is_voorkeursadres = false
	 WHERE verstrekt_door_partij = OLD.uuid AND verstrekt_door_betrokkene IS NOT NULL;
	RETURN OLD;
END
$$;
REVOKE ALL ON FUNCTION partij_verwijderen_digitale_adressen() FROM PUBLIC;
COMMENT ON FUNCTION partij_verwijderen_digitale_adressen() IS 'Trigger function (BEFORE DELETE on partij): detaches the partij''s digitale adressen that a betrokkene also provided, so they survive the cascade with the contact history.';

CREATE TRIGGER partij_verwijderen_digitale_adressen BEFORE DELETE ON partij
	FOR EACH ROW EXECUTE FUNCTION partij_verwijderen_digitale_adressen();

-- @ONCE
CREATE TABLE rekeningnummer (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	partij uuid,
	iban iban NOT NULL,
	bic bic,
	is_voorkeursrekeningnummer boolean NOT NULL DEFAULT false,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT rekeningnummer_pkey PRIMARY KEY (uuid),
	CONSTRAINT rekeningnummer_partij_fkey FOREIGN KEY (partij) REFERENCES partij (uuid) ON DELETE CASCADE,
	CONSTRAINT rekeningnummer_voorkeursrekeningnummer_vereist_partij
		CHECK (NOT is_voorkeursrekeningnummer OR partij IS NOT NULL)
);
CREATE INDEX rekeningnummer_partij_idx ON rekeningnummer (partij);
CREATE INDEX rekeningnummer_iban_idx ON rekeningnummer (iban);
CREATE UNIQUE INDEX rekeningnummer_een_voorkeursrekeningnummer_per_partij
	ON rekeningnummer (partij) WHERE is_voorkeursrekeningnummer;
-- @END
-- @UPDATE 0.1.0
ALTER TABLE rekeningnummer ADD COLUMN geheim boolean NOT NULL DEFAULT false;
-- @END
COMMENT ON TABLE rekeningnummer IS 'Rekeningnummer (/rekeningnummers, uitbreiding van Open Klant): bankrekening van een partij.';
COMMENT ON COLUMN rekeningnummer.geheim IS 'Kopie van de geheimhouding van de partij waaronder de rij hangt (door de database bijgehouden, alleen-lezen): waar, dan bestaat de rij alleen voor wie de scope geheim heeft.';
COMMENT ON COLUMN rekeningnummer.uuid IS 'Unieke technische sleutel van het rekeningnummer.';
COMMENT ON COLUMN rekeningnummer.partij IS 'De partij van wie de rekening is.';
COMMENT ON COLUMN rekeningnummer.iban IS 'Internationaal bankrekeningnummer (IBAN, hoogstens 34 tekens).';
COMMENT ON COLUMN rekeningnummer.bic IS 'Bankidentificatiecode (BIC, 8 of 11 tekens); leeg = niet opgegeven.';
COMMENT ON COLUMN rekeningnummer.is_voorkeursrekeningnummer IS 'Geeft aan of dit het rekeningnummer is dat de partij bij voorkeur gebruikt (voorkeursRekeningnummer van de partij); hoogstens één per partij, vereist een partij. Zetten maakt het vorige ongedaan.';

-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION rekeningnummer_bijwerken() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	UPDATE klantinteracties.rekeningnummer SET is_voorkeursrekeningnummer = false
	 WHERE partij = NEW.partij AND is_voorkeursrekeningnummer AND uuid <> NEW.uuid;
	RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION rekeningnummer_bijwerken() FROM PUBLIC;
COMMENT ON FUNCTION rekeningnummer_bijwerken() IS 'Trigger function (BEFORE INSERT OR UPDATE on rekeningnummer, when it becomes the voorkeur): demotes the partij''s previous voorkeursrekeningnummer.';

CREATE TRIGGER rekeningnummer_bijwerken BEFORE INSERT OR UPDATE ON rekeningnummer
	FOR EACH ROW WHEN (NEW.is_voorkeursrekeningnummer)
	EXECUTE FUNCTION rekeningnummer_bijwerken();
