#!/usr/bin/env bash
# docs/klantbeeld.md shows psql examples (a statement after "=#", continued
# after "-#"); every one of them must be run by the regression tests, i.e.
# occur in one of sql/klantbeeld*.sql (compared with whitespace collapsed,
# without the final semicolon).  Needs no database.  Prints "N passed, M
# failed".
set -uo pipefail
cd "$(dirname "$0")/.."

awk '
	function flush() { if (stmt != "") print stmt; stmt = "" }
	/^ *=# / { flush(); sub(/^ *=# /, ""); stmt = $0; next }
	/^ *-# / { sub(/^ *-# /, ""); stmt = stmt " " $0; next }
	{ flush() }
	END { flush() }
' docs/klantbeeld.md > /tmp/ki_docs_voorbeelden.$$
tests=$(cat sql/klantbeeld*.sql | tr -s ' \t\n' '   ')

passed=0
failed=0
while IFS= read -r stmt; do
	norm=$(printf '%s' "$stmt" | tr -s ' \t' '  ' | sed 's/ *; *$//')
	if [[ "$tests" == *"$norm"* ]]; then
		passed=$((passed + 1))
	else
		echo "not in sql/klantbeeld*.sql: $norm"
		failed=$((failed + 1))
	fi
done < /tmp/ki_docs_voorbeelden.$$
rm -f /tmp/ki_docs_voorbeelden.$$
[ "$passed" -gt 0 ] || { echo "no examples found in docs/klantbeeld.md"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
