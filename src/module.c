/*
 * module.c
 *		The one PG_MODULE_MAGIC of the klantinteracties shared library.
 */
#include "postgres.h"
#include "fmgr.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "klantinteracties", .version = KI_VERSION);
#else
PG_MODULE_MAGIC;
#endif

/*
 * Settings of the library: klantinteracties.verwijderen_toegestaan
 * (verwijderbewaking.c).
 */
void		_PG_init(void);
void		ki_verwijderbewaking_init(void);

void
_PG_init(void)
{
	ki_verwijderbewaking_init();
}
