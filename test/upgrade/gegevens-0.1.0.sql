-- Data of a 0.1.0 installation, for test/upgrade.sh: what an installation
-- of the released version holds before ALTER EXTENSION ... UPDATE.  Written
-- against the 0.1.0 API and functions on purpose, and not changed when they
-- change: this is the data that is out there.  Sample data
-- (genereer_voorbeelddata), rows written through the REST API as PostgREST
-- writes them (test/pgrst_emulatie.sql) by an employee and by a citizen
-- (the roles of test/upgrade/beheerder.sql, run before), a
-- merge, a logged lookup and an erasure, so that every table, the audit
-- trail, the outbox, the access log and the erasure record hold rows.
-- Fixed uuids 00000000-0000-0000-00ee-0000000000nn.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

SELECT count(*) AS tabellen FROM klantinteracties.genereer_voorbeelddata(1000);

\set ECHO none
\i test/pgrst_emulatie.sql

SET SESSION AUTHORIZATION authenticator;
CREATE TEMP TABLE verzoeken (wat text, status integer, antwoord jsonb);
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /partijen (persoon)', status, antwoord FROM pgrst.http('POST', '/partijen', '{
	"uuid": "00000000-0000-0000-00ee-000000000001", "nummer": "9000001", "interneNotitie": "via de API",
	"digitaleAdressen": [], "voorkeursDigitaalAdres": null, "rekeningnummers": [], "voorkeursRekeningnummer": null,
	"indicatieGeheimhouding": true, "voorkeurstaal": "nld", "indicatieActief": true, "soortPartij": "persoon",
	"bezoekadres": {"nummeraanduidingId": "0363200000123457", "straatnaam": "Straat", "huisnummer": 10,
		"huisnummertoevoeging": "A2", "postcode": "1008 DG", "stad": "Amsterdam", "adresregel1": "", "adresregel2": "",
		"adresregel3": "", "land": "NL"},
	"correspondentieadres": {"adresregel1": "Postbus 12", "land": "BE"},
	"partijIdentificatie": {"contactnaam": {"voorletters": "E", "voornaam": "Eva", "voorvoegselAchternaam": "de",
		"achternaam": "Wit"}},
	"partijIdentificatoren": [{"anderePartijIdentificator": "", "partijIdentificator": {"codeObjecttype": "natuurlijk_persoon",
		"codeSoortObjectId": "bsn", "objectId": "296648875", "codeRegister": "brp"}}]}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /partijen (organisatie)', status, antwoord FROM pgrst.http('POST', '/partijen', '{
	"uuid": "00000000-0000-0000-00ee-000000000002", "soortPartij": "organisatie", "indicatieActief": true,
	"partijIdentificatie": {"naam": "Upgrade Handel BV"},
	"partijIdentificatoren": [{"uuid": "00000000-0000-0000-00ee-000000000003", "partijIdentificator": {
		"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer", "objectId": "69599084", "codeRegister": "hr"}}]}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /partijen (contactpersoon)', status, antwoord FROM pgrst.http('POST', '/partijen', '{
	"uuid": "00000000-0000-0000-00ee-000000000004", "soortPartij": "contactpersoon", "indicatieActief": true,
	"partijIdentificatie": {"werkteVoorPartij": {"uuid": "00000000-0000-0000-00ee-000000000002"},
		"contactnaam": {"voornaam": "Olaf", "achternaam": "Dekker"}}}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /digitaleadressen', status, antwoord FROM pgrst.http('POST', '/digitaleadressen', '{
	"uuid": "00000000-0000-0000-00ee-000000000005", "verstrektDoorPartij": {"uuid": "00000000-0000-0000-00ee-000000000001"},
	"adres": "eva.de.wit@example.org", "soortDigitaalAdres": "email", "isStandaardAdres": true,
	"omschrijving": "prive", "referentie": "", "verificatieDatum": "2024-05-01"}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /digitaleadressen (telefoon)', status, antwoord FROM pgrst.http('POST', '/digitaleadressen', '{
	"verstrektDoorPartij": {"uuid": "00000000-0000-0000-00ee-000000000002"},
	"adres": "+31 (0)20 555 1234", "soortDigitaalAdres": "telefoonnummer", "isStandaardAdres": true,
	"omschrijving": "centrale", "referentie": ""}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /rekeningnummers', status, antwoord FROM pgrst.http('POST', '/rekeningnummers', '{
	"partij": {"uuid": "00000000-0000-0000-00ee-000000000001"}, "iban": "NL91 ABNA 0417 1643 00", "bic": "ABNANL2A"}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /vertegenwoordigingen', status, antwoord FROM pgrst.http('POST', '/vertegenwoordigingen', '{
	"vertegenwoordigendePartij": {"uuid": "00000000-0000-0000-00ee-000000000002"},
	"vertegenwoordigdePartij": {"uuid": "00000000-0000-0000-00ee-000000000001"}}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /categorieen', status, antwoord FROM pgrst.http('POST', '/categorieen', '{
	"uuid": "00000000-0000-0000-00ee-000000000006", "naam": "Upgradeklant"}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /categorie-relaties', status, antwoord FROM pgrst.http('POST', '/categorie-relaties', '{
	"partij": {"uuid": "00000000-0000-0000-00ee-000000000002"}, "categorie": {"uuid": "00000000-0000-0000-00ee-000000000006"},
	"beginDatum": "2024-01-01", "eindDatum": null}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /actoren', status, antwoord FROM pgrst.http('POST', '/actoren', '{
	"uuid": "00000000-0000-0000-00ee-000000000007", "naam": "Sanne", "soortActor": "medewerker", "indicatieActief": true,
	"actoridentificator": {"objectId": "sanne", "codeObjecttype": "mdw", "codeRegister": "ldap", "codeSoortObjectId": "sid"},
	"actorIdentificatie": {"functie": "Regisseur", "emailadres": "Sanne@Gemeente.NL", "telefoonnummer": "0612345678"}}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /rpc/maak_klantcontact', status, antwoord FROM pgrst.http('POST', '/rpc/maak_klantcontact', '{
	"klantcontact": {"uuid": "00000000-0000-0000-00ee-000000000008", "kanaal": "telefoon", "onderwerp": "Afval",
		"inhoud": "Container niet geleegd", "indicatieContactGelukt": true, "taal": "nld", "vertrouwelijk": true,
		"plaatsgevondenOp": "2024-04-01T10:00:00+02:00", "metadata": {"wijk": "Noord"}},
	"betrokkene": {"wasPartij": {"uuid": "00000000-0000-0000-00ee-000000000001"}, "rol": "klant", "initiator": true,
		"contactnaam": {"voornaam": "Eva"}, "bezoekadres": {"postcode": "1015CJ", "huisnummer": 1}},
	"onderwerpobject": {"onderwerpobjectidentificator": {"objectId": "b2a5a4cc-0000-4000-8000-0000000000ee",
		"codeObjecttype": "zaak", "codeRegister": "open-zaak", "codeSoortObjectId": "uuid"}}}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /bijlagen', status, antwoord FROM pgrst.http('POST', '/bijlagen', '{
	"wasBijlageVanKlantcontact": {"uuid": "00000000-0000-0000-00ee-000000000008"},
	"bijlageidentificator": {"objectId": "1", "codeObjecttype": "foto", "codeRegister": "drc", "codeSoortObjectId": "id"}}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /actorklantcontacten', status, antwoord FROM pgrst.http('POST', '/actorklantcontacten', '{
	"actor": {"uuid": "00000000-0000-0000-00ee-000000000007"}, "klantcontact": {"uuid": "00000000-0000-0000-00ee-000000000008"}}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'POST /internetaken', status, antwoord FROM pgrst.http('POST', '/internetaken', '{
	"uuid": "00000000-0000-0000-00ee-000000000009", "gevraagdeHandeling": "Container legen",
	"aanleidinggevendKlantcontact": {"uuid": "00000000-0000-0000-00ee-000000000008"},
	"toegewezenAanActoren": [{"uuid": "00000000-0000-0000-00ee-000000000007"}], "toelichting": "Vandaag nog", "status": "te_verwerken"}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'PATCH /klantcontacten', status, antwoord FROM pgrst.http('PATCH',
	'/klantcontacten?uuid=eq.00000000-0000-0000-00ee-000000000008', '{"reactie": "Opgelost", "referentienummer": "55"}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'PATCH /internetaken', status, antwoord FROM pgrst.http('PATCH',
	'/internetaken?uuid=eq.00000000-0000-0000-00ee-000000000009', '{"status": "verwerkt"}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'PATCH /partijen', status, antwoord FROM pgrst.http('PATCH',
	'/partijen?uuid=eq.00000000-0000-0000-00ee-000000000002', '{"interneNotitie": "klant sinds 2024"}', rol => 'ki_upgrade_medewerker');
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'DELETE /categorie-relaties', status, antwoord FROM pgrst.http('DELETE',
	'/categorie-relaties?partij->>uuid=eq.00000000-0000-0000-00ee-000000000002', NULL, prefer => 'return=minimal', rol => 'ki_upgrade_medewerker');
-- The citizen Eva (BSN 296648875, through the JWT) changes her own address.
INSERT INTO verzoeken (wat, status, antwoord) SELECT 'PATCH /mijn_digitaleadressen (burger)', status, antwoord FROM pgrst.http('PATCH',
	'/mijn_digitaleadressen?uuid=eq.00000000-0000-0000-00ee-000000000005', '{"adres": "eva@example.org"}',
	rol => 'klantinteracties_burger', claims => '{"bsn": "296648875"}');
RESET SESSION AUTHORIZATION;
DO $$
DECLARE
	fout text := (SELECT string_agg(v.wat || ': ' || v.status || ' ' || v.antwoord::text, E'\n')
					FROM pg_temp.verzoeken v WHERE v.status NOT IN (200, 201, 204));
BEGIN
	IF fout IS NOT NULL THEN
		RAISE EXCEPTION 'API requests failed: %', fout;
	END IF;
END
$$;

-- As the DBA: a merge, a logged lookup, an erasure.
INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-00ee-00000000000a', 'persoon', true);
INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres)
VALUES ('00000000-0000-0000-00ee-00000000000a', 'overig', 'eva op de app');
SELECT klantinteracties.voeg_partijen_samen('00000000-0000-0000-00ee-000000000001', '00000000-0000-0000-00ee-00000000000a')
	IS NOT NULL AS samengevoegd;
SELECT klantinteracties.inzage_vastleggen('klantbeeld', '{00000000-0000-0000-00ee-000000000001}', 'upgrade-test');
SELECT klantinteracties.vergeet_partij((SELECT p.uuid FROM klantinteracties.partij p WHERE p.soort_partij = 'persoon'
										 ORDER BY p.uuid DESC LIMIT 1), 'upgrade-test') IS NOT NULL AS vergeten;
