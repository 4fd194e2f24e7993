-- REST API: /actoren, /actorklantcontacten, /internetaken.

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION api_actor_identificatie(a actor) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
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
ALTER FUNCTION api_actor_identificatie(actor) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION api_actor_identificatie(actor) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_actor_identificatie(actor) TO klantinteracties_lezer;
COMMENT ON FUNCTION api_actor_identificatie(actor) IS 'actorIdentificatie of an actor as the API returns it, by soortActor: medewerker {functie, emailadres, telefoonnummer}, geautomatiseerde_actor {functie, omschrijving}, organisatorische_eenheid {omschrijving, emailadres, faxnummer, telefoonnummer}; telephone numbers in E.164.';

-- Kind: invoker wrapper of a function that runs as the caller, for lezer.
CREATE OR REPLACE FUNCTION api_actor(a actor) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT pg_catalog.jsonb_build_object(
	'uuid', a.uuid,
	'url', klantinteracties.api_url('actoren', a.uuid),
	'naam', a.naam,
	'soortActor', a.soort_actor,
	'indicatieActief', a.indicatie_actief,
	'actoridentificator', klantinteracties.api_objectidentificator(klantinteracties.maskeer_bsn(
			a.actoridentificator_object_id::pg_catalog.text, (SELECT klantinteracties.heeft_scope('bsn')), a.actoridentificator_code_soort_object_id),
		a.actoridentificator_code_objecttype, a.actoridentificator_code_register, a.actoridentificator_code_soort_object_id),
	'actorIdentificatie', klantinteracties.api_actor_identificatie(a))
$$;
REVOKE ALL ON FUNCTION api_actor(actor) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_actor(actor) TO klantinteracties_lezer;
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
ALTER VIEW klantinteracties_api.actoren OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api.actorklantcontacten AS
SELECT ak.uuid,
	klantinteracties.api_url('actorklantcontacten', ak.uuid) AS url,
	klantinteracties.api_ref('actoren', ak.actor) AS actor,
	klantinteracties.api_ref('klantcontacten', ak.klantcontact) AS klantcontact
  FROM klantinteracties.actor_klantcontact ak;
ALTER VIEW klantinteracties_api.actorklantcontacten OWNER TO klantinteracties_eigenaar;

-- toegewezenAanActoren in order of assignment; the deprecated
-- toegewezenAanActor is the first of them.
CREATE VIEW klantinteracties_api.internetaken AS
SELECT t.uuid,
	klantinteracties.api_url('internetaken', t.uuid) AS url,
	t.nummer::text AS nummer,
	t.referentienummer::text AS referentienummer,
	CASE WHEN NOT t.vertrouwelijk OR (SELECT klantinteracties.heeft_scope('geheim')) THEN klantinteracties.maskeer_bsn(t.gevraagde_handeling::text, (SELECT klantinteracties.heeft_scope('bsn'))) ELSE '' END AS "gevraagdeHandeling",
	klantinteracties.api_ref('klantcontacten', t.aanleidinggevend_klantcontact) AS "aanleidinggevendKlantcontact",
	(SELECT klantinteracties.api_ref('actoren', ta.actor) FROM klantinteracties.interne_taak_actor ta
	  WHERE ta.interne_taak = t.uuid ORDER BY ta.geregistreerd_op, ta.actor LIMIT 1) AS "toegewezenAanActor",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('actoren', ta.actor) ORDER BY ta.geregistreerd_op, ta.actor)
				FROM klantinteracties.interne_taak_actor ta WHERE ta.interne_taak = t.uuid), '[]') AS "toegewezenAanActoren",
	CASE WHEN NOT t.vertrouwelijk OR (SELECT klantinteracties.heeft_scope('geheim')) THEN klantinteracties.maskeer_bsn(t.toelichting::text, (SELECT klantinteracties.heeft_scope('bsn'))) ELSE '' END AS toelichting,
	t.status::text AS status,
	t.toegewezen_op AS "toegewezenOp",
	t.afgehandeld_op AS "afgehandeldOp"
  FROM klantinteracties.interne_taak t;
ALTER VIEW klantinteracties_api.internetaken OWNER TO klantinteracties_eigenaar;

-- Writes ---------------------------------------------------------------------
-- The INSTEAD OF triggers of these views are generated from
-- src/api/schrijven.api (65_api_schrijven.sql); they call the functions
-- below for the actor's soort and the interne taak's actors.

-- The detail rows reference (actor, soort): on PATCH they are replaced
-- whole, the old one removed before the soort may change.
CREATE OR REPLACE FUNCTION klantinteracties.api_actor_soort_wisselen(id uuid) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	DELETE FROM klantinteracties.medewerker WHERE actor = id;
	DELETE FROM klantinteracties.geautomatiseerde_actor WHERE actor = id;
	DELETE FROM klantinteracties.organisatorische_eenheid WHERE actor = id;
END
$$;
ALTER FUNCTION klantinteracties.api_actor_soort_wisselen(uuid) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties.api_actor_soort_wisselen(uuid) FROM PUBLIC;
COMMENT ON FUNCTION klantinteracties.api_actor_soort_wisselen(uuid) IS 'As the caller, for the write trigger of /actoren: deletes the actor''s medewerker, geautomatiseerde_actor or organisatorische_eenheid row before a PATCH writes actorIdentificatie anew.';

-- actorIdentificatie, written whole as the detail row of the soort (none
-- when it is absent or null).  The readers (generated from
-- src/api/schrijven.api) name the field of every refusal
-- (actorIdentificatie.telefoonnummer: ...); a violated constraint is named
-- by the trigger (api_veld_van_beperking).
CREATE OR REPLACE FUNCTION klantinteracties.api_actor_identificatie_schrijven(id uuid, soort klantinteracties.soort_actor, body jsonb)
	RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	m klantinteracties.medewerker;
	ga klantinteracties.geautomatiseerde_actor;
	e klantinteracties.organisatorische_eenheid;
BEGIN
	-- Absent or null: the actor has no detail row, as Open Klant leaves it
	-- (its actorIdentificatie is optional).
	IF body IS NULL OR jsonb_typeof(body) = 'null' THEN
		RETURN;
	ELSIF soort = 'medewerker' THEN
		m := klantinteracties.api_medewerker_lezen(body, 'actorIdentificatie');
		INSERT INTO klantinteracties.medewerker (actor, functie, emailadres, telefoonnummer)
		VALUES (id, m.functie, m.emailadres, m.telefoonnummer);
	ELSIF soort = 'geautomatiseerde_actor' THEN
		ga := klantinteracties.api_geautomatiseerde_actor_lezen(body, 'actorIdentificatie');
		INSERT INTO klantinteracties.geautomatiseerde_actor (actor, functie, omschrijving)
		VALUES (id, ga.functie, ga.omschrijving);
	ELSE
		e := klantinteracties.api_organisatorische_eenheid_lezen(body, 'actorIdentificatie');
		INSERT INTO klantinteracties.organisatorische_eenheid (actor, omschrijving, emailadres, faxnummer, telefoonnummer)
		VALUES (id, e.omschrijving, e.emailadres, e.faxnummer, e.telefoonnummer);
	END IF;
END
$$;
ALTER FUNCTION klantinteracties.api_actor_identificatie_schrijven(uuid, klantinteracties.soort_actor, jsonb) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties.api_actor_identificatie_schrijven(uuid, klantinteracties.soort_actor, jsonb) FROM PUBLIC;
COMMENT ON FUNCTION klantinteracties.api_actor_identificatie_schrijven(uuid, klantinteracties.soort_actor, jsonb) IS 'As the caller, for the write trigger of /actoren: writes actorIdentificatie of a request body as the medewerker, geautomatiseerde_actor or organisatorische_eenheid row of the soort; refusals name the field.';

-- The actors of an interne taak from a request body: toegewezenAanActoren,
-- or the deprecated single toegewezenAanActor (which, when both are sent,
-- must be one of the list); at least one.  NULL when the body changed
-- neither (PATCH).  Names the field of every refusal.
CREATE OR REPLACE FUNCTION klantinteracties.api_toewijzing_lezen(nieuw boolean, actor jsonb, actor_oud jsonb,
																   actoren jsonb, actoren_oud jsonb) RETURNS uuid[]
	LANGUAGE plpgsql STABLE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	eerste uuid;
	lijst uuid[];
	f_staat text; f_bericht text; f_detail text; f_hint text;
BEGIN
	IF NOT nieuw AND actoren IS NOT DISTINCT FROM actoren_oud AND actor IS NOT DISTINCT FROM actor_oud THEN
		RETURN NULL;
	END IF;
	veld := 'toegewezenAanActor';
	eerste := klantinteracties.api_verwijzing(actor, 'actor');
	veld := 'toegewezenAanActoren';
	IF actoren IS NOT NULL AND (nieuw OR actoren IS DISTINCT FROM actoren_oud) THEN
		lijst := klantinteracties.api_verwijzingen(actoren, 'actor');
		IF eerste IS NOT NULL AND eerste <> ALL (lijst) AND (nieuw OR actor IS DISTINCT FROM actor_oud) THEN
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = 'toegewezenAanActor is not one of toegewezenAanActoren',
				HINT = 'Send toegewezenAanActoren only; toegewezenAanActor is deprecated.';
		END IF;
	ELSIF eerste IS NOT NULL THEN
		lijst := ARRAY[eerste];
	END IF;
	IF coalesce(cardinality(lijst), 0) = 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'not_null_violation',
			MESSAGE = 'an interne taak is assigned to at least one actor';
	END IF;
	RETURN lijst;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
		f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT;
	PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, NULL);
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION klantinteracties.api_toewijzing_lezen(boolean, jsonb, jsonb, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties.api_toewijzing_lezen(boolean, jsonb, jsonb, jsonb, jsonb) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION klantinteracties.api_toewijzing_lezen(boolean, jsonb, jsonb, jsonb, jsonb) IS 'For the write trigger of /internetaken (which runs as the owner; the references are resolved under the caller''s policies): the actors a request body assigns (toegewezenAanActoren, or the deprecated toegewezenAanActor), NULL when a PATCH changed neither; refusals name the field.';

-- Assigns exactly these actors; clock_timestamp keeps the order of the
-- list (the first is toegewezenAanActor); kept assignments keep their time.
CREATE OR REPLACE FUNCTION klantinteracties.api_toewijzing_schrijven(taak uuid, actoren uuid[]) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	DELETE FROM klantinteracties.interne_taak_actor WHERE interne_taak = taak AND actor <> ALL (actoren);
	INSERT INTO klantinteracties.interne_taak_actor (interne_taak, actor, geregistreerd_op)
	SELECT taak, a.actor, clock_timestamp()
	  FROM unnest(actoren) WITH ORDINALITY AS a(actor, nr)
	 WHERE NOT EXISTS (SELECT FROM klantinteracties.interne_taak_actor ta
						WHERE ta.interne_taak = taak AND ta.actor = a.actor)
	 ORDER BY a.nr;
END
$$;
ALTER FUNCTION klantinteracties.api_toewijzing_schrijven(uuid, uuid[]) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties.api_toewijzing_schrijven(uuid, uuid[]) FROM PUBLIC;
COMMENT ON FUNCTION klantinteracties.api_toewijzing_schrijven(uuid, uuid[]) IS 'As the caller, for the write trigger of /internetaken: makes exactly these actors the interne taak''s, in the order of the list.';
