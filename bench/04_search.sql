-- Benchmark 4: search (driven by bench/04_search.sh), in each database that
-- holds a data set (bench/dataset.sql).
--
-- bench.zoek_termen(k) picks k search terms of each kind from the data (a
-- fixed pseudo-random choice):
--   email     the last 8 characters of the local part (of 10 or more) of
--             an e-mail address of a partij ("vries123"), to be found
--             anywhere in an address;
--   telefoon  the telephone number of a partij, spelled differently from
--             how it is stored: as a person reads it out or types it;
--   naam      a piece of a persoon's name ("ophie de Vri").
-- bench.zoek_sql(kind, variant, term) is the statement of one search, with
-- the term as a literal (as Django sends it; the planner sees the pattern),
-- and bench.zoek(kind, variant [, terms]) runs it for every term (or the
-- first few) and returns the rows found.  Both sides return the same columns: the partij (its key) and what
-- matched.

SET client_min_messages = warning;

CREATE OR REPLACE FUNCTION bench.zoek_termen(k integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	DROP TABLE IF EXISTS bench.zoek_term;
	CREATE TABLE bench.zoek_term (kind text, j integer, term text, PRIMARY KEY (kind, j));
	INSERT INTO bench.zoek_term
	SELECT 'email', row_number() OVER (), right(split_part(d.adres, '@', 1), 8)
	  FROM (SELECT adres FROM klantinteracties.digitaal_adres
			 WHERE soort_digitaal_adres = 'email' AND verstrekt_door_partij IS NOT NULL
			   AND length(split_part(adres, '@', 1)) >= 10
			 ORDER BY md5(uuid::text) LIMIT k) d;
	-- The number in three spellings: national with a dash after the area
	-- code (06-12345678, 020-1234567), international with spaces (+31 6
	-- 12345678), national without separators (0612345678).
	INSERT INTO bench.zoek_term
	SELECT 'telefoon', j,
		   CASE j % 3 WHEN 0 THEN CASE WHEN nsn LIKE '6%' THEN '06-' || substr(nsn, 2)
									   ELSE '0' || left(nsn, 2) || '-' || substr(nsn, 3) END
					  WHEN 1 THEN '+31 ' || left(nsn, 1) || ' ' || substr(nsn, 2)
					  ELSE '0' || nsn END
	  FROM (SELECT row_number() OVER () AS j, substr(adres_sleutel, 4) AS nsn
			  FROM (SELECT adres_sleutel FROM klantinteracties.digitaal_adres
					 WHERE soort_digitaal_adres = 'telefoonnummer' AND verstrekt_door_partij IS NOT NULL
					 ORDER BY md5(uuid::text) LIMIT k) d) t;
	INSERT INTO bench.zoek_term
	SELECT 'naam', row_number() OVER (), substr(volledige_naam, 2, length(volledige_naam) - 3)
	  FROM (SELECT volledige_naam FROM klantinteracties.persoon
			 WHERE contactnaam_voornaam <> '' ORDER BY md5(partij::text) LIMIT k) p;
END
$$;

CREATE OR REPLACE FUNCTION bench.zoek_sql(kind text, variant text, term text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT CASE kind || ' ' || variant
	-- Ours through the extension's search functions, as an application
	-- calls them (under row-level security: bench.zoek sets the role).
	-- e-mail: a piece of an address, by the trigram index on
	-- digitaal_adres.adres; Django's icontains.
	WHEN 'email ours' THEN format(
		'SELECT z.partij, z.adres FROM klantinteracties.zoek_partijen_met_adresdeel(%L, ''email'') z', term)
	WHEN 'email openklant' THEN format(
		'SELECT d.partij_id, d.adres FROM openklant.klantinteracties_digitaaladres d
		  WHERE d.soort_digitaal_adres = ''email'' AND UPPER(d.adres::text) LIKE UPPER(%L)', '%' || term || '%')
	-- telephone: our canonical key (E.164, indexed) of the number as typed;
	-- Open Klant's icontains of the number with its separators taken out
	-- (Open Klant stores none), which finds it only when stored in the same
	-- spelling (06... or +316...); and the query a DBA writes to find every
	-- spelling: the last nine digits of both.
	WHEN 'telefoon ours' THEN format(
		'SELECT z.partij, z.adres FROM klantinteracties.zoek_partijen(%L::klantinteracties.telefoonnummer) z', term)
	WHEN 'telefoon openklant' THEN format(
		'SELECT d.partij_id, d.adres FROM openklant.klantinteracties_digitaaladres d
		  WHERE d.soort_digitaal_adres = ''telefoonnummer'' AND UPPER(d.adres::text) LIKE UPPER(%L)',
		'%' || translate(term, ' -()', '') || '%')
	WHEN 'telefoon openklant-normalised' THEN format(
		'SELECT d.partij_id, d.adres FROM openklant.klantinteracties_digitaaladres d
		  WHERE d.soort_digitaal_adres = ''telefoonnummer''
			AND right(regexp_replace(d.adres, ''[^0-9]'', '''', ''g''), 9) = %L',
		right(regexp_replace(term, '[^0-9]', '', 'g'), 9))
	-- names: a piece of a name, by the trigram indexes on the names of
	-- personen, contactpersonen and organisaties; Django's icontains on the
	-- name as Open Klant's volledigeNaam joins it (personen only).
	WHEN 'naam ours' THEN format(
		'SELECT z.partij, z.naam FROM klantinteracties.zoek_partijen_met_naamdeel(%L) z', term)
	WHEN 'naam openklant' THEN format(
		'SELECT ps.partij_id, ps.contactnaam_achternaam FROM openklant.klantinteracties_persoon ps
		  WHERE UPPER(concat_ws('' '', nullif(ps.contactnaam_voornaam, ''''),
								nullif(ps.contactnaam_voorvoegsel_achternaam, ''''),
								nullif(ps.contactnaam_achternaam, ''''))::text) LIKE UPPER(%L)', '%' || term || '%')
END
$$;

CREATE OR REPLACE FUNCTION bench.zoek(kind text, variant text, terms integer DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	t			record;
	n			bigint;
	total		bigint := 0;
BEGIN
	FOR t IN SELECT term FROM bench.zoek_term z WHERE z.kind = zoek.kind ORDER BY j LIMIT terms LOOP
		-- Ours as an application role, under row-level security.
		IF variant = 'ours' THEN
			PERFORM pg_catalog.set_config('role', 'bench_kcc', true);
		END IF;
		EXECUTE format('SELECT count(*) FROM (%s) x', bench.zoek_sql(kind, variant, t.term)) INTO n;
		PERFORM pg_catalog.set_config('role', 'none', true);
		total := total + n;
	END LOOP;
	RETURN total;
END
$$;
