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
	d.soort_digitaal_adres::text AS "soortDigitaalAdres",
	d.is_standaard_adres AS "isStandaardAdres",
	d.omschrijving::text AS omschrijving,
	d.referentie::text AS referentie,
	d.verificatie_datum AS "verificatieDatum"
  FROM klantinteracties.digitaal_adres d;
ALTER VIEW klantinteracties_api.digitaleadressen OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api.rekeningnummers AS
SELECT r.uuid,
	klantinteracties.api_url('rekeningnummers', r.uuid) AS url,
	klantinteracties.api_ref('partijen', r.partij) AS partij,
	r.iban::text AS iban,
	coalesce(r.bic::text, '') AS bic
  FROM klantinteracties.rekeningnummer r;
ALTER VIEW klantinteracties_api.rekeningnummers OWNER TO klantinteracties_eigenaar;

-- Writes: the INSTEAD OF triggers of these views are generated from
-- src/api/schrijven.api (65_api_schrijven.sql).
