-- REST API, contact side, through the PostgREST emulation: POST, PATCH and
-- DELETE of /klantcontacten, /betrokkenen, /onderwerpobjecten, /bijlagen,
-- /actoren, /actorklantcontacten, /internetaken and /rpc/maak_klantcontact,
-- with bodies as Open Klant's API tests send them, and their refusals with
-- SQLSTATE and HTTP status.
SET search_path = klantinteracties, public;
\set ECHO none
\i test/pgrst_emulatie.sql
SET client_min_messages = warning;
-- The API roles act here as a KCC application that may see BSNs and secret
-- partijen: the scopes bsn and geheim (docs/security.md); revoked at the end.
GRANT klantinteracties_bsn, klantinteracties_geheim TO klantinteracties_lezer;
RESET client_min_messages;
\set ECHO all
SET SESSION AUTHORIZATION authenticator;

-- Actoren of each soort.
SELECT status, code, pgrst.toon(antwoord -> 0) FROM pgrst.http('POST', '/actoren', '{
	"uuid": "00000000-0000-0000-0007-000000000001", "naam": "Phil", "soortActor": "medewerker", "indicatieActief": true,
	"actoridentificator": {"objectId": "123456215", "codeObjecttype": "mdw", "codeRegister": "ldap", "codeSoortObjectId": "sid"},
	"actorIdentificatie": {"functie": "Baliemedewerker", "emailadres": "Phil@Gemeente.NL", "telefoonnummer": "0612345678"}}');
SELECT status, antwoord -> 0 -> 'actorIdentificatie' AS identificatie FROM pgrst.http('POST', '/actoren', '{
	"uuid": "00000000-0000-0000-0007-000000000002", "naam": "Mailbot", "soortActor": "geautomatiseerde_actor",
	"actorIdentificatie": {"functie": "mail lezen", "omschrijving": "leest info@"}}');
SELECT status, antwoord -> 0 -> 'actorIdentificatie' AS identificatie, antwoord -> 0 -> 'indicatieActief' AS actief
  FROM pgrst.http('POST', '/actoren', '{"uuid": "00000000-0000-0000-0007-000000000003", "naam": "KCC",
	"soortActor": "organisatorische_eenheid", "actorIdentificatie": {"omschrijving": "Klantcontactcentrum"}}');
-- A soortActor change replaces actorIdentificatie.
SELECT status, antwoord -> 0 ->> 'soortActor' AS soort, antwoord -> 0 -> 'actorIdentificatie' AS identificatie
  FROM pgrst.http('PATCH', '/actoren?uuid=eq.00000000-0000-0000-0007-000000000002',
	'{"soortActor": "organisatorische_eenheid", "actorIdentificatie": {"omschrijving": "Team post", "telefoonnummer": "0800 1234"}}');

-- maak_klantcontact: klantcontact, betrokkene and onderwerpobject at once.
SELECT status, code, pgrst.toon(antwoord) FROM pgrst.http('POST', '/rpc/maak_klantcontact', '{
	"klantcontact": {"uuid": "00000000-0000-0000-0007-000000000011", "nummer": "7001", "kanaal": "telefoon",
		"onderwerp": "Paspoort", "inhoud": "Vraag over de kosten", "indicatieContactGelukt": true, "taal": "nld",
		"vertrouwelijk": false, "plaatsgevondenOp": "2024-03-01T09:15:00+01:00", "metadata": {"Betreft": "Paspoortaanvraag"}},
	"betrokkene": {"uuid": "00000000-0000-0000-0007-000000000012", "wasPartij": null, "rol": "klant", "initiator": true,
		"contactnaam": {"voorletters": "P", "voornaam": "Phil", "voorvoegselAchternaam": "", "achternaam": "Bozeman"},
		"bezoekadres": {"postcode": "1015cj", "huisnummer": 1}, "organisatienaam": ""},
	"onderwerpobject": {"uuid": "00000000-0000-0000-0007-000000000013", "wasKlantcontact": null,
		"onderwerpobjectidentificator": {"objectId": "ZAAK-1", "codeObjecttype": "zaak", "codeRegister": "open-zaak",
		"codeSoortObjectId": "identificatie"}}}');
-- A refusal names the part and the field, and nothing is stored.
SELECT status, code, bericht FROM pgrst.http('POST', '/rpc/maak_klantcontact', '{
	"klantcontact": {"uuid": "00000000-0000-0000-0007-000000000014", "kanaal": "balie", "onderwerp": "x", "taal": "nld", "vertrouwelijk": false},
	"betrokkene": {"wasPartij": {"uuid": "00000000-0000-0000-0007-0000000000ff"}, "rol": "klant", "initiator": true}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/rpc/maak_klantcontact', '{
	"klantcontact": {"kanaal": "balie", "onderwerp": "x", "taal": "nld"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/rpc/maak_klantcontact', '{"betrokkene": {"rol": "klant"}}');
SELECT status, jsonb_array_length(antwoord) AS gevonden FROM pgrst.http('GET',
	'/klantcontacten?uuid=eq.00000000-0000-0000-0007-000000000014', rol => 'klantinteracties_lezer');

-- Klantcontact: POST, PATCH; the lists of related resources follow.
SELECT status, antwoord -> 0 ->> 'plaatsgevondenOp' AS plaatsgevonden, antwoord -> 0 -> 'verdereActieOndernomen' AS verdere_actie
  FROM pgrst.http('POST', '/klantcontacten', '{"uuid": "00000000-0000-0000-0007-000000000021", "kanaal": "email",
	"onderwerp": "Antwoord", "taal": "nld", "vertrouwelijk": true, "plaatsgevondenOp": "2024-03-02T10:00:00Z",
	"hoofdOnderwerpType": "https://catalogi.example.nl/api/v1/zaaktypen/1"}');
SELECT status, antwoord -> 0 ->> 'reactie' AS reactie, antwoord -> 0 ->> 'onderwerp' AS onderwerp
  FROM pgrst.http('PATCH', '/klantcontacten?uuid=eq.00000000-0000-0000-0007-000000000021', '{"reactie": "Opgelost"}');
SELECT status, antwoord -> 0 -> 'wasKlantcontact' ->> 'uuid' AS was FROM pgrst.http('POST', '/onderwerpobjecten', '{
	"uuid": "00000000-0000-0000-0007-000000000022", "klantcontact": {"uuid": "00000000-0000-0000-0007-000000000021"},
	"wasKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000011"},
	"onderwerpobjectidentificator": {"objectId": "00000000-0000-0000-0007-000000000011", "codeObjecttype": "klantcontact"}}');
SELECT status, antwoord -> 0 -> 'onderwerpobjectidentificator' AS identificator
  FROM pgrst.http('PATCH', '/onderwerpobjecten?uuid=eq.00000000-0000-0000-0007-000000000022',
	'{"onderwerpobjectidentificator": {"objectId": "ZAAK-2", "codeObjecttype": "zaak"}}');
SELECT status, antwoord -> 0 -> 'bijlageidentificator' ->> 'objectId' AS object FROM pgrst.http('POST', '/bijlagen', '{
	"uuid": "00000000-0000-0000-0007-000000000023", "wasBijlageVanKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000021"},
	"bijlageidentificator": {"objectId": "https://drc.example.nl/documenten/1", "codeObjecttype": "informatieobject",
	"codeRegister": "drc", "codeSoortObjectId": "url"}}');
SELECT status, antwoord -> 0 -> 'bijlageidentificator' ->> 'codeRegister' AS register
  FROM pgrst.http('PATCH', '/bijlagen?uuid=eq.00000000-0000-0000-0007-000000000023', '{"bijlageidentificator": null}');
SELECT status, antwoord -> 0 ->> 'volledigeNaam' AS naam, antwoord -> 0 -> 'correspondentieadres' ->> 'land' AS land
  FROM pgrst.http('POST', '/betrokkenen', '{"uuid": "00000000-0000-0000-0007-000000000024",
	"hadKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000021"}, "rol": "vertegenwoordiger", "initiator": false,
	"contactnaam": {"voornaam": "Jan", "voorvoegselAchternaam": "van", "achternaam": "Dijk"},
	"correspondentieadres": {"adresregel1": "Rue de la Loi 1", "land": "be"}}');
SELECT status, antwoord -> 0 ->> 'rol' AS rol, antwoord -> 0 ->> 'volledigeNaam' AS naam
  FROM pgrst.http('PATCH', '/betrokkenen?uuid=eq.00000000-0000-0000-0007-000000000024', '{"rol": "klant"}');
SELECT status, antwoord -> 0 -> 'actor' ->> 'uuid' AS actor FROM pgrst.http('POST', '/actorklantcontacten', '{
	"uuid": "00000000-0000-0000-0007-000000000025", "actor": {"uuid": "00000000-0000-0000-0007-000000000001"},
	"klantcontact": {"uuid": "00000000-0000-0000-0007-000000000021"}}');
SELECT status, antwoord -> 0 -> 'actor' ->> 'uuid' AS actor FROM pgrst.http('PATCH',
	'/actorklantcontacten?uuid=eq.00000000-0000-0000-0007-000000000025', '{"actor": {"uuid": "00000000-0000-0000-0007-000000000003"}}');

-- Interne taken: toegewezenAanActoren in order; the deprecated
-- toegewezenAanActor is the first; afgehandeldOp follows the status.
SELECT status, antwoord -> 0 -> 'toegewezenAanActor' ->> 'uuid' AS eerste,
	   jsonb_path_query_array(antwoord -> 0 -> 'toegewezenAanActoren', '$[*].uuid') AS actoren,
	   antwoord -> 0 ->> 'status' AS taakstatus, antwoord -> 0 ->> 'afgehandeldOp' IS NOT NULL AS afgehandeld
  FROM pgrst.http('POST', '/internetaken', '{"uuid": "00000000-0000-0000-0007-000000000031", "nummer": "7001",
	"gevraagdeHandeling": "Terugbellen", "aanleidinggevendKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000011"},
	"toegewezenAanActoren": [{"uuid": "00000000-0000-0000-0007-000000000003"}, {"uuid": "00000000-0000-0000-0007-000000000001"}],
	"toelichting": "Na 17 uur", "status": "te_verwerken"}');
SELECT status, antwoord -> 0 ->> 'status' AS taakstatus, antwoord -> 0 ->> 'afgehandeldOp' IS NOT NULL AS afgehandeld,
	   jsonb_array_length(antwoord -> 0 -> 'toegewezenAanActoren') AS actoren
  FROM pgrst.http('PATCH', '/internetaken?uuid=eq.00000000-0000-0000-0007-000000000031', '{"status": "verwerkt"}');
SELECT status, antwoord -> 0 -> 'toegewezenAanActor' ->> 'uuid' AS eerste,
	   jsonb_array_length(antwoord -> 0 -> 'toegewezenAanActoren') AS actoren
  FROM pgrst.http('PATCH', '/internetaken?uuid=eq.00000000-0000-0000-0007-000000000031',
	'{"toegewezenAanActor": {"uuid": "00000000-0000-0000-0007-000000000001"}}');
SELECT status, jsonb_path_query_array(antwoord -> 0 -> 'leiddeTotInterneTaken', '$[*].uuid') AS taken,
	   jsonb_path_query_array(antwoord -> 0 -> 'hadBetrokkenen', '$[*].uuid') AS betrokkenen,
	   jsonb_path_query_array(antwoord -> 0 -> 'gingOverOnderwerpobjecten', '$[*].uuid') AS onderwerpobjecten
  FROM pgrst.http('GET', '/klantcontacten?uuid=eq.00000000-0000-0000-0007-000000000011', rol => 'klantinteracties_lezer');
SELECT status, jsonb_path_query_array(antwoord -> 0 -> 'hadBetrokkenActoren', '$[*].naam') AS actoren,
	   jsonb_path_query_array(antwoord -> 0 -> 'omvatteBijlagen', '$[*].uuid') AS bijlagen
  FROM pgrst.http('GET', '/klantcontacten?uuid=eq.00000000-0000-0000-0007-000000000021', rol => 'klantinteracties_lezer');

-- Refusals.
SELECT status, code, bericht FROM pgrst.http('POST', '/klantcontacten', '{"kanaal": "email", "onderwerp": "x", "taal": "nld"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/klantcontacten', '{"kanaal": "email", "onderwerp": "x", "taal": "nld",
	"vertrouwelijk": false, "indicatieContactGelukt": true, "verdereActieOndernomen": true}');
SELECT status, code, bericht FROM pgrst.http('POST', '/klantcontacten', '{"kanaal": "email", "onderwerp": "x", "taal": "nld",
	"vertrouwelijk": false, "metadata": {"a": true}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/klantcontacten', '{"kanaal": "email", "onderwerp": "x", "taal": "nld",
	"vertrouwelijk": false, "nummer": "7001"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/klantcontacten', '{"kanaal": "email", "onderwerp": "x", "taal": "nld",
	"vertrouwelijk": false, "hoofdOnderwerpType": "geen url"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/klantcontacten', '{"kanaal": "email", "onderwerp": "x", "taal": "nld",
	"vertrouwelijk": false, "plaatsgevondenOp": "gisteren"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/betrokkenen', '{"rol": "klant", "initiator": true}');
SELECT status, code, bericht FROM pgrst.http('POST', '/betrokkenen', '{"hadKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000021"},
	"rol": "klant", "initiator": true, "contactnaam": {"voorletters": "ABCDEFGHIJK"}}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/betrokkenen', '{"hadKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000021"},
	"rol": "klant", "initiator": true, "bezoekadres": {"nummeraanduidingId": "1234567890000001"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/betrokkenen', '{"hadKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000021"},
	"rol": "klant", "initiator": true, "bezoekadres": "Dam 1"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/onderwerpobjecten', '{"klantcontact": {"uuid": "niet-een-uuid"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/actoren', '{"naam": "X", "soortActor": "medewerker", "actorIdentificatie": {"functie": "f"}}');
SELECT status, code, bericht, detail FROM pgrst.http('POST', '/actoren', '{"naam": "X", "soortActor": "medewerker",
	"actorIdentificatie": {"functie": "f", "telefoonnummer": "14 020"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/actoren', '{"naam": " ", "soortActor": "medewerker",
	"actorIdentificatie": {"functie": "f", "telefoonnummer": "0201234567"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/actorklantcontacten', '{"actor": {"uuid": "00000000-0000-0000-0007-000000000003"},
	"klantcontact": {"uuid": "00000000-0000-0000-0007-000000000021"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/internetaken', '{"gevraagdeHandeling": "x",
	"aanleidinggevendKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000011"}}');
SELECT status, code, bericht FROM pgrst.http('POST', '/internetaken', '{"gevraagdeHandeling": "x",
	"aanleidinggevendKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000011"},
	"toegewezenAanActoren": [{"uuid": "00000000-0000-0000-0007-000000000001"}], "status": "te_verwerken",
	"afgehandeldOp": "2024-03-01T12:00:00Z"}');
SELECT status, code, bericht FROM pgrst.http('POST', '/internetaken', '{"gevraagdeHandeling": "x",
	"aanleidinggevendKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000011"},
	"toegewezenAanActoren": [{"uuid": "00000000-0000-0000-0007-000000000001"}, {"uuid": "00000000-0000-0000-0007-0000000000ff"}]}');
SELECT status, code, bericht FROM pgrst.http('POST', '/internetaken', '{"gevraagdeHandeling": "x", "status": "klaar",
	"aanleidinggevendKlantcontact": {"uuid": "00000000-0000-0000-0007-000000000011"},
	"toegewezenAanActor": {"uuid": "00000000-0000-0000-0007-000000000001"}}');

-- DELETE: the klantcontact takes its betrokkenen, onderwerpobjecten,
-- bijlagen, actorklantcontacten and interne taken along.
SELECT status FROM pgrst.http('DELETE', '/bijlagen?uuid=eq.00000000-0000-0000-0007-000000000023', prefer => 'return=minimal');
SELECT status FROM pgrst.http('DELETE', '/actorklantcontacten?uuid=eq.00000000-0000-0000-0007-000000000025', prefer => 'return=minimal');
SELECT status FROM pgrst.http('DELETE', '/onderwerpobjecten?uuid=eq.00000000-0000-0000-0007-000000000022', prefer => 'return=minimal');
SELECT status FROM pgrst.http('DELETE', '/betrokkenen?uuid=eq.00000000-0000-0000-0007-000000000024', prefer => 'return=minimal');
SELECT status FROM pgrst.http('DELETE', '/internetaken?uuid=eq.00000000-0000-0000-0007-000000000031', prefer => 'return=minimal');
SELECT status, jsonb_array_length(antwoord) AS verwijderd FROM pgrst.http('DELETE',
	'/klantcontacten?uuid=in.(00000000-0000-0000-0007-000000000011,00000000-0000-0000-0007-000000000021)');
SELECT status, jsonb_array_length(antwoord) AS verwijderd FROM pgrst.http('DELETE',
	'/actoren?uuid=in.(00000000-0000-0000-0007-000000000001,00000000-0000-0000-0007-000000000002,00000000-0000-0000-0007-000000000003)');
RESET SESSION AUTHORIZATION;
SELECT (SELECT count(*) FROM klantcontact WHERE uuid::text LIKE '00000000-0000-0000-0007-%') AS klantcontacten,
	   (SELECT count(*) FROM betrokkene WHERE uuid::text LIKE '00000000-0000-0000-0007-%') AS betrokkenen,
	   (SELECT count(*) FROM onderwerpobject WHERE uuid::text LIKE '00000000-0000-0000-0007-%') AS onderwerpobjecten,
	   (SELECT count(*) FROM actor WHERE uuid::text LIKE '00000000-0000-0000-0007-%') AS actoren;
REVOKE klantinteracties_bsn, klantinteracties_geheim FROM klantinteracties_lezer;
