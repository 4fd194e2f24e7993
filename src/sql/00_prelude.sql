-- Every object of the extension lives in schema klantinteracties (the
-- control file's schema); helper functions are schema-qualified or pin
-- their search_path, as extension scripts must.

COMMENT ON SCHEMA klantinteracties IS 'Klantinteracties registry (VNG standard): validated Dutch identification and contact types, the registry tables, klant identification and the klantbeeld.';
