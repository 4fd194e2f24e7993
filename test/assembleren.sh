#!/usr/bin/env bash
# src/sql/assemble.awk, the assembler of the install and update scripts
# (docs/upgrading.md), on small sources: what each mode keeps and leaves out,
# templates with regions, and every marker error failing the build with a
# message.  Needs no database.  Prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
awkbestand=$PWD/src/sql/assemble.awk
tmp=$(mktemp -d /tmp/ki_assembleren.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/sql"
printf -- '-- @ONCE\nCREATE TYPE @TYPE@;\n-- @END\nCREATE OR REPLACE FUNCTION @TYPE@_f() @BASE@\n' > "$tmp/src/sql/sjabloon.sql.in"
printf -- '-- @ONCE\nCREATE TYPE x;\n' > "$tmp/src/sql/open.sql.in"
. test/controle.sh
cd "$tmp"

# assembleer MODE SOURCE: the script (body only), or the error and "exit N"
# (the Makefile then removes what was written).
assembleer() {
	printf -- "$2" > bron.sql
	if awk -v mode="$1" -v from=0.1.0 -v version=0.2.0 -v released="0.0.9 0.1.0" -f "$awkbestand" bron.sql \
		> uit 2>fout; then
		grep -v '^--\|^\\echo\|^$' uit | tr '\n' ' '
	else
		local rc=$?
		echo "$(cat fout) exit $rc"
	fi
}
verwacht() {
	check "$1" "$(assembleer "$2" "$3")" "$4"
}
bron='a\n-- @ONCE\nb\n-- @END\n-- @UPDATE 0.1.0\nc\n-- @END\n-- @UPDATE 0.0.9\nd\n-- @END\ne\n'
verwacht "install: the @ONCE regions, no @UPDATE region" install "$bron" "a b e "
verwacht "update from 0.1.0: the @UPDATE 0.1.0 regions, no @ONCE, no @UPDATE 0.0.9" update "$bron" "a c e "
bron='a\n-- @NEW 0.2.0\nb\n-- @END\n-- @NEW 0.1.0\nc\n-- @END\ne\n'
verwacht "install: every @NEW region" install "$bron" "a b c e "
verwacht "update from 0.1.0: the @NEW regions of later versions only" update "$bron" "a b e "
verwacht "an @NEW of a version neither released nor built fails" install '-- @NEW 0.3.0\nx\n-- @END\n' \
	"assemble.awk: bron.sql:1: @NEW 0.3.0: neither a released version nor 0.2.0 (released: 0.0.9 0.1.0) exit 1"
verwacht "@NEW without a version fails" install '-- @NEW\n' \
	"assemble.awk: bron.sql:1: @NEW needs the version the things are new in exit 1"
verwacht "install: a template expands with its @ONCE region" install '-- @sjabloon t returns\n' \
	"CREATE TYPE t; CREATE OR REPLACE FUNCTION t_f() returns "
verwacht "update: a template expands without its @ONCE region" update '-- @sjabloon t returns\n' \
	"CREATE OR REPLACE FUNCTION t_f() returns "
verwacht "markers may be indented" install '  -- @ONCE\nb\n\t-- @END\n' "b "
verwacht "an unknown marker fails" install '-- @ONCEE\n' \
	"assemble.awk: bron.sql:1: unknown marker @ONCEE (known: @ONCE, @UPDATE F, @NEW V, @END, @template) exit 1"
verwacht "@END without a region fails" install 'a\n-- @END\n' \
	"assemble.awk: bron.sql:2: @END without @ONCE, @UPDATE or @NEW exit 1"
verwacht "a region open at the end of a file fails" update 'a\n-- @ONCE\nb\n' \
	"assemble.awk: region @ONCE opened at bron.sql:2 is not closed at the end of the file exit 1"
verwacht "a region open at the end of a template fails" install '-- @open\n' \
	"assemble.awk: src/sql/open.sql.in: region @ONCE opened at src/sql/open.sql.in:1 (from bron.sql:1) is not closed in the template exit 1"
verwacht "nested regions fail" install '-- @ONCE\n-- @UPDATE 0.1.0\n-- @END\n-- @END\n' \
	"assemble.awk: bron.sql:2: @UPDATE inside the @ONCE region opened at bron.sql:1 exit 1"
verwacht "an @UPDATE of a version never released fails" install '-- @UPDATE 0.1.5\nx\n-- @END\n' \
	"assemble.awk: bron.sql:1: @UPDATE 0.1.5: no released version 0.1.5 (released: 0.0.9 0.1.0) exit 1"
verwacht "@UPDATE without a version fails" install '-- @UPDATE\n' \
	"assemble.awk: bron.sql:1: @UPDATE needs the version it updates from exit 1"
verwacht "a marker glued to the dashes fails" install '--@ONCE\n' \
	"assemble.awk: bron.sql:1: write a marker as \"-- @WORD\": --@ONCE exit 1"
verwacht "a missing template fails" install '-- @bestaat_niet x\n' \
	"assemble.awk: bron.sql:1: no template src/sql/bestaat_niet.sql.in exit 1"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
