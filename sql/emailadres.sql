\i sql/include/helpers.psql
SELECT current_database() AS testdb \gset
-- shown(s): the input as listed: control characters escaped, long ones cut.
CREATE FUNCTION pg_temp.shown(s text) RETURNS text AS $$
	SELECT CASE WHEN length(t) > 90 THEN left(t, 60) || '... (' || octet_length(s) || ' octets)' ELSE t END
	FROM replace(replace(replace(s, E'\t', '\t'), E'\n', '\n'), E'\r', '\r') AS t
$$ LANGUAGE sql;

--
-- Django's EmailValidator tests (tests/validators/tests.py, which Open Klant relies on): the valid vectors and their canonical form
--
SELECT pg_temp.shown(s) AS input, is_emailadres(s), pg_temp.shown((pg_temp.try_input(s, 'emailadres')).canonical) AS canonical
FROM unnest(ARRAY[
	'email@here.com',
	'weirder-email@here.and.there.com',
	'example@valid-----hyphens.com',
	'example@valid-with-hyphens.com',
	'foo-bar.baz@example.com',
	'Jan.Jansen@Gemeente.NL',
	'info@xn--bcher-kva.example',
	'info@bücher.example',
	'a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.us',
	$$o'brien+tag@example.nl$$,
	'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@example.nl'
]) AS s;

-- ... and more: blanks around, case, IDN mappings, A-label TLD, the limits
SELECT pg_temp.shown(s) AS input, is_emailadres(s), pg_temp.shown((pg_temp.try_input(s, 'emailadres')).canonical) AS canonical
FROM unnest(ARRAY[
	'  Jan@Voorbeeld.NL ',
	E'\tjan@voorbeeld.nl\t',
	'INFO@BÜCHER.EXAMPLE',
	'post@faß.de',
	'post@ｅｘａｍｐｌｅ。ｎｌ',
	'x@example.xn--p1ai',
	'x@пример.рф',
	'!#$%&''*+-/=?^_`{|}~@example.nl',
	'a.b.c@123.example.nl',
	'x@' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 57) || '.nl',
	repeat('x', 64) || '@' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 58) || '.nl'
]) AS s;
-- (252 is the longest domain a valid address can have: the local part needs
-- an octet of the 254)
SELECT length('x@' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 57) || '.nl') - 2 AS domain_octets,
	length(repeat('x', 64) || '@' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 58) || '.nl') AS address_octets;

--
-- Every rejection: section 7's invalid vectors first, then one per further
-- reason.  All are 22P02 (invalid_text_representation).
--
SELECT pg_temp.shown(s) AS input, is_emailadres(s), r.code, r.detail, r.hint
FROM unnest(ARRAY[
	'email@localhost',
	'"test@test"@example.com',
	'email@[127.0.0.1]',
	'abc',
	'abc@',
	'abc@bar',
	'a @x.cz',
	'abc@.com',
	'something@@somewhere.com',
	'email@127.0.0.1',
	'example@invalid-.com',
	'example@-invalid.com',
	'example@invalid.com-',
	'trailingdot@shouldfail.com.',
	'a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.us',
	E'a@b.com\n',
	'john..doe@example.com',
	'.john@example.com',
	'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@example.nl',
	'x@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.nl',
	'jörg@example.nl',
	''
]) AS s, pg_temp.try_input(s, 'emailadres') AS r;

SELECT pg_temp.shown(s) AS input, is_emailadres(s), r.code, r.detail, r.hint
FROM unnest(ARRAY[
	'   ',
	E'jan\t@example.nl',
	E'jan@example.nl\r',
	repeat('a', 1100) || '@example.nl',
	'@example.nl',
	'john.@example.com',
	'jan(piet)@example.nl',
	'jan,piet@example.nl',
	'a"b@example.nl',
	'a@example..com',
	'a@exa_mple.nl',
	'a@ab--cd.nl',
	'a@xn--abc.nl',
	'a@example.c',
	'a@example.n1',
	'a@bü_cher.nl',
	'a@ab--cd.bücher.nl',
	'a@' || repeat('a', 64) || '.bücher.nl',
	'a@bücher..nl',
	'a@a⒈b.nl',
	'a@😀.nl',
	'a@☃.net',
	'a@aשלום.com',
	E'a@a\u200Db.nl',
	E'a@\u200B',
	E'a@\u200B.nl',
	'a@' || repeat('ü', 60) || '.nl',
	'a@' || repeat('ü.', 130) || 'nl',
	'x@ü.' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 51) || '.nl',
	repeat('x', 64) || '@' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 59) || '.nl',
	repeat('x', 64) || '@ü.' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 51) || '.nl'
]) AS s, pg_temp.try_input(s, 'emailadres') AS r;

-- The error as a client sees it.
SELECT 'Jan@Voorbeeld..NL'::emailadres;
SELECT 'jörg@example.nl'::emailadres;

--
-- The examples of docs/types.md (emailadres)
--
SELECT 'Jan.Jansen@Gemeente.NL'::emailadres;
SELECT 'info@bücher.example'::emailadres;
SELECT 'post@faß.de'::emailadres;
SELECT 'Jan@Voorbeeld.NL'::emailadres = 'jan@voorbeeld.nl';
SELECT is_emailadres('email@localhost');
SELECT e FROM unnest(ARRAY['b@x.nl', 'A@x.nl', 'a.b@x.nl', 'a@b.nl']::emailadres[]) AS e ORDER BY e;
SELECT emailadres_lokaal(e), emailadres_domein(e), emailadres_domein_unicode(e),
       emailadres_genormaliseerd(e)
FROM (SELECT 'Info@Bücher.Example'::emailadres AS e) s;

--
-- Canonical form, equality, accessors
--
SELECT 'Jan@Voorbeeld.NL'::emailadres = 'jan@voorbeeld.nl' AS same_address,
	'Jan@Voorbeeld.NL'::emailadres::text AS canonical,
	'info@bücher.example'::emailadres = 'INFO@xn--BCHER-kva.example' AS same_idn,
	'jan@voorbeeld.nl'::emailadres = 'jan@voorbeeld.com' AS other_domain;

SELECT e, emailadres_lokaal(e) AS lokaal, emailadres_domein(e) AS domein,
	emailadres_domein_unicode(e) AS domein_unicode,
	emailadres_genormaliseerd(e) AS genormaliseerd
FROM unnest(ARRAY['Jan.Jansen@Gemeente.NL', 'Info@Bücher.Example', 'post@faß.de',
				  'x@пример.рф', $$O'Brien+Tag@Example.nl$$]::emailadres[]) AS e;

-- The operators on case variants: all equal, none less.
SELECT a, b, a = b AS eq, a <> b AS ne, a < b AS lt, a <= b AS le, a > b AS gt,
	a >= b AS ge, emailadres_cmp(a, b) AS cmp
FROM (VALUES ('Jan@x.nl'::emailadres, 'jAN@X.NL'::emailadres),
			 ('jan@x.nl', 'jan@y.nl'),
			 ('jan@y.nl', 'JAN@x.nl'),
			 ('jan@x.nl', 'jan.de.vries@x.nl')) AS v(a, b);

-- Order: the bytes of the lower-cased address, as emailadres_genormaliseerd
-- under COLLATE "C" ("." < "@" < "_" < letters).
SELECT e FROM unnest(ARRAY['b@x.nl', 'A@x.nl', 'a.b@x.nl', '_@x.nl', 'Z@x.nl',
						   'a@b.nl', 'ab@x.nl', 'a-b@x.nl', '9@x.nl']::emailadres[]) AS e
ORDER BY e;
SELECT array_agg(e ORDER BY e) = array_agg(e ORDER BY emailadres_genormaliseerd(e) COLLATE "C") AS same_order
FROM unnest(ARRAY['b@x.nl', 'A@x.nl', 'a.b@x.nl', '_@x.nl', 'Z@x.nl', 'a@b.nl',
				  'ab@x.nl', 'a-b@x.nl', '9@x.nl', '~@x.nl', 'Y@x.nl']::emailadres[]) AS e;

-- Hashing agrees with equality.
SELECT emailadres_hash('Jan@Voorbeeld.NL') = emailadres_hash('jan@VOORBEELD.nl') AS hash_eq,
	emailadres_hash_extended('Jan@Voorbeeld.NL', 42) = emailadres_hash_extended('JAN@voorbeeld.nl', 42) AS hash_ext_eq,
	emailadres_hash_extended('Jan@Voorbeeld.NL', 0) & 4294967295
		= emailadres_hash('Jan@Voorbeeld.NL')::bigint & 4294967295 AS seed0_low_bits_match;

--
-- Casts: from text validates (assignment), to text is binary-coercible
--
CREATE TABLE email_cast (e emailadres);
INSERT INTO email_cast VALUES ('Piet@Example.NL'::text), ('Kees@Example.NL'::varchar);
INSERT INTO email_cast VALUES ('geen adres'::text);
SELECT e AS adres, e::text AS tekst, pg_typeof(e::text) FROM email_cast ORDER BY adres;
CREATE TABLE email_text (t text);
INSERT INTO email_text SELECT e FROM email_cast;
SELECT t FROM email_text ORDER BY t;
SELECT castcontext, castmethod, castsource::regtype, casttarget::regtype
FROM pg_cast WHERE 'emailadres'::regtype IN (castsource, casttarget) ORDER BY 3, 4;

--
-- Markings: the comparison and hash functions are leakproof, the rest not
--
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict, p.proleakproof
FROM pg_proc p
WHERE p.pronamespace = 'klantinteracties'::regnamespace
  AND (p.proname LIKE '%emailadres%')
ORDER BY 1;

--
-- is_emailadres agrees with the input function on 100,000 generated inputs:
-- valid addresses near every limit, mutated by inserting, deleting or
-- replacing characters and changing case (md5 of the row number drives it).
--
CREATE TEMP TABLE email_base (n int, s text);
INSERT INTO email_base SELECT row_number() OVER (), s FROM unnest(ARRAY[
	'email@here.com',
	'Jan.Jansen@Gemeente.NL',
	'info@bücher.example',
	'info@xn--bcher-kva.example',
	$$o'brien+tag@example.nl$$,
	'foo-bar.baz@example.com',
	'example@valid-----hyphens.com',
	'a@b.co',
	'x@example.xn--p1ai',
	'x@пример.рф',
	'post@faß.de',
	'a.b.c@123.example.nl',
	repeat('x', 64) || '@example.nl',
	repeat('x', 63) || '@example.nl',
	'a@' || repeat('a', 63) || '.us',
	'a@' || repeat('a', 62) || '.us',
	'x@' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 57) || '.nl',
	'x@' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 56) || '.nl',
	repeat('x', 64) || '@' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 58) || '.nl',
	repeat('x', 63) || '@' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 58) || '.nl',
	'!#$%&''*+-/=?^_`{|}~@example.nl',
	'KLANT.SERVICE@GEMEENTE.EXAMPLE.NL',
	'a@bücher.xn--p1ai',
	'x@ü.' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 63) || '.' || repeat('a', 50) || '.nl'
]) AS s;
CREATE TEMP TABLE email_piece (n int, s text);
INSERT INTO email_piece SELECT row_number() OVER (), s FROM unnest(ARRAY[
	'.', '..', '@', '-', '--', '_', ' ', E'\t', E'\n', 'A', 'Z', 'q', '0', '1',
	'ü', 'Ü', 'ß', 'é', 'İ', '"', '[', ']', '(', ')', ',', ';', '<', '\', '+',
	'xn--', 'xn--zca', '。', 'ａ', '😀', E'\u200D', E'\u00AD', 'a.b', '-a', 'a-',
	'x.y', '.nl', 'ab--', repeat('a', 64), 'xn--bcher-kva', 'ß.', '１', 'Ⅻ', '⒈'
]) AS s;

CREATE TEMP TABLE email_input AS
WITH r AS (
	SELECT i, ('x' || left(md5(i::text), 15))::bit(60)::bigint AS x
	FROM generate_series(1, 100000) AS i
), m AS (
	SELECT r.i, r.x, b.s AS base, p.s AS piece,
		(r.x / 1048576) % (length(b.s) + 1) AS pos,
		(r.x / 65536) % 6 AS op
	FROM r
	JOIN email_base b ON b.n = 1 + r.x % (SELECT count(*) FROM email_base)
	JOIN email_piece p ON p.n = 1 + (r.x / 256) % (SELECT count(*) FROM email_piece)
)
SELECT i, CASE op
		WHEN 0 THEN overlay(base PLACING piece FROM pos::int + 1 FOR 0)
		WHEN 1 THEN overlay(base PLACING '' FROM pos::int + 1 FOR (1 + (x / 1099511627776) % 3)::int)
		WHEN 2 THEN overlay(base PLACING piece FROM pos::int + 1 FOR 1)
		WHEN 3 THEN upper(base)
		WHEN 4 THEN overlay(lower(base) PLACING upper(piece) FROM pos::int + 1 FOR 0)
		ELSE CASE WHEN x % 2 = 0 THEN ' ' || base ELSE base || piece END
	END AS s
FROM m;
CREATE TEMP TABLE email_gen AS
SELECT g.i, g.s, is_emailadres(g.s) AS pred, r.canonical, r.code, r.detail
FROM email_input g, LATERAL pg_temp.try_input(g.s, 'emailadres') AS r;

SELECT count(*) AS inputs, count(DISTINCT s) AS distinct_inputs,
	count(*) FILTER (WHERE code IS NULL) AS accepted,
	count(*) FILTER (WHERE code IS NOT NULL) AS rejected,
	count(*) FILTER (WHERE pred IS DISTINCT FROM (code IS NULL)) AS disagreements,
	count(*) FILTER (WHERE code IS NOT NULL AND code <> '22P02') AS other_sqlstates,
	count(*) FILTER (WHERE code IS NULL AND canonical IS NULL) AS missing_canonical
FROM email_gen;

-- Which rules the generated rejections hit (quoted text and numbers elided).
SELECT regexp_replace(regexp_replace(detail, '"[^ ]*"', '"…"', 'g'), '[0-9]+', 'N', 'g') AS rule,
	count(*)
FROM email_gen WHERE code IS NOT NULL
GROUP BY 1 ORDER BY 1;

-- The canonical forms of accepted inputs: canonical again, equal to the
-- input and to its ASCII upper- and lower-case variants, with equal hashes,
-- and within the limits.  (ASCII only: PostgreSQL's lower('İ') is 'i', while
-- IDNA maps "İ" to "i̇", another domain.)
SELECT count(*) AS accepted,
	count(*) FILTER (WHERE ec::text IS DISTINCT FROM canonical) AS not_idempotent,
	count(*) FILTER (WHERE es <> ec) AS not_equal,
	count(*) FILTER (WHERE eu IS NULL OR eu <> es
		OR emailadres_hash(eu) <> emailadres_hash(es)) AS upper_differs,
	count(*) FILTER (WHERE el IS NULL OR el <> es
		OR emailadres_hash_extended(el, 7) <> emailadres_hash_extended(es, 7)) AS lower_differs,
	count(*) FILTER (WHERE emailadres_genormaliseerd(ec) <> lower(canonical)) AS key_not_lower,
	count(*) FILTER (WHERE octet_length(canonical) > 254
		OR octet_length(emailadres_lokaal(ec)) > 64
		OR octet_length(emailadres_domein(ec)) > 253
		OR canonical !~ '^[\x21-\x7e]+$') AS out_of_bounds
FROM email_gen,
	LATERAL translate(s, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') AS up,
	LATERAL translate(s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS low,
	LATERAL (SELECT s::emailadres AS es, canonical::emailadres AS ec,
		CASE WHEN is_emailadres(up) THEN up::emailadres END AS eu,
		CASE WHEN is_emailadres(low) THEN low::emailadres END AS el
	OFFSET 0) AS v
WHERE code IS NULL;

--
-- COPY round trips, text and binary, keep the canonical bytes
--
CREATE TABLE email_src (id int, e emailadres);
INSERT INTO email_src SELECT i, canonical::emailadres FROM email_gen WHERE code IS NULL AND i <= 20000;
CREATE TABLE email_dst (id int, e emailadres);
CREATE FUNCTION pg_temp.copy_roundtrip(fmt text) RETURNS bigint AS $$
DECLARE
	f text := format('%s/ki_emailadres.%s', current_setting('data_directory'), fmt);
	n bigint;
BEGIN
	TRUNCATE email_dst;
	EXECUTE format('COPY email_src TO PROGRAM %L WITH (FORMAT %s)', 'cat > ' || f, fmt);
	EXECUTE format('COPY email_dst FROM PROGRAM %L WITH (FORMAT %s)', 'cat ' || f || ' && rm -f ' || f, fmt);
	SELECT count(*) INTO n FROM email_src s JOIN email_dst d USING (id)
	WHERE s.e::text = d.e::text;
	RETURN n;
END $$ LANGUAGE plpgsql;
SELECT count(*) AS rows, pg_temp.copy_roundtrip('text') AS text_identical,
	pg_temp.copy_roundtrip('binary') AS binary_identical
FROM email_src;

-- The binary form: version byte 1, then the text.
SELECT emailadres_send('Jan@Voorbeeld.NL');

-- Binary input re-validates: a one-column bytea table copied in binary gives
-- exactly these bytes to emailadres_recv.
CREATE TABLE email_raw (b bytea);
CREATE FUNCTION pg_temp.recv(b bytea, OUT canonical text, OUT code text, OUT detail text) AS $$
DECLARE
	f text := current_setting('data_directory') || '/ki_emailadres.raw';
BEGIN
	TRUNCATE email_raw, email_dst;
	INSERT INTO email_raw VALUES (b);
	EXECUTE format('COPY email_raw TO PROGRAM %L WITH (FORMAT binary)', 'cat > ' || f);
	BEGIN
		EXECUTE format('COPY email_dst (e) FROM PROGRAM %L WITH (FORMAT binary)', 'cat ' || f);
		SELECT e::text INTO canonical FROM email_dst;
	EXCEPTION WHEN others THEN
		GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL;
	END;
	EXECUTE format('COPY email_raw FROM PROGRAM %L', 'rm -f ' || f);
END $$ LANGUAGE plpgsql;
SELECT b, r.* FROM unnest(ARRAY[
	'\x01'::bytea || convert_to('Jan@Voorbeeld.NL', 'UTF8'),
	'\x01'::bytea || convert_to('info@bücher.example', 'UTF8'),
	'\x02'::bytea || convert_to('jan@voorbeeld.nl', 'UTF8'),
	'\x01'::bytea || convert_to('jan@voorbeeld', 'UTF8'),
	'\x01'::bytea
]) AS b, pg_temp.recv(b) AS r;

--
-- Indexes: btree and hash serve case-variant lookups; uniqueness ignores case
--
CREATE TABLE email_idx AS
SELECT i AS id, format('Gebruiker%s@Domein%s.NL', i, i % 50)::emailadres AS e
FROM generate_series(1, 5000) AS i;
CREATE INDEX email_idx_btree ON email_idx (e);
ANALYZE email_idx;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id, e FROM email_idx WHERE e = 'GEBRUIKER42@domein42.nl';
SELECT id, e FROM email_idx WHERE e = 'GEBRUIKER42@domein42.nl';
EXPLAIN (COSTS OFF) SELECT e FROM email_idx WHERE e BETWEEN 'gebruiker4990@a.nl' AND 'GEBRUIKER4999@Z.NL' ORDER BY e;
SELECT e FROM email_idx WHERE e BETWEEN 'gebruiker4990@a.nl' AND 'GEBRUIKER4999@Z.NL' ORDER BY e;
DROP INDEX email_idx_btree;
CREATE INDEX email_idx_hash ON email_idx USING hash (e);
EXPLAIN (COSTS OFF) SELECT id FROM email_idx WHERE e = 'gebruiker7@DOMEIN7.NL';
SELECT id FROM email_idx WHERE e = 'gebruiker7@DOMEIN7.NL';
RESET enable_seqscan;
RESET enable_bitmapscan;

CREATE TABLE email_uniq (e emailadres UNIQUE);
INSERT INTO email_uniq VALUES ('Jan@Voorbeeld.nl'), ('info@bücher.example');
INSERT INTO email_uniq VALUES ('jan@VOORBEELD.NL');
INSERT INTO email_uniq VALUES ('INFO@xn--bcher-kva.example');

--
-- Hash aggregate and hash join treat case variants as one address
--
CREATE TABLE email_a (e emailadres);
INSERT INTO email_a VALUES ('Jan@Voorbeeld.nl'), ('JAN@voorbeeld.NL'), ('jan@voorbeeld.nl'),
	('piet@voorbeeld.nl'), ('Piet@VOORBEELD.nl'), ('info@bücher.example'),
	('INFO@xn--bcher-kva.example'), ('kees@voorbeeld.nl');
CREATE TABLE email_b (e emailadres);
INSERT INTO email_b VALUES ('JAN@VOORBEELD.NL'), ('Info@Bücher.Example'), ('anna@voorbeeld.nl');
ANALYZE email_a;
ANALYZE email_b;

SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT emailadres_genormaliseerd(e), count(*) FROM email_a GROUP BY e;
SELECT emailadres_genormaliseerd(e) AS adres, count(*) FROM email_a GROUP BY e ORDER BY 1;
SELECT count(DISTINCT e) AS distinct_addresses FROM email_a;
RESET enable_sort;

SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT a.e, b.e FROM email_a a JOIN email_b b ON a.e = b.e;
SELECT a.e AS a, b.e AS b FROM email_a a JOIN email_b b ON a.e = b.e ORDER BY a.e::text COLLATE "C";
RESET enable_mergejoin;
RESET enable_nestloop;
-- the same join by nested loop and by merge join
SET enable_hashjoin = off;
SELECT count(*) AS join_rows FROM email_a a JOIN email_b b ON a.e = b.e;
RESET enable_hashjoin;

--
-- Other server encodings: the core reads UTF-8, so a non-UTF8 database
-- accepts ASCII addresses only; SQL_ASCII passes bytes through unchecked by
-- the server, so the core rejects what is not UTF-8.
--
CREATE DATABASE ki_email_latin1 TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C';
CREATE DATABASE ki_email_sqlascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';
\c ki_email_latin1
SET client_encoding = 'UTF8';
CREATE EXTENSION pg_trgm; CREATE EXTENSION klantinteracties;
\i sql/include/helpers.psql
SELECT 'Jan@Voorbeeld.NL'::emailadres, is_emailadres('info@bücher.example') AS idn_ok,
	emailadres_domein_unicode('info@xn--bcher-kva.example') AS unicode;
SELECT s AS input, is_emailadres(s), r.code, r.detail FROM unnest(ARRAY['info@bücher.example', 'jörg@example.nl']) AS s,
	pg_temp.try_input(s, 'emailadres') AS r;
SELECT emailadres_domein_unicode('x@xn--e1afmkfd.xn--p1ai');
\c ki_email_sqlascii
CREATE EXTENSION pg_trgm; CREATE EXTENSION klantinteracties;
\i sql/include/helpers.psql
SELECT what, r.canonical, is_emailadres(s), r.code, r.detail
FROM (VALUES ('UTF-8 domain', 'info@bücher.example'),
			 ('byte 0xFF in the domain', E'a@b\xffc.nl'),
			 ('cut-off character in the local part', E'j\xc3rg@example.nl'),
			 ('overlong "/" in the domain', E'a@b\xc0\xafc.nl')) AS v(what, s),
	pg_temp.try_input(s, 'emailadres') AS r;
\c :testdb
DROP DATABASE ki_email_latin1;
DROP DATABASE ki_email_sqlascii;
