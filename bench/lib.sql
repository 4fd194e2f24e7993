-- Shared pieces of every benchmark, loaded by scripts/bench.sh into the
-- benchmark database (schema bench): the result tables, the timer, a
-- deterministic pseudo-random source for data generators, and the summary
-- statistics over repeated runs.

CREATE SCHEMA bench;
CREATE EXTENSION pg_prewarm;

-- One row per timed run.  item is what is measured (a type, a query),
-- variant who does it (ours, a baseline); the variants of one item are
-- measured interleaved, so runs with the same rep number belong together.
CREATE TABLE bench.result (
	bench		text NOT NULL,
	item		text NOT NULL,
	variant		text NOT NULL,
	rep			int NOT NULL,
	ms			float8 NOT NULL,
	n			bigint NOT NULL
);

-- What happened to each item: ok, skipped (with the reason) or error.
CREATE TABLE bench.status (
	bench		text NOT NULL,
	item		text NOT NULL,
	status		text NOT NULL,
	note		text
);

-- Wall-clock milliseconds of one statement, run to completion in this
-- session; its result is discarded.
CREATE FUNCTION bench.time_ms(q text) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	t0			timestamptz := clock_timestamp();
BEGIN
	EXECUTE q;
	RETURN 1000 * extract(epoch FROM clock_timestamp() - t0);
END
$$;

-- Deterministic pseudo-random 0 .. 2^31-1 for row i and stream k, so that
-- every run generates the same data.
CREATE FUNCTION bench.rnd(i bigint, k int) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT hashint8(i * 64 + k)::bigint & 2147483647 $$;

-- One element of arr, chosen by bench.rnd(i, k).
CREATE FUNCTION bench.pick(i bigint, k int, arr text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT arr[1 + bench.rnd(i, k) % cardinality(arr)] $$;

-- n (<= 9) pseudo-random decimal digits.
CREATE FUNCTION bench.digits(i bigint, k int, n int) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT lpad((bench.rnd(i, k) % (10 ^ n)::bigint)::text, n, '0') $$;

-- Per item and variant over the runs: median, min, max and quartiles of the
-- time, and the ratio to the reference variant measured in the same run
-- (median, min, max of the per-run ratios).  Ratios within one run are what
-- we report: the absolute times of a shared machine drift.
CREATE FUNCTION bench.summary(p_bench text, p_ref text)
RETURNS TABLE (item text, variant text, runs bigint,
			   med float8, lo float8, hi float8, q1 float8, q3 float8,
			   ratio_med float8, ratio_lo float8, ratio_hi float8)
LANGUAGE sql STABLE
AS $$
	SELECT r.item, r.variant, count(*),
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.ms),
		   min(r.ms), max(r.ms),
		   percentile_cont(0.25) WITHIN GROUP (ORDER BY r.ms),
		   percentile_cont(0.75) WITHIN GROUP (ORDER BY r.ms),
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.ms / f.ms),
		   min(r.ms / f.ms), max(r.ms / f.ms)
	  FROM bench.result r
	  JOIN bench.result f
		ON f.bench = r.bench AND f.item = r.item AND f.rep = r.rep
	   AND f.variant = p_ref
	 WHERE r.bench = p_bench
	 GROUP BY r.item, r.variant
$$;

-- Ratio a / b of two variants of one item, per run; median, min, max.
-- With base, the base variant's time (say, reading the table) is first
-- subtracted from both: the ratio of the extra work.
CREATE FUNCTION bench.ratio(p_bench text, p_item text, a text, b text,
							base text DEFAULT NULL,
							OUT med float8, OUT lo float8, OUT hi float8)
LANGUAGE sql STABLE
AS $$
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY q),
		   min(q), max(q)
	  FROM (SELECT (x.ms - coalesce(z.ms, 0)) / (y.ms - coalesce(z.ms, 0)) AS q
			  FROM bench.result x
			  JOIN bench.result y
				ON y.bench = x.bench AND y.item = x.item AND y.rep = x.rep
			  LEFT JOIN bench.result z
				ON z.bench = x.bench AND z.item = x.item AND z.rep = x.rep
			   AND z.variant = base
			 WHERE x.bench = p_bench AND x.item = p_item
			   AND x.variant = a AND y.variant = b
			   AND (base IS NULL OR z.ms < y.ms)) r
$$;

-- "1.23 (1.20-1.31)": a median with its spread, for the tables.
CREATE FUNCTION bench.fmt(med float8, lo float8, hi float8, digits int DEFAULT 2)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
	SELECT CASE WHEN med IS NULL THEN '–'
		   ELSE round(med::numeric, digits) || ' (' || round(lo::numeric, digits)
				|| '–' || round(hi::numeric, digits) || ')' END
$$;

-- The application role that reads our side in benchmarks 3 and 4, as a
-- KCC application would: a login role with the scopes read and bsn (not
-- geheim), so that row-level security and the masks apply as they do
-- for the API's callers.  It reads the benchmark's own tables (samples,
-- terms); roles belong to the cluster, so it is made once and granted per
-- database.
CREATE FUNCTION bench.app_rol() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_kcc') THEN
		CREATE ROLE bench_kcc LOGIN IN ROLE klantinteracties_lezer, klantinteracties_bsn;
	END IF;
	GRANT USAGE ON SCHEMA bench TO bench_kcc;
	GRANT SELECT ON ALL TABLES IN SCHEMA bench TO bench_kcc;
END
$$;
