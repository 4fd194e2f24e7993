-- What the DBA did after installing the extension, in test/upgrade.sh on
-- the database to be updated (before its data) and on the fresh install it
-- is compared with: the API roles (maak_api_rollen), an employee role with
-- every scope but beheer for the data's API requests, and privileges of
-- the DBA's own on the extension's objects (a view, a table's columns, a
-- function, a schema; a default privilege revoked), which an update must
-- keep as they are and must not turn into initial privileges of the
-- extension; and a trigger of its own on a registry table.  Only objects
-- that every version has.  test/upgrade.sh drops the roles.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT klantinteracties.maak_api_rollen();
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ki_upgrade_medewerker') THEN
		CREATE ROLE ki_upgrade_medewerker NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ki_upgrade_rapportage') THEN
		CREATE ROLE ki_upgrade_rapportage NOLOGIN;
	END IF;
END
$$;
GRANT klantinteracties_schrijver, klantinteracties_bsn, klantinteracties_geheim TO ki_upgrade_medewerker;
GRANT ki_upgrade_medewerker TO authenticator;
GRANT SELECT ON klantinteracties_api.partijen TO ki_upgrade_rapportage;
GRANT SELECT (uuid, soort_partij, gewijzigd_op) ON klantinteracties.partij TO ki_upgrade_rapportage;
GRANT EXECUTE ON FUNCTION klantinteracties.heeft_scope(text) TO ki_upgrade_rapportage WITH GRANT OPTION;
GRANT USAGE ON SCHEMA klantinteracties TO ki_upgrade_rapportage;
REVOKE EXECUTE ON FUNCTION klantinteracties.is_bag_id(text) FROM PUBLIC;
-- A trigger of the DBA's own on a registry table, calling a function of the
-- DBA's own: an update leaves it alone.
CREATE OR REPLACE FUNCTION public.ki_upgrade_eigen_trigger() RETURNS trigger
	LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER ki_upgrade_eigen AFTER INSERT ON klantinteracties.categorie
	FOR EACH STATEMENT EXECUTE FUNCTION public.ki_upgrade_eigen_trigger();
