-- Sample data for the demo, the tests and the benchmarks:
-- genereer_voorbeelddata(aantal, seed) adds `aantal` partijen with their
-- identificators, addresses, digitale adressen, rekeningnummers and
-- klantcontacten (with betrokkenen, actoren, onderwerpobjecten, bijlagen and
-- interne taken), in realistic proportions (docs/klantbeeld.md).
--
-- A function in the extension rather than a script under scripts/: the
-- demo, the regression tests and the benchmarks call it the same way,
-- without file paths, and it is installed, versioned and tested with the
-- tables it fills.  It is a demo and benchmark tool: it only inserts, but do
-- not run it on a production registry.
--
-- Deterministic: every value is a function of the seed and the row number
-- (hashint8extended, md5 for uuids), never of random() or now() (only the
-- registration timestamps geregistreerd_op / gewijzigd_op are the time of
-- loading), so a seed gives the same rows on every machine with the same
-- byte order, however the statements are planned.  Fast: every table is
-- filled by set-based INSERT ... SELECT over generate_series, in blocks of
-- 50,000 partijen so that the queue of foreign-key checks stays small.
--
-- Identification numbers are valid and unique within one seed: n is mapped
-- by a multiplication modulo a range (a permutation, the factor being prime
-- to the range) onto the first 7 digits of a BSN or RSIN, whose 8th digit
-- is chosen so that the elfproef check digit is not 10; onto 8-digit
-- KvK-nummers and 12-digit vestigingsnummers likewise.  Two seeds may
-- produce the same number: load one seed into a registry (a second call with
-- the same seed fails on the first duplicate uuid; nothing is half-loaded).

-- Kind: for the DBA (invoker, EXECUTE revoked from PUBLIC).
CREATE OR REPLACE FUNCTION genereer_voorbeelddata(aantal integer, seed double precision DEFAULT 0.42)
	RETURNS TABLE (tabel text, rijen bigint)
	LANGUAGE plpgsql VOLATILE STRICT
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	-- The planner cannot see how many rows generate_series yields from
	-- variables and costs the statements far above jit_above_cost; compiling
	-- them would take longer than running them.
	SET jit = off
	AS $$
DECLARE
	basis constant bigint := hashfloat8extended(seed, 0);
	-- Prefix of the text hashed into uuids; the sample data's "name space".
	s constant text := 'voorbeeld:' || hashfloat8extended(seed, 0)::text || ':';
	-- Klantcontacten lie in the 1,095 days before this moment.  All time
	-- arithmetic is in minutes and hours, which do not depend on the
	-- session's TimeZone (days would, across daylight saving time).
	t0 constant timestamptz := '2025-01-01 00:00:00+01';
	blok constant integer := 50000;
	-- The names in ASCII, as e-mail addresses use them.  Three are written
	-- with letters outside Latin-1 (Ayse with s-cedilla, Yilmaz with a
	-- dotless i, Sahin with S-cedilla); the install script holds only
	-- Latin-1 letters, so that it converts to a LATIN1 database too
	-- (klantinteracties.control: encoding = UTF8), and they get their
	-- letters below where the database can hold them (docs/operations.md).
	voornamen_ascii constant text[] := ARRAY['Jan', 'Piet', 'Kees', 'Anna', 'Maria', 'Sophie', 'Emma', 'Lucas', 'Daan',
		'Sem', 'Noah', 'Julia', 'Tess', 'Lotte', 'Fleur', 'Bram', 'Thijs', 'Ruben', 'Lisa', 'Eva', 'Sanne', 'Femke',
		'Mohamed', 'Fatima', 'Ahmed', 'Yasmina', 'Mehmet', 'Ayse', 'Kevin', 'Priya', 'Wei', 'Olga', 'Johannes',
		'Hendrik', 'Cornelia', 'Wilhelmina', 'Gerrit', 'Ingrid', 'Marloes', 'Joost'];
	voorvoegsels constant text[] := ARRAY['de', '', 'van', '', '', '', '', 'de', '', 'de', '', '', '', '', 'van',
		'', '', 'de', '', '', 'de', 'van der', '', '', 'de', '', 'van den', 'van der', 'van den', 'de', '', 'van',
		'', '', '', '', '', '', '', 'el', '', '', '', '', 'de', '', 'van', '', 'ter', ''];
	achternamen_ascii constant text[] := ARRAY['Vries', 'Jansen', 'Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Boer',
		'Mulder', 'Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Leeuwen', 'Dekker', 'Brouwer', 'Wit', 'Dijkstra',
		'Smits', 'Graaf', 'Linden', 'Kok', 'Jacobs', 'Haan', 'Vermeulen', 'Heuvel', 'Veen', 'Broek', 'Bruijn',
		'Schouten', 'Beek', 'Willems', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'Yilmaz', 'Kaya', 'Amrani',
		'Nguyen', 'Wang', 'Kowalski', 'Sahin', 'Jong', 'Postma', 'Vliet', 'Bosman', 'Horst', 'Wouters'];
	-- Those three as written, in UTF-8 (hexadecimal).
	eigen_letters constant text[][] := ARRAY[['Ayse', '4179c59f65'], ['Yilmaz', '59c4b16c6d617a'],
		['Sahin', 'c59e6168696e']];
	voornamen text[] := voornamen_ascii;
	achternamen text[] := achternamen_ascii;
	naam text;
	branches constant text[] := ARRAY['Bakkerij', 'Garage', 'Stichting', 'Installatiebedrijf', 'Kinderopvang',
		'Advocatenkantoor', 'Café', 'Bouwbedrijf', 'Transportbedrijf', 'Vereniging', 'Bloemenzaak', 'Tandartspraktijk'];
	rechtsvormen constant text[] := ARRAY[' B.V.', '', ' & Zn.', ' V.O.F.'];
	straten constant text[] := ARRAY['Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Molenweg', 'Schoolstraat',
		'Julianastraat', 'Beatrixlaan', 'Wilhelminastraat', 'Nieuwstraat', 'Markt', 'Raadhuisplein',
		'Prins Bernhardlaan', 'Oranjestraat', 'Industrieweg', 'Lindelaan', 'Eikenlaan', 'Parallelweg',
		'Burgemeester Visserstraat', 'Kastanjelaan', 'Havenstraat'];
	-- Cities with their postcode range, 2-digit area code and gemeentecode.
	steden constant text[] := ARRAY['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen',
		'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Zwolle', 'Leeuwarden', 'Maastricht', 'Enschede', 'Haarlem'];
	pc_van constant integer[] := ARRAY[1011, 3011, 2491, 3511, 5611, 9711, 5011, 1311, 4811, 6511, 8011, 8911, 6211, 7511, 2011];
	pc_aantal constant integer[] := ARRAY[99, 79, 107, 75, 48, 37, 39, 53, 29, 36, 33, 31, 19, 38, 27];
	netnummers constant text[] := ARRAY['020', '010', '070', '030', '040', '050', '013', '036', '076', '024', '038',
		'058', '043', '053', '023'];
	gemeentecodes constant text[] := ARRAY['0363', '0599', '0518', '0344', '0772', '0014', '0855', '0034', '0758',
		'0268', '0193', '0080', '0935', '0153', '0392'];
	banken constant text[] := ARRAY['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'KNAB', 'BUNQ'];
	bics constant text[] := ARRAY['ABNANL2A', 'INGBNL2A', 'RABONL2U', 'SNSBNL2A', 'TRIONL2U', 'ASNBNL21', 'KNABNL2H', 'BUNQNL2A'];
	-- Onderwerp, the organisatorische eenheid (1..6, below) it belongs to,
	-- and whether it is confidential.
	onderwerpen constant text[] := ARRAY['Paspoort aanvragen', 'Rijbewijs verlengen', 'Verhuizing doorgeven',
		'Uittreksel BRP', 'Huwelijk of partnerschap', 'Bijstandsuitkering', 'Schuldhulpverlening',
		'Wmo-voorziening', 'Omgevingsvergunning', 'Kapvergunning', 'Parkeervergunning', 'WOZ-beschikking',
		'Gemeentelijke belastingen', 'Kwijtschelding', 'Melding openbare ruimte', 'Grofvuil ophalen', 'Afvalpas',
		'Subsidieaanvraag', 'Bezwaar', 'Klacht'];
	onderwerp_eenheid constant integer[] := ARRAY[2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 1, 1, 1];
	onderwerp_vertrouwelijk constant boolean[] := ARRAY[false, false, false, false, false, true, true, true,
		false, false, false, false, false, true, false, false, false, false, false, true];
	eenheden constant text[] := ARRAY['Klantcontactcentrum', 'Burgerzaken', 'Werk en Inkomen', 'Vergunningen',
		'Belastingen', 'Openbare Ruimte'];
	handelingen constant text[] := ARRAY['Terugbellen', 'Zaak aanmaken', 'Informatie opzoeken en terugkoppelen',
		'Lezen en bepalen benodigde actie', 'Afspraak inplannen'];
	van integer;
	tot integer;
	geladen bigint;
BEGIN
	-- In a database whose encoding cannot hold them (LATIN1, WIN1252, ...)
	-- these names stay in ASCII: Ayse, Yilmaz, Sahin.
	FOR i IN 1 .. array_length(eigen_letters, 1) LOOP
		BEGIN
			naam := convert_from(decode(eigen_letters[i][2], 'hex'), 'UTF8');
			voornamen := array_replace(voornamen, eigen_letters[i][1], naam);
			achternamen := array_replace(achternamen, eigen_letters[i][1], naam);
		EXCEPTION WHEN untranslatable_character THEN
			NULL;
		END;
	END LOOP;
	-- Actoren: 40 medewerkers, the 6 organisatorische eenheden, 3 automated
	-- actors (mail reader, scan line, chatbot).
	INSERT INTO klantinteracties.actor (uuid, naam, soort_actor, actoridentificator_object_id,
		actoridentificator_code_objecttype, actoridentificator_code_register, actoridentificator_code_soort_object_id)
	SELECT md5(s || 'actor' || a)::uuid,
		   CASE WHEN a <= 40 THEN voornamen[1 + (hashint8extended(a, basis # 901) & 2147483647) % 40] || ' '
					|| ltrim(voorvoegsels[1 + (hashint8extended(a, basis # 902) & 2147483647) % 50] || ' '
					|| achternamen[1 + (hashint8extended(a, basis # 902) & 2147483647) % 50])
				WHEN a <= 46 THEN eenheden[a - 40]
				ELSE (ARRAY['Mailbox info@', 'Scanstraat', 'Chatbot'])[a - 46] END,
		   CASE WHEN a <= 40 THEN 'medewerker' WHEN a <= 46 THEN 'organisatorische_eenheid'
				ELSE 'geautomatiseerde_actor' END::klantinteracties.soort_actor,
		   CASE WHEN a <= 40 THEN 'mw' || lpad(a::text, 4, '0') ELSE '' END,
		   CASE WHEN a <= 40 THEN 'medewerker' ELSE '' END,
		   CASE WHEN a <= 40 THEN 'ad' ELSE '' END,
		   CASE WHEN a <= 40 THEN 'gebruikersnaam' ELSE '' END
	  FROM generate_series(1, 49) a;
	INSERT INTO klantinteracties.medewerker (actor, functie, emailadres, telefoonnummer)
	SELECT md5(s || 'actor' || a)::uuid,
		   (ARRAY['Klantcontactmedewerker', 'Consulent', 'Vergunningverlener', 'Medewerker belastingen'])[1 + a % 4],
		   ('mw' || lpad(a::text, 4, '0') || '@gemeente.example.com')::klantinteracties.emailadres,
		   ('088-' || (5550000 + a))::klantinteracties.telefoonnummer
	  FROM generate_series(1, 40) a;
	INSERT INTO klantinteracties.organisatorische_eenheid (actor, omschrijving, emailadres, telefoonnummer)
	SELECT md5(s || 'actor' || a)::uuid, 'Afdeling ' || eenheden[a - 40],
		   (lower(replace(eenheden[a - 40], ' ', '')) || '@gemeente.example.com')::klantinteracties.emailadres,
		   ('088-' || (5551000 + a))::klantinteracties.telefoonnummer
	  FROM generate_series(41, 46) a;
	INSERT INTO klantinteracties.geautomatiseerde_actor (actor, functie, omschrijving)
	SELECT md5(s || 'actor' || a)::uuid, (ARRAY['Mail lezen', 'Post scannen', 'Chatten'])[a - 46],
		   (ARRAY['Leest de mailbox info@ en registreert klantcontacten', 'Scant binnengekomen post',
				  'Beantwoordt vragen in de chat op de website'])[a - 46]
	  FROM generate_series(47, 49) a;
	INSERT INTO klantinteracties.categorie (uuid, naam)
	SELECT md5(s || 'categorie' || c)::uuid, (ARRAY['Ondernemer', 'Minima', 'Mantelzorger', 'Statushouder'])[c]
	  FROM generate_series(1, 4) c;

	FOR van IN SELECT generate_series(1, aantal, blok) LOOP
		tot := least(van + blok - 1, aantal);

		-- Partijen.  n mod 20: 0..15 persoon (80%), 16 and 17 organisatie
		-- with a KvK-nummer (and half of them an RSIN), 18 vestiging of
		-- organisatie n - 2, 19 contactpersoon working for organisatie n - 3.
		-- Personen: 93% with a BSN, 5% without identificator, 2% a
		-- duplicate without identificator of persoon n - 20 (same name,
		-- address, e-mail), for mogelijke_dubbelen.
		WITH r AS (
			SELECT n,
				   CASE WHEN n % 20 < 16 THEN 'persoon' WHEN n % 20 = 19 THEN 'contactpersoon'
						ELSE 'organisatie' END::klantinteracties.soort_partij AS soort,
				   n % 20 = 18 AS vestiging,
				   hashint8extended(n, basis # 1) & 2147483647 AS r1,
				   hashint8extended(n, basis # 2) & 2147483647 AS r2,
				   hashint8extended(n, basis # 4) & 2147483647 AS r4,
				   hashint8extended(n, basis # 5) & 2147483647 AS r5
			  FROM generate_series(van::bigint, tot) n),
		x AS (
			SELECT r.*,
				   CASE WHEN r.soort = 'persoon' AND r.r1 % 100 >= 98 AND r.n > 20 THEN r.n - 20 ELSE r.n END AS bron,
				   r.soort = 'persoon' AND r.r1 % 100 < 93 AS met_bsn
			  FROM r),
		-- The names, addresses, e-mail address, voorkeurstaal and notitie
		-- come from `bron`, so a duplicate copies them.
		src AS MATERIALIZED (
			SELECT x.*,
				   md5(s || 'partij' || x.n)::uuid AS uuid,
				   1 + (hashint8extended(x.bron, basis # 11) & 2147483647) % 40 AS vn,
				   -- A vestiging bears the name of its organisatie.
				   1 + (hashint8extended(CASE WHEN x.vestiging THEN x.n - 2 ELSE x.bron END, basis # 12) & 2147483647) % 50 AS an,
				   1 + (hashint8extended(x.bron, basis # 13) & 2147483647) % 15 AS stad,
				   hashint8extended(x.bron, basis # 3) & 2147483647 AS r3,
				   hashint8extended(x.bron, basis # 14) & 2147483647 AS adres_r,
				   hashint8extended(x.bron, basis # 15) & 2147483647 AS mail_r,
				   1 + (hashint8extended(CASE WHEN x.vestiging THEN x.n - 2 ELSE x.bron END, basis # 16) & 2147483647) % 12 AS branche
			  FROM x),
		ins_partij AS (
			INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief, indicatie_geheimhouding,
				voorkeurstaal, interne_notitie,
				bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer,
				bezoekadres_huisnummertoevoeging, bezoekadres_postcode, bezoekadres_stad,
				bezoekadres_adresregel1, bezoekadres_adresregel2, bezoekadres_land,
				correspondentieadres_adresregel1, correspondentieadres_postcode, correspondentieadres_stad)
			SELECT src.uuid, src.soort, src.r2 % 100 >= 2, CASE WHEN src.r2 % 100 = 50 THEN true END,
				   CASE WHEN src.soort = 'contactpersoon' THEN ''
						WHEN src.r3 % 100 < 30 THEN 'nld' WHEN src.r3 % 100 < 33 THEN 'eng'
						WHEN src.r3 % 100 = 33 THEN 'tur' WHEN src.r3 % 100 = 34 THEN 'ara' ELSE '' END,
				   CASE src.r3 % 200 WHEN 100 THEN 'Slechthorend: graag duidelijk en rustig spreken.'
						WHEN 101 THEN 'Wil alleen schriftelijk benaderd worden.'
						WHEN 102 THEN 'Bewindvoering: post in kopie naar de bewindvoerder.' ELSE '' END,
				   -- Contactpersonen have no address of their own; 1% of the
				   -- others live abroad (free address lines, no postcode).
				   CASE WHEN src.soort <> 'contactpersoon' AND src.adres_r % 100 > 0 AND src.adres_r % 2 = 0 THEN
						(gemeentecodes[src.stad] || '20' || lpad((1 + (src.bron * 7877 + src.adres_r % 7877) % 9999999999)::text, 10, '0'))::klantinteracties.bag_id END,
				   CASE WHEN src.soort <> 'contactpersoon' AND src.adres_r % 100 > 0 THEN straten[1 + src.adres_r % 20] ELSE '' END,
				   CASE WHEN src.soort <> 'contactpersoon' AND src.adres_r % 100 > 0 THEN 1 + (src.adres_r / 20) % 250 END,
				   CASE WHEN src.soort <> 'contactpersoon' AND src.adres_r % 100 > 0 AND (src.adres_r / 5000) % 10 = 0
						THEN (ARRAY['A', 'B', '1', '2', 'bis', 'hs'])[1 + (src.adres_r / 50000) % 6] ELSE '' END,
				   CASE WHEN src.soort <> 'contactpersoon' AND src.adres_r % 100 > 0 THEN
						((pc_van[src.stad] + (src.adres_r / 7) % pc_aantal[src.stad])::text
						 || substr('ABCDEGHJKLMNPRTVWXZ', (1 + (src.adres_r / 1000) % 19)::integer, 1)
						 || substr('ABCDEGHJKLMNPRSTVWXZ', (1 + (src.adres_r / 19000) % 20)::integer, 1))::klantinteracties.postcode END,
				   CASE WHEN src.soort <> 'contactpersoon' AND src.adres_r % 100 > 0 THEN steden[src.stad] ELSE '' END,
				   CASE WHEN src.soort <> 'contactpersoon' AND src.adres_r % 100 = 0 THEN 'Rue de la Loi ' || (1 + src.adres_r % 200) ELSE '' END,
				   CASE WHEN src.soort <> 'contactpersoon' AND src.adres_r % 100 = 0 THEN '1000 Bruxelles' ELSE '' END,
				   CASE WHEN src.soort <> 'contactpersoon' AND src.adres_r % 100 = 0 THEN 'BE'::klantinteracties.landcode END,
				   -- Organisaties (not vestigingen) half with a postbus.
				   CASE WHEN src.soort = 'organisatie' AND NOT src.vestiging AND src.r4 % 2 = 0
						THEN 'Postbus ' || (100 + src.r4 % 9000) ELSE '' END,
				   CASE WHEN src.soort = 'organisatie' AND NOT src.vestiging AND src.r4 % 2 = 0 THEN
						((pc_van[src.stad] + (src.r4 / 7) % pc_aantal[src.stad])::text || 'AA')::klantinteracties.postcode END,
				   CASE WHEN src.soort = 'organisatie' AND NOT src.vestiging AND src.r4 % 2 = 0 THEN steden[src.stad] ELSE '' END
			  FROM src
			RETURNING uuid),
		ins_persoon AS (
			INSERT INTO klantinteracties.persoon (partij, contactnaam_voorletters, contactnaam_voornaam,
				contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
			SELECT src.uuid, left(voornamen[src.vn], 1) || '.',
				   CASE WHEN (src.mail_r / 7) % 10 = 0 THEN '' ELSE voornamen[src.vn] END,
				   voorvoegsels[src.an], achternamen[src.an]
			  FROM src WHERE src.soort = 'persoon'),
		ins_organisatie AS (
			INSERT INTO klantinteracties.organisatie (partij, naam)
			SELECT src.uuid, branches[src.branche] || ' ' || upper(left(ltrim(voorvoegsels[src.an] || ' ' || achternamen[src.an]), 1))
					|| substr(ltrim(voorvoegsels[src.an] || ' ' || achternamen[src.an]), 2)
					|| CASE WHEN src.vestiging THEN ' (vestiging ' || steden[src.stad] || ')'
							ELSE rechtsvormen[1 + src.r4 % 4] END
			  FROM src WHERE src.soort = 'organisatie'),
		ins_contactpersoon AS (
			INSERT INTO klantinteracties.contactpersoon (partij, uuid, werkte_voor_partij, contactnaam_voorletters,
				contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
			SELECT src.uuid, md5(s || 'contactpersoon' || src.n)::uuid, md5(s || 'partij' || (src.n - 3))::uuid,
				   left(voornamen[src.vn], 1) || '.', voornamen[src.vn], voorvoegsels[src.an], achternamen[src.an]
			  FROM src WHERE src.soort = 'contactpersoon'),
		-- BSN and RSIN: a permutation of n onto 7 digits, an 8th digit that
		-- keeps the check digit below 10, the elfproef check digit.
		nummers AS (
			SELECT src.n, src.uuid, src.soort, src.vestiging, src.met_bsn, src.r4,
				   b.p AS bsn_p, b.som AS bsn_som, rs.p AS rsin_p, rs.som AS rsin_som
			  FROM src,
				   LATERAL (SELECT q.p, 9 * (q.p / 1000000) + 8 * (q.p / 100000 % 10) + 7 * (q.p / 10000 % 10)
								 + 6 * (q.p / 1000 % 10) + 5 * (q.p / 100 % 10) + 4 * (q.p / 10 % 10) + 3 * (q.p % 10) AS som
							  FROM (SELECT 1000000 + (src.n * 2718281 + abs(basis % 9000000)) % 9000000 AS p) q) b,
				   LATERAL (SELECT q.p, 9 * (q.p / 1000000) + 8 * (q.p / 100000 % 10) + 7 * (q.p / 10000 % 10)
								 + 6 * (q.p / 1000 % 10) + 5 * (q.p / 100 % 10) + 4 * (q.p / 10 % 10) + 3 * (q.p % 10) AS som
							  FROM (SELECT 1000000 + (src.n * 3141593 + abs(basis % 8999999)) % 9000000 AS p) q) rs),
		ins_identificator AS (
			INSERT INTO klantinteracties.partij_identificator (uuid, identificeerde_partij, code_register,
				code_objecttype, code_soort_object_id, object_id, sub_identificator_van)
			SELECT md5(s || 'identificator:' || i.soort || ':' || i.n)::uuid, i.partij,
				   klantinteracties.identificator_register(i.soort), klantinteracties.identificator_objecttype(i.soort),
				   i.soort, i.waarde, i.ouder
			  FROM (
				SELECT nr.n, nr.uuid AS partij, 'bsn'::klantinteracties.code_soort_object_id AS soort,
					   nr.bsn_p::text || CASE WHEN nr.bsn_som % 11 = 10 THEN '1' || ((nr.bsn_som + 2) % 11)::text
											  ELSE '0' || (nr.bsn_som % 11)::text END AS waarde, NULL::uuid AS ouder
				  FROM nummers nr WHERE nr.met_bsn
				UNION ALL
				SELECT nr.n, nr.uuid, 'kvk_nummer', (10000000 + (nr.n * 1618033 + abs(basis % 89999999)) % 90000000)::text, NULL
				  FROM nummers nr WHERE nr.soort = 'organisatie' AND NOT nr.vestiging
				UNION ALL
				SELECT nr.n, nr.uuid, 'rsin',
					   nr.rsin_p::text || CASE WHEN nr.rsin_som % 11 = 10 THEN '1' || ((nr.rsin_som + 2) % 11)::text
											   ELSE '0' || (nr.rsin_som % 11)::text END, NULL
				  FROM nummers nr WHERE nr.soort = 'organisatie' AND NOT nr.vestiging AND nr.r4 % 4 < 2
				UNION ALL
				SELECT nr.n, nr.uuid, 'vestigingsnummer',
					   lpad(((nr.n * 4142137 + abs(basis % 99999999999)) % 100000000000)::text, 12, '0'),
					   md5(s || 'identificator:kvk_nummer:' || (nr.n - 2))::uuid
				  FROM nummers nr WHERE nr.vestiging) i),
		-- Digitale adressen: e-mail for 65% of personen, a telephone number
		-- (mobile in one of five spellings, or fixed) for 75%, WhatsApp as
		-- overig for 2%; organisaties info@ and a fixed number; the first of
		-- each soort is the standaard adres, and 40% / 20% have the e-mail /
		-- the number as voorkeursadres.
		adressen AS (
			SELECT src.uuid AS partij, 'email'::klantinteracties.soort_digitaal_adres AS soort,
				   CASE WHEN src.soort = 'organisatie'
						THEN 'info@' || lower(regexp_replace(achternamen_ascii[src.an], '[^A-Za-z]', '', 'g'))
							 || (src.bron % 1000) || '.example.com'
						ELSE lower(CASE src.mail_r % 3
								WHEN 0 THEN voornamen_ascii[src.vn] || '.'
								WHEN 1 THEN left(voornamen[src.vn], 1) || '.'
								ELSE voornamen_ascii[src.vn] END
							|| regexp_replace(voorvoegsels[src.an] || achternamen_ascii[src.an], '[^A-Za-z]', '', 'g')
							|| (src.bron % 1000)::text)
							 || '@' || (ARRAY['example.com', 'example.net', 'example.org'])[1 + (src.mail_r / 3) % 3] END AS adres,
				   src.mail_r % 100 < 40 AS voorkeur,
				   CASE WHEN src.mail_r % 10 < 3 THEN date '2024-12-31' - (src.mail_r / 10 % 700)::integer END AS geverifieerd
			  FROM src
			 WHERE (src.soort = 'persoon' AND (src.mail_r / 100) % 100 < 65)
				OR (src.soort = 'organisatie' AND (src.mail_r / 100) % 100 < 80)
				OR (src.soort = 'contactpersoon' AND (src.mail_r / 100) % 100 < 70)
			UNION ALL
			SELECT src.uuid, 'telefoonnummer',
				   CASE WHEN src.soort = 'organisatie' OR src.r5 % 5 = 0
						THEN netnummers[src.stad] || '-' || (2000000 + src.r5 % 8000000)
						ELSE (SELECT CASE src.r5 / 8000000 % 5
										WHEN 0 THEN '06-' || m WHEN 1 THEN '06' || m WHEN 2 THEN '+316' || m
										WHEN 3 THEN '06 ' || substr(m, 1, 2) || ' ' || substr(m, 3, 2) || ' '
													|| substr(m, 5, 2) || ' ' || substr(m, 7, 2)
										ELSE '+31 6 ' || substr(m, 1, 4) || ' ' || substr(m, 5, 4) END
								FROM (SELECT ((1 + src.r5 % 5) * 10000000 + src.r5 / 5 % 10000000)::text AS m) mob) END,
				   src.mail_r % 100 >= 40 AND src.mail_r % 100 < 60, NULL
			  FROM src
			 WHERE (src.soort = 'persoon' AND (src.r5 / 100) % 100 < 75)
				OR (src.soort = 'organisatie' AND (src.r5 / 100) % 100 < 90)
				OR (src.soort = 'contactpersoon' AND (src.r5 / 100) % 100 < 50)
			UNION ALL
			SELECT src.uuid, 'overig', 'WhatsApp ' || ((1 + src.r5 % 5) * 10000000 + src.r5 / 5 % 10000000)::text, false, NULL
			  FROM src
			 WHERE src.soort = 'persoon' AND (src.r5 / 10000) % 100 < 2),
		ins_adres AS (
			INSERT INTO klantinteracties.digitaal_adres (uuid, verstrekt_door_partij, soort_digitaal_adres, adres,
				is_standaard_adres, is_voorkeursadres, omschrijving, verificatie_datum)
			SELECT md5(s || 'digitaal_adres:' || a.soort || ':' || a.partij)::uuid, a.partij, a.soort, a.adres,
				   true, a.voorkeur, CASE a.soort WHEN 'overig' THEN 'WhatsApp' ELSE '' END, a.geverifieerd
			  FROM adressen a),
		-- Rekeningnummers: 30% of personen, 60% of organisaties; NL IBAN
		-- with ISO 7064 mod-97 check digits (letters as 10..35: N = 23, L = 21).
		rekeningen AS (
			SELECT src.uuid AS partij, k.bank, k.rekening,
				   98 - ((  (ascii(substr(banken[k.bank], 1, 1)) - 55)::text || (ascii(substr(banken[k.bank], 2, 1)) - 55)::text
						 || (ascii(substr(banken[k.bank], 3, 1)) - 55)::text || (ascii(substr(banken[k.bank], 4, 1)) - 55)::text
						 || k.rekening || '232100')::numeric % 97) AS controle,
				   src.r4 % 3 = 0 AS met_bic
			  FROM src, LATERAL (SELECT 1 + src.r4 % 8 AS bank, lpad(((src.r4 * 7 + src.r3 % 1000) % 10000000000)::text, 10, '0') AS rekening) k
			 WHERE (src.soort = 'persoon' AND (src.r4 / 8) % 10 < 3)
				OR (src.soort = 'organisatie' AND (src.r4 / 8) % 10 < 6)),
		ins_rekening AS (
			INSERT INTO klantinteracties.rekeningnummer (uuid, partij, iban, bic, is_voorkeursrekeningnummer)
			SELECT md5(s || 'rekeningnummer:' || rk.partij)::uuid, rk.partij,
				   ('NL' || lpad(rk.controle::text, 2, '0') || banken[rk.bank] || rk.rekening)::klantinteracties.iban,
				   CASE WHEN rk.met_bic THEN bics[rk.bank]::klantinteracties.bic END, true
			  FROM rekeningen rk),
		-- 1% of personen are represented by organisatie n - n % 20 + 16
		-- (bewindvoering), whose contactpersoon n - n % 20 + 19 acts for them.
		ins_vertegenwoordiging AS (
			INSERT INTO klantinteracties.vertegenwoordiging (uuid, vertegenwoordigende_partij, vertegenwoordigde_partij)
			SELECT md5(s || 'vertegenwoordiging:' || src.n)::uuid, md5(s || 'partij' || (src.n - src.n % 20 + 16))::uuid, src.uuid
			  FROM src
			 WHERE src.soort = 'persoon' AND src.r4 % 100 = 7 AND src.n - src.n % 20 + 19 <= aantal),
		ins_categorie AS (
			INSERT INTO klantinteracties.categorie_relatie (uuid, partij, categorie, begin_datum, eind_datum)
			SELECT md5(s || 'categorie_relatie:' || src.n)::uuid, src.uuid,
				   md5(s || 'categorie' || CASE WHEN src.soort = 'organisatie' THEN 1 ELSE 2 + src.r3 % 3 END)::uuid,
				   date '2020-01-01' + (src.r3 % 1500)::integer,
				   CASE WHEN src.r3 % 3 = 0 THEN date '2020-01-01' + (src.r3 % 1500)::integer + 365 END
			  FROM src
			 WHERE src.soort <> 'contactpersoon' AND src.r3 % 100 >= 95)
		SELECT count(*) INTO STRICT geladen FROM ins_partij;

		-- Klantcontacten.  Per persoon or organisatie 0..10 (mean 1.8), plus
		-- for 10% of them an anonymous contact (j = 0: a betrokkene without
		-- partij, with the name and a number or address for follow-up).
		WITH r AS (
			SELECT n, CASE WHEN n % 20 < 16 THEN 'persoon' WHEN n % 20 = 19 THEN 'contactpersoon'
						   ELSE 'organisatie' END AS soort,
				   hashint8extended(n, basis # 21) & 2147483647 AS r1,
				   hashint8extended(n, basis # 4) & 2147483647 AS r4
			  FROM generate_series(van::bigint, tot) n),
		aantallen AS (
			SELECT r.*,
				   CASE WHEN r.soort = 'contactpersoon' THEN 0
						WHEN r.r1 % 100 < 25 THEN 0 WHEN r.r1 % 100 < 55 THEN 1 WHEN r.r1 % 100 < 75 THEN 2
						WHEN r.r1 % 100 < 87 THEN 3 WHEN r.r1 % 100 < 94 THEN 4 WHEN r.r1 % 100 < 98 THEN 6
						ELSE 10 END AS k,
				   r.soort <> 'contactpersoon' AND (r.r1 / 100) % 10 = 0 AS anoniem,
				   -- Represented personen (see above) with their contactpersoon.
				   r.soort = 'persoon' AND r.r4 % 100 = 7 AND r.n - r.n % 20 + 19 <= aantal AS vertegenwoordigd
			  FROM r),
		src AS MATERIALIZED (
			SELECT a.n, j.j, a.soort, a.vertegenwoordigd,
				   CASE WHEN j.j > 0 THEN md5(s || 'partij' || a.n)::uuid END AS partij,
				   md5(s || 'klantcontact:' || a.n || ':' || j.j)::uuid AS uuid,
				   c.c1, c.c2, c.c3,
				   -- Telephone, desk and chat in office hours (08:30-17:00,
				   -- winter time), the rest at any time of day.
				   t0 - make_interval(mins => ((1 + c.c1 % 1095) * 1440
						- CASE WHEN c.kanaal IN ('telefoon', 'balie', 'chat') THEN 510 + c.c1 / 1095 % 510
							   ELSE c.c1 / 1095 % 1440 END)::integer) AS op,
				   1 + c.c2 % 20 AS onderwerp,
				   c.kanaal
			  FROM aantallen a
			 CROSS JOIN LATERAL generate_series(CASE WHEN a.anoniem THEN 0 ELSE 1 END, a.k) AS j(j)
			 CROSS JOIN LATERAL (SELECT h.*,
										CASE WHEN h.c3 % 100 < 42 THEN 'telefoon' WHEN h.c3 % 100 < 65 THEN 'e-mail'
											 WHEN h.c3 % 100 < 80 THEN 'balie' WHEN h.c3 % 100 < 88 THEN 'webformulier'
											 WHEN h.c3 % 100 < 95 THEN 'brief' ELSE 'chat' END AS kanaal
								   FROM (SELECT hashint8extended(a.n * 16 + j.j, basis # 31) & 2147483647 AS c1,
												hashint8extended(a.n * 16 + j.j, basis # 32) & 2147483647 AS c2,
												hashint8extended(a.n * 16 + j.j, basis # 33) & 2147483647 AS c3) h) c),
		ins_klantcontact AS (
			INSERT INTO klantinteracties.klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt,
				taal, vertrouwelijk, plaatsgevonden_op)
			SELECT src.uuid, src.kanaal, onderwerpen[src.onderwerp],
				   CASE WHEN src.kanaal IN ('telefoon', 'balie', 'chat')
						THEN 'Vraag over ' || lower(onderwerpen[src.onderwerp]) || '. '
							 || (ARRAY['Uitleg gegeven over de procedure.', 'Doorverwezen naar de website.',
									   'Terugbelverzoek aangemaakt.', 'Antwoord gegeven.'])[1 + src.c3 / 100 % 4]
						ELSE '' END,
				   CASE WHEN src.kanaal = 'telefoon' AND src.c3 / 100 % 10 = 0 THEN false
						WHEN src.c3 / 100 % 50 = 1 THEN NULL ELSE true END,
				   CASE WHEN src.c2 / 20 % 100 < 95 THEN 'nld' WHEN src.c2 / 20 % 100 < 98 THEN 'eng' ELSE 'tur' END,
				   onderwerp_vertrouwelijk[src.onderwerp], src.op
			  FROM src
			RETURNING uuid),
		ins_betrokkene AS (
			INSERT INTO klantinteracties.betrokkene (uuid, was_partij, had_klantcontact, rol, initiator,
				contactnaam_voorletters, contactnaam_voornaam, contactnaam_achternaam)
			SELECT md5(s || 'betrokkene:' || src.n || ':' || src.j)::uuid, src.partij, src.uuid,
				   'klant'::klantinteracties.klantcontactrol,
				   NOT (src.vertegenwoordigd AND src.c1 % 10 < 3) AND src.c2 % 100 < 95,
				   CASE WHEN src.j = 0 THEN left(voornamen[1 + src.c1 % 40], 1) || '.' ELSE '' END,
				   CASE WHEN src.j = 0 THEN voornamen[1 + src.c1 % 40] ELSE '' END,
				   CASE WHEN src.j = 0 THEN achternamen[1 + src.c2 % 50] ELSE '' END
			  FROM src
			UNION ALL
			SELECT md5(s || 'betrokkene:' || src.n || ':' || src.j || ':v')::uuid,
				   md5(s || 'partij' || (src.n - src.n % 20 + 19))::uuid, src.uuid, 'vertegenwoordiger', true, '', '', ''
			  FROM src WHERE src.vertegenwoordigd AND src.c1 % 10 < 3 AND src.j > 0),
		-- Follow-up data given for this contact only: every anonymous
		-- betrokkene, and a callback number for 5% of the others.
		ins_betrokkene_adres AS (
			INSERT INTO klantinteracties.digitaal_adres (uuid, verstrekt_door_betrokkene, soort_digitaal_adres, adres,
				omschrijving)
			SELECT md5(s || 'digitaal_adres:betrokkene:' || src.n || ':' || src.j)::uuid,
				   md5(s || 'betrokkene:' || src.n || ':' || src.j)::uuid,
				   CASE WHEN src.kanaal = 'e-mail' THEN 'email' ELSE 'telefoonnummer' END::klantinteracties.soort_digitaal_adres,
				   CASE WHEN src.kanaal = 'e-mail'
						THEN lower(left(voornamen[1 + src.c1 % 40], 1) || '.'
								   || regexp_replace(achternamen_ascii[1 + src.c2 % 50], '[^A-Za-z]', '', 'g'))
							 || (src.c3 % 100) || '@example.net'
						ELSE '06-' || ((1 + src.c3 % 5) * 10000000 + src.c1 / 5 % 10000000) END,
				   CASE WHEN src.j = 0 THEN 'opgegeven bij contact' ELSE 'terugbelnummer' END
			  FROM src
			 WHERE src.j = 0 OR (src.c3 / 1000 % 100 < 5 AND src.kanaal <> 'e-mail')),
		-- The actor: a medewerker at telephone and desk (and for 30% of
		-- e-mails), the mail reader, scan line or chatbot otherwise.
		ins_actor_klantcontact AS (
			INSERT INTO klantinteracties.actor_klantcontact (uuid, actor, klantcontact)
			SELECT md5(s || 'actor_klantcontact:' || src.n || ':' || src.j || ':' || x.actor)::uuid,
				   md5(s || 'actor' || x.actor)::uuid, src.uuid
			  FROM src
			 CROSS JOIN LATERAL (
				SELECT CASE src.kanaal WHEN 'e-mail' THEN 47 WHEN 'webformulier' THEN 47 WHEN 'brief' THEN 48
									   WHEN 'chat' THEN 49 ELSE 1 + src.c1 % 40 END AS actor
				UNION ALL
				SELECT 1 + src.c1 % 40 WHERE src.kanaal = 'e-mail' AND src.c2 / 100 % 10 < 3) x),
		-- A zaak as onderwerpobject for 25%.
		ins_onderwerpobject AS (
			INSERT INTO klantinteracties.onderwerpobject (uuid, klantcontact, onderwerpobjectidentificator_object_id,
				onderwerpobjectidentificator_code_objecttype, onderwerpobjectidentificator_code_register,
				onderwerpobjectidentificator_code_soort_object_id)
			SELECT md5(s || 'onderwerpobject:' || src.n || ':' || src.j)::uuid, src.uuid,
				   'ZAAK-' || extract(year FROM src.op AT TIME ZONE 'Europe/Amsterdam') || '-' || lpad((src.c2 % 10000000)::text, 7, '0'),
				   'zaak', 'open-zaak', 'identificatie'
			  FROM src WHERE src.c2 / 1000 % 100 < 25),
		-- Bijlagen: the e-mail itself and up to two attachments, the scanned
		-- letter, the submitted form.
		ins_bijlage AS (
			INSERT INTO klantinteracties.bijlage (uuid, was_bijlage_van_klantcontact, bijlageidentificator_object_id,
				bijlageidentificator_code_objecttype, bijlageidentificator_code_register,
				bijlageidentificator_code_soort_object_id)
			SELECT md5(s || 'bijlage:' || src.n || ':' || src.j || ':' || b.b)::uuid, src.uuid,
				   'https://documenten.example.com/api/v1/enkelvoudiginformatieobjecten/'
					   || md5(s || 'informatieobject:' || src.n || ':' || src.j || ':' || b.b)::uuid,
				   'informatieobject', 'drc', 'url'
			  FROM src
			 CROSS JOIN LATERAL generate_series(1, CASE src.kanaal WHEN 'e-mail' THEN 1 + src.c3 / 10 % 3
															   WHEN 'brief' THEN 1 WHEN 'webformulier' THEN 1
															   ELSE 0 END) AS b(b)),
		-- Interne taken for 20%: assigned 5 minutes after the contact to its
		-- afdeling (60%) or a medewerker; handled within 72 hours, except
		-- 60% of those of the last 60 days.
		taken AS (
			SELECT src.*, md5(s || 'interne_taak:' || src.n || ':' || src.j)::uuid AS taak,
				   src.op + interval '5 minutes' AS toegewezen,
				   src.op > t0 - interval '86400 minutes' AND src.c3 / 10000 % 10 < 6 AS open,
				   CASE WHEN src.c1 / 100 % 10 < 6 THEN 40 + onderwerp_eenheid[src.onderwerp] ELSE 1 + src.c2 % 40 END AS actor
			  FROM src WHERE src.c1 / 1000 % 100 < 20),
		ins_taak AS (
			INSERT INTO klantinteracties.interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact,
				toelichting, status, toegewezen_op, afgehandeld_op)
			SELECT t.taak, handelingen[1 + t.c3 % 5], t.uuid,
				   CASE WHEN t.c3 % 5 = 0 THEN 'Graag tussen 9 en 12 uur bellen.' ELSE '' END,
				   CASE WHEN t.open THEN 'te_verwerken' ELSE 'verwerkt' END::klantinteracties.taakstatus,
				   t.toegewezen,
				   CASE WHEN NOT t.open THEN t.toegewezen + make_interval(hours => (1 + t.c2 % 72)::integer) END
			  FROM taken t)
		INSERT INTO klantinteracties.interne_taak_actor (interne_taak, actor)
		SELECT t.taak, md5(s || 'actor' || t.actor)::uuid FROM taken t;
	END LOOP;

	-- The flags of the rows written with their parents in one statement,
	-- whose BEFORE trigger could not see the parent (and of their audit
	-- rows): set-based, by the rule of the triggers (71).
	PERFORM klantinteracties.vlaggen_herstellen();

	-- Fresh statistics, so that the planner sees the loaded data.
	ANALYZE klantinteracties.partij, klantinteracties.persoon, klantinteracties.organisatie,
		klantinteracties.contactpersoon, klantinteracties.partij_identificator, klantinteracties.digitaal_adres,
		klantinteracties.rekeningnummer, klantinteracties.vertegenwoordiging, klantinteracties.categorie,
		klantinteracties.categorie_relatie, klantinteracties.klantcontact, klantinteracties.betrokkene,
		klantinteracties.onderwerpobject, klantinteracties.bijlage, klantinteracties.actor,
		klantinteracties.medewerker, klantinteracties.geautomatiseerde_actor,
		klantinteracties.organisatorische_eenheid, klantinteracties.actor_klantcontact,
		klantinteracties.interne_taak, klantinteracties.interne_taak_actor;

	RETURN QUERY
	SELECT t.tabel, t.rijen FROM (VALUES
		('partij', (SELECT count(*) FROM klantinteracties.partij)),
		('persoon', (SELECT count(*) FROM klantinteracties.persoon)),
		('organisatie', (SELECT count(*) FROM klantinteracties.organisatie)),
		('contactpersoon', (SELECT count(*) FROM klantinteracties.contactpersoon)),
		('partij_identificator', (SELECT count(*) FROM klantinteracties.partij_identificator)),
		('digitaal_adres', (SELECT count(*) FROM klantinteracties.digitaal_adres)),
		('rekeningnummer', (SELECT count(*) FROM klantinteracties.rekeningnummer)),
		('vertegenwoordiging', (SELECT count(*) FROM klantinteracties.vertegenwoordiging)),
		('categorie_relatie', (SELECT count(*) FROM klantinteracties.categorie_relatie)),
		('klantcontact', (SELECT count(*) FROM klantinteracties.klantcontact)),
		('betrokkene', (SELECT count(*) FROM klantinteracties.betrokkene)),
		('onderwerpobject', (SELECT count(*) FROM klantinteracties.onderwerpobject)),
		('bijlage', (SELECT count(*) FROM klantinteracties.bijlage)),
		('actor', (SELECT count(*) FROM klantinteracties.actor)),
		('actor_klantcontact', (SELECT count(*) FROM klantinteracties.actor_klantcontact)),
		('interne_taak', (SELECT count(*) FROM klantinteracties.interne_taak)),
		('interne_taak_actor', (SELECT count(*) FROM klantinteracties.interne_taak_actor))) AS t(tabel, rijen);
END
$$;
REVOKE ALL ON FUNCTION genereer_voorbeelddata(integer, double precision) FROM PUBLIC;
COMMENT ON FUNCTION genereer_voorbeelddata(integer, double precision) IS 'Demo and benchmark tool: adds `aantal` partijen (80% personen, 15% organisaties and vestigingen, 5% contactpersonen) with valid identificators, addresses, digitale adressen and rekeningnummers, and their klantcontacten over six kanalen with betrokkenen, actoren, onderwerpobjecten, bijlagen and interne taken; deterministic for a seed; set-based (1,000,000 partijen in minutes). Returns the row count of each table afterwards. Not for a production registry.';
