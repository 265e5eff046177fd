#pragma once
// Reads the team's rota rules (data/rota_rules.json). A malformed file is refused with the file
// and the field named; nothing falls back silently.
#include "core/rota_rules.hpp"

#include <filesystem>
#include <string_view>

namespace vb::app {

// Throws std::runtime_error "FILE: field 'x.y': what".
RotaRules parse_rota_rules(std::string_view json_text, const std::string& file_name);
RotaRules load_rota_rules(const std::filesystem::path& file);

}  // namespace vb::app
