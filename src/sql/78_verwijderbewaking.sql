-- The registry does not vanish by one statement (issue 14, finding 2):
-- DROP EXTENSION klantinteracties, with or without CASCADE, a DROP ...
-- CASCADE of what the extension rests on (its schema, pg_trgm), and DROP
-- OWNED BY its owner are refused unless the DBA says so in the transaction:
--   BEGIN; SET LOCAL klantinteracties.verwijderen_toegestaan = on;
--   DROP EXTENSION klantinteracties; COMMIT;
-- The check runs at ddl_command_start, before anything is dropped, in C,
-- which alone sees the statement's objects (src/verwijderbewaking.c says
-- why not at sql_drop).  Event triggers do not fire in single-user mode,
-- nor under session_replication_role = replica or, from PostgreSQL 17 on,
-- event_triggers = off: a superuser's ways around it, on purpose.

-- Internal (kind 3): fired by the event trigger only; it reads the catalog
-- with schema-qualified names.
CREATE OR REPLACE FUNCTION verwijderbewaking() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'ki_verwijderbewaking'
	LANGUAGE C VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION verwijderbewaking() FROM PUBLIC;
COMMENT ON FUNCTION verwijderbewaking() IS 'Event trigger function (ddl_command_start of DROP EXTENSION, DROP SCHEMA, DROP OWNED): refuses (SQLSTATE 55000) a statement that would drop extension klantinteracties and its registry, unless klantinteracties.verwijderen_toegestaan is on; then the drop is written to the server log.';

CREATE EVENT TRIGGER klantinteracties_verwijderbewaking ON ddl_command_start
	WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA', 'DROP OWNED')
	EXECUTE FUNCTION verwijderbewaking();
COMMENT ON EVENT TRIGGER klantinteracties_verwijderbewaking IS 'Refuses DROP EXTENSION klantinteracties (and drops that would cascade to it) unless SET LOCAL klantinteracties.verwijderen_toegestaan = on was given in the transaction (function verwijderbewaking).';
