// OpenBLAS's CBLAS interface (Debian: libopenblas-dev).
#include <cblas.h>
// Declared by OpenBLAS's cblas.h; repeated so that a reference CBLAS header still compiles.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
