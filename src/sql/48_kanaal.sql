-- Kanalen: the reference list of communication channels that klantcontact.kanaal
-- is checked against, Open Klant's counterpart being the "kanaal" table of a
-- Referentielijsten API (its KanaalValidator, when configured).  A DBA fills
-- it; while it is empty every kanaal is accepted, as in Open Klant without
-- that configuration.  A kanaal is valid from geldig_vanaf (inclusive) until
-- geldig_tot (exclusive), as Open Klant reads begin- and
-- einddatumGeldigheid.  Only a new or changed kanaal is checked, so
-- klantcontacten registered on a channel that has since ended can still be
-- corrected.  Reference data, no personal data; after the roles and scopes
-- (48_beveiliging_rollen.sql), before the config-dump registration (49).

-- @NEW 0.2.0
CREATE TABLE kanaal (
	code varchar(50) NOT NULL,
	naam varchar(200) NOT NULL DEFAULT '',
	geldig_vanaf timestamptz,
	geldig_tot timestamptz,
	CONSTRAINT kanaal_pkey PRIMARY KEY (code),
	CONSTRAINT kanaal_code_niet_leeg CHECK (pg_catalog.btrim(code) <> ''),
	CONSTRAINT kanaal_geldig_vanaf_voor_tot CHECK (geldig_vanaf < geldig_tot)
);
-- @END
COMMENT ON TABLE kanaal IS 'Reference list of the communication channels (kanalen) a klantcontact may name, filled by a DBA (superuser); empty: every kanaal is accepted. Open Klant checks kanaal against a Referentielijsten API table instead.';
COMMENT ON COLUMN kanaal.code IS 'The kanaal as klantcontact.kanaal names it (telefoon, email, balie, ...).';
COMMENT ON COLUMN kanaal.naam IS 'Description of the channel.';
COMMENT ON COLUMN kanaal.geldig_vanaf IS 'From when the kanaal may be used (inclusive); NULL: always before.';
COMMENT ON COLUMN kanaal.geldig_tot IS 'Until when the kanaal may be used (exclusive); NULL: no end.';
COMMENT ON CONSTRAINT kanaal_pkey ON kanaal IS 'A kanaal is listed once.';
COMMENT ON CONSTRAINT kanaal_code_niet_leeg ON kanaal IS 'A kanaal has a code.';
COMMENT ON CONSTRAINT kanaal_geldig_vanaf_voor_tot ON kanaal IS 'A period of validity ends after it begins.';
-- A DBA (superuser) maintains the list.  As every registry table, only the
-- owner of the views and functions holds privileges on it (none of them
-- offers it yet); the check below runs as the installing superuser.
GRANT SELECT, INSERT, UPDATE, DELETE ON kanaal TO klantinteracties_eigenaar;
ALTER TABLE kanaal ENABLE ROW LEVEL SECURITY;
ALTER TABLE kanaal FORCE ROW LEVEL SECURITY;
CREATE POLICY lezen ON kanaal FOR SELECT TO klantinteracties_lezer USING ((SELECT klantinteracties.heeft_scope('read')));

-- Internal: sees the whole list whatever the writer may read.
CREATE OR REPLACE FUNCTION klantcontact_kanaal_controleren() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	-- Only a new or changed kanaal; nothing while row_security is off: only
	-- superusers and BYPASSRLS roles can write then, and pg_restore sets it
	-- off while it loads the tables (a kanaal that has ended since a row
	-- was written must not stop its restore).
	IF (TG_OP = 'UPDATE' AND NEW.kanaal IS NOT DISTINCT FROM OLD.kanaal)
	   OR pg_catalog.current_setting('row_security') = 'off' THEN
		RETURN NEW;
	END IF;
	IF EXISTS (SELECT FROM klantinteracties.kanaal)
	   AND NOT EXISTS (SELECT FROM klantinteracties.kanaal k
					   WHERE k.code = NEW.kanaal
						 AND (k.geldig_vanaf IS NULL OR k.geldig_vanaf <= now())
						 AND (k.geldig_tot IS NULL OR now() < k.geldig_tot)) THEN
		RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'klantcontact_kanaal_in_lijst',
			MESSAGE = format('kanaal "%s" is not a valid kanaal', NEW.kanaal),
			DETAIL = 'The valid kanalen now: ' || coalesce((SELECT string_agg(k.code, ', ' ORDER BY k.code)
				FROM klantinteracties.kanaal k
			   WHERE (k.geldig_vanaf IS NULL OR k.geldig_vanaf <= now()) AND (k.geldig_tot IS NULL OR now() < k.geldig_tot)), 'none') || '.',
			HINT = 'The list is table klantinteracties.kanaal.';
	END IF;
	RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION klantcontact_kanaal_controleren() FROM PUBLIC;
COMMENT ON FUNCTION klantcontact_kanaal_controleren() IS 'Internal: trigger of klantcontact; a new or changed kanaal must be in table kanaal and valid now, when that table has rows (23514, named as constraint klantcontact_kanaal_in_lijst); not while row_security is off (pg_restore).';
CREATE TRIGGER kanaal_controleren BEFORE INSERT OR UPDATE OF kanaal ON klantcontact
	FOR EACH ROW EXECUTE FUNCTION klantcontact_kanaal_controleren();
