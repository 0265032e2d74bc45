#ifndef ZONESTAT_CZLIB_SHIM_H
#define ZONESTAT_CZLIB_SHIM_H
#include <zlib.h>
#endif
