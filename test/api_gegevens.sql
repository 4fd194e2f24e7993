-- Data set of test/api_conformance.sh: rows in every registry table with
-- every kind (soortPartij, soortDigitaalAdres, identificator soorten,
-- soortActor, rol, status) and optional fields both empty and filled,
-- written partly in SQL (states the API would not produce, such as a partij
-- without its details) and partly through the API as PostgREST does it.
-- Fixed uuids 00000000-0000-0000-00cc-0000000000nn.
SET search_path = klantinteracties;

INSERT INTO partij (uuid, nummer, soort_partij, indicatie_actief, indicatie_geheimhouding, interne_notitie, voorkeurstaal,
	bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer, bezoekadres_huisnummertoevoeging,
	bezoekadres_postcode, bezoekadres_stad, bezoekadres_adresregel1, bezoekadres_adresregel2, bezoekadres_adresregel3,
	bezoekadres_land, correspondentieadres_adresregel1, correspondentieadres_land) VALUES
	('00000000-0000-0000-00cc-000000000001', '1', 'persoon', true, true, 'Belt liever na 17 uur', 'nld',
	 '0363200000123456', 'Amstel', 1, 'A2', '1015 CJ', 'Amsterdam', 'regel 1', 'regel 2', 'regel 3', 'NL', 'Rue de la Loi 1', 'BE'),
	('00000000-0000-0000-00cc-000000000002', '2', 'organisatie', true, false, '', '', NULL, '', NULL, '', NULL, '', '', '', '', NULL, '', NULL),
	('00000000-0000-0000-00cc-000000000003', NULL, 'contactpersoon', false, NULL, '', '', NULL, '', NULL, '', NULL, '', '', '', '', NULL, '', NULL),
	('00000000-0000-0000-00cc-000000000004', NULL, 'organisatie', true, NULL, '', '', NULL, '', NULL, '', NULL, '', '', '', '', NULL, '', NULL),
	-- Without details (only outside the API): the view shows empty ones.
	('00000000-0000-0000-00cc-000000000005', NULL, 'persoon', true, NULL, '', '', NULL, '', NULL, '', NULL, '', '', '', '', NULL, '', NULL),
	('00000000-0000-0000-00cc-000000000006', NULL, 'contactpersoon', true, NULL, '', '', NULL, '', NULL, '', NULL, '', '', '', '', NULL, '', NULL),
	('00000000-0000-0000-00cc-000000000007', NULL, 'organisatie', true, NULL, '', '', NULL, '', NULL, '', NULL, '', '', '', '', NULL, '', NULL);
INSERT INTO persoon (partij, contactnaam_voorletters, contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
VALUES ('00000000-0000-0000-00cc-000000000001', 'K', 'Karel', 'van', 'Deurne');
INSERT INTO organisatie (partij, naam) VALUES ('00000000-0000-0000-00cc-000000000002', 'Bakkerij de Krakeling'),
	('00000000-0000-0000-00cc-000000000004', 'Filiaal Noord');
INSERT INTO contactpersoon (partij, uuid, werkte_voor_partij, contactnaam_voornaam, contactnaam_achternaam)
VALUES ('00000000-0000-0000-00cc-000000000003', '00000000-0000-0000-00cc-000000000008', '00000000-0000-0000-00cc-000000000002', 'Jan', 'Jansen');
INSERT INTO partij_identificator (uuid, identificeerde_partij, sub_identificator_van, code_register, code_objecttype,
	code_soort_object_id, object_id, andere_partij_identificator) VALUES
	('00000000-0000-0000-00cc-000000000011', '00000000-0000-0000-00cc-000000000002', NULL, 'hr', 'niet_natuurlijk_persoon', 'kvk_nummer', '12345678', ''),
	('00000000-0000-0000-00cc-000000000012', '00000000-0000-0000-00cc-000000000004', '00000000-0000-0000-00cc-000000000011', 'hr', 'vestiging', 'vestigingsnummer', '000012345678', ''),
	('00000000-0000-0000-00cc-000000000013', '00000000-0000-0000-00cc-000000000002', NULL, 'hr', 'niet_natuurlijk_persoon', 'rsin', '296648875', 'oud nummer 7'),
	('00000000-0000-0000-00cc-000000000014', '00000000-0000-0000-00cc-000000000001', NULL, 'brp', 'natuurlijk_persoon', 'bsn', '1112.22.333', ''),
	-- No partij (allowed, as in Open Klant since 2.6.1).
	('00000000-0000-0000-00cc-000000000015', NULL, NULL, 'brp', 'natuurlijk_persoon', 'bsn', '111222345', '');
INSERT INTO vertegenwoordiging (uuid, vertegenwoordigende_partij, vertegenwoordigde_partij)
VALUES ('00000000-0000-0000-00cc-000000000016', '00000000-0000-0000-00cc-000000000002', '00000000-0000-0000-00cc-000000000001');
INSERT INTO categorie (uuid, naam) VALUES ('00000000-0000-0000-00cc-000000000021', 'Ondernemer'),
	('00000000-0000-0000-00cc-000000000022', '');
INSERT INTO categorie_relatie (uuid, partij, categorie, begin_datum, eind_datum) VALUES
	('00000000-0000-0000-00cc-000000000023', '00000000-0000-0000-00cc-000000000002', '00000000-0000-0000-00cc-000000000021', '2024-01-01', '2024-12-31'),
	('00000000-0000-0000-00cc-000000000024', NULL, NULL, NULL, NULL);
INSERT INTO klantcontact (uuid, nummer, referentienummer, kanaal, onderwerp, inhoud, reactie, indicatie_contact_gelukt, taal,
	vertrouwelijk, verdere_actie_ondernomen, plaatsgevonden_op, metadata, hoofd_onderwerp_type) VALUES
	('00000000-0000-0000-00cc-000000000031', '1', '100', 'telefoon', 'Paspoort', 'Vraag over de kosten', 'Het kost 80 euro', true, 'nld',
	 false, false, '2024-03-01 09:15+01', '{"Betreft": "Paspoortaanvraag", "Type": "Vraag"}', 'https://catalogi.example.nl/api/v1/zaaktypen/1'),
	('00000000-0000-0000-00cc-000000000032', NULL, NULL, 'email', 'Antwoord', '', '', NULL, 'nld', true, true, '2024-03-02 10:00+01', '{}', ''),
	('00000000-0000-0000-00cc-000000000033', NULL, NULL, 'balie', 'Geen contact', '', '', false, 'eng', false, true, '2024-03-03 11:00+01', '{}', '');
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator, organisatienaam, contactnaam_voorletters,
	contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam,
	bezoekadres_nummeraanduiding_id, bezoekadres_postcode, bezoekadres_huisnummer, bezoekadres_land,
	correspondentieadres_postcode, correspondentieadres_huisnummer, correspondentieadres_huisnummertoevoeging) VALUES
	('00000000-0000-0000-00cc-000000000041', '00000000-0000-0000-00cc-000000000001', '00000000-0000-0000-00cc-000000000031',
	 'klant', true, '', 'K', 'Karel', 'van', 'Deurne', '0363200000123456', '1015 CJ', 1, 'NL', '1008 DG', 12, 'bis'),
	('00000000-0000-0000-00cc-000000000042', NULL, '00000000-0000-0000-00cc-000000000031',
	 'vertegenwoordiger', false, 'Bakkerij de Krakeling', '', '', '', '', NULL, NULL, NULL, NULL, NULL, NULL, '');
INSERT INTO onderwerpobject (uuid, klantcontact, was_klantcontact, onderwerpobjectidentificator_object_id,
	onderwerpobjectidentificator_code_objecttype, onderwerpobjectidentificator_code_register,
	onderwerpobjectidentificator_code_soort_object_id) VALUES
	('00000000-0000-0000-00cc-000000000043', '00000000-0000-0000-00cc-000000000032', '00000000-0000-0000-00cc-000000000031',
	 'ZAAK-2024-0001', 'zaak', 'open-zaak', 'identificatie'),
	('00000000-0000-0000-00cc-000000000044', NULL, NULL, '', '', '', '');
INSERT INTO bijlage (uuid, was_bijlage_van_klantcontact, bijlageidentificator_object_id, bijlageidentificator_code_objecttype,
	bijlageidentificator_code_register, bijlageidentificator_code_soort_object_id) VALUES
	('00000000-0000-0000-00cc-000000000045', '00000000-0000-0000-00cc-000000000032', 'https://drc.example.nl/enkelvoudiginformatieobjecten/1',
	 'informatieobject', 'drc', 'url'),
	('00000000-0000-0000-00cc-000000000046', NULL, '', '', '', '');
INSERT INTO digitaal_adres (uuid, verstrekt_door_partij, verstrekt_door_betrokkene, soort_digitaal_adres, adres,
	is_standaard_adres, is_voorkeursadres, omschrijving, referentie, verificatie_datum) VALUES
	('00000000-0000-0000-00cc-000000000051', '00000000-0000-0000-00cc-000000000001', NULL, 'email', 'Karel@Example.com', true, true, 'privé', 'portaalvoorkeur', '2024-02-01'),
	('00000000-0000-0000-00cc-000000000052', '00000000-0000-0000-00cc-000000000001', NULL, 'telefoonnummer', '06-12345678', true, false, '', '', NULL),
	('00000000-0000-0000-00cc-000000000053', '00000000-0000-0000-00cc-000000000001', '00000000-0000-0000-00cc-000000000041', 'telefoonnummer', '020 123 4567', false, false, 'werk', '', NULL),
	('00000000-0000-0000-00cc-000000000054', NULL, '00000000-0000-0000-00cc-000000000042', 'overig', 'karel op de app', false, false, '', '', NULL),
	('00000000-0000-0000-00cc-000000000055', NULL, NULL, 'email', 'info@bücher.example', false, false, '', '', NULL);
INSERT INTO rekeningnummer (uuid, partij, iban, bic, is_voorkeursrekeningnummer) VALUES
	('00000000-0000-0000-00cc-000000000061', '00000000-0000-0000-00cc-000000000001', 'nl91 abna 0417 1643 00', 'ABNANL2A', true),
	('00000000-0000-0000-00cc-000000000062', '00000000-0000-0000-00cc-000000000002', 'NL91ABNA0417164300', NULL, false),
	('00000000-0000-0000-00cc-000000000063', NULL, 'DE89370400440532013000', 'COBADEFFXXX', false);
INSERT INTO actor (uuid, naam, soort_actor, indicatie_actief, actoridentificator_object_id, actoridentificator_code_objecttype,
	actoridentificator_code_register, actoridentificator_code_soort_object_id) VALUES
	('00000000-0000-0000-00cc-000000000071', 'Mila de Boer', 'medewerker', true, 'mdeboer', 'mdw', 'ad', 'gebruikersnaam'),
	('00000000-0000-0000-00cc-000000000072', 'Mailbot', 'geautomatiseerde_actor', true, '', '', '', ''),
	('00000000-0000-0000-00cc-000000000073', 'Klantcontactcentrum', 'organisatorische_eenheid', false, '', '', '', ''),
	('00000000-0000-0000-00cc-000000000074', 'Team Wmo', 'organisatorische_eenheid', true, '', '', '', ''),
	('00000000-0000-0000-00cc-000000000075', 'Piet', 'medewerker', true, '', '', '', '');
INSERT INTO medewerker (actor, functie, emailadres, telefoonnummer) VALUES
	('00000000-0000-0000-00cc-000000000071', 'Klantcontactmedewerker', 'mila.de.boer@gemeente.nl', '020-1234567'),
	('00000000-0000-0000-00cc-000000000075', 'Baliemedewerker', NULL, '0800 1234');
INSERT INTO geautomatiseerde_actor (actor, functie, omschrijving) VALUES ('00000000-0000-0000-00cc-000000000072', 'Mail lezen', 'Leest info@');
INSERT INTO organisatorische_eenheid (actor, omschrijving, emailadres, faxnummer, telefoonnummer) VALUES
	('00000000-0000-0000-00cc-000000000073', 'KCC', 'kcc@gemeente.nl', '020-7654321', '+32 2 123 45 67'),
	('00000000-0000-0000-00cc-000000000074', '', NULL, '', NULL);
INSERT INTO actor_klantcontact (uuid, actor, klantcontact) VALUES
	('00000000-0000-0000-00cc-000000000076', '00000000-0000-0000-00cc-000000000071', '00000000-0000-0000-00cc-000000000031'),
	('00000000-0000-0000-00cc-000000000077', '00000000-0000-0000-00cc-000000000073', '00000000-0000-0000-00cc-000000000031');
INSERT INTO interne_taak (uuid, nummer, referentienummer, gevraagde_handeling, aanleidinggevend_klantcontact, toelichting, status) VALUES
	('00000000-0000-0000-00cc-000000000081', '1', '7', 'Terugbellen', '00000000-0000-0000-00cc-000000000031', 'Na 17 uur', 'te_verwerken'),
	('00000000-0000-0000-00cc-000000000082', NULL, NULL, 'Zaak aanmaken', '00000000-0000-0000-00cc-000000000031', '', 'verwerkt');
INSERT INTO interne_taak_actor (interne_taak, actor) VALUES
	('00000000-0000-0000-00cc-000000000081', '00000000-0000-0000-00cc-000000000071'),
	('00000000-0000-0000-00cc-000000000081', '00000000-0000-0000-00cc-000000000074'),
	('00000000-0000-0000-00cc-000000000082', '00000000-0000-0000-00cc-000000000073');
