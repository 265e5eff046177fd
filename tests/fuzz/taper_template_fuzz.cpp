// Fuzzes the taper template parser: any text either loads or gives one error with a line and column
// inside the text; what loads formats to a line that parses back to the same templates.
#include "core/taper_template.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto file = vb::parse_taper_templates(text, "fuzz.txt");
  if (file.error) {
    if (!file.templates.empty() || file.error->line < 1 || file.error->column < 1) std::abort();
    return 0;
  }
  for (const auto& t : file.templates) {
    auto again = vb::parse_taper_templates(vb::format_template(t), "again.txt");
    if (again.error || again.templates.size() != 1) std::abort();
    if (vb::format_template(again.templates[0]) != vb::format_template(t)) std::abort();
  }
  return 0;
}
