-- TEMPORARY (branch datamodel only): stand-ins for the types other branches
-- are building, so the data model installs before they are merged.  Deleted
-- when main brings the real types.
CREATE DOMAIN iban AS text;
CREATE DOMAIN bic AS text;
CREATE DOMAIN emailadres AS text CHECK (VALUE ~ '^[^@ ]+@[^@ ]+\.[a-z]+$');
CREATE DOMAIN telefoonnummer AS text CHECK (VALUE ~ '^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$');
CREATE FUNCTION telefoonnummer_soort(telefoonnummer) RETURNS text LANGUAGE sql IMMUTABLE STRICT
	AS $$ SELECT CASE WHEN $1 ~ '^0800' THEN 'gratis' WHEN $1 ~ '^090' THEN 'betaald' WHEN $1 ~ '^06' THEN 'mobiel' WHEN $1 ~ '^0' THEN 'vast' END $$;
