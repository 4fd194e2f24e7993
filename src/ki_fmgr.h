/*
 * ki_fmgr.h
 *		Shared fmgr glue: turning core failures into PostgreSQL errors.
 *
 * The glue only converts between Datums and C values and reports; every rule
 * lives in the pure core (*_core.c).
 */
#ifndef KI_FMGR_H
#define KI_FMGR_H

#include "postgres.h"
#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/jsonb.h"

#include "ki_core.h"

/*
 * A rejected value longer than this many bytes is quoted only in part in an
 * error message, which says so and gives its length.
 */
#define KI_SHOWN_MAX 128

/*
 * Report text input that the core rejected: SQLSTATE 22P02, the type and the
 * value in the message (cut after KI_SHOWN_MAX bytes), the core's reason as
 * detail and hint.  On PostgreSQL
 * 16 and later a soft-error context (pg_input_is_valid) gets the error
 * instead of a throw; the caller then returns (Datum) 0.
 */
void		ki_invalid_text(Node *escontext, const char *typname, const char *input,
							const ki_reason *why);

/*
 * Report a value from another type that the core rejected: SQLSTATE 22023
 * with the same message layout.  input is shown as it is (an integer), or,
 * with literal, as an SQL literal cut as above (text).
 */
void		ki_invalid_value(const char *typname, const char *input, bool literal,
							 const ki_reason *why);

/* Report binary input that is not a valid value: SQLSTATE 22P03. */
void		ki_invalid_binary(const char *typname, const ki_reason *why);

/* The text argument as a NUL-terminated C string (palloc'd). */
char	   *ki_text_arg(FunctionCallInfo fcinfo, int argno);

/*
 * The text of a jsonb string or number, for the scans that read every key and
 * scalar of a document as text (the BSN mask, erasure): a string as it is, a
 * number in its output form (palloc'd, *copied set).  False for the other
 * kinds (null, boolean, containers).
 */
bool		ki_jsonb_scalar_text(const JsonbValue *v, const char **s, size_t *len,
								 bool *copied);

#endif							/* KI_FMGR_H */
