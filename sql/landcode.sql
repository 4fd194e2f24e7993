\i sql/include/helpers.psql

-- Valid: ISO 3166-1 codes (Debian iso-codes 4.15.0) in several spellings.
SELECT pg_temp.show(s) AS input, s::landcode AS canonical, is_landcode(s),
	landcode_naam(s::landcode) AS naam, landcode_rvig(s::landcode) AS rvig
FROM (VALUES ('NL'), ('BE'), ('DE'), ('GB'), ('US'), ('SR'), ('CW'), ('AW'), ('SX'),
	('BQ'), ('nl'), ('gb'), ('Nl'), (' de '), (E'\tBE\t'), ('CI'), ('AX'), ('TR'),
	('SS'), ('AD'), ('ZW')) AS v(s);

-- Rejected, with SQLSTATE, detail and hint; is_landcode agrees.
SELECT pg_temp.show(s) AS input, is_landcode(s), r.state, r.detail, r.hint
FROM (VALUES (''), ('1'), ('10'), ('ZZ'), ('1Z'), ('UK'), ('EU'), ('XK'), ('NLD'),
	('6030'), ('nld'), ('GBR'), ('NLX'), ('N'), ('N L'), ('NL.'), ('AA'), ('É'),
	(E'NL\n'), ('   '), ('NLNL'), ('uk'), ('N-L')) AS v(s),
	pg_temp.try(format('SELECT %L::landcode', s)) AS r;

-- The whole message for one of them.
SELECT 'uk'::landcode;

-- The assigned codes: all 676 two-letter combinations tried, by first letter.
SELECT left(c, 1) AS first, count(*) FILTER (WHERE is_landcode(c)) AS assigned,
	string_agg(c, ' ' ORDER BY c) FILTER (WHERE is_landcode(c)) AS codes
FROM (SELECT chr(a) || chr(b) AS c FROM generate_series(65, 90) AS a, generate_series(65, 90) AS b) AS x
GROUP BY 1 ORDER BY 1;
SELECT count(*) AS assigned, count(DISTINCT landcode_naam(c::landcode)) AS names
FROM (SELECT chr(a) || chr(b) AS c FROM generate_series(65, 90) AS a, generate_series(65, 90) AS b) AS x
WHERE is_landcode(c);

-- Names are UTF-8 in the core and come out in the database encoding.
SELECT c, landcode_naam(c) FROM unnest(ARRAY['CI', 'CW', 'AX', 'RE', 'BL', 'TR', 'KR', 'TW', 'PS']::landcode[]) AS c;

-- RvIG Tabel 34: all 223 pairs of data/tabel34-landcodes.csv (the table
-- the C core is generated from) convert both ways; a landcode without a pair
-- has NULL, and every four-digit code without one fails with 22023.
CREATE TEMP TABLE tabel34 (rvig text, iso text);
\copy tabel34 FROM 'data/tabel34-landcodes.csv' WITH (FORMAT csv, HEADER true)
SELECT count(*) AS pairs,
	count(*) FILTER (WHERE landcode_from_rvig(rvig) = iso::landcode) AS from_rvig_right,
	count(*) FILTER (WHERE landcode_rvig(iso::landcode) = rvig) AS to_rvig_right,
	count(*) FILTER (WHERE landcode_from_rvig(landcode_rvig(iso::landcode)) = iso::landcode) AS round_trip
FROM tabel34;
SELECT count(*) AS assigned_without_pair, count(*) FILTER (WHERE landcode_rvig(c::landcode) IS NOT NULL) AS with_rvig_anyway,
	string_agg(c, ' ' ORDER BY c) AS codes
FROM (SELECT chr(a) || chr(b) AS c FROM generate_series(65, 90) AS a, generate_series(65, 90) AS b) AS x
WHERE is_landcode(c) AND c NOT IN (SELECT iso FROM tabel34);
SELECT count(*) AS codes_without_pair, count(*) FILTER (WHERE r.state = '22023') AS refused_22023
FROM generate_series(0, 9999) AS n, LATERAL to_char(n, 'FM0000') AS code,
	pg_temp.try(format('SELECT landcode_from_rvig(%L)', code)) AS r
WHERE code NOT IN (SELECT rvig FROM tabel34);
SELECT landcode_from_rvig('6030'), landcode_from_rvig(' 5010 '), landcode_from_rvig('6029'),
	landcode_rvig('GB') IS NULL AS gb_unmapped, landcode_rvig('us') IS NULL AS us_unmapped;
SELECT pg_temp.show(s) AS input, r.state, r.detail, r.hint
FROM (VALUES ('5001'), ('5004'), ('0000'), ('9999'), ('603'), ('60301'), ('60 30'), ('NL'), (''),
	('6030.'), (E'6030\n')) AS v(s),
	pg_temp.try(format('SELECT landcode_from_rvig(%L)', s)) AS r;
SELECT landcode_from_rvig('5004');

-- Canonical output and the text casts.
SELECT 'nl'::landcode::text, ' gb'::text::landcode, 'NL'::landcode = 'nl'::landcode AS equal,
	'BE'::landcode < 'DE'::landcode AS ordered;

-- is_landcode agrees with the input function and with an oracle (the list
-- of assigned codes in pg_temp.iso3166()) on 100,000 generated inputs: every
-- two-letter combination in several spellings, then substituted, deleted
-- and inserted characters.
CREATE TEMP TABLE lc_gen AS
WITH pool AS (SELECT E'0123ABKLNUXZaklnuz -.\t\nÉ' AS pool),
g AS (
	SELECT i,
		(CASE WHEN i % 5 = 0 THEN ' ' ELSE '' END) ||
		(CASE i % 3 WHEN 0 THEN lower(c) WHEN 1 THEN c ELSE lower(left(c, 1)) || right(c, 1) END) ||
		(CASE WHEN i % 7 = 0 THEN E'\t' ELSE '' END) AS v
	FROM generate_series(1, 100000) AS i,
		LATERAL (SELECT chr(65 + i % 26) || chr(65 + (i / 26) % 26) AS c) AS x
)
SELECT i, pg_temp.mutant(v, i, pool) AS s FROM g, pool;
SELECT count(*) AS inputs,
	count(*) FILTER (WHERE is_landcode(s)) AS valid,
	count(*) FILTER (WHERE is_landcode(s) IS DISTINCT FROM pg_temp.input_ok(s, 'landcode')) AS disagree_input,
	count(*) FILTER (WHERE is_landcode(s) IS DISTINCT FROM
		(upper(s) ~ E'^[ \t]*[A-Z]{2}[ \t]*$'
		 AND upper(btrim(s, E' \t')) IN (SELECT pg_temp.iso3166()))) AS disagree_oracle
FROM lc_gen;

-- Every accepted spelling prints canonically and reads back to itself;
-- integer order is text order.
SELECT count(*) AS valid,
	count(*) FILTER (WHERE c::text !~ '^[A-Z]{2}$') AS not_canonical,
	count(*) FILTER (WHERE c::text::landcode <> c) AS no_round_trip,
	count(DISTINCT c) AS distinct_codes
FROM (SELECT s::landcode AS c FROM lc_gen WHERE is_landcode(s)) AS v;
SELECT count(*) FILTER (WHERE prev > c) AS order_violations
FROM (SELECT c, lag(c) OVER (ORDER BY c::text COLLATE "C") AS prev
	FROM (SELECT DISTINCT s::landcode AS c FROM lc_gen WHERE is_landcode(s)) AS d) AS o;

-- Indexes: btree for equality and ranges, hash for equality.
CREATE TABLE lc_t (id int PRIMARY KEY, c landcode NOT NULL);
INSERT INTO lc_t SELECT i, s::landcode FROM lc_gen WHERE is_landcode(s);
CREATE INDEX lc_t_c ON lc_t (c);
ANALYZE lc_t;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM lc_t WHERE c = 'NL';
EXPLAIN (COSTS OFF) SELECT id FROM lc_t WHERE c BETWEEN 'BA' AND 'BZ' ORDER BY c;
SELECT count(*) FROM lc_t WHERE c BETWEEN 'BA' AND 'BZ';
SELECT count(*) FROM lc_t WHERE c::text LIKE 'B%';
DROP INDEX lc_t_c;
CREATE INDEX lc_t_c_hash ON lc_t USING hash (c);
EXPLAIN (COSTS OFF) SELECT id FROM lc_t WHERE c = 'NL';
SELECT count(*) FROM lc_t WHERE c = 'nl';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- Hash join and hash aggregate.
SET enable_mergejoin = off;
SET enable_nestloop = off;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM lc_t AS a JOIN lc_t AS b ON a.c = b.c;
SELECT count(*) FROM lc_t AS a JOIN lc_t AS b ON a.c = b.c;
EXPLAIN (COSTS OFF) SELECT c, count(*) FROM lc_t GROUP BY c;
SELECT count(*) AS groups, sum(n) AS rows FROM (SELECT c, count(*) AS n FROM lc_t GROUP BY c) AS g;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_sort;

-- COPY round trips, text and binary, through a file in the data directory.
SELECT current_setting('data_directory') || '/ki_landcode.copy' AS copyfile \gset
CREATE TABLE lc_t2 (LIKE lc_t);
COPY lc_t TO :'copyfile';
COPY lc_t2 FROM :'copyfile';
SELECT count(*) AS rows, count(*) FILTER (WHERE a.c IS DISTINCT FROM b.c) AS differ
FROM lc_t AS a FULL JOIN lc_t2 AS b USING (id);
TRUNCATE lc_t2;
COPY lc_t TO :'copyfile' (FORMAT binary);
COPY lc_t2 FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.c IS DISTINCT FROM b.c) AS differ
FROM lc_t AS a FULL JOIN lc_t2 AS b USING (id);

-- Binary input is validated again: the int2 of NL is accepted; out of range
-- and the unassigned UK are not.
CREATE TABLE lc_bin (c landcode);
COPY (SELECT (13 * 26 + 11)::int2) TO :'copyfile' (FORMAT binary);
COPY lc_bin FROM :'copyfile' (FORMAT binary);
SELECT c FROM lc_bin;
SELECT v, r.state, r.detail, r.hint FROM (VALUES (-1), (676), (20 * 26 + 10)) AS x(v),
	LATERAL pg_temp.try(format('COPY (SELECT (%s)::int2) TO %L (FORMAT binary); COPY lc_bin FROM %L (FORMAT binary)',
		v, :'copyfile', :'copyfile')) AS r;

DROP TABLE lc_t, lc_t2, lc_bin, lc_gen;
