-- TEMPORARY (branch datamodel only): stand-ins for the types other branches
-- are building, so the data model installs before they are merged.  Deleted
-- when main brings the real types.
CREATE DOMAIN iban AS text;
CREATE DOMAIN bic AS text;
