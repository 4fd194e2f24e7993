-- Benchmark 2: bulk load (driven by bench/02_load.sh), in a database of its
-- own with empty tables: our extension and Open Klant's schema
-- (bench/baseline_openklant.sql).
--
-- bench.load_bron(n) generates n personen once, each with a BSN
-- identificator, a Dutch bezoekadres (BAG id, street, number, postcode,
-- city), an e-mail address and a mobile number (in five spellings), both
-- the standaard adres of their soort.  bench.load_export() writes them as
-- CSV files into the data directory, one per table and side: the same rows,
-- with the keys each schema has (our uuids; Open Klant's integer ids next
-- to the same uuids) and the values as each stores them (Open Klant's
-- telephone numbers without separators).  02_load.sh then times COPY of
-- the four files of each side into its empty tables, interleaved.

SET client_min_messages = warning;

CREATE FUNCTION bench.load_bron(n integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	voornamen	text[] := ARRAY['Jan', 'Piet', 'Kees', 'Anna', 'Maria', 'Sophie', 'Emma', 'Lucas', 'Daan',
		'Sem', 'Noah', 'Julia', 'Tess', 'Lotte', 'Fleur', 'Bram', 'Thijs', 'Ruben', 'Lisa', 'Eva', 'Sanne',
		'Femke', 'Mohamed', 'Fatima', 'Ahmed', 'Yasmina', 'Kevin', 'Priya', 'Wei', 'Olga'];
	voorvoegsels text[] := ARRAY['', '', '', '', 'de', 'van', 'van der', 'van den', 'ter', 'el'];
	achternamen	text[] := ARRAY['Vries', 'Jansen', 'Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Boer',
		'Mulder', 'Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Leeuwen', 'Dekker', 'Brouwer', 'Wit',
		'Dijkstra', 'Kaya', 'Amrani', 'Nguyen', 'Wang', 'Kowalski', 'Jong', 'Postma', 'Vliet', 'Horst'];
	straten		text[] := ARRAY['Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Molenweg', 'Schoolstraat',
		'Julianastraat', 'Beatrixlaan', 'Nieuwstraat', 'Markt', 'Lindelaan'];
	steden		text[] := ARRAY['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen'];
	pc_van		integer[] := ARRAY[1011, 3011, 2491, 3511, 5611, 9711];
	gemeenten	text[] := ARRAY['0363', '0599', '0518', '0344', '0772', '0014'];
BEGIN
	DROP TABLE IF EXISTS bench.load_src;
	CREATE TABLE bench.load_src AS
	WITH r AS (
		SELECT i, 1000000 + (i::bigint * 2718281) % 9000000 AS p, 1 + bench.rnd(i, 6) % 6 AS stad,
			   bench.rnd(i, 7) AS r7
		  FROM generate_series(1, n) i),
	b AS (
		SELECT r.*, 9 * (p / 1000000) + 8 * (p / 100000 % 10) + 7 * (p / 10000 % 10) + 6 * (p / 1000 % 10)
					+ 5 * (p / 100 % 10) + 4 * (p / 10 % 10) + 3 * (p % 10) AS som,
			   bench.pick(i, 1, voornamen) AS voornaam, bench.pick(i, 2, voorvoegsels) AS voorvoegsel,
			   bench.pick(i, 3, achternamen) AS achternaam,
			   (1 + bench.rnd(i, 8) % 5)::text || bench.digits(i, 9, 7) AS mobiel
		  FROM r)
	SELECT i,
		   md5('load-partij:' || i)::uuid AS partij,
		   md5('load-identificator:' || i)::uuid AS identificator,
		   md5('load-email:' || i)::uuid AS email_id,
		   md5('load-telefoon:' || i)::uuid AS telefoon_id,
		   p::text || CASE WHEN som % 11 = 10 THEN '1' || ((som + 2) % 11)::text ELSE '0' || (som % 11)::text END AS bsn,
		   left(voornaam, 1) || '.' AS voorletters, voornaam, voorvoegsel, achternaam,
		   gemeenten[stad] || '20' || lpad((1 + i)::text, 10, '0') AS nummeraanduiding_id,
		   straten[1 + r7 % 10] AS straatnaam, 1 + r7 / 10 % 250 AS huisnummer,
		   (pc_van[stad] + r7 / 3000 % 60)::text || ' '
			|| substr('ABCDEGHJKLMNPRTVWXZ', (1 + r7 / 200000 % 19)::integer, 1)
			|| substr('ABCDEGHJKLMNPRSTVWXZ', (1 + r7 / 4000000 % 20)::integer, 1) AS postcode,
		   steden[stad] AS stad,
		   lower(voornaam || '.' || replace(voorvoegsel, ' ', '') || achternaam) || i
			|| '@' || (ARRAY['example.com', 'example.net', 'example.org'])[1 + i % 3] AS email,
		   CASE i % 5 WHEN 0 THEN '06-' || mobiel WHEN 1 THEN '06' || mobiel WHEN 2 THEN '+316' || mobiel
				WHEN 3 THEN '06 ' || substr(mobiel, 1, 2) || ' ' || substr(mobiel, 3, 2) || ' '
							|| substr(mobiel, 5, 2) || ' ' || substr(mobiel, 7, 2)
				ELSE '+31 6 ' || substr(mobiel, 1, 4) || ' ' || substr(mobiel, 5, 4) END AS telefoon
	  FROM b;
	ALTER TABLE bench.load_src ADD PRIMARY KEY (i);
END
$$;

-- The CSV files, in the data directory.  Ours gives the columns with
-- content and leaves the others to their defaults; Open Klant has no column
-- defaults (Django sends every field), so its files carry every column.
CREATE FUNCTION bench.load_export() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	dir			text := current_setting('data_directory') || '/bench_load_';
BEGIN
	EXECUTE format($q$COPY (SELECT partij, 'persoon', true, 'nld', nummeraanduiding_id, straatnaam, huisnummer,
								   postcode, stad FROM bench.load_src ORDER BY i) TO %L (FORMAT csv)$q$,
				   dir || 'ours_partij.csv');
	EXECUTE format($q$COPY (SELECT partij, voorletters, voornaam, voorvoegsel, achternaam FROM bench.load_src ORDER BY i)
					  TO %L (FORMAT csv)$q$, dir || 'ours_persoon.csv');
	EXECUTE format($q$COPY (SELECT identificator, partij, 'natuurlijk_persoon', 'bsn', bsn, 'brp' FROM bench.load_src ORDER BY i)
					  TO %L (FORMAT csv)$q$, dir || 'ours_identificator.csv');
	EXECUTE format($q$COPY (SELECT a.* FROM bench.load_src s,
							LATERAL (VALUES (s.email_id, s.partij, 'email', true, s.email),
											(s.telefoon_id, s.partij, 'telefoonnummer', true, s.telefoon)) a
					  ORDER BY s.i) TO %L (FORMAT csv)$q$, dir || 'ours_adres.csv');

	EXECUTE format($q$COPY (SELECT i, partij, NULL, NULL, NULL, '', 'persoon', NULL, 'nld', true,
								   nummeraanduiding_id, straatnaam, huisnummer, '', postcode, stad, '', '', '', '',
								   '', '', NULL, '', '', '', '', '', '', ''
							  FROM bench.load_src ORDER BY i) TO %L (FORMAT csv)$q$, dir || 'openklant_partij.csv');
	EXECUTE format($q$COPY (SELECT i, i, voorletters, voornaam, voorvoegsel, achternaam FROM bench.load_src ORDER BY i)
					  TO %L (FORMAT csv)$q$, dir || 'openklant_persoon.csv');
	EXECUTE format($q$COPY (SELECT i, identificator, NULL, i, '', 'natuurlijk_persoon', 'bsn', bsn, 'brp'
							  FROM bench.load_src ORDER BY i) TO %L (FORMAT csv)$q$, dir || 'openklant_identificator.csv');
	EXECUTE format($q$COPY (SELECT a.* FROM bench.load_src s,
							LATERAL (VALUES (2 * s.i - 1, s.email_id, s.i, NULL::integer, 'email', true, s.email, '', '', NULL::date),
											(2 * s.i, s.telefoon_id, s.i, NULL, 'telefoonnummer', true,
											 translate(s.telefoon, ' -', ''), '', '', NULL)) a
					  ORDER BY s.i) TO %L (FORMAT csv)$q$, dir || 'openklant_adres.csv');
END
$$;
