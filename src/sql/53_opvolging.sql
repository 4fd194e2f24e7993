-- Working lists around the klantbeeld: the contact history of a partij
-- (F2084), the open interne taken of actors (F3839, oldest first), and the
-- contact details to use when following up a klantcontact (VNG
-- Klantinteracties: contactgegevens).

-- One row per klantcontact of the partij (a partij may be betrokkene twice
-- in one contact, as klant and as vertegenwoordiger: its rollen are an
-- array), newest first.  The period is [van, tot); NULL leaves a bound or
-- the kanaal open.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION contacthistorie(partij uuid, van timestamptz DEFAULT NULL, tot timestamptz DEFAULT NULL,
								kanaal text DEFAULT NULL)
	RETURNS TABLE (klantcontact uuid, plaatsgevonden_op timestamptz, kanaal text, onderwerp text,
				   rollen klantcontactrol[], initiator boolean, indicatie_contact_gelukt boolean,
				   vertrouwelijk boolean, open_interne_taken bigint)
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
WITH mijn AS (
	SELECT b.had_klantcontact, array_agg(DISTINCT b.rol ORDER BY b.rol) AS rollen, bool_or(b.initiator) AS initiator
	  FROM klantinteracties.betrokkene b
	 WHERE b.was_partij = $1
	 GROUP BY b.had_klantcontact)
SELECT k.uuid, k.plaatsgevonden_op, k.kanaal::text,
	   -- The masks of docs/security.md: vertrouwelijk without geheim, BSNs without bsn.
	   CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN ''
			ELSE klantinteracties.maskeer_bsn(k.onderwerp::text, (SELECT klantinteracties.heeft_scope('bsn'))) END,
	   m.rollen, m.initiator,
	   k.indicatie_contact_gelukt, k.vertrouwelijk, coalesce(t.open, 0)
  FROM mijn m
  JOIN klantinteracties.klantcontact k ON k.uuid = m.had_klantcontact
  LEFT JOIN (SELECT it.aanleidinggevend_klantcontact, count(*) AS open
			   FROM mijn JOIN klantinteracties.interne_taak it ON it.aanleidinggevend_klantcontact = mijn.had_klantcontact
			  WHERE it.status = 'te_verwerken'
			  GROUP BY it.aanleidinggevend_klantcontact) t ON t.aanleidinggevend_klantcontact = k.uuid
 WHERE ($2 IS NULL OR k.plaatsgevonden_op >= $2)
   AND ($3 IS NULL OR k.plaatsgevonden_op < $3)
   AND ($4 IS NULL OR k.kanaal = $4)
 ORDER BY k.plaatsgevonden_op DESC, k.uuid DESC
$$;
ALTER FUNCTION contacthistorie(uuid, timestamptz, timestamptz, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION contacthistorie(uuid, timestamptz, timestamptz, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION contacthistorie(uuid, timestamptz, timestamptz, text) TO klantinteracties_lezer;
COMMENT ON FUNCTION contacthistorie(uuid, timestamptz, timestamptz, text) IS 'The klantcontacten of a partij, newest first, optionally within [van, tot) and on one kanaal: when, kanaal, onderwerp, the partij''s rollen and whether it took the initiative, indicaties, and the number of open interne taken.';

-- Taken with status te_verwerken, per actor, oldest assignment first (the
-- work list of F3839 / case C2984).  NULL actor: every actor's list.  The
-- two cases are a UNION ALL with a one-time filter each, not
-- "$1 IS NULL OR actor = $1": the function's (generic) plan can then read
-- one actor's taken from interne_taak_actor_actor_idx.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION open_taken(actor uuid DEFAULT NULL)
	RETURNS TABLE (actor uuid, actor_naam text, interne_taak uuid, gevraagde_handeling text, toelichting text,
				   toegewezen_op timestamptz, klantcontact uuid, kanaal text, onderwerp text,
				   plaatsgevonden_op timestamptz)
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT a.uuid, a.naam::text, t.uuid,
	   -- The masks of docs/security.md: vertrouwelijk without geheim, BSNs without bsn.
	   klantinteracties.maskeer_bsn(t.gevraagde_handeling::text, (SELECT klantinteracties.heeft_scope('bsn'))),
	   klantinteracties.maskeer_bsn(t.toelichting::text, (SELECT klantinteracties.heeft_scope('bsn'))), t.toegewezen_op,
	   k.uuid, k.kanaal::text,
	   CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN ''
			ELSE klantinteracties.maskeer_bsn(k.onderwerp::text, (SELECT klantinteracties.heeft_scope('bsn'))) END,
	   k.plaatsgevonden_op
  FROM (SELECT i.actor, i.interne_taak FROM klantinteracties.interne_taak_actor i WHERE $1 IS NULL
		UNION ALL
		SELECT i.actor, i.interne_taak FROM klantinteracties.interne_taak_actor i WHERE i.actor = $1) ita
  JOIN klantinteracties.actor a ON a.uuid = ita.actor
  JOIN klantinteracties.interne_taak t ON t.uuid = ita.interne_taak
  JOIN klantinteracties.klantcontact k ON k.uuid = t.aanleidinggevend_klantcontact
 WHERE t.status = 'te_verwerken'
 ORDER BY a.naam, a.uuid, t.toegewezen_op, k.plaatsgevonden_op, t.uuid
$$;
ALTER FUNCTION open_taken(uuid) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION open_taken(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION open_taken(uuid) TO klantinteracties_lezer;
COMMENT ON FUNCTION open_taken(uuid) IS 'Interne taken with status te_verwerken, per actor (all actors when NULL), oldest assignment first, with the klantcontact they came from.';

-- Spec-model.md 3.3, per betrokkene of the klantcontact, in the order to use
-- them (rang 1 first):
--  1. what the betrokkene gave for this contact: its digitale adressen, then
--     its correspondentie- and bezoekadres;
--  2. the partij's own details, only for kinds the betrokkene did not give
--     (the betrokkene's data override the partij's defaults): the
--     voorkeursadres first, then standaard adressen, then other digitale
--     adressen, then correspondentie- and bezoekadres;
--  3. nothing of a partij that is not active (indicatie_actief false): its
--     details must not be used for contact; what the betrokkene itself gave
--     for this contact still is.
-- The name is the betrokkene's own contactnaam or organisatienaam, else the
-- (active) partij's name.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION contactgegevens_voor_opvolging(klantcontact uuid)
	RETURNS TABLE (betrokkene uuid, partij uuid, rol klantcontactrol, naam text, rang bigint, soort text,
				   adres text, bron text, kenmerk text)
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
WITH b AS (
	SELECT b.*, p.uuid AS actieve_partij
	  FROM klantinteracties.betrokkene b
	  LEFT JOIN klantinteracties.partij p ON p.uuid = b.was_partij AND p.indicatie_actief
	 WHERE b.had_klantcontact = $1),
eigen AS (
	SELECT b.uuid AS betrokkene, 1 AS groep, d.soort_digitaal_adres::text AS soort, d.adres::text AS adres,
		   NULL::text AS kenmerk, d.geregistreerd_op AS sinds, d.uuid AS volgorde
	  FROM b JOIN klantinteracties.digitaal_adres d ON d.verstrekt_door_betrokkene = b.uuid
	UNION ALL
	SELECT b.uuid, a.groep, a.soort, a.adres, NULL, NULL, NULL
	  FROM b CROSS JOIN LATERAL (VALUES
		(2, 'correspondentieadres', klantinteracties.adres_tekst(b.correspondentieadres_nummeraanduiding_id,
			b.correspondentieadres_straatnaam, b.correspondentieadres_huisnummer,
			b.correspondentieadres_huisnummertoevoeging, b.correspondentieadres_postcode,
			b.correspondentieadres_stad, b.correspondentieadres_adresregel1, b.correspondentieadres_adresregel2,
			b.correspondentieadres_adresregel3, b.correspondentieadres_land)),
		(3, 'bezoekadres', klantinteracties.adres_tekst(b.bezoekadres_nummeraanduiding_id,
			b.bezoekadres_straatnaam, b.bezoekadres_huisnummer, b.bezoekadres_huisnummertoevoeging,
			b.bezoekadres_postcode, b.bezoekadres_stad, b.bezoekadres_adresregel1, b.bezoekadres_adresregel2,
			b.bezoekadres_adresregel3, b.bezoekadres_land))) AS a(groep, soort, adres)
	 WHERE a.adres IS NOT NULL),
van_partij AS (
	SELECT b.uuid AS betrokkene,
		   CASE WHEN d.is_voorkeursadres THEN 4 WHEN d.is_standaard_adres THEN 5 ELSE 6 END AS groep,
		   d.soort_digitaal_adres::text AS soort, d.adres::text AS adres,
		   CASE WHEN d.is_voorkeursadres THEN 'voorkeursadres' WHEN d.is_standaard_adres THEN 'standaardadres' END
			   AS kenmerk,
		   d.geregistreerd_op AS sinds, d.uuid AS volgorde
	  FROM b JOIN klantinteracties.digitaal_adres d ON d.verstrekt_door_partij = b.actieve_partij
	UNION ALL
	SELECT b.uuid, a.groep, a.soort, a.adres, NULL, NULL, NULL
	  FROM b
	  JOIN klantinteracties.partij p ON p.uuid = b.actieve_partij
	 CROSS JOIN LATERAL (VALUES
		(7, 'correspondentieadres', klantinteracties.adres_tekst(p.correspondentieadres_nummeraanduiding_id,
			p.correspondentieadres_straatnaam, p.correspondentieadres_huisnummer,
			p.correspondentieadres_huisnummertoevoeging, p.correspondentieadres_postcode,
			p.correspondentieadres_stad, p.correspondentieadres_adresregel1, p.correspondentieadres_adresregel2,
			p.correspondentieadres_adresregel3, p.correspondentieadres_land)),
		(8, 'bezoekadres', klantinteracties.adres_tekst(p.bezoekadres_nummeraanduiding_id,
			p.bezoekadres_straatnaam, p.bezoekadres_huisnummer, p.bezoekadres_huisnummertoevoeging,
			p.bezoekadres_postcode, p.bezoekadres_stad, p.bezoekadres_adresregel1, p.bezoekadres_adresregel2,
			p.bezoekadres_adresregel3, p.bezoekadres_land))) AS a(groep, soort, adres)
	 WHERE a.adres IS NOT NULL),
alles AS (
	SELECT * FROM eigen
	UNION ALL
	SELECT v.* FROM van_partij v
	 WHERE NOT EXISTS (SELECT FROM eigen e WHERE e.betrokkene = v.betrokkene AND e.soort = v.soort))
SELECT b.uuid, b.actieve_partij, b.rol,
	   coalesce(nullif(b.volledige_naam, ''), nullif(b.organisatienaam, ''), n.naam),
	   row_number() OVER (PARTITION BY b.uuid ORDER BY a.groep, a.soort, a.sinds, a.volgorde),
	   a.soort, a.adres, CASE WHEN a.groep <= 3 THEN 'betrokkene' ELSE 'partij' END, a.kenmerk
  FROM b
  JOIN alles a ON a.betrokkene = b.uuid
  LEFT JOIN klantinteracties.partij_naam n ON n.partij = b.actieve_partij
 ORDER BY b.rol DESC, b.initiator DESC, b.uuid, 5
$$;
ALTER FUNCTION contactgegevens_voor_opvolging(uuid) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION contactgegevens_voor_opvolging(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION contactgegevens_voor_opvolging(uuid) TO klantinteracties_lezer;
COMMENT ON FUNCTION contactgegevens_voor_opvolging(uuid) IS 'Contact details to use when following up a klantcontact, per betrokkene in order of use (rang 1 first): what the betrokkene gave for this contact overrides the partij''s defaults of the same kind; then the partij''s voorkeursadres, standaard adressen, other digitale adressen and postal addresses. Nothing of a partij that is not active. bron says betrokkene or partij; kenmerk voorkeursadres or standaardadres.';
