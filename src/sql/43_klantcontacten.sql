-- Klantcontact and what hangs under it: betrokkenen, onderwerpobjecten and
-- bijlagen.  Contact history outlives the partij: betrokkene.was_partij is
-- cleared, not cascaded, when the partij is deleted.

-- @ONCE
CREATE TABLE klantcontact (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	nummer varchar(10),
	referentienummer varchar(10),
	kanaal varchar(50) NOT NULL,
	onderwerp varchar(200) NOT NULL,
	inhoud varchar(1000) NOT NULL DEFAULT '',
	reactie varchar(4000) NOT NULL DEFAULT '',
	indicatie_contact_gelukt boolean,
	hoofd_onderwerp_type varchar(200) NOT NULL DEFAULT '',
	verdere_actie_ondernomen boolean NOT NULL DEFAULT false,
	taal varchar(3) NOT NULL,
	vertrouwelijk boolean NOT NULL,
	plaatsgevonden_op timestamptz NOT NULL DEFAULT now(),
	metadata jsonb NOT NULL DEFAULT '{}',
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT klantcontact_pkey PRIMARY KEY (uuid),
	CONSTRAINT klantcontact_nummer_uniek UNIQUE (nummer),
	CONSTRAINT klantcontact_referentienummer_uniek UNIQUE (referentienummer),
	CONSTRAINT klantcontact_nummer_is_geheel_getal CHECK (nummer ~ '^-?[0-9]+$'),
	CONSTRAINT klantcontact_referentienummer_is_geheel_getal CHECK (referentienummer ~ '^-?[0-9]+$'),
	CONSTRAINT klantcontact_kanaal_niet_leeg CHECK (btrim(kanaal) <> ''),
	CONSTRAINT klantcontact_onderwerp_niet_leeg CHECK (btrim(onderwerp) <> ''),
	CONSTRAINT klantcontact_taal_niet_leeg CHECK (btrim(taal) <> ''),
	CONSTRAINT klantcontact_hoofd_onderwerp_type_is_url CHECK (hoofd_onderwerp_type = '' OR hoofd_onderwerp_type ~ '^https?://[^[:space:]]+$'),
	-- Open Klant's no-further-action-when-contact-succesful.
	CONSTRAINT klantcontact_geen_verdere_actie_als_contact_gelukt
		CHECK (NOT (indicatie_contact_gelukt AND verdere_actie_ondernomen)),
	CONSTRAINT klantcontact_metadata_is_object CHECK (jsonb_typeof(metadata) = 'object'),
	CONSTRAINT klantcontact_metadata_waarden_tekst_max_255 CHECK (metadata_waarden_geldig(metadata)),
	CONSTRAINT klantcontact_metadata_begrensd CHECK (metadata_begrensd(metadata))
);
-- Default ordering of the API (newest first) and time-window queries.
CREATE INDEX klantcontact_plaatsgevonden_op_idx ON klantcontact (plaatsgevonden_op DESC, uuid DESC);
CREATE INDEX klantcontact_onderwerp_trgm_idx ON klantcontact USING gin (onderwerp gin_trgm_ops);
CREATE INDEX klantcontact_inhoud_trgm_idx ON klantcontact USING gin (inhoud gin_trgm_ops);
CREATE INDEX klantcontact_reactie_trgm_idx ON klantcontact USING gin (reactie gin_trgm_ops);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE klantcontact ADD CONSTRAINT klantcontact_metadata_begrensd CHECK (metadata_begrensd(metadata));
-- @END

COMMENT ON TABLE klantcontact IS 'Klantcontact (/klantcontacten): contact tussen een klant of diens vertegenwoordiger en de gemeente over één onderwerp, ongeacht vorm en kanaal; documentair, na registratie alleen correcties.';
COMMENT ON COLUMN klantcontact.uuid IS 'Unieke technische sleutel van het klantcontact.';
COMMENT ON COLUMN klantcontact.nummer IS 'Uniek, voor mensen leesbaar nummer van het klantcontact (geheel getal als tekst, hoogstens 10 tekens). Verouderd (deprecated) in de API.';
COMMENT ON COLUMN klantcontact.referentienummer IS 'Uniek referentienummer van het klantcontact (geheel getal als tekst, hoogstens 10 tekens).';
COMMENT ON COLUMN klantcontact.kanaal IS 'Communicatiekanaal waarlangs het klantcontact plaatsvond (hoogstens 50 tekens, verplicht).';
COMMENT ON COLUMN klantcontact.onderwerp IS 'Onderwerp waarover contact is geweest (hoogstens 200 tekens, verplicht).';
COMMENT ON COLUMN klantcontact.inhoud IS 'Wat tijdens het klantcontact is uitgewisseld, voor zover niet in een bijlage vastgelegd (hoogstens 1000 tekens).';
COMMENT ON COLUMN klantcontact.reactie IS 'Reactie van de gemeente op het klantcontact (hoogstens 4000 tekens).';
COMMENT ON COLUMN klantcontact.indicatie_contact_gelukt IS 'Geeft aan of het contact tot stand kwam; NULL = onbekend. Niet waar samen met verdere_actie_ondernomen.';
COMMENT ON COLUMN klantcontact.hoofd_onderwerp_type IS 'URL van het type van het hoofdonderwerp, bijvoorbeeld een zaaktype (hoogstens 200 tekens).';
COMMENT ON COLUMN klantcontact.verdere_actie_ondernomen IS 'Geeft aan of er na het klantcontact verdere actie is ondernomen; kan niet waar zijn als het contact gelukt is.';
COMMENT ON COLUMN klantcontact.taal IS 'Taal waarin het klantcontact plaatsvond (ISO 639-2/B-code, hoogstens 3 tekens, verplicht).';
COMMENT ON COLUMN klantcontact.vertrouwelijk IS 'Geeft aan of onderwerp, inhoud en kenmerken van het klantcontact vertrouwelijk behandeld moeten worden.';
COMMENT ON COLUMN klantcontact.plaatsgevonden_op IS 'Tijdstip waarop het klantcontact plaatsvond: begin van een gesprek, (ongeveer) verzend- of ontvangstmoment van een bericht.';
COMMENT ON COLUMN klantcontact.metadata IS 'Extra kenmerken als JSON-object met hoogstens 100 sleutels van hoogstens 255 tekens, waarvan elke waarde een tekst van hoogstens 255 tekens is.';

-- @ONCE
CREATE TABLE betrokkene (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	was_partij uuid,
	had_klantcontact uuid NOT NULL,
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
	contactnaam_voorletters varchar(10) NOT NULL DEFAULT '',
	contactnaam_voornaam varchar(200) NOT NULL DEFAULT '',
	contactnaam_voorvoegsel_achternaam varchar(10) NOT NULL DEFAULT '',
	contactnaam_achternaam varchar(200) NOT NULL DEFAULT '',
	volledige_naam text NOT NULL GENERATED ALWAYS AS
		(volledige_naam(contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)) STORED,
	rol klantcontactrol NOT NULL,
	organisatienaam varchar(200) NOT NULL DEFAULT '',
	initiator boolean NOT NULL,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT betrokkene_pkey PRIMARY KEY (uuid),
	-- Deleting a partij keeps its contact history (Open Klant cascades).
	CONSTRAINT betrokkene_was_partij_fkey FOREIGN KEY (was_partij) REFERENCES partij (uuid) ON DELETE SET NULL,
	CONSTRAINT betrokkene_had_klantcontact_fkey FOREIGN KEY (had_klantcontact)
		REFERENCES klantcontact (uuid) ON DELETE CASCADE,
	CONSTRAINT betrokkene_bezoekadres_huisnummer_1_tot_99999 CHECK (bezoekadres_huisnummer BETWEEN 1 AND 99999),
	CONSTRAINT betrokkene_correspondentieadres_huisnummer_1_tot_99999 CHECK (correspondentieadres_huisnummer BETWEEN 1 AND 99999)
);
-- Klantcontacten of a partij: partij -> betrokkene -> klantcontact.
CREATE INDEX betrokkene_was_partij_idx ON betrokkene (was_partij, had_klantcontact);
CREATE INDEX betrokkene_had_klantcontact_idx ON betrokkene (had_klantcontact);
CREATE INDEX betrokkene_volledige_naam_trgm_idx ON betrokkene USING gin (volledige_naam gin_trgm_ops);
CREATE INDEX betrokkene_organisatienaam_trgm_idx ON betrokkene USING gin (organisatienaam gin_trgm_ops);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE betrokkene ADD COLUMN geheim boolean NOT NULL DEFAULT false;
-- @END

COMMENT ON TABLE betrokkene IS 'Betrokkene bij klantcontact (/betrokkenen): de betrokkenheid van een partij bij een klantcontact, of de contactgegevens voor opvolging van iemand die (nog) geen partij is. Blijft bestaan als de partij verwijderd wordt.';
COMMENT ON COLUMN betrokkene.geheim IS 'Waar wanneer de partij die de betrokkene was geheimhouding vroeg (door de database bijgehouden, alleen-lezen; blijft staan als die partij verdwijnt): dan bestaat de rij alleen voor wie de scope geheim heeft.';
COMMENT ON COLUMN betrokkene.uuid IS 'Unieke technische sleutel van de betrokkene.';
COMMENT ON COLUMN betrokkene.was_partij IS 'De partij die de betrokkene was (wasPartij); leeg voor onbekende personen en nadat de partij verwijderd is.';
COMMENT ON COLUMN betrokkene.had_klantcontact IS 'Het klantcontact waarbij de betrokkene betrokken was (hadKlantcontact, verplicht).';
COMMENT ON COLUMN betrokkene.volledige_naam IS 'Volledige naam (volledigeNaam, alleen-lezen): voornaam, voorvoegsel en achternaam.';
COMMENT ON COLUMN betrokkene.rol IS 'Rol van de betrokkene bij het klantcontact: klant of vertegenwoordiger.';
COMMENT ON COLUMN betrokkene.organisatienaam IS 'Naam van de organisatie waarvoor de betrokkene optrad (hoogstens 200 tekens).';
COMMENT ON COLUMN betrokkene.initiator IS 'Geeft aan of de betrokkene het klantcontact begon.';

-- @ONCE
CREATE TABLE onderwerpobject (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	klantcontact uuid,
	was_klantcontact uuid,
	onderwerpobjectidentificator_object_id varchar(200) NOT NULL DEFAULT '',
	onderwerpobjectidentificator_code_objecttype varchar(200) NOT NULL DEFAULT '',
	onderwerpobjectidentificator_code_register varchar(200) NOT NULL DEFAULT '',
	onderwerpobjectidentificator_code_soort_object_id varchar(200) NOT NULL DEFAULT '',
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	vertrouwelijk boolean NOT NULL DEFAULT false,
	CONSTRAINT onderwerpobject_pkey PRIMARY KEY (uuid),
	CONSTRAINT onderwerpobject_klantcontact_fkey FOREIGN KEY (klantcontact)
		REFERENCES klantcontact (uuid) ON DELETE CASCADE,
	CONSTRAINT onderwerpobject_was_klantcontact_fkey FOREIGN KEY (was_klantcontact)
		REFERENCES klantcontact (uuid) ON DELETE CASCADE
);
CREATE INDEX onderwerpobject_klantcontact_idx ON onderwerpobject (klantcontact);
CREATE INDEX onderwerpobject_was_klantcontact_idx ON onderwerpobject (was_klantcontact);
CREATE INDEX onderwerpobject_identificator_idx ON onderwerpobject
	(onderwerpobjectidentificator_object_id, onderwerpobjectidentificator_code_objecttype);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE onderwerpobject ADD COLUMN vertrouwelijk boolean NOT NULL DEFAULT false;
-- @END
COMMENT ON TABLE onderwerpobject IS 'Onderwerpobject (/onderwerpobjecten): verwijzing naar een object (zaak, eerder klantcontact, ...) dat onderwerp was van een klantcontact.';
COMMENT ON COLUMN onderwerpobject.vertrouwelijk IS 'Kopie van vertrouwelijk van het klantcontact waaronder de rij hangt (door de database bijgehouden, alleen-lezen).';
COMMENT ON COLUMN onderwerpobject.uuid IS 'Unieke technische sleutel van het onderwerpobject.';
COMMENT ON COLUMN onderwerpobject.klantcontact IS 'Het klantcontact dat over dit object ging (klantcontact; in het gegevensmodel wasOnderwerpVanKlantcontact).';
COMMENT ON COLUMN onderwerpobject.was_klantcontact IS 'Een eerder klantcontact dat zelf het onderwerp was (wasKlantcontact; in het gegevensmodel onderwerpWasKlantcontact).';
COMMENT ON COLUMN onderwerpobject.onderwerpobjectidentificator_object_id IS 'Identificatie van het object binnen zijn register (onderwerpobjectidentificator.objectId, vrije tekst, hoogstens 200 tekens).';
COMMENT ON COLUMN onderwerpobject.onderwerpobjectidentificator_code_objecttype IS 'Type van het object, bijvoorbeeld zaak (onderwerpobjectidentificator.codeObjecttype, hoogstens 200 tekens).';
COMMENT ON COLUMN onderwerpobject.onderwerpobjectidentificator_code_register IS 'Register waarin het object staat, bijvoorbeeld open-zaak (onderwerpobjectidentificator.codeRegister, hoogstens 200 tekens).';
COMMENT ON COLUMN onderwerpobject.onderwerpobjectidentificator_code_soort_object_id IS 'Soort identificatie van het object, bijvoorbeeld uuid (onderwerpobjectidentificator.codeSoortObjectId, hoogstens 200 tekens).';

-- @ONCE
CREATE TABLE bijlage (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	was_bijlage_van_klantcontact uuid,
	bijlageidentificator_object_id varchar(200) NOT NULL DEFAULT '',
	bijlageidentificator_code_objecttype varchar(200) NOT NULL DEFAULT '',
	bijlageidentificator_code_register varchar(200) NOT NULL DEFAULT '',
	bijlageidentificator_code_soort_object_id varchar(200) NOT NULL DEFAULT '',
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	vertrouwelijk boolean NOT NULL DEFAULT false,
	CONSTRAINT bijlage_pkey PRIMARY KEY (uuid),
	CONSTRAINT bijlage_was_bijlage_van_klantcontact_fkey FOREIGN KEY (was_bijlage_van_klantcontact)
		REFERENCES klantcontact (uuid) ON DELETE CASCADE
);
CREATE INDEX bijlage_was_bijlage_van_klantcontact_idx ON bijlage (was_bijlage_van_klantcontact);
-- @END
-- @UPDATE 0.1.0
ALTER TABLE bijlage ADD COLUMN vertrouwelijk boolean NOT NULL DEFAULT false;
-- @END
COMMENT ON TABLE bijlage IS 'Bijlage (/bijlagen): verwijzing naar een object (document, formuliergegevens) dat tijdens een klantcontact is gemaakt of overgedragen en in een eigen register staat.';
COMMENT ON COLUMN bijlage.vertrouwelijk IS 'Kopie van vertrouwelijk van het klantcontact waaronder de rij hangt (door de database bijgehouden, alleen-lezen).';
COMMENT ON COLUMN bijlage.uuid IS 'Unieke technische sleutel van de bijlage.';
COMMENT ON COLUMN bijlage.was_bijlage_van_klantcontact IS 'Het klantcontact waarbij de bijlage hoorde (wasBijlageVanKlantcontact).';
COMMENT ON COLUMN bijlage.bijlageidentificator_object_id IS 'Identificatie van het object binnen zijn register (bijlageidentificator.objectId, vrije tekst, hoogstens 200 tekens).';
COMMENT ON COLUMN bijlage.bijlageidentificator_code_objecttype IS 'Type van het object, bijvoorbeeld informatieobject (bijlageidentificator.codeObjecttype, hoogstens 200 tekens).';
COMMENT ON COLUMN bijlage.bijlageidentificator_code_register IS 'Register waarin het object staat (bijlageidentificator.codeRegister, hoogstens 200 tekens).';
COMMENT ON COLUMN bijlage.bijlageidentificator_code_soort_object_id IS 'Soort identificatie van het object (bijlageidentificator.codeSoortObjectId, hoogstens 200 tekens).';
