-- Retention (bewaartermijnen) and the partitions of the logs.
--
-- The audit trail (wijzigingslog, 72) and the access log (inzagelog, 73)
-- are partitioned by month on tijdstip (UTC months): a DEFAULT partition,
-- made at installation, catches what no month holds; logpartities_onderhouden()
-- makes the partitions of the coming months and moves rows that landed in
-- the default partition into their months.  Partitions it makes are no
-- members of the extension: pg_dump dumps each as a table of its own,
-- attached to its parent, with its rows (test/dump_restore.sh).  Every row
-- trigger of the parents (the append-only guard) is cloned onto every
-- partition, and nobody but the superuser who installed the extension has
-- any privilege on a partition, so there is no DML path around the guard.
--
-- bewaartermijn holds the DBA's retention periods per kind of record;
-- vernietig_verlopen() destroys what has passed its period:
--   * klantcontacten (with their betrokkenen, onderwerpobjecten, bijlagen,
--     actor links and closed interne taken) that took place before the
--     limit, unless an interne taak of theirs is still open;
--   * closed interne taken handled (afgehandeld_op) before the limit;
--   * rows of the audit trail and the access log written before the limit:
--     whole months by dropping their partitions, what is left in the
--     default partition by DELETE.
-- Like an erasure (75), it records itself (vernietigingslog), its deletes
-- are audited without values, the earlier audit rows of what it destroyed
-- lose their values, and the outbox announces each destroyed klantcontact
-- and interne taak as a destroy event marked "vernietigd".  A kind without a
-- row in bewaartermijn is kept: nothing is destroyed until the DBA sets a
-- period (docs/operations.md, "Retention").

-- @NEW 0.2.0
CREATE TABLE bewaartermijn (
	soort text NOT NULL,
	termijn interval NOT NULL,
	bron text NOT NULL DEFAULT '',
	CONSTRAINT bewaartermijn_pkey PRIMARY KEY (soort),
	CONSTRAINT bewaartermijn_soort CHECK (soort IN ('klantcontact', 'interne_taak', 'wijzigingslog', 'inzagelog')),
	CONSTRAINT bewaartermijn_termijn_positief CHECK (termijn >= interval '1 day')
);
-- @END
COMMENT ON TABLE bewaartermijn IS 'Retention periods set by the DBA, one per kind of record (klantcontact, interne_taak, wijzigingslog, inzagelog); vernietig_verlopen destroys what is older. A kind without a row is kept. Written by the superuser only, readable with the beheer scope.';
COMMENT ON COLUMN bewaartermijn.soort IS 'De soort gegevens: klantcontact (met betrokkenen, onderwerpobjecten, bijlagen), interne_taak (afgehandeld), wijzigingslog, inzagelog.';
COMMENT ON COLUMN bewaartermijn.termijn IS 'De bewaartermijn, gemeten vanaf plaatsgevonden_op (klantcontact), afgehandeld_op (interne taak) of tijdstip (logs); ten minste een dag.';
COMMENT ON COLUMN bewaartermijn.bron IS 'De grondslag van de termijn, bijvoorbeeld het resultaat uit de Selectielijst gemeenten en intergemeentelijke organen 2020 of een besluit van de gemeente.';
ALTER TABLE bewaartermijn ENABLE ROW LEVEL SECURITY;
ALTER TABLE bewaartermijn FORCE ROW LEVEL SECURITY;
CREATE POLICY beheer ON bewaartermijn FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
GRANT SELECT ON bewaartermijn TO klantinteracties_beheer;

-- The logs' own tables: dumped with their rows (the default partitions are
-- members; the monthly ones are not, and pg_dump dumps them as user
-- tables); read with the beheer scope.
COMMENT ON TABLE wijzigingslog_standaard IS 'Default partition of wijzigingslog: the rows of a month that has no partition yet, until logpartities_onderhouden moves them into one.';
COMMENT ON TABLE inzagelog_standaard IS 'Default partition of inzagelog: the rows of a month that has no partition yet, until logpartities_onderhouden moves them into one.';
SELECT pg_catalog.pg_extension_config_dump('klantinteracties.bewaartermijn', '');
SELECT pg_catalog.pg_extension_config_dump('klantinteracties.wijzigingslog_standaard', '');
SELECT pg_catalog.pg_extension_config_dump('klantinteracties.inzagelog_standaard', '');
SELECT pg_catalog.pg_extension_config_dump('klantinteracties.vernietigingslog', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('klantinteracties.vernietigingslog', 'id')::regclass, '');
ALTER TABLE vernietigingslog ENABLE ROW LEVEL SECURITY;
ALTER TABLE vernietigingslog FORCE ROW LEVEL SECURITY;
CREATE POLICY beheer ON vernietigingslog FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
GRANT SELECT ON vernietigingslog TO klantinteracties_beheer;

-- The month partition of a log table holding a moment: its name and bounds.
-- Kind: pure (invoker, executable by PUBLIC); UTC months whatever the
-- caller's TimeZone.
CREATE OR REPLACE FUNCTION logpartitie(tabel name, maand timestamptz, OUT naam name, OUT van timestamptz, OUT tot timestamptz)
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT (tabel || '_p' || pg_catalog.to_char(m, 'YYYY_MM'))::name, m AT TIME ZONE 'UTC', (m + interval '1 month') AT TIME ZONE 'UTC'
  FROM (SELECT pg_catalog.date_trunc('month', maand AT TIME ZONE 'UTC') AS m) AS x
$$;
COMMENT ON FUNCTION logpartitie(name, timestamptz) IS 'The month partition (UTC) of a log table (wijzigingslog, inzagelog) that holds a moment: its name <tabel>_pYYYY_MM and its bounds.';

-- The key and the indexes of a partition of a log table: each partition's
-- own (72 says why), one definition for the default partition and every
-- month.  The lookup paths: wijzigingslog by (tabel, sleutel), by partij
-- (GIN on partijen, erasure) and by time; inzagelog by partij and time
-- (mijn_inzage) and by time.
-- Kind: internal (definer, owned by the installing superuser, who owns the
-- partitions); EXECUTE revoked from PUBLIC.
CREATE OR REPLACE FUNCTION logpartitie_inrichten(tabel name, partitie name) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	definitie text;
	kolom record;
BEGIN
	IF tabel NOT IN ('wijzigingslog', 'inzagelog') THEN
		RAISE EXCEPTION 'invalid log table: "%"', tabel
			USING ERRCODE = 'invalid_parameter_value', DETAIL = 'The partitioned log tables are wijzigingslog and inzagelog.';
	END IF;
	EXECUTE pg_catalog.format('ALTER TABLE klantinteracties.%I ADD CONSTRAINT %I PRIMARY KEY (id)', partitie, partitie || '_pkey');
	-- Its columns are the log table's: so are their descriptions.
	FOR kolom IN SELECT a.attname, pg_catalog.col_description(a.attrelid, a.attnum) AS omschrijving
				   FROM pg_catalog.pg_attribute a
				  WHERE a.attrelid = pg_catalog.format('klantinteracties.%I', tabel)::regclass AND a.attnum > 0 AND NOT a.attisdropped LOOP
		EXECUTE pg_catalog.format('COMMENT ON COLUMN klantinteracties.%I.%I IS %L', partitie, kolom.attname, kolom.omschrijving);
	END LOOP;
	FOREACH definitie IN ARRAY CASE tabel
		WHEN 'wijzigingslog' THEN ARRAY['%I_tabel_sleutel_idx ON klantinteracties.%I (tabel, sleutel)',
									  '%I_partijen_idx ON klantinteracties.%I USING gin (partijen)',
									  '%I_tijdstip_idx ON klantinteracties.%I (tijdstip)']
		ELSE ARRAY['%I_partij_idx ON klantinteracties.%I (partij, tijdstip)',
				   '%I_tijdstip_idx ON klantinteracties.%I (tijdstip)'] END
	LOOP
		EXECUTE pg_catalog.format('CREATE INDEX ' || definitie, partitie, partitie);
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION logpartitie_inrichten(name, name) FROM PUBLIC;
COMMENT ON FUNCTION logpartitie_inrichten(name, name) IS 'Gives a partition of a log table its primary key (id), the descriptions of its columns (the log table''s) and the indexes of its lookup paths: wijzigingslog (tabel, sleutel), GIN (partijen), (tijdstip); inzagelog (partij, tijdstip), (tijdstip). For the default partitions and logpartities_onderhouden.';

-- A partition is read through its partitioned table, whose policies then
-- apply; read directly it has no privileges for anyone but its owner, and
-- row-level security that shows nothing, like every table of the
-- extension (test beveiliging_catalogus).
-- Kind: internal (definer, owned by the installing superuser, who owns the
-- partitions); EXECUTE revoked from PUBLIC.
CREATE OR REPLACE FUNCTION logpartitie_afschermen(partitie name) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	EXECUTE pg_catalog.format('ALTER TABLE klantinteracties.%I ENABLE ROW LEVEL SECURITY', partitie);
	EXECUTE pg_catalog.format('ALTER TABLE klantinteracties.%I FORCE ROW LEVEL SECURITY', partitie);
	EXECUTE pg_catalog.format('CREATE POLICY alleen_via_de_logtabel ON klantinteracties.%I FOR SELECT TO klantinteracties_beheer '
		'USING ((SELECT klantinteracties.heeft_scope(''beheer'')) AND false)', partitie);
END
$$;
REVOKE ALL ON FUNCTION logpartitie_afschermen(name) FROM PUBLIC;
COMMENT ON FUNCTION logpartitie_afschermen(name) IS 'Row-level security, enabled and forced, with a policy that shows nothing, on a partition of a log table: it is read through its partitioned table only. For the default partitions and logpartities_onderhouden.';
SELECT klantinteracties.logpartitie_afschermen('wijzigingslog_standaard');
SELECT klantinteracties.logpartitie_afschermen('inzagelog_standaard');

-- @NEW 0.2.0
SELECT klantinteracties.logpartitie_inrichten('wijzigingslog', 'wijzigingslog_standaard');
SELECT klantinteracties.logpartitie_inrichten('inzagelog', 'inzagelog_standaard');
-- @END

-- Kind: internal (definer, owned by the installing superuser, who owns the
-- log tables and their partitions); EXECUTE revoked from PUBLIC, for the
-- DBA and the scheduler.
CREATE OR REPLACE FUNCTION logpartities_onderhouden(vooruit integer DEFAULT 2) RETURNS TABLE (stap text)
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET TimeZone = 'UTC'
	SET DateStyle = 'ISO, YMD'
	AS $$
DECLARE
	tabel name;
	standaard regclass;
	p record;
	maand timestamptz;
	n bigint;
BEGIN
	IF vooruit IS NULL OR vooruit < 0 OR vooruit > 24 THEN
		RAISE EXCEPTION 'invalid number of months ahead: %', vooruit
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'logpartities_onderhouden makes the partitions of this month and of 0 to 24 months ahead.';
	END IF;
	FOREACH tabel IN ARRAY ARRAY['wijzigingslog', 'inzagelog']::name[] LOOP
		standaard := pg_catalog.format('klantinteracties.%I', tabel || '_standaard')::regclass;
		-- Rows in the default partition: detach it (so that their months
		-- can be made), make their months and those ahead, move the rows,
		-- attach it again.
		EXECUTE pg_catalog.format('SELECT count(*) FROM %s', standaard) INTO n;
		IF n > 0 THEN
			EXECUTE pg_catalog.format('ALTER TABLE klantinteracties.%I DETACH PARTITION %s', tabel, standaard);
		END IF;
		FOR maand IN EXECUTE pg_catalog.format(
				'SELECT pg_catalog.date_trunc(''month'', tijdstip AT TIME ZONE ''UTC'') AT TIME ZONE ''UTC'' FROM %s'
				' UNION SELECT pg_catalog.now() + pg_catalog.make_interval(months => i) FROM pg_catalog.generate_series(0, $1) AS i',
				standaard) USING vooruit LOOP
			p := klantinteracties.logpartitie(tabel, maand);
			IF pg_catalog.to_regclass(pg_catalog.format('klantinteracties.%I', p.naam)) IS NULL THEN
				EXECUTE pg_catalog.format('CREATE TABLE klantinteracties.%I PARTITION OF klantinteracties.%I FOR VALUES FROM (%L) TO (%L)',
					p.naam, tabel, p.van, p.tot);
				PERFORM klantinteracties.logpartitie_inrichten(tabel, p.naam);
				PERFORM klantinteracties.logpartitie_afschermen(p.naam);
				stap := pg_catalog.format('%s made', p.naam);
				RETURN NEXT;
			END IF;
		END LOOP;
		IF n > 0 THEN
			EXECUTE pg_catalog.format('INSERT INTO klantinteracties.%I OVERRIDING SYSTEM VALUE SELECT * FROM %s', tabel, standaard);
			EXECUTE pg_catalog.format('TRUNCATE %s', standaard);
			EXECUTE pg_catalog.format('ALTER TABLE klantinteracties.%I ATTACH PARTITION %s DEFAULT', tabel, standaard);
			stap := pg_catalog.format('%s: %s rows moved from %s into their months', tabel, n, standaard);
			RETURN NEXT;
		END IF;
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION logpartities_onderhouden(integer) FROM PUBLIC;
COMMENT ON FUNCTION logpartities_onderhouden(integer) IS 'Makes the month partitions (UTC) of wijzigingslog and inzagelog for this month and `vooruit` months ahead (default 2), and moves rows that landed in a default partition into partitions of their months. Returns the steps taken. For the DBA and the scheduler (pg_cron: docs/operations.md); 22023 for vooruit outside 0..24.';

-- Kind: internal (definer, owned by the installing superuser: it must see
-- and delete every row, drop partitions, and clean the audit trail);
-- EXECUTE revoked from PUBLIC and granted to beheer, which may run it but
-- not change the periods.
CREATE OR REPLACE FUNCTION vernietig_verlopen(peildatum timestamptz DEFAULT now()) RETURNS jsonb
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET TimeZone = 'UTC'
	SET DateStyle = 'ISO, YMD'
	AS $$
DECLARE
	w jsonb := klantinteracties.wie();
	tx xid8;
	log_id bigint;
	grens timestamptz;
	tabel name;
	p record;
	n bigint;
	verslag jsonb := '{}';
	partities text[];
BEGIN
	IF NOT klantinteracties.heeft_scope('beheer') THEN
		RAISE EXCEPTION 'vernietig_verlopen requires the beheer scope' USING ERRCODE = 'insufficient_privilege';
	END IF;
	-- A standby (or a read-only transaction) cannot destroy: refused
	-- before anything is read, with the same message on both.
	IF pg_catalog.current_setting('transaction_read_only')::boolean THEN
		RAISE EXCEPTION 'vernietig_verlopen needs a read-write transaction on the primary'
			USING ERRCODE = 'read_only_sql_transaction',
				  HINT = 'Run it on the primary (pg_cron runs it there: cron.database_name on the primary).';
	END IF;
	tx := pg_catalog.pg_current_xact_id();
	IF peildatum IS NULL OR peildatum > pg_catalog.now() THEN
		RAISE EXCEPTION 'invalid peildatum: %', peildatum
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'Retention is measured against a moment that has passed: now() or earlier.';
	END IF;
	-- From here on the audit trigger records without values and the audit
	-- trail may be cleaned (vergeten_bezig()).
	INSERT INTO klantinteracties.vernietigingslog (peildatum, gebruiker, rol, applicatie)
	VALUES (peildatum, w ->> 'gebruiker', w ->> 'rol', w ->> 'applicatie')
	RETURNING id INTO log_id;

	-- Klantcontacten, with what hangs under them (ON DELETE CASCADE),
	-- unless an interne taak of theirs is still open.
	grens := peildatum - (SELECT b.termijn FROM klantinteracties.bewaartermijn b WHERE b.soort = 'klantcontact');
	IF grens IS NOT NULL THEN
		DELETE FROM klantinteracties.klantcontact k
		 WHERE k.plaatsgevonden_op < grens
		   AND NOT EXISTS (SELECT FROM klantinteracties.interne_taak t
							WHERE t.aanleidinggevend_klantcontact = k.uuid AND t.status <> 'verwerkt');
		GET DIAGNOSTICS n = ROW_COUNT;
		verslag := verslag || pg_catalog.jsonb_build_object('klantcontact', pg_catalog.jsonb_build_object('grens', grens, 'vernietigd', n));
	END IF;
	grens := peildatum - (SELECT b.termijn FROM klantinteracties.bewaartermijn b WHERE b.soort = 'interne_taak');
	IF grens IS NOT NULL THEN
		DELETE FROM klantinteracties.interne_taak t WHERE t.status = 'verwerkt' AND t.afgehandeld_op < grens;
		GET DIAGNOSTICS n = ROW_COUNT;
		verslag := verslag || pg_catalog.jsonb_build_object('interne_taak', pg_catalog.jsonb_build_object('grens', grens, 'vernietigd', n));
	END IF;

	-- What this run deleted (its audit rows, without values) loses its
	-- earlier values in the audit trail too.
	UPDATE klantinteracties.wijzigingslog l SET oud = NULL, nieuw = NULL, vergeten = true
	  FROM (SELECT DISTINCT d.tabel, d.sleutel FROM klantinteracties.wijzigingslog d
			 WHERE d.transactie = tx AND d.bewerking = 'DELETE') AS d
	 WHERE l.tabel = d.tabel AND l.sleutel = d.sleutel AND l.transactie <> tx AND NOT l.vergeten;
	GET DIAGNOSTICS n = ROW_COUNT;
	verslag := verslag || pg_catalog.jsonb_build_object('wijzigingslog_zonder_waarden', n);
	-- Their destroy events say why.
	UPDATE klantinteracties.gebeurtenis g
	   SET cloudevent = pg_catalog.jsonb_set(g.cloudevent, '{data,kenmerken}',
			coalesce(g.cloudevent #> '{data,kenmerken}', '{}') || '{"vernietigd": true}')
	 WHERE g.transactie = tx AND g.actie = 'destroy';

	-- The logs: whole months by dropping their partitions, the rest of the
	-- default partition by DELETE.
	FOREACH tabel IN ARRAY ARRAY['wijzigingslog', 'inzagelog']::name[] LOOP
		grens := peildatum - (SELECT b.termijn FROM klantinteracties.bewaartermijn b WHERE b.soort = tabel);
		CONTINUE WHEN grens IS NULL;
		partities := '{}';
		FOR p IN SELECT c.oid::regclass AS partitie, c.relname AS naam,
						(pg_catalog.regexp_match(pg_catalog.pg_get_expr(c.relpartbound, c.oid), 'TO [(]''([^'']+)''[)]'))[1]::timestamptz AS tot
				   FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
				  WHERE i.inhparent = pg_catalog.format('klantinteracties.%I', tabel)::regclass
					AND pg_catalog.pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
				  ORDER BY 2 LOOP
			IF p.tot <= grens THEN
				EXECUTE pg_catalog.format('DROP TABLE %s', p.partitie);
				partities := partities || p.naam::text;
			END IF;
		END LOOP;
		EXECUTE pg_catalog.format('DELETE FROM klantinteracties.%I WHERE tijdstip < $1', tabel || '_standaard') USING grens;
		GET DIAGNOSTICS n = ROW_COUNT;
		verslag := verslag || pg_catalog.jsonb_build_object(tabel, pg_catalog.jsonb_build_object(
			'grens', grens, 'partities_verwijderd', pg_catalog.to_jsonb(partities), 'rijen_verwijderd', n));
	END LOOP;

	UPDATE klantinteracties.vernietigingslog v SET voltooid_op = pg_catalog.clock_timestamp(), rapport = verslag
	 WHERE v.id = log_id;
	RETURN verslag;
END
$$;
REVOKE ALL ON FUNCTION vernietig_verlopen(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vernietig_verlopen(timestamptz) TO klantinteracties_beheer;
COMMENT ON FUNCTION vernietig_verlopen(timestamptz) IS 'Retention (needs the beheer scope): destroys what has passed its bewaartermijn at peildatum (default now()): klantcontacten (with betrokkenen, onderwerpobjecten, bijlagen) without open interne taken, closed interne taken, audit trail and access log rows (whole month partitions dropped). Its deletes are audited without values, the earlier audit rows of what it destroyed lose their values, destroy events are marked vernietigd, and vernietigingslog records the run with the report it returns. 42501 without beheer, 25006 on a standby or in a read-only transaction, 22023 for a peildatum in the future.';
