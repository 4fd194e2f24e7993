-- Mutation fuzzing of every type's input function (after pgvector's
-- 037_inputs.pl): valid seeds are mutated by deleting, replacing, inserting
-- and duplicating characters and by truncation.  For every mutant:
--   * a rejection is SQLSTATE 22P02 and nothing else (never XX000, no crash);
--   * is_<type>(text) agrees with the input function;
--   * an accepted value prints a canonical form that reads back to the same
--     value and prints identically (output is a fixed point).
-- Types not (yet) in the extension are skipped.
\i sql/include/helpers.psql

CREATE FUNCTION pg_temp.mutate(s text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	alphabet text[] := ARRAY['0', '1', '5', '9', 'a', 'Z', 'x', ' ', '  ', '.', '-', '+',
		'@', '(', ')', '/', E'\t', E'\n', 'é', '€', 'ß', '"', '''', '\', '%', '00',
		'999999999999999999999', 'NL', 'xn--', '..'];
	pos int;
	op int;
BEGIN
	FOR i IN 1 .. 1 + floor(random() * 3)::int LOOP
		pos := 1 + floor(random() * (length(s) + 1))::int;
		op := floor(random() * 6)::int;
		s := CASE op
			WHEN 0 THEN overlay(s placing '' from pos for 1)
			WHEN 1 THEN overlay(s placing alphabet[1 + floor(random() * array_length(alphabet, 1))::int] from pos for 1)
			WHEN 2 THEN overlay(s placing alphabet[1 + floor(random() * array_length(alphabet, 1))::int] from pos for 0)
			WHEN 3 THEN left(s, pos - 1)
			WHEN 4 THEN s || s
			ELSE upper(s) END;
	END LOOP;
	RETURN s;
END $$;

CREATE FUNCTION pg_temp.probe(typ regtype, val text,
	OUT accepted boolean, OUT code text, OUT predicate boolean, OUT fixed_point boolean)
LANGUAGE plpgsql AS $$
DECLARE
	canon text;
	again text;
BEGIN
	EXECUTE format('SELECT klantinteracties.is_%s($1)', typ::text) INTO predicate USING val;
	BEGIN
		EXECUTE format('SELECT $1::%s::text', typ) INTO canon USING val;
		accepted := true;
		EXECUTE format('SELECT $1::%s::text', typ) INTO again USING canon;
		EXECUTE format('SELECT $1::%1$s = $2::%1$s', typ) INTO fixed_point USING val, canon;
		fixed_point := fixed_point AND again = canon;
	EXCEPTION WHEN OTHERS THEN
		accepted := false;
		code := SQLSTATE;
	END;
END $$;

SELECT setseed(0.2026);
CREATE TEMP TABLE seeds (typ text, seed text);
INSERT INTO seeds VALUES
	('bsn', '111222333'), ('bsn', '999993653'), ('bsn', '0000.09.921'),
	('rsin', '517439943'), ('rsin', '002564440'),
	('kvk_nummer', '69599084'), ('kvk_nummer', '1234 5678'),
	('vestigingsnummer', '000038509504'), ('vestigingsnummer', '990000541921'),
	('postcode', '1015 CJ'), ('postcode', 'NL-2611ET'), ('postcode', '9999xl'),
	('telefoonnummer', '020-123 45 67'), ('telefoonnummer', '+31 (0)6 1234 5678'),
	('telefoonnummer', '0031612345678'), ('telefoonnummer', '+441134960000'),
	('telefoonnummer', '0800 1234'), ('telefoonnummer', '097012345678'),
	('emailadres', 'Jan@Voorbeeld.NL'), ('emailadres', 'info@bücher.example'),
	('emailadres', 'a.b-c+d@sub.domain.nl'),
	('iban', 'NL91ABNA0417164300'), ('iban', 'nl91 abna 0417 1643 00'),
	('iban', 'DE89370400440532013000'), ('iban', 'GB82WEST12345698765432'),
	('bic', 'ABNANL2A'), ('bic', 'abnanl2axxx'), ('bic', 'DEUTDEFF500'),
	('bag_id', '0363010000758545'), ('bag_id', 'NL.IMBAG.Nummeraanduiding.0363200000218908'),
	('landcode', 'NL'), ('landcode', 'de'), ('landcode', ' BE ');

-- 2,000 mutants per seed
CREATE TEMP TABLE mutants AS
	SELECT s.typ, pg_temp.mutate(s.seed) AS val
	FROM seeds s, generate_series(1, 2000)
	WHERE to_regtype('klantinteracties.' || s.typ) IS NOT NULL
	ORDER BY s.typ, s.seed;

SELECT m.typ,
	count(*) AS mutants,
	count(*) FILTER (WHERE p.code IS DISTINCT FROM '22P02' AND NOT p.accepted) AS other_errors,
	count(*) FILTER (WHERE p.predicate IS DISTINCT FROM p.accepted) AS predicate_disagreements,
	count(*) FILTER (WHERE p.accepted AND NOT p.fixed_point) AS not_canonical
FROM mutants m, pg_temp.probe(('klantinteracties.' || m.typ)::regtype, m.val) p
GROUP BY m.typ ORDER BY m.typ;
-- any finding in full
SELECT m.typ, m.val, p.*
FROM mutants m, pg_temp.probe(('klantinteracties.' || m.typ)::regtype, m.val) p
WHERE (NOT p.accepted AND p.code <> '22P02') OR p.predicate IS DISTINCT FROM p.accepted
	OR (p.accepted AND NOT p.fixed_point)
LIMIT 20;
