-- The stored klantbeeld (docs/klantbeeld.md, "Stored"): one document per
-- partij, unmasked, kept current within every writing transaction, so that
-- reading it (klantbeeld(uuid), 52_klantbeeld.sql) is one primary-key
-- lookup plus, only where needed, a mask.
--
--   * klantbeeld_document holds per partij the full document (what a
--     reader with read, bsn and geheim sees), the variant for a reader
--     without geheim when that differs (the document shows a secret partij
--     or a vertrouwelijk klantcontact), and whether a reader without bsn
--     needs klantbeeld_zonder_bsn.
--   * Statement-level triggers on every table the document shows collect
--     the partijen a change touches (old and new rows: a betrokkene that
--     moves touches both klantcontacten) in klantbeeld_wachtrij, and mark
--     the transaction there once (a row without partij).  The mark's
--     deferred constraint trigger (its WHEN clause is tested when the row
--     is written, so only the mark queues it) fires once per transaction,
--     at COMMIT.  When the transaction touched at most
--     klantinteracties.klantbeeld_direct partijen (default 100: what an API
--     or SQL write of a KCC touches), it recomputes their documents there,
--     in one set-based pass (klantbeeld_bijwerken).  A larger transaction
--     (a bulk load, a migration) only marks their documents stale
--     (document NULL; klantbeeld_verouderen), which costs a row write per
--     partij instead of a document.
--   * A reader of a stale or missing document gets the document computed
--     from the tables under its policies (klantbeeld(uuid) calls
--     klantbeeld_berekend): always correct, only slower, never a stale
--     document.  CALL klantinteracties.klantbeeld_verversen() recomputes
--     the stale documents in batches, each committed (schedule it with
--     pg_cron or any scheduler; docs/klantbeeld.md).
--   * It is derived data, but pg_dump dumps it with the registry (it is a
--     configuration table), so a restore is complete without a rebuild;
--     the triggers leave a restore alone (row_security off), as the audit
--     trail does.  klantbeeld_herbouwen() recomputes every document.
--   * No foreign key to partij (parallel restore; the refresh deletes the
--     documents of partijen that are gone).
--
-- Everything here is internal (PLAN kind 3): the functions run as the
-- installing superuser, who sees every row, and nobody may execute them
-- but through the triggers; only klantinteracties_eigenaar reads the
-- table, through klantbeeld(uuid), under its read policy.

-- @NEW 0.2.0
CREATE TABLE klantbeeld_document (
	partij uuid NOT NULL,
	document jsonb,
	zonder_geheim jsonb,
	bsn_maskeren boolean NOT NULL DEFAULT false,
	CONSTRAINT klantbeeld_document_pkey PRIMARY KEY (partij)
);
-- The work of klantbeeld_verversen.
CREATE INDEX klantbeeld_document_verouderd_idx ON klantbeeld_document (partij) WHERE document IS NULL;
-- The queue of one transaction, emptied at its COMMIT: unlogged, its rows
-- never outlive the transaction that wrote them.  One row per partij
-- touched, and one mark (partij NULL) per transaction.
CREATE UNLOGGED TABLE klantbeeld_wachtrij (
	transactie xid8 NOT NULL DEFAULT pg_current_xact_id(),
	partij uuid
);
CREATE INDEX klantbeeld_wachtrij_transactie_idx ON klantbeeld_wachtrij (transactie, partij);
CREATE UNIQUE INDEX klantbeeld_wachtrij_markering_idx ON klantbeeld_wachtrij (transactie) WHERE partij IS NULL;
-- @END
COMMENT ON TABLE klantbeeld_document IS 'The stored klantbeeld: per partij its document as a reader with read, bsn and geheim sees it, kept current at the COMMIT of every transaction that changes what it shows; read through klantbeeld(uuid), which applies the caller''s masks.';
COMMENT ON COLUMN klantbeeld_document.partij IS 'De partij.';
COMMENT ON COLUMN klantbeeld_document.document IS 'Het volledige klantbeeld (klantbeeld_documenten met geheim en bsn); NULL wanneer het verouderd is (na een grote transactie, tot klantbeeld_verversen het herberekent).';
COMMENT ON COLUMN klantbeeld_document.zonder_geheim IS 'Het klantbeeld voor een lezer zonder de scope geheim, alleen wanneer dat verschilt (een geheime partij, of een vertrouwelijk klantcontact of een geheime partij erin); anders NULL.';
COMMENT ON COLUMN klantbeeld_document.bsn_maskeren IS 'Of een lezer zonder de scope bsn minder ziet (klantbeeld_zonder_bsn verandert het document).';
COMMENT ON TABLE klantbeeld_wachtrij IS 'Internal: the partijen whose stored klantbeeld the running transaction must recompute at its COMMIT, and one mark per transaction (partij NULL) whose deferred constraint trigger runs the refresh once, at COMMIT.';
COMMENT ON COLUMN klantbeeld_wachtrij.transactie IS 'De transactie die de partij raakte.';
COMMENT ON COLUMN klantbeeld_wachtrij.partij IS 'De geraakte partij; NULL in de markering van de transactie.';

ALTER TABLE klantbeeld_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE klantbeeld_document FORCE ROW LEVEL SECURITY;
ALTER TABLE klantbeeld_wachtrij ENABLE ROW LEVEL SECURITY;
ALTER TABLE klantbeeld_wachtrij FORCE ROW LEVEL SECURITY;
CREATE POLICY lezen ON klantbeeld_document FOR SELECT TO klantinteracties_lezer
	USING ((SELECT klantinteracties.heeft_scope('read')));
GRANT SELECT ON klantbeeld_document TO klantinteracties_eigenaar;
-- klantbeeld(uuid) (as the readers' owner) asks whether the running
-- transaction changed what a partij's document shows before the refresh
-- at its COMMIT: only the queue of the running transaction is visible.
CREATE POLICY lezen ON klantbeeld_wachtrij FOR SELECT TO klantinteracties_lezer
	USING ((SELECT klantinteracties.heeft_scope('read')) AND transactie = pg_catalog.pg_current_xact_id_if_assigned());
GRANT SELECT ON klantbeeld_wachtrij TO klantinteracties_eigenaar;

-- The partijen whose documents show something of the given partijen
-- besides their uuid (their name, soort or secrecy): the organisatie a
-- contactpersoon worked for and the contactpersonen who worked for it,
-- both sides of a vertegenwoordiging, the holder of the KvK-nummer a
-- vestiging hangs under, and every partij that was a betrokkene of the
-- same klantcontact.  Internal.
-- Kind: internal (definer, owned by the installer), executable by nobody else.
CREATE OR REPLACE FUNCTION klantbeeld_verwanten(partijen uuid[]) RETURNS SETOF uuid
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT c.partij FROM klantinteracties.contactpersoon c WHERE c.werkte_voor_partij = ANY (partijen)
UNION ALL
SELECT c.werkte_voor_partij FROM klantinteracties.contactpersoon c WHERE c.partij = ANY (partijen)
UNION ALL
SELECT v.vertegenwoordigde_partij FROM klantinteracties.vertegenwoordiging v WHERE v.vertegenwoordigende_partij = ANY (partijen)
UNION ALL
SELECT v.vertegenwoordigende_partij FROM klantinteracties.vertegenwoordiging v WHERE v.vertegenwoordigde_partij = ANY (partijen)
UNION ALL
SELECT k.identificeerde_partij FROM klantinteracties.partij_identificator v
  JOIN klantinteracties.partij_identificator k ON k.uuid = v.sub_identificator_van
 WHERE v.identificeerde_partij = ANY (partijen)
UNION ALL
SELECT b2.was_partij FROM klantinteracties.betrokkene b
  JOIN klantinteracties.betrokkene b2 ON b2.had_klantcontact = b.had_klantcontact
 WHERE b.was_partij = ANY (partijen)
$$;
REVOKE ALL ON FUNCTION klantbeeld_verwanten(uuid[]) FROM PUBLIC;
COMMENT ON FUNCTION klantbeeld_verwanten(uuid[]) IS 'Internal: the partijen whose klantbeeld shows the name, soort or secrecy of one of the given partijen (werkteVoorPartij, contactpersonen, vertegenwoordigingen, vestigingen, co-betrokkenen).';

-- The partijen that were a betrokkene of the given klantcontacten: their
-- documents show the klantcontact.  Internal.
-- Kind: internal (definer, owned by the installer), executable by nobody else.
CREATE OR REPLACE FUNCTION klantbeeld_van_klantcontacten(klantcontacten uuid[]) RETURNS SETOF uuid
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT b.was_partij FROM klantinteracties.betrokkene b WHERE b.had_klantcontact = ANY (klantcontacten)
$$;
REVOKE ALL ON FUNCTION klantbeeld_van_klantcontacten(uuid[]) FROM PUBLIC;
COMMENT ON FUNCTION klantbeeld_van_klantcontacten(uuid[]) IS 'Internal: the partijen that were a betrokkene of one of the given klantcontacten.';

-- Recompute the stored documents of the given partijen: delete those of
-- partijen that are gone, write the others where they changed.  The
-- variant without geheim is computed only for the documents that show
-- something secret, and kept only where it differs.  Internal.
-- Kind: internal (definer, owned by the installer), executable by nobody else.
CREATE OR REPLACE FUNCTION klantbeeld_bijwerken(partijen uuid[]) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	-- Concurrent refreshes of one partij take turns: each locks the rows
	-- first (a placeholder for a new one; in key order, so two refreshes
	-- cannot deadlock), and computes in the next statement, with a snapshot
	-- taken after the other's COMMIT (under READ COMMITTED; under REPEATABLE
	-- READ PostgreSQL refuses instead: could not serialize access).
	INSERT INTO klantinteracties.klantbeeld_document (partij, document, bsn_maskeren)
	SELECT p.uuid, NULL, false FROM klantinteracties.partij p WHERE p.uuid = ANY (partijen) ORDER BY p.uuid
	ON CONFLICT (partij) DO NOTHING;
	PERFORM FROM klantinteracties.klantbeeld_document o WHERE o.partij = ANY (partijen) ORDER BY o.partij FOR UPDATE;
	DELETE FROM klantinteracties.klantbeeld_document o
	 WHERE o.partij = ANY (partijen)
	   AND NOT EXISTS (SELECT FROM klantinteracties.partij p WHERE p.uuid = o.partij);
	WITH vol AS MATERIALIZED (
		SELECT v.partij, v.document, v.geheim_relevant
		  FROM klantinteracties.klantbeeld_documenten(partijen, true, true) AS v),
	zonder AS (
		SELECT z.partij, z.document
		  FROM klantinteracties.klantbeeld_documenten(ARRAY(SELECT vol.partij FROM vol WHERE vol.geheim_relevant),
													  false, true) AS z)
	INSERT INTO klantinteracties.klantbeeld_document AS o (partij, document, zonder_geheim, bsn_maskeren)
	SELECT vol.partij, vol.document, nullif(zonder.document, vol.document),
		   klantinteracties.klantbeeld_zonder_bsn(vol.document) IS DISTINCT FROM vol.document
	  FROM vol LEFT JOIN zonder ON zonder.partij = vol.partij
	ON CONFLICT (partij) DO UPDATE
	   SET document = excluded.document, zonder_geheim = excluded.zonder_geheim, bsn_maskeren = excluded.bsn_maskeren
	 WHERE (o.document, o.zonder_geheim, o.bsn_maskeren)
		   IS DISTINCT FROM (excluded.document, excluded.zonder_geheim, excluded.bsn_maskeren);
END
$$;
REVOKE ALL ON FUNCTION klantbeeld_bijwerken(uuid[]) FROM PUBLIC;
-- Mark the stored documents of the given partijen stale (document NULL),
-- a row for a partij that has none.  Every row is written or locked (ON
-- CONFLICT DO UPDATE locks also the rows it leaves as they are), in key
-- order: a refresh that computed one of them from a snapshot without this
-- transaction's changes either finished before (and its document is made
-- stale here) or waits for this COMMIT and computes after it.  Internal.
-- Kind: internal (definer, owned by the installer), executable by nobody else.
CREATE OR REPLACE FUNCTION klantbeeld_verouderen(partijen uuid[]) RETURNS void
	LANGUAGE sql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
INSERT INTO klantinteracties.klantbeeld_document AS o (partij, document, zonder_geheim, bsn_maskeren)
SELECT DISTINCT u.partij, NULL::jsonb, NULL::jsonb, false FROM pg_catalog.unnest(partijen) AS u(partij) ORDER BY 1
ON CONFLICT (partij) DO UPDATE SET document = NULL, zonder_geheim = NULL, bsn_maskeren = false
 WHERE o.document IS NOT NULL
$$;
REVOKE ALL ON FUNCTION klantbeeld_verouderen(uuid[]) FROM PUBLIC;
COMMENT ON FUNCTION klantbeeld_verouderen(uuid[]) IS 'Internal: marks the stored klantbeeld of the given partijen stale (document NULL), so that readers compute it from the tables until klantbeeld_verversen recomputes it.';

-- One batch of klantbeeld_verversen: at most n stale documents (those no
-- other refresh holds), locked, then recomputed in the statements after
-- the lock (READ COMMITTED: each with a snapshot that sees every change
-- committed before).  Returns how many.  Internal.
-- Kind: internal (definer, owned by the installer), executable by the installer (and whom the DBA grants it).
CREATE OR REPLACE FUNCTION klantbeeld_verversen_stap(n integer) RETURNS integer
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	partijen uuid[];
BEGIN
	IF pg_catalog.current_setting('transaction_isolation') <> 'read committed' THEN
		RAISE EXCEPTION 'klantbeeld_verversen runs under READ COMMITTED only'
			USING ERRCODE = '25001',
				  DETAIL = pg_catalog.format('The transaction''s isolation level is %s; a refresh under it could compute a document from a snapshot older than a change that made it stale.',
											 pg_catalog.current_setting('transaction_isolation'));
	END IF;
	SELECT pg_catalog.array_agg(x.partij) INTO partijen
	  FROM (SELECT o.partij FROM klantinteracties.klantbeeld_document o
			 WHERE o.document IS NULL ORDER BY o.partij LIMIT n FOR UPDATE SKIP LOCKED) AS x;
	IF partijen IS NULL THEN
		RETURN 0;
	END IF;
	PERFORM klantinteracties.klantbeeld_bijwerken(partijen);
	RETURN pg_catalog.cardinality(partijen);
END
$$;
REVOKE ALL ON FUNCTION klantbeeld_verversen_stap(integer) FROM PUBLIC;
COMMENT ON FUNCTION klantbeeld_verversen_stap(integer) IS 'Internal: recomputes at most n stale stored klantbeeld documents (one batch of klantbeeld_verversen); returns how many.';

-- The refresh of the stale documents, in batches, each its own
-- transaction (so a procedure, called outside a transaction block; it
-- cannot be a definer function or carry SET clauses, so every name in it
-- is qualified).  For the DBA and a scheduler:
--   SELECT cron.schedule('klantbeeld', '* * * * *', 'CALL klantinteracties.klantbeeld_verversen()');
-- ververst: how many documents it recomputed.
-- Kind: a wrapper of the internal klantbeeld_verversen_stap (invoker, no SET clause so that it may COMMIT; names qualified), for the DBA.
CREATE OR REPLACE PROCEDURE klantbeeld_verversen(INOUT ververst bigint DEFAULT NULL, partijen_per_keer integer DEFAULT 500)
	LANGUAGE plpgsql
	SECURITY INVOKER
	AS $$
DECLARE
	n integer;
BEGIN
	IF partijen_per_keer IS NULL OR partijen_per_keer OPERATOR(pg_catalog.<) 1 THEN
		RAISE EXCEPTION 'invalid partijen_per_keer: %', partijen_per_keer
			USING ERRCODE = '22023', DETAIL = 'The batch size must be a positive integer.';
	END IF;
	ververst := 0;
	LOOP
		n := klantinteracties.klantbeeld_verversen_stap(partijen_per_keer);
		COMMIT;
		EXIT WHEN n OPERATOR(pg_catalog.=) 0;
		ververst := ververst OPERATOR(pg_catalog.+) n;
	END LOOP;
END
$$;
REVOKE ALL ON PROCEDURE klantbeeld_verversen(bigint, integer) FROM PUBLIC;
COMMENT ON PROCEDURE klantbeeld_verversen(bigint, integer) IS 'Recomputes the stale stored klantbeeld documents (after large transactions), partijen_per_keer per committed batch, until none is left; returns the number recomputed. Call outside a transaction block, under READ COMMITTED; for the DBA or a scheduler such as pg_cron (docs/klantbeeld.md). Readers are served correct documents meanwhile (computed from the tables).';
COMMENT ON FUNCTION klantbeeld_bijwerken(uuid[]) IS 'Internal: recomputes the stored klantbeeld of the given partijen (klantbeeld_documenten, set-based), deletes those of partijen that no longer exist.';

-- Kind: internal (definer, owned by the installer), for the DBA.
CREATE OR REPLACE FUNCTION klantbeeld_herbouwen() RETURNS bigint
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	n bigint;
BEGIN
	DELETE FROM klantinteracties.klantbeeld_document o
	 WHERE NOT EXISTS (SELECT FROM klantinteracties.partij p WHERE p.uuid = o.partij);
	PERFORM klantinteracties.klantbeeld_verouderen(ARRAY(SELECT p.uuid FROM klantinteracties.partij p));
	SELECT count(*) INTO n FROM klantinteracties.klantbeeld_document o WHERE o.document IS NULL;
	RETURN n;
END
$$;
REVOKE ALL ON FUNCTION klantbeeld_herbouwen() FROM PUBLIC;
COMMENT ON FUNCTION klantbeeld_herbouwen() IS 'Marks every stored klantbeeld document stale (after a restore of a dump made without them, or to repair) and removes those of partijen that are gone; returns the number of stale documents, which CALL klantbeeld_verversen() then recomputes. For the DBA (superuser) only.';

-- The collecting trigger: AFTER INSERT, UPDATE (twice: the old rows and the
-- new rows) and DELETE per statement, with the rows as transition table
-- "rijen".  Per table the partijen whose document shows these rows; the
-- statements are static, PL/pgSQL plans them once per table and session.
-- Kind: internal trigger (definer, owned by the installer).
CREATE OR REPLACE FUNCTION klantbeeld_wijziging() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	-- Partijen shown, partijen whose name, soort or secrecy is shown,
	-- klantcontacten shown.
	geraakt uuid[];
	genoemd uuid[];
	contacten uuid[];
BEGIN
	IF pg_catalog.current_setting('row_security') = 'off' THEN
		RETURN NULL;
	END IF;
	CASE TG_TABLE_NAME
	WHEN 'partij' THEN
		SELECT array_agg(r.uuid) INTO genoemd FROM rijen r;
	WHEN 'persoon', 'organisatie' THEN
		SELECT array_agg(r.partij) INTO genoemd FROM rijen r;
	WHEN 'contactpersoon' THEN
		SELECT array_agg(r.partij), array_agg(r.werkte_voor_partij) INTO genoemd, geraakt FROM rijen r;
	WHEN 'partij_identificator' THEN
		SELECT array_agg(r.identificeerde_partij) INTO geraakt FROM rijen r;
		-- The holder of the parent (its vestigingen), the holders of the
		-- children (subIdentificatorVan).
		geraakt := geraakt || ARRAY(
			SELECT k.identificeerde_partij FROM rijen r JOIN klantinteracties.partij_identificator k ON k.uuid = r.sub_identificator_van
			UNION ALL
			SELECT v.identificeerde_partij FROM rijen r JOIN klantinteracties.partij_identificator v ON v.sub_identificator_van = r.uuid);
	WHEN 'digitaal_adres' THEN
		SELECT array_agg(r.verstrekt_door_partij) INTO geraakt FROM rijen r;
		SELECT array_agg(b.had_klantcontact) INTO contacten
		  FROM rijen r JOIN klantinteracties.betrokkene b ON b.uuid = r.verstrekt_door_betrokkene;
	WHEN 'rekeningnummer', 'categorie_relatie' THEN
		SELECT array_agg(r.partij) INTO geraakt FROM rijen r;
	WHEN 'vertegenwoordiging' THEN
		SELECT array_agg(r.vertegenwoordigende_partij) || array_agg(r.vertegenwoordigde_partij) INTO geraakt FROM rijen r;
	WHEN 'categorie' THEN
		SELECT array_agg(c.partij) INTO geraakt
		  FROM rijen r JOIN klantinteracties.categorie_relatie c ON c.categorie = r.uuid;
	WHEN 'klantcontact' THEN
		SELECT array_agg(r.uuid) INTO contacten FROM rijen r;
	WHEN 'betrokkene' THEN
		SELECT array_agg(r.was_partij), array_agg(r.had_klantcontact) INTO geraakt, contacten FROM rijen r;
	WHEN 'onderwerpobject' THEN
		SELECT array_agg(r.klantcontact) INTO contacten FROM rijen r;
	WHEN 'bijlage' THEN
		SELECT array_agg(r.was_bijlage_van_klantcontact) INTO contacten FROM rijen r;
	WHEN 'actor' THEN
		SELECT array_agg(x.klantcontact) INTO contacten FROM (
			SELECT ak.klantcontact FROM rijen r JOIN klantinteracties.actor_klantcontact ak ON ak.actor = r.uuid
			UNION
			SELECT t.aanleidinggevend_klantcontact FROM rijen r
			  JOIN klantinteracties.interne_taak_actor ita ON ita.actor = r.uuid
			  JOIN klantinteracties.interne_taak t ON t.uuid = ita.interne_taak) AS x;
	WHEN 'actor_klantcontact' THEN
		SELECT array_agg(r.klantcontact) INTO contacten FROM rijen r;
	WHEN 'interne_taak' THEN
		SELECT array_agg(r.aanleidinggevend_klantcontact) INTO contacten FROM rijen r;
	WHEN 'interne_taak_actor' THEN
		SELECT array_agg(t.aanleidinggevend_klantcontact) INTO contacten
		  FROM rijen r JOIN klantinteracties.interne_taak t ON t.uuid = r.interne_taak;
	END CASE;
	-- A partij the transaction has queued already is not queued again (a
	-- bulk load of partijen, personen, identificators and addresses queued
	-- each partij four times); the queue is emptied only by the refresh,
	-- all of the transaction's rows at once.
	INSERT INTO klantinteracties.klantbeeld_wachtrij (partij)
	SELECT DISTINCT x.partij FROM (
		SELECT pg_catalog.unnest(geraakt || genoemd) AS partij
		UNION ALL
		SELECT klantinteracties.klantbeeld_verwanten(genoemd) WHERE genoemd IS NOT NULL
		UNION ALL
		SELECT klantinteracties.klantbeeld_van_klantcontacten(contacten) WHERE contacten IS NOT NULL) AS x
	 WHERE x.partij IS NOT NULL
	   AND NOT EXISTS (SELECT FROM klantinteracties.klantbeeld_wachtrij q
					   WHERE q.transactie = pg_catalog.pg_current_xact_id() AND q.partij = x.partij);
	IF FOUND THEN
		INSERT INTO klantinteracties.klantbeeld_wachtrij (partij) VALUES (NULL)
		ON CONFLICT (transactie) WHERE partij IS NULL DO NOTHING;
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION klantbeeld_wijziging() FROM PUBLIC;
COMMENT ON FUNCTION klantbeeld_wijziging() IS 'Trigger function (AFTER INSERT, UPDATE, DELETE per statement, transition table rijen: the new rows, or the old ones) on every table the klantbeeld shows: queues the partijen whose stored klantbeeld the change touches, and marks the transaction for the refresh at COMMIT. Nothing while row_security is off (pg_restore).';

-- At COMMIT (deferred, once per transaction): the queued partijen,
-- recomputed in one pass, or marked stale when there are more than
-- klantinteracties.klantbeeld_direct (default 100).  SET CONSTRAINTS ... IMMEDIATE runs it earlier;
-- a later change then queues and marks again.
-- Kind: internal trigger (definer, owned by the installer).
CREATE OR REPLACE FUNCTION klantbeeld_vernieuwen() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	partijen uuid[];
	direct text;
	hoogstens integer;
BEGIN
	WITH weg AS (
		DELETE FROM klantinteracties.klantbeeld_wachtrij w WHERE w.transactie = pg_catalog.pg_current_xact_id()
		RETURNING w.partij)
	SELECT pg_catalog.array_agg(DISTINCT weg.partij) FILTER (WHERE weg.partij IS NOT NULL) INTO partijen FROM weg;
	IF partijen IS NULL THEN
		RETURN NULL;
	END IF;
	-- A small transaction: its documents now; a large one: stale.  The
	-- setting may be changed by anyone, it changes only the cost.
	direct := pg_catalog.current_setting('klantinteracties.klantbeeld_direct', true);
	hoogstens := CASE WHEN direct ~ '^[0-9]{1,9}$' THEN direct::integer ELSE 100 END;
	IF pg_catalog.cardinality(partijen) <= hoogstens THEN
		PERFORM klantinteracties.klantbeeld_bijwerken(partijen);
	ELSE
		PERFORM klantinteracties.klantbeeld_verouderen(partijen);
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION klantbeeld_vernieuwen() FROM PUBLIC;
COMMENT ON FUNCTION klantbeeld_vernieuwen() IS 'Trigger function (deferred constraint trigger on the mark of the transaction in klantbeeld_wachtrij, so once per transaction at COMMIT): recomputes the stored klantbeeld of the partijen the transaction queued in klantbeeld_wachtrij.';

CREATE CONSTRAINT TRIGGER klantbeeld_vernieuwen AFTER INSERT ON klantbeeld_wachtrij
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (NEW.partij IS NULL) EXECUTE FUNCTION klantbeeld_vernieuwen();

-- The tables the document shows, each with its four collecting triggers.
DO $$
DECLARE
	tabel text;
BEGIN
	FOREACH tabel IN ARRAY ARRAY['partij', 'persoon', 'organisatie', 'contactpersoon', 'partij_identificator',
		'digitaal_adres', 'rekeningnummer', 'vertegenwoordiging', 'categorie', 'categorie_relatie',
		'klantcontact', 'betrokkene', 'onderwerpobject', 'bijlage', 'actor', 'actor_klantcontact',
		'interne_taak', 'interne_taak_actor']
	LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER klantbeeld_insert AFTER INSERT ON klantinteracties.%I '
			'REFERENCING NEW TABLE AS rijen FOR EACH STATEMENT EXECUTE FUNCTION klantinteracties.klantbeeld_wijziging()', tabel);
		EXECUTE pg_catalog.format('CREATE TRIGGER klantbeeld_update_oud AFTER UPDATE ON klantinteracties.%I '
			'REFERENCING OLD TABLE AS rijen FOR EACH STATEMENT EXECUTE FUNCTION klantinteracties.klantbeeld_wijziging()', tabel);
		EXECUTE pg_catalog.format('CREATE TRIGGER klantbeeld_update_nieuw AFTER UPDATE ON klantinteracties.%I '
			'REFERENCING NEW TABLE AS rijen FOR EACH STATEMENT EXECUTE FUNCTION klantinteracties.klantbeeld_wijziging()', tabel);
		EXECUTE pg_catalog.format('CREATE TRIGGER klantbeeld_delete AFTER DELETE ON klantinteracties.%I '
			'REFERENCING OLD TABLE AS rijen FOR EACH STATEMENT EXECUTE FUNCTION klantinteracties.klantbeeld_wijziging()', tabel);
	END LOOP;
END
$$;

-- pg_dump dumps the documents with the registry (see above).
SELECT pg_catalog.pg_extension_config_dump('klantinteracties.klantbeeld_document', '');

-- @UPDATE 0.1.0
-- A database updated from 0.1.0 starts with every document stale: readers
-- are served documents computed from the tables until
-- CALL klantinteracties.klantbeeld_verversen() has stored them.
SELECT klantinteracties.klantbeeld_herbouwen();
-- @END
