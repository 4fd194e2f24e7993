#!/usr/bin/env bash
# make test-instellingen: the pg_regress suite again under other session
# settings and in databases of other encodings, compared with the same
# expected outputs (issue 14, "settings and encodings").  On a private
# installation and throwaway cluster like make test's.  Runs:
#
#   settings   every test, each session with a search_path led by a schema
#              of its own, extra_float_digits -3 and IntervalStyle
#              sql_standard: exact comparison;
#   scs_off    the same plus standard_conforming_strings = off, without the
#              tests whose own SQL has backslashes in plain '...' literals or
#              U&'' literals (their text means something else under that
#              setting: that is the test's literal, not the extension;
#              sql/instellingen.sql covers the extension's functions under
#              it): exact comparison;
#   datetime   every test with TimeZone Asia/Kathmandu and DateStyle 'SQL,
#              DMY' (pg_regress sets PGTZ and PGDATESTYLE itself; the
#              launcher overrides them for each test's psql).  The tests
#              print timestamps, so their text differs; a test passes when
#              its output equals the expected output once every timestamp
#              on both sides is rewritten as the instant it names (UTC) and
#              column padding is ignored (scripts/zelfde_tijdstippen.py);
#   latin1     in a LATIN1 database (client encoding UTF8), and
#   sql_ascii  in a SQL_ASCII database (client encoding UTF8): every test
#              whose SQL is ASCII (for latin1: and whose expected output
#              LATIN1 can hold), exact comparison.  The tests with
#              non-ASCII input are left out: what a type makes of a non-ASCII
#              character depends, by design, on the database encoding (the
#              byte a refusal names is the database's, emailadres takes
#              non-ASCII only in UTF8 databases, a LATIN1 database cannot
#              hold a full-width digit or a Cyrillic domain at all);
#              sql/emailadres.sql tests its behaviour in LATIN1 and SQL_ASCII
#              databases itself.
# Prints each run's result and "N passed, M failed" (tests over all runs).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster.sh
scripts/deps.sh || exit 1

work=$(mktemp -d "${TMPDIR:-/tmp}/klantinteracties-instellingen.XXXXXX")
chmod 755 "$work"
stage_bindir=
cleanup() { [ -n "$stage_bindir" ] && cluster_stop "$stage_bindir" "$work"; rm -rf "$work"; }
trap cleanup EXIT

make -s PG_CONFIG="$PG_CONFIG" >/dev/null || exit 1
stage_install "$work/install" || exit 1
stage_cluster_start "$work" || exit 1
export KI_TEST_BINDIR="$stage_bindir"
# the schema that leads the search_path exists in every new database
"$stage_bindir/psql" -X -q -d template1 -c "CREATE SCHEMA eigen" || exit 1

# Tests whose own SQL has a backslash in a plain '...' literal.
met_backslash=$(grep -lP "(?<![EeUu&])'[^'\n]*\\\\[^'\n]*'" sql/*.sql | xargs -n1 basename | sed 's/\.sql$//' | sort)
# Tests using U&'' literals, which standard_conforming_strings = off refuses.
met_backslash=$(printf '%s\n' $met_backslash $(grep -l "U&'" sql/*.sql | xargs -n1 basename | sed 's/\.sql$//') | sort -u)
alle=$(ls sql/*.sql | xargs -n1 basename | sed 's/\.sql$//' | sort)

opties='-c IntervalStyle=sql_standard -c extra_float_digits=-3 -c search_path=eigen,public'
passed=0
failed=0
run() {
	local naam=$1 tests=$2 extra=$3 vergelijking=${4:-exact} t ok=0 bad=0
	echo "== $naam: $(echo $tests | wc -w) tests"
	make PG_CONFIG="$PG_CONFIG" installcheck ISOLATION= REGRESS="$(echo $tests)" \
		EXTRA_REGRESS_OPTS="--outputdir=$work/$naam $extra" >"$work/$naam.log" 2>&1
	for t in $tests; do
		if grep -qE "^(test|     ) *$t +\.\.\. ok|^ok [0-9]+ +- $t " "$work/$naam.log"; then
			ok=$((ok + 1))
		elif [ "$vergelijking" = tijdstippen ] && [ -f "$work/$naam/results/$t.out" ] &&
			python3 scripts/zelfde_tijdstippen.py "expected/$t.out" "$work/$naam/results/$t.out" Asia/Kathmandu; then
			echo "    $t: the same once timestamps are compared as instants"
			ok=$((ok + 1))
		else
			echo "    $t: FAILED"
			bad=$((bad + 1))
			[ "$vergelijking" = tijdstippen ] && python3 scripts/zelfde_tijdstippen.py --toon \
				"expected/$t.out" "$work/$naam/results/$t.out" Asia/Kathmandu | head -n 40 | sed 's/^/        /'
		fi
	done
	echo "    $naam: $ok passed, $bad failed"
	passed=$((passed + ok))
	failed=$((failed + bad))
	[ "$vergelijking" = exact ] && [ -f "$work/$naam/regression.diffs" ] &&
		{ echo "---- $naam/regression.diffs"; head -c 20000 "$work/$naam/regression.diffs"; }
	return 0
}

run settings "$alle" "--launcher=\"env PGOPTIONS='$opties'\""
run scs_off "$(comm -23 <(echo "$alle" | tr ' ' '\n') <(echo "$met_backslash" | tr ' ' '\n'))" \
	"--launcher=\"env PGOPTIONS='$opties -c standard_conforming_strings=off -c escape_string_warning=off'\""
echo "    (left out of scs_off, backslashes or U& in their own literals: $(echo $met_backslash))"
run datetime "$alle" "--launcher=\"env PGTZ=Asia/Kathmandu PGDATESTYLE=SQL,DMY\"" tijdstippen
ascii=$(grep -LP '[^\x00-\x7F]' sql/*.sql | xargs -n1 basename | sed 's/\.sql$//' | sort)
niet_ascii=$(comm -23 <(echo "$alle" | tr ' ' '\n') <(echo "$ascii" | tr ' ' '\n'))
# LATIN1 cannot hold every character of an expected output either: the
# sample data's names with letters outside Latin-1 (Şahin) stay in ASCII
# there by design (genereer_voorbeelddata).
latin1=$(for t in $ascii; do
	python3 -c 'import sys; open(sys.argv[1], encoding="utf-8").read().encode("latin-1")' "expected/$t.out" 2>/dev/null && echo "$t"
done)
run latin1 "$latin1" "--encoding=LATIN1 --no-locale --launcher=\"env PGCLIENTENCODING=UTF8\""
run sql_ascii "$ascii" "--encoding=SQL_ASCII --no-locale --launcher=\"env PGCLIENTENCODING=UTF8\""
echo "    (left out of latin1 and sql_ascii, non-ASCII in their SQL: $(echo $niet_ascii);"
echo "     left out of latin1 only, an expected output LATIN1 cannot hold: $(comm -23 <(echo "$ascii" | tr ' ' '\n') <(echo "$latin1" | tr ' ' '\n') | xargs))"

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
