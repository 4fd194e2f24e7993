-- telefoonnummer: vectors of ACM's Nummerplan and Google's
-- libphonenumber (valid, invalid, its formatting), every rejection with its SQLSTATE, accessors,
-- is_telefoonnummer against the input function on 100,000 generated inputs,
-- canonical output, COPY round trips, indexes, hashing.
\i sql/include/helpers.psql

-- The acceptance examples
SELECT '020-123 45 67'::telefoonnummer;
SELECT '020123456'::telefoonnummer;
SELECT is_telefoonnummer('020123456'), is_telefoonnummer('020-123 45 67');

-- The examples of docs/types.md (telefoonnummer)
SELECT '(020) 1234567'::telefoonnummer, '06-12345678'::telefoonnummer,
	'+31 (0)20 753 0523'::telefoonnummer, '0031 06-12345678'::telefoonnummer,
	'+44 (0)113 496 0000'::telefoonnummer;
SELECT telefoonnummer_nationaal('+31201234567'), telefoonnummer_internationaal('0201234567'),
	telefoonnummer_nationaal('097012345678'), telefoonnummer_soort('0900 1234567'),
	telefoonnummer_land('+12065550100'), telefoonnummer_internationaal('+441134960000');
SELECT '14 020'::telefoonnummer;

-- International vectors (E.164, ITU-T; 19 valid, 18 invalid)
SELECT v.input, t.ok, t.canonical, t.code, t.detail
FROM (VALUES ('0612345678'), ('0201234567'), ('+31612345678'), ('+441134960000'),
	('+12065550100'), ('0031612345678'), ('0881234567'), ('020 753 0523'),
	('+31 (0)20 753 0523'), ('010-1234567'), ('0111 123 456'), ('0851234567'),
	('0662345678'), ('08001234'), ('0900 1234567'), ('09061234'), ('097012345678'),
	('0841234567'), ('00311234567'), ('0800123456'), ('0900123456'), ('1400'),
	('14012'), ('14079'), ('0695azerty'), ('azerty0545'), ('@4566544++8'),
	('onetwothreefour'), ('+311234'), ('316123456789'), ('0612345'),
	('06123456789'), ('0692345678'), ('+310612345678'), ('+9991234567'),
	('+1234567890123456'), ('112')) AS v(input), pg_temp.try_input(v.input, 'telefoonnummer') t;

-- Spellings: separators, (0), a redundant trunk 0, 00, (+31), blanks
SELECT v.input, t.ok, t.canonical, t.detail
FROM (VALUES ('(020) 1234567'), ('06-12345678'), ('020/123 45 67'),
	('020.123.4567'), ('+31 06 12345678'), ('0031 (0)6 12345678'),
	('0031 06-12345678'), ('(+31) 6 1234 5678'), ('+31(0)201234567'),
	(E'\t 0612345678 '), ('(0)20 123 4567'), ('+44 (0)113 496 0000'),
	('0044 113 496 0000'), ('+39 06 1234 5678'), ('+31 (0)06 12345678'),
	('+31 20 (0)123 4567'), ('0800 1234567'), ('0909 1234'), ('0906-123 45 67'))
	AS v(input), pg_temp.try_input(v.input, 'telefoonnummer') t;

-- Every rejection reason, with its SQLSTATE (and hint where there is one)
SELECT v.input, t.code, t.detail, t.hint
FROM (VALUES (''), ('   '), (E'0612345678\n'), ('06 1234 567x'), ('06_12345678'),
	('++31612345678'), ('06+12345678'), ('( )'), ('+'), ('112'), ('14 020'),
	('316123456789'), ('00'), ('+0031612345678'), ('000031612345678'), ('+2'),
	('+99'), ('+999 1234567'), ('+280 1234567'), ('+1234567890123456'),
	('0044 1234 5678 9012 34'), ('+44'), ('+44 12345'), ('+44 12345678901'),
	('+1 206 555 010'), ('+82 1234567'), ('+800 123'), ('0'), ('+31'), ('0031 (0)'), ('06'), ('+31 97'),
	('0692345678'), ('0671234567'), ('0821234567'), ('0123456789'),
	('0112345678'), ('0140201234'), ('0971234567'), ('00311234567'),
	('020123456'), ('0201234567 8'), ('0111 123 45'), ('+31 20 123456'),
	('0612345'), ('066 234567'), ('0970 123 4567'), ('0841 234 56'),
	('088 123 45'), ('091 123 45678'), ('0800 123456'), ('0900 12345'))
	AS v(input), pg_temp.try_input(v.input, 'telefoonnummer') t;
-- Separators only between digits; "(" may open the number, ")" close it
SELECT v.input, t.ok, t.canonical, t.code, t.detail
FROM (VALUES ('-0201234567'), ('0201234567-'), ('.06 12345678'), ('06 12345678/'),
	('/020 1234567'), ('+-31 20 1234567'), ('+ 31 20 1234567'), (')020 1234567'),
	('020 1234567('), ('020 123 4567 - '), ('(020) 1234567'), ('(+31) 6 1234 5678'),
	('+31 (0)20 123 4567'), ('(020 1234567)'))
	AS v(input), pg_temp.try_input(v.input, 'telefoonnummer') t;
SELECT length(v.input) AS input_length, t.code, t.detail
FROM (VALUES (repeat('1', 65)), ('+' || repeat('3', 70))) AS v(input), pg_temp.try_input(v.input, 'telefoonnummer') t;

-- Formatting: table 6.3 plus one number of every prefix class
SELECT v.input, t::text AS e164, telefoonnummer_nationaal(t) AS nationaal,
	telefoonnummer_internationaal(t) AS internationaal,
	telefoonnummer_soort(t) AS soort, telefoonnummer_land(t) AS land,
	telefoonnummer_landnummer(t) AS landnummer
FROM (VALUES ('0201234567'), ('010-1234567'), ('0111 123 456'), ('0612345678'),
	('0662345678'), ('0851234567'), ('0881234567'), ('0841234567'), ('08001234'),
	('0900 1234567'), ('09061234'), ('097012345678'), ('+441134960000'),
	('+12065550100'), ('0871234567'), ('0911234567'), ('0581234567'),
	('0591 123 456'), ('0681234567'), ('08001234567'), ('09091234'))
	AS v(input), LATERAL (SELECT v.input::telefoonnummer AS t) c;

-- Countries: shared and non-geographic calling codes have no single country;
-- +247 (Ascension) and +290 (Saint Helena, Tristan da Cunha) are ISO SH;
-- +383 (Kosovo) has no ISO 3166-1 code.  Simple blocks for foreign numbers.
SELECT v.input, telefoonnummer_landnummer(t) AS landnummer, telefoonnummer_land(t) AS land,
	telefoonnummer_soort(t) AS soort, telefoonnummer_nationaal(t) AS nationaal,
	telefoonnummer_internationaal(t) AS internationaal
FROM (VALUES ('+32 2 123 45 67'), ('+49 30 123456'), ('+49 1512 3456789'),
	('+7 999 123 4567'), ('+44 7911 123456'), ('+1 416 555 0123'),
	('+599 9 123 4567'), ('+297 560 1234'), ('+597 612 3456'),
	('+800 1234 5678'), ('+882 1234 5678'), ('+247 62889'), ('+290 22158'),
	('+383 44 123 456'), ('+86 138 0013 8000'), ('+39 06 1234 5678'),
	('+61 2 1234 5678'), ('+353 1 234 5678'))
	AS v(input), LATERAL (SELECT v.input::telefoonnummer AS t) c;

-- A CHECK constraint can refuse freephone and premium-rate numbers
CREATE TABLE contact (nummer telefoonnummer
	CHECK (telefoonnummer_soort(nummer) IS DISTINCT FROM 'gratis'
		AND telefoonnummer_soort(nummer) IS DISTINCT FROM 'betaald'));
INSERT INTO contact VALUES ('0201234567'), ('+441134960000');
INSERT INTO contact VALUES ('0900 1234567');
DROP TABLE contact;

-- is_telefoonnummer: strict, and never raises
SELECT is_telefoonnummer(NULL) IS NULL AS strict_null,
	is_telefoonnummer(E'06\n12345678') AS control_char,
	is_telefoonnummer(repeat('9', 1000)) AS very_long;

-- 100,000 generated inputs (Dutch and international prefixes, digit runs of
-- 5 to 12 digits, separators, mutated characters): is_telefoonnummer agrees
-- with the input function, and every accepted value prints canonically and
-- reads back from each of its three printed forms.
CREATE FUNCTION pg_temp.gen(i integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	WITH b AS (
		SELECT (ARRAY['0', '0', '0', '06', '+31 ', '0031', '+31 (0)', '+31 0', '+',
			'00', '', '+44 ', '+1 ', '0800', '090', '0970', '(0', ' 0'])[1 + i % 18]
			|| substr(translate(md5(i::text), 'abcdef', '012345'), 1 + (i / 18) % 10,
				5 + (i / 180) % 8) AS s)
	SELECT CASE (i / 1440) % 6
		WHEN 0 THEN s
		WHEN 1 THEN overlay(s PLACING ' ' FROM 1 + length(s) / 2 FOR 0)
		WHEN 2 THEN overlay(s PLACING '-' FROM 1 + length(s) / 3 FOR 0)
		WHEN 3 THEN overlay(s PLACING (ARRAY['x', '+', '(', '.', '/', E'\n', '#', '*'])[1 + i % 8]
			FROM 1 + i % length(s) FOR 1)
		WHEN 4 THEN s || ')'
		ELSE overlay(s PLACING '' FROM 1 + i % length(s) FOR 1)
	END FROM b $$;
CREATE TEMP TABLE generated AS
	SELECT i, pg_temp.gen(i) AS s FROM generate_series(1, 100000) AS i;
CREATE TEMP TABLE judged AS
	SELECT s, is_telefoonnummer(s) AS is_ok, pg_temp.input_ok(s, 'telefoonnummer') AS input_ok FROM generated;
SELECT count(*) AS inputs, count(DISTINCT s) AS distinct_inputs,
	count(*) FILTER (WHERE input_ok) AS valid,
	count(*) FILTER (WHERE is_ok IS DISTINCT FROM input_ok) AS disagreements
FROM judged;
SELECT count(*) AS valid,
	count(*) FILTER (WHERE t::text !~ '^\+[1-9][0-9]{3,14}$') AS not_e164,
	count(*) FILTER (WHERE t::text::telefoonnummer <> t) AS e164_mismatch,
	count(*) FILTER (WHERE telefoonnummer_nationaal(t)::telefoonnummer <> t) AS nationaal_mismatch,
	count(*) FILTER (WHERE telefoonnummer_internationaal(t)::telefoonnummer <> t) AS internationaal_mismatch,
	count(*) FILTER (WHERE (telefoonnummer_soort(t) IS NULL) <> (telefoonnummer_landnummer(t) <> 31)) AS soort_mismatch
FROM (SELECT s::telefoonnummer AS t FROM judged WHERE input_ok) v;
SELECT telefoonnummer_soort(s::telefoonnummer) AS soort, count(*)
FROM judged WHERE input_ok GROUP BY 1 ORDER BY 1;

-- text and binary COPY round trips
CREATE TABLE phones (id integer, t telefoonnummer);
INSERT INTO phones
	SELECT row_number() OVER (ORDER BY s), s::telefoonnummer FROM judged WHERE input_ok;
INSERT INTO phones VALUES (0, NULL);
SELECT * FROM pg_temp.copy_roundtrip('phones');
SELECT current_setting('data_directory') || '/ki_tel.bad' AS fbad \gset
-- binary input validates again: an int8 that is no valid number is refused
CREATE TABLE bad_phone (t telefoonnummer);
COPY (SELECT 3120123456::bigint) TO :'fbad' WITH (FORMAT binary);
COPY bad_phone FROM :'fbad' WITH (FORMAT binary);
COPY (SELECT 0::bigint) TO :'fbad' WITH (FORMAT binary);
COPY bad_phone FROM :'fbad' WITH (FORMAT binary);
COPY (SELECT 99912345678::bigint) TO :'fbad' WITH (FORMAT binary);
COPY bad_phone FROM :'fbad' WITH (FORMAT binary);
COPY (SELECT 31612345678::bigint) TO :'fbad' WITH (FORMAT binary);
COPY bad_phone FROM :'fbad' WITH (FORMAT binary);
SELECT * FROM bad_phone;

-- order is numeric on the E.164 digits: shorter numbers first
SELECT t FROM (VALUES ('+441134960000'), ('0201234567'), ('097012345678'),
	('+12065550100'), ('08001234'), ('0612345678')) AS v(s),
	LATERAL (SELECT v.s::telefoonnummer AS t) c ORDER BY t;
SELECT '0201234567'::telefoonnummer = '+31 20 123 4567', '0201234567'::telefoonnummer <> '0612345678',
	'0201234567'::telefoonnummer < '0612345678', '0612345678'::telefoonnummer >= '+31612345678',
	'08001234'::telefoonnummer <= '0201234567', '+441134960000'::telefoonnummer > '0201234567';

-- btree index for equality and range, hash index for equality
CREATE INDEX ON phones (t);
ANALYZE phones;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM phones WHERE t = '020 123 4567';
EXPLAIN (COSTS OFF) SELECT * FROM phones WHERE t BETWEEN '0200000000' AND '0209999999';
SELECT count(*) > 0 AND count(*) = (SELECT count(*) FROM phones
		WHERE telefoonnummer_nationaal(t) LIKE '020 %') AS range_is_area_020
FROM phones WHERE t BETWEEN '0200000000' AND '0209999999';
DROP INDEX phones_t_idx;
CREATE INDEX ON phones USING hash (t);
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM phones WHERE t = '020 123 4567';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- hash join and hash aggregate (phones holds some numbers more than once,
-- from different spellings; calls holds each once)
CREATE TABLE calls AS SELECT t, min(id) % 5 AS n FROM phones WHERE t IS NOT NULL GROUP BY t;
ANALYZE calls;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM phones p JOIN calls c USING (t);
SELECT count(*) = (SELECT count(*) FROM phones WHERE t IS NOT NULL) AS join_complete
FROM phones p JOIN calls c USING (t);
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT t, count(*) FROM phones GROUP BY t;
SELECT count(*) = (SELECT count(DISTINCT t) + 1 FROM phones) AS groups_complete,
	sum(n) = (SELECT count(*) FROM phones) AS rows_complete
FROM (SELECT t, count(*) AS n FROM phones GROUP BY t) g;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_sort;

DROP TABLE phones, phones_text, phones_bin, bad_phone, calls;
