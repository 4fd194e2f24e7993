#!/usr/bin/env bash
# Builds the pure C core with no PostgreSQL headers under AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the mutation fuzzer (test/core_fuzz.c).
# make test runs a short round; `make fuzz FUZZ_ITERATIONS=...` a long one.
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${FUZZ_ITERATIONS:-20000}
seed=${FUZZ_SEED:-20261128}
bin=$(mktemp /tmp/klantinteracties-core-fuzz.XXXXXX)
trap 'rm -f "$bin"' EXIT
core_sources=$(ls src/*_core.c)
gcc -std=gnu11 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer -Isrc \
	-o "$bin" test/core_fuzz.c $core_sources -lidn2
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	"$bin" "$iterations" "$seed"
