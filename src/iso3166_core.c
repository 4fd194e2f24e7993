/*
 * iso3166_core.c
 *		The assigned ISO 3166-1 alpha-2 codes.
 *
 * Source: Debian iso-codes 4.15.0, /usr/share/iso-codes/json/iso_3166-1.json
 * (249 codes).  To update, regenerate the rows below from that file: for each
 * first letter, the second letters of its codes in order, e.g. with
 *
 *	python3 -c 'import json; c = sorted(x["alpha_2"] for x in json.load(
 *	  open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]);
 *	  [print(l, "".join(x[1] for x in c if x[0] == l)) for l in map(chr, range(65, 91))]'
 *
 * sql/bic.sql tries all 676 letter pairs against a copy of the list.
 */
#include "iso3166_core.h"

#include <string.h>

/* Row L holds the second letters of the codes that start with L. */
static const char *const iso3166_alpha2[26] = {
	/* A */ "DEFGILMOQRSTUWXZ",
	/* B */ "ABDEFGHIJLMNOQRSTVWYZ",
	/* C */ "ACDFGHIKLMNORUVWXYZ",
	/* D */ "EJKMOZ",
	/* E */ "CEGHRST",
	/* F */ "IJKMOR",
	/* G */ "ABDEFGHILMNPQRSTUWY",
	/* H */ "KMNRTU",
	/* I */ "DELMNOQRST",
	/* J */ "EMOP",
	/* K */ "EGHIMNPRWYZ",
	/* L */ "ABCIKRSTUVY",
	/* M */ "ACDEFGHKLMNOPQRSTUVWXYZ",
	/* N */ "ACEFGILOPRUZ",
	/* O */ "M",
	/* P */ "AEFGHKLMNRSTWY",
	/* Q */ "A",
	/* R */ "EOSUW",
	/* S */ "ABCDEGHIJKLMNORSTVXYZ",
	/* T */ "CDFGHJKLMNORTVWZ",
	/* U */ "AGMSYZ",
	/* V */ "ACEGINU",
	/* W */ "FS",
	/* X */ "",
	/* Y */ "ET",
	/* Z */ "AMW",
};

bool
ki_iso3166_alpha2_known(const char c[2])
{
	if (c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z')
		return false;
	return strchr(iso3166_alpha2[c[0] - 'A'], c[1]) != NULL;
}
