#!/usr/bin/env bash
# make deb: the Debian package postgresql-<major>-klantinteracties_<version>_<arch>.deb
# built the Debian way (debian/, dh with pg_buildext's pgxs_loop) from the
# files of this tree, in a copy under /tmp (dpkg-buildpackage writes its
# results beside the source directory), into deb/ here.
# The version is the control file's default_version (the one place it is
# written): debian/changelog is generated from it for the build.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD

# Build dependencies (Debian 12): debhelper and postgresql-server-dev-all
# (pg_buildext, dh --with pgxs_loop) besides the build's own (deps.sh).
scripts/deps.sh
missing=()
for p in debhelper postgresql-server-dev-all dpkg-dev; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "deb: installing ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null
fi

version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" klantinteracties.control)
[ -n "$version" ] || { echo "deb: no default_version in klantinteracties.control" >&2; exit 1; }

work=$(mktemp -d /tmp/klantinteracties-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
src="$work/klantinteracties-$version"
mkdir -p "$src"
# the files of the tree that git tracks or would (uncommitted changes included)
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$src"

# debian/changelog from the control file's version; the date of the last
# commit keeps the build reproducible
datum=$(git log -1 --format=%aD 2>/dev/null || date -R)
maintainer=$(sed -n 's/^Maintainer: //p' debian/control.in)
cat >"$src/debian/changelog" <<CHANGELOG
klantinteracties ($version) unstable; urgency=medium

  * Version $version, as klantinteracties.control names it; see the
    repository's history for the changes.

 -- $maintainer  $datum
CHANGELOG

# debian/control must match debian/control.in for the supported versions
# (pg_buildext checkcontrol fails the build otherwise)
(cd "$src" && pg_buildext updatecontrol >/dev/null)
if ! cmp -s "$src/debian/control" debian/control; then
	echo "deb: debian/control is out of date for this machine's PostgreSQL versions; 'pg_buildext updatecontrol' writes it:" >&2
	diff -u debian/control "$src/debian/control" >&2 || true
	exit 1
fi

(cd "$src" && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1 \
	|| { tail -n 40 "$work/build.log" >&2; echo "deb: dpkg-buildpackage failed" >&2; exit 1; }
mkdir -p deb
rm -f deb/*.deb
cp "$work"/*.deb deb/
for f in deb/*.deb; do
	echo "deb: $f"
	dpkg-deb -f "$f" Package Version Architecture Depends | sed 's/^/    /'
done
