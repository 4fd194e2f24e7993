-- Benchmark 3: klantbeeld by BSN (driven by bench/03_klantbeeld.sh), in each
-- database that holds a data set (bench/dataset.sql).
--
-- bench.kb_steekproef(aantal) draws that many personen with a BSN (a fixed pseudo-random
-- choice) and writes down, per persoon, what Open Klant's code learns from
-- the rows it reads while it answers
--   GET /partijen?partijIdentificator__objectId=<bsn>
--       &expand=digitaleAdressen,betrokkenen,betrokkenen.hadKlantcontact
-- (the ids of the partij, its betrokkenen and their klantcontacten, the
-- actoren of those and their soort, the categorieën and vertegenwoordigden),
-- as one row of bench.kb_plan with one column per value: the pgbench script
-- reads that row with \gset and issues the queries with those parameters,
-- as Django does with the ids from the rows it fetched.

SET client_min_messages = warning;
-- bench.kb_vorm reads tables that bench.kb_steekproef creates.
SET check_function_bodies = off;

CREATE OR REPLACE FUNCTION bench.kb_steekproef(aantal integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	kolommen	text;
BEGIN
	DROP TABLE IF EXISTS bench.kb_sample, bench.kb_betrokkene, bench.kb_actor, bench.kb_lijst, bench.kb_plan;
	CREATE TABLE bench.kb_sample AS
	SELECT row_number() OVER (ORDER BY md5(i.uuid::text))::integer AS i, i.identificeerde_partij AS partij,
		   i.bsn, p.id AS pid, oi.partij_identificator_object_id AS object_id
	  FROM klantinteracties.partij_identificator i
	  JOIN openklant.klantinteracties_partij p ON p.uuid = i.identificeerde_partij
	  JOIN openklant.klantinteracties_partijidentificator oi ON oi.uuid = i.uuid
	 WHERE i.code_soort_object_id = 'bsn'
	 ORDER BY md5(i.uuid::text)
	 LIMIT aantal;
	ALTER TABLE bench.kb_sample ADD PRIMARY KEY (i);

	-- The partij's betrokkenen (k-th in the order of the prefetch) with
	-- their klantcontact, and per klantcontact its actoren with their soort
	-- (1 medewerker, 2 organisatorische eenheid, 3 geautomatiseerde actor).
	CREATE TABLE bench.kb_betrokkene AS
	SELECT s.i, row_number() OVER (PARTITION BY s.i ORDER BY b.id)::integer AS k, b.id AS b, b.klantcontact_id AS kc
	  FROM bench.kb_sample s JOIN openklant.klantinteracties_betrokkene b ON b.partij_id = s.pid;
	CREATE TABLE bench.kb_actor AS
	SELECT kb.i, kb.k, row_number() OVER (PARTITION BY kb.i, kb.k ORDER BY ak.id)::integer AS j, a.id AS a,
		   CASE a.soort_actor WHEN 'medewerker' THEN 1 WHEN 'organisatorische_eenheid' THEN 2 ELSE 3 END AS s
	  FROM bench.kb_betrokkene kb
	  JOIN openklant.klantinteracties_actorklantcontact ak ON ak.klantcontact_id = kb.kc
	  JOIN openklant.klantinteracties_actor a ON a.id = ak.actor_id;
	-- Per partij the categorieën of its categorie-relaties (the serializer
	-- reads each) and the partijen it represents (idem).
	CREATE TABLE bench.kb_lijst AS
	SELECT s.i, 'cat'::text AS soort, row_number() OVER (PARTITION BY s.i ORDER BY cr.id)::integer AS j, cr.categorie_id AS id
	  FROM bench.kb_sample s JOIN openklant.klantinteracties_categorierelatie cr ON cr.partij_id = s.pid
	 WHERE cr.categorie_id IS NOT NULL
	UNION ALL
	SELECT s.i, 'vert', row_number() OVER (PARTITION BY s.i ORDER BY v.id)::integer, v.vertegenwoordigde_partij_id
	  FROM bench.kb_sample s JOIN openklant.klantinteracties_vertegenwoordigden v ON v.vertegenwoordigende_partij_id = s.pid;

	CREATE INDEX ON bench.kb_betrokkene (i, k);
	CREATE INDEX ON bench.kb_actor (i, k, j);
	CREATE INDEX ON bench.kb_lijst (i, soort, j);
	ANALYZE bench.kb_betrokkene, bench.kb_actor, bench.kb_lijst;

	SELECT string_agg(c, ', ') INTO kolommen FROM (
		SELECT format('(SELECT count(*) FROM bench.kb_lijst l WHERE l.i = s.i AND l.soort = %L) AS n%s', x, x) AS c
		  FROM unnest(ARRAY['cat', 'vert']) x
		UNION ALL
		SELECT format('coalesce((SELECT l.id FROM bench.kb_lijst l WHERE l.i = s.i AND l.soort = %L AND l.j = %s), 0) AS %s%s', x, j, x, j)
		  FROM unnest(ARRAY['cat', 'vert']) x,
			   generate_series(1, (SELECT coalesce(max(j), 0) FROM bench.kb_lijst WHERE soort = x)) j
		UNION ALL
		SELECT '(SELECT count(*) FROM bench.kb_betrokkene b WHERE b.i = s.i) AS nb'
		UNION ALL
		SELECT format('coalesce((SELECT b.%s FROM bench.kb_betrokkene b WHERE b.i = s.i AND b.k = %s), 0) AS %s%s', x, k, x, k)
		  FROM unnest(ARRAY['b', 'kc']) x, generate_series(1, (SELECT coalesce(max(k), 0) FROM bench.kb_betrokkene)) k
		UNION ALL
		SELECT format('(SELECT count(*) FROM bench.kb_actor a WHERE a.i = s.i AND a.k = %s) AS na%s', k, k)
		  FROM generate_series(1, (SELECT coalesce(max(k), 0) FROM bench.kb_betrokkene)) k
		UNION ALL
		SELECT format('coalesce((SELECT a.%s FROM bench.kb_actor a WHERE a.i = s.i AND a.k = %s AND a.j = %s), 0) AS %s%s_%s',
					  x, k, j, x, k, j)
		  FROM unnest(ARRAY['a', 's']) x, generate_series(1, (SELECT coalesce(max(k), 0) FROM bench.kb_betrokkene)) k,
			   generate_series(1, (SELECT coalesce(max(j), 0) FROM bench.kb_actor)) j) c;
	EXECUTE format('CREATE TABLE bench.kb_plan AS SELECT s.i, s.pid, s.object_id, %s FROM bench.kb_sample s', kolommen);
	ALTER TABLE bench.kb_plan ADD PRIMARY KEY (i);
	ANALYZE bench.kb_sample, bench.kb_plan;
END
$$;

-- The shape of the sample: the most of each list (the pgbench script has a
-- block per position), and the mean number of statements of Open Klant's
-- request: 9 fixed (token, count, page, 6 prefetches), one per categorie
-- and vertegenwoordigde, 12 per betrokkene (its klantcontact, 5 sets read
-- twice, the actor links) and 2 per actor of its klantcontact.
CREATE OR REPLACE FUNCTION bench.kb_vorm(OUT max_cat integer, OUT max_vert integer, OUT max_b integer, OUT max_a integer,
							  OUT statements float8, OUT betrokkenen float8)
LANGUAGE sql AS $$
	SELECT (SELECT coalesce(max(j), 0) FROM bench.kb_lijst WHERE soort = 'cat'),
		   (SELECT coalesce(max(j), 0) FROM bench.kb_lijst WHERE soort = 'vert'),
		   (SELECT coalesce(max(k), 0) FROM bench.kb_betrokkene),
		   (SELECT coalesce(max(j), 0) FROM bench.kb_actor),
		   9 + ((SELECT count(*) FROM bench.kb_lijst) + 12 * (SELECT count(*) FROM bench.kb_betrokkene)
				+ 2 * (SELECT count(*) FROM bench.kb_actor))::float8 / (SELECT count(*) FROM bench.kb_sample),
		   (SELECT count(*) FROM bench.kb_betrokkene)::float8 / (SELECT count(*) FROM bench.kb_sample)
$$;

-- The load average (1 minute) at the start and end of every pgbench run, so
-- that each figure can be read with the machine's state beside it.
CREATE TABLE IF NOT EXISTS bench.belasting (
	bench		text NOT NULL,
	item		text NOT NULL,
	variant		text NOT NULL,
	rep			int NOT NULL,
	load_begin	float8 NOT NULL,
	load_eind	float8 NOT NULL
);

-- The roles PostgREST uses (klantinteracties.maak_api_rollen): the
-- authenticator bench_authenticator logs in and switches per request to
-- bench_api_lezer, which holds the scopes read and bsn (not geheim), as
-- the application role of the other variants.  The authenticator reads the
-- sample (the pgbench script's parameters) before it switches.
CREATE OR REPLACE FUNCTION bench.rest_rollen() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM klantinteracties.maak_api_rollen('bench_authenticator', 'bench_anon', 'bench_api_lezer', 'bench_api_schrijver');
	GRANT klantinteracties_bsn TO bench_api_lezer;
	GRANT USAGE ON SCHEMA bench TO bench_authenticator;
	GRANT SELECT ON ALL TABLES IN SCHEMA bench TO bench_authenticator;
END
$$;
