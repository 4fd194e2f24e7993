-- Security, part 4: the access log (inzagelog), after the ideas of VNG's
-- Logboek Dataverwerkingen: who looked at which partij, when, through which
-- lookup, for which purpose (doelbinding).  Triggers do not see reads, and
-- PostgREST runs GET requests READ ONLY, so the logged lookups are VOLATILE
-- functions that PostgREST offers as POST /rpc/...; they call
-- inzage_vastleggen.  The log holds the partij's uuid, never a BSN.

-- @ONCE
CREATE TABLE inzagelog (
	id bigint GENERATED ALWAYS AS IDENTITY,
	tijdstip timestamptz NOT NULL DEFAULT clock_timestamp(),
	transactie xid8 NOT NULL DEFAULT pg_current_xact_id(),
	handeling text NOT NULL,
	partij uuid,
	doelbinding text NOT NULL,
	gebruiker name NOT NULL,
	rol name NOT NULL,
	subject text,
	applicatie text,
	verzoek text,
	CONSTRAINT inzagelog_doelbinding_niet_leeg CHECK (btrim(doelbinding) <> '')
) PARTITION BY RANGE (tijdstip);
CREATE TABLE inzagelog_standaard PARTITION OF inzagelog DEFAULT;
-- @END
-- Partitioned by month, the key and indexes each partition's own (as
-- wijzigingslog, 72; 78_bewaartermijnen.sql).
-- @UPDATE 0.1.0
-- 0.1.0's unpartitioned table becomes the partitioned one (as wijzigingslog, 72).
ALTER TABLE inzagelog RENAME TO inzagelog_0_1_0;
ALTER TABLE inzagelog_0_1_0 RENAME CONSTRAINT inzagelog_pkey TO inzagelog_0_1_0_pkey;
ALTER TABLE inzagelog_0_1_0 RENAME CONSTRAINT inzagelog_doelbinding_niet_leeg TO inzagelog_0_1_0_doelbinding_niet_leeg;
ALTER INDEX inzagelog_partij_idx RENAME TO inzagelog_0_1_0_partij_idx;
ALTER INDEX inzagelog_tijdstip_idx RENAME TO inzagelog_0_1_0_tijdstip_idx;
ALTER SEQUENCE inzagelog_id_seq RENAME TO inzagelog_0_1_0_id_seq;
CREATE TABLE inzagelog (
	id bigint GENERATED ALWAYS AS IDENTITY,
	tijdstip timestamptz NOT NULL DEFAULT clock_timestamp(),
	transactie xid8 NOT NULL DEFAULT pg_current_xact_id(),
	handeling text NOT NULL,
	partij uuid,
	doelbinding text NOT NULL,
	gebruiker name NOT NULL,
	rol name NOT NULL,
	subject text,
	applicatie text,
	verzoek text,
	CONSTRAINT inzagelog_doelbinding_niet_leeg CHECK (btrim(doelbinding) <> '')
) PARTITION BY RANGE (tijdstip);
CREATE TABLE inzagelog_standaard PARTITION OF inzagelog DEFAULT;
INSERT INTO inzagelog OVERRIDING SYSTEM VALUE SELECT * FROM inzagelog_0_1_0;
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('klantinteracties.inzagelog', 'id'),
	coalesce((SELECT max(id) FROM inzagelog_0_1_0), 0) + 1, false);
-- Out of the extension first: a dropped table stays in its list of
-- configuration tables otherwise.
ALTER EXTENSION klantinteracties DROP SEQUENCE inzagelog_0_1_0_id_seq;
ALTER EXTENSION klantinteracties DROP TABLE inzagelog_0_1_0;
DROP TABLE inzagelog_0_1_0;
-- @END
COMMENT ON TABLE inzagelog IS 'Access log (Logboek Dataverwerkingen): one row per partij shown by a logged lookup (klantbeeld, search by BSN), or one row without partij when it found none; who, when, which lookup and the purpose given. Readable with the beheer scope.';
COMMENT ON COLUMN inzagelog.id IS 'Volgnummer van de inzage.';
COMMENT ON COLUMN inzagelog.tijdstip IS 'Tijdstip van de inzage.';
COMMENT ON COLUMN inzagelog.transactie IS 'De transactie van de inzage.';
COMMENT ON COLUMN inzagelog.handeling IS 'De opvraging (verwerkingsactiviteit): de naam van de gelogde functie.';
COMMENT ON COLUMN inzagelog.partij IS 'De partij waarvan gegevens getoond werden; leeg als de opvraging niets vond.';
COMMENT ON COLUMN inzagelog.doelbinding IS 'Het opgegeven doel van de opvraging (doelbinding), verplicht.';
COMMENT ON COLUMN inzagelog.gebruiker IS 'De sessiegebruiker (bij PostgREST de authenticator).';
COMMENT ON COLUMN inzagelog.rol IS 'De handelende rol.';
COMMENT ON COLUMN inzagelog.subject IS 'Het subject (sub) van de JWT, wanneer PostgREST het verzoek deed.';
COMMENT ON COLUMN inzagelog.applicatie IS 'De applicatie (claim app, client_id of azp; anders application_name).';
COMMENT ON COLUMN inzagelog.verzoek IS 'De x-request-id van het HTTP-verzoek.';

-- Refuses a lookup without a purpose, or with one over 1000 characters
-- (issue 12 finding 8: 10 MB purposes made every later erasure slow),
-- before anything is read.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION doelbinding_vereist(doelbinding text) RETURNS text
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF doelbinding IS NULL OR btrim(doelbinding) = '' THEN
		RAISE EXCEPTION 'a purpose (doelbinding) is required'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'Lookups of personal data are logged with the purpose they serve.',
				  HINT = 'Pass doelbinding, for example "terugbelverzoek afhandelen".';
	END IF;
	IF char_length(btrim(doelbinding)) > 1000 THEN
		RAISE EXCEPTION 'the purpose (doelbinding) is too long'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('The purpose has %s characters; at most 1000 are allowed.', char_length(btrim(doelbinding))),
				  HINT = 'Name the purpose briefly; it is logged with every lookup.';
	END IF;
	RETURN btrim(doelbinding);
END
$$;
COMMENT ON FUNCTION doelbinding_vereist(text) IS 'The purpose (doelbinding) trimmed; refuses an empty or missing one, or one over 1000 characters, with 22023.';

-- A logged lookup needs a server that can write the access log: on a hot
-- standby (and in a READ ONLY transaction) it is refused with 25006 and a
-- hint, before the log would fail with a bare "cannot execute INSERT"; it
-- returns no data either way.  docs/operations.md, "Reads from replicas":
-- the reverse proxy sends POST /rpc/* to the primary.
-- Pure helper (no table access).
CREATE OR REPLACE FUNCTION inzage_schrijfbaar_vereist(handeling text) RETURNS void
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF pg_catalog.current_setting('transaction_read_only')::boolean THEN
		RAISE EXCEPTION 'logged lookup % cannot run %', handeling,
			CASE WHEN pg_catalog.pg_is_in_recovery() THEN 'on a standby' ELSE 'in a read-only transaction' END
			USING ERRCODE = 'read_only_sql_transaction',
				  DETAIL = 'Every lookup of personal data is recorded in the access log (inzagelog), which only the primary can write in a read-write transaction; unlogged, the lookup returns nothing.',
				  HINT = pg_catalog.format('Send POST /rpc/%s to the primary: route POST requests to the PostgREST instance connected with target_session_attrs=read-write (docs/operations.md).', handeling);
	END IF;
END
$$;
COMMENT ON FUNCTION inzage_schrijfbaar_vereist(text) IS 'Refuses a logged lookup (25006 read_only_sql_transaction, with a hint to send it to the primary) on a hot standby or in a read-only transaction, where the access log cannot be written.';

-- One row per partij shown, or one without partij when none was.
-- SECURITY DEFINER: callers cannot write the log otherwise; it records the
-- caller (wie()), so a caller can only log itself.  PL/pgSQL, so that
-- its statements are planned once per session and wie() is evaluated once
-- (the SQL version planned both at every call and, its subquery flattened,
-- evaluated wie() once per column: 6 of the 8 ms a logged lookup took).
-- Kind: internal (definer, owned by the installing superuser: sees every row), for eigenaar.
CREATE OR REPLACE FUNCTION inzage_vastleggen(handeling text, partijen uuid[], doelbinding text) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	w jsonb;
BEGIN
	PERFORM klantinteracties.inzage_schrijfbaar_vereist(inzage_vastleggen.handeling);
	w := klantinteracties.wie();
	INSERT INTO klantinteracties.inzagelog (handeling, partij, doelbinding, gebruiker, rol, subject, applicatie, verzoek)
	SELECT inzage_vastleggen.handeling, p.partij, klantinteracties.doelbinding_vereist(inzage_vastleggen.doelbinding),
		   w ->> 'gebruiker', w ->> 'rol', w ->> 'subject', w ->> 'applicatie', w ->> 'verzoek'
	  FROM (SELECT DISTINCT u AS partij FROM pg_catalog.unnest(coalesce(inzage_vastleggen.partijen, '{}')) AS u
			 UNION ALL SELECT NULL WHERE coalesce(pg_catalog.cardinality(inzage_vastleggen.partijen), 0) = 0) AS p;
END
$$;
REVOKE ALL ON FUNCTION inzage_vastleggen(text, uuid[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inzage_vastleggen(text, uuid[], text) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION inzage_vastleggen(text, uuid[], text) IS 'Logs a lookup in inzagelog: one row per partij shown (none found: one row without partij), with who acted (wie()) and the purpose, which is required (22023). Called by the logged lookups.';

-- Beheer reads the access log (the citizen its own rows through
-- mijn_inzage, 76_beveiliging_api.sql); inzage_vastleggen writes it.
ALTER TABLE inzagelog ENABLE ROW LEVEL SECURITY;
ALTER TABLE inzagelog FORCE ROW LEVEL SECURITY;
CREATE POLICY beheer ON inzagelog FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
GRANT SELECT ON inzagelog TO klantinteracties_beheer;
SELECT pg_catalog.pg_extension_config_dump('inzagelog', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('klantinteracties.inzagelog', 'id')::regclass, '');
