#!/usr/bin/env bash
# make bench [SIZE=quick|full|N] [REPS=5] [BENCH="01 04"]: install what is
# missing, build, install into a private copy of the PostgreSQL installation,
# start a throwaway cluster on it (the same set-up as make test), run every
# benchmark bench/NN_*.sh (or those whose names start with a word of BENCH),
# and write docs/benchmarks.md with the plots in docs/benchmarks/.  Raw
# results go to bench/out/ (not committed).
#
# SIZE is the number of partijen of the data model benchmarks: quick =
# 100000 (the default, a few minutes), full = 1000000; each benchmark scales
# its data from it (benchmark 1: 5 type values per partij).  Use a small
# number such as SIZE=2000 REPS=2 while developing a benchmark.
#
# scripts/bench.sh assemble: write docs/benchmarks.md again from the results
# of the last run in bench/out/, with the current bench/NN_name.notes.md
# (hand-written discussion, appended to a benchmark's section).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster.sh

out=bench/out
plots=docs/benchmarks

# docs/benchmarks.md: the run's header, then each benchmark's section with its notes.
assemble() {
	[ -f "$out/header.md" ] || { echo "bench: no results in $out; run make bench first" >&2; return 1; }
	{
		cat "$out/header.md"
		for f in "$out"/[0-9][0-9]_*.md; do
			[ -f "$f" ] || continue
			echo
			cat "$f"
			notes=bench/$(basename "$f" .md).notes.md
			if [ -f "$notes" ]; then
				echo
				cat "$notes"
			fi
		done
	} >docs/benchmarks.md
}

if [ "${1:-}" = assemble ]; then
	assemble && echo "docs/benchmarks.md written from $out"
	exit
fi

SIZE=${SIZE:-quick}
REPS=${REPS:-5}
BENCH=${BENCH:-}
case "$SIZE" in
quick) size=100000 ;;
full) size=1000000 ;;
'' | *[!0-9]*)
	echo "bench: SIZE must be quick, full or a number of partijen, not '$SIZE'" >&2
	exit 2
	;;
*) size=$SIZE ;;
esac
case "$REPS" in
'' | *[!0-9]* | 0)
	echo "bench: REPS must be a positive number" >&2
	exit 2
	;;
esac
[ "$REPS" -ge 5 ] || echo "bench: REPS=$REPS: fewer than 5 runs, fine for trying out, not for a report" >&2

export PG_CONFIG
scripts/deps.sh || exit 1
# gnuplot draws the plots; only the benchmarks need it.
if ! command -v gnuplot >/dev/null; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "bench: gnuplot is missing; run as root or install gnuplot-nox." >&2
		exit 1
	fi
	echo "bench: installing gnuplot-nox"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq --no-install-recommends gnuplot-nox >/dev/null || exit 1
fi

work=$(mktemp -d /tmp/klantinteracties-bench.XXXXXX)
chmod 755 "$work"
stage_bindir=
cleanup() {
	cluster_stop "$stage_bindir" "$work"
	rm -rf "$work"
}
trap cleanup EXIT

die() {
	echo "bench: $1" >&2
	exit 1
}

echo "== build"
make -s PG_CONFIG="$PG_CONFIG" >/dev/null || die "build failed"

echo "== install into $work/install"
stage_install "$work/install" || die "install failed"

# Shared buffers big enough to hold a benchmark's tables (about 1 kB per
# partij, 256 MB at least), so that timed queries read from memory.
shared_buffers=$((size / 1000 > 256 ? size / 1000 : 256))MB
server_options="-c shared_buffers=$shared_buffers -c max_wal_size=4GB -c checkpoint_timeout=30min"
echo "== start cluster ($server_options)"
stage_cluster_start "$work" "$server_options" || die "cluster did not start"
export PGDATABASE=klantinteracties_bench
psql -X -q -d postgres -c "CREATE DATABASE $PGDATABASE" || die "createdb failed"
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION klantinteracties CASCADE" -f bench/lib.sql \
	|| die "setting up the benchmark database failed"

mkdir -p "$out" "$plots"
rm -f "$out"/*.md "$out"/*.csv "$out"/*.dat "$out"/*.log

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(date +%s)
ran=()
failed=()
for b in bench/[0-9][0-9]_*.sh; do
	name=$(basename "$b" .sh)
	if [ -n "$BENCH" ]; then
		want=
		for w in $BENCH; do
			case "$name" in "$w"*) want=1 ;; esac
		done
		[ -n "$want" ] || continue
	fi
	echo "== $name"
	b0=$(date +%s)
	BENCH_SIZE=$size BENCH_REPS=$REPS BENCH_OUT=$out BENCH_PLOTS=$plots \
		bash "$b" 2>&1 | tee "$out/$name.log" | sed 's/^/    /'
	rc=${PIPESTATUS[0]}
	if [ "$rc" -ne 0 ]; then
		failed+=("$name")
		printf '## %s\n\nThis benchmark **failed** (exit status %s) in this run; the end of its log:\n\n```\n%s\n```\n' \
			"$name" "$rc" "$(tail -n 15 "$out/$name.log")" >"$out/$name.md"
	fi
	ran+=("$name ($(($(date +%s) - b0)) s)")
done
elapsed=$(($(date +%s) - t0))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The issue's benchmarks that have no script yet.
missing=()
while IFS='|' read -r nr title; do
	compgen -G "bench/${nr}_*.sh" >/dev/null || missing+=("$nr $title")
done <<'LIST'
02|bulk load
03|klantbeeld by BSN (pgbench)
04|search
05|storage
06|scaling
LIST

echo "== write docs/benchmarks.md"
cpu=$(awk -F': ' '/^model name/ { m = $2 } /^cpu family/ { f = $2 } /^model[[:space:]]*:/ { n = $2 }
	/^cpu MHz/ { mhz = $2 } /^cache size/ { c = $2 }
	END { printf "%s (family %s, model %s), %.0f MHz, %s cache", m, f, n, mhz, c }' /proc/cpuinfo)
virt=
grep -qw hypervisor /proc/cpuinfo && virt="a virtual machine (cpuinfo flag hypervisor)"
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
pgversion=$(psql -X -At -c "SELECT version()")
extversion=$(psql -X -At -c "SELECT extversion FROM pg_extension WHERE extname = 'klantinteracties'")
commit=$(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD 2>/dev/null || echo " with uncommitted changes")
# Load average above half the cores at either end: say the machine was busy.
if awk -v a="${load_before%% *}" -v b="${load_after%% *}" -v n="$(nproc)" 'BEGIN { exit !(a > n / 2 || b > n / 2) }'; then
	busy="**This run was made on a shared, busy machine**: other processes used the CPUs
during it (load average $load_before at the start, $load_after at the end, on $(nproc) cores).
Interleaving the variants spreads that noise over all of them, but expect the spread to be
wider, and the ratios less sharp, than on an idle machine."
else
	busy="The machine looked idle during this run (load average $load_before at the start,
$load_after at the end, on $(nproc) cores)."
fi
command="make bench"
[ "$SIZE" != quick ] && command+=" SIZE=$SIZE"
[ "$REPS" != 5 ] && command+=" REPS=$REPS"
[ -n "$BENCH" ] && command+=" BENCH=\"$BENCH\""
{
	cat <<MD
# Benchmarks

Generated by \`$command\` (scripts/bench.sh) on $started. Do not edit by hand: rerun it,
or after editing the discussion in a \`bench/NN_name.notes.md\`, run \`scripts/bench.sh assemble\`.
Every figure compares two things measured in the same run, repeated $REPS times: the
median is given with the spread (minimum–maximum, or the interquartile range) over the runs.
Absolute times are listed only to read the ratios by.

$busy

## Machine and set-up

| | |
|---|---|
| CPU | $cpu; $(nproc) cores available (nproc)${virt:+; $virt} |
| memory | $mem |
| operating system | $os, Linux $(uname -r) |
| PostgreSQL | $pgversion |
| extension | klantinteracties $extversion, commit $commit |
| server | a throwaway cluster on a private installation (as \`make test\`), \`fsync=off\`, $server_options |
| size | SIZE=$size partijen, $REPS runs per measurement |
| duration | $elapsed s: $(IFS=,; echo "${ran[*]:-nothing}" | sed 's/,/, /g') |

## How to rerun

\`\`\`sh
make bench                  # quick size (SIZE=quick, 100,000 partijen), a few minutes
make bench SIZE=full        # 1,000,000 partijen (benchmark 1: 5,000,000 values per type)
make bench SIZE=2000 REPS=2 BENCH=01   # a tiny trial of one benchmark
make bench-core             # the C core alone, no PostgreSQL (section 0)
\`\`\`

Each benchmark is a script \`bench/NN_name.sh\` (see bench/README.md); raw results are
written as CSV to \`bench/out/\`.
MD
	[ ${#failed[@]} -gt 0 ] && printf '\nFailed in this run: %s.\n' "${failed[*]}"
	if [ ${#missing[@]} -gt 0 ]; then
		printf '\nNot written yet (they need the data model and the klantbeeld): %s.\n' \
			"$(printf '%s, ' "${missing[@]}" | sed 's/, $//')"
	fi
} >"$out/header.md"
assemble

echo "docs/benchmarks.md written (${#ran[@]} benchmarks, ${#failed[@]} failed, $elapsed s)"
[ ${#failed[@]} -eq 0 ]
