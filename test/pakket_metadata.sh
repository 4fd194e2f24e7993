#!/usr/bin/env bash
# The release metadata agrees with the control file (issue 14): META.json
# (made from META.json.in) is valid JSON with the PGXN meta-spec 1.0.0 fields,
# its version and the provided extension's version are default_version, the
# file it names is the install script that make builds; debian/control is
# what pg_buildext makes of debian/control.in (when postgresql-server-dev-all
# is installed), with the runtime dependencies on pg_trgm's package and
# libidn2 (through shlibs).  Prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. test/controle.sh
version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" klantinteracties.control)
make -s META.json >/dev/null 2>&1
check "make META.json" "$?" 0
check "META.json fields" "$(python3 - "$version" <<'PY'
import json, sys
version = sys.argv[1]
m = json.load(open("META.json"))
fout = []
for k in ("name", "abstract", "version", "maintainer", "license", "provides", "meta-spec", "prereqs", "resources"):
    if k not in m:
        fout.append("missing " + k)
if m.get("name") != "klantinteracties": fout.append("name")
if m.get("version") != version: fout.append("version %s" % m.get("version"))
if m.get("meta-spec", {}).get("version") != "1.0.0": fout.append("meta-spec")
p = m.get("provides", {}).get("klantinteracties", {})
if p.get("version") != version: fout.append("provides version")
if p.get("file") != "klantinteracties--%s.sql" % version: fout.append("provides file")
if "EUPL-1.2" not in m.get("license", {}): fout.append("license")
rt = m.get("prereqs", {}).get("runtime", {}).get("requires", {})
for k in ("PostgreSQL", "pg_trgm"):
    if k not in rt: fout.append("runtime requires " + k)
for k in m:
    if k.startswith("x_") is False and k not in ("name", "abstract", "description", "version", "maintainer",
            "license", "provides", "prereqs", "resources", "tags", "release_status", "generated_by", "meta-spec", "no_index"):
        fout.append("unknown field " + k)
print(" ".join(fout) or "ok")
PY
)" ok
check "the install script META.json names is what make installs" \
	"$(make -s -n install 2>/dev/null | grep -c "klantinteracties--$version.sql" | awk '{print ($1 > 0) ? "yes" : "no"}')" yes
check "debian/control.in: the package depends on pg_trgm's package and shlibs (libidn2)" \
	"$(grep -cE '^ (postgresql-contrib-PGVERSION|\$\{shlibs:Depends\}),$' debian/control.in)" 2
if command -v pg_buildext >/dev/null; then
	tmp=$(mktemp -d)
	cp -r debian "$tmp/"
	(cd "$tmp" && pg_buildext updatecontrol >/dev/null 2>&1)
	check "debian/control is pg_buildext updatecontrol's output of debian/control.in" \
		"$(cmp -s "$tmp/debian/control" debian/control && echo same)" same
	rm -rf "$tmp"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
