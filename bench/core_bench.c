/*
 * core_bench.c
 *		Micro-benchmark of the pure C core: nanoseconds per call of each
 *		ki_<type>_parse over generated valid strings, against strtoll on the
 *		same strings (the floor: reading digits with no rules) and a copy of
 *		each string (strlen + memcpy, about what text input does).
 *
 * No PostgreSQL: compiled against src/ *_core.c only (make bench-core).  A
 * type family whose core is not in the tree yet is left out at compile time
 * (__has_include), so the table below names every type.
 *
 * Usage: core_bench [-n values] [-r runs] [-c]
 *	-n	values per type (default 1000000)
 *	-r	runs (default 5); each run times every variant of every type once,
 *		in rotating order
 *	-c	print one CSV line per run and variant (type,variant,run,ns_per_call)
 *		instead of the summary table
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ki_core.h"
#include "identificatie_core.h"
#if __has_include("postcode_core.h")
#include "postcode_core.h"
#define KI_BENCH_POSTCODE
#endif
#if __has_include("telefoonnummer_core.h")
#include "telefoonnummer_core.h"
#define KI_BENCH_TELEFOONNUMMER
#endif
#if __has_include("emailadres_core.h")
#include "emailadres_core.h"
#define KI_BENCH_EMAILADRES
#endif
#if __has_include("bank_core.h")
#include "bank_core.h"
#define KI_BENCH_BANK
#endif
#if __has_include("bag_core.h")
#include "bag_core.h"
#define KI_BENCH_BAG
#endif
#if __has_include("landcode_core.h")
#include "landcode_core.h"
#define KI_BENCH_LANDCODE
#endif

#define SLOT 64					/* bytes per generated string */

/* Large enough for the storage of every type (an IBAN, an e-mail address). */
typedef union bench_out
{
	int64_t		i64;
	char		bytes[4096];
} bench_out;

typedef void (*gen_fn) (uint64_t r, char *buf);
typedef int64_t (*call_fn) (const char *s, bench_out *out);

typedef struct bench_entry
{
	const char *name;
	gen_fn		gen;
	call_fn		parse;
} bench_entry;

/* splitmix64: a deterministic pseudo-random stream. */
static uint64_t
mix(uint64_t x)
{
	x += UINT64_C(0x9E3779B97F4A7C15);
	x = (x ^ (x >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	x = (x ^ (x >> 27)) * UINT64_C(0x94D049BB133111EB);
	return x ^ (x >> 31);
}

#define PICK(arr, r) ((arr)[(r) % (sizeof(arr) / sizeof((arr)[0]))])

/*
 * Parse wrappers: the result and the stored value feed a sink, so the calls
 * cannot be optimised away.  The out argument converts from void * to the
 * family's storage type.
 */
#define KI_BENCH_PARSER(type) \
static int64_t \
parse_##type(const char *s, bench_out *out) \
{ \
	ki_reason	why; \
 \
	out->i64 = 0; \
	return ki_##type##_parse(s, (void *) out, &why) + out->i64; \
}

static int64_t
call_strtoll(const char *s, bench_out *out)
{
	char	   *end;

	(void) out;
	return strtoll(s, &end, 10) + (end - s);
}

static int64_t
call_copy(const char *s, bench_out *out)
{
	size_t		len = strlen(s);

	memcpy(out->bytes, s, len + 1);
	return out->bytes[len / 2];
}

/* Generators of realistic valid strings, as in bench/01_types.sql. */

static void
gen_elfproef(uint64_t r, char *buf)
{
	int64_t		p = 1 + (int64_t) (r % 99999998);
	int			total;

	for (;;)
	{
		int64_t		v = p;

		total = 0;
		for (int w = 2; w <= 9; w++, v /= 10)
			total += w * (int) (v % 10);
		if (total % 11 != 10)
			break;
		p++;
	}
	snprintf(buf, SLOT, "%09lld", (long long) (p * 10 + total % 11));
}

static void
gen_kvk(uint64_t r, char *buf)
{
	snprintf(buf, SLOT, "%08u", (unsigned) (r % 100000000));
}

static void
gen_vestigingsnummer(uint64_t r, char *buf)
{
	if (r & 1)
		snprintf(buf, SLOT, "0000%08u", (unsigned) ((r >> 1) % 100000000));
	else
		snprintf(buf, SLOT, "%012llu", (unsigned long long) ((r >> 1) % UINT64_C(1000000000000)));
}

KI_BENCH_PARSER(bsn)
KI_BENCH_PARSER(rsin)
KI_BENCH_PARSER(kvk_nummer)
KI_BENCH_PARSER(vestigingsnummer)

#ifdef KI_BENCH_POSTCODE
static void
gen_postcode(uint64_t r, char *buf)
{
	char		l1 = (char) ('A' + (r >> 16) % 26);
	char		l2 = (char) ('A' + (r >> 24) % 26);

	if (l1 == 'S' && (l2 == 'A' || l2 == 'D' || l2 == 'S'))
		l2 = 'T';
	snprintf(buf, SLOT, "%u %c%c", (unsigned) (1000 + r % 9000), l1, l2);
}

KI_BENCH_PARSER(postcode)
#endif

#ifdef KI_BENCH_TELEFOONNUMMER
static void
gen_telefoonnummer(uint64_t r, char *buf)
{
	static const char *const mobile = "123458";
	static const char *const area[] = {
		"10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43", "45",
		"46", "50", "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79"
	};
	static const struct
	{
		const char *prefix;
		int			digits;
	}			foreign[] = {
		{"+324", 8}, {"+4915", 9}, {"+447", 9}, {"+1206", 7}, {"+905", 9}, {"+2126", 8}, {"+5978", 6}
	};
	unsigned	kind = (unsigned) (r % 20);
	unsigned	sub = (unsigned) ((r >> 8) % 10000000);
	uint64_t	r2 = r >> 40;

	if (kind < 11)
		snprintf(buf, SLOT, "06%c%07u", mobile[r2 % 6], sub);
	else if (kind < 15)
		snprintf(buf, SLOT, "0%s%07u", PICK(area, r2), sub);
	else if (kind < 17)
		snprintf(buf, SLOT, "+316%c%07u", mobile[r2 % 6], sub);
	else if (kind < 18)
		snprintf(buf, SLOT, "00316%c%07u", mobile[r2 % 6], sub);
	else
	{
		int			k = (int) (r2 % (sizeof(foreign) / sizeof(foreign[0])));

		uint64_t	mod = 1;

		for (int d = 0; d < foreign[k].digits; d++)
			mod *= 10;
		snprintf(buf, SLOT, "%s%0*llu", foreign[k].prefix, foreign[k].digits,
				 (unsigned long long) ((r >> 8) % mod));
	}
}

KI_BENCH_PARSER(telefoonnummer)
#endif

#ifdef KI_BENCH_EMAILADRES
static void
gen_emailadres(uint64_t r, char *buf)
{
	static const char *const first[] = {
		"jan", "piet", "klaas", "anna", "fatima", "mohammed", "sanne", "daan", "emma", "lucas",
		"sophie", "noah", "julia", "sem", "lotte", "finn", "eva", "levi", "tess", "milan"
	};
	static const char *const sep[] = {".", "_", "-"};
	static const char *const last[] = {
		"jansen", "devries", "vandijk", "bakker", "visser", "smit", "meijer", "deboer", "mulder",
		"degroot", "bos", "vos", "peters", "hendriks", "yilmaz", "elamrani", "dejong", "vandenberg"
	};
	static const char *const domain[] = {
		"gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "live.nl",
		"icloud.com", "planet.nl", "home.nl", "hetnet.nl", "yahoo.com", "amsterdam.nl", "utrecht.nl",
		"denhaag.nl"
	};
	char		num[4] = "";

	if ((r >> 40) % 3 == 0)
		snprintf(num, sizeof(num), "%02u", (unsigned) ((r >> 48) % 100));
	snprintf(buf, SLOT, "%s%s%s%s@%s", PICK(first, r), PICK(sep, r >> 8), PICK(last, r >> 16),
			 num, PICK(domain, r >> 24));
}

KI_BENCH_PARSER(emailadres)
#endif

#ifdef KI_BENCH_BANK
/* An IBAN of country cc with the given BBAN and correct check digits. */
static void
make_iban(const char *cc, const char *bban, char *buf)
{
	char		t[64];
	int			rem = 0;

	snprintf(t, sizeof(t), "%s%s00", bban, cc);
	for (const char *p = t; *p; p++)
		rem = *p >= 'A' ? (rem * 100 + *p - 'A' + 10) % 97 : (rem * 10 + *p - '0') % 97;
	snprintf(buf, SLOT, "%s%02d%s", cc, 98 - rem, bban);
}

static void
gen_iban(uint64_t r, char *buf)
{
	static const char *const bank[] = {"ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ", "RBRB"};
	char		bban[40];
	unsigned	kind = (unsigned) (r % 20);
	unsigned long long acc = (unsigned long long) ((r >> 8) % UINT64_C(10000000000));

	if (kind < 17)
	{
		snprintf(bban, sizeof(bban), "%s%010llu", PICK(bank, r >> 48), acc);
		make_iban("NL", bban, buf);
	}
	else if (kind < 19)
	{
		snprintf(bban, sizeof(bban), "%08u%010llu", (unsigned) ((r >> 20) % 100000000), acc);
		make_iban("DE", bban, buf);
	}
	else
	{
		snprintf(bban, sizeof(bban), "%012llu", acc % UINT64_C(1000000000000));
		make_iban("BE", bban, buf);
	}
}

static void
gen_bic(uint64_t r, char *buf)
{
	static const char *const bic[] = {
		"ABNANL2A", "INGBNL2A", "RABONL2U", "SNSBNL2A", "ASNBNL21", "RBRBNL21", "TRIONL2U",
		"KNABNL2H", "BUNQNL2A", "FVLBNL22", "INGBNL2AXXX", "ABNCNL2AGIR", "DEUTDEFF",
		"DEUTDEFF500", "COBADEFF", "GEBABEBB", "BBRUBEBB", "BNPAFRPP", "CITIUS33", "NWBKGB2L"
	};

	snprintf(buf, SLOT, "%s", PICK(bic, r));
}

KI_BENCH_PARSER(iban)
KI_BENCH_PARSER(bic)
#endif

#ifdef KI_BENCH_BAG
static void
gen_bag_id(uint64_t r, char *buf)
{
	static const char *const kind[] = {"20", "20", "20", "20", "01", "01", "10", "02", "03", "30"};

	snprintf(buf, SLOT, "%04u%s%010u", (unsigned) (1 + r % 1999), PICK(kind, r >> 16),
			 (unsigned) (1 + (r >> 24) % 2000000));
}

KI_BENCH_PARSER(bag_id)
#endif

#ifdef KI_BENCH_LANDCODE
static void
gen_landcode(uint64_t r, char *buf)
{
	static const char *const land[] = {
		"NL", "NL", "NL", "NL", "NL", "NL", "NL", "NL", "BE", "DE", "GB", "FR", "US", "TR", "MA",
		"SR", "ES", "PL", "IT", "PT", "CW", "AW", "SX", "BQ", "CN", "IN", "ID", "UA", "SY", "AF"
	};

	snprintf(buf, SLOT, "%s", PICK(land, r));
}

KI_BENCH_PARSER(landcode)
#endif

static const bench_entry entries[] = {
	{"bsn", gen_elfproef, parse_bsn},
	{"rsin", gen_elfproef, parse_rsin},
	{"kvk_nummer", gen_kvk, parse_kvk_nummer},
	{"vestigingsnummer", gen_vestigingsnummer, parse_vestigingsnummer},
#ifdef KI_BENCH_POSTCODE
	{"postcode", gen_postcode, parse_postcode},
#endif
#ifdef KI_BENCH_TELEFOONNUMMER
	{"telefoonnummer", gen_telefoonnummer, parse_telefoonnummer},
#endif
#ifdef KI_BENCH_EMAILADRES
	{"emailadres", gen_emailadres, parse_emailadres},
#endif
#ifdef KI_BENCH_BANK
	{"iban", gen_iban, parse_iban},
	{"bic", gen_bic, parse_bic},
#endif
#ifdef KI_BENCH_BAG
	{"bag_id", gen_bag_id, parse_bag_id},
#endif
#ifdef KI_BENCH_LANDCODE
	{"landcode", gen_landcode, parse_landcode},
#endif
};

#define NENTRIES ((int) (sizeof(entries) / sizeof(entries[0])))
#define NVARIANTS 3
static const char *const variant_name[NVARIANTS] = {"ours", "strtoll", "copy"};

static volatile int64_t sink;

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double
time_calls(call_fn fn, const char *strs, long n)
{
	bench_out	out;
	int64_t		acc = 0;
	double		t0 = now_ns();

	for (long i = 0; i < n; i++)
		acc += fn(strs + i * SLOT, &out);
	sink += acc;
	return (now_ns() - t0) / n;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x > y) - (x < y);
}

/* Median, minimum and maximum of v[0..n-1] (sorts v). */
static void
stats(double *v, int n, double *med, double *lo, double *hi)
{
	qsort(v, n, sizeof(double), cmp_double);
	*med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	*lo = v[0];
	*hi = v[n - 1];
}

int
main(int argc, char **argv)
{
	long		n = 1000000;
	int			runs = 5;
	bool		csv = false;
	int			opt;
	char	   *strs;
	bool		usable[NENTRIES];
	double	   *ns;
	double	   *tmp;

	while ((opt = getopt(argc, argv, "n:r:c")) != -1)
	{
		switch (opt)
		{
			case 'n':
				n = atol(optarg);
				break;
			case 'r':
				runs = atoi(optarg);
				break;
			case 'c':
				csv = true;
				break;
			default:
				fprintf(stderr, "usage: %s [-n values] [-r runs] [-c]\n", argv[0]);
				return 2;
		}
	}
	if (n < 1 || runs < 1)
	{
		fprintf(stderr, "core_bench: -n and -r must be positive\n");
		return 2;
	}
	ns = calloc((size_t) NENTRIES * NVARIANTS * runs, sizeof(double));
	tmp = calloc((size_t) runs, sizeof(double));
	strs = ns && tmp ? malloc((size_t) n * SLOT) : NULL;

	/*
	 * One type at a time: generate, check that the core accepts every value,
	 * then time the variants, interleaved and in rotating order per run.
	 */
	for (int e = 0; e < NENTRIES; e++)
	{
		long		bad = 0;
		bench_out	out;

		if (strs == NULL)
		{
			fprintf(stderr, "core_bench: out of memory\n");
			return 1;
		}
		for (long i = 0; i < n; i++)
		{
			char	   *s = strs + i * SLOT;

			entries[e].gen(mix((uint64_t) i * 16 + (uint64_t) e), s);
			if (!entries[e].parse(s, &out) && bad++ == 0)
				fprintf(stderr, "core_bench: %s rejects the generated \"%s\"\n", entries[e].name, s);
		}
		usable[e] = bad == 0;
		if (bad)
		{
			fprintf(stderr, "core_bench: %s: %ld of %ld generated values rejected; left out\n",
					entries[e].name, bad, n);
			continue;
		}
		for (int r = 0; r < runs; r++)
			for (int k = 0; k < NVARIANTS; k++)
			{
				int			v = (r + k) % NVARIANTS;
				call_fn		fn = v == 0 ? entries[e].parse : v == 1 ? call_strtoll : call_copy;

				ns[(e * NVARIANTS + v) * runs + r] = time_calls(fn, strs, n);
			}
	}

	if (csv)
	{
		printf("type,variant,run,ns_per_call,n\n");
		for (int e = 0; e < NENTRIES; e++)
			for (int v = 0; v < NVARIANTS && usable[e]; v++)
				for (int r = 0; r < runs; r++)
					printf("%s,%s,%d,%.3f,%ld\n", entries[e].name, variant_name[v], r + 1,
						   ns[(e * NVARIANTS + v) * runs + r], n);
		return 0;
	}

	printf("ns per call over %ld values, %d runs: median (min-max)\n", n, runs);
	printf("%-18s %-22s %-22s %-22s %s\n", "type", "ours", "strtoll", "copy", "ours / strtoll");
	for (int e = 0; e < NENTRIES; e++)
	{
		char		cell[NVARIANTS][32];
		double		med,
					lo,
					hi;

		if (!usable[e])
			continue;
		for (int v = 0; v < NVARIANTS; v++)
		{
			memcpy(tmp, ns + (e * NVARIANTS + v) * runs, runs * sizeof(double));
			stats(tmp, runs, &med, &lo, &hi);
			snprintf(cell[v], sizeof(cell[v]), "%.1f (%.1f-%.1f)", med, lo, hi);
		}
		for (int r = 0; r < runs; r++)
			tmp[r] = ns[(e * NVARIANTS) * runs + r] / ns[(e * NVARIANTS + 1) * runs + r];
		stats(tmp, runs, &med, &lo, &hi);
		printf("%-18s %-22s %-22s %-22s %.2f (%.2f-%.2f)\n", entries[e].name,
			   cell[0], cell[1], cell[2], med, lo, hi);
	}
	return 0;
}
