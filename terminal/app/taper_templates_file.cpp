#include "app/taper_templates_file.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vb::app {

std::vector<TaperTemplate> load_taper_templates(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read taper templates " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  TemplateFile parsed = parse_taper_templates(text.str(), file.string());
  if (parsed.error) throw std::runtime_error(parsed.error->text());
  return std::move(parsed.templates);
}

}  // namespace vb::app
