#!/usr/bin/env bash
# make deb-test: install the package that make deb built (deb/) into the
# machine's PostgreSQL with dpkg, run debian/tests/smoke.sql on a throwaway
# cluster of the system installation (private socket directory, removed
# afterwards), check that the files came from the package, and remove the
# package again unless it was installed before the test.  Prints
# "N passed, M failed".  Careful: make demo also installs into the system
# PostgreSQL; do not run both at once.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster.sh

version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" klantinteracties.control)
pakket=postgresql-$PG_MAJOR-klantinteracties
deb=$(ls deb/${pakket}_${version}_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "deb-test: no deb/${pakket}_${version}_*.deb; run make deb" >&2; echo "0 passed, 1 failed"; exit 1; }
bindir=/usr/lib/postgresql/$PG_MAJOR/bin

. test/controle.sh

vooraf=$(dpkg-query -W -f='${Status} ${Version}' "$pakket" 2>/dev/null || true)
work=$(mktemp -d /tmp/klantinteracties-debtest.XXXXXX)
chmod 755 "$work"
opruimen() {
	cluster_stop "$bindir" "$work"
	rm -rf "$work"
	case "$vooraf" in
	"install ok installed"*) ;;
	*) dpkg -r "$pakket" >/dev/null 2>&1 && echo "deb-test: removed $pakket again" ;;
	esac
}
trap opruimen EXIT

echo "== dpkg -i $deb"
dpkg -i "$deb" >"$work/dpkg.log" 2>&1
rc=$?
sed 's/^/    /' "$work/dpkg.log" | tail -n 5
check "dpkg -i installs the package (its dependencies are there)" "$rc" 0
check "installed version" "$(dpkg-query -W -f='${Version}' "$pakket" 2>/dev/null)" "$version"
check "the control file, install script and module belong to the package" \
	"$(dpkg -S "/usr/share/postgresql/$PG_MAJOR/extension/klantinteracties.control" \
		"/usr/share/postgresql/$PG_MAJOR/extension/klantinteracties--$version.sql" \
		"/usr/lib/postgresql/$PG_MAJOR/lib/klantinteracties.so" 2>/dev/null | cut -d: -f1 | sort -u)" "$pakket"
check "the module links libidn2" "$(ldd "/usr/lib/postgresql/$PG_MAJOR/lib/klantinteracties.so" | grep -c 'libidn2')" 1

echo "== smoke test on a throwaway cluster of $bindir"
port=$((40000 + RANDOM % 10000))
if cluster_start "$bindir" "$work" "$port"; then
	"$bindir/psql" -X -h "$work/sock" -p "$port" -U postgres -d postgres \
		-f debian/tests/smoke.sql >"$work/smoke.out" 2>&1
	rc=$?
	sed 's/^/    /' "$work/smoke.out"
	check "smoke test (debian/tests/smoke.sql) runs without error" "$rc" 0
	check "CREATE EXTENSION gives the package's version" \
		"$(grep -c "klantinteracties | $version" "$work/smoke.out")" 1
	check "registration, klantbeeld with the number, API views" \
		"$(grep -cE '^ t *$|^ object +\| t *$' "$work/smoke.out")" 3
else
	check "throwaway cluster starts" 1 0
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
