-- Every table, view, column, function and type of the extension has a
-- comment (COMMENT ON): the counts without one are all zero, and the list
-- of offenders is empty.
\i sql/include/helpers.psql

CREATE TEMP VIEW zonder_commentaar AS
SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' ELSE 'table' END AS soort,
	   c.oid::regclass::text AS naam
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND obj_description(c.oid, 'pg_class') IS NULL
UNION ALL
SELECT 'column', c.oid::regclass::text || '.' || quote_ident(a.attname)
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND col_description(c.oid, a.attnum) IS NULL
UNION ALL
SELECT 'function', p.oid::regprocedure::text
  FROM pg_proc p JOIN pg_temp.extension_members('pg_proc') m ON m = p.oid
 WHERE obj_description(p.oid, 'pg_proc') IS NULL
UNION ALL
SELECT 'type', format_type(t.oid, NULL)
  FROM pg_type t JOIN pg_temp.extension_members('pg_type') m ON m = t.oid
 WHERE obj_description(t.oid, 'pg_type') IS NULL;

SELECT s.soort, count(z.naam) AS zonder_commentaar
  FROM (VALUES ('table'), ('view'), ('column'), ('function'), ('type')) AS s(soort)
  LEFT JOIN zonder_commentaar z USING (soort)
 GROUP BY s.soort ORDER BY s.soort;

SELECT soort, naam FROM zonder_commentaar ORDER BY soort, naam;

-- The check itself sees the registry: it counts the tables and columns it
-- inspected (a broken membership query would pass vacuously otherwise).
SELECT count(*) >= 21 AS tabellen_gezien
  FROM pg_class c JOIN pg_temp.extension_members('pg_class') m ON m = c.oid
 WHERE c.relkind = 'r';
