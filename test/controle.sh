# The counting check of the shell tests, sourced by each: check NAME GOT
# EXPECTED prints "ok   NAME" or "FAIL NAME: expected ..., got ..." and
# counts; the script ends with echo "$passed passed, $failed failed", the
# line scripts/test.sh adds up.
passed=0
failed=0
check() {
	if [ "$2" = "$3" ]; then
		echo "ok   $1"
		passed=$((passed + 1))
	else
		echo "FAIL $1: expected $3, got $2"
		failed=$((failed + 1))
	fi
}
