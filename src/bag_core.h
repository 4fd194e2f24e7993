/*
 * bag_core.h
 *		BAG identificatie: the 16-digit id of a BAG object (gemeentecode,
 *		objecttypecode, volgnummer).  Pure C: parse, check, format, parts.
 */
#ifndef BAG_CORE_H
#define BAG_CORE_H

#include "ki_core.h"

/* Largest 16-digit number; the object type rule keeps real ids below it. */
#define KI_BAG_ID_MAX		INT64_C(9999999999999999)

/* Text length of the canonical form, without the terminating NUL. */
#define KI_BAG_ID_LEN		16

bool		ki_bag_id_parse(const char *s, int64_t *out, ki_reason *why);

/* Check of an already numeric value, for casts and binary input. */
bool		ki_bag_id_check(int64_t v, ki_reason *why);

/* 16 digits into buf (size >= KI_BAG_ID_LEN + 1). */
void		ki_bag_id_format(int64_t v, char *buf);

/* The parts of a valid id. */
static inline int
ki_bag_id_gemeentecode(int64_t v)
{
	return (int) (v / INT64_C(1000000000000));
}

static inline int
ki_bag_id_objecttypecode(int64_t v)
{
	return (int) (v / INT64_C(10000000000) % 100);
}

/*
 * The catalogue name of an object type code ("verblijfsobject"), or NULL
 * when the code is not in the catalogue.
 */
const char *ki_bag_objecttype_name(int code);

#endif							/* BAG_CORE_H */
