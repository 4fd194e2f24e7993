SET search_path = klantinteracties, public;
SELECT '111222333'::bsn, '1112.22.333'::bsn, '00009921'::bsn;
SELECT '123456789'::bsn;
