# klantinteracties: PGXS build.  `make test` and `make demo` (see README.md)
# set up everything themselves; the PGXS targets (all, install,
# installcheck) work as usual against an existing server.

EXTENSION  = klantinteracties
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

PG_CONFIG ?= pg_config

MODULE_big = $(EXTENSION)
OBJS       = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The scripts (docs/upgrading.md).  Released versions keep their scripts
# frozen in the repository: klantinteracties--0.1.0.sql as 0.1.0 installed
# it (and, from the next release on, the update scripts between released
# versions).  The version in development (default_version) gets its install
# script and the update script from the newest released version, both
# assembled from src/sql/*.sql in name order by src/sql/assemble.awk: the
# install script leaves out the "-- @UPDATE F" regions, the update script
# leaves out the "-- @ONCE" regions and runs between src/sql/update/
# prologue.sql and epilogue.sql.  A line "-- @name [TYPE [BASE]]" expands
# src/sql/name.sql.in.  The REST API's write path is generated from its
# declaration (API_GEN), the row-level security of the registry tables from
# theirs (BELEID_GEN).
API_GEN    = src/sql/65_api_schrijven.sql
BELEID_GEN = src/sql/71_beveiliging_rls_beleid.sql
SQL_SRC    = $(sort $(wildcard src/sql/*.sql) $(API_GEN) $(BELEID_GEN))
SQL_DEPS   = $(SQL_SRC) $(wildcard src/sql/*.sql.in) src/sql/assemble.awk $(EXTENSION).control
INSTALL_SQL = $(EXTENSION)--$(EXTVERSION).sql
FROZEN     = $(filter-out $(INSTALL_SQL) %--$(EXTVERSION).sql,$(wildcard $(EXTENSION)--*.sql))
RELEASED   = $(shell printf '%s\n' $(patsubst $(EXTENSION)--%.sql,%,$(FROZEN)) | tr -s '-' '\n' | sort -u -V)
PREVIOUS   = $(lastword $(RELEASED))
UPDATE_SQL = $(if $(PREVIOUS),$(EXTENSION)--$(PREVIOUS)--$(EXTVERSION).sql)
DATA       = $(FROZEN)
DATA_built = $(INSTALL_SQL) $(UPDATE_SQL)

REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --load-extension=pg_trgm --load-extension=$(EXTENSION)

ifneq ($(wildcard specs/*.spec),)
ISOLATION      = $(sort $(basename $(notdir $(wildcard specs/*.spec))))
ISOLATION_OPTS = --load-extension=pg_trgm --load-extension=$(EXTENSION)
endif

PG_CPPFLAGS = -I$(srcdir)/src -DKI_VERSION='"$(EXTVERSION)"'
PG_CFLAGS   = -Wall -Wextra
SHLIB_LINK  = -lidn2

EXTRA_CLEAN = results regression.diffs regression.out tmp_check log src/landcode_rvig.h $(API_GEN) $(BELEID_GEN) META.json

# On a fresh machine pg_config or PGXS is missing until `make deps` (which
# `make test` and `make demo` run first) installs them.
PGXS := $(wildcard $(shell $(PG_CONFIG) --pgxs 2>/dev/null))
ifneq ($(PGXS),)
include $(PGXS)
else
all install installcheck:
	@echo "PGXS not found through '$(PG_CONFIG)': run 'make deps' first (make test and make demo do)." >&2
	@exit 1
endif

# PGXS tracks no header dependencies (Debian's PostgreSQL is built without
# --enable-depend): rebuild every object when a header changes, so that a
# changed struct or prototype never meets an object built against the old one.
$(OBJS) $(OBJS:.o=.bc): $(wildcard src/*.h)

$(INSTALL_SQL): $(SQL_DEPS)
	awk -v mode=install -v version=$(EXTVERSION) -v released="$(RELEASED)" \
		-f src/sql/assemble.awk $(SQL_SRC) > $@ || { rm -f $@; exit 1; }

$(UPDATE_SQL): $(SQL_DEPS) src/sql/update/prologue.sql src/sql/update/epilogue.sql
	awk -v mode=update -v from=$(PREVIOUS) -v version=$(EXTVERSION) -v released="$(RELEASED)" \
		-f src/sql/assemble.awk src/sql/update/prologue.sql $(SQL_SRC) src/sql/update/epilogue.sql > $@ \
		|| { rm -f $@; exit 1; }

$(API_GEN): src/api/schrijven.api tools/api_schrijven.pl
	perl tools/api_schrijven.pl src/api/schrijven.api > $@ || { rm -f $@; exit 1; }

$(BELEID_GEN): src/beveiliging/rijen.beleid tools/beleid.awk
	awk -f tools/beleid.awk src/beveiliging/rijen.beleid > $@ || { rm -f $@; exit 1; }

# The RvIG Tabel 34 pairs of src/landcode_core.c, from the published table.
src/landcode_rvig.h: data/tabel34-landcodes.csv tools/landcode_rvig.awk
	awk -f tools/landcode_rvig.awk data/tabel34-landcodes.csv > $@ || { rm -f $@; exit 1; }
src/landcode_core.o src/landcode_core.bc: src/landcode_rvig.h

.PHONY: test demo demo-stop deps fuzz diagram bench bench-klantbeeld bench-vergeten bench-core deb deb-test dist valgrind test-instellingen test-failover-soak

# A long run of the pure-core fuzzer under ASan/UBSan (make test runs a short one).
FUZZ_ITERATIONS ?= 2000000
fuzz: src/landcode_rvig.h
	FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) test/core_fuzz.sh

deps:
	@scripts/deps.sh

test:
	@scripts/test.sh

# test/failover.sh RUNS times in a row (default 4, about 2 minutes each),
# half of them with the slow-monitor race; BELASTING=N busy loops starve
# each run of CPU, KNOPEN=2 shows the two-node formation losing
# registrations.  See docs/operations.md, section 2.
test-failover-soak:
	@RUNS="$(RUNS)" BELASTING="$(BELASTING)" KNOPEN="$(KNOPEN)" scripts/failover_soak.sh

demo:
	@scripts/demo.sh start

demo-stop:
	@scripts/demo.sh stop

# make bench [SIZE=quick|full|N] [REPS=5] [BENCH="01 ..."]: see scripts/bench.sh.
bench:
	@SIZE="$(SIZE)" REPS="$(REPS)" BENCH="$(BENCH)" scripts/bench.sh

# make bench-vergeten [SIZE=...] [REPS=...]: benchmark 7 alone, erasure of a
# partij with 100, 400 and 3,000 digitale adressen (bench/07_vergeten.sh).
bench-vergeten:
	@SIZE="$(SIZE)" REPS="$(REPS)" BENCH="07" scripts/bench.sh

# make bench-klantbeeld [SIZE=10000] [REPS=5]: the benchmarks of the
# klantbeeld (issue 16): bulk load, klantbeeld by BSN, by uuid and over
# REST against pgbench -S and Open Klant at SIZE and SIZE/10, search (whose
# two sizes benchmark 6 needs too), storage and
# growth; the other sections of docs/benchmarks.md are kept from the last run
# that had them.  SIZE=100000 for the issue's second size.
bench-klantbeeld:
	@SIZE="$(or $(SIZE),10000)" REPS="$(REPS)" BENCH="02 03 04 05 06" scripts/bench.sh

# The pure C core alone, timed per call against strtoll (bench/core_bench.c);
# compiled with the extension's flags.
CORE_SRC = $(sort $(wildcard src/*_core.c))

bench/out/core_bench: bench/core_bench.c $(CORE_SRC) $(wildcard src/*_core.h) src/landcode_rvig.h
	@mkdir -p bench/out
	$(CC) $(CFLAGS) $(PG_CFLAGS) -Isrc -o $@ bench/core_bench.c $(CORE_SRC) $(SHLIB_LINK)

bench-core: bench/out/core_bench
	bench/out/core_bench

# docs/datamodel.png, drawn from the catalog of a throwaway cluster.
diagram:
	@scripts/diagram.sh

# The pg_regress suite again under other session settings and in LATIN1 and
# SQL_ASCII databases (about four times make installcheck).  See docs/testing.md.
test-instellingen:
	@scripts/instellingen.sh

# The pg_regress tests and isolation specs against a server under valgrind,
# one part at a time, each part's result in test/valgrind/<part>.result;
# resumable (hours in all; VALGRIND_TESTS="postcode samenvoegen ..." for
# some parts, in that order); 0 errors in the extension's frames.  See
# docs/testing.md.
valgrind:
	@VALGRIND_TESTS="$(VALGRIND_TESTS)" scripts/valgrind.sh

# The PGXN metadata, its version from the control file (the one place).
all: META.json
META.json: META.json.in $(EXTENSION).control
	sed 's/@VERSION@/$(EXTVERSION)/g' $< > $@

# A PGXN distribution: the tracked files, META.json and the install script
# (the file META.json's "provides" names), in $(DIST).
DIST ?= $(EXTENSION)-$(EXTVERSION).zip
dist: META.json $(INSTALL_SQL)
	git archive --format zip --prefix=$(EXTENSION)-$(EXTVERSION)/ \
		--add-file=META.json --add-file=$(INSTALL_SQL) -o $(DIST) HEAD

# The Debian package (debian/, pg_buildext): deb/postgresql-15-klantinteracties_<version>_amd64.deb.
deb:
	@scripts/deb.sh

# Builds the package, installs it into the machine's PostgreSQL with dpkg,
# runs debian/tests/smoke.sql on a throwaway cluster and removes the package
# again (unless it was installed before).  Not part of make test: it changes
# the system's PostgreSQL installation.
deb-test: deb
	@scripts/deb_test.sh
