#pragma once
// Reads the team's taper templates (data/taper_templates.txt) at session start. A file with any
// error is refused whole: "FILE:line:column: expected ..., found ...".
#include "core/taper_template.hpp"

#include <filesystem>
#include <vector>

namespace vb::app {

// Throws std::runtime_error when the file cannot be read or has an error.
std::vector<TaperTemplate> load_taper_templates(const std::filesystem::path& file);

}  // namespace vb::app
