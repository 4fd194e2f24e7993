-- Actoren (medewerker, geautomatiseerde actor, organisatorische eenheid),
-- their part in klantcontacten, and interne taken.

-- @ONCE
CREATE TABLE actor (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	naam varchar(200) NOT NULL,
	soort_actor soort_actor NOT NULL,
	indicatie_actief boolean NOT NULL DEFAULT true,
	actoridentificator_object_id varchar(200) NOT NULL DEFAULT '',
	actoridentificator_code_objecttype varchar(200) NOT NULL DEFAULT '',
	actoridentificator_code_register varchar(200) NOT NULL DEFAULT '',
	actoridentificator_code_soort_object_id varchar(200) NOT NULL DEFAULT '',
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT actor_pkey PRIMARY KEY (uuid),
	-- Target of the detail tables' (actor, soort_actor) foreign keys.
	CONSTRAINT actor_uuid_soort_actor_key UNIQUE (uuid, soort_actor),
	CONSTRAINT actor_naam_niet_leeg CHECK (btrim(naam) <> '')
);
CREATE INDEX actor_naam_trgm_idx ON actor USING gin (naam gin_trgm_ops);
CREATE INDEX actor_actoridentificator_idx ON actor (actoridentificator_object_id, actoridentificator_code_objecttype);
-- @END
COMMENT ON TABLE actor IS 'Actor (/actoren): iets of iemand die voor de gemeente werkzaamheden uitvoert; de soort-specifieke gegevens staan in medewerker, geautomatiseerde_actor of organisatorische_eenheid.';
COMMENT ON COLUMN actor.uuid IS 'Unieke technische sleutel van de actor.';
COMMENT ON COLUMN actor.naam IS 'Naam van de actor (hoogstens 200 tekens, verplicht).';
COMMENT ON COLUMN actor.soort_actor IS 'Soort actor (soortActor): medewerker, geautomatiseerde_actor of organisatorische_eenheid; bepaalt welke detailtabel de actorIdentificatie bevat.';
COMMENT ON COLUMN actor.indicatie_actief IS 'Geeft aan of de actor actief is; een niet-actieve actor hoort niet meer bij nieuwe klantcontacten betrokken te worden.';
COMMENT ON COLUMN actor.actoridentificator_object_id IS 'Identificatie van de actor in een extern register (actoridentificator.objectId, vrije tekst, hoogstens 200 tekens).';
COMMENT ON COLUMN actor.actoridentificator_code_objecttype IS 'Type object in het externe register (actoridentificator.codeObjecttype, hoogstens 200 tekens).';
COMMENT ON COLUMN actor.actoridentificator_code_register IS 'Het externe register (actoridentificator.codeRegister, hoogstens 200 tekens).';
COMMENT ON COLUMN actor.actoridentificator_code_soort_object_id IS 'Soort identificatie in het externe register (actoridentificator.codeSoortObjectId, hoogstens 200 tekens).';

-- As for partijen: each detail row references (actor, soort_actor) with a
-- constant generated soort, so it can only hang under an actor of its soort.

-- @ONCE
CREATE TABLE medewerker (
	actor uuid NOT NULL,
	soort_actor soort_actor NOT NULL GENERATED ALWAYS AS ('medewerker') STORED,
	functie varchar(40) NOT NULL,
	emailadres emailadres,
	telefoonnummer telefoonnummer NOT NULL,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT medewerker_pkey PRIMARY KEY (actor),
	CONSTRAINT medewerker_actor_is_van_deze_soort FOREIGN KEY (actor, soort_actor)
		REFERENCES actor (uuid, soort_actor) ON DELETE CASCADE,
	CONSTRAINT medewerker_functie_niet_leeg CHECK (btrim(functie) <> '')
);
-- @END
COMMENT ON TABLE medewerker IS 'Medewerker: persoon in dienst van de gemeente als actor (actorIdentificatie van een actor met soortActor medewerker).';
COMMENT ON COLUMN medewerker.actor IS 'De actor (soort medewerker) waarvan dit de gegevens zijn.';
COMMENT ON COLUMN medewerker.soort_actor IS 'Altijd medewerker; deel van de verwijzende sleutel die afdwingt dat de actor van soort medewerker is.';
COMMENT ON COLUMN medewerker.functie IS 'Functie van de medewerker (hoogstens 40 tekens, verplicht).';
COMMENT ON COLUMN medewerker.emailadres IS 'E-mailadres van de medewerker.';
COMMENT ON COLUMN medewerker.telefoonnummer IS 'Telefoonnummer van de medewerker (verplicht).';

-- @ONCE
CREATE TABLE geautomatiseerde_actor (
	actor uuid NOT NULL,
	soort_actor soort_actor NOT NULL GENERATED ALWAYS AS ('geautomatiseerde_actor') STORED,
	functie varchar(40) NOT NULL,
	omschrijving varchar(200) NOT NULL DEFAULT '',
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT geautomatiseerde_actor_pkey PRIMARY KEY (actor),
	CONSTRAINT geautomatiseerde_actor_actor_is_van_deze_soort FOREIGN KEY (actor, soort_actor)
		REFERENCES actor (uuid, soort_actor) ON DELETE CASCADE,
	CONSTRAINT geautomatiseerde_actor_functie_niet_leeg CHECK (btrim(functie) <> '')
);
-- @END
COMMENT ON TABLE geautomatiseerde_actor IS 'Geautomatiseerde actor: programmatuur die namens de gemeente handelt, zoals een chatbot of scanstraat (actorIdentificatie van een actor met soortActor geautomatiseerde_actor).';
COMMENT ON COLUMN geautomatiseerde_actor.actor IS 'De actor (soort geautomatiseerde_actor) waarvan dit de gegevens zijn.';
COMMENT ON COLUMN geautomatiseerde_actor.soort_actor IS 'Altijd geautomatiseerde_actor; deel van de verwijzende sleutel die afdwingt dat de actor van die soort is.';
COMMENT ON COLUMN geautomatiseerde_actor.functie IS 'Functie van de geautomatiseerde actor (hoogstens 40 tekens, verplicht).';
COMMENT ON COLUMN geautomatiseerde_actor.omschrijving IS 'Omschrijving van de geautomatiseerde actor (hoogstens 200 tekens).';

-- @ONCE
CREATE TABLE organisatorische_eenheid (
	actor uuid NOT NULL,
	soort_actor soort_actor NOT NULL GENERATED ALWAYS AS ('organisatorische_eenheid') STORED,
	omschrijving varchar(200) NOT NULL DEFAULT '',
	emailadres emailadres,
	faxnummer varchar(20) NOT NULL DEFAULT '',
	telefoonnummer telefoonnummer,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT organisatorische_eenheid_pkey PRIMARY KEY (actor),
	CONSTRAINT organisatorische_eenheid_actor_is_van_deze_soort FOREIGN KEY (actor, soort_actor)
		REFERENCES actor (uuid, soort_actor) ON DELETE CASCADE
);
-- @END
COMMENT ON TABLE organisatorische_eenheid IS 'Organisatorische eenheid: afdeling, team of ander organisatieonderdeel van de gemeente als actor (actorIdentificatie van een actor met soortActor organisatorische_eenheid).';
COMMENT ON COLUMN organisatorische_eenheid.actor IS 'De actor (soort organisatorische_eenheid) waarvan dit de gegevens zijn.';
COMMENT ON COLUMN organisatorische_eenheid.soort_actor IS 'Altijd organisatorische_eenheid; deel van de verwijzende sleutel die afdwingt dat de actor van die soort is.';
COMMENT ON COLUMN organisatorische_eenheid.omschrijving IS 'Omschrijving van de organisatorische eenheid (hoogstens 200 tekens).';
COMMENT ON COLUMN organisatorische_eenheid.emailadres IS 'E-mailadres van de organisatorische eenheid.';
COMMENT ON COLUMN organisatorische_eenheid.faxnummer IS 'Faxnummer van de organisatorische eenheid (vrije tekst, hoogstens 20 tekens; niet gevalideerd, zoals in Open Klant).';
COMMENT ON COLUMN organisatorische_eenheid.telefoonnummer IS 'Telefoonnummer van de organisatorische eenheid.';

-- @ONCE
CREATE TABLE actor_klantcontact (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	actor uuid NOT NULL,
	klantcontact uuid NOT NULL,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT actor_klantcontact_pkey PRIMARY KEY (uuid),
	CONSTRAINT actor_klantcontact_actor_fkey FOREIGN KEY (actor) REFERENCES actor (uuid) ON DELETE CASCADE,
	CONSTRAINT actor_klantcontact_klantcontact_fkey FOREIGN KEY (klantcontact)
		REFERENCES klantcontact (uuid) ON DELETE CASCADE,
	CONSTRAINT actor_klantcontact_paar_uniek UNIQUE (actor, klantcontact)
);
CREATE INDEX actor_klantcontact_klantcontact_idx ON actor_klantcontact (klantcontact);
-- @END
COMMENT ON TABLE actor_klantcontact IS 'Actorklantcontact (/actorklantcontacten): een actor was betrokken bij een klantcontact; elk paar komt één keer voor.';
COMMENT ON COLUMN actor_klantcontact.uuid IS 'Unieke technische sleutel van de koppeling.';
COMMENT ON COLUMN actor_klantcontact.actor IS 'De actor die bij het klantcontact betrokken was.';
COMMENT ON COLUMN actor_klantcontact.klantcontact IS 'Het klantcontact waarbij de actor betrokken was.';

-- @ONCE
CREATE TABLE interne_taak (
	uuid uuid NOT NULL DEFAULT gen_random_uuid(),
	nummer varchar(10),
	referentienummer varchar(10),
	gevraagde_handeling varchar(200) NOT NULL,
	aanleidinggevend_klantcontact uuid NOT NULL,
	toelichting varchar(1000) NOT NULL DEFAULT '',
	status taakstatus NOT NULL DEFAULT 'te_verwerken',
	toegewezen_op timestamptz NOT NULL DEFAULT now(),
	afgehandeld_op timestamptz,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	vertrouwelijk boolean NOT NULL DEFAULT false,
	CONSTRAINT interne_taak_pkey PRIMARY KEY (uuid),
	CONSTRAINT interne_taak_aanleidinggevend_klantcontact_fkey FOREIGN KEY (aanleidinggevend_klantcontact)
		REFERENCES klantcontact (uuid) ON DELETE CASCADE,
	CONSTRAINT interne_taak_nummer_uniek UNIQUE (nummer),
	CONSTRAINT interne_taak_referentienummer_uniek UNIQUE (referentienummer),
	CONSTRAINT interne_taak_nummer_is_geheel_getal CHECK (nummer ~ '^-?[0-9]+$'),
	CONSTRAINT interne_taak_referentienummer_is_geheel_getal CHECK (referentienummer ~ '^-?[0-9]+$'),
	CONSTRAINT interne_taak_gevraagde_handeling_niet_leeg CHECK (btrim(gevraagde_handeling) <> ''),
	CONSTRAINT interne_taak_afgehandeld_op_alleen_bij_verwerkt CHECK (status = 'verwerkt' OR afgehandeld_op IS NULL)
);
CREATE INDEX interne_taak_aanleidinggevend_klantcontact_idx ON interne_taak (aanleidinggevend_klantcontact);
-- Open taken: the actor's work list joins interne_taak_actor to these.
CREATE INDEX interne_taak_open_idx ON interne_taak (uuid, toegewezen_op) WHERE status = 'te_verwerken';
-- @END
-- @UPDATE 0.1.0
ALTER TABLE interne_taak ADD COLUMN vertrouwelijk boolean NOT NULL DEFAULT false;
-- @END
COMMENT ON TABLE interne_taak IS 'Interne taak (/internetaken): iets dat een actor moet doen om een klantcontact op te volgen.';
COMMENT ON COLUMN interne_taak.vertrouwelijk IS 'Kopie van vertrouwelijk van het klantcontact waaronder de rij hangt (door de database bijgehouden, alleen-lezen).';
COMMENT ON COLUMN interne_taak.uuid IS 'Unieke technische sleutel van de interne taak.';
COMMENT ON COLUMN interne_taak.nummer IS 'Uniek, voor mensen leesbaar nummer van de taak (geheel getal als tekst, hoogstens 10 tekens). Verouderd (deprecated) in de API.';
COMMENT ON COLUMN interne_taak.referentienummer IS 'Uniek referentienummer van de taak (geheel getal als tekst, hoogstens 10 tekens).';
COMMENT ON COLUMN interne_taak.gevraagde_handeling IS 'Wat de actor moet doen (hoogstens 200 tekens, verplicht).';
COMMENT ON COLUMN interne_taak.aanleidinggevend_klantcontact IS 'Het klantcontact naar aanleiding waarvan de taak ontstond (aanleidinggevendKlantcontact, verplicht).';
COMMENT ON COLUMN interne_taak.toelichting IS 'Toelichting bij de taak (hoogstens 1000 tekens).';
COMMENT ON COLUMN interne_taak.status IS 'Status van de taak: te_verwerken of verwerkt.';
COMMENT ON COLUMN interne_taak.toegewezen_op IS 'Tijdstip waarop de taak werd toegewezen (toegewezenOp); standaard het tijdstip van registratie.';
COMMENT ON COLUMN interne_taak.afgehandeld_op IS 'Tijdstip waarop de taak verwerkt werd (afgehandeldOp): gezet wanneer de status verwerkt wordt (tenzij opgegeven), gewist wanneer de status terug gaat naar te_verwerken; alleen gevuld bij status verwerkt.';

-- Open Klant's save(): afgehandeld_op is filled when the taak becomes
-- verwerkt and cleared when it goes back.  Supplying it with status
-- te_verwerken is refused by the CHECK, as the API refuses it.
-- Kind: pure trigger function (invoker: fires as the writer; nobody calls it directly).
CREATE OR REPLACE FUNCTION interne_taak_bijwerken() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF NEW.status = 'verwerkt' THEN
		NEW.afgehandeld_op := coalesce(NEW.afgehandeld_op, now());
	ELSIF TG_OP = 'UPDATE' AND OLD.status = 'verwerkt'
		  AND NEW.afgehandeld_op IS NOT DISTINCT FROM OLD.afgehandeld_op THEN
		NEW.afgehandeld_op := NULL;
	END IF;
	RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION interne_taak_bijwerken() FROM PUBLIC;
COMMENT ON FUNCTION interne_taak_bijwerken() IS 'Trigger function (BEFORE INSERT OR UPDATE on interne_taak): sets afgehandeld_op when the status is verwerkt and it is empty; clears it when the status goes back to te_verwerken.';

CREATE TRIGGER interne_taak_bijwerken BEFORE INSERT OR UPDATE ON interne_taak
	FOR EACH ROW EXECUTE FUNCTION interne_taak_bijwerken();

-- @ONCE
CREATE TABLE interne_taak_actor (
	interne_taak uuid NOT NULL,
	actor uuid NOT NULL,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT interne_taak_actor_pkey PRIMARY KEY (interne_taak, actor),
	CONSTRAINT interne_taak_actor_interne_taak_fkey FOREIGN KEY (interne_taak)
		REFERENCES interne_taak (uuid) ON DELETE CASCADE,
	CONSTRAINT interne_taak_actor_actor_fkey FOREIGN KEY (actor) REFERENCES actor (uuid) ON DELETE CASCADE
);
-- An actor's taken (open ones through interne_taak_open_idx).
CREATE INDEX interne_taak_actor_actor_idx ON interne_taak_actor (actor, interne_taak);
-- @END
COMMENT ON TABLE interne_taak_actor IS 'Toewijzing van een interne taak aan een actor (toegewezenAanActoren; de eerst toegewezen actor is het verouderde toegewezenAanActor). Elk paar komt één keer voor.';
COMMENT ON COLUMN interne_taak_actor.interne_taak IS 'De toegewezen interne taak.';
COMMENT ON COLUMN interne_taak_actor.actor IS 'De actor aan wie de taak is toegewezen.';
