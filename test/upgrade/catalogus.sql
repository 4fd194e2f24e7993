-- The catalog of the extension klantinteracties as text, one fact a line,
-- sorted: what test/upgrade.sh compares between a database updated from an
-- earlier version and a fresh install.  Every object of the extension
-- (its members, and whatever lives in its schemas or hangs from its
-- tables), by name, never by OID: definitions, owners, privileges
-- (sorted entries; a NULL ACL as acldefault makes it, marked), comments,
-- extension membership, the extension's initial privileges (pg_init_privs),
-- its configuration tables (pg_extension_config_dump) and every dependency
-- between its objects.  Multi-line values print with \n.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset fieldsep ' | '
SET search_path = pg_catalog, pg_temp;

CREATE TEMP TABLE ki_ext AS
	SELECT e.oid, e.extowner FROM pg_extension e WHERE e.extname = 'klantinteracties';
CREATE TEMP TABLE ki_schema AS
	SELECT n.oid FROM pg_namespace n WHERE n.nspname IN ('klantinteracties', 'klantinteracties_api');

-- acl as sorted text; NULL means the default of its kind for its owner.
CREATE FUNCTION pg_temp.ki_acl(acl aclitem[], soort "char", eigenaar oid) RETURNS text
	LANGUAGE sql STABLE AS $$
SELECT coalesce(string_agg(e, ',' ORDER BY e COLLATE "C"), '(none)')
  FROM (SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END
			   || '=' || x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END
			   || '/' || pg_get_userbyid(x.grantor) AS e
		  FROM aclexplode(coalesce(acl, acldefault(soort, eigenaar))) x) x
$$;
CREATE FUNCTION pg_temp.ki_regel(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT replace(replace(t, E'\\', E'\\\\'), E'\n', E'\\n')
$$;

-- Every object that is ours: a member, or in one of our schemas, or a
-- part of one (column, constraint, trigger, policy, rule, index...).
CREATE TEMP TABLE ki_object AS
WITH alle AS (
	SELECT d.classid, d.objid, d.objsubid FROM pg_depend d, ki_ext e
	 WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e'
	UNION SELECT 'pg_class'::regclass, c.oid, 0 FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_proc'::regclass, p.oid, 0 FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_type'::regclass, t.oid, 0 FROM pg_type t WHERE t.typnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_operator'::regclass, o.oid, 0 FROM pg_operator o WHERE o.oprnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_opclass'::regclass, o.oid, 0 FROM pg_opclass o WHERE o.opcnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_opfamily'::regclass, o.oid, 0 FROM pg_opfamily o WHERE o.opfnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_collation'::regclass, o.oid, 0 FROM pg_collation o WHERE o.collnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_conversion'::regclass, o.oid, 0 FROM pg_conversion o WHERE o.connamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_statistic_ext'::regclass, o.oid, 0 FROM pg_statistic_ext o WHERE o.stxnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_ts_config'::regclass, o.oid, 0 FROM pg_ts_config o WHERE o.cfgnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_ts_dict'::regclass, o.oid, 0 FROM pg_ts_dict o WHERE o.dictnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_namespace'::regclass, oid, 0 FROM ki_schema
	UNION SELECT 'pg_extension'::regclass, oid, 0 FROM ki_ext
	UNION SELECT 'pg_constraint'::regclass, c.oid, 0 FROM pg_constraint c
	 WHERE c.connamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_trigger'::regclass, t.oid, 0 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
	 WHERE c.relnamespace IN (SELECT oid FROM ki_schema) AND NOT t.tgisinternal
	UNION SELECT 'pg_policy'::regclass, p.oid, 0 FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
	 WHERE c.relnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_rewrite'::regclass, r.oid, 0 FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
	 WHERE c.relnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_attrdef'::regclass, a.oid, 0 FROM pg_attrdef a JOIN pg_class c ON c.oid = a.adrelid
	 WHERE c.relnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_event_trigger'::regclass, t.oid, 0 FROM pg_event_trigger t
	UNION SELECT 'pg_cast'::regclass, k.oid, 0 FROM pg_cast k
	 JOIN pg_type s ON s.oid = k.castsource JOIN pg_type t ON t.oid = k.casttarget
	 WHERE s.typnamespace IN (SELECT oid FROM ki_schema) OR t.typnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_amop'::regclass, a.oid, 0 FROM pg_amop a JOIN pg_opfamily f ON f.oid = a.amopfamily
	 WHERE f.opfnamespace IN (SELECT oid FROM ki_schema)
	UNION SELECT 'pg_amproc'::regclass, a.oid, 0 FROM pg_amproc a JOIN pg_opfamily f ON f.oid = a.amprocfamily
	 WHERE f.opfnamespace IN (SELECT oid FROM ki_schema)
)
SELECT a.classid, a.objid, a.objsubid,
	   pg_describe_object(a.classid, a.objid, a.objsubid) AS naam,
	   EXISTS (SELECT FROM pg_depend d, ki_ext e WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
			   AND d.deptype = 'e' AND d.classid = a.classid AND d.objid = a.objid AND d.objsubid = a.objsubid) AS lid
  FROM alle a;
CREATE INDEX ON ki_object (classid, objid);

CREATE TEMP TABLE ki_feit (soort text, object text, eigenschap text, waarde text);

-- Which objects exist, and which are members of the extension.
INSERT INTO ki_feit SELECT 'object', naam, 'member', lid::text FROM ki_object;

-- The extension itself.
INSERT INTO ki_feit SELECT 'extension', e.extname, 'owner schema relocatable version',
	   pg_get_userbyid(e.extowner) || ' ' || e.extnamespace::regnamespace || ' ' || e.extrelocatable || ' ' || e.extversion
  FROM pg_extension e JOIN ki_ext k ON k.oid = e.oid;
INSERT INTO ki_feit SELECT 'extension', e.extname, 'config ' || c.relid::regclass::text, coalesce(e.extcondition[c.nr], '(no condition)')
  FROM pg_extension e JOIN ki_ext k ON k.oid = e.oid, unnest(e.extconfig) WITH ORDINALITY AS c(relid, nr);

-- Comments on everything (pg_description: objects and their columns).
INSERT INTO ki_feit SELECT 'comment', pg_describe_object(d.classoid, d.objoid, d.objsubid), '', d.description
  FROM pg_description d JOIN ki_object o ON o.classid = d.classoid AND o.objid = d.objoid;

-- The extension's initial privileges, as pg_dump reads them.
INSERT INTO ki_feit SELECT 'init_privs', pg_describe_object(i.classoid, i.objoid, i.objsubid), concat(i.privtype),
	   pg_temp.ki_acl(i.initprivs, 'f', 0)
  FROM pg_init_privs i JOIN ki_object o ON o.classid = i.classoid AND o.objid = i.objoid;

-- Every dependency from or to one of our objects (but the member rows,
-- above, the pinned system objects, and the objects named by OID: TOAST
-- tables and the internal triggers of foreign keys).
CREATE FUNCTION pg_temp.ki_oidnaam(klasse oid, id oid) RETURNS boolean LANGUAGE sql STABLE AS $$
SELECT CASE klasse
	WHEN 'pg_class'::regclass THEN EXISTS (SELECT FROM pg_class c WHERE c.oid = id AND c.relnamespace = 'pg_toast'::regnamespace)
	WHEN 'pg_type'::regclass THEN EXISTS (SELECT FROM pg_type t WHERE t.oid = id AND t.typnamespace = 'pg_toast'::regnamespace)
	WHEN 'pg_trigger'::regclass THEN EXISTS (SELECT FROM pg_trigger t WHERE t.oid = id AND t.tgisinternal)
	ELSE false END
$$;
INSERT INTO ki_feit SELECT 'depend', pg_describe_object(d.classid, d.objid, d.objsubid), concat(d.deptype),
	   pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid)
  FROM pg_depend d
 WHERE d.deptype <> 'e'
   AND (EXISTS (SELECT FROM ki_object o WHERE o.classid = d.classid AND o.objid = d.objid)
		OR EXISTS (SELECT FROM ki_object o WHERE o.classid = d.refclassid AND o.objid = d.refobjid))
   AND NOT pg_temp.ki_oidnaam(d.classid, d.objid) AND NOT pg_temp.ki_oidnaam(d.refclassid, d.refobjid);

-- Schemas.
INSERT INTO ki_feit SELECT 'schema', n.nspname, 'owner', pg_get_userbyid(n.nspowner) FROM pg_namespace n JOIN ki_schema s USING (oid);
INSERT INTO ki_feit SELECT 'schema', n.nspname, 'acl', pg_temp.ki_acl(n.nspacl, 'n', n.nspowner)
	|| CASE WHEN n.nspacl IS NULL THEN ' (no ACL)' ELSE '' END FROM pg_namespace n JOIN ki_schema s USING (oid);

-- Functions, procedures and aggregates.
INSERT INTO ki_feit
SELECT 'function', p.oid::regprocedure::text, x.eigenschap, x.waarde
  FROM pg_proc p JOIN ki_object o ON o.classid = 'pg_proc'::regclass AND o.objid = p.oid,
	   LATERAL (VALUES
		('owner', pg_get_userbyid(p.proowner)),
		('acl', pg_temp.ki_acl(p.proacl, 'f', p.proowner) || CASE WHEN p.proacl IS NULL THEN ' (no ACL)' ELSE '' END),
		('kind leakproof', concat_ws(' ', p.prokind, p.proleakproof)),
		('definition', CASE WHEN p.prokind = 'a' THEN
			(SELECT concat_ws(' ', a.aggkind, a.aggnumdirectargs, a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
					a.aggserialfn, a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn, a.aggfinalextra,
					a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify, a.aggsortop::regoperator,
					a.aggtranstype::regtype, a.aggtransspace, a.aggmtranstype::regtype, a.aggmtransspace,
					a.agginitval, a.aggminitval, p.proparallel, p.prorettype::regtype)
			   FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
			ELSE pg_get_functiondef(p.oid) END)) AS x(eigenschap, waarde);

-- Types.
INSERT INTO ki_feit
SELECT 'type', format_type(t.oid, NULL), x.eigenschap, x.waarde
  FROM pg_type t JOIN ki_object o ON o.classid = 'pg_type'::regclass AND o.objid = t.oid,
	   LATERAL (VALUES
		('owner', pg_get_userbyid(t.typowner)),
		('acl', pg_temp.ki_acl(t.typacl, 'T', t.typowner) || CASE WHEN t.typacl IS NULL THEN ' (no ACL)' ELSE '' END),
		('definition', concat_ws(' ', t.typtype, t.typlen, t.typbyval, t.typcategory, t.typispreferred, t.typisdefined,
			t.typdelim, t.typrelid::regclass, format_type(nullif(t.typelem, 0), NULL), format_type(nullif(t.typarray, 0), NULL),
			t.typinput::regprocedure, t.typoutput::regprocedure, nullif(t.typreceive, 0)::regprocedure,
			nullif(t.typsend, 0)::regprocedure, nullif(t.typmodin, 0)::regprocedure, nullif(t.typmodout, 0)::regprocedure,
			nullif(t.typanalyze, 0)::regprocedure, t.typalign, t.typstorage, t.typnotnull,
			format_type(nullif(t.typbasetype, 0), NULL), t.typtypmod, t.typndims,
			(SELECT c.collname FROM pg_collation c WHERE c.oid = t.typcollation),
			pg_get_expr(t.typdefaultbin, 0), t.typdefault)),
		('enum', (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)),
		('range', (SELECT concat_ws(' ', format_type(r.rngsubtype, NULL), r.rngsubopc::regclass, r.rngcanonical, r.rngsubdiff)
					 FROM pg_range r WHERE r.rngtypid = t.oid))) AS x(eigenschap, waarde)
 WHERE x.waarde IS NOT NULL;

-- Relations: tables, views, sequences, indexes, composite types.
INSERT INTO ki_feit
SELECT 'relation', c.oid::regclass::text, x.eigenschap, x.waarde
  FROM pg_class c JOIN ki_object o ON o.classid = 'pg_class'::regclass AND o.objid = c.oid,
	   LATERAL (VALUES
		('kind', concat_ws(' ', c.relkind, c.relpersistence, c.relrowsecurity, c.relforcerowsecurity, c.relreplident,
				 c.relispartition, array_to_string(c.reloptions, ','))),
		('owner', pg_get_userbyid(c.relowner)),
		('acl', pg_temp.ki_acl(c.relacl, (CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::"char", c.relowner)
				|| CASE WHEN c.relacl IS NULL THEN ' (no ACL)' ELSE '' END),
		('view', CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END),
		('index', CASE WHEN c.relkind IN ('i', 'I') THEN pg_get_indexdef(c.oid) END),
		('sequence', (SELECT concat_ws(' ', s.seqtypid::regtype, s.seqstart, s.seqincrement, s.seqmax, s.seqmin, s.seqcache, s.seqcycle)
						FROM pg_sequence s WHERE s.seqrelid = c.oid))) AS x(eigenschap, waarde)
 WHERE x.waarde IS NOT NULL;

-- Columns, in the order SELECT * shows them (dropped columns do not count).
INSERT INTO ki_feit
SELECT 'column', a.attrelid::regclass::text || '.' || a.attname, x.eigenschap, x.waarde
  FROM (SELECT a.*, row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) AS positie
		  FROM pg_attribute a JOIN ki_object o ON o.classid = 'pg_class'::regclass AND o.objid = a.attrelid
		 WHERE a.attnum > 0 AND NOT a.attisdropped) a
  JOIN pg_class c ON c.oid = a.attrelid,
	   LATERAL (VALUES
		('definition', concat_ws(' ', a.positie, format_type(a.atttypid, a.atttypmod),
			CASE WHEN a.attnotnull THEN 'NOT NULL' END,
			(SELECT 'COLLATE ' || l.collname FROM pg_collation l WHERE l.oid = a.attcollation),
			CASE a.attidentity WHEN 'a' THEN 'IDENTITY ALWAYS' WHEN 'd' THEN 'IDENTITY BY DEFAULT' END,
			(SELECT CASE WHEN a.attgenerated = 's' THEN 'GENERATED ' ELSE 'DEFAULT ' END || pg_get_expr(d.adbin, d.adrelid)
			   FROM pg_attrdef d WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum),
			'storage', a.attstorage, 'statistics', a.attstattarget)),
		('acl', CASE WHEN a.attacl IS NOT NULL THEN pg_temp.ki_acl(a.attacl, 'c', c.relowner) END)) AS x(eigenschap, waarde)
 WHERE x.waarde IS NOT NULL;

-- Constraints of tables and domains.
INSERT INTO ki_feit
SELECT 'constraint', coalesce(k.conrelid::regclass::text, format_type(k.contypid, NULL)) || ' ' || k.conname, 'definition',
	   concat_ws(' ', pg_get_constraintdef(k.oid), CASE WHEN k.condeferrable THEN 'DEFERRABLE' END,
		   CASE WHEN k.condeferred THEN 'INITIALLY DEFERRED' END, CASE WHEN NOT k.convalidated THEN 'NOT VALIDATED' END,
		   CASE WHEN k.connoinherit THEN 'NO INHERIT' END, k.conindid::regclass)
  FROM pg_constraint k JOIN ki_object o ON o.classid = 'pg_constraint'::regclass AND o.objid = k.oid;

-- Triggers, policies, rules, event triggers.
INSERT INTO ki_feit
SELECT 'trigger', t.tgrelid::regclass::text || ' ' || t.tgname, 'definition', concat_ws(' ', pg_get_triggerdef(t.oid), 'enabled', t.tgenabled)
  FROM pg_trigger t JOIN ki_object o ON o.classid = 'pg_trigger'::regclass AND o.objid = t.oid;
INSERT INTO ki_feit
SELECT 'policy', p.schemaname || '.' || p.tablename || ' ' || p.policyname, 'definition',
	   concat_ws(' ', p.permissive, p.roles::text, p.cmd, 'USING ' || p.qual, 'WITH CHECK ' || p.with_check)
  FROM pg_policies p JOIN ki_schema s ON s.oid = p.schemaname::regnamespace;
INSERT INTO ki_feit
SELECT 'rule', r.schemaname || '.' || r.tablename || ' ' || r.rulename, 'definition', r.definition
  FROM pg_rules r JOIN ki_schema s ON s.oid = r.schemaname::regnamespace;
INSERT INTO ki_feit
SELECT 'event trigger', t.evtname, 'definition',
	   concat_ws(' ', t.evtevent, t.evtfoid::regprocedure, t.evtenabled, t.evttags::text, pg_get_userbyid(t.evtowner))
  FROM pg_event_trigger t JOIN ki_object o ON o.classid = 'pg_event_trigger'::regclass AND o.objid = t.oid;

-- Operators, operator classes and families, casts.
INSERT INTO ki_feit
SELECT 'operator', p.oid::regoperator::text, 'definition',
	   concat_ws(' ', p.oprkind, p.oprcanmerge, p.oprcanhash, format_type(p.oprresult, NULL), nullif(p.oprcom, 0)::regoperator,
		   nullif(p.oprnegate, 0)::regoperator, p.oprcode::regprocedure, nullif(p.oprrest, 0)::regprocedure,
		   nullif(p.oprjoin, 0)::regprocedure, pg_get_userbyid(p.oprowner))
  FROM pg_operator p JOIN ki_object o ON o.classid = 'pg_operator'::regclass AND o.objid = p.oid;
INSERT INTO ki_feit
SELECT 'opclass', pg_describe_object('pg_opclass'::regclass, c.oid, 0), 'definition',
	   concat_ws(' ', pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0), format_type(c.opcintype, NULL),
		   c.opcdefault, format_type(nullif(c.opckeytype, 0), NULL), pg_get_userbyid(c.opcowner))
  FROM pg_opclass c JOIN ki_object o ON o.classid = 'pg_opclass'::regclass AND o.objid = c.oid;
INSERT INTO ki_feit
SELECT 'opfamily', pg_describe_object('pg_opfamily'::regclass, f.oid, 0), 'owner', pg_get_userbyid(f.opfowner)
  FROM pg_opfamily f JOIN ki_object o ON o.classid = 'pg_opfamily'::regclass AND o.objid = f.oid;
INSERT INTO ki_feit
SELECT 'amop', pg_describe_object('pg_amop'::regclass, a.oid, 0), 'definition',
	   concat_ws(' ', a.amoppurpose, pg_describe_object('pg_opfamily'::regclass, nullif(a.amopsortfamily, 0), 0))
  FROM pg_amop a JOIN ki_object o ON o.classid = 'pg_amop'::regclass AND o.objid = a.oid;
INSERT INTO ki_feit
SELECT 'amproc', pg_describe_object('pg_amproc'::regclass, a.oid, 0), 'definition', a.amproc::regprocedure::text
  FROM pg_amproc a JOIN ki_object o ON o.classid = 'pg_amproc'::regclass AND o.objid = a.oid;
INSERT INTO ki_feit
SELECT 'cast', pg_describe_object('pg_cast'::regclass, k.oid, 0), 'definition',
	   concat_ws(' ', nullif(k.castfunc, 0)::regprocedure, k.castcontext, k.castmethod)
  FROM pg_cast k JOIN ki_object o ON o.classid = 'pg_cast'::regclass AND o.objid = k.oid;

SELECT soort, object, eigenschap, pg_temp.ki_regel(waarde) FROM ki_feit
 ORDER BY soort COLLATE "C", object COLLATE "C", eigenschap COLLATE "C", waarde COLLATE "C";
