-- Every table, view, column, function and type of the extension has a
-- comment (COMMENT ON): the counts without one are all zero, and the list
-- of offenders is empty.
SET search_path = klantinteracties, public;

CREATE TEMP VIEW zonder_commentaar AS
WITH leden AS (
	SELECT d.classid, d.objid
	  FROM pg_depend d
	 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'klantinteracties')
)
SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' ELSE 'table' END AS soort,
	   c.oid::regclass::text AS naam
  FROM leden l JOIN pg_class c ON l.classid = 'pg_class'::regclass AND c.oid = l.objid
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND obj_description(c.oid, 'pg_class') IS NULL
UNION ALL
SELECT 'column', c.oid::regclass::text || '.' || quote_ident(a.attname)
  FROM leden l JOIN pg_class c ON l.classid = 'pg_class'::regclass AND c.oid = l.objid
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND col_description(c.oid, a.attnum) IS NULL
UNION ALL
SELECT 'function', p.oid::regprocedure::text
  FROM leden l JOIN pg_proc p ON l.classid = 'pg_proc'::regclass AND p.oid = l.objid
 WHERE obj_description(p.oid, 'pg_proc') IS NULL
UNION ALL
SELECT 'type', format_type(t.oid, NULL)
  FROM leden l JOIN pg_type t ON l.classid = 'pg_type'::regclass AND t.oid = l.objid
 WHERE obj_description(t.oid, 'pg_type') IS NULL;

SELECT s.soort, count(z.naam) AS zonder_commentaar
  FROM (VALUES ('table'), ('view'), ('column'), ('function'), ('type')) AS s(soort)
  LEFT JOIN zonder_commentaar z USING (soort)
 GROUP BY s.soort ORDER BY s.soort;

SELECT soort, naam FROM zonder_commentaar ORDER BY soort, naam;

-- The check itself sees the registry: it counts the tables and columns it
-- inspected (a broken membership query would pass vacuously otherwise).
SELECT count(*) >= 21 AS tabellen_gezien
  FROM pg_depend d JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND c.relkind = 'r'
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'klantinteracties');
