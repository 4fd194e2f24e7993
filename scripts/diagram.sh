#!/usr/bin/env bash
# make diagram: draws the registry tables and their foreign keys, read from
# pg_catalog, as docs/datamodel.png (graphviz).  Each arrow runs from the
# referencing table to the referenced one and is labelled with its columns
# and its ON DELETE action.
#
#   scripts/diagram.sh            build, install into a private copy of
#                                 PostgreSQL, start a throwaway cluster,
#                                 create the extension there and draw it
#   scripts/diagram.sh CONNINFO   draw from an existing database that has
#                                 the extension (e.g. "dbname=ki")
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster.sh
out=docs/datamodel.png

if ! command -v dot >/dev/null; then
	[ "$(id -u)" -eq 0 ] || { echo "diagram: graphviz (dot) is missing; install it as root" >&2; exit 1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends graphviz >/dev/null \
		|| { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends graphviz >/dev/null; }
fi

# One node per table (its key and reference columns, and how many others),
# one edge per foreign key.
read -r -d '' query <<'SQL' || true
WITH tabel AS (
	SELECT c.oid, c.relname FROM pg_class c
	 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r'
), fk AS (
	SELECT k.conrelid, k.confrelid, k.confdeltype,
		   (SELECT string_agg(a.attname, ', ' ORDER BY u.n) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, n)
			  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
			 WHERE a.attgenerated = '') AS kolommen
	  FROM pg_constraint k WHERE k.contype = 'f' AND k.conrelid IN (SELECT oid FROM tabel)
), sleutel AS (
	SELECT DISTINCT k.conrelid AS oid, unnest(k.conkey) AS attnum FROM pg_constraint k
	 WHERE k.contype IN ('p', 'f') AND k.conrelid IN (SELECT oid FROM tabel)
)
SELECT 'digraph klantinteracties {' UNION ALL
SELECT '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.3, ranksep=0.9, label="klantinteracties: tabellen en verwijzingen (pijl: verwijzende -> verwezen tabel, met ON DELETE)", labelloc=t, fontsize=18];' UNION ALL
SELECT '  node [shape=plain, fontname="Helvetica", fontsize=10]; edge [fontname="Helvetica", fontsize=8, color="#555555"];' UNION ALL
(SELECT format('  %I [label=<<table border="1" cellborder="0" cellspacing="0" cellpadding="3"><tr><td bgcolor="#dde6f0"><b>%s</b></td></tr>%s<tr><td align="left"><font color="#777777">+ %s kolommen</font></td></tr></table>>];',
		t.relname, t.relname,
		(SELECT string_agg(format('<tr><td align="left">%s</td></tr>', a.attname), '' ORDER BY a.attnum)
		   FROM pg_attribute a JOIN sleutel s ON s.oid = a.attrelid AND s.attnum = a.attnum
		  WHERE a.attrelid = t.oid AND a.attgenerated = ''),
		(SELECT count(*) FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
			AND NOT EXISTS (SELECT FROM sleutel s WHERE s.oid = a.attrelid AND s.attnum = a.attnum)))
   FROM tabel t ORDER BY t.relname) UNION ALL
(SELECT format('  %I -> %I [label="%s\n(%s)"%s];', r.relname, d.relname, f.kolommen,
		CASE f.confdeltype WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' WHEN 'r' THEN 'restrict' ELSE 'no action' END,
		CASE f.confdeltype WHEN 'c' THEN ', color="#aa3333"' WHEN 'n' THEN ', style=dashed' ELSE '' END)
   FROM fk f JOIN tabel r ON r.oid = f.conrelid JOIN tabel d ON d.oid = f.confrelid
  ORDER BY r.relname, d.relname, f.kolommen) UNION ALL
SELECT '}';
SQL

teken() {
	local dot_file
	dot_file=$(mktemp /tmp/ki_diagram.XXXXXX)
	"$1" -X -At -v ON_ERROR_STOP=1 -c "$query" "$2" >"$dot_file"
	dot -Tpng -Gdpi=110 -o "$out" "$dot_file"
	rm -f "$dot_file"
	echo "diagram: wrote $out"
}

if [ $# -ge 1 ]; then
	teken psql "$1"
	exit 0
fi

# No database given: a private installation and throwaway cluster, as
# scripts/test.sh makes them.
work=$(mktemp -d /tmp/klantinteracties-diagram.XXXXXX)
chmod 755 "$work"
stage_bindir=
trap 'cluster_stop "$stage_bindir" "$work"; rm -rf "$work"' EXIT
make -s PG_CONFIG="$PG_CONFIG" >/dev/null
stage_install "$work/install"
stage_cluster_start "$work"
PGOPTIONS='-c client_min_messages=warning' "$stage_bindir/psql" -X -q \
	-c 'CREATE EXTENSION klantinteracties CASCADE' postgres
teken "$stage_bindir/psql" "host=$PGHOST port=$PGPORT user=postgres dbname=postgres"
