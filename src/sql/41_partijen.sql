-- Partij and what only exists for a partij: its persoon / organisatie /
-- contactpersoon details, vertegenwoordigingen and categorie-relaties.
-- The column groups that recur (adres, contactnaam, geregistreerd_op /
-- gewijzigd_op) get their comments, and every table its registratie
-- trigger, in 47_gegevensgroepen.sql, once for all tables.

-- @ONCE
CREATE TABLE partij (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	nummer varchar(10),
	interne_notitie varchar(1000) NOT NULL DEFAULT '',
	soort_partij soort_partij NOT NULL,
	indicatie_geheimhouding boolean,
	voorkeurstaal varchar(3) NOT NULL DEFAULT '',
	indicatie_actief boolean NOT NULL,
	bezoekadres_nummeraanduiding_id bag_id,
	bezoekadres_straatnaam varchar(255) NOT NULL DEFAULT '',
	bezoekadres_huisnummer integer,
	bezoekadres_huisnummertoevoeging varchar(20) NOT NULL DEFAULT '',
	bezoekadres_postcode postcode,
	bezoekadres_stad varchar(255) NOT NULL DEFAULT '',
	bezoekadres_adresregel1 varchar(80) NOT NULL DEFAULT '',
	bezoekadres_adresregel2 varchar(80) NOT NULL DEFAULT '',
	bezoekadres_adresregel3 varchar(80) NOT NULL DEFAULT '',
	bezoekadres_land landcode,
	correspondentieadres_nummeraanduiding_id bag_id,
	correspondentieadres_straatnaam varchar(255) NOT NULL DEFAULT '',
	correspondentieadres_huisnummer integer,
	correspondentieadres_huisnummertoevoeging varchar(20) NOT NULL DEFAULT '',
	correspondentieadres_postcode postcode,
	correspondentieadres_stad varchar(255) NOT NULL DEFAULT '',
	correspondentieadres_adresregel1 varchar(80) NOT NULL DEFAULT '',
	correspondentieadres_adresregel2 varchar(80) NOT NULL DEFAULT '',
	correspondentieadres_adresregel3 varchar(80) NOT NULL DEFAULT '',
	correspondentieadres_land landcode,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT partij_pkey PRIMARY KEY (uuid),
	-- Target of the detail tables' (partij, soort_partij) foreign keys.
	CONSTRAINT partij_uuid_soort_partij_key UNIQUE (uuid, soort_partij),
	CONSTRAINT partij_nummer_uniek UNIQUE (nummer),
	CONSTRAINT partij_nummer_is_geheel_getal CHECK (nummer ~ '^-?[0-9]+$'),
	CONSTRAINT partij_bezoekadres_huisnummer_1_tot_99999 CHECK (bezoekadres_huisnummer BETWEEN 1 AND 99999),
	CONSTRAINT partij_correspondentieadres_huisnummer_1_tot_99999 CHECK (correspondentieadres_huisnummer BETWEEN 1 AND 99999)
);
-- @END
COMMENT ON TABLE partij IS 'Partij: persoon of organisatie waarmee de gemeente een relatie heeft (Klantinteracties API /partijen). De soort-specifieke gegevens staan in persoon, organisatie of contactpersoon.';
COMMENT ON COLUMN partij.uuid IS 'Unieke technische sleutel van de partij (uuid in de API).';
COMMENT ON COLUMN partij.nummer IS 'Uniek, voor mensen leesbaar nummer van de partij (geheel getal als tekst, hoogstens 10 tekens). Verouderd (deprecated) in de API; niet meer automatisch uitgegeven.';
COMMENT ON COLUMN partij.interne_notitie IS 'Mededelingen, aantekeningen of bijzonderheden over de partij, uitsluitend voor intern gebruik; wordt nooit gepubliceerd (hoogstens 1000 tekens).';
COMMENT ON COLUMN partij.soort_partij IS 'Soort partij (soortPartij): persoon, organisatie of contactpersoon; bepaalt welke detailtabel de partijIdentificatie bevat.';
COMMENT ON COLUMN partij.indicatie_geheimhouding IS 'Geeft aan of de verstrekker van de partijgegevens heeft gevraagd die geheim te houden; NULL = niet aangegeven.';
COMMENT ON COLUMN partij.voorkeurstaal IS 'Taal waarin de partij bij voorkeur contact heeft met de gemeente (ISO 639-2/B-code, hoogstens 3 tekens, niet gevalideerd).';
COMMENT ON COLUMN partij.indicatie_actief IS 'Geeft aan of de contactgegevens van de partij nog gebruikt mogen worden om contact op te nemen.';

-- The detail tables reference (partij, soort_partij) with a constant
-- generated soort, so a detail row can only hang under a partij of its own
-- soort, and a partij cannot change soort while it has a detail row of the
-- old one (delete the old detail, update, insert the new, as Open Klant does).

-- @ONCE
CREATE TABLE persoon (
	partij uuid NOT NULL,
	soort_partij soort_partij NOT NULL GENERATED ALWAYS AS ('persoon') STORED,
	contactnaam_voorletters varchar(10) NOT NULL DEFAULT '',
	contactnaam_voornaam varchar(200) NOT NULL DEFAULT '',
	contactnaam_voorvoegsel_achternaam varchar(10) NOT NULL DEFAULT '',
	contactnaam_achternaam varchar(200) NOT NULL DEFAULT '',
	volledige_naam text NOT NULL GENERATED ALWAYS AS
		(volledige_naam(contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)) STORED,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT persoon_pkey PRIMARY KEY (partij),
	CONSTRAINT persoon_partij_is_van_deze_soort FOREIGN KEY (partij, soort_partij)
		REFERENCES partij (uuid, soort_partij) ON DELETE CASCADE
);
-- Name searches (Open Klant's icontains on the partij's name) use trigrams.
CREATE INDEX persoon_volledige_naam_trgm_idx ON persoon USING gin (volledige_naam gin_trgm_ops);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE persoon ADD COLUMN geheim boolean NOT NULL DEFAULT false;
-- @END
COMMENT ON TABLE persoon IS 'Persoon: natuurlijk persoon als partij (partijIdentificatie van een partij met soortPartij persoon); hoeft niet in de BRP te staan of een BSN te hebben.';
COMMENT ON COLUMN persoon.geheim IS 'Kopie van de geheimhouding van de partij waaronder de rij hangt (door de database bijgehouden, alleen-lezen): waar, dan bestaat de rij alleen voor wie de scope geheim heeft.';
COMMENT ON COLUMN persoon.partij IS 'De partij (soort persoon) waarvan dit de persoonsgegevens zijn.';
COMMENT ON COLUMN persoon.soort_partij IS 'Altijd persoon; deel van de verwijzende sleutel die afdwingt dat de partij van soort persoon is.';
COMMENT ON COLUMN persoon.volledige_naam IS 'Volledige naam (volledigeNaam, alleen-lezen): voornaam, voorvoegsel en achternaam.';

-- @ONCE
CREATE TABLE organisatie (
	partij uuid NOT NULL,
	soort_partij soort_partij NOT NULL GENERATED ALWAYS AS ('organisatie') STORED,
	naam varchar(200) NOT NULL DEFAULT '',
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT organisatie_pkey PRIMARY KEY (partij),
	CONSTRAINT organisatie_partij_is_van_deze_soort FOREIGN KEY (partij, soort_partij)
		REFERENCES partij (uuid, soort_partij) ON DELETE CASCADE
);
CREATE INDEX organisatie_naam_trgm_idx ON organisatie USING gin (naam gin_trgm_ops);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE organisatie ADD COLUMN geheim boolean NOT NULL DEFAULT false;
-- @END
COMMENT ON TABLE organisatie IS 'Organisatie: organisatie als partij (partijIdentificatie van een partij met soortPartij organisatie), met of zonder rechtspersoonlijkheid.';
COMMENT ON COLUMN organisatie.geheim IS 'Kopie van de geheimhouding van de partij waaronder de rij hangt (door de database bijgehouden, alleen-lezen): waar, dan bestaat de rij alleen voor wie de scope geheim heeft.';
COMMENT ON COLUMN organisatie.partij IS 'De partij (soort organisatie) waarvan dit de organisatiegegevens zijn.';
COMMENT ON COLUMN organisatie.soort_partij IS 'Altijd organisatie; deel van de verwijzende sleutel die afdwingt dat de partij van soort organisatie is.';
COMMENT ON COLUMN organisatie.naam IS 'Naam van de organisatie (hoogstens 200 tekens).';

-- @ONCE
CREATE TABLE contactpersoon (
	partij uuid NOT NULL,
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	soort_partij soort_partij NOT NULL GENERATED ALWAYS AS ('contactpersoon') STORED,
	werkte_voor_partij uuid,
	werkte_voor_soort_partij soort_partij GENERATED ALWAYS AS
		(CASE WHEN werkte_voor_partij IS NOT NULL THEN 'organisatie'::soort_partij END) STORED,
	contactnaam_voorletters varchar(10) NOT NULL DEFAULT '',
	contactnaam_voornaam varchar(200) NOT NULL DEFAULT '',
	contactnaam_voorvoegsel_achternaam varchar(10) NOT NULL DEFAULT '',
	contactnaam_achternaam varchar(200) NOT NULL DEFAULT '',
	volledige_naam text NOT NULL GENERATED ALWAYS AS
		(volledige_naam(contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)) STORED,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT contactpersoon_pkey PRIMARY KEY (partij),
	CONSTRAINT contactpersoon_uuid_key UNIQUE (uuid),
	CONSTRAINT contactpersoon_partij_is_van_deze_soort FOREIGN KEY (partij, soort_partij)
		REFERENCES partij (uuid, soort_partij) ON DELETE CASCADE,
	-- No ON DELETE action: a generated column cannot be SET NULL; the
	-- trigger partij_verwijderen_werkte_voor clears the link instead.
	CONSTRAINT contactpersoon_werkte_voor_organisatie FOREIGN KEY (werkte_voor_partij, werkte_voor_soort_partij)
		REFERENCES partij (uuid, soort_partij)
);
CREATE INDEX contactpersoon_werkte_voor_partij_idx ON contactpersoon (werkte_voor_partij);
CREATE INDEX contactpersoon_volledige_naam_trgm_idx ON contactpersoon USING gin (volledige_naam gin_trgm_ops);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE contactpersoon ADD COLUMN geheim boolean NOT NULL DEFAULT false;
-- @END
COMMENT ON TABLE contactpersoon IS 'Contactpersoon: persoon die namens een andere persoon of als medewerker of eigenaar namens een organisatie optrad (partijIdentificatie van een partij met soortPartij contactpersoon).';
COMMENT ON COLUMN contactpersoon.geheim IS 'Kopie van de geheimhouding van de partij waaronder de rij hangt (door de database bijgehouden, alleen-lezen): waar, dan bestaat de rij alleen voor wie de scope geheim heeft.';
COMMENT ON COLUMN contactpersoon.partij IS 'De partij (soort contactpersoon) waarvan dit de contactpersoongegevens zijn.';
COMMENT ON COLUMN contactpersoon.uuid IS 'Unieke technische sleutel van de contactpersoon (partijIdentificatie.uuid in de API).';
COMMENT ON COLUMN contactpersoon.soort_partij IS 'Altijd contactpersoon; deel van de verwijzende sleutel die afdwingt dat de partij van soort contactpersoon is.';
COMMENT ON COLUMN contactpersoon.werkte_voor_partij IS 'De organisatie (partij van soort organisatie) waarvoor de contactpersoon werkte (werkteVoorPartij); wordt leeg als die partij wordt verwijderd.';
COMMENT ON COLUMN contactpersoon.werkte_voor_soort_partij IS 'Altijd organisatie wanneer werkte_voor_partij gevuld is; deel van de verwijzende sleutel die afdwingt dat die partij een organisatie is.';
COMMENT ON COLUMN contactpersoon.volledige_naam IS 'Volledige naam (volledigeNaam, alleen-lezen): voornaam, voorvoegsel en achternaam.';

-- Deleting an organisatie keeps the contactpersonen that worked for it (they
-- are partijen with their own contact history) and only clears the link.
-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION partij_verwijderen_werkte_voor() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	UPDATE klantinteracties.contactpersoon SET werkte_voor_partij = NULL
	 WHERE werkte_voor_partij = OLD.uuid;
	RETURN OLD;
END
$$;
REVOKE ALL ON FUNCTION partij_verwijderen_werkte_voor() FROM PUBLIC;
COMMENT ON FUNCTION partij_verwijderen_werkte_voor() IS 'Trigger function (BEFORE DELETE on partij, soort organisatie): clears contactpersoon.werkte_voor_partij of the contactpersonen that worked for the organisatie, instead of deleting them.';

CREATE TRIGGER partij_verwijderen_werkte_voor BEFORE DELETE ON partij
	FOR EACH ROW WHEN (OLD.soort_partij = 'organisatie')
	EXECUTE FUNCTION partij_verwijderen_werkte_voor();

-- @ONCE
CREATE TABLE vertegenwoordiging (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	vertegenwoordigende_partij uuid NOT NULL,
	vertegenwoordigde_partij uuid NOT NULL,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT vertegenwoordiging_pkey PRIMARY KEY (uuid),
	CONSTRAINT vertegenwoordiging_vertegenwoordigende_partij_fkey FOREIGN KEY (vertegenwoordigende_partij)
		REFERENCES partij (uuid) ON DELETE CASCADE,
	CONSTRAINT vertegenwoordiging_vertegenwoordigde_partij_fkey FOREIGN KEY (vertegenwoordigde_partij)
		REFERENCES partij (uuid) ON DELETE CASCADE,
	CONSTRAINT vertegenwoordiging_paar_uniek UNIQUE (vertegenwoordigende_partij, vertegenwoordigde_partij),
	CONSTRAINT vertegenwoordiging_niet_zichzelf CHECK (vertegenwoordigende_partij <> vertegenwoordigde_partij)
);
CREATE INDEX vertegenwoordiging_vertegenwoordigde_partij_idx ON vertegenwoordiging (vertegenwoordigde_partij);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE vertegenwoordiging ADD COLUMN geheim boolean NOT NULL DEFAULT false;
-- @END
COMMENT ON TABLE vertegenwoordiging IS 'Vertegenwoordiging (/vertegenwoordigingen): de ene partij vertegenwoordigde de andere; een partij vertegenwoordigt zichzelf niet en elk paar komt één keer voor.';
COMMENT ON COLUMN vertegenwoordiging.geheim IS 'Waar wanneer een van beide partijen geheimhouding vroeg (door de database bijgehouden, alleen-lezen): dan bestaat de rij alleen voor wie de scope geheim heeft.';
COMMENT ON COLUMN vertegenwoordiging.uuid IS 'Unieke technische sleutel van de vertegenwoordiging.';
COMMENT ON COLUMN vertegenwoordiging.vertegenwoordigende_partij IS 'De partij die vertegenwoordigde (vertegenwoordigendePartij).';
COMMENT ON COLUMN vertegenwoordiging.vertegenwoordigde_partij IS 'De partij die vertegenwoordigd werd (vertegenwoordigdePartij).';

-- @ONCE
CREATE TABLE categorie (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	naam varchar(80) NOT NULL DEFAULT '',
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT categorie_pkey PRIMARY KEY (uuid)
);
-- @END
COMMENT ON TABLE categorie IS 'Categorie (/categorieen, experimenteel in Open Klant): een indeling waarin partijen geplaatst kunnen worden.';
COMMENT ON COLUMN categorie.uuid IS 'Unieke technische sleutel van de categorie.';
COMMENT ON COLUMN categorie.naam IS 'Naam van de categorie (hoogstens 80 tekens, niet uniek).';

-- @ONCE
CREATE TABLE categorie_relatie (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	partij uuid,
	categorie uuid,
	begin_datum date DEFAULT CURRENT_DATE,
	eind_datum date,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT categorie_relatie_pkey PRIMARY KEY (uuid),
	CONSTRAINT categorie_relatie_partij_fkey FOREIGN KEY (partij) REFERENCES partij (uuid) ON DELETE CASCADE,
	CONSTRAINT categorie_relatie_categorie_fkey FOREIGN KEY (categorie) REFERENCES categorie (uuid) ON DELETE CASCADE,
	CONSTRAINT categorie_relatie_begin_niet_na_eind CHECK (begin_datum <= eind_datum)
);
CREATE INDEX categorie_relatie_partij_idx ON categorie_relatie (partij);
CREATE INDEX categorie_relatie_categorie_idx ON categorie_relatie (categorie);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE categorie_relatie ADD COLUMN geheim boolean NOT NULL DEFAULT false;
-- @END
COMMENT ON TABLE categorie_relatie IS 'Categorie-relatie (/categorie-relaties, experimenteel in Open Klant): plaatsing van een partij in een categorie gedurende een periode.';
COMMENT ON COLUMN categorie_relatie.geheim IS 'Kopie van de geheimhouding van de partij waaronder de rij hangt (door de database bijgehouden, alleen-lezen): waar, dan bestaat de rij alleen voor wie de scope geheim heeft.';
COMMENT ON COLUMN categorie_relatie.uuid IS 'Unieke technische sleutel van de categorie-relatie.';
COMMENT ON COLUMN categorie_relatie.partij IS 'De partij die in de categorie geplaatst is.';
COMMENT ON COLUMN categorie_relatie.categorie IS 'De categorie waarin de partij geplaatst is.';
COMMENT ON COLUMN categorie_relatie.begin_datum IS 'Datum waarop de partij in de categorie kwam (beginDatum); standaard de datum van registratie.';
COMMENT ON COLUMN categorie_relatie.eind_datum IS 'Datum waarop de partij uit de categorie ging (eindDatum); niet vóór begin_datum.';
