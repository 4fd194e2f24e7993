-- REST API: /actoren, /actorklantcontacten, /internetaken.

CREATE OR REPLACE FUNCTION api_actor_identificatie(a actor) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT CASE a.soort_actor
	WHEN 'medewerker' THEN coalesce(
		(SELECT pg_catalog.jsonb_build_object('functie', d.functie, 'emailadres', coalesce(d.emailadres::text, ''),
			'telefoonnummer', d.telefoonnummer::text)
		   FROM klantinteracties.medewerker d WHERE d.actor = a.uuid),
		'{"functie": "", "emailadres": "", "telefoonnummer": ""}')
	WHEN 'geautomatiseerde_actor' THEN coalesce(
		(SELECT pg_catalog.jsonb_build_object('functie', d.functie, 'omschrijving', d.omschrijving)
		   FROM klantinteracties.geautomatiseerde_actor d WHERE d.actor = a.uuid),
		'{"functie": "", "omschrijving": ""}')
	WHEN 'organisatorische_eenheid' THEN coalesce(
		(SELECT pg_catalog.jsonb_build_object('omschrijving', d.omschrijving, 'emailadres', coalesce(d.emailadres::text, ''),
			'faxnummer', d.faxnummer, 'telefoonnummer', coalesce(d.telefoonnummer::text, ''))
		   FROM klantinteracties.organisatorische_eenheid d WHERE d.actor = a.uuid),
		'{"omschrijving": "", "emailadres": "", "faxnummer": "", "telefoonnummer": ""}')
END
$$;
COMMENT ON FUNCTION api_actor_identificatie(actor) IS 'actorIdentificatie of an actor as the API returns it, by soortActor: medewerker {functie, emailadres, telefoonnummer}, geautomatiseerde_actor {functie, omschrijving}, organisatorische_eenheid {omschrijving, emailadres, faxnummer, telefoonnummer}; telephone numbers in E.164.';

CREATE OR REPLACE FUNCTION api_actor(a actor) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$
SELECT pg_catalog.jsonb_build_object(
	'uuid', a.uuid,
	'url', klantinteracties.api_url('actoren', a.uuid),
	'naam', a.naam,
	'soortActor', a.soort_actor,
	'indicatieActief', a.indicatie_actief,
	'actoridentificator', klantinteracties.api_objectidentificator(klantinteracties.maskeer_bsn(
			a.actoridentificator_object_id::text, (SELECT klantinteracties.heeft_scope('bsn')), a.actoridentificator_code_soort_object_id),
		a.actoridentificator_code_objecttype, a.actoridentificator_code_register, a.actoridentificator_code_soort_object_id),
	'actorIdentificatie', klantinteracties.api_actor_identificatie(a))
$$;
COMMENT ON FUNCTION api_actor(actor) IS 'An actor as the API returns it (Actor), as in /actoren and in hadBetrokkenActoren of a klantcontact.';

CREATE VIEW klantinteracties_api.actoren AS
SELECT a.uuid,
	klantinteracties.api_url('actoren', a.uuid) AS url,
	a.naam::text AS naam,
	a.soort_actor::text AS "soortActor",
	a.indicatie_actief AS "indicatieActief",
	klantinteracties.api_objectidentificator(klantinteracties.maskeer_bsn(a.actoridentificator_object_id::text,
			(SELECT klantinteracties.heeft_scope('bsn')), a.actoridentificator_code_soort_object_id), a.actoridentificator_code_objecttype,
		a.actoridentificator_code_register, a.actoridentificator_code_soort_object_id) AS actoridentificator,
	klantinteracties.api_actor_identificatie(a) AS "actorIdentificatie"
  FROM klantinteracties.actor a;

CREATE VIEW klantinteracties_api.actorklantcontacten AS
SELECT ak.uuid,
	klantinteracties.api_url('actorklantcontacten', ak.uuid) AS url,
	klantinteracties.api_ref('actoren', ak.actor) AS actor,
	klantinteracties.api_ref('klantcontacten', ak.klantcontact) AS klantcontact
  FROM klantinteracties.actor_klantcontact ak;

-- toegewezenAanActoren in order of assignment; the deprecated
-- toegewezenAanActor is the first of them.
CREATE VIEW klantinteracties_api.internetaken AS
SELECT t.uuid,
	klantinteracties.api_url('internetaken', t.uuid) AS url,
	t.nummer::text AS nummer,
	t.referentienummer::text AS referentienummer,
	klantinteracties.maskeer_bsn(t.gevraagde_handeling::text, (SELECT klantinteracties.heeft_scope('bsn'))) AS "gevraagdeHandeling",
	klantinteracties.api_ref('klantcontacten', t.aanleidinggevend_klantcontact) AS "aanleidinggevendKlantcontact",
	(SELECT klantinteracties.api_ref('actoren', ta.actor) FROM klantinteracties.interne_taak_actor ta
	  WHERE ta.interne_taak = t.uuid ORDER BY ta.geregistreerd_op, ta.actor LIMIT 1) AS "toegewezenAanActor",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('actoren', ta.actor) ORDER BY ta.geregistreerd_op, ta.actor)
				FROM klantinteracties.interne_taak_actor ta WHERE ta.interne_taak = t.uuid), '[]') AS "toegewezenAanActoren",
	klantinteracties.maskeer_bsn(t.toelichting::text, (SELECT klantinteracties.heeft_scope('bsn'))) AS toelichting,
	t.status::text AS status,
	t.toegewezen_op AS "toegewezenOp",
	t.afgehandeld_op AS "afgehandeldOp"
  FROM klantinteracties.interne_taak t;

-- Writes ---------------------------------------------------------------------

CREATE OR REPLACE FUNCTION api_actoren_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.actor%ROWTYPE;
	o klantinteracties.api_objectidentificator;
	g jsonb;
	m klantinteracties.medewerker%ROWTYPE;
	e klantinteracties.organisatorische_eenheid%ROWTYPE;
	ga klantinteracties.geautomatiseerde_actor%ROWTYPE;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.actor', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'naam';
		r.naam := klantinteracties.api_verplicht(NEW.naam);
		veld := 'soortActor';
		r.soort_actor := klantinteracties.api_verplicht(NEW."soortActor");
		veld := 'indicatieActief';
		r.indicatie_actief := coalesce(NEW."indicatieActief", true);
		veld := NULL;
		o := klantinteracties.api_objectidentificator_lezen(NEW.actoridentificator, 'actoridentificator');
		-- actorIdentificatie, written whole as the detail row of the soort.
		veld := 'actorIdentificatie';
		g := klantinteracties.api_object(NEW."actorIdentificatie");
		IF r.soort_actor = 'medewerker' THEN
			veld := 'actorIdentificatie.functie';
			m.functie := klantinteracties.api_verplicht(klantinteracties.api_tekst(g -> 'functie'));
			veld := 'actorIdentificatie.emailadres';
			m.emailadres := nullif(klantinteracties.api_tekst(g -> 'emailadres'), '');
			veld := 'actorIdentificatie.telefoonnummer';
			m.telefoonnummer := klantinteracties.api_verplicht(nullif(klantinteracties.api_tekst(g -> 'telefoonnummer'), ''));
		ELSIF r.soort_actor = 'geautomatiseerde_actor' THEN
			veld := 'actorIdentificatie.functie';
			ga.functie := klantinteracties.api_verplicht(klantinteracties.api_tekst(g -> 'functie'));
			veld := 'actorIdentificatie.omschrijving';
			ga.omschrijving := coalesce(klantinteracties.api_tekst(g -> 'omschrijving'), '');
		ELSE
			veld := 'actorIdentificatie.omschrijving';
			e.omschrijving := coalesce(klantinteracties.api_tekst(g -> 'omschrijving'), '');
			veld := 'actorIdentificatie.emailadres';
			e.emailadres := nullif(klantinteracties.api_tekst(g -> 'emailadres'), '');
			veld := 'actorIdentificatie.faxnummer';
			e.faxnummer := coalesce(klantinteracties.api_tekst(g -> 'faxnummer'), '');
			veld := 'actorIdentificatie.telefoonnummer';
			e.telefoonnummer := nullif(klantinteracties.api_tekst(g -> 'telefoonnummer'), '');
		END IF;
		veld := NULL;
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.actor (uuid, naam, soort_actor, indicatie_actief, actoridentificator_object_id,
				actoridentificator_code_objecttype, actoridentificator_code_register, actoridentificator_code_soort_object_id)
			SELECT r.uuid, r.naam, r.soort_actor, r.indicatie_actief, (o).*;
		ELSE
			-- The detail rows reference (actor, soort): replaced whole.
			DELETE FROM klantinteracties.medewerker WHERE actor = r.uuid;
			DELETE FROM klantinteracties.geautomatiseerde_actor WHERE actor = r.uuid;
			DELETE FROM klantinteracties.organisatorische_eenheid WHERE actor = r.uuid;
			UPDATE klantinteracties.actor
			   SET (naam, soort_actor, indicatie_actief, actoridentificator_object_id, actoridentificator_code_objecttype,
					actoridentificator_code_register, actoridentificator_code_soort_object_id)
				 = (SELECT r.naam, r.soort_actor, r.indicatie_actief, (o).*)
			 WHERE uuid = r.uuid;
			IF NOT FOUND THEN
				RETURN NULL;   -- row-level security kept the row
			END IF;
		END IF;
		IF r.soort_actor = 'medewerker' THEN
			INSERT INTO klantinteracties.medewerker (actor, functie, emailadres, telefoonnummer)
			VALUES (r.uuid, m.functie, m.emailadres, m.telefoonnummer);
		ELSIF r.soort_actor = 'geautomatiseerde_actor' THEN
			INSERT INTO klantinteracties.geautomatiseerde_actor (actor, functie, omschrijving)
			VALUES (r.uuid, ga.functie, ga.omschrijving);
		ELSE
			INSERT INTO klantinteracties.organisatorische_eenheid (actor, omschrijving, emailadres, faxnummer, telefoonnummer)
			VALUES (r.uuid, e.omschrijving, e.emailadres, e.faxnummer, e.telefoonnummer);
		END IF;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
			f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
		PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);
	END;
	SELECT * INTO NEW FROM klantinteracties_api.actoren WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_actoren_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.actoren: POST, PATCH and DELETE of /actoren; actorIdentificatie is written as the medewerker, geautomatiseerde_actor or organisatorische_eenheid row of soortActor.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.actoren
	FOR EACH ROW EXECUTE FUNCTION api_actoren_schrijven();

CREATE OR REPLACE FUNCTION api_actorklantcontacten_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.actor_klantcontact%ROWTYPE;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.actor_klantcontact', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'actor';
		r.actor := klantinteracties.api_verplicht(klantinteracties.api_verwijzing(NEW.actor, 'actor'));
		veld := 'klantcontact';
		r.klantcontact := klantinteracties.api_verplicht(klantinteracties.api_verwijzing(NEW.klantcontact, 'klantcontact'));
		veld := NULL;
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.actor_klantcontact (uuid, actor, klantcontact) VALUES (r.uuid, r.actor, r.klantcontact);
		ELSE
			UPDATE klantinteracties.actor_klantcontact SET actor = r.actor, klantcontact = r.klantcontact WHERE uuid = r.uuid;
			IF NOT FOUND THEN
				RETURN NULL;   -- row-level security kept the row
			END IF;
		END IF;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
			f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
		PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);
	END;
	SELECT * INTO NEW FROM klantinteracties_api.actorklantcontacten WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_actorklantcontacten_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.actorklantcontacten: POST, PATCH and DELETE of /actorklantcontacten.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.actorklantcontacten
	FOR EACH ROW EXECUTE FUNCTION api_actorklantcontacten_schrijven();

CREATE OR REPLACE FUNCTION api_internetaken_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.interne_taak%ROWTYPE;
	eerste uuid;
	actoren uuid[];
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.interne_taak', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'nummer';
		r.nummer := nullif(NEW.nummer, '');
		veld := 'referentienummer';
		r.referentienummer := nullif(NEW.referentienummer, '');
		veld := 'gevraagdeHandeling';
		r.gevraagde_handeling := klantinteracties.api_verplicht(NEW."gevraagdeHandeling");
		veld := 'aanleidinggevendKlantcontact';
		r.aanleidinggevend_klantcontact := klantinteracties.api_verplicht(
			klantinteracties.api_verwijzing(NEW."aanleidinggevendKlantcontact", 'klantcontact'));
		veld := 'toelichting';
		r.toelichting := coalesce(NEW.toelichting, '');
		veld := 'status';
		r.status := coalesce(NEW.status, 'te_verwerken');
		-- The actors: toegewezenAanActoren, or the deprecated single
		-- toegewezenAanActor; on PATCH only what the body changed.
		IF TG_OP = 'INSERT' OR NEW."toegewezenAanActoren" IS DISTINCT FROM OLD."toegewezenAanActoren"
		   OR NEW."toegewezenAanActor" IS DISTINCT FROM OLD."toegewezenAanActor" THEN
			veld := 'toegewezenAanActor';
			eerste := klantinteracties.api_verwijzing(NEW."toegewezenAanActor", 'actor');
			veld := 'toegewezenAanActoren';
			IF NEW."toegewezenAanActoren" IS NOT NULL
			   AND (TG_OP = 'INSERT' OR NEW."toegewezenAanActoren" IS DISTINCT FROM OLD."toegewezenAanActoren") THEN
				actoren := klantinteracties.api_verwijzingen(NEW."toegewezenAanActoren", 'actor');
				IF eerste IS NOT NULL AND eerste <> ALL (actoren)
				   AND (TG_OP = 'INSERT' OR NEW."toegewezenAanActor" IS DISTINCT FROM OLD."toegewezenAanActor") THEN
					RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
						MESSAGE = 'toegewezenAanActor is not one of toegewezenAanActoren',
						HINT = 'Send toegewezenAanActoren only; toegewezenAanActor is deprecated.';
				END IF;
			ELSIF eerste IS NOT NULL THEN
				actoren := ARRAY[eerste];
			END IF;
			IF coalesce(cardinality(actoren), 0) = 0 THEN
				RAISE EXCEPTION USING ERRCODE = 'not_null_violation',
					MESSAGE = 'an interne taak is assigned to at least one actor';
			END IF;
		END IF;
		veld := NULL;
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.interne_taak (uuid, nummer, referentienummer, gevraagde_handeling,
				aanleidinggevend_klantcontact, toelichting, status, afgehandeld_op)
			VALUES (r.uuid, r.nummer, r.referentienummer, r.gevraagde_handeling, r.aanleidinggevend_klantcontact,
				r.toelichting, r.status, NEW."afgehandeldOp");
		ELSE
			UPDATE klantinteracties.interne_taak
			   SET nummer = r.nummer, referentienummer = r.referentienummer, gevraagde_handeling = r.gevraagde_handeling,
				   aanleidinggevend_klantcontact = r.aanleidinggevend_klantcontact, toelichting = r.toelichting,
				   status = r.status, afgehandeld_op = NEW."afgehandeldOp"
			 WHERE uuid = r.uuid;
			IF NOT FOUND THEN
				RETURN NULL;   -- row-level security kept the row
			END IF;
		END IF;
		IF actoren IS NOT NULL THEN
			veld := 'toegewezenAanActoren';
			DELETE FROM klantinteracties.interne_taak_actor WHERE interne_taak = r.uuid AND actor <> ALL (actoren);
			-- clock_timestamp keeps the order of the list (the first is
			-- toegewezenAanActor); kept assignments keep their time.
			INSERT INTO klantinteracties.interne_taak_actor (interne_taak, actor, geregistreerd_op)
			SELECT r.uuid, a.actor, clock_timestamp()
			  FROM unnest(actoren) WITH ORDINALITY AS a(actor, nr)
			 WHERE NOT EXISTS (SELECT FROM klantinteracties.interne_taak_actor ta
								WHERE ta.interne_taak = r.uuid AND ta.actor = a.actor)
			 ORDER BY a.nr;
		END IF;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
			f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
		PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);
	END;
	SELECT * INTO NEW FROM klantinteracties_api.internetaken WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_internetaken_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.internetaken: POST, PATCH and DELETE of /internetaken; toegewezenAanActoren (or the deprecated toegewezenAanActor) assigns the actors, at least one.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.internetaken
	FOR EACH ROW EXECUTE FUNCTION api_internetaken_schrijven();
