-- Benchmark 1: type input and validation (driven by bench/01_types.sh).
--
-- Per type, N valid strings in a text table are read and converted in one
-- query, SELECT count(<expression>) FROM t: count() forces every value to be
-- evaluated and returns one row, so no output function or client transfer
-- is timed.  The variants, all over the same table in the same session:
--
--   floor    the same strings as int4 / int8 (CoerceViaIO: text out, intNin),
--            or, for types that are not numbers, the text itself (no parsing)
--   scan     count(s): reading the table only (when the floor is a number)
--   ours     s::klantinteracties.<type>  (text out, <type>_in)
--   check    s::bench.c_<type>: a text domain CHECK (is_<type>(VALUE))
--   plpgsql  s::bench.pl_<type>: a text domain CHECK calling a PL/pgSQL
--            function with the same rules (what a DBA writes)
--   regex    s::bench.re_<type>: a text domain with Open Klant's pattern rule
--            (what an application schema does)
--
-- Every type is one row of bench.type_entry below; types that the installed
-- extension does not have are skipped and reported as such.

SET client_min_messages = warning;

CREATE TABLE bench.type_entry (
	ord			int NOT NULL,
	name		text PRIMARY KEY,
	floor		text NOT NULL CHECK (floor IN ('int4', 'int8', 'text')),
	gen			text NOT NULL,	-- SQL expression over i (bigint): one realistic valid string
	plpgsql		text NOT NULL,	-- body of bench.pl_is_<name>(s text) RETURNS boolean
	regex		text NOT NULL	-- domain CHECK expression over VALUE: Open Klant's rule
);

-- ISO 3166-1 alpha-2 (Debian iso-codes 4.15, 249 codes), for the PL/pgSQL
-- and regex versions of bic and landcode; @ISO3166_LIST@ (comma-separated)
-- and @ISO3166_ALT@ (|-separated) in an entry stand for it.
CREATE TABLE bench.iso3166 (code text PRIMARY KEY);
INSERT INTO bench.iso3166
SELECT unnest(string_to_array(
'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ '
'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO '
'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE '
'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO '
'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW '
'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM '
'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW', ' '));

-- Generators' helpers (not timed).

-- A 9-digit number passing the elfproef, from an 8-digit prefix (the next
-- prefix when no check digit works), never all zeros.
CREATE FUNCTION bench.gen_elfproef(i bigint, k int) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	p			bigint := 1 + bench.rnd(i, k) % 99999998;
	v			bigint;
	total		int;
BEGIN
	LOOP
		v := p;
		total := 0;
		FOR w IN 2..9 LOOP
			total := total + w * (v % 10);
			v := v / 10;
		END LOOP;
		EXIT WHEN total % 11 <> 10;
		p := p + 1;
	END LOOP;
	RETURN lpad((p * 10 + total % 11)::text, 9, '0');
END
$$;

-- An IBAN of country cc with the given BBAN and correct check digits.
CREATE FUNCTION bench.gen_iban(cc text, bban text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	t			text := bban || cc || '00';
	r			int := 0;
	c			int;
BEGIN
	FOR k IN 1..length(t) LOOP
		c := ascii(substr(t, k, 1));
		r := CASE WHEN c >= 65 THEN (r * 100 + c - 55) % 97 ELSE (r * 10 + c - 48) % 97 END;
	END LOOP;
	RETURN cc || lpad((98 - r)::text, 2, '0') || bban;
END
$$;

-- The entries.  The PL/pgSQL bodies implement our rules (docs/types.md)
-- the way a careful DBA would: one function per type,
-- regular expressions for the shape, integer arithmetic for check digits.
-- Where they simplify, they do less work than our type (said per entry).

INSERT INTO bench.type_entry VALUES
(1, 'bsn', 'int4',
 $$ bench.gen_elfproef(i, 1) $$,
 $$
DECLARE
	t			text := btrim(s, E' \t');
	v			int;
	total		int;
BEGIN
	IF t !~ '^[0-9 .-]+$' THEN
		RETURN false;
	END IF;
	t := translate(t, ' .-', '');
	IF length(t) NOT IN (8, 9) THEN
		RETURN false;
	END IF;
	v := t::int;
	IF v = 0 THEN
		RETURN false;
	END IF;
	total := -(v % 10);
	FOR w IN 2..9 LOOP
		v := v / 10;
		total := total + w * (v % 10);
	END LOOP;
	RETURN total % 11 = 0;
END
$$,
 $$ VALUE ~ '^[0-9]{9}$' $$);

INSERT INTO bench.type_entry VALUES
(2, 'rsin', 'int4',
 $$ bench.gen_elfproef(i, 2) $$,
 $$
DECLARE
	t			text := btrim(s, E' \t');
	v			int;
	total		int;
BEGIN
	IF t !~ '^[0-9 .-]+$' THEN
		RETURN false;
	END IF;
	t := translate(t, ' .-', '');
	IF length(t) <> 9 THEN
		RETURN false;
	END IF;
	v := t::int;
	IF v = 0 THEN
		RETURN false;
	END IF;
	total := -(v % 10);
	FOR w IN 2..9 LOOP
		v := v / 10;
		total := total + w * (v % 10);
	END LOOP;
	RETURN total % 11 = 0;
END
$$,
 $$ VALUE ~ '^[0-9]{9}$' $$);

INSERT INTO bench.type_entry VALUES
(3, 'kvk_nummer', 'int4',
 $$ bench.digits(i, 3, 8) $$,
 $$
DECLARE
	t			text := btrim(s, E' \t');
BEGIN
	RETURN t ~ '^[0-9 .-]+$' AND length(translate(t, ' .-', '')) = 8;
END
$$,
 $$ VALUE ~ '^[0-9]{8}$' $$);

INSERT INTO bench.type_entry VALUES
(4, 'vestigingsnummer', 'int8',
 $$ CASE WHEN bench.rnd(i, 4) % 2 = 0 THEN '0000' || bench.digits(i, 5, 8)
		 ELSE bench.digits(i, 5, 6) || bench.digits(i, 6, 6) END $$,
 $$
DECLARE
	t			text := btrim(s, E' \t');
BEGIN
	RETURN t ~ '^[0-9 .-]+$' AND length(translate(t, ' .-', '')) = 12;
END
$$,
 $$ VALUE ~ '^[0-9]{12}$' $$);

-- Postcode: Open Klant's canonical spelling "1234 AB", never SA/SD/SS.
INSERT INTO bench.type_entry VALUES
(5, 'postcode', 'text',
 $$ (1000 + bench.rnd(i, 7) % 9000)::text || ' '
	|| regexp_replace(chr(65 + (bench.rnd(i, 8) % 26)::int) || chr(65 + (bench.rnd(i, 9) % 26)::int),
					  '^S[ADS]$', 'ST') $$,
 $$
DECLARE
	m			text[];
BEGIN
	m := regexp_match(upper(btrim(s, E' \t')), '^(?:NL[- ])?[1-9][0-9]{3}[ \t]*([A-Z]{2})$');
	RETURN m IS NOT NULL AND m[1] NOT IN ('SA', 'SD', 'SS');
END
$$,
 $$ VALUE ~ '^[1-9][0-9]{3} [A-Z]{2}$' $$);

-- Telefoonnummer: spellings Open Klant accepts too (no separators): Dutch
-- mobile and geographic numbers nationally, +31 and 0031, and foreign
-- mobile numbers.  The PL/pgSQL version knows only the calling codes in the
-- data (our type has a table of all of them).  The regex is Open Klant's,
-- with its ban on the prefixes 0800, 0900, 1400 and 140.
INSERT INTO bench.type_entry VALUES
(6, 'telefoonnummer', 'text',
 $$ CASE WHEN bench.rnd(i, 10) % 20 < 11
		 THEN '06' || bench.pick(i, 11, '{1,2,3,4,5,8}') || bench.digits(i, 12, 7)
		 WHEN bench.rnd(i, 10) % 20 < 15
		 THEN '0' || bench.pick(i, 11, '{10,13,15,20,23,24,26,30,33,35,36,38,40,43,45,46,50,53,55,58,70,71,72,73,74,75,76,77,78,79}')
			  || bench.digits(i, 12, 7)
		 WHEN bench.rnd(i, 10) % 20 < 17
		 THEN '+316' || bench.pick(i, 11, '{1,2,3,4,5,8}') || bench.digits(i, 12, 7)
		 WHEN bench.rnd(i, 10) % 20 < 18
		 THEN '00316' || bench.pick(i, 11, '{1,2,3,4,5,8}') || bench.digits(i, 12, 7)
		 ELSE (SELECT split_part(p, '/', 1) || bench.digits(i, 12, split_part(p, '/', 2)::int)
				 FROM (SELECT bench.pick(i, 11, '{+324/8,+4915/9,+447/9,+1206/7,+905/9,+2126/8,+5978/6}') AS p) x)
	END $$,
 $$
DECLARE
	t			text := btrim(s, E' \t');
	d			text;
	nsn			text;
	n			int;
BEGIN
	IF t !~ '^[0-9+ ()./-]+$' THEN
		RETURN false;
	END IF;
	d := translate(replace(t, '(0)', ''), ' ()./-', '');
	IF d LIKE '+%' THEN
		d := substr(d, 2);
	ELSIF d LIKE '00%' THEN
		d := substr(d, 3);
	ELSIF d LIKE '0%' THEN
		d := '31' || substr(d, 2);
	ELSE
		RETURN false;
	END IF;
	IF d !~ '^[1-9][0-9]*$' OR length(d) > 15 THEN
		RETURN false;
	END IF;
	IF d LIKE '31%' THEN
		nsn := substr(d, 3);
		IF nsn LIKE '0%' THEN
			nsn := substr(nsn, 2);
		END IF;
		IF length(nsn) = 9 THEN
			RETURN nsn ~ '^(?:1[035]|2[0346]|3[03568]|4[0356]|5[0358]|7[0-9]|11[13-578]|16[124-8]|17[24]|18[0-467]|22[2-46-9]|25[125]|29[479]|31[3-8]|32[01]|34[1-8]|41[1-368]|47[58]|48[15-8]|49[23579]|5[19][1-9]|52[1-57-9]|54[13-8]|56[126]|57[0-3578]|6[1-58]|66|8[4578]|91)';
		END IF;
		RETURN (length(nsn) = 11 AND nsn LIKE '970%')
			OR (length(nsn) IN (7, 10) AND nsn ~ '^(?:800|90[069])');
	END IF;
	FOR k IN 1..3 LOOP
		n := length(d) - k;
		CASE left(d, k)
			WHEN '1' THEN RETURN n IN (7, 10);
			WHEN '32' THEN RETURN n BETWEEN 8 AND 9;
			WHEN '44' THEN RETURN n IN (7, 9, 10);
			WHEN '49' THEN RETURN n BETWEEN 4 AND 15;
			WHEN '90' THEN RETURN n IN (7, 10, 12, 13);
			WHEN '212' THEN RETURN n = 9;
			WHEN '597' THEN RETURN n BETWEEN 6 AND 7;
			ELSE NULL;
		END CASE;
	END LOOP;
	RETURN false;
END
$$,
 $$ VALUE ~ '^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$' AND VALUE !~ '^(0800|0900|140)' $$);

-- E-mail: the PL/pgSQL version accepts ASCII domains only (our type also
-- converts non-ASCII domains with IDNA; the generated data are ASCII).  The regex is Django's
-- EmailValidator (Open Klant) for dot-atom local parts, case-insensitive.
INSERT INTO bench.type_entry VALUES
(7, 'emailadres', 'text',
 $$ bench.pick(i, 13, '{jan,piet,klaas,anna,fatima,mohammed,sanne,daan,emma,lucas,sophie,noah,julia,sem,lotte,finn,eva,levi,tess,milan}')
	|| bench.pick(i, 14, '{.,_,-}')
	|| bench.pick(i, 15, '{jansen,devries,vandijk,bakker,visser,smit,meijer,deboer,mulder,degroot,bos,vos,peters,hendriks,yilmaz,elamrani,dejong,vandenberg}')
	|| CASE WHEN bench.rnd(i, 16) % 3 = 0 THEN bench.digits(i, 17, 2) ELSE '' END
	|| '@' || bench.pick(i, 18, '{gmail.com,hotmail.com,outlook.com,ziggo.nl,kpnmail.nl,xs4all.nl,live.nl,icloud.com,planet.nl,home.nl,hetnet.nl,yahoo.com,amsterdam.nl,utrecht.nl,denhaag.nl}') $$,
 $$
DECLARE
	t			text := btrim(s, E' \t');
	at			int;
	loc			text;
	dom			text;
	labels		text[];
	lbl			text;
BEGIN
	IF t ~ '[[:space:][:cntrl:]]' OR octet_length(t) > 254 OR strpos(t, '@') = 0 THEN
		RETURN false;
	END IF;
	at := length(t) + 1 - strpos(reverse(t), '@');
	loc := left(t, at - 1);
	dom := lower(substr(t, at + 1));
	IF octet_length(loc) NOT BETWEEN 1 AND 64
		OR loc !~ '^[-!#$%&''*+/=?^_`{|}~0-9A-Za-z]+(\.[-!#$%&''*+/=?^_`{|}~0-9A-Za-z]+)*$'
		OR octet_length(dom) > 253 THEN
		RETURN false;
	END IF;
	labels := string_to_array(dom, '.');
	IF cardinality(labels) < 2 THEN
		RETURN false;
	END IF;
	FOREACH lbl IN ARRAY labels LOOP
		IF lbl !~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$' THEN
			RETURN false;
		END IF;
	END LOOP;
	RETURN lbl ~ '^[a-z]{2,63}$' OR lbl LIKE 'xn--%';
END
$$,
 $$ VALUE ~* '^[-!#$%&''*+/=?^_`{}|~0-9a-z]+(\.[-!#$%&''*+/=?^_`{}|~0-9a-z]+)*@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+)(?:[a-z0-9-]{2,63}(?<!-))$' $$);

-- IBAN: Dutch, German and Belgian accounts.  The PL/pgSQL version knows the
-- registry entries of five countries only (our type: all of them).
INSERT INTO bench.type_entry VALUES
(8, 'iban', 'text',
 $$ CASE WHEN bench.rnd(i, 19) % 20 < 17
		 THEN bench.gen_iban('NL', bench.pick(i, 20, '{ABNA,INGB,RABO,SNSB,ASNB,TRIO,KNAB,BUNQ,RBRB}')
								   || bench.digits(i, 21, 9) || bench.digits(i, 22, 1))
		 WHEN bench.rnd(i, 19) % 20 < 19
		 THEN bench.gen_iban('DE', bench.digits(i, 20, 8) || bench.digits(i, 21, 9) || bench.digits(i, 22, 1))
		 ELSE bench.gen_iban('BE', bench.digits(i, 20, 9) || bench.digits(i, 21, 3))
	END $$,
 $$
DECLARE
	t			text := upper(translate(btrim(s, E' \t'), ' -', ''));
	r			int := 0;
	c			int;
BEGIN
	IF NOT (CASE left(t, 2)
			WHEN 'NL' THEN t ~ '^NL[0-9]{2}[A-Z]{4}[0-9]{10}$'
			WHEN 'DE' THEN t ~ '^DE[0-9]{20}$'
			WHEN 'BE' THEN t ~ '^BE[0-9]{14}$'
			WHEN 'GB' THEN t ~ '^GB[0-9]{2}[A-Z]{4}[0-9]{14}$'
			WHEN 'FR' THEN t ~ '^FR[0-9]{12}[A-Z0-9]{11}[0-9]{2}$'
			ELSE false END)
		OR substr(t, 3, 2) NOT BETWEEN '02' AND '98' THEN
		RETURN false;
	END IF;
	t := substr(t, 5) || left(t, 4);
	FOR k IN 1..length(t) LOOP
		c := ascii(substr(t, k, 1));
		r := CASE WHEN c >= 65 THEN (r * 100 + c - 55) % 97 ELSE (r * 10 + c - 48) % 97 END;
	END LOOP;
	RETURN r = 1;
END
$$,
 $$ VALUE ~ '^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$' $$);

-- BIC: ISO 9362 with a known country (and XK, which SWIFT uses for Kosovo).
-- Open Klant checks only 8 to 11 characters without white space.
INSERT INTO bench.type_entry VALUES
(9, 'bic', 'text',
 $$ bench.pick(i, 23, '{ABNANL2A,INGBNL2A,RABONL2U,SNSBNL2A,ASNBNL21,RBRBNL21,TRIONL2U,KNABNL2H,BUNQNL2A,FVLBNL22,INGBNL2AXXX,ABNCNL2AGIR,DEUTDEFF,DEUTDEFF500,COBADEFF,GEBABEBB,BBRUBEBB,BNPAFRPP,CITIUS33,NWBKGB2L}') $$,
 $$
DECLARE
	t			text := upper(translate(btrim(s, E' \t'), ' -', ''));
BEGIN
	RETURN t ~ '^[A-Z]{6}[0-9A-Z]{2}([0-9A-Z]{3})?$'
		AND substr(t, 5, 2) = ANY ('{@ISO3166_LIST@,XK}'::text[]);
END
$$,
 $$ VALUE ~ '^\S{8,11}$' $$);

-- BAG identificatie: mostly nummeraanduidingen, as in Open Klant's addresses.
INSERT INTO bench.type_entry VALUES
(10, 'bag_id', 'int8',
 $$ lpad((1 + bench.rnd(i, 24) % 1999)::text, 4, '0')
	|| bench.pick(i, 25, '{20,20,20,20,01,01,10,02,03,30}')
	|| lpad((1 + bench.rnd(i, 26) % 2000000)::text, 10, '0') $$,
 $$
DECLARE
	t			text := btrim(s, E' \t');
BEGIN
	IF t LIKE 'NL.%' THEN
		t := regexp_replace(t, '^NL\.IMBAG\.[A-Za-z]+\.', '', 'i');
	END IF;
	IF t !~ '^[0-9]{15,16}$' THEN
		RETURN false;
	END IF;
	t := lpad(t, 16, '0');
	RETURN left(t, 4) <> '0000'
		AND substr(t, 5, 2) IN ('01', '02', '03', '10', '20', '30')
		AND right(t, 10) <> '0000000000';
END
$$,
 $$ VALUE ~ '^[0-9]{16}$' $$);

-- Landcode: Open Klant's rule is membership of the ISO list, upper case.
INSERT INTO bench.type_entry VALUES
(11, 'landcode', 'text',
 $$ bench.pick(i, 27, '{NL,NL,NL,NL,NL,NL,NL,NL,BE,DE,GB,FR,US,TR,MA,SR,ES,PL,IT,PT,CW,AW,SX,BQ,CN,IN,ID,UA,SY,AF}') $$,
 $$
DECLARE
	t			text := upper(btrim(s, E' \t'));
BEGIN
	RETURN length(t) = 2 AND t = ANY ('{@ISO3166_LIST@}'::text[]);
END
$$,
 $$ VALUE ~ '^(@ISO3166_ALT@)$' $$);

-- Expand the placeholders of an entry's text.
CREATE FUNCTION bench.type_expand(t text) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT replace(replace(t,
		'@ISO3166_LIST@', (SELECT string_agg(code, ',' ORDER BY code) FROM bench.iso3166)),
		'@ISO3166_ALT@', (SELECT string_agg(code, '|' ORDER BY code) FROM bench.iso3166))
$$;

-- Create the table of p_n generated values and the comparison functions and
-- domains of one type; false (and a 'skipped' status) when the installed
-- extension has no such type.
CREATE FUNCTION bench.types_prepare(p_name text, p_n bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	e			bench.type_entry;
BEGIN
	SELECT * INTO STRICT e FROM bench.type_entry WHERE name = p_name;
	IF to_regtype(format('klantinteracties.%I', p_name)) IS NULL THEN
		INSERT INTO bench.status VALUES ('01_types', p_name, 'skipped',
										 'type not in the installed extension');
		RETURN false;
	END IF;
	EXECUTE format('CREATE FUNCTION bench.%I(s text) RETURNS boolean '
				   'LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS %L',
				   'pl_is_' || p_name, bench.type_expand(e.plpgsql));
	EXECUTE format('CREATE DOMAIN bench.%I AS text CHECK (bench.%I(VALUE))',
				   'pl_' || p_name, 'pl_is_' || p_name);
	EXECUTE format('CREATE DOMAIN bench.%I AS text CHECK (%s)',
				   're_' || p_name, bench.type_expand(e.regex));
	EXECUTE format('CREATE FUNCTION bench.%I(text) RETURNS boolean '
				   'LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %L',
				   're_is_' || p_name,
				   'SELECT ' || replace(bench.type_expand(e.regex), 'VALUE', '$1'));
	IF to_regprocedure(format('klantinteracties.%I(text)', 'is_' || p_name)) IS NOT NULL THEN
		EXECUTE format('CREATE DOMAIN bench.%I AS text CHECK (klantinteracties.%I(VALUE))',
					   'c_' || p_name, 'is_' || p_name);
	END IF;
	EXECUTE format('CREATE TABLE bench.%I AS SELECT %s AS s FROM generate_series(1, %s) i',
				   't_' || p_name, e.gen, p_n);
	RETURN true;
END
$$;

-- Time every variant of one type p_reps times, interleaved and rotating the
-- order per run (ABCD, BCDA, ...) so drift hits every variant alike.  A first
-- untimed pass warms the caches and checks that every variant accepts every
-- generated value.
CREATE FUNCTION bench.types_measure(p_name text, p_reps int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	e			bench.type_entry;
	v			text[];
	x			text[];
	q			text[];
	n			bigint;
	j			int;
BEGIN
	SELECT * INTO STRICT e FROM bench.type_entry WHERE name = p_name;
	v := ARRAY['floor'];
	x := ARRAY[CASE e.floor WHEN 'text' THEN 's' ELSE 's::' || e.floor END];
	IF e.floor <> 'text' THEN
		v := v || 'scan'::text;
		x := x || 's'::text;
	END IF;
	v := v || 'ours'::text;
	x := x || format('s::klantinteracties.%I', p_name);
	IF to_regtype(format('bench.%I', 'c_' || p_name)) IS NOT NULL THEN
		v := v || 'check'::text;
		x := x || format('s::bench.%I', 'c_' || p_name);
	END IF;
	v := v || ARRAY['plpgsql', 'regex'];
	x := x || ARRAY[format('s::bench.%I', 'pl_' || p_name), format('s::bench.%I', 're_' || p_name)];
	FOR j IN 1..cardinality(x) LOOP
		q[j] := format('SELECT count(%s) FROM bench.%I', x[j], 't_' || p_name);
	END LOOP;

	EXECUTE format('SELECT count(*) FROM bench.%I', 't_' || p_name) INTO n;
	FOR j IN 1..cardinality(q) LOOP
		BEGIN
			PERFORM bench.time_ms(q[j]);
		EXCEPTION WHEN OTHERS THEN
			INSERT INTO bench.status VALUES ('01_types', p_name, 'error',
				format('variant %s rejects the generated data: %s', v[j], SQLERRM));
			RETURN;
		END;
	END LOOP;

	FOR r IN 1..p_reps LOOP
		FOR k IN 0..cardinality(q) - 1 LOOP
			j := (r - 1 + k) % cardinality(q) + 1;
			INSERT INTO bench.result VALUES ('01_types', p_name, v[j], r, bench.time_ms(q[j]), n);
		END LOOP;
	END LOOP;
	INSERT INTO bench.status VALUES ('01_types', p_name, 'ok', NULL);
END
$$;

-- Do the PL/pgSQL rules and the regex agree with our type?  Over p_m
-- generated values, three in four mutated (one character replaced, deleted
-- or inserted), count where each disagrees with is_<type>.  PL/pgSQL should
-- agree (it implements our rules); the regex is Open Klant's, looser in
-- what it checks and stricter in spelling, so it differs both ways.
CREATE TABLE bench.type_agreement (
	name		text PRIMARY KEY,
	m			bigint,			-- values compared
	ours_valid	bigint,			-- of which our type accepts
	pl_differs	bigint,			-- PL/pgSQL disagrees with our type
	pl_example	text,
	re_looser	bigint,			-- regex accepts what our type rejects
	re_example	text,
	re_stricter bigint			-- regex rejects what our type accepts
);

-- p_m generated values of a type, three in four mutated: one character
-- replaced, deleted or inserted.
CREATE FUNCTION bench.type_mutants(p_name text, p_m bigint) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format($q$
		SELECT CASE bench.rnd(i, 61) %% 4
			   WHEN 0 THEN b
			   WHEN 1 THEN overlay(b PLACING c FROM p FOR 1)
			   WHEN 2 THEN overlay(b PLACING '' FROM p FOR 1)
			   ELSE overlay(b PLACING c FROM p FOR 0) END
		  FROM (SELECT i, b, 1 + (bench.rnd(i, 62) %% length(b))::int AS p,
					   bench.pick(i, 63, '{0,1,5,9,A,S,Z,a,z,.,-,+,@,/," ",#,é}') AS c
				  FROM (SELECT i, %s AS b FROM generate_series(1, %s) i) g) x
		$q$, (SELECT gen FROM bench.type_entry WHERE name = p_name), p_m);
END
$$;

CREATE FUNCTION bench.types_agree(p_name text, p_m bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	IF to_regprocedure(format('klantinteracties.%I(text)', 'is_' || p_name)) IS NULL THEN
		RETURN;
	END IF;
	EXECUTE format($q$
		INSERT INTO bench.type_agreement
		SELECT %1$L, count(*),
			   count(*) FILTER (WHERE ok),
			   count(*) FILTER (WHERE pl IS DISTINCT FROM ok),
			   min(quote_literal(s)) FILTER (WHERE pl IS DISTINCT FROM ok),
			   count(*) FILTER (WHERE re AND NOT ok),
			   min(quote_literal(s)) FILTER (WHERE re AND NOT ok),
			   count(*) FILTER (WHERE ok AND NOT re)
		  FROM (SELECT s, klantinteracties.%2$I(s) AS ok, bench.%3$I(s) AS pl,
					   coalesce(bench.%4$I(s), false) AS re
				  FROM bench.type_mutants(%1$L, %5$s) s) x
		$q$, p_name, 'is_' || p_name, 'pl_is_' || p_name, 're_is_' || p_name, p_m);
END
$$;

-- Ratios for the table and the plot: every variant against the floor, and
-- the three targets of the issue.
CREATE VIEW bench.types_ratio AS
SELECT e.ord, e.name, e.floor, s.variant, s.runs, s.med, s.lo, s.hi, s.q1, s.q3,
	   s.ratio_med, s.ratio_lo, s.ratio_hi
  FROM bench.type_entry e
  JOIN bench.summary('01_types', 'floor') s ON s.item = e.name;

-- The targets, as measured (gross) and net of reading the table, which
-- both sides of each ratio pay: the scan, or for text floors the floor.
CREATE VIEW bench.types_target AS
SELECT e.ord, e.name, e.floor,
	   f.med AS floor_med, f.lo AS floor_lo, f.hi AS floor_hi,
	   fn.med AS floor_net_med, fn.lo AS floor_net_lo, fn.hi AS floor_net_hi,
	   p.med AS pl_med, p.lo AS pl_lo, p.hi AS pl_hi,
	   pn.med AS pl_net_med, pn.lo AS pl_net_lo, pn.hi AS pl_net_hi,
	   r.med AS re_med, r.lo AS re_lo, r.hi AS re_hi,
	   rn.med AS re_net_med, rn.lo AS re_net_lo, rn.hi AS re_net_hi
  FROM bench.type_entry e
  JOIN bench.status st ON st.bench = '01_types' AND st.item = e.name AND st.status = 'ok'
  CROSS JOIN LATERAL (SELECT CASE e.floor WHEN 'text' THEN 'floor' ELSE 'scan' END AS scan) sc
  CROSS JOIN LATERAL bench.ratio('01_types', e.name, 'ours', 'floor') f
  CROSS JOIN LATERAL bench.ratio('01_types', e.name, 'ours', 'floor', 'scan') fn
  CROSS JOIN LATERAL bench.ratio('01_types', e.name, 'plpgsql', 'ours') p
  CROSS JOIN LATERAL bench.ratio('01_types', e.name, 'plpgsql', 'ours', sc.scan) pn
  CROSS JOIN LATERAL bench.ratio('01_types', e.name, 'regex', 'ours') r
  CROSS JOIN LATERAL bench.ratio('01_types', e.name, 'regex', 'ours', sc.scan) rn;
