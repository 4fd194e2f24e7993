# Assembles the extension's scripts from src/sql/*.sql (docs/upgrading.md).
#
#   awk -v mode=install -v version=V -v released="R1 R2" -f assemble.awk FILES
#       the install script of version V: everything but @UPDATE regions;
#   awk -v mode=update -v from=F -v version=V -v released="R1 R2" \
#       -f assemble.awk src/sql/update/prologue.sql FILES src/sql/update/epilogue.sql
#       the update script F--V: the prologue, the source without @ONCE
#       regions and with the @UPDATE F regions, in source order, the
#       epilogue.
#
# Markers, each alone on a line:
#   -- @ONCE                 starts a region only a fresh install runs
#                            (CREATE TYPE, TABLE, INDEX, SCHEMA, OPERATOR...)
#   -- @UPDATE F             starts a region only the update from F runs
#                            (ALTER TABLE ... ADD COLUMN, backfills, DROPs)
#   -- @NEW V                starts a region of install-only things that are
#                            new in version V (a new type, table, index):
#                            a fresh install runs it, and so does the update
#                            from every version before V (written once
#                            instead of an @ONCE and an @UPDATE twin)
#   -- @END                  ends either region
#   -- @name [TYPE [BASE]]   is replaced by src/sql/name.sql.in with @TYPE@
#                            -> TYPE and @BASE@ -> BASE (lower-case name),
#                            in both modes; a template may hold regions.
# An unknown or misplaced marker, a region left open at the end of a file
# or template, nested regions, an @UPDATE of a version that was never
# released (released: the versions whose scripts are frozen), and an @NEW of
# a version that is neither released nor the one built fail the build.

# -1, 0, 1 as version a is before, equal to, after version b (numeric parts).
function vergelijk(a, b,    x, y, n, m, i, k) {
	n = split(a, x, ".")
	m = split(b, y, ".")
	k = n > m ? n : m
	for (i = 1; i <= k; i++) {
		if ((x[i] + 0) < (y[i] + 0))
			return -1
		if ((x[i] + 0) > (y[i] + 0))
			return 1
	}
	return 0
}

function fail(msg) {
	printf "assemble.awk: %s\n", msg > "/dev/stderr"
	failed = 1
	exit 1
}

# One source line, from file `where` (for messages).
function line(s, where,    f, word, file, out, t, n, i, parts, start) {
	if (s !~ /^[ \t]*--[ \t]*@/) {
		if (keep)
			print s
		return
	}
	n = split(s, f, /[ \t]+/)
	i = (f[1] == "") ? 2 : 1        # leading blanks give an empty first field
	if (f[i] != "--")               # "--@X": the marker glued to the dashes
		fail(where ": write a marker as \"-- @WORD\": " s)
	word = f[i + 1]
	if (word == "@ONCE" || word == "@UPDATE" || word == "@NEW") {
		if (region != "")
			fail(where ": " word " inside the " region " region opened at " region_at)
		if (word == "@UPDATE") {
			if (n < i + 2 || f[i + 2] == "")
				fail(where ": @UPDATE needs the version it updates from")
			if (!((f[i + 2]) in is_released))
				fail(where ": @UPDATE " f[i + 2] ": no released version " f[i + 2] " (released: " released ")")
			region = "@UPDATE " f[i + 2]
			keep = (mode == "update" && f[i + 2] == from)
		} else if (word == "@NEW") {
			if (n < i + 2 || f[i + 2] == "")
				fail(where ": @NEW needs the version the things are new in")
			if (!((f[i + 2]) in is_released) && f[i + 2] != version)
				fail(where ": @NEW " f[i + 2] ": neither a released version nor " version " (released: " released ")")
			region = "@NEW " f[i + 2]
			keep = (mode == "install" || vergelijk(from, f[i + 2]) < 0)
		} else {
			region = "@ONCE"
			keep = (mode == "install")
		}
		region_at = where
		return
	}
	if (word == "@END") {
		if (region == "")
			fail(where ": @END without @ONCE, @UPDATE or @NEW")
		region = ""
		keep = 1
		return
	}
	if (word !~ /^@[a-z][a-z0-9_]*$/)
		fail(where ": unknown marker " word " (known: @ONCE, @UPDATE F, @NEW V, @END, @template)")
	# A template.
	file = "src/sql/" substr(word, 2) ".sql.in"
	if ((getline t < file) <= 0)
		fail(where ": no template " file)
	out = t "\n"
	while ((getline t < file) > 0)
		out = out t "\n"
	close(file)
	gsub(/@TYPE@/, f[i + 2], out)
	gsub(/@BASE@/, f[i + 3], out)
	if (!keep)
		return          # inside a region this mode leaves out
	start = region
	n = split(out, parts, "\n")
	for (i = 1; i < n; i++)
		line(parts[i], file ":" i " (from " where ")")
	if (region != start)
		fail(file ": region " region " opened at " region_at " is not closed in the template")
}

BEGIN {
	if (mode != "install" && mode != "update")
		fail("mode must be install or update")
	if (version == "")
		fail("version is not set")
	if (mode == "update" && from == "")
		fail("mode update needs from")
	split(released, r, /[ \t]+/)
	for (k in r)
		if (r[k] != "")
			is_released[r[k]] = 1
	if (mode == "update" && !(from in is_released))
		fail("from " from " is not a released version (released: " released ")")
	keep = 1
	region = ""
	if (mode == "install") {
		print "-- klantinteracties " version " install script, generated by the Makefile from the files in src/sql; do not edit."
		print ""
		print "\\echo Use \"CREATE EXTENSION klantinteracties\" to load this file. \\quit"
	} else {
		print "-- klantinteracties update script " from " -> " version ", generated by the Makefile from the files in src/sql and src/sql/update; do not edit."
		print ""
		print "\\echo Use \"ALTER EXTENSION klantinteracties UPDATE TO '" version "'\" to load this file. \\quit"
	}
}

FNR == 1 {
	if (NR > 1 && region != "")
		fail("region " region " opened at " region_at " is not closed at the end of the file")
	print ""
	print "-- source: " FILENAME
}

{ line($0, FILENAME ":" FNR) }

END {
	if (failed)
		exit 1
	if (region != "")
		fail("region " region " opened at " region_at " is not closed at the end of the file")
}
