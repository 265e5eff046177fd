// Loading the PDF plugin's table and checking it is the table this build expects.
#include "report/cairo_api.hpp"

#include "plugin/plugin_loader.hpp"

#include <string>

namespace vb::report {

const CairoApi& cairo_api() {
  static const CairoApi& api = [] () -> const CairoApi& {
    constexpr const char* purpose = "the PDF report (cairo)";
    using Entry = const CairoApi* (*)();
    auto entry = reinterpret_cast<Entry>(plugin::plugin_symbol(pdf_plugin_file, pdf_plugin_entry, purpose));
    const CairoApi* table = entry();
    if (!table || table->version != cairo_api_version || table->size != sizeof(CairoApi))
      throw plugin::PluginError(std::string(purpose) + ": the plugin " + pdf_plugin_file +
                                " is from another version of visitboard (reinstall visitboard)");
    return *table;
  }();
  return api;
}

}  // namespace vb::report
