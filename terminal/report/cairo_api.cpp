// Loading the PDF plugin's table and checking it is the table this build expects.
#include "report/cairo_api.hpp"

#include "plugin/plugin_loader.hpp"

namespace vb::report {

const CairoApi& cairo_api() {
  static const CairoApi& api =
      plugin::plugin_table<CairoApi>(pdf_plugin_file, pdf_plugin_entry, cairo_api_version, "the PDF report (cairo)");
  return api;
}

}  // namespace vb::report
