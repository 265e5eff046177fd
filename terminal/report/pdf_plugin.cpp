// The PDF plugin (visitboard-pdf.so): the one place linked against cairo. It hands the report a table
// of cairo's C functions (cairo_api.hpp); a C interface, so nothing of visitboard's own types crosses.
#include "report/cairo_api.hpp"

extern "C" __attribute__((visibility("default"))) const vb::report::CairoApi* vb_cairo_api_v1() {
#define VB_CAIRO_ADDRESS(f) &::f,
  static const vb::report::CairoApi api{vb::report::cairo_api_version, sizeof(vb::report::CairoApi),
                                        VB_CAIRO_FUNCTIONS(VB_CAIRO_ADDRESS)};
#undef VB_CAIRO_ADDRESS
  return &api;
}
