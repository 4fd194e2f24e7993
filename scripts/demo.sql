-- klantinteracties demo: what the extension does, step by step.
\pset null '(null)'
SET search_path = klantinteracties, public;

-- Identification numbers are validated and stored in canonical form.
SELECT '1112.22.333'::bsn AS bsn, '00009921'::bsn AS bsn_8_cijfers,
	'5174 39 943'::rsin AS rsin, '6959 9084'::kvk_nummer AS kvk_nummer,
	'000038509504'::vestigingsnummer AS vestigingsnummer;

-- A mistyped BSN fails loudly, with the reason.
SELECT '123456789'::bsn;
SELECT '1234567'::kvk_nummer;

-- The predicates never raise: handy to screen imported data.
SELECT v AS invoer, is_bsn(v) AS is_bsn, is_rsin(v) AS is_rsin,
	is_kvk_nummer(v) AS is_kvk_nummer
FROM (VALUES ('111222333'), ('123456789'), ('69599084'), ('NL002564440B01')) AS t(v);
