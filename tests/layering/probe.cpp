// Compiled as part of one layer, to see whether it can include another layer's header
// (KYOSO_PROBE_HEADER): tests/layering/CMakeLists.txt.
#include KYOSO_PROBE_HEADER

int kyoso_layer_probe = 0;
