#!/usr/bin/env bash
# The release metadata agrees with the control file (issue 14): META.json
# (made from META.json.in) follows the PGXN Meta Spec 1.0.0 (required and
# optional keys, their forms, only x_ custom keys), its version and the
# provided extension's version are default_version, the file it names is the
# install script that make builds, and make dist's zip holds every file it
# names; debian/control is
# what pg_buildext makes of debian/control.in (when postgresql-server-dev-all
# is installed), with the runtime dependencies on pg_trgm's package and
# libidn2 (through shlibs).  Prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. test/controle.sh
version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" klantinteracties.control)
make -s META.json >/dev/null 2>&1
check "make META.json" "$?" 0
check "META.json follows the PGXN Meta Spec 1.0 and the control file" "$(python3 - "$version" <<'PY'
# The spec's rules (https://pgxn.org/meta/spec.txt, v1.0.0), written out:
# required and optional keys, their types and forms; only x_ custom keys.
import json, re, sys
version = sys.argv[1]
m = json.load(open("META.json"))
fout = []
semver = r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?"
def term(v): return isinstance(v, str) and re.fullmatch(r"[^/\\\s\x00-\x1f\x7f]{2,}", v)
def uri(v): return isinstance(v, str) and re.fullmatch(r"[a-z][a-z0-9+.-]*://\S+|mailto:\S+", v)
def strings(v): return (isinstance(v, str) and v) or (isinstance(v, list) and v and all(isinstance(x, str) and x for x in v))
def only(obj, keys, where):
    for k in obj:
        if k not in keys and not re.match(r"[xX]_.", k): fout.append("%s: unknown key %s" % (where, k))
def rng(v):
    part = r"((==|!=|[<>]=?)\s*)?(%s|0)" % semver
    return v == 0 or (isinstance(v, str) and re.fullmatch(r"%s(,\s*%s)*" % (part, part), v))
licences = set("agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd freebsd gfdl_1_2 gfdl_1_3 gpl_1 gpl_2 gpl_3 "
               "lgpl_2_1 lgpl_3_0 mit mozilla_1_0 mozilla_1_1 openssl perl_5 postgresql qpl_1_0 ssleay sun zlib "
               "open_source restricted unrestricted unknown".split())
for k in ("name", "version", "abstract", "maintainer", "license", "provides", "meta-spec"):
    if k not in m: fout.append("missing " + k)
only(m, "name version abstract maintainer license provides meta-spec description generated_by tags no_index "
        "prereqs release_status resources".split(), "top")
if not term(m.get("name")): fout.append("name is not a term")
if not re.fullmatch(semver, str(m.get("version"))): fout.append("version is not semver")
for k in ("abstract", "description", "generated_by"):
    if k in m and not (isinstance(m[k], str) and m[k]): fout.append(k + " is not a string")
if not strings(m.get("maintainer")): fout.append("maintainer")
lic = m.get("license")
if not ((isinstance(lic, str) and lic in licences) or (isinstance(lic, list) and lic and set(lic) <= licences)
        or (isinstance(lic, dict) and lic and all(uri(u) for u in lic.values()))):
    fout.append("license")
ms = m.get("meta-spec", {})
only(ms, ("version", "url"), "meta-spec")
if not re.fullmatch(r"1\.0\.\d+", str(ms.get("version"))): fout.append("meta-spec version")
if ms.get("url", "https://pgxn.org/meta/spec.txt") not in ("https://pgxn.org/meta/spec.txt", "http://pgxn.org/meta/spec.txt"): fout.append("meta-spec url")
prov = m.get("provides", {})
if not (isinstance(prov, dict) and prov): fout.append("provides")
for ext, p in prov.items():
    if not term(ext): fout.append("provides: %s is not a term" % ext)
    only(p, ("file", "version", "abstract", "docfile"), "provides " + ext)
    for k in ("file", "version"):
        if k not in p: fout.append("provides %s: missing %s" % (ext, k))
    if not re.fullmatch(semver, str(p.get("version"))): fout.append("provides %s: version" % ext)
if "tags" in m and not (isinstance(m["tags"], list) and m["tags"] and all(
        isinstance(t, str) and re.fullmatch(r"[^/\\\x00-\x1f\x7f]{2,255}", t) for t in m["tags"])):
    fout.append("tags")
if m.get("release_status", "stable") not in ("stable", "testing", "unstable"): fout.append("release_status")
pre = m.get("prereqs", {})
only(pre, ("configure", "build", "test", "runtime", "develop"), "prereqs")
for phase, rels in pre.items():
    only(rels, ("requires", "recommends", "suggests", "conflicts"), "prereqs " + phase)
    for rel, exts in rels.items():
        for e, v in exts.items():
            if not term(e) or not rng(v): fout.append("prereqs %s %s %s: %r" % (phase, rel, e, v))
res = m.get("resources")
if res is not None:
    only(res, ("homepage", "bugtracker", "repository"), "resources")
    if not res: fout.append("resources is empty")
    for k, v in res.items():
        for u in ([v] if isinstance(v, str) else [x for x in v.values()] if isinstance(v, dict) else [v]):
            if u != "git" and (not uri(u) or re.search(r"\.example\b|\blocalhost\b", u)): fout.append("resources %s: %r" % (k, u))
# ours: the control file's version, the install script make builds, the prerequisites.
if m.get("name") != "klantinteracties": fout.append("name")
if m.get("version") != version: fout.append("version %s" % m.get("version"))
p = prov.get("klantinteracties", {})
if p.get("version") != version: fout.append("provides version")
if p.get("file") != "klantinteracties--%s.sql" % version: fout.append("provides file")
if "EUPL-1.2" not in (lic if isinstance(lic, dict) else {}): fout.append("license EUPL-1.2")
rt = pre.get("runtime", {}).get("requires", {})
for k in ("PostgreSQL", "pg_trgm", "plpgsql"):
    if k not in rt: fout.append("runtime requires " + k)
print("; ".join(fout) or "ok")
PY
)" ok
tmp=$(mktemp -d)
make -s dist DIST="$tmp/dist.zip" >/dev/null 2>&1
check "make dist" "$?" 0
check "every file META.json names is in the distribution" "$(python3 - "$tmp/dist.zip" <<'PY'
import json, sys, zipfile
names = set(n.split("/", 1)[1] for n in zipfile.ZipFile(sys.argv[1]).namelist() if "/" in n)
m = json.load(open("META.json"))
want = ["META.json"] + [p[k] for p in m["provides"].values() for k in ("file", "docfile") if k in p]
print(" ".join("missing " + w for w in want if w not in names) or "all there")
PY
)" "all there"
rm -rf "$tmp"
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
