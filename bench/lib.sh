# Sourced by every bench/NN_*.sh.  scripts/bench.sh runs each benchmark
# from the top of the tree with, in the environment:
#   PGHOST PGPORT PGUSER PGDATABASE  the throwaway cluster and its database,
#                                    with the extension and bench/lib.sql
#   BENCH_SIZE   partijen of the data model benchmarks (100000 quick,
#                1000000 full); each benchmark scales its own data from it
#   BENCH_REPS   timed runs per measurement (>= 5 for a report)
#   BENCH_OUT    bench/out: CSV files and the section NN_name.md
#   BENCH_PLOTS  docs/benchmarks: PNG plots, linked from docs/benchmarks.md
# A benchmark writes its section of docs/benchmarks.md to
# $BENCH_OUT/<its name>.md (markdown, starting with a "## " heading) and its
# results as CSV next to it; a failing benchmark exits non-zero.

set -euo pipefail

# psql for scripts: no psqlrc, stop on the first error, unaligned output.
bq() {
	psql -X -q -At -v ON_ERROR_STOP=1 "$@"
}

# thousands N: 5000000 -> 5,000,000
thousands() {
	echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'
}

# bench_plot_bars DAT PNG TITLE YLABEL LABEL...: a grouped bar chart on a
# log scale with min-max error bars.  DAT has one line per group: its name,
# then median, min and max for each LABEL ("?" where missing).  A dashed line
# marks the reference 1, unless PLOT_REF is set empty; PLOT_YMIN sets the
# bottom of the axis (0.2).
bench_plot_bars() {
	local dat=$1 png=$2 title=$3 ylabel=$4
	shift 4
	local plot="" col=2 label
	local ref="set arrow from graph 0, first 1 to graph 1, first 1 nohead dashtype 2 lc rgb '#555555'"
	[ -n "${PLOT_REF-1}" ] || ref=
	for label in "$@"; do
		[ -n "$plot" ] && plot+=", "
		if [ "$col" -eq 2 ]; then
			plot+="'$dat' using 2:3:4:xtic(1) title '$label'"
		else
			plot+="'' using $col:$((col + 1)):$((col + 2)) title '$label'"
		fi
		col=$((col + 3))
	done
	gnuplot <<GP
set terminal pngcairo size 1000,520 font 'sans,10' noenhanced
set output '$png'
set title '$title'
set datafile missing '?'
set style data histogram
set style histogram errorbars gap 1.5 lw 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set yrange [${PLOT_YMIN:-0.2}:*]
set grid ytics
set ylabel '$ylabel'
set xtics nomirror rotate by -25
set key below horizontal
$ref
plot $plot
GP
}
