#!/usr/bin/env bash
# make test-instellingen: the pg_regress suite again under other session
# settings and in databases of other encodings, compared with the same
# expected outputs (issue 14, "settings and encodings").  On a private
# installation and throwaway cluster like make test's.  Runs:
#
#   settings   every test, each session with TimeZone Asia/Kathmandu,
#              DateStyle 'SQL, DMY', IntervalStyle sql_standard,
#              extra_float_digits -3, bytea_output escape and a search_path
#              led by a schema of its own (pg_regress sets PGTZ and
#              PGDATESTYLE itself; the launcher overrides them for psql);
#   scs_off    the same plus standard_conforming_strings = off, without the
#              tests whose own SQL has backslashes in plain '...' literals
#              (their text means something else under that setting: that is
#              the test's literal, not the extension; sql/instellingen.sql
#              covers the extension's functions under it);
#   latin1     every test in a LATIN1 database (client encoding UTF8);
#   sql_ascii  every test in a SQL_ASCII database (client encoding UTF8).
#
# A test may have an alternative expected output expected/<test>_1.out (as
# contrib does) where its output legitimately differs in another encoding.
# Prints each run's result and "N passed, M failed" (tests over all runs).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster.sh
scripts/deps.sh || exit 1

work=$(mktemp -d /tmp/klantinteracties-instellingen.XXXXXX)
chmod 755 "$work"
stage_bindir=
cleanup() { [ -n "$stage_bindir" ] && cluster_stop "$stage_bindir" "$work"; rm -rf "$work"; }
trap cleanup EXIT

make -s PG_CONFIG="$PG_CONFIG" >/dev/null || exit 1
stage_install "$work/install" || exit 1
stage_cluster_start "$work" || exit 1
export KI_TEST_BINDIR="$stage_bindir"
# the schema that leads the search_path exists in every new database
"$stage_bindir/psql" -X -q -d template1 -c "CREATE SCHEMA instelling" || exit 1

# Tests whose own SQL has a backslash in a plain '...' literal.
met_backslash=$(grep -lP "(?<![EeUu&])'[^'\n]*\\\\[^'\n]*'" sql/*.sql | xargs -n1 basename | sed 's/\.sql$//' | sort)
# Tests using U&'' literals, which standard_conforming_strings = off refuses.
met_backslash=$(printf '%s\n' $met_backslash $(grep -l "U&'" sql/*.sql | xargs -n1 basename | sed 's/\.sql$//') | sort -u)
alle=$(ls sql/*.sql | xargs -n1 basename | sed 's/\.sql$//' | sort)

opties='-c TimeZone=Asia/Kathmandu -c DateStyle=SQL,DMY -c IntervalStyle=sql_standard -c extra_float_digits=-3 -c bytea_output=escape -c search_path=instelling,public'
passed=0
failed=0
run() {
	local naam=$1 tests=$2 extra=$3
	echo "== $naam: $(echo $tests | wc -w) tests"
	make PG_CONFIG="$PG_CONFIG" installcheck ISOLATION= REGRESS="$(echo $tests)" \
		EXTRA_REGRESS_OPTS="--outputdir=$work/$naam $extra" >"$work/$naam.log" 2>&1
	grep -E '\.\.\. (ok|FAILED|failed)|^(not )?ok [0-9]+' "$work/$naam.log" | sed 's/^/    /'
	local ok bad
	ok=$(grep -cE '\.\.\. ok|^ok [0-9]+ ' "$work/$naam.log")
	bad=$(grep -cE '\.\.\. FAILED|\.\.\. failed|^not ok [0-9]+ ' "$work/$naam.log")
	passed=$((passed + ok))
	failed=$((failed + bad))
	[ -f "$work/$naam/regression.diffs" ] && { echo "---- $naam/regression.diffs"; head -c 20000 "$work/$naam/regression.diffs"; }
}

launcher="env PGTZ=Asia/Kathmandu PGDATESTYLE=SQL,DMY PGOPTIONS='$opties'"
run settings "$alle" "--launcher=\"$launcher\""
launcher="env PGTZ=Asia/Kathmandu PGDATESTYLE=SQL,DMY PGOPTIONS='$opties -c standard_conforming_strings=off -c escape_string_warning=off'"
run scs_off "$(comm -23 <(echo "$alle" | tr ' ' '\n') <(echo "$met_backslash" | tr ' ' '\n'))" "--launcher=\"$launcher\""
echo "    (left out of scs_off, backslashes or U& in their own literals: $(echo $met_backslash))"
run latin1 "$alle" "--encoding=LATIN1 --no-locale --launcher=\"env PGCLIENTENCODING=UTF8\""
run sql_ascii "$alle" "--encoding=SQL_ASCII --no-locale --launcher=\"env PGCLIENTENCODING=UTF8\""

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
