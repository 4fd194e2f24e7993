-- Security, part 5: change events.  Every change to a partij (with its
-- persoon / organisatie / contactpersoon details), a klantcontact or an
-- interne taak (with its assignments) writes a CloudEvents 1.0 record to the
-- outbox table gebeurtenis, in the same transaction, and NOTIFYs channel
-- klantinteracties_gebeurtenis with the record's id; a worker forwards the
-- records and sets verzonden_op.  The channels are Open Klant's
-- (Open Klant 2.x, klantinteracties/api/viewsets: the notifications it sends): partijen, klantcontacten, internetaken.  An event
-- carries references and a few flags, never a BSN, an interne notitie or
-- the content of a conversation (Open Klant's partijen channel sends the
-- interne notitie).  One event per resource and transaction: creating a
-- partij and its persoon is one "create".

-- @ONCE
CREATE TABLE gebeurtenis (
	id bigint GENERATED ALWAYS AS IDENTITY,
	transactie xid8 NOT NULL DEFAULT pg_current_xact_id(),
	kanaal text NOT NULL,
	resource_uuid uuid NOT NULL,
	actie text NOT NULL,
	cloudevent jsonb NOT NULL,
	aangemaakt_op timestamptz NOT NULL DEFAULT now(),
	verzonden_op timestamptz,
	CONSTRAINT gebeurtenis_pkey PRIMARY KEY (id),
	CONSTRAINT gebeurtenis_een_per_resource_per_transactie UNIQUE (transactie, kanaal, resource_uuid),
	CONSTRAINT gebeurtenis_kanaal CHECK (kanaal IN ('partijen', 'klantcontacten', 'internetaken')),
	CONSTRAINT gebeurtenis_actie CHECK (actie IN ('create', 'update', 'destroy'))
);
CREATE INDEX gebeurtenis_te_verzenden_idx ON gebeurtenis (id) WHERE verzonden_op IS NULL;
CREATE INDEX gebeurtenis_resource_idx ON gebeurtenis (resource_uuid);
-- @END
COMMENT ON TABLE gebeurtenis IS 'Outbox of change events (CloudEvents 1.0 JSON) on the channels partijen, klantcontacten and internetaken, written in the changing transaction and announced by NOTIFY klantinteracties_gebeurtenis (payload: id). Only references and flags, no personal data. A worker with the beheer scope reads the unsent ones and sets verzonden_op.';
COMMENT ON COLUMN gebeurtenis.id IS 'Volgnummer van de gebeurtenis; de NOTIFY-payload.';
COMMENT ON COLUMN gebeurtenis.transactie IS 'De transactie die de wijziging deed (één gebeurtenis per resource per transactie).';
COMMENT ON COLUMN gebeurtenis.kanaal IS 'Kanaal: partijen, klantcontacten of internetaken (als in Open Klant).';
COMMENT ON COLUMN gebeurtenis.resource_uuid IS 'De uuid van de gewijzigde partij, het klantcontact of de interne taak.';
COMMENT ON COLUMN gebeurtenis.actie IS 'create, update of destroy (als in Open Notificaties).';
COMMENT ON COLUMN gebeurtenis.cloudevent IS 'De gebeurtenis als CloudEvents 1.0 JSON (specversion, id, source, type, subject, time, datacontenttype, data).';
COMMENT ON COLUMN gebeurtenis.aangemaakt_op IS 'Tijdstip van de transactie die de gebeurtenis schreef.';
COMMENT ON COLUMN gebeurtenis.verzonden_op IS 'Tijdstip waarop de worker de gebeurtenis doorstuurde; leeg = nog te versturen.';

-- The outbox worker (beheer) reads the events, marks them sent and removes
-- them; the definer trigger below writes them.
ALTER TABLE gebeurtenis ENABLE ROW LEVEL SECURITY;
ALTER TABLE gebeurtenis FORCE ROW LEVEL SECURITY;
CREATE POLICY beheer ON gebeurtenis FOR SELECT TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
CREATE POLICY beheer_verzonden ON gebeurtenis FOR UPDATE TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer'))) WITH CHECK ((SELECT klantinteracties.heeft_scope('beheer')));
CREATE POLICY beheer_opruimen ON gebeurtenis FOR DELETE TO klantinteracties_beheer
	USING ((SELECT klantinteracties.heeft_scope('beheer')));
GRANT SELECT, DELETE ON gebeurtenis TO klantinteracties_beheer;
GRANT UPDATE (verzonden_op) ON gebeurtenis TO klantinteracties_beheer;
SELECT pg_catalog.pg_extension_config_dump('gebeurtenis', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('klantinteracties.gebeurtenis', 'id')::regclass, '');

-- The CloudEvents source: the API's base URL as the database's owner set it
-- (ALTER DATABASE ... SET klantinteracties.api_base_url), else a URN naming
-- the database.  Never the session's value: any login may SET a placeholder
-- setting or pass it in its connection options, and a writer would then
-- send subscribers, who fetch resourceUrl with their own credentials, to a
-- host of its choosing (docs/security.md, section 9; test
-- beveiliging_aanval).  Reads only pg_db_role_setting, which PUBLIC may read.
-- Kind: pure (invoker, executable by PUBLIC; reads a system catalog only).
CREATE OR REPLACE FUNCTION gebeurtenis_bron() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT coalesce(
	(SELECT nullif(pg_catalog.rtrim(pg_catalog.substr(c, pg_catalog.strpos(c, '=') + 1), '/'), '')
	   FROM pg_catalog.pg_db_role_setting s, pg_catalog.unnest(s.setconfig) AS c
	  WHERE s.setdatabase = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
		AND s.setrole = 0 AND pg_catalog.starts_with(c, 'klantinteracties.api_base_url=')),
	'urn:klantinteracties:' || pg_catalog.current_database())
$$;
COMMENT ON FUNCTION gebeurtenis_bron() IS 'The source of the change events: the database''s setting klantinteracties.api_base_url (ALTER DATABASE ... SET; a session''s own value counts for nothing) without trailing slash, else urn:klantinteracties:<database>.';

-- The flags an event may carry: no text typed by people, no BSN.  Inlined
-- into the trigger's query, where the table is a constant: the CASE folds
-- to one branch, and for a table without kenmerken the row is never turned
-- into JSON.  Hence no SET clause and every name qualified (as
-- identificator_sleutel, 42), and STABLE, as jsonb_build_object is (an
-- IMMUTABLE function is inlined only when its body is immutable).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION gebeurtenis_kenmerken(tabel name, rij jsonb) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT CASE
	WHEN tabel OPERATOR(pg_catalog.=) 'partij'
		THEN pg_catalog.jsonb_build_object('soortPartij', rij OPERATOR(pg_catalog.->) 'soort_partij')
	WHEN tabel OPERATOR(pg_catalog.=) 'klantcontact' THEN pg_catalog.jsonb_build_object(
		'indicatieContactGelukt', rij OPERATOR(pg_catalog.->) 'indicatie_contact_gelukt',
		'verdereActieOndernomen', rij OPERATOR(pg_catalog.->) 'verdere_actie_ondernomen',
		'vertrouwelijk', rij OPERATOR(pg_catalog.->) 'vertrouwelijk')
	WHEN tabel OPERATOR(pg_catalog.=) 'interne_taak'
		THEN pg_catalog.jsonb_build_object('status', rij OPERATOR(pg_catalog.->) 'status')
	ELSE '{}'::pg_catalog.jsonb END
$$;
COMMENT ON FUNCTION gebeurtenis_kenmerken(name, jsonb) IS 'The kenmerken of a change event for a row (as JSON): soortPartij of a partij; indicatieContactGelukt, verdereActieOndernomen and vertrouwelijk of a klantcontact; status of an interne taak. Never text typed by people, never a BSN.';

-- A second change of a resource in one transaction updates its event: a
-- create stays a create, a destroy wins; the kenmerken of the resource's
-- own row win over a detail's.  Both functions are inlined into the
-- trigger's query, as gebeurtenis_kenmerken is (STABLE for to_jsonb).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION gebeurtenis_actie(bestaand text, nieuw text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT CASE WHEN bestaand OPERATOR(pg_catalog.=) 'destroy' OR nieuw OPERATOR(pg_catalog.=) 'destroy' THEN 'destroy'
			WHEN bestaand OPERATOR(pg_catalog.=) 'create' THEN 'create'
			ELSE nieuw END
$$;
COMMENT ON FUNCTION gebeurtenis_actie(text, text) IS 'The actie of a resource''s event after a second change in one transaction: destroy when either is destroy, else create when the first was create, else the second.';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION gebeurtenis_samenvoegen(bestaand jsonb, nieuw jsonb, hoofd boolean) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT pg_catalog.jsonb_set(pg_catalog.jsonb_set(pg_catalog.jsonb_set(bestaand,
		   '{type}', pg_catalog.to_jsonb(pg_catalog.regexp_replace(bestaand OPERATOR(pg_catalog.->>) 'type', '[a-z]+$',
			   klantinteracties.gebeurtenis_actie(bestaand OPERATOR(pg_catalog.#>>) '{data,actie}',
												  nieuw OPERATOR(pg_catalog.#>>) '{data,actie}')))),
		   '{data,actie}', pg_catalog.to_jsonb(klantinteracties.gebeurtenis_actie(bestaand OPERATOR(pg_catalog.#>>) '{data,actie}',
																			   nieuw OPERATOR(pg_catalog.#>>) '{data,actie}'))),
		   '{data,kenmerken}', CASE WHEN hoofd THEN nieuw OPERATOR(pg_catalog.#>) '{data,kenmerken}'
									ELSE bestaand OPERATOR(pg_catalog.#>) '{data,kenmerken}' END)
$$;
COMMENT ON FUNCTION gebeurtenis_samenvoegen(jsonb, jsonb, boolean) IS 'Merges a second change event of a resource in one transaction into the first: a create stays a create, a destroy wins; the kenmerken come from the new event when it is of the resource''s own row (hoofd).';

-- Statement level with transition tables, as the audit trigger: one pass
-- (and one NOTIFY, with the newest id) per statement, not one per row.
-- Per resource the kenmerken are taken once; an event the transaction
-- already has for the resource is merged into (and written only when the
-- merge changes it: a persoon added to a new partij leaves its create as
-- it is), for the others an event is built and inserted.  The whole
-- CloudEvents record is built only for those: a detail table's rows (the
-- persoon of a new partij) merge into their partij's event and need only
-- the actie and kenmerken, which is all gebeurtenis_samenvoegen reads of
-- the new event (building 10,000 records to throw away was a third of
-- the outbox's time in a bulk load).  The unique key holds this
-- transaction's id, so no other transaction can add a conflicting event
-- meanwhile.
-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION gebeurtenis_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	-- TG_ARGV: channel, resource path, key column; a detail table's change
	-- is an update of its resource.
	kanaal text := TG_ARGV[0];
	pad text := TG_ARGV[1];
	hoofd boolean := TG_ARGV[2] = 'uuid';
	actie text := CASE WHEN NOT hoofd THEN 'update'
					   WHEN TG_OP = 'INSERT' THEN 'create' WHEN TG_OP = 'DELETE' THEN 'destroy' ELSE 'update' END;
	bron text := klantinteracties.gebeurtenis_bron();
	laatste bigint;
BEGIN
	IF pg_catalog.current_setting('row_security') = 'off' THEN
		RETURN NULL;   -- pg_restore: the outbox is restored as it was
	END IF;
	-- The transition table (oud for a delete, else nieuw), its key column
	-- and the table whose kenmerken apply by name, hence EXECUTE; the table
	-- name as a literal, so that gebeurtenis_kenmerken folds.  The row as
	-- JSON in a subquery that OFFSET 0 keeps apart, so that it is made once
	-- per row, and not at all when the kenmerken do not use it.  The
	-- kenmerken without nulls, as the record's data holds them
	-- (jsonb_strip_nulls below strips nested nulls too).
	EXECUTE pg_catalog.format($q$
	WITH r AS MATERIALIZED (
		-- One event per resource (the rows of one taak's assignments share it).
		SELECT DISTINCT ON (t.%2$I) t.%2$I AS resource,
			   pg_catalog.jsonb_strip_nulls(klantinteracties.gebeurtenis_kenmerken(%3$L, t.rij)) AS kenmerken
		  FROM (SELECT t.%2$I, pg_catalog.to_jsonb(t) AS rij FROM %1$I t OFFSET 0) AS t
		 WHERE t.%2$I IS NOT NULL
		 ORDER BY t.%2$I),
	-- Merged only where the merge can change the event: another actie, or
	-- other kenmerken of the resource's own row (gebeurtenis_samenvoegen
	-- rewrites the whole record: some 100 µs per row of a bulk load of
	-- details, for nothing).  The actie column is the record's data.actie.
	bestaand AS MATERIALIZED (
		SELECT g.id, r.resource, g.cloudevent, g.actie,
			   CASE WHEN klantinteracties.gebeurtenis_actie(g.actie, $3) IS DISTINCT FROM g.actie
						 OR ($5 AND g.cloudevent #> '{data,kenmerken}' IS DISTINCT FROM r.kenmerken)
					THEN klantinteracties.gebeurtenis_samenvoegen(g.cloudevent,
						pg_catalog.jsonb_build_object('data', pg_catalog.jsonb_build_object('actie', $3, 'kenmerken', r.kenmerken)),
						$5) END AS samen
		  FROM r JOIN klantinteracties.gebeurtenis g
			ON g.transactie = pg_catalog.pg_current_xact_id() AND g.kanaal = $1 AND g.resource_uuid = r.resource),
	samengevoegd AS (
		UPDATE klantinteracties.gebeurtenis g SET cloudevent = b.samen, actie = b.samen #>> '{data,actie}'
		  FROM bestaand b
		 WHERE g.id = b.id AND b.samen IS NOT NULL
		   AND (b.cloudevent, b.actie) IS DISTINCT FROM (b.samen, b.samen #>> '{data,actie}')),
	geschreven AS (
		INSERT INTO klantinteracties.gebeurtenis (kanaal, resource_uuid, actie, cloudevent)
		SELECT $1, r.resource, $3, pg_catalog.jsonb_build_object(
			'specversion', '1.0',
			'id', pg_catalog.gen_random_uuid(),
			'source', $4,
			'type', 'nl.klantinteracties.' || $1 || '.' || $3,
			'subject', r.resource,
			'time', $6,
			'datacontenttype', 'application/json',
			'data', pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
				'kanaal', $1,
				'actie', $3,
				'resource', $2,
				'resourceUuid', r.resource,
				'resourceUrl', CASE WHEN $4 LIKE 'http%%' THEN $4 || '/' || $2 || '/' || r.resource END,
				'kenmerken', r.kenmerken)))
		  FROM r
		 WHERE NOT EXISTS (SELECT FROM bestaand b WHERE b.resource = r.resource)
		 ORDER BY r.resource
		RETURNING id)
	SELECT pg_catalog.max(id) FROM (SELECT id FROM geschreven UNION ALL SELECT id FROM bestaand) AS x$q$,
		CASE TG_OP WHEN 'DELETE' THEN 'oud' ELSE 'nieuw' END, TG_ARGV[2], TG_TABLE_NAME)
	INTO laatste USING kanaal, pad, actie, bron, hoofd,
		-- The transaction's time, once per statement rather than per row.
		pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
	IF laatste IS NOT NULL THEN
		PERFORM pg_catalog.pg_notify('klantinteracties_gebeurtenis', laatste::text);
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION gebeurtenis_schrijven() FROM PUBLIC;
COMMENT ON FUNCTION gebeurtenis_schrijven() IS 'Trigger function (AFTER INSERT, UPDATE, DELETE per statement with transition tables oud and nieuw; arguments: channel, resource path, key column) on partij and its details, klantcontact, interne_taak and interne_taak_actor: writes the transaction''s CloudEvents record per resource in gebeurtenis, or merges it into the one the transaction has (rewriting it only when that changes it), and NOTIFYs klantinteracties_gebeurtenis with the newest id written or merged into. Nothing while row_security is off (pg_restore).';

DO $$
DECLARE
	t record;
	bewerking text;
BEGIN
	FOR t IN SELECT * FROM (VALUES ('partij', 'partijen', 'uuid'), ('persoon', 'partijen', 'partij'),
			('organisatie', 'partijen', 'partij'), ('contactpersoon', 'partijen', 'partij'),
			('klantcontact', 'klantcontacten', 'uuid'), ('interne_taak', 'internetaken', 'uuid'),
			('interne_taak_actor', 'internetaken', 'interne_taak')) AS v(tabel, kanaal, sleutel)
	LOOP
		FOREACH bewerking IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
			EXECUTE pg_catalog.format('CREATE TRIGGER %I AFTER %s ON klantinteracties.%I REFERENCING %s '
				'FOR EACH STATEMENT EXECUTE FUNCTION klantinteracties.gebeurtenis_schrijven(%L, %L, %L)',
				'gebeurtenis_schrijven_' || bewerking, pg_catalog.upper(bewerking), t.tabel,
				CASE bewerking WHEN 'insert' THEN 'NEW TABLE AS nieuw' WHEN 'update' THEN 'OLD TABLE AS oud NEW TABLE AS nieuw'
					ELSE 'OLD TABLE AS oud' END,
				t.kanaal, t.kanaal, t.sleutel);
		END LOOP;
	END LOOP;
END
$$;
