#pragma once
// Reads the team's review rules (data/review_rules.json). A malformed file is refused with the
// file and the field named; nothing falls back silently.
#include "core/review_rules.hpp"

#include <filesystem>
#include <string_view>

namespace vb::app {

// Throws std::runtime_error "FILE: field 'x.y': what".
ReviewRules parse_review_rules(std::string_view json_text, const std::string& file_name);
ReviewRules load_review_rules(const std::filesystem::path& file);

}  // namespace vb::app
