#ifndef GAPKIT_CYAML_SHIM_H
#define GAPKIT_CYAML_SHIM_H
#include <yaml.h>
#endif
