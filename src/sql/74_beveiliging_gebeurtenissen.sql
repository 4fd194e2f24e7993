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

CREATE FUNCTION gebeurtenis_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	rij jsonb := pg_catalog.to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END);
	-- TG_ARGV: channel, resource path, key column; a detail table's change
	-- is an update of its resource.
	kanaal text := TG_ARGV[0];
	hoofd boolean := TG_ARGV[2] = 'uuid';
	resource uuid := (rij ->> TG_ARGV[2])::uuid;
	actie text := CASE WHEN NOT hoofd THEN 'update'
					   WHEN TG_OP = 'INSERT' THEN 'create' WHEN TG_OP = 'DELETE' THEN 'destroy' ELSE 'update' END;
	id bigint;
BEGIN
	IF pg_catalog.current_setting('row_security') = 'off' THEN
		RETURN NULL;   -- pg_restore: the outbox is restored as it was
	END IF;
	INSERT INTO klantinteracties.gebeurtenis AS g (kanaal, resource_uuid, actie, cloudevent)
	VALUES (kanaal, resource, actie, pg_catalog.jsonb_build_object(
		'specversion', '1.0',
		'id', pg_catalog.gen_random_uuid(),
		'source', klantinteracties.gebeurtenis_bron(),
		'type', 'nl.klantinteracties.' || kanaal || '.' || actie,
		'subject', resource,
		'time', pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
		'datacontenttype', 'application/json',
		'data', pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
			'kanaal', kanaal,
			'actie', actie,
			'resource', TG_ARGV[1],
			'resourceUuid', resource,
			'resourceUrl', CASE WHEN klantinteracties.gebeurtenis_bron() LIKE 'http%'
				THEN klantinteracties.gebeurtenis_bron() || '/' || TG_ARGV[1] || '/' || resource END,
			'kenmerken', klantinteracties.gebeurtenis_kenmerken(TG_TABLE_NAME, rij)))))
	ON CONFLICT ON CONSTRAINT gebeurtenis_een_per_resource_per_transactie DO UPDATE
	   SET cloudevent = klantinteracties.gebeurtenis_samenvoegen(g.cloudevent, excluded.cloudevent, hoofd),
		   actie = klantinteracties.gebeurtenis_samenvoegen(g.cloudevent, excluded.cloudevent, hoofd) #>> '{data,actie}'
	RETURNING g.id INTO id;
	PERFORM pg_catalog.pg_notify('klantinteracties_gebeurtenis', id::text);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION gebeurtenis_schrijven() IS 'Trigger function (AFTER INSERT, UPDATE, DELETE per row; arguments: channel, resource path, key column) on partij and its details, klantcontact, interne_taak and interne_taak_actor: writes or merges the transaction''s CloudEvents record in gebeurtenis and NOTIFYs klantinteracties_gebeurtenis with its id. Nothing while row_security is off (pg_restore).';

CREATE TRIGGER gebeurtenis_schrijven AFTER INSERT OR UPDATE OR DELETE ON partij
	FOR EACH ROW EXECUTE FUNCTION gebeurtenis_schrijven('partijen', 'partijen', 'uuid');
CREATE TRIGGER gebeurtenis_schrijven AFTER INSERT OR UPDATE OR DELETE ON persoon
	FOR EACH ROW EXECUTE FUNCTION gebeurtenis_schrijven('partijen', 'partijen', 'partij');
CREATE TRIGGER gebeurtenis_schrijven AFTER INSERT OR UPDATE OR DELETE ON organisatie
	FOR EACH ROW EXECUTE FUNCTION gebeurtenis_schrijven('partijen', 'partijen', 'partij');
CREATE TRIGGER gebeurtenis_schrijven AFTER INSERT OR UPDATE OR DELETE ON contactpersoon
	FOR EACH ROW EXECUTE FUNCTION gebeurtenis_schrijven('partijen', 'partijen', 'partij');
CREATE TRIGGER gebeurtenis_schrijven AFTER INSERT OR UPDATE OR DELETE ON klantcontact
	FOR EACH ROW EXECUTE FUNCTION gebeurtenis_schrijven('klantcontacten', 'klantcontacten', 'uuid');
CREATE TRIGGER gebeurtenis_schrijven AFTER INSERT OR UPDATE OR DELETE ON interne_taak
	FOR EACH ROW EXECUTE FUNCTION gebeurtenis_schrijven('internetaken', 'internetaken', 'uuid');
CREATE TRIGGER gebeurtenis_schrijven AFTER INSERT OR UPDATE OR DELETE ON interne_taak_actor
	FOR EACH ROW EXECUTE FUNCTION gebeurtenis_schrijven('internetaken', 'internetaken', 'interne_taak');
