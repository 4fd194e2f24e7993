-- REST API: /klantcontacten, /betrokkenen, /onderwerpobjecten, /bijlagen.

-- A vertrouwelijk klantcontact shows a caller without the geheim scope no
-- onderwerp, inhoud, reactie or metadata (kenmerken); a caller without the
-- bsn scope sees no BSN in them (docs/security.md).
CREATE VIEW klantinteracties_api.klantcontacten AS
SELECT k.uuid,
	klantinteracties.api_url('klantcontacten', k.uuid) AS url,
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('onderwerpobjecten', o.uuid) ORDER BY o.geregistreerd_op, o.uuid)
				FROM klantinteracties.onderwerpobject o WHERE o.klantcontact = k.uuid), '[]') AS "gingOverOnderwerpobjecten",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_actor(a) ORDER BY ak.geregistreerd_op, ak.uuid)
				FROM klantinteracties.actor_klantcontact ak JOIN klantinteracties.actor a ON a.uuid = ak.actor
			   WHERE ak.klantcontact = k.uuid), '[]') AS "hadBetrokkenActoren",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('bijlagen', bl.uuid) ORDER BY bl.geregistreerd_op, bl.uuid)
				FROM klantinteracties.bijlage bl WHERE bl.was_bijlage_van_klantcontact = k.uuid), '[]') AS "omvatteBijlagen",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('betrokkenen', b.uuid) ORDER BY b.geregistreerd_op, b.uuid)
				FROM klantinteracties.betrokkene b WHERE b.had_klantcontact = k.uuid), '[]') AS "hadBetrokkenen",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('internetaken', t.uuid) ORDER BY t.geregistreerd_op, t.uuid)
				FROM klantinteracties.interne_taak t WHERE t.aanleidinggevend_klantcontact = k.uuid), '[]') AS "leiddeTotInterneTaken",
	k.nummer::text AS nummer,
	k.referentienummer::text AS referentienummer,
	k.kanaal::text AS kanaal,
	CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '' ELSE klantinteracties.maskeer_bsn(k.onderwerp::text, (SELECT klantinteracties.heeft_scope('bsn'))) END AS onderwerp,
	CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '' ELSE klantinteracties.maskeer_bsn(k.inhoud::text, (SELECT klantinteracties.heeft_scope('bsn'))) END AS inhoud,
	CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '' ELSE klantinteracties.maskeer_bsn(k.reactie::text, (SELECT klantinteracties.heeft_scope('bsn'))) END AS reactie,
	k.indicatie_contact_gelukt AS "indicatieContactGelukt",
	k.hoofd_onderwerp_type::text AS "hoofdOnderwerpType",
	k.verdere_actie_ondernomen AS "verdereActieOndernomen",
	k.taal::text AS taal,
	k.vertrouwelijk,
	k.plaatsgevonden_op AS "plaatsgevondenOp",
	CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '{}' ELSE klantinteracties.maskeer_bsn(k.metadata, (SELECT klantinteracties.heeft_scope('bsn'))) END AS metadata
  FROM klantinteracties.klantcontact k;
ALTER VIEW klantinteracties_api.klantcontacten OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api.betrokkenen AS
SELECT b.uuid,
	klantinteracties.api_url('betrokkenen', b.uuid) AS url,
	klantinteracties.api_ref('partijen', b.was_partij) AS "wasPartij",
	klantinteracties.api_ref('klantcontacten', b.had_klantcontact) AS "hadKlantcontact",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('digitaleadressen', d.uuid) ORDER BY d.geregistreerd_op, d.uuid)
				FROM klantinteracties.digitaal_adres d WHERE d.verstrekt_door_betrokkene = b.uuid), '[]') AS "digitaleAdressen",
	klantinteracties.api_adres(b.bezoekadres_nummeraanduiding_id, b.bezoekadres_straatnaam, b.bezoekadres_huisnummer,
		b.bezoekadres_huisnummertoevoeging, b.bezoekadres_postcode, b.bezoekadres_stad, b.bezoekadres_adresregel1,
		b.bezoekadres_adresregel2, b.bezoekadres_adresregel3, b.bezoekadres_land) AS bezoekadres,
	klantinteracties.api_adres(b.correspondentieadres_nummeraanduiding_id, b.correspondentieadres_straatnaam,
		b.correspondentieadres_huisnummer, b.correspondentieadres_huisnummertoevoeging, b.correspondentieadres_postcode,
		b.correspondentieadres_stad, b.correspondentieadres_adresregel1, b.correspondentieadres_adresregel2,
		b.correspondentieadres_adresregel3, b.correspondentieadres_land) AS correspondentieadres,
	klantinteracties.api_contactnaam(b.contactnaam_voorletters, b.contactnaam_voornaam,
		b.contactnaam_voorvoegsel_achternaam, b.contactnaam_achternaam) AS contactnaam,
	CASE WHEN NOT b.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN b.volledige_naam END AS "volledigeNaam",
	CASE WHEN NOT b.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN b.rol::text END AS rol,
	CASE WHEN NOT b.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN b.organisatienaam::text END AS organisatienaam,
	CASE WHEN NOT b.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN b.initiator END AS initiator
  FROM klantinteracties.betrokkene b;
ALTER VIEW klantinteracties_api.betrokkenen OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api.onderwerpobjecten AS
SELECT o.uuid,
	klantinteracties.api_url('onderwerpobjecten', o.uuid) AS url,
	klantinteracties.api_ref('klantcontacten', o.klantcontact) AS klantcontact,
	klantinteracties.api_ref('klantcontacten', o.was_klantcontact) AS "wasKlantcontact",
	klantinteracties.api_objectidentificator(klantinteracties.maskeer_bsn(o.onderwerpobjectidentificator_object_id::text,
			(SELECT klantinteracties.heeft_scope('bsn')), o.onderwerpobjectidentificator_code_soort_object_id),
		o.onderwerpobjectidentificator_code_objecttype, o.onderwerpobjectidentificator_code_register,
		o.onderwerpobjectidentificator_code_soort_object_id) AS onderwerpobjectidentificator
  FROM klantinteracties.onderwerpobject o;
ALTER VIEW klantinteracties_api.onderwerpobjecten OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api.bijlagen AS
SELECT bl.uuid,
	klantinteracties.api_url('bijlagen', bl.uuid) AS url,
	klantinteracties.api_ref('klantcontacten', bl.was_bijlage_van_klantcontact) AS "wasBijlageVanKlantcontact",
	klantinteracties.api_objectidentificator(klantinteracties.maskeer_bsn(bl.bijlageidentificator_object_id::text,
			(SELECT klantinteracties.heeft_scope('bsn')), bl.bijlageidentificator_code_soort_object_id), bl.bijlageidentificator_code_objecttype,
		bl.bijlageidentificator_code_register, bl.bijlageidentificator_code_soort_object_id) AS bijlageidentificator
  FROM klantinteracties.bijlage bl;
ALTER VIEW klantinteracties_api.bijlagen OWNER TO klantinteracties_eigenaar;

-- Writes: the INSTEAD OF triggers of these views are generated from
-- src/api/schrijven.api (65_api_schrijven.sql).
