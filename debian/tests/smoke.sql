-- Smoke test of an installed klantinteracties: run by debian/tests/smoke
-- (autopkgtest) and scripts/deb_test.sh (make deb-test) on a throwaway
-- cluster.  Stops at the first error.
\set ON_ERROR_STOP on
CREATE EXTENSION klantinteracties CASCADE;
SET search_path = klantinteracties, public;
SELECT e.extname, e.extversion, n.nspname AS schema
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY 1;
SELECT '1112.22.333'::bsn AS bsn, '020-123 45 67'::telefoonnummer AS telefoon,
	'Jan@Voorbeeld.NL'::emailadres AS email, 'nl91 abna 0417 1643 00'::iban AS iban,
	'1015cj'::postcode AS postcode, is_bsn('123456789') AS is_bsn;
SELECT registreer_partij('111222333'::bsn, achternaam => 'Jansen', telefoonnummer => '0612345678') IS NOT NULL AS geregistreerd;
SELECT jsonb_typeof(klantbeeld('111222333'::bsn)) AS klantbeeld,
	klantbeeld('111222333'::bsn) ::text LIKE '%+31612345678%' AS met_telefoon;
SELECT count(*) > 0 AS api_views FROM pg_views WHERE schemaname = 'klantinteracties_api';
