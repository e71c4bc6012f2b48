#ifndef IMPACT_CLINEARALGEBRA_SHIM_H
#define IMPACT_CLINEARALGEBRA_SHIM_H
// OpenBLAS supplies CBLAS (and its own thread control); netlib's LAPACKE supplies the C LAPACK
// interface, which Debian resolves to OpenBLAS's optimized LAPACK through liblapack.so.3.
#include <cblas.h>
#include <lapacke.h>
#endif
