-- Partijen: partij and its details (persoon, organisatie, contactpersoon),
-- vertegenwoordiging, categorie(-relatie), registration timestamps and what
-- deleting a partij does.  Every rule: a row accepted and a row refused,
-- with SQLSTATE and the message naming the rule.  All in one transaction
-- that is rolled back, so no rows outlive the test.
\i sql/include/helpers.psql

BEGIN;

-- soortPartij is an enumeration; indicatieActief is required.
SELECT pg_temp.probeer($$INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0000-000000000001', 'persoon', true)$$);
SELECT pg_temp.probeer($$INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0000-000000000002', 'organisatie', true)$$);
SELECT pg_temp.probeer($$INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0000-000000000003', 'contactpersoon', false)$$);
SELECT pg_temp.probeer($$INSERT INTO partij (soort_partij, indicatie_actief) VALUES ('Persoon', true)$$);
SELECT pg_temp.probeer($$INSERT INTO partij (soort_partij) VALUES ('persoon')$$);
-- Optional text is '' (the API returns ""), optional typed values NULL.
SELECT nummer, interne_notitie, voorkeurstaal, indicatie_geheimhouding, bezoekadres_straatnaam,
	   bezoekadres_postcode, bezoekadres_huisnummer, geregistreerd_op = now() AS nu
  FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000001';

-- nummer: an integer string (as Open Klant's validate_integer), unique.
SELECT pg_temp.probeer($$UPDATE partij SET nummer = '1298329191' WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$UPDATE partij SET nummer = '-5' WHERE uuid = '00000000-0000-0000-0000-000000000002'$$);
SELECT pg_temp.probeer($$UPDATE partij SET nummer = '12a' WHERE uuid = '00000000-0000-0000-0000-000000000003'$$);
SELECT pg_temp.probeer($$UPDATE partij SET nummer = '' WHERE uuid = '00000000-0000-0000-0000-000000000003'$$);
SELECT pg_temp.probeer($$UPDATE partij SET nummer = '1298329191' WHERE uuid = '00000000-0000-0000-0000-000000000003'$$);
SELECT pg_temp.probeer($$UPDATE partij SET nummer = '12345678901' WHERE uuid = '00000000-0000-0000-0000-000000000003'$$);

-- Text lengths as in the API.
SELECT pg_temp.probeer($$UPDATE partij SET interne_notitie = repeat('x', 1000), voorkeurstaal = 'ndl' WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$UPDATE partij SET interne_notitie = repeat('x', 1001) WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$UPDATE partij SET voorkeurstaal = 'nldx' WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$UPDATE partij SET bezoekadres_adresregel1 = repeat('x', 81) WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);

-- Adres groups: typed postcode, BAG id and land; huisnummer 1..99999.
SELECT pg_temp.probeer($$UPDATE partij SET bezoekadres_nummeraanduiding_id = '0363200000123456', bezoekadres_straatnaam = 'Amstel',
	bezoekadres_huisnummer = 1, bezoekadres_huisnummertoevoeging = 'A2', bezoekadres_postcode = '1015 CJ', bezoekadres_stad = 'Amsterdam',
	bezoekadres_land = 'NL', correspondentieadres_huisnummer = 99999, correspondentieadres_adresregel1 = 'Rue de la Loi 1',
	correspondentieadres_land = 'BE' WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT bezoekadres_nummeraanduiding_id, bezoekadres_postcode, bezoekadres_land, correspondentieadres_land
  FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000001';
SELECT pg_temp.probeer($$UPDATE partij SET bezoekadres_huisnummer = 0 WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$UPDATE partij SET correspondentieadres_huisnummer = 100000 WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$UPDATE partij SET bezoekadres_postcode = '0999 AA' WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$UPDATE partij SET bezoekadres_nummeraanduiding_id = '123A123A123A123A' WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$UPDATE partij SET correspondentieadres_land = 'ZZ' WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);

-- Registration timestamps: supplied on insert they are kept (migrations,
-- restores); on update gewijzigd_op is the transaction time and
-- geregistreerd_op cannot be changed.
SELECT pg_temp.probeer($$INSERT INTO partij (uuid, soort_partij, indicatie_actief, geregistreerd_op, gewijzigd_op)
	VALUES ('00000000-0000-0000-0000-000000000009', 'persoon', true, '2020-01-01 12:00+00', '2021-01-01 12:00+00')$$);
SELECT geregistreerd_op AT TIME ZONE 'UTC' AS geregistreerd, gewijzigd_op AT TIME ZONE 'UTC' AS gewijzigd
  FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000009';
UPDATE partij SET indicatie_geheimhouding = true, geregistreerd_op = '2000-01-01', gewijzigd_op = '2000-01-01'
 WHERE uuid = '00000000-0000-0000-0000-000000000009';
SELECT geregistreerd_op AT TIME ZONE 'UTC' AS geregistreerd, gewijzigd_op = now() AS gewijzigd_nu
  FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000009';

-- A detail row hangs only under a partij of its own soort.
SELECT pg_temp.probeer($$INSERT INTO persoon (partij, contactnaam_voorletters, contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
	VALUES ('00000000-0000-0000-0000-000000000001', 'P', 'Phil', '', 'Bozeman')$$);
SELECT pg_temp.probeer($$INSERT INTO organisatie (partij, naam) VALUES ('00000000-0000-0000-0000-000000000002', 'Bakkerij de Krakeling')$$);
SELECT pg_temp.probeer($$INSERT INTO persoon (partij) VALUES ('00000000-0000-0000-0000-000000000002')$$);
SELECT pg_temp.probeer($$INSERT INTO organisatie (partij) VALUES ('00000000-0000-0000-0000-000000000001')$$);
SELECT pg_temp.probeer($$INSERT INTO contactpersoon (partij) VALUES ('00000000-0000-0000-0000-000000000001')$$);
SELECT pg_temp.probeer($$INSERT INTO persoon (partij, soort_partij) VALUES ('00000000-0000-0000-0000-000000000009', 'persoon')$$);
-- ... and the partij cannot change soort while that detail row exists;
-- replacing the detail (as Open Klant does on a soortPartij change) works.
SELECT pg_temp.probeer($$UPDATE partij SET soort_partij = 'organisatie' WHERE uuid = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$INSERT INTO persoon (partij, contactnaam_voornaam) VALUES ('00000000-0000-0000-0000-000000000009', 'Tijdelijk')$$);
SELECT pg_temp.probeer($$DELETE FROM persoon WHERE partij = '00000000-0000-0000-0000-000000000009';
	UPDATE partij SET soort_partij = 'organisatie' WHERE uuid = '00000000-0000-0000-0000-000000000009';
	INSERT INTO organisatie (partij, naam) VALUES ('00000000-0000-0000-0000-000000000009', 'Nieuw')$$);
-- volledigeNaam: voornaam, voorvoegsel and achternaam, empty parts skipped.
SELECT pg_temp.probeer($$INSERT INTO partij (uuid, soort_partij, indicatie_actief)
	SELECT ('00000000-0000-0000-0000-00000000000' || n)::uuid, 'persoon', true FROM generate_series(4, 6) n$$);
SELECT pg_temp.probeer($$INSERT INTO persoon (partij, contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
	SELECT ('00000000-0000-0000-0000-00000000000' || n)::uuid, v, vv, a FROM (VALUES (4, 'Jan', 'van', 'Dijk'), (5, '', 'de', 'Vries'), (6, '', '', '')) t(n, v, vv, a)$$);
SELECT partij, '"' || volledige_naam || '"' AS volledige_naam FROM persoon ORDER BY partij;
SELECT pg_temp.probeer($$UPDATE persoon SET contactnaam_voorletters = 'ABCDEFGHIJK' WHERE partij = '00000000-0000-0000-0000-000000000004'$$);
SELECT pg_temp.probeer($$UPDATE persoon SET volledige_naam = 'x' WHERE partij = '00000000-0000-0000-0000-000000000004'$$);

-- Contactpersoon: werkteVoorPartij must be an organisatie, and stays one.
SELECT pg_temp.probeer($$INSERT INTO contactpersoon (partij, uuid, werkte_voor_partij, contactnaam_achternaam)
	VALUES ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-0000000000c3', '00000000-0000-0000-0000-000000000002', 'Jansen')$$);
SELECT pg_temp.probeer($$UPDATE contactpersoon SET werkte_voor_partij = '00000000-0000-0000-0000-000000000001' WHERE partij = '00000000-0000-0000-0000-000000000003'$$);
SELECT pg_temp.probeer($$UPDATE contactpersoon SET werkte_voor_partij = '00000000-0000-0000-0000-0000000000ff' WHERE partij = '00000000-0000-0000-0000-000000000003'$$);
SELECT pg_temp.probeer($$UPDATE contactpersoon SET werkte_voor_partij = NULL WHERE partij = '00000000-0000-0000-0000-000000000003'$$);
SELECT pg_temp.probeer($$UPDATE contactpersoon SET werkte_voor_partij = '00000000-0000-0000-0000-000000000002' WHERE partij = '00000000-0000-0000-0000-000000000003'$$);
SELECT pg_temp.probeer($$DELETE FROM organisatie WHERE partij = '00000000-0000-0000-0000-000000000002';
	UPDATE partij SET soort_partij = 'persoon' WHERE uuid = '00000000-0000-0000-0000-000000000002'$$);
SELECT uuid, werkte_voor_partij, werkte_voor_soort_partij, volledige_naam FROM contactpersoon;

-- Vertegenwoordiging: not of oneself, each pair once.
SELECT pg_temp.probeer($$INSERT INTO vertegenwoordiging (vertegenwoordigende_partij, vertegenwoordigde_partij)
	VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001')$$);
SELECT pg_temp.probeer($$INSERT INTO vertegenwoordiging (vertegenwoordigende_partij, vertegenwoordigde_partij)
	VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002')$$);
SELECT pg_temp.probeer($$INSERT INTO vertegenwoordiging (vertegenwoordigende_partij, vertegenwoordigde_partij)
	VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001')$$);
SELECT pg_temp.probeer($$INSERT INTO vertegenwoordiging (vertegenwoordigende_partij, vertegenwoordigde_partij)
	VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001')$$);
SELECT pg_temp.probeer($$INSERT INTO vertegenwoordiging (vertegenwoordigende_partij) VALUES ('00000000-0000-0000-0000-000000000001')$$);

-- Categorie-relatie: beginDatum defaults to today, begin <= eind.
SELECT pg_temp.probeer($$INSERT INTO categorie (uuid, naam) VALUES ('00000000-0000-0000-0000-0000000000ca', 'Ondernemer')$$);
SELECT pg_temp.probeer($$INSERT INTO categorie (naam) VALUES (repeat('x', 81))$$);
SELECT pg_temp.probeer($$INSERT INTO categorie_relatie (uuid, partij, categorie)
	VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000ca')$$);
SELECT begin_datum = CURRENT_DATE AS vandaag, eind_datum FROM categorie_relatie;
SELECT pg_temp.probeer($$INSERT INTO categorie_relatie (partij, categorie, begin_datum, eind_datum)
	VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000ca', '2024-01-01', '2024-01-01')$$);
SELECT pg_temp.probeer($$INSERT INTO categorie_relatie (partij, categorie, begin_datum, eind_datum)
	VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000ca', '2024-01-02', '2024-01-01')$$);
SELECT pg_temp.probeer($$INSERT INTO categorie_relatie (partij, eind_datum) VALUES ('00000000-0000-0000-0000-000000000001', '2000-01-01')$$);

-- Deleting a partij: what only exists for it goes (details, identificators,
-- own digitale adressen, rekeningnummers, vertegenwoordigingen,
-- categorie-relaties); contact history stays (the betrokkene and the
-- address it provided lose only the link); contactpersonen that worked for
-- an organisatie stay, without the link.
INSERT INTO partij_identificator (identificeerde_partij, code_register, code_objecttype, code_soort_object_id, object_id)
VALUES ('00000000-0000-0000-0000-000000000001', 'brp', 'natuurlijk_persoon', 'bsn', '111222333');
INSERT INTO rekeningnummer (partij, iban, is_voorkeursrekeningnummer)
VALUES ('00000000-0000-0000-0000-000000000001', 'NL91ABNA0417164300', true);
INSERT INTO klantcontact (uuid, kanaal, onderwerp, taal, vertrouwelijk)
VALUES ('00000000-0000-0000-0000-0000000000a1', 'telefoon', 'Paspoort', 'nld', false);
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator)
VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000a1', 'klant', true);
INSERT INTO digitaal_adres (uuid, verstrekt_door_partij, verstrekt_door_betrokkene, soort_digitaal_adres, adres, is_standaard_adres, is_voorkeursadres)
VALUES ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-000000000001', NULL, 'email', 'phil@example.com', true, true),
	   ('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000b1', 'telefoonnummer', '0612345678', true, false);

CREATE TEMP VIEW telling AS
SELECT (SELECT count(*) FROM partij) AS partij, (SELECT count(*) FROM persoon) AS persoon,
	   (SELECT count(*) FROM organisatie) AS organisatie, (SELECT count(*) FROM contactpersoon) AS contactpersoon,
	   (SELECT count(*) FROM partij_identificator) AS identificator, (SELECT count(*) FROM digitaal_adres) AS digitaal_adres,
	   (SELECT count(*) FROM rekeningnummer) AS rekeningnummer, (SELECT count(*) FROM vertegenwoordiging) AS vertegenwoordiging,
	   (SELECT count(*) FROM categorie_relatie) AS categorie_relatie, (SELECT count(*) FROM betrokkene) AS betrokkene,
	   (SELECT count(*) FROM klantcontact) AS klantcontact;
SELECT * FROM telling;
DELETE FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000001';
SELECT * FROM telling;
SELECT uuid, was_partij, had_klantcontact FROM betrokkene;
SELECT uuid, verstrekt_door_partij, verstrekt_door_betrokkene, adres, is_standaard_adres, is_voorkeursadres FROM digitaal_adres;
-- Deleting the organisatie keeps its contactpersoon.
DELETE FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000002';
SELECT partij, werkte_voor_partij, werkte_voor_soort_partij FROM contactpersoon;

ROLLBACK;
SELECT count(*) AS partijen_na_afloop FROM partij;
