-- Security, part 5: change events.  Every change to a partij (with its
-- persoon / organisatie / contactpersoon details), a klantcontact or an
-- interne taak (with its assignments) writes a CloudEvents 1.0 record to the
-- outbox table gebeurtenis, in the same transaction, and NOTIFYs channel
-- klantinteracties_gebeurtenis with the record's id; a worker forwards the
-- records and sets verzonden_op.  The channels are Open Klant's
-- (open-klant.md 3.6): partijen, klantcontacten, internetaken.  An event
-- carries references and a few flags, never a BSN, an interne notitie or
-- the content of a conversation (Open Klant's partijen channel sends the
-- interne notitie).  One event per resource and transaction: creating a
-- partij and its persoon is one "create".

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
COMMENT ON TABLE gebeurtenis IS 'Outbox of change events (CloudEvents 1.0 JSON) on the channels partijen, klantcontacten and internetaken, written in the changing transaction and announced by NOTIFY klantinteracties_gebeurtenis (payload: id). Only references and flags, no personal data. A worker with the beheer scope reads the unsent ones and sets verzonden_op.';
COMMENT ON COLUMN gebeurtenis.id IS 'Volgnummer van de gebeurtenis; de NOTIFY-payload.';
COMMENT ON COLUMN gebeurtenis.transactie IS 'De transactie die de wijziging deed (één gebeurtenis per resource per transactie).';
COMMENT ON COLUMN gebeurtenis.kanaal IS 'Kanaal: partijen, klantcontacten of internetaken (als in Open Klant).';
COMMENT ON COLUMN gebeurtenis.resource_uuid IS 'De uuid van de gewijzigde partij, het klantcontact of de interne taak.';
COMMENT ON COLUMN gebeurtenis.actie IS 'create, update of destroy (als in Open Notificaties).';
COMMENT ON COLUMN gebeurtenis.cloudevent IS 'De gebeurtenis als CloudEvents 1.0 JSON (specversion, id, source, type, subject, time, datacontenttype, data).';
COMMENT ON COLUMN gebeurtenis.aangemaakt_op IS 'Tijdstip van de transactie die de gebeurtenis schreef.';
COMMENT ON COLUMN gebeurtenis.verzonden_op IS 'Tijdstip waarop de worker de gebeurtenis doorstuurde; leeg = nog te versturen.';

-- The CloudEvents source: the API's base URL when set (ALTER DATABASE ...
-- SET klantinteracties.api_base_url), else a URN naming the database.
CREATE FUNCTION gebeurtenis_bron() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT coalesce(nullif(pg_catalog.rtrim(pg_catalog.current_setting('klantinteracties.api_base_url', true), '/'), ''),
				'urn:klantinteracties:' || pg_catalog.current_database())
$$;
COMMENT ON FUNCTION gebeurtenis_bron() IS 'The source of the change events: the setting klantinteracties.api_base_url without trailing slash, else urn:klantinteracties:<database>.';

-- The flags an event may carry: no text typed by people, no BSN.
CREATE FUNCTION gebeurtenis_kenmerken(tabel name, rij jsonb) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT CASE tabel
	WHEN 'partij' THEN pg_catalog.jsonb_build_object('soortPartij', rij -> 'soort_partij')
	WHEN 'klantcontact' THEN pg_catalog.jsonb_build_object(
		'indicatieContactGelukt', rij -> 'indicatie_contact_gelukt',
		'verdereActieOndernomen', rij -> 'verdere_actie_ondernomen',
		'vertrouwelijk', rij -> 'vertrouwelijk')
	WHEN 'interne_taak' THEN pg_catalog.jsonb_build_object('status', rij -> 'status')
	ELSE '{}'::jsonb END
$$;
COMMENT ON FUNCTION gebeurtenis_kenmerken(name, jsonb) IS 'The kenmerken of a change event for a row (as JSON): soortPartij of a partij; indicatieContactGelukt, verdereActieOndernomen and vertrouwelijk of a klantcontact; status of an interne taak. Never text typed by people, never a BSN.';

-- A second change of a resource in one transaction updates its event: a
-- create stays a create, a destroy wins; the kenmerken of the resource's
-- own row win over a detail's.
CREATE FUNCTION gebeurtenis_samenvoegen(bestaand jsonb, nieuw jsonb, hoofd boolean) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT pg_catalog.jsonb_set(pg_catalog.jsonb_set(pg_catalog.jsonb_set(bestaand,
		   '{type}', pg_catalog.to_jsonb(pg_catalog.regexp_replace(bestaand ->> 'type', '[a-z]+$', a.actie))),
		   '{data,actie}', pg_catalog.to_jsonb(a.actie)),
		   '{data,kenmerken}', CASE WHEN hoofd THEN nieuw #> '{data,kenmerken}' ELSE bestaand #> '{data,kenmerken}' END)
  FROM (SELECT CASE WHEN 'destroy' IN (bestaand #>> '{data,actie}', nieuw #>> '{data,actie}') THEN 'destroy'
					WHEN bestaand #>> '{data,actie}' = 'create' THEN 'create'
					ELSE nieuw #>> '{data,actie}' END AS actie) AS a
$$;
COMMENT ON FUNCTION gebeurtenis_samenvoegen(jsonb, jsonb, boolean) IS 'Merges a second change event of a resource in one transaction into the first: a create stays a create, a destroy wins; the kenmerken come from the new event when it is of the resource''s own row (hoofd).';

-- Statement level with transition tables, as the audit trigger: one INSERT
-- (and one NOTIFY, with the newest id) per statement, not one per row.
CREATE FUNCTION gebeurtenis_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
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
	-- The transition table by name (oud for a delete, else nieuw), hence EXECUTE.
	EXECUTE pg_catalog.format($q$
	WITH geschreven AS (
		INSERT INTO klantinteracties.gebeurtenis AS g (kanaal, resource_uuid, actie, cloudevent)
		-- One event per resource (the rows of one taak's assignments share it).
		SELECT DISTINCT ON (r.resource) $1, r.resource, $3, pg_catalog.jsonb_build_object(
			'specversion', '1.0',
			'id', pg_catalog.gen_random_uuid(),
			'source', $4,
			'type', 'nl.klantinteracties.' || $1 || '.' || $3,
			'subject', r.resource,
			'time', pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
			'datacontenttype', 'application/json',
			'data', pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
				'kanaal', $1,
				'actie', $3,
				'resource', $2,
				'resourceUuid', r.resource,
				'resourceUrl', CASE WHEN $4 LIKE 'http%%' THEN $4 || '/' || $2 || '/' || r.resource END,
				'kenmerken', klantinteracties.gebeurtenis_kenmerken($6, r.rij))))
		  FROM (SELECT (pg_catalog.to_jsonb(t) ->> $5)::uuid AS resource, pg_catalog.to_jsonb(t) AS rij FROM %I t) AS r
		 WHERE r.resource IS NOT NULL
		 ORDER BY r.resource
		ON CONFLICT ON CONSTRAINT gebeurtenis_een_per_resource_per_transactie DO UPDATE
		   SET cloudevent = klantinteracties.gebeurtenis_samenvoegen(g.cloudevent, excluded.cloudevent, $7),
			   actie = klantinteracties.gebeurtenis_samenvoegen(g.cloudevent, excluded.cloudevent, $7) #>> '{data,actie}'
		RETURNING g.id)
	SELECT pg_catalog.max(id) FROM geschreven$q$, CASE TG_OP WHEN 'DELETE' THEN 'oud' ELSE 'nieuw' END)
	INTO laatste USING kanaal, pad, actie, bron, TG_ARGV[2], TG_TABLE_NAME, hoofd;
	IF laatste IS NOT NULL THEN
		PERFORM pg_catalog.pg_notify('klantinteracties_gebeurtenis', laatste::text);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION gebeurtenis_schrijven() IS 'Trigger function (AFTER INSERT, UPDATE, DELETE per statement with transition tables oud and nieuw; arguments: channel, resource path, key column) on partij and its details, klantcontact, interne_taak and interne_taak_actor: writes or merges the transaction''s CloudEvents record per resource in gebeurtenis and NOTIFYs klantinteracties_gebeurtenis with the newest id. Nothing while row_security is off (pg_restore).';

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
