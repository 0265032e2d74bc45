#ifndef ZONESTAT_CLIBCSV_SHIM_H
#define ZONESTAT_CLIBCSV_SHIM_H
#include <stddef.h>
#include <csv.h>
#endif
