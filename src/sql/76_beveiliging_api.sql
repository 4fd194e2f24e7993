-- Security, part 7: what the REST API adds for it.
--
--   * The citizen's own views (mijn-omgeving): mijn_partij, mijn_digitaleadressen
--     and mijn_klantcontacten, for the role klantinteracties_burger, whose JWT
--     carries the BSN DigiD established.  Row-level security limits them to the
--     citizen's own partij; they leave out what a citizen never sees (the
--     interne notitie, actors, interne taken, other betrokkenen) and mask BSNs
--     in text.
--   * Logged lookups: PostgREST runs GET requests READ ONLY, so a lookup that
--     must be logged is a VOLATILE function, offered as POST /rpc/...; it
--     refuses to run without a purpose (doelbinding) and writes inzagelog.
--
-- Like every view, they run as klantinteracties_eigenaar under the
-- caller's policies (declared beside each).

CREATE VIEW klantinteracties_api.mijn_partij AS
SELECT p.uuid,
	klantinteracties.api_url('partijen', p.uuid) AS url,
	p.soort_partij::text AS "soortPartij",
	p.voorkeurstaal::text AS voorkeurstaal,
	p.indicatie_actief AS "indicatieActief",
	klantinteracties.api_adres(p.bezoekadres_nummeraanduiding_id, p.bezoekadres_straatnaam, p.bezoekadres_huisnummer,
		p.bezoekadres_huisnummertoevoeging, p.bezoekadres_postcode, p.bezoekadres_stad, p.bezoekadres_adresregel1,
		p.bezoekadres_adresregel2, p.bezoekadres_adresregel3, p.bezoekadres_land) AS bezoekadres,
	klantinteracties.api_adres(p.correspondentieadres_nummeraanduiding_id, p.correspondentieadres_straatnaam,
		p.correspondentieadres_huisnummer, p.correspondentieadres_huisnummertoevoeging, p.correspondentieadres_postcode,
		p.correspondentieadres_stad, p.correspondentieadres_adresregel1, p.correspondentieadres_adresregel2,
		p.correspondentieadres_adresregel3, p.correspondentieadres_land) AS correspondentieadres,
	(SELECT pg_catalog.jsonb_build_object(
		'contactnaam', klantinteracties.api_contactnaam(d.contactnaam_voorletters, d.contactnaam_voornaam,
			d.contactnaam_voorvoegsel_achternaam, d.contactnaam_achternaam),
		'volledigeNaam', d.volledige_naam)
	   FROM klantinteracties.persoon d WHERE d.partij = p.uuid) AS "partijIdentificatie",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_partij_identificator(pi) ORDER BY pi.geregistreerd_op, pi.uuid)
				FROM klantinteracties.partij_identificator pi WHERE pi.identificeerde_partij = p.uuid), '[]') AS "partijIdentificatoren",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('digitaleadressen', d.uuid) ORDER BY d.geregistreerd_op, d.uuid)
				FROM klantinteracties.digitaal_adres d WHERE d.verstrekt_door_partij = p.uuid), '[]') AS "digitaleAdressen",
	(SELECT klantinteracties.api_ref('digitaleadressen', d.uuid)
	   FROM klantinteracties.digitaal_adres d WHERE d.verstrekt_door_partij = p.uuid AND d.is_voorkeursadres) AS "voorkeursDigitaalAdres"
  FROM klantinteracties.partij p
 WHERE p.uuid = (SELECT klantinteracties.burger_partij());
ALTER VIEW klantinteracties_api.mijn_partij OWNER TO klantinteracties_eigenaar;
GRANT SELECT, UPDATE ON klantinteracties_api.mijn_partij TO klantinteracties_burger;
COMMENT ON VIEW klantinteracties_api.mijn_partij IS 'Mijn gegevens (mijn-omgeving)
De eigen partij van de burger (rol klantinteracties_burger, BSN uit de JWT): naam, adressen, identificatoren en digitale adressen; nooit de interne notitie. Alleen voorkeurstaal kan gewijzigd worden (PATCH).';
COMMENT ON COLUMN klantinteracties_api.mijn_partij.uuid IS 'Unieke technische sleutel van de eigen partij.';
COMMENT ON COLUMN klantinteracties_api.mijn_partij.url IS 'URL van de partij in de API.';
COMMENT ON COLUMN klantinteracties_api.mijn_partij."soortPartij" IS 'Soort partij.';
COMMENT ON COLUMN klantinteracties_api.mijn_partij.voorkeurstaal IS 'Taal waarin de burger bij voorkeur contact heeft; door de burger te wijzigen.';
COMMENT ON COLUMN klantinteracties_api.mijn_partij."indicatieActief" IS 'Of de contactgegevens nog gebruikt mogen worden.';
COMMENT ON COLUMN klantinteracties_api.mijn_partij.bezoekadres IS 'Het bezoekadres.';
COMMENT ON COLUMN klantinteracties_api.mijn_partij.correspondentieadres IS 'Het correspondentieadres.';
COMMENT ON COLUMN klantinteracties_api.mijn_partij."partijIdentificatie" IS 'Contactnaam en volledige naam.';
COMMENT ON COLUMN klantinteracties_api.mijn_partij."partijIdentificatoren" IS 'De identificatoren van de eigen partij, het eigen BSN inbegrepen.';
COMMENT ON COLUMN klantinteracties_api.mijn_partij."digitaleAdressen" IS 'Verwijzingen naar de eigen digitale adressen (mijn_digitaleadressen).';
COMMENT ON COLUMN klantinteracties_api.mijn_partij."voorkeursDigitaalAdres" IS 'Verwijzing naar het digitale adres met de voorkeur.';

-- PATCH /mijn_partij: only the voorkeurstaal.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar; INSTEAD OF trigger of its view).
CREATE OR REPLACE FUNCTION api_mijn_partij_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF TG_OP <> 'UPDATE' OR (pg_catalog.to_jsonb(NEW) - 'voorkeurstaal') <> (pg_catalog.to_jsonb(OLD) - 'voorkeurstaal') THEN
		RAISE EXCEPTION 'only voorkeurstaal can be changed here' USING ERRCODE = 'insufficient_privilege',
			HINT = 'Other changes go through the municipality.';
	END IF;
	UPDATE klantinteracties.partij SET voorkeurstaal = coalesce(NEW.voorkeurstaal, '') WHERE uuid = OLD.uuid;
	SELECT * INTO NEW FROM klantinteracties_api.mijn_partij WHERE uuid = OLD.uuid;
	RETURN NEW;
END
$$;
ALTER FUNCTION api_mijn_partij_schrijven() OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION api_mijn_partij_schrijven() FROM PUBLIC;
COMMENT ON FUNCTION api_mijn_partij_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.mijn_partij: a PATCH changes the voorkeurstaal; any other change, POST or DELETE is refused (42501).';
CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.mijn_partij
	FOR EACH ROW EXECUTE FUNCTION api_mijn_partij_schrijven();

CREATE VIEW klantinteracties_api.mijn_digitaleadressen AS
SELECT d.uuid,
	klantinteracties.api_url('digitaleadressen', d.uuid) AS url,
	coalesce(d.adres_email::text, d.adres_telefoonnummer::text, d.adres::text) AS adres,
	d.soort_digitaal_adres::text AS "soortDigitaalAdres",
	d.is_standaard_adres AS "isStandaardAdres",
	d.is_voorkeursadres AS "isVoorkeursadres",
	d.omschrijving::text AS omschrijving,
	d.referentie::text AS referentie,
	d.verificatie_datum AS "verificatieDatum"
  FROM klantinteracties.digitaal_adres d
 WHERE d.verstrekt_door_partij = (SELECT klantinteracties.burger_partij());
ALTER VIEW klantinteracties_api.mijn_digitaleadressen OWNER TO klantinteracties_eigenaar;
GRANT SELECT, INSERT, UPDATE, DELETE ON klantinteracties_api.mijn_digitaleadressen TO klantinteracties_burger;
COMMENT ON VIEW klantinteracties_api.mijn_digitaleadressen IS 'Mijn digitale adressen (mijn-omgeving)
De digitale adressen die de burger zelf verstrekte: te lezen, toe te voegen, te wijzigen en te verwijderen; de verificatiedatum zet alleen de gemeente.';
COMMENT ON COLUMN klantinteracties_api.mijn_digitaleadressen.uuid IS 'Unieke technische sleutel van het digitale adres.';
COMMENT ON COLUMN klantinteracties_api.mijn_digitaleadressen.url IS 'URL van het digitale adres in de API.';
COMMENT ON COLUMN klantinteracties_api.mijn_digitaleadressen.adres IS 'Het adres, in canonieke vorm.';
COMMENT ON COLUMN klantinteracties_api.mijn_digitaleadressen."soortDigitaalAdres" IS 'email, telefoonnummer of overig.';
COMMENT ON COLUMN klantinteracties_api.mijn_digitaleadressen."isStandaardAdres" IS 'Of dit het standaardadres van zijn soort is.';
COMMENT ON COLUMN klantinteracties_api.mijn_digitaleadressen."isVoorkeursadres" IS 'Of dit het adres met de voorkeur is.';
COMMENT ON COLUMN klantinteracties_api.mijn_digitaleadressen.omschrijving IS 'Omschrijving van het adres.';
COMMENT ON COLUMN klantinteracties_api.mijn_digitaleadressen.referentie IS 'Referentie voor de afnemer.';
COMMENT ON COLUMN klantinteracties_api.mijn_digitaleadressen."verificatieDatum" IS 'Datum waarop de gemeente het adres verifieerde (alleen-lezen).';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar; INSTEAD OF trigger of its view).
CREATE OR REPLACE FUNCTION api_mijn_digitaleadressen_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	id uuid;
BEGIN
	IF TG_OP = 'DELETE' THEN
		DELETE FROM klantinteracties.digitaal_adres WHERE uuid = OLD.uuid;
		RETURN OLD;
	ELSIF TG_OP = 'INSERT' THEN
		id := coalesce(NEW.uuid, pg_catalog.gen_random_uuid());
		INSERT INTO klantinteracties.digitaal_adres (uuid, verstrekt_door_partij, soort_digitaal_adres, adres,
			is_standaard_adres, is_voorkeursadres, omschrijving, referentie)
		VALUES (id, klantinteracties.burger_partij(), klantinteracties.api_verplicht(NEW."soortDigitaalAdres")::klantinteracties.soort_digitaal_adres,
			klantinteracties.api_verplicht(NEW.adres), coalesce(NEW."isStandaardAdres", false),
			coalesce(NEW."isVoorkeursadres", false), coalesce(NEW.omschrijving, ''), coalesce(NEW.referentie, ''));
	ELSE
		id := OLD.uuid;
		UPDATE klantinteracties.digitaal_adres
		   SET soort_digitaal_adres = NEW."soortDigitaalAdres"::klantinteracties.soort_digitaal_adres, adres = NEW.adres,
			   is_standaard_adres = NEW."isStandaardAdres", is_voorkeursadres = NEW."isVoorkeursadres",
			   omschrijving = NEW.omschrijving, referentie = NEW.referentie,
			   -- What the municipality verified is no longer the address.
			   verificatie_datum = CASE WHEN NEW.adres IS DISTINCT FROM OLD.adres
											 OR NEW."soortDigitaalAdres" IS DISTINCT FROM OLD."soortDigitaalAdres"
										THEN NULL ELSE verificatie_datum END
		 WHERE uuid = id;
	END IF;
	SELECT * INTO NEW FROM klantinteracties_api.mijn_digitaleadressen WHERE uuid = id;
	RETURN NEW;
END
$$;
ALTER FUNCTION api_mijn_digitaleadressen_schrijven() OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION api_mijn_digitaleadressen_schrijven() FROM PUBLIC;
COMMENT ON FUNCTION api_mijn_digitaleadressen_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.mijn_digitaleadressen: POST, PATCH and DELETE of the citizen''s own digitale adressen (verstrekt door the citizen''s partij; verificatieDatum is not written, and is cleared when the citizen changes the address or its soort). Row-level security refuses anything else.';
CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.mijn_digitaleadressen
	FOR EACH ROW EXECUTE FUNCTION api_mijn_digitaleadressen_schrijven();

-- The klantcontacten in which the citizen's partij was a betrokkene (the
-- policy on klantcontact), with the citizen's own betrokkene rows only.
CREATE VIEW klantinteracties_api.mijn_klantcontacten AS
SELECT k.uuid,
	klantinteracties.api_url('klantcontacten', k.uuid) AS url,
	k.kanaal::text AS kanaal,
	klantinteracties.maskeer_bsn(k.onderwerp::text, false) AS onderwerp,
	klantinteracties.maskeer_bsn(k.inhoud::text, false) AS inhoud,
	klantinteracties.maskeer_bsn(k.reactie::text, false) AS reactie,
	k.indicatie_contact_gelukt AS "indicatieContactGelukt",
	k.taal::text AS taal,
	k.plaatsgevonden_op AS "plaatsgevondenOp",
	coalesce((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('rol', b.rol, 'initiator', b.initiator)
					ORDER BY b.geregistreerd_op, b.uuid)
				FROM klantinteracties.betrokkene b WHERE b.had_klantcontact = k.uuid
				 AND b.was_partij = (SELECT klantinteracties.burger_partij())), '[]') AS "mijnRol"
  FROM klantinteracties.klantcontact k
 WHERE k.uuid IN (SELECT b.had_klantcontact FROM klantinteracties.betrokkene b
				   WHERE b.was_partij = (SELECT klantinteracties.burger_partij()));
ALTER VIEW klantinteracties_api.mijn_klantcontacten OWNER TO klantinteracties_eigenaar;
GRANT SELECT ON klantinteracties_api.mijn_klantcontacten TO klantinteracties_burger;
COMMENT ON VIEW klantinteracties_api.mijn_klantcontacten IS 'Mijn contacten (mijn-omgeving)
De klantcontacten waarbij de partij van de burger betrokkene was: kanaal, onderwerp, inhoud, reactie en moment; zonder actoren, interne taken en andere betrokkenen; BSN''s in tekst gemaskeerd.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten.uuid IS 'Unieke technische sleutel van het klantcontact.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten.url IS 'URL van het klantcontact in de API.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten.kanaal IS 'Het kanaal van het contact.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten.onderwerp IS 'Onderwerp van het contact.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten.inhoud IS 'Wat er uitgewisseld is.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten.reactie IS 'Reactie van de gemeente.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten."indicatieContactGelukt" IS 'Of het contact tot stand kwam.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten.taal IS 'Taal van het contact.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten."plaatsgevondenOp" IS 'Moment van het contact.';
COMMENT ON COLUMN klantinteracties_api.mijn_klantcontacten."mijnRol" IS 'De rol (klant, vertegenwoordiger) en of de burger het contact begon, per eigen betrokkenheid.';

-- GET /mijn_inzage: who looked up the citizen's data (AVG article 15, the
-- Logboek Dataverwerkingen's idea that the data subject can see it): when,
-- which lookup, for which purpose, by which application; not which
-- employee.  Through a policy of its own on inzagelog for the citizen.
CREATE VIEW klantinteracties_api.mijn_inzage AS
SELECT i.tijdstip, i.handeling, i.doelbinding, i.applicatie
  FROM klantinteracties.inzagelog i
 WHERE i.partij = (SELECT klantinteracties.burger_partij());
ALTER VIEW klantinteracties_api.mijn_inzage OWNER TO klantinteracties_eigenaar;
GRANT SELECT ON klantinteracties_api.mijn_inzage TO klantinteracties_burger;
COMMENT ON VIEW klantinteracties_api.mijn_inzage IS 'Mijn inzagelog (mijn-omgeving)
Wanneer de gemeente de gegevens van de burger opvroeg (klantbeeld, zoeken op BSN), met welke opvraging, voor welk doel en door welke applicatie; niet door welke medewerker.';
COMMENT ON COLUMN klantinteracties_api.mijn_inzage.tijdstip IS 'Tijdstip van de opvraging.';
COMMENT ON COLUMN klantinteracties_api.mijn_inzage.handeling IS 'De opvraging (klantbeeld_opvragen, zoek_partij_op_bsn).';
COMMENT ON COLUMN klantinteracties_api.mijn_inzage.doelbinding IS 'Het opgegeven doel.';
COMMENT ON COLUMN klantinteracties_api.mijn_inzage.applicatie IS 'De applicatie waarmee opgevraagd werd.';
CREATE POLICY burger ON inzagelog FOR SELECT TO klantinteracties_burger
	USING (partij = (SELECT klantinteracties.burger_partij()));
GRANT SELECT ON inzagelog TO klantinteracties_eigenaar;


-- POST /rpc/zoek_partij_op_bsn: the partijen with this BSN that the caller
-- may see, logged with the purpose (a default, so that a call without one
-- reaches the function and is refused there, not reported missing).  As the caller, so row-level security
-- decides: without the bsn scope nothing is found, whether or not the BSN
-- exists, and the answer is the same empty list.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantinteracties_api.zoek_partij_op_bsn(bsn text, doelbinding text DEFAULT NULL)
	RETURNS SETOF klantinteracties_api.partijen
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	doel text := klantinteracties.doelbinding_vereist(zoek_partij_op_bsn.doelbinding);
	-- Any spelling; an invalid BSN finds nothing.
	gevonden uuid[] := pg_catalog.array_remove(ARRAY[CASE WHEN klantinteracties.is_bsn(zoek_partij_op_bsn.bsn)
		THEN klantinteracties.zoek_partij(zoek_partij_op_bsn.bsn::klantinteracties.bsn) END], NULL);
BEGIN
	PERFORM klantinteracties.inzage_vastleggen('zoek_partij_op_bsn', gevonden, doel);
	RETURN QUERY SELECT * FROM klantinteracties_api.partijen p WHERE p.uuid = ANY (gevonden) ORDER BY p.uuid;
END
$$;
ALTER FUNCTION klantinteracties_api.zoek_partij_op_bsn(text, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties_api.zoek_partij_op_bsn(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.zoek_partij_op_bsn(text, text) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantinteracties_api.zoek_partij_op_bsn(text, text) IS 'Zoek partij op BSN (gelogd)
POST /rpc/zoek_partij_op_bsn {"bsn", "doelbinding"}: the partij with this BSN (any spelling; zoek_partij) if the caller may see it, as /partijen shows it; every call is logged in inzagelog with the purpose (doelbinding, required: 22023 without). Without the bsn scope it finds nothing, for every BSN alike.';

-- POST /rpc/klantbeeld_opvragen: the klantbeeld document (klantbeeld(...))
-- of one partij, by uuid, BSN or KvK-nummer, as the caller may see it
-- (masked), logged with the purpose.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantinteracties_api.klantbeeld_opvragen(doelbinding text DEFAULT NULL, partij uuid DEFAULT NULL,
														  bsn text DEFAULT NULL, "kvkNummer" text DEFAULT NULL)
	RETURNS jsonb
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	doel text := klantinteracties.doelbinding_vereist(klantbeeld_opvragen.doelbinding);
	document jsonb;
BEGIN
	IF (klantbeeld_opvragen.partij IS NOT NULL)::integer + (klantbeeld_opvragen.bsn IS NOT NULL)::integer
		+ ("kvkNummer" IS NOT NULL)::integer <> 1 THEN
		RAISE EXCEPTION 'give one of partij, bsn and kvkNummer' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- An invalid number finds nothing, as an unknown one.
	document := CASE
		WHEN klantbeeld_opvragen.partij IS NOT NULL THEN klantinteracties.klantbeeld(klantbeeld_opvragen.partij)
		WHEN klantinteracties.is_bsn(klantbeeld_opvragen.bsn)
			THEN klantinteracties.klantbeeld(klantbeeld_opvragen.bsn::klantinteracties.bsn)
		WHEN klantinteracties.is_kvk_nummer("kvkNummer")
			THEN klantinteracties.klantbeeld("kvkNummer"::klantinteracties.kvk_nummer) END;
	PERFORM klantinteracties.inzage_vastleggen('klantbeeld_opvragen',
		pg_catalog.array_remove(ARRAY[(document #>> '{partij,uuid}')::uuid], NULL), doel);
	RETURN document;
END
$$;
ALTER FUNCTION klantinteracties_api.klantbeeld_opvragen(text, uuid, text, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties_api.klantbeeld_opvragen(text, uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.klantbeeld_opvragen(text, uuid, text, text) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantinteracties_api.klantbeeld_opvragen(text, uuid, text, text) IS 'Klantbeeld opvragen (gelogd)
POST /rpc/klantbeeld_opvragen {"doelbinding", and one of "partij", "bsn", "kvkNummer"}: the klantbeeld document of the partij as the caller may see it (row-level security and masks), or null; every call is logged in inzagelog with the purpose (22023 without one).';
