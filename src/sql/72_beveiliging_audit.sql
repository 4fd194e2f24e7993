-- Security, part 3: the audit trail.  Every INSERT, UPDATE and DELETE on
-- every registry table is recorded in wijzigingslog: when, in which
-- transaction, who (wie()), which row, and what changed (the new row of an
-- insert, the old row of a delete, the changed columns of an update, old
-- and new).  The roles that change the registry have no privilege on the
-- log; it is written by a SECURITY DEFINER trigger, and rows can be changed
-- only by vergeet_partij (erasure, AVG art. 17), which leaves a record of
-- itself in vergeetlog.  Triggers on every table are created at the end of
-- the install script (79), when every table exists.

-- @ONCE
CREATE TABLE wijzigingslog (
	id bigint GENERATED ALWAYS AS IDENTITY,
	tijdstip timestamptz NOT NULL DEFAULT now(),
	transactie xid8 NOT NULL DEFAULT pg_current_xact_id(),
	tabel name NOT NULL,
	bewerking text NOT NULL,
	sleutel text NOT NULL,
	partijen uuid[] NOT NULL DEFAULT '{}',
	bsn boolean NOT NULL DEFAULT false,
	vertrouwelijk boolean NOT NULL DEFAULT false,
	oud jsonb,
	nieuw jsonb,
	gebruiker name NOT NULL,
	rol name NOT NULL,
	subject text,
	applicatie text,
	verzoek text,
	vergeten boolean NOT NULL DEFAULT false,
	geheim boolean NOT NULL DEFAULT false,
	CONSTRAINT wijzigingslog_bewerking CHECK (bewerking IN ('INSERT', 'UPDATE', 'DELETE'))
) PARTITION BY RANGE (tijdstip);
CREATE TABLE wijzigingslog_standaard PARTITION OF wijzigingslog DEFAULT;
-- @END
-- Partitioned by month (78_bewaartermijnen.sql).  The key and the indexes
-- are each partition's own, made by logpartitie_inrichten (78) for the
-- default partition and for every month: an index of the partitioned
-- table, a member of the extension that pg_dump leaves out, would be
-- dumped again with each partition that is no member, twice on restore.
-- @UPDATE 0.1.0
-- 0.1.0's unpartitioned table becomes the partitioned one, its rows (ids
-- kept) in the default partition until logpartities_onderhouden() moves
-- them into months (docs/operations.md, "Retention").  0.1.0's columns;
-- the next region adds geheim, last, as to every 0.1.0 database.
ALTER TABLE wijzigingslog RENAME TO wijzigingslog_0_1_0;
ALTER TABLE wijzigingslog_0_1_0 RENAME CONSTRAINT wijzigingslog_pkey TO wijzigingslog_0_1_0_pkey;
ALTER TABLE wijzigingslog_0_1_0 RENAME CONSTRAINT wijzigingslog_bewerking TO wijzigingslog_0_1_0_bewerking;
ALTER INDEX wijzigingslog_tabel_sleutel_idx RENAME TO wijzigingslog_0_1_0_tabel_sleutel_idx;
ALTER INDEX wijzigingslog_partijen_idx RENAME TO wijzigingslog_0_1_0_partijen_idx;
ALTER INDEX wijzigingslog_tijdstip_idx RENAME TO wijzigingslog_0_1_0_tijdstip_idx;
ALTER SEQUENCE wijzigingslog_id_seq RENAME TO wijzigingslog_0_1_0_id_seq;
CREATE TABLE wijzigingslog (
	id bigint GENERATED ALWAYS AS IDENTITY,
	tijdstip timestamptz NOT NULL DEFAULT now(),
	transactie xid8 NOT NULL DEFAULT pg_current_xact_id(),
	tabel name NOT NULL,
	bewerking text NOT NULL,
	sleutel text NOT NULL,
	partijen uuid[] NOT NULL DEFAULT '{}',
	bsn boolean NOT NULL DEFAULT false,
	vertrouwelijk boolean NOT NULL DEFAULT false,
	oud jsonb,
	nieuw jsonb,
	gebruiker name NOT NULL,
	rol name NOT NULL,
	subject text,
	applicatie text,
	verzoek text,
	vergeten boolean NOT NULL DEFAULT false,
	CONSTRAINT wijzigingslog_bewerking CHECK (bewerking IN ('INSERT', 'UPDATE', 'DELETE'))
) PARTITION BY RANGE (tijdstip);
CREATE TABLE wijzigingslog_standaard PARTITION OF wijzigingslog DEFAULT;
INSERT INTO wijzigingslog OVERRIDING SYSTEM VALUE SELECT * FROM wijzigingslog_0_1_0;
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('klantinteracties.wijzigingslog', 'id'),
	coalesce((SELECT max(id) FROM wijzigingslog_0_1_0), 0) + 1, false);
-- Out of the extension first: a dropped table stays in its list of
-- configuration tables otherwise.
ALTER EXTENSION klantinteracties DROP SEQUENCE wijzigingslog_0_1_0_id_seq;
ALTER EXTENSION klantinteracties DROP TABLE wijzigingslog_0_1_0;
DROP TABLE wijzigingslog_0_1_0;
-- @END
-- @UPDATE 0.1.0
ALTER TABLE wijzigingslog ADD COLUMN geheim boolean NOT NULL DEFAULT false;
-- The flags of the rows 0.1.0 stored and the new geheim of its audit rows
-- (71), as the triggers set them on a fresh install.  The update leaves
-- the values of existing columns alone (test/upgrade.sh), so 0.1.0's audit
-- rows of onderwerpobjecten, bijlagen and interne taken under vertrouwelijke
-- klantcontacten keep vertrouwelijk = false (docs/security.md, section 7).
SELECT klantinteracties.vlaggen_herstellen(false);
-- @END
COMMENT ON TABLE wijzigingslog IS 'Audit trail: one row per inserted, updated or deleted row of a registry table, written by the trigger wijziging_vastleggen; the changing roles cannot alter it. Readable with the beheer scope (rows about BSNs also need bsn, rows about secret partijen or vertrouwelijke klantcontacten also geheim).';
COMMENT ON COLUMN wijzigingslog.id IS 'Volgnummer van de wijziging.';
COMMENT ON COLUMN wijzigingslog.tijdstip IS 'Tijdstip van de transactie die de wijziging deed.';
COMMENT ON COLUMN wijzigingslog.transactie IS 'De transactie (pg_current_xact_id) die de wijziging deed; groepeert de wijzigingen van één verzoek.';
COMMENT ON COLUMN wijzigingslog.tabel IS 'De gewijzigde tabel.';
COMMENT ON COLUMN wijzigingslog.bewerking IS 'INSERT, UPDATE of DELETE.';
COMMENT ON COLUMN wijzigingslog.sleutel IS 'De primaire sleutel van de gewijzigde rij als tekst (kolommen gescheiden door komma''s).';
COMMENT ON COLUMN wijzigingslog.partijen IS 'De partijen waarvan de rij persoonsgegevens bevat (partij, haar details, identificatoren, adressen, rekeningnummers, betrokkenen); hierop werkt het vergeten van een partij.';
COMMENT ON COLUMN wijzigingslog.bsn IS 'De rij bevat een BSN (een BSN-identificator, of een BSN in vrije tekst of een vrije identificator): alleen leesbaar met de scope bsn.';
COMMENT ON COLUMN wijzigingslog.vertrouwelijk IS 'De rij is een vertrouwelijk klantcontact of hangt eronder (onderwerpobject, bijlage, interne taak): alleen leesbaar met de scope geheim.';
COMMENT ON COLUMN wijzigingslog.geheim IS 'De rij gaat over een partij met geheimhouding (of hing eronder) toen ze geschreven werd, of die partij vroeg later geheimhouding: alleen leesbaar met de scope geheim, ook nadat de partij verwijderd is.';
COMMENT ON COLUMN wijzigingslog.oud IS 'Oude waarden: de hele rij bij DELETE, de gewijzigde kolommen bij UPDATE; leeg na vergeten.';
COMMENT ON COLUMN wijzigingslog.nieuw IS 'Nieuwe waarden: de hele rij bij INSERT, de gewijzigde kolommen bij UPDATE; leeg na vergeten.';
COMMENT ON COLUMN wijzigingslog.gebruiker IS 'De sessiegebruiker (bij PostgREST de authenticator).';
COMMENT ON COLUMN wijzigingslog.rol IS 'De handelende rol (handelende_rol(): de rol van SET ROLE of van de JWT).';
COMMENT ON COLUMN wijzigingslog.subject IS 'Het subject (sub) van de JWT, wanneer PostgREST het verzoek deed.';
COMMENT ON COLUMN wijzigingslog.applicatie IS 'De applicatie: de claim app (of client_id, azp) van de JWT, anders application_name van de sessie.';
COMMENT ON COLUMN wijzigingslog.verzoek IS 'De x-request-id van het HTTP-verzoek, wanneer PostgREST het verzoek deed.';
COMMENT ON COLUMN wijzigingslog.vergeten IS 'De rij is geschreven of geschoond door vergeet_partij: zonder waarden.';

-- The erasures: who erased which partij when, why, and what was removed.
-- The row of a running erasure (voltooid_op empty, this transaction) is
-- what lets the audit trail be changed; nobody but vergeet_partij writes it.
-- @ONCE
CREATE TABLE vergeetlog (
	id bigint GENERATED ALWAYS AS IDENTITY,
	partij uuid NOT NULL,
	transactie xid8 NOT NULL DEFAULT pg_current_xact_id(),
	gestart_op timestamptz NOT NULL DEFAULT clock_timestamp(),
	voltooid_op timestamptz,
	reden text NOT NULL DEFAULT '',
	gebruiker name NOT NULL,
	rol name NOT NULL,
	subject text,
	applicatie text,
	verzoek text,
	rapport jsonb,
	CONSTRAINT vergeetlog_pkey PRIMARY KEY (id)
);
CREATE INDEX vergeetlog_transactie_idx ON vergeetlog (transactie);
-- @END
COMMENT ON TABLE vergeetlog IS 'Erasures (AVG art. 17) by vergeet_partij: which partij uuid, when, by whom, why, and the report of what was removed; holds no personal data. Readable with the beheer scope.';
COMMENT ON COLUMN vergeetlog.id IS 'Volgnummer van het vergeten.';
COMMENT ON COLUMN vergeetlog.partij IS 'De uuid van de vergeten partij (verwijst nergens meer naar).';
COMMENT ON COLUMN vergeetlog.transactie IS 'De transactie waarin vergeten werd; zolang voltooid_op leeg is, mag alleen die transactie het auditspoor schonen.';
COMMENT ON COLUMN vergeetlog.gestart_op IS 'Begin van het vergeten.';
COMMENT ON COLUMN vergeetlog.voltooid_op IS 'Einde van het vergeten.';
COMMENT ON COLUMN vergeetlog.reden IS 'De opgegeven reden of grondslag (vrije tekst, zonder persoonsgegevens).';
COMMENT ON COLUMN vergeetlog.gebruiker IS 'De sessiegebruiker die vergat.';
COMMENT ON COLUMN vergeetlog.rol IS 'De handelende rol die vergat.';
COMMENT ON COLUMN vergeetlog.subject IS 'Het subject (sub) van de JWT, wanneer PostgREST het verzoek deed.';
COMMENT ON COLUMN vergeetlog.applicatie IS 'De applicatie (claim app, client_id of azp; anders application_name).';
COMMENT ON COLUMN vergeetlog.verzoek IS 'De x-request-id van het HTTP-verzoek.';
COMMENT ON COLUMN vergeetlog.rapport IS 'Wat vergeet_partij verwijderde en anonimiseerde, per tabel geteld.';

-- The retention runs (vernietig_verlopen, 78_bewaartermijnen.sql): when,
-- by whom, up to which date, and what was destroyed.  The row of a running
-- one (voltooid_op empty, this transaction) lets the audit trail be
-- changed, as an erasure's does.
-- @NEW 0.2.0
CREATE TABLE vernietigingslog (
	id bigint GENERATED ALWAYS AS IDENTITY,
	transactie xid8 NOT NULL DEFAULT pg_current_xact_id(),
	gestart_op timestamptz NOT NULL DEFAULT clock_timestamp(),
	voltooid_op timestamptz,
	peildatum timestamptz NOT NULL,
	gebruiker name NOT NULL,
	rol name NOT NULL,
	applicatie text,
	rapport jsonb,
	CONSTRAINT vernietigingslog_pkey PRIMARY KEY (id)
);
CREATE INDEX vernietigingslog_transactie_idx ON vernietigingslog (transactie);
-- @END
COMMENT ON TABLE vernietigingslog IS 'Retention runs (vernietig_verlopen): when, by whom, up to which peildatum, and the report of what passed its bewaartermijn and was destroyed; holds no personal data. Readable with the beheer scope.';
COMMENT ON COLUMN vernietigingslog.id IS 'Volgnummer van de vernietiging.';
COMMENT ON COLUMN vernietigingslog.transactie IS 'De transactie waarin vernietigd werd; zolang voltooid_op leeg is, mag alleen die transactie het auditspoor schonen.';
COMMENT ON COLUMN vernietigingslog.gestart_op IS 'Begin van de vernietiging.';
COMMENT ON COLUMN vernietigingslog.voltooid_op IS 'Einde van de vernietiging.';
COMMENT ON COLUMN vernietigingslog.peildatum IS 'Het moment waartegen de bewaartermijnen gemeten werden.';
COMMENT ON COLUMN vernietigingslog.gebruiker IS 'De sessiegebruiker die vernietigde (bij pg_cron de eigenaar van de taak).';
COMMENT ON COLUMN vernietigingslog.rol IS 'De handelende rol.';
COMMENT ON COLUMN vernietigingslog.applicatie IS 'De applicatie (application_name, bij pg_cron "pg_cron").';
COMMENT ON COLUMN vernietigingslog.rapport IS 'Wat vernietigd werd: per soort de grens en het aantal, de verwijderde partities.';

-- True inside vergeet_partij: its transaction has a running erasure.
-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION vergeten_bezig() RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT EXISTS (SELECT FROM klantinteracties.vergeetlog v
				WHERE v.transactie = pg_catalog.pg_current_xact_id() AND v.voltooid_op IS NULL)
	OR EXISTS (SELECT FROM klantinteracties.vernietigingslog v
				WHERE v.transactie = pg_catalog.pg_current_xact_id() AND v.voltooid_op IS NULL)
$$;
REVOKE ALL ON FUNCTION vergeten_bezig() FROM PUBLIC;
COMMENT ON FUNCTION vergeten_bezig() IS 'True when the current transaction is erasing a partij (vergeet_partij is running) or destroying what passed its bewaartermijn (vernietig_verlopen): then the audit trail records changes without values and may be cleaned.';

-- The partij a betrokkene was: the one lookup wijziging_partijen needs
-- (for a digitaal adres a betrokkene gave), a function of its own so that
-- wijziging_partijen has no sub-select and is inlined.
-- Kind: helper of the audit trigger (invoker; runs inside it, as the installing superuser).
CREATE OR REPLACE FUNCTION betrokkene_partij(betrokkene uuid) RETURNS uuid
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT b.was_partij FROM klantinteracties.betrokkene b WHERE b.uuid = betrokkene
$$;
REVOKE ALL ON FUNCTION betrokkene_partij(uuid) FROM PUBLIC;
COMMENT ON FUNCTION betrokkene_partij(uuid) IS 'The partij a betrokkene was (was_partij), or NULL; for the audit trail''s partijen of a digitaal adres a betrokkene gave.';

-- The partijen whose personal data a row holds, for erasure and for the
-- geheim rule on reading the log.  Inlined into the audit trigger's query
-- (no SET clause, no sub-select: every name qualified), where it costs
-- next to nothing per row; as a called SQL function it took some 50 µs
-- per row of a bulk load.
-- Kind: helper of the audit trigger (invoker; runs inside it, as the installing superuser).
CREATE OR REPLACE FUNCTION wijziging_partijen(tabel name, rij jsonb) RETURNS uuid[]
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT pg_catalog.array_remove(CASE
	WHEN tabel OPERATOR(pg_catalog.=) 'partij' THEN ARRAY[(rij OPERATOR(pg_catalog.->>) 'uuid')::pg_catalog.uuid]
	WHEN tabel OPERATOR(pg_catalog.=) 'partij_identificator'
		THEN ARRAY[(rij OPERATOR(pg_catalog.->>) 'identificeerde_partij')::pg_catalog.uuid]
	WHEN tabel OPERATOR(pg_catalog.=) 'vertegenwoordiging'
		THEN ARRAY[(rij OPERATOR(pg_catalog.->>) 'vertegenwoordigende_partij')::pg_catalog.uuid,
				   (rij OPERATOR(pg_catalog.->>) 'vertegenwoordigde_partij')::pg_catalog.uuid]
	WHEN tabel OPERATOR(pg_catalog.=) 'betrokkene' THEN ARRAY[(rij OPERATOR(pg_catalog.->>) 'was_partij')::pg_catalog.uuid]
	WHEN tabel OPERATOR(pg_catalog.=) 'samengevoegde_partij'
		THEN ARRAY[(rij OPERATOR(pg_catalog.->>) 'opgeheven_partij')::pg_catalog.uuid,
				   (rij OPERATOR(pg_catalog.->>) 'behouden_partij')::pg_catalog.uuid]
	WHEN tabel OPERATOR(pg_catalog.=) 'digitaal_adres'
		THEN ARRAY[(rij OPERATOR(pg_catalog.->>) 'verstrekt_door_partij')::pg_catalog.uuid,
				   klantinteracties.betrokkene_partij((rij OPERATOR(pg_catalog.->>) 'verstrekt_door_betrokkene')::pg_catalog.uuid)]
	WHEN tabel OPERATOR(pg_catalog.=) ANY ('{persoon,organisatie,contactpersoon,rekeningnummer,categorie_relatie}'::pg_catalog.name[])
		THEN ARRAY[(rij OPERATOR(pg_catalog.->>) 'partij')::pg_catalog.uuid]
	ELSE '{}'::pg_catalog.uuid[]
	END, NULL)
$$;
REVOKE ALL ON FUNCTION wijziging_partijen(name, jsonb) FROM PUBLIC;
COMMENT ON FUNCTION wijziging_partijen(name, jsonb) IS 'The partijen whose personal data a row (as JSON) of a registry table holds: the partij itself, the owner of a detail, identificator, address, account or categorie-relatie, both sides of a vertegenwoordiging or a merge, the partij a betrokkene was (also for the addresses a betrokkene gave).';

-- The primary key columns of a table (once per statement), and the key of
-- a row (as JSON) as text, the columns joined by commas.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION sleutelkolommen(tabel regclass) RETURNS text[]
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT pg_catalog.array_agg(a.attname::text ORDER BY k.nr)
  FROM pg_catalog.pg_index i
 CROSS JOIN LATERAL pg_catalog.unnest(i.indkey) WITH ORDINALITY AS k(attnum, nr)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
 WHERE i.indrelid = tabel AND i.indisprimary
$$;
COMMENT ON FUNCTION sleutelkolommen(regclass) IS 'The primary key columns of a table, in key order.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION rij_sleutel(rij jsonb, kolommen text[]) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT pg_catalog.string_agg(rij OPERATOR(pg_catalog.->>) k.kolom, ',' ORDER BY k.nr)
  FROM pg_catalog.unnest(kolommen) WITH ORDINALITY AS k(kolom, nr)
$$;
COMMENT ON FUNCTION rij_sleutel(jsonb, text[]) IS 'The key of a row (as JSON): the values of the given columns, joined by commas. Per row in the audit trigger (whose search_path is pinned) for tables with a key of more than one column; a one-column key is read directly.';

-- The BSN test of a row, in C: one walk over the row's values (a query
-- over jsonb_each with a regular expression per value took some 200 µs
-- per row, two thirds of the audit trigger's time in a bulk load).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION rij_bevat_bsn(rij jsonb) RETURNS boolean
	AS 'MODULE_PATHNAME', 'ki_rij_bevat_bsn'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION rij_bevat_bsn(jsonb) IS 'True when a row (as a JSON object) holds a BSN, by bevat_bsn''s rule, in the texts of its values: strings as they are, objects and arrays as JSON text, joined by single spaces in the object''s order; values that are whole a lower-case uuid or a date or timestamp (YYYY-MM-DD, optionally followed by a time and zone) are passed over, numbers, booleans and keys are not read. False for a value that is not an object.';

-- Who may read a row of the audit trail (issue 12, finding 5), decided
-- when it is written, from the row itself: bsn when it holds a BSN (a BSN
-- identificator, or a BSN in any of its texts, free identificators and
-- metadata: rij_bevat_bsn over every text value but those that are a uuid
-- (a key, a reference) or a date or timestamp, whole: a text that only
-- starts like one is searched like any other), vertrouwelijk when it is a
-- vertrouwelijk klantcontact or hangs under one (the flag the rows
-- carry), geheim when it is a secret
-- partij or hangs under one.  Called per row by the audit trigger, whose
-- search_path is pinned; everything qualified all the same.
-- The three flags as one array (bsn, vertrouwelijk, geheim), so that the
-- function is inlined into the trigger's query and computed once per row
-- there (a function with OUT columns is called, some 35 µs per row).
-- Kind: helper of the audit trigger (invoker; runs inside it, as the installing superuser).
CREATE OR REPLACE FUNCTION wijziging_vlaggen(tabel name, rij jsonb) RETURNS boolean[]
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT ARRAY[(tabel OPERATOR(pg_catalog.=) 'partij_identificator'
			  AND coalesce(rij OPERATOR(pg_catalog.->>) 'code_soort_object_id' OPERATOR(pg_catalog.=) 'bsn', false))
			 OR coalesce(klantinteracties.rij_bevat_bsn(rij), false),
		coalesce((rij OPERATOR(pg_catalog.->>) 'vertrouwelijk')::pg_catalog.bool, false),
		coalesce((rij OPERATOR(pg_catalog.->>) 'geheim')::pg_catalog.bool, false)
			 OR (tabel OPERATOR(pg_catalog.=) 'partij'
				 AND coalesce((rij OPERATOR(pg_catalog.->>) 'indicatie_geheimhouding')::pg_catalog.bool, false))]
$$;
REVOKE ALL ON FUNCTION wijziging_vlaggen(name, jsonb) FROM PUBLIC;
COMMENT ON FUNCTION wijziging_vlaggen(name, jsonb) IS 'Who may read the audit row of a registry row (as JSON), as an array {bsn, vertrouwelijk, geheim}: bsn (it holds a BSN anywhere), vertrouwelijk (a vertrouwelijk klantcontact or a row under one), geheim (a secret partij or a row under one).';

-- The trigger: statement level with transition tables, so a bulk load
-- writes its log in one INSERT per statement.  Each row is turned into JSON
-- once: OFFSET 0 keeps the planner from pulling the subquery up, which
-- would put a to_jsonb() in every place the row is used (the key, the
-- partijen, the flags, the value itself).  It records nothing while
-- row_security is off: only superusers and BYPASSRLS roles can write then
-- (PostgreSQL refuses everyone else), and pg_restore sets it off while it
-- loads the tables, the log's own rows included.
-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION wijziging_vastleggen() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	w jsonb;
	vergeten boolean;
	pk text[];
	-- The key column of a one-column key: the row's key is then that
	-- field, without rij_sleutel's aggregate (a function call per row).
	kolom text;
	-- The columns whose change alone is not recorded: the registration
	-- time and the flags the database derives (klantcontact's own
	-- vertrouwelijk is data).
	afgeleid text[] := CASE WHEN TG_TABLE_NAME = 'klantcontact' THEN '{gewijzigd_op}'
							ELSE '{gewijzigd_op,geheim,vertrouwelijk}' END;
BEGIN
	IF pg_catalog.current_setting('row_security') = 'off' THEN
		RETURN NULL;
	END IF;
	w := klantinteracties.wie();
	pk := klantinteracties.sleutelkolommen(TG_RELID);
	IF pg_catalog.cardinality(pk) = 1 THEN
		kolom := pk[1];
	END IF;
	vergeten := klantinteracties.vergeten_bezig();
	IF TG_OP = 'INSERT' THEN
		INSERT INTO klantinteracties.wijzigingslog (tabel, bewerking, sleutel, partijen, bsn, vertrouwelijk, geheim, nieuw,
			gebruiker, rol, subject, applicatie, verzoek, vergeten)
		SELECT TG_TABLE_NAME, TG_OP, coalesce(r.nieuw ->> kolom, klantinteracties.rij_sleutel(r.nieuw, pk)),
			   klantinteracties.wijziging_partijen(TG_TABLE_NAME, r.nieuw),
			   r.v[1], r.v[2], r.v[3],
			   CASE WHEN NOT vergeten THEN r.nieuw END,
			   w ->> 'gebruiker', w ->> 'rol', w ->> 'subject', w ->> 'applicatie', w ->> 'verzoek', vergeten
		  FROM (SELECT j.nieuw, klantinteracties.wijziging_vlaggen(TG_TABLE_NAME, j.nieuw) AS v
				  FROM (SELECT pg_catalog.to_jsonb(n) AS nieuw FROM nieuw n OFFSET 0) AS j OFFSET 0) AS r;
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO klantinteracties.wijzigingslog (tabel, bewerking, sleutel, partijen, bsn, vertrouwelijk, geheim, oud,
			gebruiker, rol, subject, applicatie, verzoek, vergeten)
		SELECT TG_TABLE_NAME, TG_OP, coalesce(r.oud ->> kolom, klantinteracties.rij_sleutel(r.oud, pk)),
			   klantinteracties.wijziging_partijen(TG_TABLE_NAME, r.oud),
			   r.v[1], r.v[2], r.v[3],
			   CASE WHEN NOT vergeten THEN r.oud END,
			   w ->> 'gebruiker', w ->> 'rol', w ->> 'subject', w ->> 'applicatie', w ->> 'verzoek', vergeten
		  FROM (SELECT j.oud, klantinteracties.wijziging_vlaggen(TG_TABLE_NAME, j.oud) AS v
				  FROM (SELECT pg_catalog.to_jsonb(o) AS oud FROM oud o OFFSET 0) AS j OFFSET 0) AS r;
	ELSE
		-- Old and new rows paired by primary key; of an update only the
		-- changed columns (gewijzigd_op, which always changes, left out).
		-- A change of nothing but the derived flags (geheim, and vertrouwelijk
		-- of the rows under a klantcontact) is not recorded: it follows the
		-- change of the parent, which is.
		INSERT INTO klantinteracties.wijzigingslog (tabel, bewerking, sleutel, partijen, bsn, vertrouwelijk, geheim, oud, nieuw,
			gebruiker, rol, subject, applicatie, verzoek, vergeten)
		SELECT TG_TABLE_NAME, TG_OP, coalesce(r.sleutel_nieuw, r.sleutel_oud),
			   ARRAY(SELECT DISTINCT p FROM pg_catalog.unnest(
				   klantinteracties.wijziging_partijen(TG_TABLE_NAME, r.oud)
				   || klantinteracties.wijziging_partijen(TG_TABLE_NAME, r.nieuw)) AS p ORDER BY p),
			   r.vo[1] OR r.vn[1], r.vo[2] OR r.vn[2], r.vo[3] OR r.vn[3],
			   CASE WHEN NOT vergeten THEN coalesce((SELECT pg_catalog.jsonb_object_agg(e.key, e.value)
				   FROM pg_catalog.jsonb_each(r.oud) AS e
				  WHERE e.key <> 'gewijzigd_op' AND e.value IS DISTINCT FROM r.nieuw -> e.key), '{}') END,
			   CASE WHEN NOT vergeten THEN coalesce((SELECT pg_catalog.jsonb_object_agg(e.key, e.value)
				   FROM pg_catalog.jsonb_each(r.nieuw) AS e
				  WHERE e.key <> 'gewijzigd_op' AND e.value IS DISTINCT FROM r.oud -> e.key), '{}') END,
			   w ->> 'gebruiker', w ->> 'rol', w ->> 'subject', w ->> 'applicatie', w ->> 'verzoek', vergeten
		  FROM (SELECT x.*, klantinteracties.wijziging_vlaggen(TG_TABLE_NAME, x.oud) AS vo,
					   klantinteracties.wijziging_vlaggen(TG_TABLE_NAME, x.nieuw) AS vn
				  FROM (SELECT o.oud, n.nieuw, o.sleutel AS sleutel_oud, n.sleutel AS sleutel_nieuw
						  FROM (SELECT j.oud, coalesce(j.oud ->> kolom, klantinteracties.rij_sleutel(j.oud, pk)) AS sleutel
								  FROM (SELECT pg_catalog.to_jsonb(o) AS oud FROM oud o OFFSET 0) AS j) AS o
						  FULL JOIN (SELECT j.nieuw, coalesce(j.nieuw ->> kolom, klantinteracties.rij_sleutel(j.nieuw, pk)) AS sleutel
									   FROM (SELECT pg_catalog.to_jsonb(n) AS nieuw FROM nieuw n OFFSET 0) AS j) AS n
							ON n.sleutel = o.sleutel) AS x
				 WHERE NOT (x.oud IS NOT NULL AND x.nieuw IS NOT NULL
							AND (x.oud - afgeleid) = (x.nieuw - afgeleid)
							AND (x.oud - 'gewijzigd_op'::text) <> (x.nieuw - 'gewijzigd_op'::text))
				OFFSET 0) AS r;
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION wijziging_vastleggen() FROM PUBLIC;
COMMENT ON FUNCTION wijziging_vastleggen() IS 'Trigger function (AFTER INSERT, UPDATE, DELETE FOR EACH STATEMENT with transition tables oud and nieuw, on every registry table): records each changed row in wijzigingslog with who acted; without values while vergeet_partij runs; nothing while row_security is off (pg_restore).';

-- The log is append-only: UPDATE and DELETE only while vergeet_partij
-- cleans it, TRUNCATE never; the record of erasures is never deleted.
-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION wijzigingslog_bewaken() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	-- A row may become secret (its partij asked for secrecy; vlaggen_doorgeven)
	-- and nothing else about it changes.
	-- (The trigger fires on wijzigingslog's partitions: TG_RELID is a
	-- partition, its root the log table.)
	IF TG_OP = 'UPDATE' AND pg_catalog.pg_partition_root(TG_RELID) = 'klantinteracties.wijzigingslog'::pg_catalog.regclass THEN
		IF NEW.geheim AND NOT OLD.geheim
		   AND (pg_catalog.to_jsonb(NEW) - 'geheim') = (pg_catalog.to_jsonb(OLD) - 'geheim') THEN
			RETURN NEW;
		END IF;
	END IF;
	IF TG_OP = 'TRUNCATE' OR TG_TABLE_NAME IN ('vergeetlog', 'vernietigingslog') OR NOT klantinteracties.vergeten_bezig() THEN
		-- A partition of wijzigingslog is named by its partitioned table.
		RAISE EXCEPTION 'the audit trail (%) cannot be changed',
			(SELECT c.relname FROM pg_catalog.pg_class c
			  WHERE c.oid = coalesce(pg_catalog.pg_partition_root(TG_RELID), TG_RELID))
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'Only vergeet_partij removes personal data from it.';
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
REVOKE ALL ON FUNCTION wijzigingslog_bewaken() FROM PUBLIC;
COMMENT ON FUNCTION wijzigingslog_bewaken() IS 'Trigger function (BEFORE UPDATE OR DELETE per row and BEFORE TRUNCATE on wijzigingslog, BEFORE DELETE and TRUNCATE on vergeetlog): refuses (42501), except changes to wijzigingslog while vergeet_partij runs in this transaction.';

CREATE TRIGGER wijzigingslog_bewaken BEFORE UPDATE OR DELETE ON wijzigingslog
	FOR EACH ROW EXECUTE FUNCTION wijzigingslog_bewaken();
CREATE TRIGGER wijzigingslog_bewaken_truncate BEFORE TRUNCATE ON wijzigingslog
	FOR EACH STATEMENT EXECUTE FUNCTION wijzigingslog_bewaken();
CREATE TRIGGER vergeetlog_bewaken BEFORE DELETE ON vergeetlog
	FOR EACH ROW EXECUTE FUNCTION wijzigingslog_bewaken();
CREATE TRIGGER vergeetlog_bewaken_truncate BEFORE TRUNCATE ON vergeetlog
	FOR EACH STATEMENT EXECUTE FUNCTION wijzigingslog_bewaken();

-- The audit trail covers every registry table: the tables with
-- registration timestamps (geregistreerd_op), as in 47_gegevensgroepen.sql;
-- the security tables have none.
DO $$
DECLARE
	tabel regclass;
BEGIN
	FOR tabel IN
		SELECT c.oid FROM pg_catalog.pg_class c
		 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r'
		   AND EXISTS (SELECT FROM pg_catalog.pg_attribute a
						WHERE a.attrelid = c.oid AND a.attname = 'geregistreerd_op' AND NOT a.attisdropped)
		 ORDER BY c.relname
	LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER wijziging_vastleggen_insert AFTER INSERT ON %s '
			'REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT '
			'EXECUTE FUNCTION klantinteracties.wijziging_vastleggen()', tabel);
		EXECUTE pg_catalog.format('CREATE TRIGGER wijziging_vastleggen_update AFTER UPDATE ON %s '
			'REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT '
			'EXECUTE FUNCTION klantinteracties.wijziging_vastleggen()', tabel);
		EXECUTE pg_catalog.format('CREATE TRIGGER wijziging_vastleggen_delete AFTER DELETE ON %s '
			'REFERENCING OLD TABLE AS oud FOR EACH STATEMENT '
			'EXECUTE FUNCTION klantinteracties.wijziging_vastleggen()', tabel);
	END LOOP;
END
$$;

-- Beheer reads the audit trail: the rows about a BSN also need bsn, those
-- about a secret partij or a vertrouwelijk klantcontact also geheim.
-- Nobody has any other privilege on it; the definer trigger writes it.
ALTER TABLE wijzigingslog ENABLE ROW LEVEL SECURITY;
ALTER TABLE wijzigingslog FORCE ROW LEVEL SECURITY;
ALTER TABLE vergeetlog ENABLE ROW LEVEL SECURITY;
ALTER TABLE vergeetlog FORCE ROW LEVEL SECURITY;
CREATE POLICY beheer ON wijzigingslog FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer'))
		   AND (NOT bsn OR (SELECT klantinteracties.heeft_scope('bsn')))
		   AND ((NOT vertrouwelijk AND NOT geheim) OR (SELECT klantinteracties.heeft_scope('geheim'))));
CREATE POLICY beheer ON vergeetlog FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
GRANT SELECT ON wijzigingslog, vergeetlog TO klantinteracties_beheer;

-- pg_dump dumps their rows and sequence positions, as it does the
-- registry's (49_config_dump.sql); the triggers leave a restore alone.
SELECT pg_catalog.pg_extension_config_dump('wijzigingslog', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('klantinteracties.wijzigingslog', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump('vergeetlog', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('klantinteracties.vergeetlog', 'id')::regclass, '');

CREATE TRIGGER vernietigingslog_bewaken BEFORE DELETE ON vernietigingslog
	FOR EACH ROW EXECUTE FUNCTION wijzigingslog_bewaken();
CREATE TRIGGER vernietigingslog_bewaken_truncate BEFORE TRUNCATE ON vernietigingslog
	FOR EACH STATEMENT EXECUTE FUNCTION wijzigingslog_bewaken();
