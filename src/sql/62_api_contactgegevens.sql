-- REST API: /digitaleadressen and /rekeningnummers.  The values come back
-- in their canonical form: e-mail as the emailadres type prints it (domain
-- lower case, A-labels), telephone numbers in E.164, IBAN compact in upper
-- case, BIC in upper case (docs/compatibility.md).

CREATE VIEW klantinteracties_api.digitaleadressen AS
SELECT d.uuid,
	klantinteracties.api_url('digitaleadressen', d.uuid) AS url,
	klantinteracties.api_ref('betrokkenen', d.verstrekt_door_betrokkene) AS "verstrektDoorBetrokkene",
	klantinteracties.api_ref('partijen', d.verstrekt_door_partij) AS "verstrektDoorPartij",
	coalesce(d.adres_email::text, d.adres_telefoonnummer::text, d.adres::text) AS adres,
	CASE WHEN NOT d.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN d.soort_digitaal_adres::text END AS "soortDigitaalAdres",
	CASE WHEN NOT d.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN d.is_standaard_adres END AS "isStandaardAdres",
	CASE WHEN NOT d.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN klantinteracties.maskeer_bsn(d.omschrijving::text, (SELECT klantinteracties.heeft_scope('bsn'))) END AS omschrijving,
	CASE WHEN NOT d.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN d.referentie::text END AS referentie,
	CASE WHEN NOT d.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN d.verificatie_datum END AS "verificatieDatum"
  FROM klantinteracties.digitaal_adres d;
ALTER VIEW klantinteracties_api.digitaleadressen OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api.rekeningnummers AS
SELECT r.uuid,
	klantinteracties.api_url('rekeningnummers', r.uuid) AS url,
	klantinteracties.api_ref('partijen', r.partij) AS partij,
	CASE WHEN NOT r.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN r.iban::text END AS iban,
	CASE WHEN NOT r.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN coalesce(r.bic::text, '') END AS bic
  FROM klantinteracties.rekeningnummer r;
ALTER VIEW klantinteracties_api.rekeningnummers OWNER TO klantinteracties_eigenaar;

-- Writes: the INSTEAD OF triggers of these views are generated from
-- src/api/schrijven.api (65_api_schrijven.sql).
