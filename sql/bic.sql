-- bic: vectors of ISO 9362 (python-stdnum tests/test_bic.doctest), every rejection with its
-- SQLSTATE, the country list, is_bic against the input function and a
-- reference in SQL on 100,000 generated inputs, the packing against a
-- reference, I/O round trips, ordering, indexes, hashing.
\i sql/include/helpers.psql
SET jit = off;

-- The acceptance examples
SELECT 'ABNANL2A'::bic, ' abna nl 2a '::bic, 'ABNA-NL-2A'::bic, 'ABNANL2AXXX'::bic;
SELECT 'ABNAZZ2A'::bic;
SELECT is_bic('ABNANL2A'), is_bic('ABNAZZ2A'), is_bic(NULL);

-- BIC vectors (ISO 9362)
SELECT v.input, t.ok, t.canonical, t.code, t.detail
FROM (VALUES ('ABNANL2A'), ('RABONL2U'), ('INGBNL2A'), ('ABNCNL2AGIR'),
	('FLORNL2ACCB'), ('AGRIFRPP882'), ('ABNA BE 2A'), ('agriFRPP'),
	('DEUTDEFF500'), ('NLPRXKPR'), ('AGRIFRPP8'), ('AGRIF2PP'), ('MULTIPLE'),
	('ABNANL2'), ('ABNANL2A1'), ('ABNANL2A12'), ('1BNANL2A'), ('ABNAZZ2A'),
	('ABNA_NL2A'), ('')) AS v(input), pg_temp.try_input(v.input, 'bic') t;

-- Open Klant's API test data: no BIC at all
SELECT v.input, t.ok, t.code, t.detail
FROM (VALUES ('1734723742'), ('8258243823'), ('8438538453'), ('12345678'),
	('nospaces'), ('aaaa aaaa')) AS v(input), pg_temp.try_input(v.input, 'bic') t;

-- Every rejection reason, with its SQLSTATE and detail
SELECT v.reason, v.input, t.code, t.detail
FROM (VALUES ('empty', ''), ('only blanks', E' \t '),
	('control character', E'ABNANL2A\r'),
	('other character', 'ABNA_NL2A'), ('dot is no separator', 'ABNA.NL.2A'),
	('non-ASCII letter', 'ÄBNANL2A'), ('inner tab', E'ABNA\tNL2A'),
	('only separators', '- -'),
	('leading hyphen', '-ABNANL2A'), ('trailing hyphen', 'ABNA-NL-2A-'),
	('leading hyphen after blanks', ' - ABNANL2A'),
	('7 characters', 'ABNANL2'), ('9 characters', 'ABNANL2A1'),
	('10 characters', 'ABNANL2A12'), ('12 characters', 'ABNANL2AXXXX'),
	('digit in bank code', '1BNANL2A'), ('digit in bank code', 'ABN4NL2A'),
	('digit in country code', 'AGRIF2PP'), ('digit in country code', 'ABNAN12A'),
	('unassigned country', 'ABNAZZ2A'), ('no country', 'MULTIPLE'),
	('reserved country', 'BARCUK22'), ('reserved country', 'ABCDEU2A'))
	AS v(reason, input), pg_temp.try_input(v.input, 'bic') t;

-- ABNANL2A and ABNANL2AXXX are different values (the text as entered);
-- bic8() compares institution and location
SELECT 'ABNANL2A'::bic = 'ABNANL2AXXX' AS bic8_equals_xxx,
	bic8('ABNANL2AXXX') = 'ABNANL2A' AS bic8_of_xxx,
	bic8('ABNCNL2AGIR') = bic8('ABNCNL2A') AS same_office,
	bic8('ABNANL2A')::text AS bic8_of_bic8;

-- Functions
SELECT b AS bic, bic_bankcode(b), bic_landcode(b), bic_locatie(b), bic_filiaal(b), bic8(b)
FROM (VALUES ('ABNANL2A'::bic), ('ABNANL2AXXX'), ('ABNCNL2AGIR'), ('agri fr pp 882'),
	('NLPRXKPR'), ('DEUTDEFF500')) AS v(b);

-- Country codes: exactly the 249 assigned ISO 3166-1 alpha-2 codes (Debian
-- iso-codes 4.15.0, the reference's copy in pg_temp.iso3166()) and XK.
CREATE TEMP TABLE iso3166 AS SELECT cc FROM pg_temp.iso3166() AS cc;
SELECT count(*) AS pairs, count(*) FILTER (WHERE is_bic('ABCD' || cc || '2A')) AS accepted,
	count(*) FILTER (WHERE is_bic('ABCD' || cc || '2A')
		IS DISTINCT FROM (cc IN (SELECT cc FROM iso3166) OR cc = 'XK')) AS disagreements
FROM (SELECT chr(a) || chr(b) AS cc FROM generate_series(65, 90) a, generate_series(65, 90) b) p;
SELECT count(*) AS iso_codes FROM iso3166;

-- The reference in SQL: the pattern over pg_temp.compact_upper(s); the
-- country code is checked against the list above by a join.
CREATE FUNCTION pg_temp.ref_ok(c text, country_known boolean) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT c ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$' AND (country_known OR substr(c, 5, 2) = 'XK') $$;
-- the packing: base 37, no character 0, '0'-'9' 1-10, 'A'-'Z' 11-36
CREATE FUNCTION pg_temp.ref_pack(c text) RETURNS bigint LANGUAGE sql AS $$
	SELECT sum(CASE WHEN ch = '' THEN 0 WHEN ch ~ '[0-9]' THEN ascii(ch) - 47
		ELSE ascii(ch) - 54 END * power(37::numeric, 11 - i))::bigint
	FROM generate_series(1, 11) i, substr(c, i, 1) AS ch $$;
CREATE FUNCTION pg_temp.sent(b bic) RETURNS bigint LANGUAGE sql AS $$
	SELECT ('x' || encode(bic_send(b), 'hex'))::bit(64)::bigint $$;

-- 100,000 generated inputs drawn from md5(i): bank codes with some digits,
-- assigned and unassigned countries, BIC8, XXX and other branches, and
-- spellings, deletions, insertions and bad characters.  is_bic, the input
-- function and the reference must agree, accepted ones print as the
-- reference's canonical form and pack as the reference packs.
CREATE FUNCTION pg_temp.hb(i int, n int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
	SELECT get_byte(decode(md5(i::text), 'hex'), n) $$;
CREATE FUNCTION pg_temp.letter(i int, n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN pg_temp.hb(i, n) < 240 THEN chr(65 + pg_temp.hb(i, n) % 26)
		ELSE chr(48 + pg_temp.hb(i, n) % 10) END $$;
CREATE FUNCTION pg_temp.alnum(i int, n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', pg_temp.hb(i, n) % 36 + 1, 1) $$;
CREATE TEMP TABLE bases AS
	SELECT i, pg_temp.letter(i, 0) || pg_temp.letter(i, 1) || pg_temp.letter(i, 2)
		|| pg_temp.letter(i, 3)
		|| CASE WHEN pg_temp.hb(i, 4) < 180 THEN iso.codes[pg_temp.hb(i, 5) % 249 + 1]
			ELSE chr(65 + pg_temp.hb(i, 5) % 26) || chr(65 + pg_temp.hb(i, 6) % 26) END
		|| pg_temp.alnum(i, 7) || pg_temp.alnum(i, 8)
		|| CASE pg_temp.hb(i, 9) % 4 WHEN 0 THEN '' WHEN 1 THEN 'XXX'
			ELSE pg_temp.alnum(i, 10) || pg_temp.alnum(i, 11) || pg_temp.alnum(i, 12) END AS b
	FROM generate_series(1, 100000) i,
		(SELECT array_agg(cc ORDER BY cc) AS codes FROM iso3166) iso;
CREATE TEMP TABLE generated AS
	SELECT CASE pg_temp.hb(i, 13) % 16
		WHEN 6 THEN lower(b)
		WHEN 7 THEN overlay(b PLACING ' ' FROM pg_temp.hb(i, 14) % length(b) + 1 FOR 0)
		WHEN 8 THEN overlay(b PLACING '-' FROM pg_temp.hb(i, 14) % length(b) + 1 FOR 0)
		WHEN 9 THEN substr(E'  \t', pg_temp.hb(i, 15) % 3 + 1) || b || substr(E'\t  ', pg_temp.hb(i, 15) % 2 + 1)
		WHEN 10 THEN overlay(b PLACING '' FROM pg_temp.hb(i, 14) % length(b) + 1 FOR 1)
		WHEN 11 THEN overlay(b PLACING pg_temp.alnum(i, 15) FROM pg_temp.hb(i, 14) % length(b) + 1 FOR 0)
		WHEN 12 THEN overlay(b PLACING substr(E'_./\u00e9\n', pg_temp.hb(i, 15) % 5 + 1, 1)
			FROM pg_temp.hb(i, 14) % length(b) + 1 FOR 0)
		WHEN 13 THEN left(b, 7)
		WHEN 14 THEN overlay(b PLACING substr(b, pg_temp.hb(i, 14) % length(b) + 1, 1)
			FROM pg_temp.hb(i, 14) % length(b) + 1 FOR 0)
		WHEN 15 THEN lower(left(b, pg_temp.hb(i, 14) % length(b) + 1))
			|| substr(b, pg_temp.hb(i, 14) % length(b) + 2)
		ELSE b END AS s
	FROM bases;
CREATE TEMP TABLE checked AS
	SELECT s, is_bic(s) AS is_ok, pg_temp.input_ok(s, 'bic') AS input_ok,
		CASE WHEN pg_temp.ref_ok(n.c, iso.cc IS NOT NULL) THEN n.c END AS ref
	FROM generated g, LATERAL (SELECT pg_temp.compact_upper(g.s) AS c) n
	LEFT JOIN iso3166 iso ON iso.cc = substr(n.c, 5, 2);
SELECT count(*) AS inputs, count(DISTINCT s) AS distinct_inputs,
	count(*) FILTER (WHERE is_ok) AS valid,
	count(*) FILTER (WHERE is_ok AND length(ref) = 11) AS valid_bic11,
	count(*) FILTER (WHERE is_ok IS DISTINCT FROM input_ok) AS input_disagreements,
	count(*) FILTER (WHERE is_ok IS DISTINCT FROM (ref IS NOT NULL)) AS reference_disagreements,
	count(*) FILTER (WHERE is_ok AND s::bic::text IS DISTINCT FROM ref) AS canonical_mismatches,
	count(*) FILTER (WHERE is_ok AND pg_temp.sent(s::bic) <> pg_temp.ref_pack(ref)) AS packing_mismatches
FROM checked;

-- text and binary COPY round trips
CREATE TABLE banken (id int, b bic);
INSERT INTO banken SELECT row_number() OVER (ORDER BY ref), ref::bic
	FROM (SELECT DISTINCT ref FROM checked WHERE ref IS NOT NULL) d;
INSERT INTO banken VALUES (0, NULL);
SELECT * FROM pg_temp.copy_roundtrip('banken');
SELECT pg_temp.sent('ABNANL2A') AS abnanl2a, pg_temp.sent('ABNANL2AXXX') AS abnanl2axxx,
	bic_send('ABNANL2A') AS sent;
-- binary input validates again: integers that encode no valid BIC are refused
CREATE TABLE bad_bic (b bic);
CREATE FUNCTION pg_temp.recv_int8(v bigint) RETURNS TABLE (code text, detail text)
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('COPY (SELECT %s::bigint) TO %L WITH (FORMAT binary)', v,
		current_setting('data_directory') || '/ki_bad_bic.bin');
	EXECUTE format('COPY bad_bic FROM %L WITH (FORMAT binary)',
		current_setting('data_directory') || '/ki_bad_bic.bin');
	code := 'accepted';
	RETURN NEXT;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL;
	RETURN NEXT;
END $$;
SELECT v.v, r.* FROM (VALUES (-1::bigint), (0), (177917621779460413), (9223372036854775807),
	(pg_temp.ref_pack('ABNANL2A') + 1), (pg_temp.ref_pack('ABNANL2A') + 37 * 37),
	(pg_temp.ref_pack('ABNANL2A') / 37), (pg_temp.ref_pack('ABNAZZ2A')),
	(pg_temp.ref_pack('1BNANL2A')), (pg_temp.ref_pack('ABNA1L2A')),
	(pg_temp.ref_pack('ABNANL2AXXX'))) AS v(v), pg_temp.recv_int8(v.v) r;
SELECT * FROM bad_bic;

-- ordering is the byte order of the canonical text (COLLATE "C"): a BIC8
-- sorts before the BIC11s that extend it, digits before letters
SELECT count(*) AS bics,
	count(*) FILTER (WHERE a.b IS DISTINCT FROM t.b) AS order_mismatches
FROM (SELECT b, row_number() OVER (ORDER BY b) AS r FROM banken WHERE b IS NOT NULL) a
JOIN (SELECT b, row_number() OVER (ORDER BY b::text COLLATE "C") AS r FROM banken WHERE b IS NOT NULL) t USING (r);
SELECT b FROM (VALUES ('ABNANL2AXXX'::bic), ('ABNANL2A'), ('ABNANL2A000'), ('ABNANL20'),
	('ABNANL2Z'), ('ABNBNL2A'), ('AAAAAD00')) AS v(b) ORDER BY b;
SELECT 'ABNANL2A'::bic < 'ABNANL2AXXX', 'abnanl2a'::bic <= 'ABNANL2A', 'RABONL2U'::bic > 'INGBNL2A',
	'ABNA NL 2A'::bic = 'ABNANL2A', 'ABNANL2A'::bic <> 'ABNANL2AXXX', 'RABONL2U'::bic >= 'RABONL2U';

-- btree index for equality and range, hash index for equality
CREATE INDEX ON banken (b);
ANALYZE banken;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM banken WHERE b = 'ABNANL2A';
EXPLAIN (COSTS OFF) SELECT * FROM banken WHERE b >= 'AAAANL00' AND b < 'AAAANL00XXX';
SELECT count(*) FROM banken WHERE b BETWEEN 'AAAAAD00' AND 'AZZZZW99ZZZ';
SELECT count(*) FROM banken WHERE b::text COLLATE "C" BETWEEN 'AAAAAD00' AND 'AZZZZW99ZZZ';
RESET enable_seqscan;
CREATE INDEX ON banken USING hash (b);
DROP INDEX banken_b_idx;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM banken WHERE b = 'ABNANL2A';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- hash join and hash aggregate
CREATE TABLE overboekingen AS SELECT b, n FROM banken, generate_series(1, 3) n WHERE b IS NOT NULL;
ANALYZE overboekingen;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM banken k JOIN overboekingen o USING (b);
SELECT count(*) FROM banken k JOIN overboekingen o USING (b);
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT bic8(b), count(*) FROM overboekingen GROUP BY 1;
SELECT count(*) AS groups, sum(c) AS rows FROM (SELECT bic8(b), count(*) AS c FROM overboekingen GROUP BY 1) g;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_sort;

DROP TABLE banken, banken_text, banken_bin, bad_bic, overboekingen;
